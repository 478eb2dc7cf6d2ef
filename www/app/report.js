// The report view, after Lighthouse's report: a gauge per pillar (a point only where the engine
// publishes a score, the range alone where it does not), then one row per indicator, grouped as
// "raise the score" (largest gain first), "done", "not applicable" and "not assessed"; each row
// opens (a native <details>) to its questions, answers, evidence and guidance, and links to the
// question on the Assess view and to the indicator's methodology page. Also the printed report.
import { h, link, clean, textLang } from "../elements/dom.js";
import { pillarLines, cell, indicatorText, scored } from "./honest.js";
import { answerLabel as label } from "./share.js";
import { pillarName, bandName, processName } from "./common.js";

/** The answer in words, with its unit for a number. */
function answerLabel(answer, text, words, t, unit) {
  const said = label(answer, text, words, t);
  return answer?.value !== undefined && unit ? `${said} ${words.rubric.units?.[unit] ?? unit}` : said;
}

/** Each question's unit (for numbers), by id. */
const unitsOf = (rubric) => new Map(rubric.pillars.flatMap((p) => p.indicators.flatMap((i) => i.elements.map((e) => [e.id, e.scale.unit]))));

/** Links inside the page: the view and its place, as the address bar holds them. */
export const toQuestion = (id) => `?view=assess&q=${encodeURIComponent(id)}`;
export const toMethod = (id) => `?view=method&i=${encodeURIComponent(id)}`;
const inPage = (href, ...text) => h("a", { href, class: "in-page" }, ...text);

/** A pillar's gauge: a bar to the score over its range, or, without a score, the range alone. */
export function gauge(pillar) {
  const bar = h("span", { class: "gauge", "aria-hidden": "true" }, h("span", { class: "gauge-range" }), scored(pillar) ? h("span", { class: "gauge-point" }) : null);
  const lower = pillar.lower ?? 0;
  const upper = pillar.upper ?? 100;
  const range = bar.firstChild;
  range.style.insetInlineStart = `${lower}%`;
  range.style.width = `${Math.max(0.5, upper - lower)}%`;
  if (scored(pillar)) bar.lastChild.style.width = `${pillar.score}%`;
  bar.dataset.status = pillar.status;
  return bar;
}

/** Who, when and under which methodology: the lines every report (screen and paper) starts with. */
export function facts({ report, profile, words, t }) {
  const process = profile.process ?? {};
  const review = profile.review ?? {};
  const level = words.pick("reviewLevels", review.level ?? "self-assessment");
  const row = (term, ...value) => [h("dt", {}, term), h("dd", {}, ...value)];
  return h(
    "dl",
    { class: "facts" },
    row(t("methodologyVersion"), `${words.rubric.methodology?.name ?? report.methodology.id} ${report.methodology.version}`),
    row(t("assessedOn"), process.assessedOn ? words.date(process.assessedOn) : t("notGiven")),
    row(t("assessor"), process.assessor ? h("bdi", {}, clean(process.assessor)) : t("notGiven")),
    row(
      t("reviewLevel"),
      level,
      review.reviewers?.length ? [" — ", h("bdi", {}, clean(review.reviewers.join(", ")))] : null,
      review.reviewedOn ? ` (${words.date(review.reviewedOn)})` : null,
    ),
    row(t("weightsUsed"), report.weights === "custom" ? t("customWeights") : t("defaultWeights")),
  );
}

/** The pillars, each with its gauge and its lines in words. */
function pillars({ report, rubric, words, t }) {
  return h(
    "ul",
    { class: "gauges" },
    report.pillars.map((pillar) => {
      const { status, head, lines } = pillarLines({ pillar, rubric, words, t });
      return h("li", { class: `status-${status}`, "data-pillar": pillar.id }, h("strong", { class: "gauge-head" }, head), gauge(pillar), lines.map((line) => h("span", { class: "line" }, line)));
    }),
  );
}

/** Which group an indicator's row belongs to, and its largest gain (0 when none is published). */
function classify(indicator, gains) {
  if (indicator.status === "not-applicable") return { group: "na", gain: 0 };
  if (!scored(indicator)) return { group: "unassessed", gain: 0 };
  const below = indicator.elements.some((e) => e.state === "answered" && e.score < 100) || gains.has(indicator.id);
  return { group: below ? "raise" : "done", gain: Math.max(0, ...(gains.get(indicator.id) ?? []).map((r) => r.gain)) };
}

export function evidenceList(answer, words, t, lang = null) {
  const list = answer?.evidence ?? [];
  if (!list.length) return h("p", { class: "note" }, t("noEvidence"));
  return h(
    "ul",
    { class: "evidence-links" },
    list.map((e) =>
      h(
        "li",
        {},
        e.url ? link(e.url, e.url) : null,
        e.quote ? h("q", { dir: "auto", lang }, clean(e.quote)) : null,
        e.note ? h("span", { class: "note block", dir: "auto", lang }, clean(e.note)) : null,
        e.sourceType || e.checkedOn ? h("span", { class: "note block" }, [e.sourceType ? words.pick("sourceTypes", e.sourceType) : null, e.checkedOn ? `${t("checkedOn")}: ${words.date(e.checkedOn)}` : null].filter(Boolean).join(" · ")) : null,
      ),
    ),
  );
}

