// Declarations of the elements' shared base (element.js): the properties both elements have, and
// their two events, typed in the DOM's HTMLElementEventMap so that addEventListener knows them.
import type { Profile, Report, ScoreOptions } from "../../pkg/web/types.js";
import type { JsonText } from "../../pkg/web/index.js";

/** Fired on the element after each successful render; `detail.report` is what was drawn. */
export declare const SCORED: "sdo-openness-scored";
/** Fired when the profile cannot be loaded or scored; `detail` has `code`, `path`, `message`. */
export declare const ERROR: "sdo-openness-error";

/** `detail` of `sdo-openness-scored`. */
export interface SdoOpennessScoredDetail {
  /** The report the element drew. */
  report: Report;
}

/** `detail` of `sdo-openness-error`. */
export interface SdoOpennessErrorDetail {
  /** `load-failed`, `engine-failed`, `render-failed`, `invalid-json` (weights) or the engine's code. */
  code: string;
  /** JSON path of the offending value; "" for the whole input. */
  path: string;
  /** What went wrong, in the element's language. */
  message: string;
}

export type SdoOpennessScoredEvent = CustomEvent<SdoOpennessScoredDetail>;
export type SdoOpennessErrorEvent = CustomEvent<SdoOpennessErrorDetail>;

/** `light`, `dark`, or `auto` (follows the reader's system; the default). */
export type SdoOpennessTheme = "light" | "dark" | "auto";

/** Custom indicator weights, e.g. `{ O1: 20 }`. */
export type SdoOpennessWeights = NonNullable<ScoreOptions["weights"]>;

/** A language whose catalogue is loaded on demand (English is bundled). */
export type SdoOpennessLocale = "ar" | "es" | "fr" | "ru" | "zh";

/**
 * A catalogue as `sdo-openness/locales/<lang>.json` holds it: the rubric's words keyed by id and
 * the widget's own under `ui` (one without `ui` is not used: the card is English throughout).
 */
export type SdoOpennessCatalogue = { pillars: object; ui: Record<string, string> } & Record<string, unknown>;

/** What configure() takes; both optional. */
export interface SdoOpennessConfiguration {
  /** The .wasm: a URL, a Request, a Response or a promise of one, a WebAssembly.Module, or its bytes. */
  engine?: string | URL | Request | Response | PromiseLike<Response> | WebAssembly.Module | BufferSource;
  /**
   * One language's catalogue: the object, a URL, a Response, a module whose default export it is
   * (`import("sdo-openness/locales/fr.json")`), or a promise of one of these; null for English.
   */
  locales?: (
    lang: SdoOpennessLocale,
  ) =>
    | SdoOpennessCatalogue | string | URL | Response | { default: SdoOpennessCatalogue } | null | undefined
    | PromiseLike<SdoOpennessCatalogue | string | URL | Response | { default: SdoOpennessCatalogue } | null | undefined>;
}

/**
 * Tells the elements where their assets are, for a bundler that does not rewrite
 * `new URL(…, import.meta.url)` (esbuild) or a site that hosts them elsewhere. Call it before the
 * first element connects. Throws a TypeError for an unknown option, and an Error when the engine
 * is set after it started loading.
 */
export declare function configure(options: SdoOpennessConfiguration): void;

/**
 * Registers `element` as `tag` in `registry` (by default the page's `customElements`) unless the
 * tag is taken; does nothing where there is no registry (no DOM).
 */
export declare function defineElement<T extends CustomElementConstructor>(
  element: T,
  tag: string,
  registry?: CustomElementRegistry,
): T;

/** What both elements share. Where there is no DOM the class exists but extends an empty class. */
export declare class SdoOpennessElement extends HTMLElement {
  static observedAttributes: string[];
  /** URL of a profile JSON file (the `src` attribute). */
  src: string;
  /** Custom indicator weights (the `weights` attribute, as JSON); null when unset or not JSON. */
  get weights(): SdoOpennessWeights | null;
  set weights(value: SdoOpennessWeights | null | undefined);
  /** `light`, `dark`, or `auto` (the `theme` attribute). */
  get theme(): SdoOpennessTheme;
  set theme(value: SdoOpennessTheme);
  /** `ar`, `en`, `es`, `fr`, `ru` or `zh`; else the nearest ancestor's `lang`, else English. */
  lang: string;
  /** A profile object (or JSON text) to score; takes precedence over inline JSON and `src`. */
  get profile(): Profile | JsonText | undefined;
  set profile(value: Profile | JsonText | undefined);
  /** The last report drawn, or null. */
  get report(): Report | null;
  connectedCallback(): void;
  attributeChangedCallback(name: string, before: string | null, after: string | null): void;
}

declare global {
  interface HTMLElementEventMap {
    "sdo-openness-scored": SdoOpennessScoredEvent;
    "sdo-openness-error": SdoOpennessErrorEvent;
  }
}
