// Methodology pages, one per indicator, generated from the rubric the engine scores with
// (`rubric()`) and the words of its catalogue: the weight and its share, the coverage rule, what
// the indicator rests on and its sources, and every question with its guidance and its points.
// `?view=method&i=O3` opens one; `?view=method` lists them all.
import { h, link } from "../elements/dom.js";
import { toQuestion, toMethod } from "./report.js";
import { percent } from "./honest.js";

const inPage = (href, ...text) => h("a", { href, class: "in-page" }, ...text);

/** The indicator `id` of `rubric` with its pillar, or null. */
export function findIndicator(rubric, id) {
  for (const pillar of rubric.pillars) {
    const indicator = pillar.indicators.find((i) => i.id === id);
    if (indicator) return { pillar, indicator };
  }
  return null;
}

const version = (rubric, words, t) => h("p", { class: "note" }, t("methodVersion", { name: words.rubric.methodology?.name ?? rubric.id, version: rubric.version }));

/** The points of an element's answers: its options, or the points of its curve at each step. */
function scaleTable(element, words, t) {
  const text = words.rubric.elements[element.id] ?? {};
  const rows =
    element.scale.kind === "options"
      ? element.scale.options.map((o) => [text.options?.[o.id] ?? o.id, o.points])
      : element.scale.points.map(([value, points]) => [`${words.number(value)} ${words.rubric.units?.[element.scale.unit] ?? element.scale.unit}`, points]);
  return h(
    "table",
    { class: "data method-scale" },
    h("caption", { class: "visually-hidden" }, t("methodScale", { id: element.id })),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, element.scale.kind === "options" ? t("answer") : t("valueCol")), h("th", { scope: "col" }, t("points")))),
    h("tbody", {}, rows.map(([label, points]) => h("tr", {}, h("td", {}, label), h("td", { class: "num" }, words.number(points))))),
    element.scale.kind === "options" ? null : h("tfoot", {}, h("tr", {}, h("td", { colspan: 2, class: "note" }, t("methodCurve")))),
  );
}

function indicatorPage({ rubric, words, t, pillar, indicator }) {
  const text = words.rubric.indicators[indicator.id] ?? {};
  const pillarName = words.rubric.pillars[pillar.id]?.name ?? pillar.id;
  const total = pillar.indicators.reduce((n, i) => n + i.weight, 0);
  const elementTotal = indicator.elements.reduce((n, e) => n + e.weight, 0);
  const all = rubric.pillars.flatMap((p) => p.indicators);
  const at = all.indexOf(indicator);
  const sources = new Map(rubric.sources.map((s) => [s.id, s.url]));
  return [
    h("h2", { tabindex: "-1" }, h("span", { class: "qid" }, indicator.id), " ", text.name ?? indicator.id),
    version(rubric, words, t),
    h("p", { class: "help" }, text.help ?? ""),
    h(
      "ul",
      { class: "method-facts" },
      h("li", {}, t("methodWeight", { weight: words.number(indicator.weight), total: words.number(total), share: percent(words, indicator.weight / total), pillar: pillarName })),
      h("li", {}, t("methodRule", { needed: percent(words, rubric.coverage.indicator), pillarNeeded: percent(words, rubric.coverage.pillar), pillar: pillarName })),
    ),
    h("h3", {}, t("sources")),
    h("p", { class: "cite" }, text.cite ?? ""),
    h(
      "ul",
      { class: "method-sources" },
      indicator.sources.map((id) => {
        const name = words.rubric.sources?.[id] ?? id;
        return h("li", { "data-source": id }, sources.get(id) ? link(sources.get(id), name) : name);
      }),
    ),
    h("h3", {}, t("methodQuestions", { count: words.number(indicator.elements.length) })),
    indicator.elements.map((element) => {
      const e = words.rubric.elements[element.id] ?? {};
      return h(
        "section",
        { class: "method-question", id: `m-${element.id}`, "aria-labelledby": `m-${element.id}-h` },
        h("h4", { id: `m-${element.id}-h` }, h("span", { class: "qid" }, element.id), " ", e.question ?? element.id),
        h("p", { class: "note" }, t("methodElementWeight", { weight: words.number(element.weight), total: words.number(elementTotal) })),
        e.help ? h("p", { class: "help" }, h("span", { class: "guidance" }, `${t("guidance")}: `), e.help) : null,
        scaleTable(element, words, t),
        h("p", {}, inPage(toQuestion(element.id), t("methodAnswer", { id: element.id }))),
      );
    }),
    h(
      "nav",
      { class: "method-nav buttons", "aria-label": t("methodNav") },
      at > 0 ? inPage(toMethod(all[at - 1].id), t("methodPrevious", { id: all[at - 1].id })) : null,
      inPage("?view=method", t("methodAll")),
      at < all.length - 1 ? inPage(toMethod(all[at + 1].id), t("methodNext", { id: all[at + 1].id })) : null,
    ),
  ];
}

function index({ rubric, words, t }) {
  return [
    h("h2", { tabindex: "-1" }, t("navMethod")),
    version(rubric, words, t),
    h("p", { class: "help" }, t("methodIntro", { indicator: percent(words, rubric.coverage.indicator), pillar: percent(words, rubric.coverage.pillar) })),
    rubric.pillars.map((pillar) =>
      h(
        "section",
        { "aria-labelledby": `m-h-${pillar.id}` },
        h("h3", { id: `m-h-${pillar.id}` }, words.rubric.pillars[pillar.id]?.name ?? pillar.id),
        h(
          "ul",
          { class: "method-index" },
          pillar.indicators.map((i) => h("li", {}, inPage(toMethod(i.id), h("span", { class: "qid" }, i.id), " ", words.rubric.indicators[i.id]?.name ?? i.id), " ", h("span", { class: "note" }, t("weightIs", { weight: words.number(i.weight) })))),
        ),
      ),
    ),
  ];
}

/** The methodology view: the page of indicator `id`, or the list of all of them. */
export function methodView({ rubric, words, t, id }) {
  const found = id && findIndicator(rubric, id);
  return found ? indicatorPage({ rubric, words, t, ...found }) : index({ rubric, words, t });
}
