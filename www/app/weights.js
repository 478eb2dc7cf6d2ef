// The Weights view: a slider for each indicator's weight within its pillar, its share of the
// pillar, and the live scorecard drawn with the weights as they move. Custom weights are kept in
// the store only where they differ from the methodology's; every engine call on the page then uses
// them. The engine normalises within each pillar; the view only says what share that gives.
import { h } from "../elements/dom.js";
import { pillarName, indicatorName, liveScorecard } from "./common.js";

/**
 * The view's nodes. `context` is the page's (main.js): `store`, `rubric`, `words`, `t`, `root` (the
 * element the view is drawn in, for a reset that draws it again) and `shown()` (the profile the
 * scores are drawn from).
 */
export function weightsView(context) {
  const { store, rubric, words, t, root, shown } = context;
  /** Draws the view again (a reset moves every slider), with focus back on `focus`. */
  const again = (focus) => {
    root.replaceChildren(...weightsView(context));
    root.querySelector(focus)?.focus();
  };
  const notice = h("p", { class: "notice", role: "status" }, store.state.weights ? t("customWeights") : "");
  const preview = h("div", { class: "weights-preview" }, liveScorecard({ words, weights: store.state.weights, profile: structuredClone(shown()) }));
  const defaults = Object.fromEntries(rubric.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.weight])));
  const weightOf = (id) => store.state.weights?.[id] ?? defaults[id];
  const percent = new Intl.NumberFormat(words.locale, { style: "percent", maximumFractionDigits: 0 });
  /** Keeps `weights` only where it differs from the methodology; null when it never does. */
  const keep = (weights) => {
    const custom = Object.entries(weights).some(([k, v]) => v !== defaults[k]);
    store.setWeights(custom ? weights : null);
    notice.textContent = custom ? t("customWeights") : "";
    preview.firstChild.weights = store.state.weights;
  };
  const groups = rubric.pillars.map((pillar) => {
    const name = pillarName(words, pillar.id);
    const outputs = new Map();
    // Each weight as a share of its pillar: the engine normalises within the pillar.
    const shares = () => {
      const total = pillar.indicators.reduce((n, i) => n + weightOf(i.id), 0);
      for (const i of pillar.indicators) {
        const w = weightOf(i.id);
        outputs.get(i.id).textContent = t("weightShare", { weight: words.number(w), share: percent.format(total ? w / total : 0), pillar: name });
      }
    };
    const rows = pillar.indicators.map((indicator) => {
      const value = weightOf(indicator.id);
      const slider = h("input", { type: "range", id: `w-${indicator.id}`, min: 0, max: 50, step: 1, value, "aria-describedby": `w-${indicator.id}-share w-${indicator.id}-floor` });
      const out = h("output", { for: slider.id, id: `w-${indicator.id}-share` });
      outputs.set(indicator.id, out);
      const floor = h("p", { class: "note field-help weight-floor", id: `w-${indicator.id}-floor`, "aria-live": "polite" });
      slider.addEventListener("input", () => {
        let next = Number(slider.value);
        // A pillar whose weights are all zero has no score at all: its last positive weight stays.
        const others = pillar.indicators.filter((i) => i.id !== indicator.id).reduce((n, i) => n + weightOf(i.id), 0);
        if (next === 0 && others === 0) {
          next = 1;
          slider.value = "1";
          floor.textContent = t("weightFloor", { pillar: name });
        } else {
          floor.textContent = "";
        }
        keep({ ...(store.state.weights ?? {}), [indicator.id]: next });
        shares();
      });
      return h("div", { class: "weight" }, h("label", { for: slider.id }, indicatorName(words, indicator.id)), slider, out, floor);
    });
    shares();
    const resetPillar = h("button", { type: "button", class: "secondary", id: `reset-${pillar.id}` }, t("resetPillar", { pillar: name }));
    resetPillar.addEventListener("click", () => {
      const weights = { ...(store.state.weights ?? {}) };
      for (const i of pillar.indicators) delete weights[i.id];
      keep(weights);
      again(`#reset-${pillar.id}`);
    });
    return h("fieldset", { class: "weights" }, h("legend", {}, name), rows, resetPillar);
  });
  const reset = h("button", { type: "button", id: "reset-weights" }, t("resetWeights"));
  reset.addEventListener("click", () => {
    store.setWeights(null);
    again("#reset-weights");
  });
  return [
    h("h2", { tabindex: "-1" }, t("navWeights")),
    h("p", { class: "help" }, t("weightsIntro")),
    notice,
    reset,
    h("div", { class: "weights-layout" }, h("div", {}, groups), preview),
  ];
}
