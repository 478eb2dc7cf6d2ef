// The assessment page's own words. They are a catalogue like the widget's (www/locales/): one JSON
// file per language, www/app/locales/<lang>.json, `{ "locale": …, "page": { key: text } }`, whose
// `{name}` placeholders `format` (elements/messages.js) fills. English is the source and is
// bundled; the other languages (a test checks that each has exactly the English keys) arrive with
// that language's catalogue.
import en from "./locales/en.json" with { type: "json" };
import { readCatalogue, setLocales } from "../elements/messages.js";

/**
 * The page's words by language: English from the start, another language once `messages(lang)`
 * has loaded it (the page awaits that before it draws in that language).
 * @type {Record<string, Record<string, string>>}
 */
export const PAGE = { en: en.page };

/** The page's supported languages (those of the widget), each in its own words. */
export const LANGUAGES = { en: "English", ar: "العربية", es: "Español", fr: "Français", ru: "Русский", zh: "中文" };

// On this page a language's catalogue is the elements' (www/locales/<lang>.json) and the page's
// words, loaded together through the one loader the elements use: the page and its scorecards
// speak a language only when both files are there, and otherwise English throughout (with the
// loader's warning). The page is served as it is, not bundled, so the URLs may be templates.
setLocales(async (locale) => {
  if (locale === "en" || !Object.hasOwn(LANGUAGES, locale)) return null;
  const [catalogue, words] = await Promise.all([
    readCatalogue(new URL(`../locales/${locale}.json`, import.meta.url), ["pillars", "ui"]),
    readCatalogue(new URL(`./locales/${locale}.json`, import.meta.url), ["page"]),
  ]);
  PAGE[locale] = words.page;
  return catalogue;
});
