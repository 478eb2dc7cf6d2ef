// <sdo-openness-scorecard>: the full card — both pillars with their ranges, every indicator in a
// data table, the three changes that would raise the scores most, the warnings, the evidence, and
// who assessed and reviewed what under which methodology. Draws from the report only, and follows
// its `status`: a pillar or indicator that is not `scored` shows "insufficient data" with its
// range and coverage, never a score, a band, a band colour or a meter position.
import { SdoOpennessElement, defineElement } from "./element.js";
import { h, link, clean, bdi, isolate, textLang } from "./dom.js";

export { configure } from "./element.js";

const scored = (x) => x?.status === "scored";
/** A numeric range ("14–94") reads low to high, left to right, in every language (as "14-94" does). */
const ltr = (text) => `\u2066${text}\u2069`;

export class SdoOpennessScorecardElement extends SdoOpennessElement {
  /**
   * Registers the element (default tag `sdo-openness-scorecard`, default registry the page's
   * `customElements`); safe to call twice, and a no-op where there is no DOM.
   */
  static define(tag = "sdo-openness-scorecard", registry = globalThis.customElements) {
    return defineElement(this, tag, registry);
  }

  static observedAttributes = [...SdoOpennessElement.observedAttributes, "indicator-href", "question-href"];

  render(report, words) {
    const R = words.rubric;
    /** `text`, as a link in the host page (same tab) where the attribute gives an address for `id`. */
    const own = (attribute, id, text) => {
      const href = hrefFor(this, attribute, id);
      return href ? h("a", { href }, text) : text;
    };
    const pillarName = (id) => R.pillars[id]?.name ?? id;
    const bandName = (id) => R.bands[id] ?? id;
    const num = words.number;
    const share = (x) => percent(words, x ?? 0);
    const p = report.process;
    const review = report.review ?? { level: "self-assessment", reviewers: [] };
    const level = LEVELS.includes(review.level) ? review.level : "self-assessment";

    const reviewers = (review.reviewers ?? []).map(clean).filter(Boolean).map(isolate).join(words.text("sep"));
    const reviewLine =
      level === "self-assessment"
        ? words.text("selfAssessed")
        : reviewers && review.reviewedOn
          ? words.text("reviewedByOn", { names: reviewers, date: words.date(review.reviewedOn) })
          : reviewers
            ? words.text("reviewedBy", { names: reviewers })
            : review.reviewedOn
              ? words.text("reviewedOn", { date: words.date(review.reviewedOn) })
              : null;

    const header = h(
      "header",
      { part: "header" },
      h("h2", { id: "title" }, bdi(p.name)),
      (p.organization || p.url) &&
        h("p", { class: "sub" }, p.organization && bdi(p.organization), p.url && p.organization ? " · " : "", p.url && link(p.url, hostOf(p.url))),
      p.scope && h("p", { class: "sub scope" }, bdi(p.scope)),
      h(
        "p",
        { part: "review", class: `review review-${level}` },
        h("span", { class: "tag" }, words.pick("reviewLevels", level)),
        reviewLine && h("span", { class: "review-line" }, reviewLine),
      ),
      p.illustrative && h("p", { class: "tag" }, words.text("illustrative")),
    );

    const pillars = h(
      "div",
      { class: "pillars" },
      report.pillars.map((pillar) => {
        const id = `pillar-${pillar.id}`;
        const lower = num(pillar.lower ?? 0);
        const upper = num(pillar.upper ?? 100);
        const answered = words.text("answered", { assessed: num(pillar.assessed), applicable: num(pillar.applicable), weight: share(pillar.answeredWeight) });
        const quality = words.text("evidenceQuality", { share: share(pillar.evidenceQuality) });
        if (!scored(pillar)) {
          // No score, no band, no colour, no meter position: the range the unanswered questions
          // leave open is drawn in grey, and said in words.
          const span = h("div", { class: "span", "aria-hidden": "true" }, h("span", { class: "open" }));
          place(span.firstChild, pillar.lower ?? 0, pillar.upper ?? 100);
          return h(
            "section",
            { part: "pillar", class: "pillar insufficient", "aria-labelledby": id, "data-status": pillar.status },
            h("h3", { id }, pillarName(pillar.id)),
            h(
              "p",
              { class: "figure" },
              h("span", { class: "no-score" }, words.text("insufficientHead")),
              h("bdi", { class: "span-text", dir: "ltr" }, words.text("span", { lower, upper })),
            ),
            span,
            h("p", { class: "range-text" }, words.text("couldBe", { lower, upper }), " ", words.text("tooFew")),
            h("p", { class: "range-text" }, answered),
            h("p", { class: "range-text" }, quality),
          );
        }
        const cls = `b-${pillar.band}`;
        const score = num(pillar.score);
        const valueText = [
          words.text("meter", { pillar: pillarName(pillar.id), score, band: bandName(pillar.band) }),
          pillar.provisional ? `${words.text("provisional")}${words.text("sep")}${words.text("range", { lower, upper })}` : null,
        ]
          .filter(Boolean)
          .join("; ");
        const meter = h(
          "div",
          {
            part: "meter",
            class: `meter ${cls}`,
            role: "meter",
            "aria-labelledby": id,
            "aria-valuemin": 0,
            "aria-valuemax": 100,
            "aria-valuenow": pillar.score,
            "aria-valuetext": valueText,
          },
          h("span", { class: "range" }),
          h("span", { class: "fill" }),
        );
        place(meter.querySelector(".range"), pillar.lower ?? pillar.score, pillar.upper ?? pillar.score);
        place(meter.querySelector(".fill"), 0, pillar.score);
        return h(
          "section",
          { part: "pillar", class: `pillar ${cls}`, "aria-labelledby": id, "data-status": pillar.status },
          h("h3", { id }, pillarName(pillar.id)),
          h(
            "p",
            { class: "figure" },
            h("span", { class: "score" }, score, pillar.provisional ? h("span", { class: "star", "aria-hidden": "true" }, "*") : null),
            h("span", { class: "band" }, bandName(pillar.band)),
            pillar.provisional && h("span", { class: "tag" }, words.text("provisional")),
          ),
          meter,
          pillar.provisional
            ? h("p", { class: "range-text provisional-note" }, words.text("provisionalNote", { assessed: num(pillar.assessed), applicable: num(pillar.applicable), lower, upper }))
            : h("p", { class: "range-text" }, words.text("coverage", { assessed: num(pillar.assessed), applicable: num(pillar.applicable) })),
          h("p", { class: "range-text" }, quality),
        );
      }),
    );

    let starred = false;
    const table = h(
      "table",
      { part: "table" },
      h("caption", {}, words.text("indicators")),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, words.text("indicator")),
          h("th", { scope: "col" }, words.text("score")),
          h("th", { scope: "col", class: "num" }, words.text("weight")),
        ),
      ),
      report.pillars.map((pillar) =>
        h(
          "tbody",
          {},
          h("tr", {}, h("th", { scope: "rowgroup", colspan: 3 }, pillarName(pillar.id))),
          pillar.indicators.map((indicator) => {
            let cell;
            if (indicator.status === "not-applicable") {
              cell = h("td", { class: "bar-cell na" }, words.text("notApplicable"));
            } else if (!scored(indicator)) {
              cell = h(
                "td",
                { class: "bar-cell insufficient", "data-status": indicator.status },
                h("span", { class: "no-score" }, words.text("insufficient")),
                " ",
                h("span", { class: "span-text" }, words.text("paren", { text: ltr(words.text("span", { lower: num(indicator.lower ?? 0), upper: num(indicator.upper ?? 100) })) })),
              );
            } else {
              const open = indicator.assessed < indicator.applicable;
              starred ||= open;
              const bar = h("span", { class: `bar b-${indicator.band}`, "aria-hidden": "true" }, h("span", { class: "fill" }));
              place(bar.firstChild, 0, indicator.score);
              cell = h(
                "td",
                { class: "bar-cell", "data-status": indicator.status },
                bar,
                num(indicator.score),
                open && "*",
                open && [" ", h("span", { class: "span-text" }, words.text("paren", { text: ltr(words.text("span", { lower: num(indicator.lower), upper: num(indicator.upper) })) }))],
              );
            }
            return h(
              "tr",
              {},
              h("th", { scope: "row" }, own("indicator-href", indicator.id, R.indicators[indicator.id]?.name ?? indicator.id)),
              cell,
              h("td", { class: "num" }, num(indicator.weight)),
            );
          }),
        ),
      ),
    );
    const tableNote = starred && h("p", { class: "note" }, words.text("tableNote"));

    const top = report.recommendations.slice(0, 3);
    const recommendations =
      top.length > 0 &&
      h(
        "section",
        { part: "recommendations", "aria-labelledby": "recommendations" },
        h("h3", { id: "recommendations" }, words.text("recommendations")),
        h(
          "ol",
          {},
          top.map((r) => {
            const element = R.elements[r.element];
            const change = r.option !== undefined && r.option !== null
              ? element?.options?.[r.option] ?? r.option
              : `${element?.question ?? r.element}: ${num(r.value)}`;
            return h(
              "li",
              {},
              h("span", {}, own("question-href", r.element, `${R.indicators[r.indicator]?.name ?? r.indicator}: ${change}`), " "),
              h("span", { class: "gain" }, words.text("gain", { gain: num(r.gain), pillar: pillarName(r.pillar) })),
            );
          }),
        ),
      );

    const warnings = warningList(report.warnings ?? [], words);

    const sourced = report.pillars.flatMap((pillar) =>
      pillar.indicators.flatMap((indicator) => indicator.elements.filter((e) => e.evidence.length > 0)),
    );
    // The list is built when first opened: most readers never open it, and a card with forty
    // sources would otherwise rebuild them on every re-render.
    const evidence = sourced.length > 0 && h("details", { part: "evidence", class: "evidence" }, h("summary", {}, words.text("evidence", { count: num(sourced.length) })));
    evidence?.addEventListener?.("toggle", () => {
      if (!evidence.open || evidence.querySelector("ul")) return;
      evidence.append(
        h(
          "ul",
          {},
          sourced.map((e) =>
            h(
              "li",
              {},
              h("span", { class: "question" }, own("question-href", e.id, R.elements[e.id]?.question ?? e.id)),
              h("ul", { class: "sources" }, e.evidence.map((ev) => h("li", { class: "source" }, source(ev, words, textLang(report.process?.language, words.locale))))),
            ),
          ),
        ),
      );
    });

    const footer = h(
      "footer",
      { part: "footer" },
      h("p", {}, words.text("methodology", { name: R.methodology.name, version: report.methodology.version })),
      h("p", { class: "major" }, words.text("majorNote", { major: String(report.methodology.major ?? Number.parseInt(report.methodology.version, 10)) })),
      report.weights === "custom" && h("p", {}, words.text("customWeights")),
      p.assessedOn &&
        h(
          "p",
          {},
          p.assessor
            ? words.text("assessed", { date: words.date(p.assessedOn), assessor: isolate(p.assessor) })
            : words.text("assessedOn", { date: words.date(p.assessedOn) }),
        ),
    );

    return [
      h(
        "article",
        { part: "card", class: "card", "aria-labelledby": "title" },
        header,
        pillars,
        table,
        tableNote,
        recommendations,
        warnings,
        evidence,
        footer,
      ),
    ];
  }
}

