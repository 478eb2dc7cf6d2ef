// The advocates' page: assess, compare, weigh, keep and share — all in this browser. The page
// never scores by itself: the engine does, and the scorecard element draws its report.
import "../elements/define.js";
import { engine as loadEngine } from "../elements/engine.js";
import { messages, format } from "../elements/messages.js";
import { rubric as rubricOf, validate, compare, sensitivity, badgeSvg, score, diff } from "../../pkg/web/index.js";
import { PAGE, LANGUAGES } from "./i18n.js";
import { pickLanguage, pillarName, bandName, processName, nameOf as nameIn, describe, liveScorecard } from "./common.js";
import { Store, blankProfile, upgrade, V1 } from "./store.js";
import { questionnaire, markInvalid, withoutInvalid } from "./assess.js";
import { pillarSummary, indicatorText, cell } from "./honest.js";
import { compareView } from "./compare.js";
import { analyser } from "./offload.js";
import { reportView, printReport } from "./report.js";
import { methodView } from "./method.js";
import { weightsView } from "./weights.js";
import { reviewView } from "./review.js";
import { readLink } from "./share.js";
import { shareView, importInto, brokenLinkNotice } from "./share-view.js";
import { fragmentParams } from "../shared/fragment.js";
import { storageNotices } from "./storage-ui.js";
import { presetKey } from "./patch.js";
import { h, clean } from "../elements/dom.js";

const PRESETS = [
  ["ietf", "IETF"],
  ["w3c", "W3C"],
  ["whatwg", "WHATWG"],
  ["unicode", "Unicode Consortium"],
  ["itu-t", "ITU-T"],
  ["iso", "ISO"],
  ["iec", "IEC"],
  ["ieee-sa", "IEEE SA"],
  ["etsi", "ETSI"],
  ["3gpp", "3GPP"],
  ["c2pa", "C2PA"],
  ["oasis", "OASIS Open"],
];
const PRESET_DATE = "2026-12-02";

const $ = (selector) => document.querySelector(selector);
// The store is the page's only writer (store.js); it opens before anything is drawn, and never fails.
const store = await Store.open();
// Compare's long calls run in a worker (offload.js), the rest here.
const analysed = analyser({ validate, compare, sensitivity });
let words;
let rubric;
let view = "assess";
/** The questionnaire on the Assess view: `update(paths)` redraws what another tab changed. */
let questions = null;
let notices = null;
/** Set when a share link could not be opened: `{ recovered }`, null when nothing could be. */
let brokenShare = null;
/** The question last focused on the Assess view, kept in the address as `?q=`. */
let question = null;
/** The indicator whose methodology page is open, kept in the address as `?i=`. */
let topic = null;
const VIEWS = ["assess", "report", "compare", "weights", "method", "share", "review"];
const presetCache = new Map();

const t = (key, values = {}) => format(PAGE[words.locale]?.[key] ?? PAGE.en[key] ?? key, values);

function announce(text) {
  const live = $("#announce");
  live.textContent = "";
  setTimeout(() => (live.textContent = text), 50);
}

