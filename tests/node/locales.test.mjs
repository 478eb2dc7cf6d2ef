// Every language is complete. Every word a person reads is in a JSON catalogue, one file per
// language and kind, `{ "locale": …, <sections> }`: www/locales/<lang>.json holds the rubric's
// words keyed by id and the widget's under `ui`, www/app/locales/<lang>.json the page's under
// `page`. Against English, each other language has exactly its keys (none missing, none stray),
// the same {placeholders} in every text, and its own `locale`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";
import { LOCALES as OFFERED, describeError, format } from "../../www/elements/messages.js";
import { PAGE, LANGUAGES } from "../../www/app/i18n.js";

const LOCALES = ["ar", "en", "es", "fr", "ru", "zh"];
/** The catalogue kinds: where their files are, and their word sections (flat maps of key → text). */
const KINDS = [
  { dir: "www/locales", sections: ["ui"] },
  { dir: "www/app/locales", sections: ["page"] },
];
const read = (path) => JSON.parse(readFileSync(join(root, path), "utf8"));
const catalogue = (kind, locale) => read(`${kind.dir}/${locale}.json`);
const placeholders = (text) => (String(text).match(/\{\w+\}/g) ?? []).sort().join(" ");

/** Every text in a catalogue, as [path, text]; a path is its keys joined by " / " (ids hold dots). */
function texts(value, path = []) {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => texts(v, [...path, k]));
  return [[path.join(" / "), value]];
}

test("the six UN languages are offered everywhere", () => {
  assert.deepEqual(Object.keys(LANGUAGES).sort(), LOCALES);
  assert.deepEqual([...OFFERED].sort(), LOCALES);
  assert.deepEqual(Object.keys(PAGE), ["en"], "the page bundles English alone");
  for (const { dir } of KINDS) {
    const files = readdirSync(join(root, dir)).filter((f) => f.endsWith(".json")).sort();
    assert.deepEqual(files, LOCALES.map((l) => `${l}.json`), dir);
  }
});

for (const kind of KINDS) {
  test(`${kind.dir}: every language has exactly the English keys, each text with the same placeholders`, () => {
    const en = catalogue(kind, "en");
    const english = new Map(texts(en));
    for (const [path, text] of english) assert.equal(typeof text, "string", `en: ${path} is a text`);
    for (const section of kind.sections) {
      for (const [key, text] of Object.entries(en[section])) assert.equal(typeof text, "string", `en: ${section} is flat (${key})`);
    }
    for (const locale of LOCALES) {
      const words = catalogue(kind, locale);
      assert.equal(words.locale, locale, `${kind.dir}/${locale}.json says it is ${locale}`);
      const own = new Map(texts(words));
      assert.deepEqual([...english.keys()].filter((p) => !own.has(p)), [], `${locale}: missing keys`);
      assert.deepEqual([...own.keys()].filter((p) => !english.has(p)), [], `${locale}: stray keys`);
      for (const [path, text] of english) assert.equal(placeholders(own.get(path)), placeholders(text), `${locale}: ${path}`);
    }
  });
}

test("the methodology is translated, and each language's `dir` is its script's", () => {
  const en = catalogue(KINDS[0], "en");
  for (const locale of LOCALES) {
    const words = catalogue(KINDS[0], locale);
    assert.equal(words.ui.dir, locale === "ar" ? "rtl" : "ltr", locale);
    if (locale === "en") continue;
    const same = Object.keys(en.elements).filter((id) => words.elements[id].question === en.elements[id].question);
    assert.deepEqual(same, [], `${locale}: untranslated questions`);
  }
});

test("the English widget and page words each have one source", () => {
  // tests/generated.rs writes www/locales/en.json; its `ui` section is www/elements/ui.en.json.
  assert.deepEqual(catalogue(KINDS[0], "en").ui, read("www/elements/ui.en.json"));
  assert.deepEqual(PAGE.en, catalogue(KINDS[1], "en").page);
});

test("rejected inputs are explained in every language", () => {
  const en = catalogue(KINDS[0], "en");
  const codes = Object.keys(en.ui).filter((k) => k.startsWith("errors.")).map((k) => k.slice("errors.".length));
  // Every code the engine can return (the `enum` of ErrorData.code in the API schema, generated
  // from the engine's list of codes) has words, in every language (the keys test above).
  const api = read("schema/api.schema.json");
  const engine = api.$defs.ErrorData.properties.code.enum;
  assert.ok(Array.isArray(engine) && engine.length > 0, "ErrorData.code lists its codes");
  assert.deepEqual([...engine].sort(), [...codes].sort());
  const error = { code: "unknown-option", path: "answers.O1.1.option", message: "unknown option `publik` for element `O1.1` (did you mean `public`?)", suggestion: "public" };
  assert.equal(describeError(en, error), error.message);
  const fr = catalogue(KINDS[0], "fr");
  assert.equal(describeError(fr, error), `${fr.ui["errors.unknown-option"]} ${format(fr.ui.didYouMean, { suggestion: "public" })} (answers.O1.1.option)`);
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const words = catalogue(KINDS[0], locale);
    const language = { code: "invalid-language", path: "language", message: "invalid language tag `english`" };
    assert.equal(describeError(words, language), `${words.ui["errors.invalid-language"]} (language)`, locale);
    assert.equal(describeError(words, { ...error, code: "not-a-code" }), error.message, `${locale}: unknown codes fall back to the engine's words`);
  }
});

test("a catalogue without the widget's words is not spoken: English throughout, with a warning", async () => {
  const { setLocales, messages } = await import("../../www/elements/messages.js");
  const { ui, ...rubricOnly } = catalogue(KINDS[0], "fr");
  assert.equal(typeof ui, "object");
  const warned = [];
  const warn = console.warn;
  console.warn = (text) => warned.push(text);
  try {
    setLocales((lang) => (lang === "fr" ? rubricOnly : lang === "ar" ? catalogue(KINDS[0], "ar") : null));
    const fr = await messages("fr");
    assert.deepEqual([fr.locale, fr.dir, fr.text("loading"), fr.rubric.pillars.O.name], ["en", "ltr", "Scoring…", "Openness"]);
    assert.match(warned.join("\n"), /the "fr" catalogue could not be loaded \(not a catalogue \(it needs pillars and ui\)\); showing English/);
    const ar = await messages("ar");
    assert.deepEqual([ar.locale, ar.dir], ["ar", "rtl"]);
    const error = { code: "invalid-language", path: "process.language", message: "`English` is not a language tag such as `en`, `ar` or `zh-Hans`" };
    assert.equal(ar.describe(error), `${ar.ui["errors.invalid-language"]} (process.language)`);
    assert.equal(fr.describe(error), error.message);
  } finally {
    console.warn = warn;
    setLocales(null);
  }
});
