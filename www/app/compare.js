// Several processes side by side: pillar scores with ranges, indicator scores as a table and an
// overlaid chart, and how stable the rankings are when the weights move.
import { h, clean } from "../elements/dom.js";

const MARKS = ["●", "■", "▲", "◆", "▼", "★", "⬟", "✚"];
const COLOURS = ["#0550ae", "#b42318", "#16713a", "#8250df", "#9a4a00", "#1b7c83", "#bf3989", "#57606a"];

/** The comparison view for `entries` ([{ name, profile }]), scored by the engine's `compare`. */
export function comparison({ engine, entries, weights, words, t }) {
  if (entries.length < 2) return [h("p", { class: "note" }, t("needTwo"))];
  const options = weights ? { weights } : undefined;
  const result = engine.compare(entries.map((e) => e.profile), options);
  const R = words.rubric;
  const num = (x) => (x === null || x === undefined ? "–" : words.number(x));
  const pillarName = (id) => R.pillars[id]?.name ?? id;
  const names = entries.map((e) => clean(e.name));
  const mark = (n) => h("span", { class: "mark", "data-series": n % COLOURS.length, "aria-hidden": "true" }, MARKS[n % MARKS.length]);

  const pillarTable = h(
    "table",
    { class: "data" },
    h("caption", {}, t("compareTable")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("process_")), result.reports[0].pillars.map((p) => h("th", { scope: "col" }, pillarName(p.id))))),
    h(
      "tbody",
      {},
      result.reports.map((report, n) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, mark(n), " ", names[n]),
          report.pillars.map((p) =>
            h("td", {}, h("strong", {}, num(p.score)), ` (${num(p.lower)}–${num(p.upper)})`, p.band ? ` ${R.bands[p.band]}` : "", p.provisional ? "*" : ""),
          ),
        ),
      ),
    ),
  );

  const indicators = result.reports[0].pillars.flatMap((p) => p.indicators.map((i) => i.id));
  const scoreOf = (report, id) => report.pillars.flatMap((p) => p.indicators).find((i) => i.id === id)?.score ?? null;
  const indicatorTable = h(
    "table",
    { class: "data" },
    h("caption", {}, t("compareIndicators")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("indicator")), names.map((name, n) => h("th", { scope: "col" }, mark(n), " ", name)))),
    h(
      "tbody",
      {},
      indicators.map((id) =>
        h("tr", {}, h("th", { scope: "row" }, R.indicators[id]?.name ?? id), result.reports.map((r) => h("td", { class: "num" }, num(scoreOf(r, id))))),
      ),
    ),
  );

  // The overlaid chart: one row per indicator, one mark per process. The table above is its
  // text alternative; the chart itself is hidden from assistive technology.
  const width = 640;
  const row = 22;
  const left = 260;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${row * indicators.length + 30}`);
  svg.setAttribute("class", "chart");
  svg.setAttribute("aria-hidden", "true");
  const add = (tag, attrs, text) => {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = left + ((width - left - 10) * tick) / 100;
    add("line", { x1: x, x2: x, y1: 0, y2: row * indicators.length, class: "grid" });
    add("text", { x, y: row * indicators.length + 16, "text-anchor": "middle", class: "tick" }, words.number(tick));
  }
  indicators.forEach((id, i) => {
    const y = i * row + row / 2;
    add("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "label" }, R.indicators[id]?.name ?? id);
    result.reports.forEach((report, n) => {
      const score = scoreOf(report, id);
      if (score === null) return;
      const x = left + ((width - left - 10) * score) / 100;
      add("text", { x, y: y + 5, "text-anchor": "middle", class: `series s${n % COLOURS.length}` }, MARKS[n % MARKS.length]);
    });
  });
  const legend = h("p", { class: "legend" }, names.map((name, n) => [h("span", {}, mark(n), " ", name), " "]));

  const spread = engine.sensitivity(
    entries.map((e) => e.profile),
    { draws: 1000, seed: 1, spread: 0.5, ...(weights ? { weights } : {}) },
  );
  const sensitivity = h(
    "section",
    { "aria-labelledby": "h-sensitivity" },
    h("h3", { id: "h-sensitivity" }, t("sensitivity")),
    h("p", { class: "help" }, t("sensitivityIntro", { draws: words.number(spread.draws) })),
    spread.pillars.map((pillar) => {
      const ranked = [...pillar.profiles].filter((p) => p.rank !== null).sort((a, b) => a.rank - b.rank);
      const percent = (share) => new Intl.NumberFormat(words.locale, { style: "percent", maximumFractionDigits: 0 }).format(share);
      const statements = [];
      for (let k = 0; k + 1 < ranked.length; k++) {
        const pair = pillar.pairs.find((p) => p.higher === ranked[k].index && p.lower === ranked[k + 1].index);
        if (pair) statements.push(t("ranksAbove", { a: names[pair.higher], b: names[pair.lower], pillar: pillarName(pillar.pillar), share: percent(pair.share) }));
      }
      return h(
        "div",
        { class: "spread" },
        h("h4", {}, pillarName(pillar.pillar)),
        h(
          "table",
          { class: "data" },
          h("caption", { class: "visually-hidden" }, `${t("sensitivity")} ${pillarName(pillar.pillar)}`),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("process_")), h("th", { scope: "col" }, "P5–P95"), h("th", { scope: "col" }, t("rankStability")))),
          h(
            "tbody",
            {},
            ranked.map((p) => {
              const bar = h("span", { class: "spread-bar", "aria-hidden": "true" }, h("span", { class: "spread-fill" }));
              bar.firstChild.style.insetInlineStart = `${p.p5}%`;
              bar.firstChild.style.width = `${Math.max(1, p.p95 - p.p5)}%`;
              return h(
                "tr",
                {},
                h("th", { scope: "row" }, `${p.rank}. `, names[p.index]),
                h("td", {}, bar, `${num(p.p5)}–${num(p.p95)}`),
                h("td", {}, t("stability", { share: percent(p.rankStability) })),
              );
            }),
          ),
        ),
        h("ul", {}, statements.map((s) => h("li", {}, s))),
      );
    }),
  );

  // Wide tables scroll within their own box (WCAG reflow allows it for data tables), never the page.
  const scroll = (table) => h("div", { class: "table-scroll", role: "region", "aria-label": table.caption?.textContent ?? "", tabindex: "0" }, table);
  return [scroll(pillarTable), h("h3", {}, t("chart")), legend, svg, scroll(indicatorTable), sensitivity];
}
