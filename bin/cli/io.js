// Input and output for the command line, with no dependency on the engine: bounded reads, globs,
// and writes that report their failure instead of throwing a stack trace.
import { isatty } from "node:tty";
import { openSync, closeSync, fstatSync, readSync, writeSync, readdirSync, statSync, existsSync } from "node:fs";

/** The engine's limit on one input (docs/methodology.md, "Errors and limits"). */
export const MAX_BYTES = 1024 * 1024;
const BOM = [0xef, 0xbb, 0xbf];
const CHUNK = 64 * 1024;

/** Thrown to end the process with `status` once what it carries has been printed. */
export class Exit extends Error {
  /**
   * @param {number} status the process's exit code
   * @param {string} [usage] for a usage error, what was wrong, printed before the pointer to --help
   */
  constructor(status, usage) {
    super(`exit ${status}`);
    this.status = status;
    this.usage = usage;
  }
}

/** A coded error in the engine's shape (`code`, `path`, `message`, `suggestion`) plus extras. */
export function coded(code, message, extra = {}) {
  return { code, path: "", message, suggestion: null, ...extra };
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const pause = () => Atomics.wait(sleeper, 0, 0, 5);

/**
 * Reads `file` ("-" is standard input) as UTF-8 text of at most MAX_BYTES after an optional BOM.
 * Returns `{ text }` or `{ error }` (`unreadable`, `too-large`, `invalid-encoding`); never throws.
 * A regular file larger than the limit is refused from its size alone; anything else (a pipe, a
 * device such as /dev/zero) is read in chunks and abandoned as soon as it passes the limit.
 * @param {string} file
 * @returns {{ text: string, error?: undefined } | { text?: undefined, error: ReturnType<typeof coded> }}
 */
export function readInput(file) {
  const stdin = file === "-";
  const name = stdin ? "standard input" : file;
  let fd;
  try {
    fd = stdin ? 0 : openSync(file, "r");
  } catch (e) {
    return { error: unreadable(name, e) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { error: unreadable(name, { code: "EISDIR", message: "is a directory" }) };
    const cap = MAX_BYTES + BOM.length;
    if (stat.isFile() && stat.size > cap) return { error: tooLarge(name) };
    const chunks = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      let n;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (e) {
        if (e.code === "EAGAIN") {
          pause();
          continue;
        }
        if (e.code === "EOF") break;
        return { error: unreadable(name, e) };
      }
      if (n === 0) break;
      chunks.push(n === CHUNK ? buffer : buffer.subarray(0, n));
      total += n;
      if (total > cap) return { error: tooLarge(name) };
    }
    let bytes = Buffer.concat(chunks, total);
    if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) bytes = bytes.subarray(3);
    if (bytes.length > MAX_BYTES) return { error: tooLarge(name) };
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { error: coded("invalid-encoding", `${name} is UTF-16; save it as UTF-8`) };
    }
    try {
      return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
    } catch {
      return { error: coded("invalid-encoding", `${name} is not UTF-8 text`) };
    }
  } catch (e) {
    return { error: unreadable(name, e) };
  } finally {
    if (!stdin) {
      try {
        closeSync(fd);
      } catch {
        // nothing was written; a failed close loses nothing
      }
    }
  }
}

function unreadable(name, e) {
  const reason = String(e.message ?? e).replace(/^[A-Z]+: /, "").replace(/, [a-z]+( '.*')?$/, "");
  return coded("unreadable", `cannot read ${name}: ${reason}`, { errno: e.code ?? "EIO" });
}

function tooLarge(name) {
  return coded("too-large", `${name} is larger than ${MAX_BYTES} bytes, the engine's limit for one input`);
}

// ---------------------------------------------------------------------------------------------
// Globs, for shells that do not expand them (Windows' cmd, a quoted pattern in a CI file).