/** The catalogue keys that name each verdict (in a list or a table) and each confidence. */
export const VERDICT_SHORT = { agree: "verdictAgreeShort", disagree: "verdictDisagreeShort", changed: "verdictChangedShort" };
export const CONFIDENCE = { high: "confidenceHigh", medium: "confidenceMedium", low: "confidenceLow" };

/** A reviewer's verdict on an answer, with the reviewer and the note, or null when it has none. */
export function verdictLine(answer, t, tag = "p", lang = null) {
  if (!answer?.verdict) return null;
  const said = t(VERDICT_SHORT[answer.verdict] ?? answer.verdict);
  return h(
    tag,
    { class: "verdict block", "data-verdict": answer.verdict },
    `${t("verdictCol")}: `,
    h("strong", {}, said),
    answer.reviewer ? [" (", h("bdi", {}, clean(answer.reviewer)), ")"] : null,
    answer.reviewNote ? [" — ", h("span", { dir: "auto", lang }, clean(answer.reviewNote))] : null,
  );
}

/** One question inside a row: the question (a link to it), the answer, the evidence and the guidance. */
function questionItem({ element, answer, words, t, unit, lang }) {
  const text = words.rubric.elements[element.id] ?? {};
  return h(
    "li",
    { class: "report-question", "data-element": element.id },
    h("p", { class: "q" }, inPage(toQuestion(element.id), h("span", { class: "qid" }, element.id), " ", text.question ?? element.id)),
    h(
      "p",
      {},
      h("strong", {}, answerLabel(answer, text, words, t, unit)),
      element.score !== null && element.score !== undefined && element.state === "answered" ? ` (${t("points")}: ${words.number(element.score)})` : null,
    ),
    answer?.note ? h("p", { class: "answer-note", dir: "auto", lang }, clean(answer.note)) : null,
    verdictLine(answer, t, "p", lang),
    evidenceList(answer, words, t, lang),
    answer?.searched?.length ? h("p", { class: "note" }, `${t("searched")}: `, h("bdi", {}, clean(answer.searched.join(" | ")))) : null,
    text.help ? h("p", { class: "help" }, h("span", { class: "guidance" }, `${t("guidance")}: `), text.help) : null,
  );
}

function row({ indicator, pillar, profile, gains, words, t, rubric, units }) {
  const text = words.rubric.indicators[indicator.id] ?? {};
  const recs = gains.get(indicator.id) ?? [];
  const pillarText = pillarName(words, pillar.id);
  const lang = textLang(profile.process?.language, words.locale);
  const best = recs.length ? Math.max(...recs.map((r) => r.gain)) : 0;
  return h(
    "details",
    { class: "audit", id: `r-${indicator.id}`, "data-indicator": indicator.id },
    h(
      "summary",
      {},
      h("span", { class: "qid" }, indicator.id),
      " ",
      h("span", { class: "audit-name" }, text.name ?? indicator.id),
      h("span", { class: "audit-score" }, cell({ x: indicator, words, t })),
      best > 0 ? h("span", { class: "gain" }, t("gainOn", { gain: words.number(best), pillar: pillarText })) : null,
    ),
    h(
      "div",
      { class: "audit-body" },
      h("p", { class: "indicator-status", "data-status": indicator.status }, indicatorText({ indicator, rubric, words, t })),
      text.help ? h("p", { class: "help" }, text.help) : null,
      recs.length
        ? h(
            "ul",
            { class: "recommendations" },
            recs.map((r) => {
              const option = words.rubric.elements[r.element]?.options?.[r.option] ?? r.option;
              return h("li", {}, inPage(toQuestion(r.element), t("recommendTo", { id: r.element, option })), " ", h("span", { class: "gain" }, t("gainOn", { gain: words.number(r.gain), pillar: pillarText })));
            }),
          )
        : null,
      h("ol", { class: "report-questions" }, indicator.elements.map((element) => questionItem({ element, answer: profile.answers?.[element.id], words, t, unit: units.get(element.id), lang }))),
      h("p", {}, inPage(toMethod(indicator.id), t("methodLink", { id: indicator.id }))),
    ),
  );
}

/**
 * The Report view: its heading, a note while the scores are of the last valid state, and the
 * report of the profile the scores are drawn from (or the engine's error). From the page's context
 * (main.js): `store`, `rubric`, `words`, `t`, the engine's `validate` and `score`, `shown()` and
 * `describe(error)`.
 */
