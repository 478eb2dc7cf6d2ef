// The Assess view: the questionnaire (assess.js) beside the live scorecard and the page's own
// status lines (coverage, each pillar, each indicator), the engine's errors beside the fields
// they name and its warnings beside what they concern. While a field is invalid the scores keep
// the last valid state. A v1 profile is shown frozen, with a button that makes a v2 copy.
import { h, clean } from "../elements/dom.js";
import { questionnaire, markInvalid, fieldOf } from "./assess.js";
import { upgrade, V1 } from "./store.js";
import { pillarSummary, indicatorText, cell } from "./honest.js";
import { pillarName, bandName, liveScorecard } from "./common.js";

/** Each warning code the engine gives, and the page's words for it (i18n.js). */
const WARNINGS = {
  "profile-v1": "warnProfileV1",
  "v1-answer-dropped": "warnV1AnswerDropped",
  "answer-without-evidence": "warnAnswerWithoutEvidence",
  "not-found-without-search": "warnNotFoundWithoutSearch",
  "evidence-mirror-only": "warnEvidenceMirrorOnly",
  "evidence-old": "warnEvidenceOld",
  "not-applicable-without-note": "warnNotApplicableWithoutNote",
  "assessment-undated": "warnAssessmentUndated",
  "assessment-outdated": "warnAssessmentOutdated",
  "unknown-process-field": "warnUnknownProcessField",
};

/** "31 of 42 answered", from the engine's report: assessed of applicable questions. */
function coverage(report, words, t) {
  const sum = (key) => report.pillars.reduce((n, p) => n + p[key], 0);
  return t("coverage", { assessed: words.number(sum("assessed")), total: words.number(sum("applicable")) });
}

/**
 * The view for the store's current assessment. From the page's context (main.js): `store`,
 * `rubric`, `words`, `t`, `announce`, the engine's `score` and `validate`, `describe(error)`,
 * `nameOf(profile)`, `shown()` (the profile the scores are drawn from), `redraw()`, and three
 * callbacks: `conflicts()` (after an edit: the store's conflict notices again), `renamed()` (the
 * header's list of assessments) and `onQuestion(id)` (the question in focus, for the address).
 *
 * Returns `{ nodes, update(paths), saved(), editing(path), reveal(id) }`: `update` redraws what
 * another tab changed (store.js field paths), `saved` says the store's save state again,
 * `editing` tells whether the field in focus is `path`, `reveal` scrolls to a question and puts
 * focus in it.
 */
