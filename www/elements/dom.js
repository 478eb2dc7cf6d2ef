// Building DOM from untrusted data without ever parsing it as HTML: every string becomes a text
// node or an attribute value, and only http: and https: addresses become links.

/**
 * `h("p", { class: "x" }, "text", child)`: an element with attributes and children. Strings
 * become text nodes; `null`, `undefined` and `false` children are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The address if it is an absolute http(s) URL, else null: no javascript:, data: or relative links. */
export function safeHref(url) {
  if (typeof url !== "string") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link that opens apart from the host page and tells it nothing; plain text when unsafe. */
export function link(url, text) {
  const href = safeHref(url);
  // An address that cannot be a link is still untrusted text: isolated, its override controls dropped.
  if (!href) return bdi(text ?? String(url ?? ""));
  // dir="auto": an address keeps its own direction (and its slashes in place) in Arabic text.
  return h("a", { href, rel: "noopener noreferrer", target: "_blank", dir: "auto" }, clean(text ?? href));
}

/**
 * Bidirectional-control characters in untrusted text could reorder what a reader sees (a
 * "right-to-left override" attack); they are dropped. The text is still shown in full.
 */
export function clean(text) {
  return String(text ?? "").replace(/[\u202A-\u202E\u2066-\u2069]/g, "");
}

/** Untrusted text as an isolated run (<bdi>), so that its direction cannot reorder what is around it. */
export function bdi(text) {
  return h("bdi", {}, clean(text));
}

/** Untrusted text isolated inside a template string (first-strong isolate … pop). */
export function isolate(text) {
  return `\u2068${clean(text)}\u2069`;
}

/**
 * The `lang` to put on a profile's own text (notes, quotes) inside a page in `locale`: the
 * profile's `process.language` when it names another language, else null (no attribute).
 */
export function textLang(language, locale) {
  if (typeof language !== "string" || !language) return null;
  return language.split("-")[0].toLowerCase() === String(locale).split("-")[0].toLowerCase() ? null : language;
}
