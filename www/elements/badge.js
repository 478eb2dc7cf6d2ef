// <sdo-openness-badge>: the compact form — a label, both pillars and how the assessment was
// reviewed. It draws itself (the widget carries the score-only engine, not `badgeSvg`) and follows
// the same rules as the engine's SVG badge: a pillar shows its score and band colour only when its
// `status` is `scored`; otherwise it shows "insufficient data" with its range, in grey. Colour is
// never the only cue: the score is text, and the band is named in the accessible label and the
// tooltip. Draws from the report only.
import { SdoOpennessElement, defineElement } from "./element.js";
import { h, clean, isolate } from "./dom.js";

export { configure } from "./element.js";

const LEVELS = ["self-assessment", "independent", "peer-reviewed"];

export class SdoOpennessBadgeElement extends SdoOpennessElement {
  static observedAttributes = [...SdoOpennessElement.observedAttributes, "label"];

  /**
   * Registers the element (default tag `sdo-openness-badge`, default registry the page's
   * `customElements`); safe to call twice, and a no-op where there is no DOM.
   */
  static define(tag = "sdo-openness-badge", registry = globalThis.customElements) {
    return defineElement(this, tag, registry);
  }

  /** The badge's first part (the `label` attribute); defaults to the localised "SDO openness". */
  get label() {
    return this.getAttribute("label") ?? "";
  }
  set label(value) {
    this.setAttribute("label", value);
  }

  render(report, words) {
    const R = words.rubric;
    const label = clean(this.label) || words.text("badgeLabel");
    // Whole numbers as the engine's badge writes them: a score rounded half up, a range rounded
    // outwards so that the numbers shown contain it.
    const whole = (x) => words.number(Math.floor(x + 0.5));
    const down = (x) => words.number(Math.floor(x));
    const up = (x) => words.number(Math.ceil(x));
    const parts = report.pillars.map((pillar) => {
      const name = R.pillars[pillar.id]?.name ?? pillar.id;
      const lower = pillar.lower ?? 0;
      const upper = pillar.upper ?? 100;
      if (pillar.status !== "scored" || pillar.score === null || pillar.score === undefined) {
        const span = words.text("span", { lower: down(lower), upper: up(upper) });
        return {
          node: h("span", { part: "value", class: "b-none", "data-status": pillar.status ?? "insufficient-data" }, `${name} ${words.text("insufficient")} `, h("bdi", { dir: "ltr" }, span)),
          said: words.text("insufficientSaid", { pillar: name, range: words.text("range", { lower: words.number(lower), upper: words.number(upper) }) }),
        };
      }
      const value = whole(pillar.score);
      const said = [
        `${name} ${value}`,
        R.bands[pillar.band] ?? pillar.band,
        pillar.provisional ? `${words.text("provisional")}${words.text("sep")}${words.text("range", { lower: words.number(lower), upper: words.number(upper) })}` : null,
      ].filter(Boolean);
      return {
        node: h("span", { part: "value", class: `b-${pillar.band}`, "data-status": "scored" }, `${name} ${value}${pillar.provisional ? "*" : ""}`),
        said: said.join(words.text("sep")),
      };
    });
    const level = LEVELS.includes(report.review?.level) ? report.review.level : "self-assessment";
    const review = words.pick("badgeReview", level);
    const summary = `${label} — ${isolate(report.process.name)}: ${parts.map((p) => p.said).join("; ")}; ${review}`;
    return [
      h(
        "span",
        { part: "badge", class: "badge", role: "img", "aria-label": summary, title: summary },
        h("span", { part: "label", class: "label" }, label),
        parts.map((p) => p.node),
        h("span", { part: "review", class: `review review-${level}` }, review),
      ),
    ];
  }
}
