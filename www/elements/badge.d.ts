// Declarations of <sdo-openness-badge> (badge.js).
import { SdoOpennessElement } from "./element.js";

export { configure } from "./element.js";

export type {
  SdoOpennessScoredDetail,
  SdoOpennessErrorDetail,
  SdoOpennessScoredEvent,
  SdoOpennessErrorEvent,
  SdoOpennessTheme,
  SdoOpennessWeights,
  SdoOpennessConfiguration,
} from "./element.js";

/** <sdo-openness-badge>: a label, both pillars and how the assessment was reviewed. */
export declare class SdoOpennessBadgeElement extends SdoOpennessElement {
  /**
   * Registers the element (default tag `sdo-openness-badge`, default registry the page's
   * `customElements`); safe to call twice, and a no-op where there is no DOM.
   */
  static define(tag?: string, registry?: CustomElementRegistry): typeof SdoOpennessBadgeElement;
  /** The badge's first part (the `label` attribute); "" for the localised "SDO openness". */
  label: string;
}

declare global {
  interface HTMLElementTagNameMap {
    "sdo-openness-badge": SdoOpennessBadgeElement;
  }
}
