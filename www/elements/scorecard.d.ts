// Declarations of <sdo-openness-scorecard> (scorecard.js).
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

/** <sdo-openness-scorecard>: both pillars, every indicator, recommendations, warnings, evidence. */
export declare class SdoOpennessScorecardElement extends SdoOpennessElement {
  /**
   * Registers the element (default tag `sdo-openness-scorecard`, default registry the page's
   * `customElements`); safe to call twice, and a no-op where there is no DOM.
   */
  static define(tag?: string, registry?: CustomElementRegistry): typeof SdoOpennessScorecardElement;
}

declare global {
  interface HTMLElementTagNameMap {
    "sdo-openness-scorecard": SdoOpennessScorecardElement;
  }
}
