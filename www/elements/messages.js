// Which language an element speaks, and its words: the widget's own (ui.js, all bundled) and the
// rubric's (www/locales/*.json: English bundled, the others fetched when first needed).
import en from "../locales/en.json" with { type: "json" };
import { UI, LOCALES, describeError } from "./ui.js";

/**
 * A rubric catalogue (www/locales/*.json). One bundled into the widget also carries its `ui` words.
 * @typedef {typeof en & { ui?: typeof UI.en }} Catalogue
 */

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

async function load(locale) {
  let source = custom ? await custom(locale) : URLS[locale]?.();
  if (source == null) return en;
  if (typeof source === "string" || source instanceof URL) {
    source = await fetch(source);
  }
  if (typeof Response === "function" && source instanceof Response) {
    if (!source.ok) throw new Error(`HTTP ${source.status} for ${source.url}`);
    source = await source.json();
  }
  const catalogue = source.default ?? source;
  if (typeof catalogue?.pillars !== "object") throw new Error("not a catalogue (no `pillars`)");
  return catalogue;
}

function catalogue(locale) {
  if (!catalogues.has(locale)) {
    const loading = load(locale).catch((e) => {
      // A missing translation falls back to English, never to a blank widget, but says so.
      console.warn(`sdo-openness: the "${locale}" catalogue could not be loaded (${e?.message ?? e}); showing English. See configure() in docs/bundlers.md.`);
      return en;
    });
    catalogues.set(locale, loading);
  }
  return catalogues.get(locale);
}

/** Fills `{name}` placeholders. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

/** Everything a renderer needs to speak `locale`. */
export async function messages(wanted) {
  const rubric = await catalogue(wanted);
  // Without its catalogue a language is not spoken at all: the card is English throughout, and
  // says so (lang="en", left to right), rather than English words marked as French or Arabic.
  const locale = rubric === en ? "en" : wanted;
  // The widget bundle carries English only; its other catalogues bring their own `ui` words.
  const ui = rubric.ui ?? UI[locale] ?? UI.en;
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return {
    locale,
    dir: ui.dir,
    ui,
    rubric,
    /** A score or gain, localised (Arabic digits in Arabic, and so on). */
    number: (x) => numbers.format(x),
    /** A YYYY-MM-DD date, localised. */
    date: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    text: (key, values = {}) => format(ui[key] ?? UI.en[key], values),
    /** A word from one of the widget's lists (`reviewLevels`, `warningCodes`, …), else the id. */
    pick: (list, id) => ui[list]?.[id] ?? UI.en[list]?.[id] ?? id,
    /** A rejected input, explained in this language. */
    describe: (error) => describeError(ui, error),
  };
}
