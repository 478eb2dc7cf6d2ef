// What the page's modules share: the reader's language, today's date, the rubric's words for a
// pillar, an indicator or a band, an assessment's name, an engine error in the reader's words, and
// the live scorecard (Assess and Weights). Nothing here keeps state.
import { clean, isolate } from "../elements/dom.js";
import { LANGUAGES } from "./i18n.js";

/** The page's language: the one chosen here before, else the browser's, when the page has it; else English. */
export function pickLanguage(chosen, browser = globalThis.navigator?.language) {
  const wanted = chosen ?? browser?.slice(0, 2);
  return Object.hasOwn(LANGUAGES, wanted) ? wanted : "en";
}

/** Today, as the profile format writes dates (`2026-12-02`, UTC). */
export const today = () => new Date().toISOString().slice(0, 10);

/** A pillar's name in the reader's language, its id where the catalogue has none. */
export const pillarName = (words, id) => words.rubric.pillars[id]?.name ?? id;

/** An indicator's name in the reader's language, its id where the catalogue has none. */
export const indicatorName = (words, id) => words.rubric.indicators[id]?.name ?? id;

/** A band's name in the reader's language (`band` as the report gives it). */
export const bandName = (words, band) => words.rubric.bands[band] ?? band;

/** An assessment's name as plain text, override controls dropped; "Untitled process" when it has none. */
export const processName = (profile, t) => clean(profile?.process?.name) || t("untitled");

/**
 * An assessment's name for a sentence: `processName`, isolated (FSI…PDI), so that a name cannot
 * reorder the words around it.
 */
export const nameOf = (profile, t) => isolate(processName(profile, t));

/**
 * An engine error for the reader, in their language, with its code. The message may quote what the
 * input held (an unknown field's name), so override controls are dropped from it.
 */
export const describe = (words, e) => `${clean(words.describe(e))} (${e.code ?? "error"})`;

/**
 * The scorecard element that shows the page's live scores (`#live`): `profile` with the reader's
 * `weights` (null for the methodology's). Its indicator rows lead to the methodology, its
 * recommendations and sources to the question.
 */
export function liveScorecard({ words, weights, profile }) {
  const card = /** @type {import("../elements/scorecard.js").SdoOpennessScorecardElement} */ (document.createElement("sdo-openness-scorecard"));
  card.id = "live";
  card.setAttribute("lang", words.locale);
  card.setAttribute("indicator-href", "?view=method&i={indicator}");
  card.setAttribute("question-href", "?view=assess&q={question}");
  if (weights) card.weights = weights;
  card.profile = profile;
  return card;
}
