// The define module: importing it registers <sdo-openness-badge> and <sdo-openness-scorecard>.
// Import the class modules instead to register under other tags or in a scoped registry. Where
// there is no DOM (Node, server-side rendering) importing it registers nothing and does not throw.
import { SdoOpennessBadgeElement } from "./badge.js";
import { SdoOpennessScorecardElement } from "./scorecard.js";

SdoOpennessBadgeElement.define();
SdoOpennessScorecardElement.define();

export { SdoOpennessBadgeElement, SdoOpennessScorecardElement };
export { SCORED, ERROR, configure } from "./element.js";