const LEVELS = ["self-assessment", "independent", "peer-reviewed"];

/** The warnings, one line per code in words, with how often and for which questions. */
/**
 * The host page's own address for an indicator or a question, from the element's `indicator-href`
 * or `question-href` template (`{indicator}` or `{question}` stands for the id), or null when the
 * attribute is absent or does not make an http(s) address.
 */
function hrefFor(element, attribute, id) {
  const template = element.getAttribute(attribute);
  if (!template) return null;
  const href = template.replaceAll(attribute === "indicator-href" ? "{indicator}" : "{question}", encodeURIComponent(id));
  try {
    const url = new URL(href, element.ownerDocument.baseURI);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function warningList(warnings, words) {
  if (warnings.length === 0) return null;
  const byCode = new Map();
  for (const w of warnings) {
    const entry = byCode.get(w.code) ?? { count: 0, ids: new Set() };
    entry.count += 1;
    const id = /^answers\.([A-Z]\d+\.\d+)/.exec(w.path ?? "")?.[1];
    if (id) entry.ids.add(id);
    byCode.set(w.code, entry);
  }
  return h(
    "details",
    { part: "warnings", class: "warnings" },
    h("summary", {}, words.text("warnings", { count: words.number(warnings.length) })),
    h("p", { class: "note" }, words.text("warningsIntro")),
    h(
      "ul",
      {},
      [...byCode].map(([code, { count, ids }]) =>
        h(
          "li",
          { "data-code": code },
          words.pick("warningCodes", code),
          " ", words.text("paren", { text: words.number(count) }),
          ids.size > 0 && h("span", { class: "where" }, " — ", h("bdi", {}, words.text("warningWhere", { ids: [...ids].join(words.text("sep")) }))),
          " ",
          h("code", { class: "code" }, code),
        ),
      ),
    ),
  );
}

/**
 * One evidence entry: the link with the source type and dates, then the quote and the note, each
 * as text in its own block, in its own direction (an English quote in an Arabic card reads whole)
 * and, where the profile names its language, marked as in that language (`lang`).
 */
function source(ev, words, lang) {
  const facts = [
    ev.sourceType && words.pick("sourceTypes", ev.sourceType),
    ev.publishedOn && words.text("published", { date: words.date(ev.publishedOn) }),
    ev.checkedOn && words.text("checked", { date: words.date(ev.checkedOn) }),
  ].filter(Boolean);
  const head = [
    ev.url ? link(ev.url, hostOf(ev.url)) : null,
    facts.length > 0 ? h("span", { class: "facts", "data-source-type": ev.sourceType ?? null }, words.text("paren", { text: facts.join(words.text("sep")) })) : null,
    ev.archiveUrl ? link(ev.archiveUrl, words.text("archived")) : null,
  ].filter(Boolean);
  return [
    head.length > 0 && h("span", { class: "source-head" }, head.map((node, i) => [i > 0 ? " " : "", node])),
    ev.quote && h("q", { class: "quote", dir: "auto", lang }, clean(ev.quote)),
    ev.note && h("span", { class: "ev-note", dir: "auto", lang }, clean(ev.note)),
  ];
}

/** A share (0–1) as a whole percentage, rounded down so that 69.5% never reads as 70%. */
function percent(words, share) {
  const floored = Math.floor(share * 100 + 1e-9) / 100;
  return new Intl.NumberFormat(words.locale, { style: "percent", maximumFractionDigits: 0 }).format(floored);
}

/** Positions a bar segment from `from` to `to` (0–100) through the CSSOM, which CSP allows. */
function place(node, from, to) {
  node.style.insetInlineStart = `${from}%`;
  node.style.width = `${Math.max(0, to - from)}%`;
}

function hostOf(url) {
  try {
    const u = new URL(url);
    return (u.host + (u.pathname === "/" ? "" : u.pathname)).slice(0, 80);
  } catch {
    return String(url).slice(0, 80);
  }
}
