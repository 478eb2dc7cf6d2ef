// Which language an element speaks, and its words: the widget's own (ui.js, all bundled) and the
// rubric's (www/locales/*.json: English bundled, the others fetched when first needed).
import en from "../locales/en.json" with { type: "json" };
import { UI, LOCALES, describeError } from "./ui.js";

const catalogues = new Map([["en", Promise.resolve(en)]]);

/** The supported locale for `element`: its own `lang`, or its nearest ancestor's, else English. */
export function localeOf(element) {
  const tag = element.closest("[lang]")?.getAttribute("lang") || element.ownerDocument.documentElement.lang || "en";
  const base = tag.trim().toLowerCase().split("-")[0];
  return LOCALES.includes(base) ? base : "en";
}

function catalogue(locale) {
  if (!catalogues.has(locale)) {
    const url = new URL(`../locales/${locale}.json`, import.meta.url);
    const loading = fetch(url)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`))))
      .catch(() => en); // A missing translation falls back to English, never to a blank widget.
    catalogues.set(locale, loading);
  }
  return catalogues.get(locale);
}

/** Fills `{name}` placeholders. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
}

/** Everything a renderer needs to speak `locale`. */
export async function messages(locale) {
  const rubric = await catalogue(locale);
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
