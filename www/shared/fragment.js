// Profiles in URL fragments: deflate-raw compressed, base64url encoded. A fragment never reaches
// a server, so a shared link carries the assessment without sending it anywhere.

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Largest profile a fragment may expand to: the engine's own limit for one input. */
export const MAX_BYTES = 1 << 20;

/** Runs `bytes` through `stream`, stopping past MAX_BYTES: a few kilobytes of a crafted link must
 * not inflate into gigabytes (a compression bomb). */
async function pipe(bytes, stream) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new RangeError("the shared profile is larger than 1 MiB");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
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

/** As much JSON text as a damaged or cut-short fragment value still inflates to ("" for none).
 * Never throws: this is for saying what a broken link still holds. */
export async function salvageProfile(value) {
  let bytes;
  try {
    let text = value.replace(/[^A-Za-z0-9_-]/g, "");
    if (text.length % 4 === 1) text = text.slice(0, -1);
    bytes = unbase64url(text);
  } catch {
    return "";
  }
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks = [];
  let size = 0;
  // Read while writing, so that what inflates before the break is taken before the stream errors.
  const reading = (async () => {
    try {
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        size += chunk.length;
        if (size > MAX_BYTES) {
          await reader.cancel();
          break;
        }
        chunks.push(chunk);
      }
    } catch {
      // The stream broke: what was read so far is what there is.
    }
  })();
  try {
    for (let at = 0; at < bytes.length; at += 256) {
      await writer.write(bytes.subarray(at, at + 256));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await writer.close();
  } catch {
    // Expected for a cut link.
  }
  await reading;
  const out = new Uint8Array(Math.min(size, MAX_BYTES));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk.subarray(0, out.length - at), at);
    at += chunk.length;
    if (at >= out.length) break;
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(out);
}
