// Assessments kept in this browser, one IndexedDB record each (db.js), so that a reload, a crash,
// a closed tab or another tab loses nothing. The store is the page's only writer: callers read
// `store.state` (frozen) and change it through the methods below. Every record is validated on
// its own; one that cannot be read is moved, as it is, to the quarantine store and stays there
// until the user exports or deletes it. Writes are per record, with a revision counter: another
// tab's change to the same record is merged field by field; where both changed one field, both
// values are kept (`record.conflicts`) and the page asks. When nothing can be written (storage
// full, IndexedDB refused) edits stay in memory and `status` says so. A write still in flight
// when the page goes away (a reload just after typing), which the browser may abort, is copied to
// localStorage at `pagehide` and written by the next page that opens. See docs/decisions/0003.
import { openDb } from "./db.js";

const KEY = "sdo-openness/state/v1";
const CHANNEL = "sdo-openness/store";
/** localStorage keys (one per tab) of writes in flight when a page went away: `[{ record, base, token }]`. */
const JOURNAL = "sdo-openness/journal/";
const SEP = "\u0000"; // Between a field's parts: `process␀name`, `answers␀O1.1`, `held␀O1.1`.

const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
const json = (value) => (value === undefined ? undefined : JSON.stringify(value));

/** The exact text to export of something unreadable: JSON where it can be written as JSON. */
function rawText(value) {
  try {
    return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

/** True when `record` can be shown and edited: the questionnaire copes with everything else. */
export function readable(record) {
  if (!isObject(record) || typeof record.id !== "string" || !isObject(record.profile)) return false;
  const { process, answers } = record.profile;
  return (process == null || isObject(process)) && (answers === undefined || isObject(answers)) && (record.held === undefined || isObject(record.held));
}

// ---------------------------------------------------------------------------------------------
// Field-by-field three-way merge.

/** A record's fields: each process field, each answer, each held answer, each conflict, and the profile's other keys. */
function fields(record) {
  const out = new Map();
  for (const [key, value] of Object.entries(record.profile ?? {})) {
    if ((key === "process" || key === "answers") && isObject(value)) for (const [k, v] of Object.entries(value)) out.set(`${key}${SEP}${k}`, v);
    else out.set(key, value);
  }
  for (const [k, v] of Object.entries(record.held ?? {})) out.set(`held${SEP}${k}`, v);
  for (const c of record.conflicts ?? []) out.set(`conflict${SEP}${c.path}`, c);
  return out;
}

function setField(record, path, value) {
  const at = path.indexOf(SEP);
  if (at < 0) {
    if (value === undefined) delete record.profile[path];
    else record.profile[path] = value;
    return;
  }
  const [head, key] = [path.slice(0, at), path.slice(at + 1)];
  if (head === "conflict") {
    record.conflicts = (record.conflicts ?? []).filter((c) => c.path !== key);
    if (value !== undefined) record.conflicts.push(value);
    return;
  }
  const parent = head === "held" ? (record.held ??= {}) : isObject(record.profile[head]) ? record.profile[head] : (record.profile[head] = {});
  if (value === undefined) delete parent[key];
  else parent[key] = value;
}

export const fieldValue = (record, path) => fields(record).get(path);

/**
 * Merges `theirs` (stored by another tab) into `mine`, both descended from `base`: a field only
 * one side changed takes that side's value; a field both changed differently, or one the user is
 * `editing` that they changed, keeps mine and records theirs as a conflict. Returns the merged
 * record and the fields whose value differs from mine.
 * @param {(path: string) => boolean} [editing]
 */
export function merge(base, mine, theirs, editing = () => false) {
  const [b, m, t] = [base, mine, theirs].map(fields);
  const out = { ...structuredClone(theirs), profile: structuredClone(theirs.profile), held: structuredClone(theirs.held ?? {}), conflicts: structuredClone(theirs.conflicts ?? []) };
  const changed = [];
  const found = [];
  for (const path of new Set([...b.keys(), ...m.keys(), ...t.keys()])) {
    const [bv, mv, tv] = [b, m, t].map((f) => json(f.get(path)));
    let pick = mv;
    if (mv === tv) pick = mv;
    else if (mv === bv && !(editing(path) && !path.startsWith("conflict"))) pick = tv;
    else if (tv !== bv && !path.startsWith("conflict")) found.push({ path, other: t.get(path) });
    setField(out, path, pick === undefined ? undefined : JSON.parse(pick));
    if (pick !== mv) changed.push(path);
  }
  for (const c of found) setField(out, `conflict${SEP}${c.path}`, c);
  // A conflict whose other value is now the value itself is settled.
  const now = fields(out);
  out.conflicts = out.conflicts.filter((c) => json(now.get(c.path)) !== json(c.other));
  if (!out.conflicts.length) delete out.conflicts;
  if (!Object.keys(out.held).length) delete out.held;
  return { merged: out, changed };
}

// ---------------------------------------------------------------------------------------------
// The v1 localStorage state: split into records, with everything unreadable kept as it was.

/** `{ records, quarantine, settings }` from the v1 state `text` found under `key`. */
export function splitV1(text, key) {
  let state;
  try {
    state = JSON.parse(text);
  } catch {
    state = null;
  }
  if (!isObject(state) || !isObject(state.assessments)) return { records: [], quarantine: [{ from: key, raw: text }], settings: null };
  const ids = [...new Set([...(Array.isArray(state.order) ? state.order : []), ...Object.keys(state.assessments)])].filter((id) => Object.hasOwn(state.assessments, id));
  const records = [];
  const quarantine = [];
  for (const id of ids) {
    const entry = state.assessments[id];
    const record = isObject(entry) ? { ...entry, id } : null;
    if (record && readable(record)) records.push(record);
    else quarantine.push({ from: `${key}#${id}`, raw: rawText(entry) });
  }
  const settings = { weights: isObject(state.weights) ? state.weights : null, lang: typeof state.lang === "string" ? state.lang : null, compare: Array.isArray(state.compare) ? state.compare : null, current: typeof state.current === "string" ? state.current : null };
  return { records, quarantine, settings };
}

function localKeys() {
  try {
    return Object.keys(localStorage).filter((k) => k === KEY || k.startsWith(`${KEY}/unreadable/`)).sort((a, b) => (a === KEY ? -1 : b === KEY ? 1 : a < b ? -1 : 1));
  } catch {
    return [];
  }
}

/** Everything the old page kept, split: the main state first, then its backups (ids made unique, duplicates left out). */
function readV1() {
  const out = { records: [], quarantine: [], settings: null, keys: localKeys() };
  const seen = new Map();
  for (const key of out.keys) {
    const part = splitV1(localStorage.getItem(key), key);
    if (key === KEY) out.settings = part.settings;
    for (const record of part.records) {
      const same = seen.get(record.id);
      if (same && json(same.profile) === json(record.profile)) continue;
      if (same) record.id = `${record.id}-${key.split("/").pop()}`;
      seen.set(record.id, record);
      out.records.push(record);
    }
    out.quarantine.push(...part.quarantine);
  }
  out.records.forEach((r, n) => (r.created = n));
  return out;
}

// ---------------------------------------------------------------------------------------------

const newId = () => `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const newToken = () => (crypto.randomUUID?.() ?? `${Date.now()}-${Math.random()}`);

export class Store {
  #db = null;
  #records = new Map(); // id → the record in memory (its object is kept: views hold it)
  #known = new Map(); // id → the last stored version this tab knows of (a copy)
  #tokens = new Set(); // The write tokens of this tab: a stored record with one is our own write.
  #settings = { weights: null, lang: null, compare: null, current: null };
  #unsaved = new Set(); // Records (and "settings") whose latest change is not stored.
  #pending = 0;
  #inflight = new Map(); // id → the token of its latest record write not yet committed
  #journalKey = null; // This tab's journal key, once it wrote one
  #channel = null;
  /** Unreadable data kept as it was: `{ qid, from, raw, at }`. */
  quarantined = [];
  /** "saved", "saving", "failed" (storage full) or "unavailable" (nothing can be kept). */
  status = "saved";
  /**
   * Called with `{ kind: "status" | "remote" | "quarantine", id?, paths? }`.
   * @type {(event: { kind: string, id?: string, paths?: string[] }) => void}
   */
  onchange = () => {};
  /**
   * `(id, path)` → true while the user is editing that field here: another tab's value then waits as a conflict.
   * @type {(id: string, path: string) => boolean}
   */
  editing = () => false;

  /** Opens the store: migrates the v1 localStorage state once, loads every readable record. Never rejects. */
  static async open() {
    const store = new Store();
    try {
      store.#db = await openDb();
      await (navigator.locks ? navigator.locks.request("sdo-openness/migrate", () => store.#migrate()) : store.#migrate());
      // Moving an unreadable record needs a write; where that fails (storage full), it is listed only.
      await store.#load(true).catch(() => store.#load(false));
      store.#replay();
      addEventListener("pagehide", () => store.#journal());
    } catch {
      store.#db = null;
      store.status = "unavailable";
      store.#loadMemory();
    }
    if (typeof BroadcastChannel === "function" && store.#db) {
      store.#channel = new BroadcastChannel(CHANNEL);
      store.#channel.onmessage = (e) => store.#heard(e.data);
    }
    return store;
  }

  async #migrate() {
    const v1 = readV1();
    if (!v1.keys.length) return;
    const done = await this.#db.run(["assessments", "quarantine", "settings"], "readwrite", async (tx) => {
      if (await tx.get("settings", "migrated")) return false; // Another tab did it (and a newer page may have written since).
      for (const record of v1.records) await tx.put("assessments", { ...record, rev: 1, token: "v1" });
      for (const q of v1.quarantine) await tx.add("quarantine", { ...q, at: new Date().toISOString() });
      if (v1.settings) await tx.put("settings", { key: "settings", ...v1.settings });
      await tx.put("settings", { key: "migrated", at: new Date().toISOString(), keys: v1.keys });
      return true;
    });
    // Committed: only now are the originals removed. Had it failed, they would still be there.
    if (done) for (const key of v1.keys) localStorage.removeItem(key);
  }

  async #load(move) {
    this.#records.clear();
    const listed = [];
    await this.#db.run(["assessments", "quarantine", "settings"], move ? "readwrite" : "readonly", async (tx) => {
      for (const record of await tx.getAll("assessments")) {
        if (readable(record)) {
          this.#adopt(record);
          continue;
        }
        if (!move) {
          listed.push({ qid: -1 - listed.length, key: record.id, from: `record:${rawText(record?.id)}`, raw: rawText(record) });
          continue;
        }
        // Moved as it is, in the same transaction: never dropped, never overwritten.
        await tx.add("quarantine", { from: `record:${rawText(record?.id)}`, raw: rawText(record), value: record, at: new Date().toISOString() });
        await tx.delete("assessments", record.id);
      }
      this.quarantined = [...(await tx.getAll("quarantine")).map(({ qid, from, raw, at }) => ({ qid, from, raw, at })), ...listed];
      const settings = await tx.get("settings", "settings");
      if (settings) for (const k of Object.keys(this.#settings)) this.#settings[k] = settings[k] ?? null;
    });
    if (!this.#records.has(this.#settings.current)) this.#settings.current = this.#order().at(-1) ?? null;
  }

  /** IndexedDB refused: the v1 state, if any, is read (and left as it is) to work on in memory. */
  #loadMemory() {
    try {
      const v1 = readV1();
      for (const record of v1.records) this.#adopt(record);
      this.quarantined = v1.quarantine.map((q, n) => ({ qid: -1 - n, ...q, at: new Date().toISOString() }));
      Object.assign(this.#settings, v1.settings ?? {});
    } catch {
      // Not even localStorage: a fresh start, in memory, and the page says nothing is kept.
    }
    if (!this.#records.has(this.#settings.current)) this.#settings.current = this.#order().at(-1) ?? null;
  }

  #adopt(stored) {
    const record = { id: stored.id, profile: stored.profile, created: stored.created ?? 0 };
    if (stored.held) record.held = stored.held;
    if (stored.conflicts?.length) record.conflicts = stored.conflicts;
    // The questionnaire reads these; a record saved without them is still shown.
    record.profile.answers ??= {};
    this.#records.set(record.id, record);
    this.#known.set(record.id, structuredClone(stored));
    return record;
  }

  #order() {
    return [...this.#records.values()].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1)).map((r) => r.id);
  }

  /** What the page shows, read only: `{ assessments, order, current, weights, lang, compare }`. */
  get state() {
    return Object.freeze({ assessments: Object.fromEntries(this.#records), order: this.#order(), ...this.#settings });
  }

  get current() {
    return this.#records.get(this.#settings.current) ?? null;
  }

  /** True when everything shown is stored. */
  get saved() {
    return this.status === "saved";
  }

  /** True when something shown would be lost with the page. */
  get unsaved() {
    return this.#unsaved.size > 0;
  }

  #setStatus() {
    const next = !this.#db ? "unavailable" : this.#unsaved.size ? "failed" : this.#pending ? "saving" : "saved";
    if (next === this.status) return;
    this.status = next;
    this.#notify({ kind: "status" });
  }

  #announce(message) {
    this.#channel?.postMessage(message);
  }

  /** Writes `record` (its id): merged with another tab's version where that changed meanwhile. */
  #write(id, retrying = false) {
    if (!this.#db) {
      this.#unsaved.add(id);
      return this.#setStatus();
    }
    const token = newToken();
    this.#tokens.add(token);
    this.#inflight.set(id, token);
    this.#pending++;
    this.#setStatus();
    let written = null;
    this.#db
      .run(["assessments"], "readwrite", async (tx) => {
        const stored = await tx.get("assessments", id);
        const record = this.#records.get(id);
        if (!record) return;
        if (stored && !this.#tokens.has(stored.token) && stored.rev !== this.#known.get(id)?.rev) this.#take(record, stored);
        written = { ...structuredClone(record), rev: (stored?.rev ?? 0) + 1, token };
        await tx.put("assessments", written);
      })
      .then(
        () => {
          if (written && written.rev > (this.#known.get(id)?.rev ?? 0)) this.#known.set(id, written);
          const failed = this.#unsaved.size > 0;
          this.#unsaved.delete(id);
          if (written) this.#announce({ kind: "record", id });
          if (failed && !retrying) this.retry(); // Space again: what could not be written before is written now.
        },
        () => this.#unsaved.add(id),
      )
      .finally(() => {
        if (this.#inflight.get(id) === token) this.#inflight.delete(id);
        if (!this.#inflight.size && this.#journalKey) this.#forgetJournal();
        this.#pending--;
        this.#setStatus();
      });
  }

  /**
   * The page is going away (or into the back-forward cache) with record writes in flight, which
   * the browser may abort: their records, as this tab holds them, and the stored version each
   * was based on go to localStorage, synchronously, under this tab's journal key. The next page
   * to open writes them (#replay); a page that comes back from the cache drops the key once its
   * writes have committed.
   */
  #journal() {
    const entries = [...this.#inflight].filter(([id]) => this.#records.has(id)).map(([id, token]) => ({ record: this.#records.get(id), base: this.#known.get(id) ?? null, token }));
    if (!entries.length) return;
    this.#journalKey ??= JOURNAL + newToken();
    try {
      localStorage.setItem(this.#journalKey, JSON.stringify(entries));
    } catch {
      // Full or refused: the write may still complete; nothing more can be done as the page goes.
    }
  }

  #forgetJournal() {
    try {
      localStorage.removeItem(this.#journalKey);
    } catch {
      // Refused: the entries' tokens tell the next page they were written.
    }
    this.#journalKey = null;
  }

  /**
   * Writes what a page that went away had in flight (#journal), where the store does not hold
   * that very write: merged, as another tab's change would be, with what was stored meanwhile.
   */
  #replay() {
    let keys;
    try {
      keys = Object.keys(localStorage).filter((k) => k.startsWith(JOURNAL));
    } catch {
      return;
    }
    for (const key of keys) {
      let entries;
      try {
        entries = JSON.parse(localStorage.getItem(key));
      } catch {
        entries = null;
      }
      for (const { record, base, token } of Array.isArray(entries) ? entries : []) {
        if (!readable(record)) continue;
        const stored = this.#known.get(record.id);
        if (stored && stored.token === token) continue; // It was written after all.
        this.#adopt(record);
        if (base ?? stored) this.#known.set(record.id, base ?? stored);
        else this.#known.delete(record.id);
        this.#write(record.id);
      }
      try {
        localStorage.removeItem(key);
      } catch {
        // Refused (it is not, where setItem worked): replayed again next time, merged again.
      }
    }
    if (!this.#records.has(this.#settings.current)) this.#settings.current = this.#order().at(-1) ?? null;
  }

  /** Merges `stored` (another tab's) into `record` in place, and tells the page which fields moved. */
  #take(record, stored) {
    if (!readable(stored)) return;
    const base = this.#known.get(record.id) ?? stored;
    const { merged, changed } = merge(base, record, stored, (path) => record.id === this.#settings.current && this.editing(record.id, path));
    record.profile = merged.profile;
    merged.profile.answers ??= {};
    record.held = merged.held ?? {}; // The questionnaire keeps set-aside answers there.
    if (merged.conflicts) record.conflicts = merged.conflicts;
    else delete record.conflicts;
    this.#known.set(record.id, structuredClone(stored));
    if (changed.length) this.#notify({ kind: "remote", id: record.id, paths: changed });
    // Written back only where mine holds something the stored record does not already have: a
    // field of mine that differs is not written when the stored record keeps it as the other side
    // of a conflict. Otherwise two tabs that both keep their own value would write their side
    // back to each other for as long as the conflict stands.
    const [mine, theirs] = [fields(record), fields(stored)];
    const keptThere = new Map((stored.conflicts ?? []).map((c) => [c.path, json(c.other)]));
    return [...new Set([...mine.keys(), ...theirs.keys()])].some(
      (path) => !path.startsWith(`conflict${SEP}`) && json(mine.get(path)) !== json(theirs.get(path)) && keptThere.get(path) !== json(mine.get(path)),
    );
  }

  /** Tells the page; a failure there must not abort the transaction this may run in. */
  #notify(event) {
    try {
      this.onchange(event);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  }

  /** Another tab wrote: read what it wrote and take it in. */
  async #heard(message) {
    if (message?.kind === "quarantine") {
      this.quarantined = (await this.#db.run(["quarantine"], "readonly", (tx) => tx.getAll("quarantine"))).map(({ qid, from, raw, at }) => ({ qid, from, raw, at }));
      return this.#notify({ kind: "quarantine" });
    }
    if (message?.kind !== "record") return;
    const { id } = message;
    const stored = await this.#db.run(["assessments"], "readonly", (tx) => tx.get("assessments", id)).catch(() => undefined);
    const record = this.#records.get(id);
    if (!stored) {
      if (!record) return;
      this.#records.delete(id);
      this.#known.delete(id);
      if (this.#settings.current === id) this.#settings.current = this.#order().at(-1) ?? null;
      return this.#notify({ kind: "remote", id, paths: ["removed"] });
    }
    if (this.#tokens.has(stored.token) || stored.rev <= (this.#known.get(id)?.rev ?? 0)) return;
    if (!record) {
      if (!readable(stored)) return;
      this.#adopt(stored);
      return this.#notify({ kind: "remote", id, paths: ["added"] });
    }
    // Mine still differs from what is stored (edits of mine not yet written, or a new conflict): write the merge.
    if (this.#take(record, stored)) this.#write(id);
  }

  #writeSettings(changes) {
    Object.assign(this.#settings, changes);
    if (!this.#db) return;
    this.#pending++;
    this.#setStatus();
    this.#db
      .run(["settings"], "readwrite", async (tx) => {
        const stored = (await tx.get("settings", "settings")) ?? { key: "settings" };
        await tx.put("settings", { ...stored, ...changes });
      })
      .then(
        () => this.#unsaved.delete("settings"),
        () => this.#unsaved.add("settings"),
      )
      .finally(() => {
        this.#pending--;
        this.#setStatus();
      });
  }

  /** Writes again everything whose last write failed (storage full); the status follows. */
  retry() {
    for (const id of [...this.#unsaved]) {
      if (id === "settings") this.#writeSettings({ ...this.#settings });
      else if (this.#records.has(id)) this.#write(id, true);
      else this.#unsaved.delete(id);
    }
    this.#setStatus();
  }

  /** Adds a profile as a new assessment and makes it current. */
  add(profile) {
    const id = newId();
    this.#records.set(id, { id, profile, created: Date.now() });
    profile.answers ??= {};
    this.#write(id);
    this.#writeSettings({ current: id });
    return id;
  }

  remove(id) {
    if (!this.#records.delete(id)) return;
    this.#known.delete(id);
    this.#unsaved.delete(id);
    const current = this.#settings.current === id ? (this.#order().at(-1) ?? null) : this.#settings.current;
    this.#writeSettings({ current });
    if (!this.#db) return;
    this.#db.run(["assessments"], "readwrite", (tx) => tx.delete("assessments", id)).then(() => this.#announce({ kind: "record", id }), () => {});
  }

  select(id) {
    if (this.#records.has(id)) this.#writeSettings({ current: id });
  }

  /** Applies `change` to the current profile and saves it. */
  update(change) {
    const current = this.current;
    if (!current) return;
    change(current.profile);
    this.#write(current.id);
  }

  setWeights(weights) {
    this.#writeSettings({ weights });
  }

  setLang(lang) {
    this.#writeSettings({ lang });
  }

  setCompare(compare) {
    this.#writeSettings({ compare });
  }

  /** Settles the conflict on `path` of the current record: keep the value shown, or take the other. */
  resolve(path, take) {
    const record = this.current;
    const conflict = record?.conflicts?.find((c) => c.path === path);
    if (!conflict) return;
    if (take === "other") setField(record, path, structuredClone(conflict.other));
    record.conflicts = record.conflicts.filter((c) => c !== conflict);
    if (!record.conflicts.length) delete record.conflicts;
    this.#write(record.id);
  }

  /**
   * Deletes a quarantined item, for good: only ever on the user's word. Resolves true once
   * storage has deleted it; false, with the item still listed, where storage refused or the item
   * is not held by this page's storage (with no IndexedDB it is part of the old state, kept as it
   * was; a record left in place because storage was full is deleted from where it is).
   */
  async forget(qid) {
    const item = this.quarantined.find((q) => q.qid === qid);
    if (!item) return true;
    try {
      if (!this.#db) return false;
      if (qid >= 0) await this.#db.run(["quarantine"], "readwrite", (tx) => tx.delete("quarantine", qid));
      else if ("key" in item) await this.#db.run(["assessments"], "readwrite", (tx) => tx.delete("assessments", item.key));
      else return false;
    } catch {
      return false;
    }
    this.#announce({ kind: "quarantine" });
    this.quarantined = this.quarantined.filter((q) => q !== item);
    this.#notify({ kind: "quarantine" });
    return true;
  }

  /** Everything this tab holds, saved or not, as one JSON text. */
  exportAll() {
    const assessments = this.#order().map((id) => {
      const { created, ...record } = this.#records.get(id);
      return record;
    });
    const { current, ...settings } = this.#settings;
    return `${JSON.stringify({ schema: "sdo-openness/export/v1", exportedAt: new Date().toISOString(), assessments, settings, quarantined: this.quarantined.map(({ from, raw }) => ({ from, raw })) }, null, 2)}\n`;
  }
}

/** A profile with nothing answered yet, in the current format (v2). */
export function blankProfile(name) {
  return { schema: "sdo-openness/profile/v2", process: { name, assessedOn: new Date().toISOString().slice(0, 10) }, answers: {} };
}

export const V1 = "sdo-openness/profile/v1";
export const V2 = "sdo-openness/profile/v2";

/**
 * A v2 copy of a v1 `profile`, through the rubric's `crosswalk` (as the engine reads v1): an
 * answer to a retired question moves to its successor where the option means the same (statuses
 * as they are); others are left out and listed in `dropped` (the v1 original keeps them).
 */
export function upgrade(profile, crosswalk) {
  const copy = structuredClone(profile);
  copy.schema = V2;
  const dropped = [];
  const answers = {};
  for (const [id, answer] of Object.entries(profile.answers ?? {})) {
    const retired = crosswalk.find((r) => r.v1 === id);
    if (!retired) {
      answers[id] = structuredClone(answer);
      continue;
    }
    if (answer.option === undefined) {
      answers[retired.v2] = structuredClone(answer);
      continue;
    }
    const mapped = retired.map.find(([from]) => from === answer.option)?.[1];
    if (mapped === undefined) dropped.push(id);
    else answers[retired.v2] = { ...structuredClone(answer), option: mapped };
  }
  copy.answers = answers;
  return { profile: copy, dropped };
}
