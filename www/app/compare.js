// Several processes side by side: pillar figures, the rankings as the engine gives them (ranges of
// ranks, only for processes with a published score), indicator figures as a table and an
// overlaid chart, and how far the rankings hold when the weights move and missing answers are
// filled. No number outruns its data: what is not scored is shown as its range, labelled.
// compareView draws the choice of processes; comparison() the comparison of those chosen.
import { h, bdi, isolate } from "../elements/dom.js";
import { cell, perHundred, percent, scored, span } from "./honest.js";
import { pillarName, indicatorName, bandName, processName } from "./common.js";

const MARKS = ["●", "■", "▲", "◆", "▼", "★", "⬟", "✚"];
const COLOURS = ["#0550ae", "#b42318", "#16713a", "#8250df", "#9a4a00", "#1b7c83", "#bf3989", "#57606a"];
const ANALYSES = ["weights", "missing", "both"];

/**
 * The comparison view for `entries` ([{ name, profile }], all valid), drawn from the engine's
 * `compare` result and sensitivity analysis `spread` for them (analysis.js computes both).
 */
export function comparison({ result, spread, entries, words, t }) {
  if (entries.length < 2 || !result) return [h("p", { class: "note" }, t("needTwo"))];
  const num = (x) => (x === null || x === undefined ? "–" : words.number(x));
  // A name cannot reorder what is around it: override controls dropped, and isolated, as a <bdi>
  // in tables and between FSI and PDI inside sentences.
  const names = entries.map((e) => isolate(e.name));
  const shown = (n) => bdi(entries[n].name);
  // Mark and colour together tell up to 64 processes apart (the ninth gets the first mark in the second colour).
  const colour = (n) => (n + Math.floor(n / MARKS.length)) % COLOURS.length;
  const mark = (n) => h("span", { class: "mark", "data-series": colour(n), "aria-hidden": "true" }, MARKS[n % MARKS.length]);
  const named = (n) => [mark(n), " ", shown(n)];
  const anyProvisional = result.reports.some((r) => r.pillars.some((p) => p.provisional || p.indicators.some((i) => i.assessed < i.applicable)));

  const pillarTable = h(
    "table",
    { class: "data" },
    h("caption", {}, t("compareTable")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("process_")), result.reports[0].pillars.map((p) => h("th", { scope: "col" }, pillarName(words, p.id))))),
    h(
      "tbody",
      {},
      result.reports.map((report, n) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, named(n)),
          report.pillars.map((p) =>
            h(
              "td",
              { "data-status": p.status },
              cell({ x: p, words, t }),
              scored(p) ? [" ", bandName(words, p.band), p.provisional ? [" ", span(`(${num(p.lower)}–${num(p.upper)})`)] : ""] : null,
              scored(p) ? null : h("span", { class: "note block" }, t("answeredShare", { assessed: num(p.assessed), applicable: num(p.applicable), weight: percent(words, p.answeredWeight) })),
            ),
          ),
        ),
      ),
    ),
  );

  // One ranking per pillar, as the engine orders it: scored processes by rank (a range when
  // their own or others' missing answers could change it), then the unscored, unranked.
  const rankText = (place) =>
    place.rank === null ? t("notRanked") : place.rank === place.lowestRank ? num(place.rank) : t("rankRange", { best: num(place.rank), worst: num(place.lowestRank) });
  const places = new Map(result.rankings.map((r) => [r.pillar, new Map(r.order.map((place) => [place.index, place]))]));
  const rankings = result.rankings.map((ranking) => {
    const table = h(
      "table",
      { class: "data ranking", "data-pillar": ranking.pillar },
      h("caption", {}, t("rankingOn", { pillar: pillarName(words, ranking.pillar) })),
      h(
        "thead",
        {},
        h("tr", {}, [t("rankCol"), t("process_"), t("scoreCol"), t("notDistinguishable")].map((c) => h("th", { scope: "col" }, c))),
      ),
      h(
        "tbody",
        {},
        ranking.order.map((place) =>
          h(
            "tr",
            { "data-status": place.status, "data-index": place.index },
            h("td", { class: "rank" }, place.rank === null ? t("notRanked") : span(rankText(place))),
            h("th", { scope: "row" }, named(place.index)),
            h(
              "td",
              {},
              scored(place)
                ? [h("strong", {}, num(place.score)), place.lower !== place.upper ? [" ", span(`(${num(place.lower)}–${num(place.upper)})`), "*"] : ""]
                : t("rangeOnly", { lower: num(place.lower ?? 0), upper: num(place.upper ?? 100) }),
            ),
            h("td", {}, place.indistinguishable.length ? place.indistinguishable.flatMap((i, k) => (k ? [", ", shown(i)] : [shown(i)])) : "—"),
          ),
        ),
      ),
    );
    return table;
  });

  const indicators = result.reports[0].pillars.flatMap((p) => p.indicators.map((i) => i.id));
  const indicatorOf = (report, id) => report.pillars.flatMap((p) => p.indicators).find((i) => i.id === id);
  const indicatorTable = h(
    "table",
    { class: "data" },
    h("caption", {}, t("compareIndicators")),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("indicator")), names.map((_, n) => h("th", { scope: "col" }, named(n))))),
    h(
      "tbody",
      {},
      indicators.map((id) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, indicatorName(words, id)),
          result.reports.map((r) => {
            const x = indicatorOf(r, id);
            return h("td", { class: "num", "data-status": x.status }, cell({ x, words, t }));
          }),
        ),
      ),
    ),
  );

  // The overlaid chart: one row per indicator, one mark per scored process; an unscored one is
  // drawn as its range (a thin dashed line), never as a point. The table above is its text
  // alternative; the chart itself is hidden from assistive technology.
  const width = 700;
  const row = 22;
  const left = 300;
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
  const xOf = (value) => left + ((width - left - 10) * value) / 100;
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = xOf(tick);
    add("line", { x1: x, x2: x, y1: 0, y2: row * indicators.length, class: "grid" });
    add("text", { x, y: row * indicators.length + 16, "text-anchor": "middle", class: "tick" }, words.number(tick));
  }
  const unscored = result.reports.some((r) => r.pillars.some((p) => p.indicators.some((i) => i.status === "insufficient-data")));
  indicators.forEach((id, i) => {
    const y = i * row + row / 2;
    add("text", { x: left - 8, y: y + 4, "text-anchor": "end", class: "label" }, indicatorName(words, id));
    result.reports.forEach((report, n) => {
      const x = indicatorOf(report, id);
      if (x.status === "not-applicable") return;
      if (!scored(x)) {
        const offset = ((n % 5) - 2) * 2;
        add("line", { x1: xOf(x.lower ?? 0), x2: xOf(x.upper ?? 100), y1: y + offset, y2: y + offset, class: `range-line series s${colour(n)}` });
        return;
      }
      add("text", { x: xOf(x.score), y: y + 5, "text-anchor": "middle", class: `series s${colour(n)}` }, MARKS[n % MARKS.length]);
    });
  });
  const legend = h(
    "p",
    { class: "legend" },
    names.map((_, n) => [h("span", {}, named(n)), " "]),
    unscored ? h("span", { class: "note" }, t("chartRanges")) : null,
  );

  const sensitivity = h(
    "section",
    { "aria-labelledby": "h-sensitivity", class: "sensitivity" },
    h("h3", { id: "h-sensitivity" }, t("sensitivity")),
    h("p", { class: "help" }, t("sensitivityIntro", { draws: words.number(spread.draws), spread: percent(words, spread.spread) })),
    h("p", { class: "help" }, t("p5p95")),
    spread.pillars.map((pillar) => sensitivityOf({ pillar, places: places.get(pillar.pillar), rankText, names, named, words, t, num })),
  );

  // Wide tables scroll within their own box (WCAG reflow allows it for data tables), never the page.
  const scroll = (table) => h("div", { class: "table-scroll", role: "region", "aria-label": table.caption?.textContent ?? "", tabindex: "0" }, table);
  return [
    scroll(pillarTable),
    anyProvisional ? h("p", { class: "note", id: "star-note" }, t("starNote")) : null,
    h("h3", {}, t("rankings")),
    h("p", { class: "help" }, t("rankingNote")),
    rankings.map(scroll),
    h("h3", {}, t("chart")),
    legend,
    svg,
    scroll(indicatorTable),
    sensitivity,
  ]
    .flat()
    .filter(Boolean);
}