export function reportView({ store, rubric, words, t, validate, score, shown, describe }) {
  const valid = validate(store.current.profile).ok;
  const profile = shown();
  let body;
  try {
    body = reportBody({ report: score(profile), profile, rubric, words, t });
  } catch (e) {
    body = [h("p", { class: "error-text", role: "alert" }, describe(e))];
  }
  return [h("h2", { tabindex: "-1" }, t("navReport")), ...[valid ? null : h("p", { class: "notice", role: "status" }, t("lastValidReport")), ...body.flat()].filter(Boolean)];
}

/** The report's content, from an engine report and the profile it was scored from. */
function reportBody({ report, profile, rubric, words, t }) {
  const units = unitsOf(rubric);
  const gains = new Map();
  for (const r of report.recommendations ?? []) gains.set(r.indicator, [...(gains.get(r.indicator) ?? []), r]);
  const groups = { raise: [], done: [], na: [], unassessed: [] };
  report.pillars.forEach((pillar, p) =>
    pillar.indicators.forEach((indicator, n) => {
      const { group, gain } = classify(indicator, gains);
      groups[group].push({ indicator, pillar, gain, order: p * 100 + n });
    }),
  );
  // Largest gain first; ties (and rows without a published gain) in rubric order.
  groups.raise.sort((a, b) => b.gain - a.gain || a.order - b.order);
  const titles = { raise: t("groupRaise"), done: t("groupDone"), na: t("groupNa"), unassessed: t("groupUnassessed") };
  const intros = { raise: t("groupRaiseHelp"), done: t("groupDoneHelp"), na: t("groupNaHelp"), unassessed: t("groupUnassessedHelp") };
  return [
    h("p", { class: "report-name" }, h("bdi", {}, processName(profile, t))),
    facts({ report, profile, words, t }),
    h("section", { "aria-labelledby": "h-report-pillars" }, h("h3", { id: "h-report-pillars" }, t("reportPillars")), pillars({ report, rubric, words, t })),
    Object.entries(groups).map(([key, rows]) =>
      h(
        "section",
        { class: `audit-group group-${key}`, "aria-labelledby": `h-group-${key}`, "data-group": key },
        h("h3", { id: `h-group-${key}` }, titles[key], " ", h("span", { class: "count" }, `(${words.number(rows.length)})`)),
        h("p", { class: "help" }, intros[key]),
        rows.map(({ indicator, pillar }) => row({ indicator, pillar, profile, gains, words, t, rubric, units })),
      ),
    ),
  ];
}

/**
 * The printed report: who, when and how; each pillar's score or "insufficient data" with its
 * range and coverage; the indicator table; and every answer with its sources, in a few pages.
 */
export function printReport({ report, profile, rubric, words, t }) {
  const answers = profile.answers ?? {};
  const units = unitsOf(rubric);
  const lang = textLang(profile.process?.language, words.locale); // the profile's own text, where it is in another language
  return [
    h("h1", {}, h("bdi", { lang }, processName(profile, t))),
    profile.process?.organization ? h("p", {}, h("bdi", { lang }, clean(profile.process.organization))) : null,
    facts({ report, profile, words, t }),
    pillars({ report, rubric, words, t }),
    h(
      "table",
      { class: "data print-indicators" },
      h("caption", {}, t("reportIndicators")),
      h("tfoot", {}, h("tr", {}, h("td", { colspan: 4, class: "note" }, t("starNote")))),
      h("thead", {}, h("tr", {}, [t("indicatorCol"), t("weightCol"), t("scoreCol"), t("answeredCol")].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        report.pillars.flatMap((pillar) =>
          pillar.indicators.map((i) =>
            h(
              "tr",
              { "data-status": i.status },
              h("th", { scope: "row" }, `${i.id} ${words.rubric.indicators[i.id]?.name ?? ""}`),
              h("td", { class: "num" }, words.number(i.weight)),
              h("td", {}, cell({ x: i, words, t }), scored(i) ? ` ${bandName(words, i.band)}` : null),
              h("td", { class: "num" }, t("ofCount", { n: words.number(i.assessed), total: words.number(i.applicable) })),
            ),
          ),
        ),
      ),
    ),
    h(
      "table",
      { class: "data print-answers" },
      h("caption", {}, t("reportAnswers")),
      h("thead", {}, h("tr", {}, [t("question"), t("answer"), t("points"), t("sourcesCol")].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        report.pillars.flatMap((p) =>
          p.indicators.flatMap((i) =>
            i.elements.map((e) => {
              const answer = answers[e.id];
              const text = words.rubric.elements[e.id] ?? {};
              return h(
                "tr",
                {},
                h("th", { scope: "row" }, e.id),
                h("td", {}, answerLabel(answer, text, words, t, units.get(e.id)), verdictLine(answer, t, "span", lang)),
                h("td", { class: "num" }, e.state === "answered" || e.state === "no-public-information" ? words.number(e.score) : "–"),
                h("td", { class: "urls" }, (answer?.evidence ?? []).map((ev) => h("span", { class: "block", dir: "ltr" }, clean(ev.url ?? ev.note ?? "")))),
              );
            }),
          ),
        ),
      ),
    ),
  ];
}
