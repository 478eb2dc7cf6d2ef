// Profiles in URL fragments: deflate-raw compressed, base64url encoded. A fragment never reaches
// a server, so a shared link carries the assessment without sending it anywhere.

const enc = new TextEncoder();
const dec = new TextDecoder();

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function base64url(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function unbase64url(text) {
  const s = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** JSON text → compact fragment value. */
export async function encodeProfile(text) {
  return base64url(await pipe(enc.encode(text), new CompressionStream("deflate-raw")));
}

/** Fragment value → JSON text. Throws on anything that is not a compressed profile. */
export async function decodeProfile(value) {
  return dec.decode(await pipe(unbase64url(value), new DecompressionStream("deflate-raw")));
}

/** `#a=1&b=2` → Map. */
export function fragmentParams(hash) {
  return new URLSearchParams(hash.replace(/^#/, ""));
}