/** One pillar's three analyses: a table of ranges and plain sentences about neighbours. */
function sensitivityOf({ pillar, places, rankText, names, named, words, t, num }) {
  const base = pillar.profiles;
  const ranked = base.filter((p) => p.rank !== null).sort((a, b) => a.rank - b.rank || a.index - b.index);
  const unranked = base.filter((p) => p.rank === null);
  const of = (analysis, index) => pillar[analysis].profiles.find((p) => p.index === index);
  const name = pillarName(words, pillar.pillar);

  /** The share of draws (0–1) in which `a` scored above `b`, in one analysis. */
  const above = (analysis, a, b) => {
    const pair = pillar[analysis].pairs.find((p) => (p.higher === a && p.lower === b) || (p.higher === b && p.lower === a));
    if (!pair) return 0;
    return pair.higher === a ? pair.share : pair.reverse;
  };

  const rangeCell = (analysis, p) => {
    const x = of(analysis, p.index);
    if (!x || x.scored === 0) return h("td", {}, t("noScoreInDraws"));
    const bar = h("span", { class: "spread-bar", "aria-hidden": "true" }, h("span", { class: "spread-fill" }));
    bar.firstChild.style.insetInlineStart = `${x.p5}%`;
    bar.firstChild.style.width = `${Math.max(1, x.p95 - x.p5)}%`;
    return h(
      "td",
      {},
      bar,
      h("span", { class: "block" }, span(x.p5 === x.p95 ? num(x.p5) : `${num(x.p5)}–${num(x.p95)}`)),
      x.scored < 1 ? h("span", { class: "note block" }, t("scoredIn", { n: perHundred(words, x.scored) })) : null,
      x.rankStability === null || x.rankStability === undefined ? null : h("span", { class: "note block" }, t("rankKept", { n: perHundred(words, x.rankStability) })),
    );
  };

  const rows = [...ranked, ...unranked].map((p) =>
    h(
      "tr",
      { "data-status": p.status },
      h("th", { scope: "row" }, named(p.index)),
      h(
        "td",
        {},
        p.rank === null || !places?.get(p.index)?.rank
          ? t("rangeUnscored")
          : [h("strong", {}, num(p.score)), h("span", { class: "note block" }, t("rankIs", { rank: `\u2066${rankText(places.get(p.index))}\u2069` }))],
      ),
      ANALYSES.map((analysis) => rangeCell(analysis, p)),
    ),
  );

  const statements = [];
  for (let k = 0; k + 1 < ranked.length; k++) {
    const [a, b] = [ranked[k].index, ranked[k + 1].index];
    const shares = Object.fromEntries(ANALYSES.map((analysis) => [analysis, above(analysis, a, b)]));
    const never = ANALYSES.every((analysis) => !pillar[analysis].pairs.some((p) => (p.higher === a && p.lower === b) || (p.higher === b && p.lower === a)));
    statements.push(
      never
        ? t("tiesAlways", { a: names[a], b: names[b], pillar: name })
        : t("ranksAboveAll", {
            a: names[a],
            b: names[b],
            pillar: name,
            both: perHundred(words, shares.both),
            weights: perHundred(words, shares.weights),
            missing: perHundred(words, shares.missing),
          }),
    );
  }
  for (const p of unranked) {
    const x = of("missing", p.index);
    statements.push(
      x?.scored ? t("unscoredSpread", { a: names[p.index], pillar: name, p5: num(x.p5), p95: num(x.p95) }) : t("unscoredNone", { a: names[p.index], pillar: name }),
    );
  }

  return h(
    "div",
    { class: "spread", "data-pillar": pillar.pillar },
    h("h4", {}, name),
    h(
      "div",
      { class: "table-scroll", role: "region", "aria-label": t("sensitivityOn", { pillar: name }), tabindex: "0" },
      h(
        "table",
        { class: "data" },
        h("caption", { class: "visually-hidden" }, t("sensitivityOn", { pillar: name })),
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            [t("process_"), t("published"), t("analysisWeights"), t("analysisMissing"), t("analysisBoth")].map((c) => h("th", { scope: "col" }, c)),
          ),
        ),
        h("tbody", {}, rows),
      ),
    ),
    h("ul", { class: "statements" }, statements.map((s) => h("li", {}, s))),
  );
}

