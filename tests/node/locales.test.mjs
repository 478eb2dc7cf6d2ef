// Every language is complete: the methodology catalogues have every key of the generated English
// one, and the widget's and page's words exist in all six languages with the same placeholders.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root } from "../support/package.mjs";
import { UI } from "../../www/elements/ui.js";
import { PAGE, LANGUAGES } from "../../www/app/i18n.js";

const LOCALES = ["ar", "en", "es", "fr", "ru", "zh"];
const placeholders = (text) => (String(text).match(/\{\w+\}/g) ?? []).sort().join(" ");

function paths(value, prefix = "") {
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

test("the six UN languages are offered everywhere", () => {
  assert.deepEqual(Object.keys(LANGUAGES).sort(), LOCALES);
  assert.deepEqual(Object.keys(UI).sort(), LOCALES);
  assert.deepEqual(Object.keys(PAGE).sort(), LOCALES);
  const files = readdirSync(join(root, "www/locales")).filter((f) => f.endsWith(".json")).sort();
  assert.deepEqual(files, LOCALES.map((l) => `${l}.json`));
});

test("methodology catalogues have exactly the English keys, translated", () => {
  const en = JSON.parse(readFileSync(join(root, "www/locales/en.json"), "utf8"));
  const keys = paths(en);
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const catalogue = JSON.parse(readFileSync(join(root, `www/locales/${locale}.json`), "utf8"));
    assert.deepEqual(paths(catalogue), keys, locale);
    assert.equal(catalogue.locale, locale);
    const same = Object.keys(en.elements).filter((id) => catalogue.elements[id].question === en.elements[id].question);
    assert.deepEqual(same, [], `${locale}: untranslated questions`);
  }
});

test("widget and page words exist in every language with the same placeholders", () => {
  for (const table of [UI, PAGE]) {
    for (const locale of LOCALES) {
      assert.deepEqual(Object.keys(table[locale]).sort(), Object.keys(table.en).sort(), locale);
      for (const [key, text] of Object.entries(table.en)) {
        assert.equal(placeholders(table[locale][key]), placeholders(text), `${locale}.${key}`);
      }
    }
  }
  assert.equal(UI.ar.dir, "rtl");
});

test("rejected inputs are explained in every language", async () => {
  const { describeError } = await import("../../www/elements/ui.js");
  const codes = Object.keys(UI.en.errors);
  // Every code the engine can return (the `enum` of ErrorData.code in the API schema, generated
  // from the engine's list of codes) has words.
  const api = JSON.parse(readFileSync(join(root, "schema/api.schema.json"), "utf8"));
  const engine = api.$defs.ErrorData.properties.code.enum;
  assert.ok(Array.isArray(engine) && engine.length > 0, "ErrorData.code lists its codes");
  assert.deepEqual([...engine].sort(), [...codes].sort());
  for (const locale of LOCALES) assert.deepEqual(Object.keys(UI[locale].errors), codes, locale);
  const error = { code: "unknown-option", path: "answers.O1.1.option", message: "unknown option `publik` for element `O1.1` (did you mean `public`?)", suggestion: "public" };
  assert.equal(describeError(UI.en, error), error.message);
  assert.equal(describeError(UI.fr, error), `${UI.fr.errors["unknown-option"]} ${UI.fr.didYouMean.replace("{suggestion}", "public")} (answers.O1.1.option)`);
  assert.equal(describeError(UI.ar, { ...error, code: "not-a-code" }), error.message, "unknown codes fall back to the engine's words");
});
