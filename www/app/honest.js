// No number outruns its data: how the page words a pillar's or an indicator's figures. A score
// and a band appear only for what the engine marks `scored`; everything else is "insufficient
// data" with its range and coverage (docs/methodology.md, "When a score is published").
import { h } from "../elements/dom.js";
import { pillarName, bandName } from "./common.js";

/** A share (0–1) as a whole percentage, rounded down so that 69.5% never reads as the 70% a rule needs. */
export function percent(words, share) {
  const floored = Math.floor(share * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(words.locale, { style: "percent", maximumFractionDigits: 0 }).format(floored);
}

/** A share (0–1) as "N of 100": 0 and 100 only when it is exactly none or all. */
export function perHundred(words, share) {
  const n = Math.round(share * 100);
  return words.number(share > 0 && share < 1 ? Math.min(99, Math.max(1, n)) : n);
}

export const scored = (x) => x?.status === "scored";

/** "7–96.5", kept left to right (as the numbers read) inside right-to-left text. */
export const span = (text) => h("span", { class: "range", dir: "ltr" }, text);

/** "between 7 and 96.5" */
export const between = (words, t, x) => t("between", { lower: words.number(x.lower ?? 0), upper: words.number(x.upper ?? 100) });

/** The lines that describe one pillar of a report. */
export function pillarLines({ pillar, rubric, words, t }) {
  const name = pillarName(words, pillar.id);
  const answered = t("answeredShare", {
    assessed: words.number(pillar.assessed),
    applicable: words.number(pillar.applicable),
    weight: percent(words, pillar.answeredWeight),
  });
  if (scored(pillar)) {
    return {
      status: "scored",
      head: t("pillarScore", { pillar: name, score: words.number(pillar.score), band: bandName(words, pillar.band) }) + (pillar.provisional ? "*" : ""),
      lines: [
        pillar.provisional ? t("provisionalMark", { lower: words.number(pillar.lower), upper: words.number(pillar.upper) }) : null,
        answered,
        t("evidenceQuality", { share: percent(words, pillar.evidenceQuality) }),
      ].filter(Boolean),
    };
  }
  return {
    status: "insufficient-data",
    head: t("pillarInsufficient", { pillar: name }),
    lines: [
      t("rangeOpen", { lower: words.number(pillar.lower ?? 0), upper: words.number(pillar.upper ?? 100) }),
      answered,
      t("scoreRule", { needed: percent(words, rubric.coverage.pillar) }),
    ],
  };
}

/** The summary of every pillar, as a list. */
export function pillarSummary({ report, rubric, words, t }) {
  return h(
    "ul",
    { class: "pillar-status" },
    report.pillars.map((pillar) => {
      const { status, head, lines } = pillarLines({ pillar, rubric, words, t });
      return h("li", { class: `status-${status}`, "data-pillar": pillar.id }, h("strong", {}, head), lines.map((line) => h("span", { class: "line" }, line)));
    }),
  );
}

/** One indicator in words. */
export function indicatorText({ indicator, rubric, words, t }) {
  if (indicator.status === "not-applicable") return t("indicatorNa");
  if (scored(indicator)) {
    const text = t("indicatorScored", { score: words.number(indicator.score), band: bandName(words, indicator.band) });
    return indicator.assessed < indicator.applicable ? `${text} (${between(words, t, indicator)})` : text;
  }
  return t("indicatorInsufficient", {
    lower: words.number(indicator.lower ?? 0),
    upper: words.number(indicator.upper ?? 100),
    assessed: words.number(indicator.assessed),
    applicable: words.number(indicator.applicable),
    needed: percent(words, rubric.coverage.indicator),
  });
}

/** A short cell for tables: the score, or "insufficient data" with the range. */
export function cell({ x, words, t }) {
  if (x.status === "not-applicable") return [h("span", { class: "na" }, t("indicatorNa"))];
  if (scored(x)) return [h("strong", {}, words.number(x.score)), x.provisional || (x.assessed < x.applicable) ? "*" : ""];
  return [h("span", { class: "insufficient" }, t("insufficient")), " ", h("span", { class: "range", dir: "ltr" }, `(${words.number(x.lower ?? 0)}–${words.number(x.upper ?? 100)})`)];
}
