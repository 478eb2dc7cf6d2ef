// The define module: importing it registers <sdo-openness-badge> and <sdo-openness-scorecard>.
// Import the class modules instead to register under other tags or in a scoped registry.
import { SdoOpennessBadgeElement } from "./badge.js";
import { SdoOpennessScorecardElement } from "./scorecard.js";

SdoOpennessBadgeElement.define();
SdoOpennessScorecardElement.define();

export { SdoOpennessBadgeElement, SdoOpennessScorecardElement };
export { SCORED, ERROR } from "./element.js";
