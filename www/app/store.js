// Assessments kept in this browser (localStorage), written on every change so that a reload, a
// crash or a closed tab loses nothing. Saved data that cannot be read is set aside under its own
// key, never overwritten, and reported.
const KEY = "sdo-openness/state/v1";

const empty = () => ({ assessments: {}, order: [], current: null, weights: null, lang: null });

function plausible(state) {
  return (
    state &&
    typeof state === "object" &&
    typeof state.assessments === "object" &&
    Array.isArray(state.order) &&
    state.order.every((id) => state.assessments[id]?.profile && typeof state.assessments[id].profile === "object")
  );
}

export class Store {
  #storage;
  state;
  /** Set when saved data could not be read (and was kept aside). */
  recovered = false;

  constructor(storage = window.localStorage) {
    this.#storage = storage;
    const raw = storage.getItem(KEY);
    this.state = empty();
    if (raw === null) return;
    try {
      const parsed = JSON.parse(raw);
      if (!plausible(parsed)) throw new Error("unexpected shape");
      this.state = { ...empty(), ...parsed };
    } catch {
      storage.setItem(`${KEY}/unreadable/${Date.now()}`, raw);
      this.recovered = true;
    }
  }

  save() {
    this.#storage.setItem(KEY, JSON.stringify(this.state));
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

/** A profile with nothing answered yet. */
export function blankProfile(name) {
  return { schema: "sdo-openness/profile/v1", process: { name, assessedOn: new Date().toISOString().slice(0, 10) }, answers: {} };
}