async function preset(id) {
  if (!presetCache.has(id)) {
    presetCache.set(id, fetch(`presets/${id}.json`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`)))));
  }
  try {
    return structuredClone(await presetCache.get(id));
  } catch (e) {
    presetCache.delete(id); // A later attempt may succeed.
    throw e;
  }
}

/** The preset with this id (`ietf-2026-12`), as this page has it, or null. */
async function presetWithId(id) {
  const key = presetKey(id);
  const found = PRESETS.some(([k]) => k === key) ? await preset(key).catch(() => null) : null;
  return found?.id === id ? found : null;
}

/** The preset an assessment was made from (it keeps the preset's id, or supersedes it), or null. */
async function basisOf(profile) {
  return (await presetWithId(profile.id)) ?? (await presetWithId(profile.supersedes));
}

// ---------------------------------------------------------------------------------------------
// The address: `?view=…&q=…` says where the reader is, so that a reload or a bookmark returns
// there and Back/Forward move between views. Share links use the fragment (`#share=…`) alone.

function readAddress() {
  const params = new URLSearchParams(location.search);
  view = VIEWS.includes(params.get("view")) ? params.get("view") : "assess";
  const q = params.get("q");
  question = q && /^[A-Z]\d+\.\d+$/.test(q) ? q : null;
  const i = params.get("i");
  topic = i && /^[A-Z]\d+$/.test(i) ? i : null;
}

function address() {
  const params = new URLSearchParams(location.search);
  params.set("view", view);
  if ((view === "assess" || view === "review") && question) params.set("q", question);
  else params.delete("q");
  if (view === "method" && topic) params.set("i", topic);
  else params.delete("i");
  return `${location.pathname}?${params}`;
}

/** Scrolls to the question named in the address and puts focus in it. */
function revealQuestion() {
  const box = question && document.getElementById(`q-${question}`);
  if (!box) return;
  box.scrollIntoView({ block: "center" });
  /** @type {HTMLElement | null} */ (box.querySelector("input:checked") ?? box.querySelector("input, textarea, select"))?.focus();
}

function ensureAssessment() {
  if (!store.current) store.add(blankProfile(t("untitled")));
}

// ---------------------------------------------------------------------------------------------
// Header: language, assessments, presets.

function renderHeader() {
  const lang = h("select", { id: "lang" }, Object.entries(LANGUAGES).map(([code, name]) => h("option", { value: code, lang: code }, name)));
  lang.value = words.locale;
  lang.addEventListener("change", async () => {
    store.setLang(lang.value);
    await start();
    $("#lang").focus();
  });

  const pick = h(
    "select",
    { id: "assessment" },
    store.state.order.map((id) => h("option", { value: id }, processName(store.state.assessments[id].profile, t))),
  );
  pick.value = store.state.current;
  pick.addEventListener("change", () => {
    store.select(pick.value);
    renderView();
  });
  const fresh = h("button", { type: "button" }, t("newAssessment"));
  fresh.addEventListener("click", () => {
    store.add(blankProfile(t("untitled")));
    renderAll();
    $("#process-name")?.focus();
  });
  const remove = h("button", { type: "button", class: "secondary" }, t("deleteAssessment"));
  remove.addEventListener("click", () => {
    const name = nameOf(store.current?.profile);
    if (!window.confirm(t("confirmDelete", { name }))) return;
    store.remove(store.state.current);
    ensureAssessment();
    renderAll();
  });
  const presets = h("select", { id: "preset" }, PRESETS.map(([id, name]) => h("option", { value: id }, name)));
  const load = h("button", { type: "button" }, t("load"));
  load.addEventListener("click", async () => {
    let profile;
    try {
      profile = await preset(presets.value);
    } catch {
      announce(t("presetFailed"));
      return;
    }
    importInto(context(), profile, () => $("#import-notice"));
  });

  $("#controls").replaceChildren(
    h("div", { class: "field" }, h("label", { for: "lang" }, t("language")), lang),
    h("div", { class: "field" }, h("label", { for: "assessment" }, t("assessment")), pick),
    h("div", { class: "buttons" }, fresh, remove),
    h("div", { class: "field" }, h("label", { for: "preset" }, t("preset")), h("div", { class: "inline" }, presets, load)),
  );
  $("#preset-note").textContent = t("presetNote", { date: words.date(PRESET_DATE) });
}

function renderNav() {
  const tabs = [
    ["assess", t("navAssess")],
    ["compare", t("navCompare")],
    ["weights", t("navWeights")],
    ["share", t("navShare")],
    // Appended, so that the earlier tabs keep their places (and their keyboard order).
    ["report", t("navReport")],
    ["method", t("navMethod")],
    ["review", t("navReview")],
  ];
  $("#nav").replaceChildren(
    ...tabs.map(([id, label]) => {
      const button = h("button", { type: "button", "aria-controls": "view", "aria-current": id === view ? "page" : null }, label);
      button.addEventListener("click", async () => {
        if (id !== view) {
          view = id;
          history.pushState(null, "", address());
          const notice = $("#import-notice");
          notice.hidden = true;
          notice.replaceChildren();
        }
        renderNav();
        await renderView();
        $("#view h2")?.focus();
      });
      return button;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Assess.

const scorecard = () => liveScorecard({ words, weights: store.state.weights, profile: structuredClone(shownProfile()) });

/** The last valid state of each assessment this session, by id: what the scorecard keeps showing while a field is invalid. */
const lastValid = new Map();

/** The profile the scores are drawn from: the current one when valid, else its last valid state. */
function shownProfile() {
  const profile = store.current.profile;
  if (validate(profile, scoreOptions()).ok) {
    lastValid.set(store.state.current, structuredClone(profile));
    return profile;
  }
  // After a reload no earlier state is known: the profile without its invalid values stands in.
  return lastValid.get(store.state.current) ?? withoutInvalid(profile, (p) => validate(p, scoreOptions())) ?? profile;
}

/** "31 of 42 answered", from the engine's report: assessed of applicable questions. */
function coverage(report) {
  const sum = (key) => report.pillars.reduce((n, p) => n + p[key], 0);
  return t("coverage", { assessed: words.number(sum("assessed")), total: words.number(sum("applicable")) });
}

const explain = (e) => describe(words, e);
const nameOf = (profile) => nameIn(profile, t);

/** The options every engine call on this page uses: the reader's weights, if custom. */
const scoreOptions = () => (store.state.weights ? { weights: store.state.weights } : undefined);

/** Honest about the asynchronous save: "saving…" until the write has committed, "not saved" when it failed. */
const savedText = () => t({ saved: "saved", saving: "saving" }[store.status] ?? "notSaved");

/**
 * What a view module is given (it reads nothing else of this module): the store, the rubric, the
 * reader's words, and the engine's calls with the reader's options. Made for each drawing, so that
 * a view speaks the language of the moment; the engine wrappers read the weights at each call.
 */
function context() {
  return {
    store,
    rubric,
    words,
    t,
    announce,
    /** The element the view is drawn in. */
    root: $("#view"),
    score: (profile) => score(profile, scoreOptions()),
    validate: (profile) => validate(profile, scoreOptions()),
    describe: explain,
    nameOf,
    /** The profile the scores are drawn from: the current one, or its last valid state. */
    shown: shownProfile,
    /** The presets this page offers, `[key, name]`, and the one with `key` (a fresh copy). */
    presets: PRESETS,
    preset,
    /** Compare's analysis of `profiles` (analysis.js), in a worker where one starts, with the reader's weights. */
    analyse: (profiles) => analysed(profiles, store.state.weights),
    /** The engine's validate of a file or link as it is, without the reader's options. */
    validateFile: validate,
    badge: badgeSvg,
    basisOf,
    /** Draws the whole page again (after an import or a conversion); resolves once the view is drawn. */
    redraw: renderAll,
  };
}

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

function showProblems() {
  for (const box of document.querySelectorAll(".problems, .warnings")) box.replaceChildren();
  const result = validate(store.current.profile, scoreOptions());
  // An error is shown beside the field it names; the others in their question's or section's box.
  const unplaced = markInvalid($("#view"), result.errors, explain);
  const stale = $("#stale");
  if (stale) stale.textContent = result.ok ? "" : t("lastValid");
  for (const error of unplaced) {
    const element = /^answers\.([A-Z]\d+\.\d+)/.exec(error.path)?.[1];
    const field = /^process\.(\w+)/.exec(error.path)?.[1];
    const box = document.getElementById(
      element ? `problems-answers.${element}` : field ? `problems-process.${field}` : error.path.startsWith("review") ? "problems-review" : "problems-global",
    );
    box?.append(h("span", { class: "error-text" }, explain(error)));
  }
  // Warnings do not change a score; they say what to check, next to what they concern.
  for (const warning of result.warnings ?? []) {
    const element = /^answers\.([A-Z]\d+\.\d+)/.exec(warning.path)?.[1];
    const box = (element && document.getElementById(`warnings-answers.${element}`)) || document.getElementById("warnings-global");
    const key = WARNINGS[warning.code];
    box?.append(h("span", { class: "warning-text", "data-code": warning.code }, `${t("toCheck")} ${key ? t(key) : warning.code}`));
  }
  return result;
}

/** Fills the page's own status lines from the live report: pillars, and each indicator. */
function showStatus(report) {
  $("#coverage").textContent = coverage(report);
  $("#pillar-status")?.replaceChildren(pillarSummary({ report, rubric, words, t }));
  $("#phone-summary .pills")?.replaceChildren(
    ...report.pillars.map((pillar) => h("span", { class: "pill", "data-status": pillar.status }, pillarName(words, pillar.id), " ", cell({ x: pillar, words, t }), pillar.status === "scored" ? ` ${bandName(words, pillar.band)}` : null)),
  );
  for (const indicator of report.pillars.flatMap((p) => p.indicators)) {
    const line = document.getElementById(`status-${indicator.id}`);
    if (!line) continue;
    line.textContent = indicatorText({ indicator, rubric, words, t });
    line.dataset.status = indicator.status;
  }
}

function renderAssess(root) {
  const aside = h(
    "aside",
    { class: "live", "aria-label": t("navAssess") },
    h("p", { id: "coverage", class: "coverage", role: "status" }),
    h("section", { "aria-labelledby": "h-status", class: "status-box" }, h("h2", { id: "h-status", class: "h-small", tabindex: "-1" }, t("statusHeading")), h("div", { id: "pillar-status" })),
    h("button", { type: "button", id: "next" }, t("nextUnanswered")),
    h("p", { class: "note", id: "saved-state" }, savedText()),
    h("p", { class: "notice stale", id: "stale", role: "status" }),
    store.state.weights ? h("p", { class: "notice" }, t("customWeights")) : null,
    scorecard(),
  );
  aside.querySelector("#next").addEventListener("click", () => {
    const all = [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll(".question"))];
    const from = all.findIndex((q) => q.contains(document.activeElement));
    const next = [...all.slice(from + 1), ...all.slice(0, from + 1)].find((q) => q.dataset.state !== "answered");
    if (!next) return announce(t("allAnswered"));
    next.scrollIntoView({ block: "center" });
    next.querySelector("input")?.focus();
  });
  // A v1 profile is scored (through the crosswalk) but edited only as a v2 copy: the v2
  // questionnaire cannot write v1 answers, and the original stays as it was imported.
  const v1 = store.current.profile.schema === V1;
  const convert = h("button", { type: "button", id: "convert-v1" }, t("convertV1"));
  convert.addEventListener("click", async () => {
    const { profile, dropped } = upgrade(store.current.profile, rubric.crosswalk);
    profile.process.name = t("v2Copy", { name: clean(profile.process?.name) });
    store.add(profile);
    await renderAll();
    announce([t("converted", { name: nameOf(profile) }), dropped.length ? t("v1Dropped", { count: words.number(dropped.length) }) : ""].join(" "));
  });
  questions = questionnaire({
      rubric,
      words,
      t,
      store,
      changed: () => {
        $("#saved-state").textContent = savedText();
        notices?.conflicts();
        const option = $(`#assessment option[value="${store.state.current}"]`);
        if (option) option.textContent = processName(store.current.profile, t);
        // The scores move only with a valid profile; while a field is invalid they keep the last valid state.
        if (!showProblems().ok) return;
        $("#live").profile = structuredClone(shownProfile());
        refreshStatus();
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
  // The question in focus is kept in the address (replaced, not pushed: Back moves between views).
  form.addEventListener("focusin", (e) => {
    const id = e.target.closest?.(".question")?.dataset.element;
    if (!id || id === question) return;
    question = id;
    history.replaceState(null, "", address());
  });
  root.replaceChildren(h("div", { class: "assess" }, form, aside));
  showProblems();
  refreshStatus();
}

/** The page scores the current profile itself for its status lines (the engine, never the page, computes). */
function refreshStatus() {
  try {
    showStatus(score(shownProfile(), scoreOptions()));
  } catch {
    // An invalid profile keeps its last status; the problem is shown next to its question.
  }
}

// ---------------------------------------------------------------------------------------------

/** Draws the current view; resolves once it is complete (some views wait for data). */
let drawing = 0;

/** The assessment the view was drawn for. */
let drawnFor = null;

async function renderView() {
  ensureAssessment();
  drawnFor = store.state.current;
  const id = ++drawing;
  const current = () => id === drawing;
  const root = $("#view");
  if (view === "assess") renderAssess(root);
  else if (view === "compare") {
    const { nodes, ready } = compareView(context());
    root.replaceChildren(...nodes);
    await ready;
  }
  else if (view === "weights") root.replaceChildren(...weightsView(context()));
  else if (view === "report") renderReport(root);
  else if (view === "review") renderReview(root);
  else if (view === "method") {
    const page = await methodView({ rubric, words, t, id: topic });
    if (current()) root.replaceChildren(...page);
  }
  else {
    const nodes = await shareView(context());
    if (current()) root.replaceChildren(...nodes); // Another view may have been chosen while this one waited.
  }
  // Compare prints what it shows; every other view prints the report of the current assessment.
  document.body.dataset.print = view === "compare" ? "view" : "report";
  if (view !== "compare") fillPrint();
}

// ---------------------------------------------------------------------------------------------
// Report, and what is printed.

function renderReport(root) {
  const valid = validate(store.current.profile, scoreOptions()).ok;
  const profile = shownProfile();
  let body;
  try {
    body = reportView({ report: score(profile, scoreOptions()), profile, rubric, words, t });
  } catch (e) {
    body = [h("p", { class: "error-text", role: "alert" }, explain(e))];
  }
  root.replaceChildren(h("h2", { tabindex: "-1" }, t("navReport")), ...[valid ? null : h("p", { class: "notice", role: "status" }, t("lastValidReport")), ...body.flat()].filter(Boolean));
}

// ---------------------------------------------------------------------------------------------
// Review and history (review.js): the walk keeps its question in the address (`?view=review&q=…`).

function renderReview(root) {
  const go = (qid) => {
    question = qid;
    history.replaceState(null, "", address());
    renderReview(root);
    document.getElementById(`review-${qid}-title`)?.focus();
  };
  const onNew = async () => {
    question = null;
    history.replaceState(null, "", address());
    await renderAll();
    ($("#view .review-item h4") ?? $("#view h2"))?.focus();
  };
  root.replaceChildren(
    ...reviewView({
      store,
      rubric,
      words,
      t,
      at: question,
      go,
      announce,
      onNew,
      score: (profile) => score(profile, scoreOptions()),
      diff: (a, b) => diff(a, b, scoreOptions()),
      describe: explain,
    }),
  );
}

function fillPrint() {
  const profile = shownProfile();
  try {
    $("#print-report").replaceChildren(...printReport({ report: score(profile, scoreOptions()), profile, rubric, words, t }).filter(Boolean));
  } catch {
    // Nothing valid to print: the print stylesheet then prints the view as it is.
    $("#print-report").replaceChildren();
    document.body.dataset.print = "view";
  }
}

/** Follows a link inside the page (`?view=…`) without reloading it: the address moves, Back returns. */
async function follow(event) {
  // The link may be inside a scorecard's shadow root (its indicator-href and question-href).
  const a = event.composedPath().find((node) => node instanceof HTMLAnchorElement);
  if (!a || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname || !url.searchParams.has("view") || url.hash) return;
  event.preventDefault();
  history.pushState(null, "", url.search);
  await arrive();
}

/** Draws what the address names: the view, and its question or indicator. */
async function arrive() {
  readAddress();
  renderNav();
  await renderView();
  if (view === "assess" && question) revealQuestion();
  else $("#view h2")?.focus();
}

async function renderAll() {
  ensureAssessment();
  document.title = t("title");
  $("#title").textContent = t("title");
  $("#intro").textContent = t("intro");
  $("#privacy").textContent = t("privacy");
  $(".skip").textContent = t("skip");
  $("#nav").setAttribute("aria-label", t("views"));
  renderHeader();
  notices.reset();
  notices.render();
  renderBrokenShare();
  renderNav();
  await renderView();
}

window.addEventListener("beforeprint", () => {
  if (view !== "compare") fillPrint();
});

/** Opens a shared link's assessment as a new copy, never over existing work (share.js reads the link). */
async function openShared() {
  const reading = readLink(fragmentParams(location.hash), { validate, presetWithId });
  if (!reading) return;
  view = "assess";
  question = null;
  history.replaceState(null, "", address());
  brokenShare = null;
  const read = await reading;
  if (read.broken) brokenShare = read.broken;
  else {
    store.add(read.profile);
    announce(t("sharedOpened"));
  }
}

/** The notice for a shared link that could not be opened (share-view.js), in the header. */
function renderBrokenShare() {
  const box = $("#shared-broken");
  const dismiss = () => {
    brokenShare = null;
    renderBrokenShare();
    $("#view h2")?.focus();
  };
  const open = async (profile) => {
    store.add(profile);
    brokenShare = null;
    view = "assess";
    history.replaceState(null, "", address());
    await renderAll();
    $("#view h2")?.focus();
  };
  box.hidden = !brokenShare;
  box.replaceChildren(...(brokenShare ? brokenLinkNotice({ ...context(), broken: brokenShare, open, dismiss }) : []));
}

// ---------------------------------------------------------------------------------------------
// Another tab changed an assessment: the store has merged it; only what changed is redrawn, and
// never the field the user is in (store.js keeps that one as a conflict instead).

/** The store's field path (store.js) of an element, or null: `process␀name`, `answers␀O1.1`, `review`. */
function fieldOf(element) {
  const id = element?.id ?? "";
  const process = /^process-(\w+)$/.exec(id);
  if (process) return [`process\u0000${process[1]}`];
  const answer = /^answer-([A-Z]\d+\.\d+)-/.exec(id);
  if (answer) return [`answers\u0000${answer[1]}`, `held\u0000${answer[1]}`];
  return id.startsWith("review-") ? ["review"] : [];
}

const editing = (id, path) => id === store.state.current && view === "assess" && fieldOf(document.activeElement).includes(path);

/**
 * Redraws what `paths` of assessment `id` hold now; `settled` when the user chose in a conflict.
 * @param {{ id?: string, paths?: string[] }} change
 */
async function remoteChange({ id, paths = [] }, settled = false) {
  const focusIn = (selector) => $(selector)?.contains(document.activeElement);
  if (!store.current || (paths.includes("removed") && id === drawnFor)) return renderAll();
  if (paths.some((p) => ["added", "removed", "process\u0000name"].includes(p)) && !focusIn("#controls")) renderHeader();
  if (id !== store.state.current) return;
  notices.conflicts();
  if (view === "assess" && questions && !store.current.profile.schema?.endsWith("/v1")) {
    questions.update(paths);
    $("#saved-state").textContent = savedText();
    if (showProblems().ok) {
      $("#live").profile = structuredClone(shownProfile());
      refreshStatus();
    }
  } else if (view === "report" && !focusIn("#view")) renderReport($("#view"));
  else if (view === "review" && !focusIn("#view")) renderReview($("#view"));
  if (settled) $("#saved-state").textContent = savedText();
}

async function start() {
  const lang = pickLanguage(store.state.lang);
  words = await messages(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = words.dir;
  rubric ??= rubricOf();
  await renderAll();
}

try {
  await loadEngine();
  words = await messages(pickLanguage(store.state.lang));
  notices = storageNotices({ store, t, words: { number: (n) => words.number(n), date: (d) => words.date(d) }, resolved: (path) => remoteChange({ id: store.state.current, paths: [path] }, true) });
  store.editing = editing;
  store.onchange = (event) => {
    if (event.kind === "status") {
      const line = $("#saved-state");
      if (line) line.textContent = savedText();
      notices.status();
    } else if (event.kind === "quarantine") notices.quarantine();
    else if (event.kind === "remote") remoteChange(event);
  };
  // Edits that could not be stored are lost with the page: the browser asks first.
  window.addEventListener("beforeunload", (e) => {
    if (store.unsaved) e.preventDefault();
  });
  readAddress();
  await openShared();
  history.replaceState(null, "", address());
  // Listening before the first drawing: Back may be pressed while a view still waits for data.
  window.addEventListener("popstate", async () => {
    if (fragmentParams(location.hash).get("share")) return; // The hashchange handler opens it.
    await arrive();
  });
  $("#view").addEventListener("click", follow);
  await start();
  revealQuestion();
  window.addEventListener("hashchange", async () => {
    await openShared();
    await renderAll();
  });
} catch (e) {
  $("#view").replaceChildren(h("p", { class: "error-text", role: "alert" }, String(e?.message ?? e)));
}
