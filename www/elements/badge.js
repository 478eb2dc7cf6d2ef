// <sdo-openness-badge>: the compact form — a label and both pillar scores, each coloured by its
// band. Colour is never the only cue: the score itself is text, and the band is named in the
// accessible label and the tooltip. Draws from the report only.
import { SdoOpennessElement } from "./element.js";
import { h, clean } from "./dom.js";

export class SdoOpennessBadgeElement extends SdoOpennessElement {
  static observedAttributes = [...SdoOpennessElement.observedAttributes, "label"];

  /** Registers the element (default tag `sdo-openness-badge`); safe to call twice. */
  static define(tag = "sdo-openness-badge", registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
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
    const parts = report.pillars.map((pillar) => {
      const name = R.pillars[pillar.id]?.name ?? pillar.id;
      const value = pillar.score === null ? "–" : words.number(Math.round(pillar.score));
      const band = pillar.band ? R.bands[pillar.band] ?? pillar.band : words.text("noScore");
      const said = [`${name} ${value}`, band, pillar.provisional ? words.text("provisional") : null].filter(Boolean);
      return {
        node: h("span", { part: "value", class: `b-${pillar.band ?? "none"}` }, `${name} ${value}${pillar.provisional ? "*" : ""}`),
        said: said.join(", "),
      };
    });
    const summary = `${label} — ${clean(report.process.name)}: ${parts.map((p) => p.said).join("; ")}`;
    return [
      h(
        "span",
        { part: "badge", class: "badge", role: "img", "aria-label": summary, title: summary },
        h("span", { part: "label", class: "label" }, label),
        parts.map((p) => p.node),
      ),
    ];
  }
}