const GLOB = /[*?[]/;

/**
 * Expands each argument that holds `*`, `?` or `[…]` and does not name an existing file, as a
 * POSIX shell would: `*` and `?` never match `/` or a leading dot, `**` matches any number of
 * directories, matches are sorted by code point. Returns `[{ file }]` or `[{ file, error }]`
 * for a pattern that matches nothing.
 */
export function expandArgs(args) {
  const out = [];
  for (const arg of args) {
    if (arg === "-" || !GLOB.test(arg) || existsSync(arg)) {
      out.push({ file: arg });
      continue;
    }
    const matches = glob(arg);
    if (matches.length === 0) {
      out.push({ file: arg, error: coded("no-match", `no file matches ${arg}`) });
    } else {
      for (const file of matches) out.push({ file });
    }
  }
  return out;
}

function glob(pattern) {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s) => s !== "");
  let prefixes = [absolute ? "/" : ""];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const next = [];
    for (const prefix of prefixes) {
      if (segment === "**") {
        next.push(...(last ? [] : [prefix]), ...descendants(prefix, last));
      } else if (!GLOB.test(segment)) {
        next.push(join(prefix, segment));
      } else {
        const re = segmentRegExp(segment);
        for (const entry of list(prefix)) {
          if (entry.name.startsWith(".") && !segment.startsWith(".")) continue;
          if (!re.test(entry.name)) continue;
          if (!last && !entry.isDirectory() && !isDirectory(join(prefix, entry.name))) continue;
          next.push(join(prefix, entry.name));
        }
      }
    }
    prefixes = [...new Set(next)];
  });
  return prefixes.filter((p) => isFile(p)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const join = (prefix, name) => (prefix === "" ? name : prefix.endsWith("/") ? prefix + name : `${prefix}/${name}`);

function list(dir) {
  try {
    return readdirSync(dir === "" ? "." : dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function descendants(prefix, includeFiles) {
  const out = [];
  for (const entry of list(prefix)) {
    if (entry.name.startsWith(".")) continue;
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) out.push(path, ...descendants(path, includeFiles));
    else if (includeFiles) out.push(path);
  }
  return out;
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path) {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function segmentRegExp(segment) {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, end);
      const negate = body[0] === "!" || body[0] === "^";
      if (negate) body = body.slice(1);
      re += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = end;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "u");
}

// ---------------------------------------------------------------------------------------------
// Output.

/**
 * Writes to a file descriptor with no buffering and no 'error' events: a failure (EPIPE when the
 * reader went away, ENOSPC on a full disk or /dev/full) is remembered, later writes are dropped,
 * and the caller ends with exit code 5.
 */
export class Sink {
  constructor(fd, name) {
    this.fd = fd;
    this.name = name;
    this.error = null;
  }

  /** Opens `file` for writing, or standard output for "-" or none. */
  static open(file) {
    if (file === undefined || file === "-") return new Sink(1, "standard output");
    try {
      return new Sink(openSync(file, "w"), file);
    } catch (e) {
      const sink = new Sink(-1, file);
      sink.fail(e);
      return sink;
    }
  }

  write(text) {
    if (this.error) return;
    const buffer = Buffer.from(text, "utf8");
    let offset = 0;
    while (offset < buffer.length) {
      try {
        offset += writeSync(this.fd, buffer, offset, buffer.length - offset);
      } catch (e) {
        if (e.code === "EAGAIN") {
          pause();
          continue;
        }
        this.fail(e);
        return;
      }
    }
  }

  fail(e) {
    this.error = coded("write-failed", `cannot write ${this.name}: ${String(e.message ?? e).replace(/^[A-Z]+: /, "").replace(/, [a-z]+( '.*')?$/, "")}`, {
      file: this.name === "standard output" ? "-" : this.name,
      errno: e.code ?? "EIO",
    });
  }

  close() {
    if (this.fd > 2) {
      try {
        closeSync(this.fd);
      } catch (e) {
        if (!this.error) this.fail(e);
      }
    }
  }
}

/** Standard error: JSON lines for errors and notes, and a progress line on a terminal. */
export class Log {
  constructor() {
    this.tty = isatty(2); // not process.stderr: that stream would take over the descriptor
    this.progressShown = false;
  }

  #raw(text) {
    try {
      const buffer = Buffer.from(text, "utf8");
      let offset = 0;
      while (offset < buffer.length) {
        try {
          offset += writeSync(2, buffer, offset, buffer.length - offset);
        } catch (e) {
          if (e.code !== "EAGAIN") return;
          pause();
        }
      }
    } catch {
      // standard error is gone: nothing else can be told
    }
  }

  #clearProgress() {
    if (this.progressShown) {
      this.#raw("\r\x1b[K");
      this.progressShown = false;
    }
  }

  /** `{"error": {...}}` on one line. */
  error(error) {
    this.line({ error });
  }

  line(value) {
    this.#clearProgress();
    this.#raw(`${JSON.stringify(value)}\n`);
  }

  text(text) {
    this.#clearProgress();
    this.#raw(`${text}\n`);
  }

  /** A progress line for long batches, on a terminal only, at most ten times a second. */
  progress(done, total, file) {
    if (!this.tty) return;
    const now = Date.now();
    if (done < total && this.last && now - this.last < 100) return;
    this.last = now;
    const width = 50;
    const name = file.length > width ? `…${file.slice(-width + 1)}` : file;
    this.#raw(`\r\x1b[Ksdo-openness: ${done}/${total} ${name}`);
    this.progressShown = true;
  }

  endProgress() {
    this.#clearProgress();
  }
}
