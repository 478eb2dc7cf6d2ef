// What both elements share: where the profile comes from, batched updates, scoring through the
// engine, typed events, and a contained, visible error state. Subclasses only draw a report.
import { engine, setEngine } from "./engine.js";
import { localeOf, messages, setLocales } from "./messages.js";
import { stylesheet } from "./styles.js";
import { clean, h } from "./dom.js";

/** Fired on the element after each successful render; `detail.report` is what was drawn. */
export const SCORED = "sdo-openness-scored";
/** Fired when the profile cannot be loaded or scored; `detail` has `code`, `path`, `message`. */
export const ERROR = "sdo-openness-error";

/**
 * Tells the elements where their assets are, for a bundler that does not rewrite
 * `new URL(…, import.meta.url)` (esbuild) or a site that hosts them elsewhere (docs/bundlers.md).
 * Call it before the first element connects: at the top of the module that imports the elements.
 * - `engine`: the .wasm — a URL (string or URL), a Request, a Response or a promise of one, a
 *   WebAssembly.Module, or its bytes.
 * - `locales(lang)`: for `ar`, `es`, `fr`, `ru` or `zh`, that language's catalogue
 *   (`sdo-openness/locales/<lang>.json`) as an object, a URL, a Response, a module whose default
 *   export it is (`import("….json")`), or a promise of one of these; null or undefined for English.
 */
export function configure(options = {}) {
  const unknown = Object.keys(options).filter((key) => key !== "engine" && key !== "locales");
  if (unknown.length > 0) throw new TypeError(`sdo-openness: configure() takes engine and locales, not ${unknown.join(", ")}`);
  const { engine: wasm, locales } = options;
  if (locales !== undefined && typeof locales !== "function") throw new TypeError("sdo-openness: configure({ locales }) takes a function of the language");
  if (wasm !== undefined) setEngine(wasm);
  if (locales !== undefined) setLocales(locales);
}

const settle = (promise) => promise.then((value) => ({ value }), (error) => ({ error }));

/**
 * The class the elements extend: the DOM's HTMLElement, or, where there is none (Node, server-side
 * rendering, a worker), an empty class, so that importing these modules never throws there.
 * Such a class can be imported and inspected but not constructed into a working element.
 */
// Typed as HTMLElement: only a working element, in a DOM, ever reaches the members it uses.
const Base = /** @type {typeof HTMLElement} */ (globalThis.HTMLElement ?? class {});

/**
 * Registers `element` as `tag` in `registry` (by default the page's `customElements`) unless the
 * tag is taken; does nothing where there is no registry (no DOM).
 */
export function defineElement(element, tag, registry = globalThis.customElements) {
  if (registry && !registry.get(tag)) registry.define(tag, element);
  return element;
}

export class SdoOpennessElement extends Base {
  static observedAttributes = ["src", "lang", "weights", "theme"];

  #profile = undefined;
  #report = null;
  #queued = false;
  #generation = 0;
  #fetching = null;

  constructor() {
    super();
    this.attachShadow({ mode: "open" }).adoptedStyleSheets = [stylesheet()];
  }

  connectedCallback() {
    this.#queue();
  }

  attributeChangedCallback(name, before, after) {
    // `theme` is styling alone (`:host([theme=…])` in styles.js): the browser restyles, nothing is
    // scored or drawn again.
    if (before !== after && name !== "theme") this.#queue();
  }

  /** URL of a profile JSON file (the `src` attribute). */
  get src() {
    return this.getAttribute("src") ?? "";
  }
  set src(value) {
    this.setAttribute("src", value);
  }

  /** Custom indicator weights, e.g. `{ "O1": 20 }` (the `weights` attribute, as JSON). */
  get weights() {
    try {
      return JSON.parse(this.getAttribute("weights"));
    } catch {
      return null;
    }
  }
  set weights(value) {
    if (value == null) this.removeAttribute("weights");
    else this.setAttribute("weights", JSON.stringify(value));
  }

  /** `light`, `dark`, or `auto` (follows the reader's system; the default). */
  get theme() {
    return this.getAttribute("theme") ?? "auto";
  }
  set theme(value) {
    this.setAttribute("theme", value);
  }

