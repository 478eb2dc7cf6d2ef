// Declarations of sdo-openness/elements/define (define.js) and of sdo-openness/widget, the same
// module bundled: importing either registers both elements (where there is a DOM).
export { SdoOpennessBadgeElement } from "./badge.js";
export { SdoOpennessScorecardElement } from "./scorecard.js";
export { SCORED, ERROR, configure } from "./element.js";
export type {
  SdoOpennessScoredDetail,
  SdoOpennessErrorDetail,
  SdoOpennessScoredEvent,
  SdoOpennessErrorEvent,
  SdoOpennessTheme,
  SdoOpennessWeights,
  SdoOpennessConfiguration,
} from "./element.js";
