// Which language an element speaks, and its words. They come from one catalogue per language,
// www/locales/<lang>.json: the rubric's words keyed by id (pillars, indicators, elements, …) and
// the widget's own under `ui`, a flat map of keys to texts whose `{name}` placeholders `format`
// fills. English is bundled; the others are fetched when first needed, before anything is drawn.
import en from "../locales/en.json" with { type: "json" };

/** A catalogue (www/locales/<lang>.json). @typedef {typeof en} Catalogue */

/** The six supported locales, English first. */
export const LOCALES = ["en", "ar", "es", "fr", "ru", "zh"];

/** @type {Map<string, Promise<Catalogue>>} */
const catalogues = new Map([["en", Promise.resolve(en)]]);

/** The supported locale for `element`: its own `lang`, or its nearest ancestor's, else English. */
export function localeOf(element) {
  const tag = element.closest("[lang]")?.getAttribute("lang") || element.ownerDocument.documentElement.lang || "en";
  const base = tag.trim().toLowerCase().split("-")[0];
  return LOCALES.includes(base) ? base : "en";
}

// Where each language's catalogue lies, one literal `new URL(…, import.meta.url)` per language:
// the form Vite, webpack and Rollup (with an import-meta-URL plugin) find, emit and rewrite. A
// template literal would leave each bundler to guess which files it may name.
const URLS = {
  ar: () => new URL("../locales/ar.json", import.meta.url),
  es: () => new URL("../locales/es.json", import.meta.url),
  fr: () => new URL("../locales/fr.json", import.meta.url),
  ru: () => new URL("../locales/ru.json", import.meta.url),
  zh: () => new URL("../locales/zh.json", import.meta.url),
};

let custom = null;

/**
 * Where the catalogues come from instead (configure({ locales })): `locales(lang)` returns that
 * language's catalogue, a URL of it, its Response, a module whose default export it is (`import("….json")`),
 * a promise of one of these, or null for English.
 */
export function setLocales(locales) {
  custom = locales;
  for (const locale of catalogues.keys()) if (locale !== "en") catalogues.delete(locale);
}

/**
 * A JSON catalogue file from any of the forms `setLocales` accepts (a URL, a Response, a module,
 * the object itself, or a promise of one); it must have every section in `sections`.
 */
export async function readCatalogue(source, sections) {
  source = await source;
  if (typeof source === "string" || source instanceof URL) source = await fetch(source);
  if (typeof Response === "function" && source instanceof Response) {
    if (!source.ok) throw new Error(`HTTP ${source.status} for ${source.url}`);
    source = await source.json();
  }
  const catalogue = source?.default ?? source;
  if (sections.some((section) => typeof catalogue?.[section] !== "object" || !catalogue[section])) throw new Error(`not a catalogue (it needs ${sections.join(" and ")})`);
  return catalogue;
}

/** Says, once per language, that a catalogue could not be loaded and English is shown instead. */
function warnEnglish(locale, error) {
  console.warn(`sdo-openness: the "${locale}" catalogue could not be loaded (${error?.message ?? error}); showing English. See configure() in docs/bundlers.md.`);
}

async function load(locale) {
  const source = custom ? await custom(locale) : URLS[locale]?.();
  // Without its widget words a catalogue would draw English sentences marked as another language.
  return source == null ? en : readCatalogue(source, ["pillars", "ui"]);
}

function catalogue(locale) {
  if (!catalogues.has(locale)) {
    // A missing translation falls back to English, never to a blank widget, but says so.
    catalogues.set(locale, load(locale).catch((e) => (warnEnglish(locale, e), en)));
  }
  return catalogues.get(locale);
}

/** Fills `{name}` placeholders. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

/**
 * A rejected input in the catalogue's language: the engine's own message in English (it is the
 * most specific), elsewhere the translated meaning of its code (`errors.<code>`), the JSON path
 * and any suggestion; the engine's message for a code the catalogue has no words for.
 */
export function describeError(catalogue, error) {
  const ui = catalogue.ui;
  const meaning = ui[`errors.${error.code}`];
  if (catalogue.locale === "en" || !meaning) return error.message;
  const suggestion = error.suggestion ? ` ${format(ui.didYouMean ?? en.ui.didYouMean, { suggestion: error.suggestion })}` : "";
  return `${meaning}${suggestion}${error.path ? ` (${error.path})` : ""}`;
}

/** Everything a renderer needs to speak `locale`. */
export async function messages(wanted) {
  const rubric = await catalogue(wanted);
  // Without its catalogue a language is not spoken at all: the card is English throughout, and
  // says so (lang="en", left to right), rather than English words marked as French or Arabic.
  const locale = rubric === en ? "en" : wanted;
  const ui = rubric.ui;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return {
    locale,
    dir: ui.dir ?? "ltr",
    ui,
    rubric,
    /** A score or gain, localised (Arabic digits in Arabic, and so on). */
    number: (x) => numbers.format(x),
    /** A YYYY-MM-DD date, localised. */
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    text: (key, values = {}) => format(ui[key] ?? en.ui[key], values),
    /** A word from one of the widget's lists (`reviewLevels`, `warningCodes`, …: keys `<list>.<id>`), else the id. */
    pick: (list, id) => ui[`${list}.${id}`] ?? en.ui[`${list}.${id}`] ?? id,
    /** A rejected input, explained in this language. */
    describe: (error) => describeError(rubric, error),
  };
}
