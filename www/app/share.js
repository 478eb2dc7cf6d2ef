// Keep and share: export as JSON and CSV, share links in the URL fragment (written and read),
// embed snippets and the badge. (The view is share-view.js's; the printed report is report.js's.)
import { h, clean } from "../elements/dom.js";
import { encodeProfile, decodeProfile, salvageProfile } from "../shared/fragment.js";
import { kindOf } from "./assess.js";
import { mergePatch, patchable, fingerprint, readPatchLink } from "./patch.js";
import { recover } from "./salvage.js";

/** Links longer than this break in many chat tools, mail clients and CMS fields. */
export const LINK_LIMIT = 8000;

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileName(profile, extension) {
  const base = (profile.process?.name || "assessment").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  return `${base.slice(0, 60) || "assessment"}.${extension}`;
}

const csvCell = (value) => {
  const text = String(value ?? "");
  // Formula injection: a spreadsheet must not execute a cell that starts with =, +, - or @.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One row per question: the answer, its points as scored, the note and every evidence entry. */
export function csv({ rubric, report, profile, words, t }) {
  const rows = [["element", "indicator", "question", "answer", "points", "confidence", "note", "searched", "evidence"]];
  const scored = new Map(report.pillars.flatMap((p) => p.indicators.flatMap((i) => i.elements.map((e) => [e.id, e]))));
  for (const pillar of rubric.pillars) {
    for (const indicator of pillar.indicators) {
      for (const element of indicator.elements) {
        const answer = profile.answers[element.id];
        const text = words.rubric.elements[element.id] ?? {};
        const label = answerLabel(answer, text, words, t);
        const evidence = (answer?.evidence ?? []).map((e) => evidenceText(e, t)).join(" | ");
        const searched = (answer?.searched ?? []).join(" | ");
        rows.push([element.id, indicator.id, text.question ?? "", label, scored.get(element.id)?.score ?? "", answer?.confidence ?? "", answer?.note ?? "", searched, evidence]);
      }
    }
  }
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** One evidence entry as one line of text: every field it has, in a fixed order. */
export function evidenceText(e, t) {
  return [e.sourceType && `[${e.sourceType}]`, e.url, e.quote && `“${e.quote}”`, e.note, e.publishedOn && `${t("publishedOn")}: ${e.publishedOn}`, e.checkedOn && `${t("checkedOn")}: ${e.checkedOn}`, e.archiveUrl && `${t("archiveUrl")}: ${e.archiveUrl}`]
    .filter(Boolean)
    .join(" — ");
}

/**
 * `{ url, tooLong, basis }` for a link that opens this page with the profile. When `basis` (the
 * preset the assessment was made from) is given and the profile can be written as a merge patch
 * of it, the link names the preset, its fingerprint and carries only the patch
 * (`#patch=…&base=…&sum=…`), if that is shorter; `basis` in the result says whether it did.
 */
export async function shareLink(profile, basis = null) {
  const url = new URL(location.href);
  url.search = ""; // The reader's place on this page is not part of what is shared.
  const fragment = await carried(profile, basis, "share");
  url.hash = fragment.hash;
  return { url: url.href, tooLong: url.href.length > LINK_LIMIT, basis: fragment.basis };
}

/**
 * Reads a link's fragment (`params`): null when it carries no assessment, else a promise of
 * `{ profile }` (valid, to open as a new copy) or `{ broken }` for the page's notice:
 * `{ recovered }` (what salvage.js could recover, or null) or `{ recovered: null, stale }` (the
 * patch of a preset this page has in another release). `validate` is the engine's, without options;
 * `presetWithId(id)` gives this page's preset of that id, or null.
 *
 * A patch link (`#patch=…`) is applied only to the very preset it was made from: when this page's
 * copy differs, it is not opened as a mix of two versions.
 */
export function readLink(params, { validate, presetWithId }) {
  if (params.has("patch")) return readPatch(params, validate, presetWithId);
  const packed = params.get("share");
  return packed ? readShared(packed, validate) : null;
}

async function readPatch(params, validate, presetWithId) {
  const read = await readPatchLink(params, presetWithId);
  if (read.stale !== undefined) return { broken: { recovered: null, stale: clean(read.stale) } };
  if (read.broken || !validate(read.profile).ok) return { broken: { recovered: null } };
  return { profile: JSON.parse(read.profile) };
}

async function readShared(packed, validate) {
  try {
    const text = await decodeProfile(packed);
    const result = validate(text);
    if (!result.ok) throw new Error(result.errors[0].message);
    return { profile: JSON.parse(text) };
  } catch {
    // Said in place, with what the link still holds: never an empty assessment in its stead.
    return { broken: { recovered: recover(await salvageProfile(packed), validate) } };
  }
}

/** Text safe inside an HTML attribute value. */
const attribute = (text) => String(text).replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** The fragment that carries `profile`: a merge patch of `basis` (its preset) where that is shorter. */
async function carried(profile, basis, name) {
  const full = `${name}=${await encodeProfile(JSON.stringify(profile))}`;
  const sum = basis && patchable(profile) && (await fingerprint(basis));
  if (!sum) return { hash: full, basis: false };
  const short = `patch=${await encodeProfile(JSON.stringify(mergePatch(basis, profile) ?? {}))}&base=${encodeURIComponent(basis.id)}&sum=${sum}`;
  return short.length < full.length ? { hash: short, basis: true } : { hash: full, basis: false };
}

export async function embedSnippets(profile, lang, basis = null) {
  const base = new URL(".", location.href);
  const script = new URL("../pkg/widget/elements/sdo-openness.js", base).href;
  // Inside <script type="application/json"> every "<" is written as \u003c, so no text in the
  // profile can close the element or open a comment in the page that pastes the snippet; and
  // every bidirectional control as its escape, so none can reorder the code a reader copies (the
  // element reads the same profile either way).
  const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  const json = JSON.stringify(profile).replace(/[<\u202A-\u202E\u2066-\u2069]/g, escape);
  const frame = new URL("embed.html", base);
  frame.hash = `lang=${lang}&${(await carried(profile, basis, "profile")).hash}`;
  return {
    script: `<script type="module" src="${attribute(script)}"></script>\n<sdo-openness-scorecard lang="${attribute(lang)}">\n  <script type="application/json">${json}</script>\n</sdo-openness-scorecard>`,
    frame: `<iframe src="${attribute(frame.href)}" title="${attribute(clean(profile.process?.name))}" width="720" height="900" style="border:0"></iframe>`,
  };
}

/** The answer to one question in words: option label, number, status, or not assessed. */
export function answerLabel(answer, text, words, t) {
  const kind = kindOf(answer);
  if (kind.startsWith("option:")) return text.options?.[answer.option] ?? answer.option;
  if (kind === "value") return words.number(answer.value);
  if (kind === "status:no-public-information") return t("statusNone");
  if (kind === "status:not-applicable") return t("statusNa");
  return t("statusUnassessed");
}