export function assessView(context) {
  const { store, rubric, words, t, announce, score, validate, describe, nameOf, shown, redraw, conflicts, renamed, onQuestion } = context;
  /** Honest about the asynchronous save: "saving…" until the write has committed, "not saved" when it failed. */
  const savedText = () => t({ saved: "saved", saving: "saving" }[store.status] ?? "notSaved");
  const savedLine = h("p", { class: "note", id: "saved-state" }, savedText());
  const stale = h("p", { class: "notice stale", id: "stale", role: "status" });
  const card = liveScorecard({ words, weights: store.state.weights, profile: structuredClone(shown()) });
  const aside = h(
    "aside",
    { class: "live", "aria-label": t("navAssess") },
    h("p", { id: "coverage", class: "coverage", role: "status" }),
    h("section", { "aria-labelledby": "h-status", class: "status-box" }, h("h2", { id: "h-status", class: "h-small", tabindex: "-1" }, t("statusHeading")), h("div", { id: "pillar-status" })),
    h("button", { type: "button", id: "next" }, t("nextUnanswered")),
    savedLine,
    stale,
    store.state.weights ? h("p", { class: "notice" }, t("customWeights")) : null,
    card,
  );
  // `view` holds everything this view draws; its lookups stay inside it.
  const view = h("div", { class: "assess" });
  const $ = (selector) => view.querySelector(selector);

  aside.querySelector("#next").addEventListener("click", () => {
    const all = [.../** @type {NodeListOf<HTMLElement>} */ (view.querySelectorAll(".question"))];
    const from = all.findIndex((q) => q.contains(document.activeElement));
    const next = [...all.slice(from + 1), ...all.slice(0, from + 1)].find((q) => q.dataset.state !== "answered");
    if (!next) return announce(t("allAnswered"));
    next.scrollIntoView({ block: "center" });
    next.querySelector("input")?.focus();
  });

  /** Shows the engine's errors and warnings where they belong; returns its validation. */
  function showProblems() {
    for (const box of view.querySelectorAll(".problems, .warnings")) box.replaceChildren();
    const result = validate(store.current.profile);
    // An error is shown beside the field it names; the others in their question's or section's box.
    const unplaced = markInvalid(view, result.errors, describe);
    stale.textContent = result.ok ? "" : t("lastValid");
    for (const error of unplaced) {
      const element = /^answers\.([A-Z]\d+\.\d+)/.exec(error.path)?.[1];
      const field = /^process\.(\w+)/.exec(error.path)?.[1];
      const box = $(
        `#${CSS.escape(element ? `problems-answers.${element}` : field ? `problems-process.${field}` : error.path.startsWith("review") ? "problems-review" : "problems-global")}`,
      );
      box?.append(h("span", { class: "error-text" }, describe(error)));
    }
    // Warnings do not change a score; they say what to check, next to what they concern.
    for (const warning of result.warnings ?? []) {
      const element = /^answers\.([A-Z]\d+\.\d+)/.exec(warning.path)?.[1];
      const box = (element && $(`#${CSS.escape(`warnings-answers.${element}`)}`)) || $("#warnings-global");
      const key = WARNINGS[warning.code];
      box?.append(h("span", { class: "warning-text", "data-code": warning.code }, `${t("toCheck")} ${key ? t(key) : warning.code}`));
    }
    return result;
  }

  /** Fills the view's own status lines from the live report: pillars, and each indicator. */
  function showStatus(report) {
    $("#coverage").textContent = coverage(report, words, t);
    $("#pillar-status")?.replaceChildren(pillarSummary({ report, rubric, words, t }));
    $("#phone-summary .pills")?.replaceChildren(
      ...report.pillars.map((pillar) => h("span", { class: "pill", "data-status": pillar.status }, pillarName(words, pillar.id), " ", cell({ x: pillar, words, t }), pillar.status === "scored" ? ` ${bandName(words, pillar.band)}` : null)),
    );
    for (const indicator of report.pillars.flatMap((p) => p.indicators)) {
      const line = $(`#${CSS.escape(`status-${indicator.id}`)}`);
      if (!line) continue;
      line.textContent = indicatorText({ indicator, rubric, words, t });
      line.dataset.status = indicator.status;
    }
  }

  /** The view scores the current profile for its status lines (the engine, never the page, computes). */
  function refreshStatus() {
    try {
      showStatus(score(shown()));
    } catch {
      // An invalid profile keeps its last status; the problem is shown next to its question.
    }
  }

  /** After an edit here or in another tab: the scores move only with a valid profile; while a field is invalid they keep the last valid state. */
  function rescore() {
    if (!showProblems().ok) return;
    card.profile = structuredClone(shown());
    refreshStatus();
  }

  // A v1 profile is scored (through the crosswalk) but edited only as a v2 copy: the v2
  // questionnaire cannot write v1 answers, and the original stays as it was imported.
  const v1 = store.current.profile.schema === V1;
  const convert = h("button", { type: "button", id: "convert-v1" }, t("convertV1"));
  convert.addEventListener("click", async () => {
    const { profile, dropped } = upgrade(store.current.profile, rubric.crosswalk);
    profile.process.name = t("v2Copy", { name: clean(profile.process?.name) });
    store.add(profile);
    await redraw();
    announce([t("converted", { name: nameOf(profile) }), dropped.length ? t("v1Dropped", { count: words.number(dropped.length) }) : ""].join(" "));
  });
  const questions = questionnaire({
    rubric,
    words,
    t,
    store,
    changed: () => {
      savedLine.textContent = savedText();
      conflicts();
      renamed();
      rescore();
    },
  });
  const form = h(
    "div",
    { class: "questions" },
    h("h2", { tabindex: "-1" }, t("navAssess")),
    v1 ? h("div", { class: "notice", id: "v1-notice" }, h("p", {}, t("v1Notice")), convert) : null,
    h("div", { class: "problems", id: "problems-global", "aria-live": "polite" }),
    h("div", { class: "warnings", id: "warnings-global" }),
    v1 ? h("fieldset", { class: "frozen", disabled: "" }, h("legend", { class: "visually-hidden" }, t("v1Frozen")), questions.nodes) : questions.nodes,
    // On a phone the scorecard comes after every question: this line keeps the pillars in view
    // (stuck to the bottom while the questions scroll) and leads to the full card.
    h("div", { class: "phone-summary", id: "phone-summary" }, h("span", { class: "pills" }), h("button", { type: "button", class: "link" }, t("toScorecard"))),
  );
  // It moves the reader (and the keyboard focus) to the card, without changing the address.
  form.querySelector("#phone-summary button").addEventListener("click", () => {
    $("#h-status").scrollIntoView({ block: "start" });
    $("#h-status").focus();
  });
  // The question in focus is kept in the address.
  form.addEventListener("focusin", (e) => {
    const id = e.target.closest?.(".question")?.dataset.element;
    if (id) onQuestion(id);
  });
  view.append(form, aside);
  showProblems();
  refreshStatus();

  return {
    nodes: [view],
    update(paths) {
      if (store.current.profile.schema?.endsWith("/v1")) return;
      questions.update(paths);
      savedLine.textContent = savedText();
      rescore();
    },
    saved() {
      savedLine.textContent = savedText();
    },
    editing: (path) => fieldOf(document.activeElement).includes(path),
    reveal(id) {
      const box = id && $(`#${CSS.escape(`q-${id}`)}`);
      if (!box) return;
      box.scrollIntoView({ block: "center" });
      /** @type {HTMLElement | null} */ (box.querySelector("input:checked") ?? box.querySelector("input, textarea, select"))?.focus();
    },
  };
}
