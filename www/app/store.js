// Assessments kept in this browser (localStorage), written on every change so that a reload, a
// crash or a closed tab loses nothing. Saved data that cannot be read is set aside under its own
// key, never overwritten, and reported.
const KEY = "sdo-openness/state/v1";

const empty = () => ({ assessments: {}, order: [], current: null, weights: null, lang: null });

function plausible(state) {
  return (
    state &&
    typeof state === "object" &&
    state.assessments &&
    typeof state.assessments === "object" &&
    Array.isArray(state.order) &&
    state.order.every((id) => state.assessments[id]?.profile && typeof state.assessments[id].profile === "object")
  );
}

/** Storage kept in memory, where the browser refuses localStorage (some private modes). */
class MemoryStorage {
  #items = new Map();
  getItem(key) {
    return this.#items.get(key) ?? null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
}

function localStorageOrMemory() {
  try {
    const storage = window.localStorage;
    storage.getItem(KEY);
    return { storage, persistent: true };
  } catch {
    return { storage: new MemoryStorage(), persistent: false };
  }
}

export class Store {
  #storage;
  state;
  /** Set when saved data could not be read (and was kept aside). */
  recovered = false;
  /** False when nothing can be kept across reloads, or the last save failed (storage full). */
  saved = true;

  constructor() {
    const { storage, persistent } = localStorageOrMemory();
    this.#storage = storage;
    this.saved = persistent;
    this.state = empty();
    this.reload();
  }

  /** Reads the saved state again, as another tab may have changed it. */
  reload() {
    const raw = this.#storage.getItem(KEY);
    if (raw === null) return;
    try {
      const parsed = JSON.parse(raw);
      if (!plausible(parsed)) throw new Error("unexpected shape");
      this.state = { ...empty(), ...parsed };
    } catch {
      try {
        this.#storage.setItem(`${KEY}/unreadable/${Date.now()}`, raw);
      } catch {
        // Nothing more can be done to keep it; the report below still tells the reader.
      }
      this.recovered = true;
    }
  }

  /** True when `event` (a `storage` event) is another tab saving this state. */
  static changedElsewhere(event) {
    return event.key === KEY;
  }

  save() {
    try {
      this.#storage.setItem(KEY, JSON.stringify(this.state));
      this.saved = this.#storage instanceof MemoryStorage ? false : true;
    } catch {
      this.saved = false; // Storage full: the page says so rather than claiming it saved.
    }
  }

  get current() {
    return this.state.assessments[this.state.current] ?? null;
  }

  /** Adds a profile as a new assessment and makes it current. */
  add(profile) {
    const id = `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    this.state.assessments[id] = { id, profile };
    this.state.order.push(id);
    this.state.current = id;
    this.save();
    return id;
  }

  remove(id) {
    delete this.state.assessments[id];
    this.state.order = this.state.order.filter((x) => x !== id);
    if (this.state.current === id) this.state.current = this.state.order.at(-1) ?? null;
    this.save();
  }

  select(id) {
    if (this.state.assessments[id]) this.state.current = id;
    this.save();
  }

  /** Applies `change` to the current profile and saves at once. */
  update(change) {
    const current = this.current;
    if (!current) return;
    change(current.profile);
    this.save();
  }

  setWeights(weights) {
    this.state.weights = weights;
    this.save();
  }

  setLang(lang) {
    this.state.lang = lang;
    this.save();
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