  /** A profile object (or JSON text) to score; takes precedence over inline JSON and `src`. */
  get profile() {
    return this.#profile;
  }
  set profile(value) {
    this.#profile = value;
    this.#queue();
  }

  /** The last report drawn, or null. */
  get report() {
    return this.#report;
  }

  /** Several changes in one task cause one update. */
  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#update().catch(() => {}); // #update reports its own failures; nothing reaches the page.
    });
  }

  async #update() {
    if (!this.isConnected) return;
    const generation = ++this.#generation;
    const current = () => generation === this.#generation && this.isConnected;
    // The words, the profile and the engine load at once, not one after another.
    const loading = { words: messages(localeOf(this)), profile: settle(this.#source()), engine: settle(engine()) };
    const words = await loading.words;
    if (!current()) return;
    // Until the first report, the box says it is working rather than staying blank.
    if (!this.shadowRoot.firstChild) this.#show(words, [h("p", { class: "loading", role: "status" }, words.text("loading"))]);
    const { value: profile, error: loadError } = await loading.profile;
    if (!current()) return;
    if (loadError) {
      this.#fail(words, { code: "load-failed", path: "", message: words.text("errorLoad") });
      return;
    }
    if (profile === undefined) {
      this.#show(words, []);
      return;
    }
    const { value: ready, error: engineError } = await loading.engine;
    if (!current()) return;
    if (engineError) {
      this.#fail(words, { code: "engine-failed", path: "", message: words.text("errorEngine") });
      return;
    }
    const { score } = ready;
    const rawWeights = this.getAttribute("weights");
    let report;
    try {
      const options = { asOf: new Date().toISOString().slice(0, 10) };
      if (rawWeights) options.weights = JSON.parse(rawWeights);
      report = score(profile, options);
    } catch (e) {
      const detail = e?.name === "SyntaxError"
        ? { code: "invalid-json", path: "weights", message: e.message }
        : { code: e?.code ?? "engine-failed", path: e?.path ?? "", message: e?.message ?? String(e) };
      // The engine's message quotes untrusted names (an unknown field, its path): the box shows
      // it without bidirectional override or isolate controls, which could reorder the sentence.
      const message = clean(words.describe(detail));
      this.#fail(words, { ...detail, message: words.text("errorInvalid", { message }) }, detail);
      return;
    }
    let nodes;
    try {
      nodes = this.render(report, words);
    } catch (e) {
      this.#fail(words, { code: "render-failed", path: "", message: words.text("errorInvalid", { message: String(e?.message ?? e) }) });
      return;
    }
    this.#report = report;
    this.#show(words, nodes);
    this.dispatchEvent(new CustomEvent(SCORED, { bubbles: true, composed: true, detail: { report } }));
  }

  /** The profile to score: the property, else an inline JSON script child, else `src`. */
  async #source() {
    if (this.#profile !== undefined) return this.#profile;
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) return inline.textContent; // As text: the engine catches duplicate keys itself.
    if (!this.src) return undefined;
    const url = new URL(this.src, this.ownerDocument.baseURI).href;
    if (this.#fetching?.url !== url) {
      const request = fetch(url, { credentials: "same-origin" }).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.text();
      });
      this.#fetching = { url, request };
      request.catch(() => {
        if (this.#fetching?.request === request) this.#fetching = null; // Let a later update retry.
      });
    }
    return this.#fetching.request;
  }

  #show(words, nodes) {
    this.shadowRoot.replaceChildren(...nodes);
    for (const node of nodes) {
      if (node instanceof Element) {
        node.setAttribute("lang", words.locale);
        node.setAttribute("dir", words.dir);
      }
    }
  }

  #fail(words, shown, detail = shown) {
    this.#report = null;
    this.#show(words, [h("div", { part: "error", class: "error", role: "alert" }, shown.message)]);
    this.dispatchEvent(
      new CustomEvent(ERROR, {
        bubbles: true,
        composed: true,
        detail: { code: detail.code, path: detail.path, message: detail.message },
      }),
    );
  }

  /** Subclasses return the nodes that show `report`. */
  render(_report, _words) {
    return [];
  }
}