/**
 * The Compare view: a choice of saved assessments and presets (the choice is kept in the store),
 * and their comparison, drawn again at each change. `{ nodes, ready }`: `ready` settles once the
 * first comparison is drawn. From the page's context (main.js): `store`, `words`, `t`, `presets`
 * and `preset(key)`, `analyse(profiles)` (the engine, in a worker) and `describe(error)`.
 */
export function compareView({ store, words, t, presets, preset, analyse, describe }) {
  const chosen = new Set(store.state.compare ?? [...store.state.order.slice(-1), "preset:ietf", "preset:w3c", "preset:iso"]);
  const options = [
    ...store.state.order.map((id) => [id, processName(store.state.assessments[id].profile, t)]),
    ...presets.map(([id, name]) => [`preset:${id}`, `${name} (${t("presetTag")})`]),
  ];
  const output = h("div", { class: "compare-output", "aria-live": "polite" });
  let drawn = 0;
  const update = async () => {
    // The engine works in the worker; only the latest choice is drawn, and the previous
    // comparison stays (marked busy) until it is.
    const mine = ++drawn;
    output.setAttribute("aria-busy", "true");
    store.setCompare([...chosen]);
    try {
      const entries = [];
      for (const key of options.map(([k]) => k).filter((k) => chosen.has(k))) {
        if (key.startsWith("preset:")) {
          const profile = await preset(key.slice(7));
          entries.push({ name: profile.process.name, profile });
        } else if (store.state.assessments[key]) {
          const profile = store.state.assessments[key].profile;
          entries.push({ name: profile.process?.name || t("untitled"), profile });
        }
      }
      if (mine !== drawn) return; // A newer choice is already on its way.
      const { valid, result, spread } = await analyse(entries.map((e) => e.profile));
      if (mine !== drawn) return;
      // An assessment with a problem to fix is left out, by name, rather than failing them all.
      const invalid = entries.filter((_, n) => !valid[n]);
      const left = invalid.length ? h("p", { class: "notice", id: "compare-left-out" }, t("excludedInvalid", { names: invalid.map((e) => isolate(e.name)).join(", ") })) : null;
      output.replaceChildren(...[left, ...comparison({ result, spread, entries: entries.filter((_, n) => valid[n]), words, t })].filter(Boolean));
    } catch (e) {
      if (mine !== drawn) return;
      output.replaceChildren(h("p", { class: "error-text", role: "alert" }, describe(e)));
    } finally {
      if (mine === drawn) output.removeAttribute("aria-busy");
    }
  };
  const boxes = h(
    "fieldset",
    { class: "choices" },
    h("legend", {}, t("compareIntro")),
    options.map(([key, name]) => {
      const box = h("input", { type: "checkbox", id: `cmp-${key}`, value: key });
      box.checked = chosen.has(key);
      box.addEventListener("change", () => {
        if (box.checked) chosen.add(key);
        else chosen.delete(key);
        update();
      });
      return h("div", { class: "choice" }, box, h("label", { for: box.id }, name));
    }),
  );
  // The first comparison starts at once; the caller puts the nodes in the page before it is drawn.
  return { nodes: [h("h2", { tabindex: "-1" }, t("navCompare")), boxes, output], ready: update() };
}
