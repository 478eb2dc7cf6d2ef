// Importing a profile that is already saved: the page asks whether to replace the saved one, keep
// both or cancel, and the choice can be undone until the view is drawn again.
import { h } from "../elements/dom.js";

const folded = (text) => String(text ?? "").trim().toLocaleLowerCase();

/**
 * The saved assessment (`{ id, profile }`) that `profile` is another copy of, or null.
 * With ids on both sides the ids decide. Without, the same process name and the same assessment
 * date do: a new version of an assessment has a new id or a later date, so it is not a copy.
 */
export function sameAs(profile, assessments) {
  const name = folded(profile.process?.name);
  for (const record of Object.values(assessments)) {
    const saved = record.profile;
    if (profile.id || saved.id) {
      if (profile.id === saved.id) return record;
      continue;
    }
    if (name && folded(saved.process?.name) === name && (saved.process?.assessedOn ?? "") === (profile.process?.assessedOn ?? "")) return record;
  }
  return null;
}

const identical = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Imports `profile` into `store`. When a saved assessment is the same one, `ask` draws the
 * question; `done(message, undo)` is called with the outcome, `undo` a function or null.
 * `t` translates, `nameOf` names a profile (isolated), `date` writes a date in the page's language.
 */
export function importProfile({ profile, store, t, nameOf, date, ask, done }) {
  const existing = sameAs(profile, store.state.assessments);
  const before = store.state.current;
  const keepBoth = () => {
    const added = store.add(profile);
    done(t("importOk", { name: nameOf(profile) }), () => {
      store.remove(added);
      store.select(before);
      return t("importUndone");
    });
  };
  if (!existing) return keepBoth();

  const replace = () => {
    const old = structuredClone(existing.profile);
    store.select(existing.id);
    store.update((saved) => overwrite(saved, profile));
    done(t("importReplaced", { name: nameOf(profile) }), () => {
      store.select(existing.id);
      store.update((saved) => overwrite(saved, old));
      store.select(before);
      return t("importUndone");
    });
  };
  const same = identical(existing.profile, profile);
  ask({
    question: t(same ? "importIdentical" : "importSame", { name: nameOf(existing.profile), date: existing.profile.process?.assessedOn ? date(existing.profile.process.assessedOn) : "—" }),
    choices: [
      { label: t("importReplace"), action: replace },
      { label: t("importKeepBoth"), action: keepBoth },
      { label: t("importCancel"), action: () => done(t("importCancelled"), null) },
    ],
  });
}

/** Makes `target` hold exactly what `source` holds, keeping the object (views hold it). */
function overwrite(target, source) {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, structuredClone(source));
}

/** The question as a group of buttons; the question receives the focus, so that it is read first. */
export function question({ question, choices }, choose) {
  const buttons = choices.map(({ label, action }) => {
    const button = h("button", { type: "button" }, label);
    button.addEventListener("click", () => choose(action));
    return button;
  });
  const text = h("p", { id: "import-question" }, question);
  const group = h("div", { class: "notice import-question", role: "group", tabindex: "-1", "aria-labelledby": "import-question" }, text, h("div", { class: "buttons" }, buttons));
  return { element: group, focus: () => group.focus() };
}
