// <sdo-openness-scorecard>: the full card — both pillar scores with their ranges, every
// indicator as a bar in a data table, the three changes that would raise the scores most, the
// evidence, and who assessed what under which methodology. Draws from the report only.
import { SdoOpennessElement } from "./element.js";
import { h, link, clean } from "./dom.js";

export class SdoOpennessScorecardElement extends SdoOpennessElement {
  /** Registers the element (default tag `sdo-openness-scorecard`); safe to call twice. */
  static define(tag = "sdo-openness-scorecard", registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  render(report, words) {
    const R = words.rubric;
    const pillarName = (id) => R.pillars[id]?.name ?? id;
    const band = (id) => (id ? R.bands[id] ?? id : words.text("noScore"));
    const num = words.number;
    const p = report.process;

    const header = h(
      "header",
      { part: "header" },
      h("h2", { id: "title" }, clean(p.name)),
      (p.organization || p.scope || p.url) &&
        h(
          "p",
          { class: "sub" },
          [clean(p.organization), clean(p.scope)].filter(Boolean).join(" · "),
          p.url && (p.organization || p.scope) ? " · " : "",
          p.url && link(p.url, hostOf(p.url)),
        ),
      p.illustrative && h("p", { class: "tag" }, words.text("illustrative")),
    );

    const pillars = h(
      "div",
      { class: "pillars" },
      report.pillars.map((pillar) => {
        const id = `pillar-${pillar.id}`;
        const cls = `b-${pillar.band ?? "none"}`;
        const scoreText = pillar.score === null ? "–" : num(pillar.score);
        const range = words.text("range", { lower: num(pillar.lower ?? 0), upper: num(pillar.upper ?? 100) });
        const valueText = [
          words.text("meter", { pillar: pillarName(pillar.id), score: scoreText, band: band(pillar.band) }),
          pillar.provisional ? `${words.text("provisional")}, ${range}` : null,
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
            "aria-valuenow": pillar.score ?? 0,
            "aria-valuetext": valueText,
          },
          h("span", { class: "range" }),
          h("span", { class: "fill" }),
        );
        place(meter.querySelector(".range"), pillar.lower ?? 0, pillar.upper ?? 100);
        place(meter.querySelector(".fill"), 0, pillar.score ?? 0);
        return h(
          "section",
          { part: "pillar", class: `pillar ${cls}`, "aria-labelledby": id },
          h("h3", { id }, pillarName(pillar.id)),
          h(
            "p",
            { class: "figure" },
            h("span", { class: "score" }, scoreText),
            h("span", { class: "band" }, band(pillar.band)),
            pillar.provisional && h("span", { class: "tag" }, words.text("provisional")),
          ),
          meter,
          h(
            "p",
            { class: "range-text" },
            pillar.provisional ? `${range} · ` : "",
            words.text("coverage", { assessed: num(pillar.assessed), applicable: num(pillar.applicable) }),
          ),
        );
      }),
    );

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
            const bar = h("span", { class: `bar b-${indicator.band ?? "none"}`, "aria-hidden": "true" }, h("span", { class: "fill" }));
            place(bar.firstChild, 0, indicator.score ?? 0);
            return h(
              "tr",
              {},
              h("th", { scope: "row" }, R.indicators[indicator.id]?.name ?? indicator.id),
              h("td", { class: "bar-cell" }, bar, indicator.score === null ? "–" : num(indicator.score)),
              h("td", { class: "num" }, num(indicator.weight)),
            );
          }),
        ),
      ),
    );

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
              h("span", {}, `${R.indicators[r.indicator]?.name ?? r.indicator}: ${change} `),
              h("span", { class: "gain" }, words.text("gain", { gain: num(r.gain), pillar: pillarName(r.pillar) })),
            );
          }),
        ),
      );

    const sourced = report.pillars.flatMap((pillar) =>
      pillar.indicators.flatMap((indicator) => indicator.elements.filter((e) => e.evidence.length > 0)),
    );
    // The list is built when first opened: most readers never open it, and a card with forty
    // sources would otherwise rebuild them on every re-render.
    const evidence = sourced.length > 0 && h("details", { part: "evidence", class: "evidence" }, h("summary", {}, words.text("evidence", { count: num(sourced.length) })));
    evidence?.addEventListener?.(
      "toggle",
      () => {
        if (!evidence.open || evidence.querySelector("ul")) return;
        evidence.append(
          h(
            "ul",
            {},
            sourced.map((e) =>
              h(
                "li",
                {},
                `${R.elements[e.id]?.question ?? e.id} `,
                e.evidence.map((ev) =>
                  h(
                    "span",
                    {},
                    ev.url ? link(ev.url, hostOf(ev.url)) : null,
                    ev.note ? ` — ${clean(ev.note)}` : null,
                    ev.checkedOn ? ` (${words.date(ev.checkedOn)})` : null,
                    " ",
                  ),
                ),
              ),
            ),
          ),
        );
      },
    );

    const footer = h(
      "footer",
      { part: "footer" },
      h("p", {}, words.text("methodology", { name: R.methodology.name, version: report.methodology.version })),
      report.weights === "custom" && h("p", {}, words.text("customWeights")),
      p.assessedOn &&
        h(
          "p",
          {},
          p.assessor
            ? words.text("assessed", { date: words.date(p.assessedOn), assessor: clean(p.assessor) })
            : words.text("assessedOn", { date: words.date(p.assessedOn) }),
        ),
    );

    return [h("article", { part: "card", class: "card", "aria-labelledby": "title" }, header, pillars, table, recommendations, evidence, footer)];
  }
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
