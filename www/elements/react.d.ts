// sdo-openness/react: JSX typings for React 19, which sets a custom element's properties (so
// `profile` takes an object) and adds a listener for each `on…` prop named after the event.
// Import it once for its types: `import type {} from "sdo-openness/react";`.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { SdoOpennessBadgeElement } from "./badge.js";
import type { SdoOpennessScorecardElement } from "./scorecard.js";
import type { SdoOpennessElement, SdoOpennessErrorEvent, SdoOpennessScoredEvent, SdoOpennessTheme, SdoOpennessWeights } from "./element.js";

/** What both elements take in JSX. */
export interface SdoOpennessProps<E extends SdoOpennessElement> extends DetailedHTMLProps<HTMLAttributes<E>, E> {
  /** URL of a profile JSON file. */
  src?: string;
  /** A profile object (or JSON text) to score; takes precedence over inline JSON and `src`. */
  profile?: SdoOpennessElement["profile"];
  /** Custom indicator weights. */
  weights?: SdoOpennessWeights | null;
  /** `light`, `dark`, or `auto`. */
  theme?: SdoOpennessTheme;
  /** `sdo-openness-scored`: after each successful render. */
  "onsdo-openness-scored"?: (event: SdoOpennessScoredEvent) => void;
  /** `sdo-openness-error`: the profile could not be loaded or scored. */
  "onsdo-openness-error"?: (event: SdoOpennessErrorEvent) => void;
}

/** <sdo-openness-badge> in JSX. */
export interface SdoOpennessBadgeProps extends SdoOpennessProps<SdoOpennessBadgeElement> {
  /** The badge's first part; "" for the localised "SDO openness". */
  label?: string;
}

/** <sdo-openness-scorecard> in JSX. */
export interface SdoOpennessScorecardProps extends SdoOpennessProps<SdoOpennessScorecardElement> {
  /** A link for each indicator row; `{indicator}` stands for its id, e.g. `/method?i={indicator}`. */
  "indicator-href"?: string;
  /** A link for each recommendation and evidence question; `{question}` stands for its id. */
  "question-href"?: string;
}

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "sdo-openness-badge": SdoOpennessBadgeProps;
      "sdo-openness-scorecard": SdoOpennessScorecardProps;
    }
  }
}
