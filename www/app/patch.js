// JSON merge patches (RFC 7396) between a preset and an assessment made from it, so that a share
// link or an embed link can name the preset and carry only what differs: a full preset is 12–21 KB
// as a link, beyond what chat tools, mail clients and CMS fields keep (share.js LINK_LIMIT).
// Such a link's fragment is `patch=<deflated patch>&base=<preset id>&sum=<fingerprint>`.
import { decodeProfile } from "../shared/fragment.js";

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** The patch that turns `base` into `target`, or undefined where they are equal. */
export function mergePatch(base, target) {
  if (!isObject(base) || !isObject(target)) return JSON.stringify(base) === JSON.stringify(target) ? undefined : target;
  const patch = {};
  for (const key of Object.keys(base)) if (!(key in target)) patch[key] = null;
  for (const [key, value] of Object.entries(target)) {
    const part = key in base ? mergePatch(base[key], value) : value;
    if (part !== undefined) patch[key] = part;
  }
  return Object.keys(patch).length ? patch : undefined;
}

/** `base` with `patch` applied (RFC 7396 §2); neither is changed. */
export function applyPatch(base, patch) {
  if (!isObject(patch)) return structuredClone(patch);
  const out = isObject(base) ? structuredClone(base) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyPatch(out[key], value);
  }
  return out;
}

/** True when a merge patch can stand for `value`: it holds no null (a patch's null means "remove"). */
export function patchable(value) {
  if (value === null) return false;
  if (Array.isArray(value)) return value.every(patchable);
  if (isObject(value)) return Object.values(value).every(patchable);
  return true;
}

/** A short fingerprint of a preset's content (SHA-256, 72 bits, base64url), or null without Web Crypto. */
export async function fingerprint(profile) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(profile)));
  return btoa(String.fromCharCode(...new Uint8Array(digest, 0, 9)))
    .replaceAll("+", "-")
    .replaceAll("/", "_");
}

/** The preset file's key (`ieee-sa`) of a preset id (`ieee-sa-2026-12`), or null. */
export const presetKey = (id) => /^([a-z0-9-]+)-\d{4}-\d{2}$/.exec(String(id ?? ""))?.[1] ?? null;

/**
 * The profile a patch link's fragment `params` stands for: `{ profile }` (JSON text, not yet
 * validated), or `{ stale: id }` when `load(id)` (the preset as this page has it, or null) is not
 * the version the link was made from, or `{ broken: true }` when the patch cannot be read. Never
 * throws: a mix of two versions of a preset is never opened.
 */
export async function readPatchLink(params, load) {
  const id = params.get("base") ?? "";
  const basis = await Promise.resolve(load(id)).catch(() => null);
  if (!basis || basis.id !== id || (await fingerprint(basis)) !== params.get("sum")) return { stale: id };
  try {
    const patch = JSON.parse(await decodeProfile(params.get("patch") ?? ""));
    return { profile: JSON.stringify(applyPatch(basis, patch)) };
  } catch {
    return { broken: true };
  }
}
