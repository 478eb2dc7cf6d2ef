// The advocates' page: assess, compare, weigh, keep and share — all in this browser. The page
// never scores by itself: the engine does, and the scorecard element draws its report.
// This module boots the page and keeps what belongs to it as a whole: the address, the header and
// tabs, which view is drawn, a shared link's arrival, another tab's changes. Each view is a module
// of its own, given a context (`context()` below) and nothing else of this one.
import "../elements/define.js";
import { engine as loadEngine } from "../elements/engine.js";
import { messages, format } from "../elements/messages.js";
import { rubric as rubricOf, validate, compare, sensitivity, badgeSvg, score, diff } from "../../pkg/web/index.js";
import { PAGE, LANGUAGES } from "./i18n.js";
import { pickLanguage, processName, nameOf as nameIn, describe } from "./common.js";
import { Store, blankProfile } from "./store.js";
import { withoutInvalid } from "./assess.js";
import { assessView } from "./assess-view.js";
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
import { h } from "../elements/dom.js";

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
/**
 * The Assess view as drawn (assess-view.js), while it is the view: it redraws what another tab changed.
 * @type {ReturnType<typeof assessView> | null}
 */
let assess = null;
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
// What the views are given.

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

const explain = (e) => describe(words, e);
const nameOf = (profile) => nameIn(profile, t);

/** The options every engine call on this page uses: the reader's weights, if custom. */
const scoreOptions = () => (store.state.weights ? { weights: store.state.weights } : undefined);

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
    diff: (a, b) => diff(a, b, scoreOptions()),
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
    /** After an edit on Assess: the store's conflict notices, and the header's name of the assessment. */
    conflicts: () => notices.conflicts(),
    renamed: () => {
      const option = $(`#assessment option[value="${store.state.current}"]`);
      if (option) option.textContent = processName(store.current.profile, t);
    },
    /** The question in focus on Assess, kept in the address (replaced, not pushed: Back moves between views). */
    onQuestion: (id) => {
      if (id === question) return;
      question = id;
      history.replaceState(null, "", address());
    },
  };
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
  assess = null;
  if (view === "assess") {
    assess = assessView(context());
    root.replaceChildren(...assess.nodes);
  } else if (view === "compare") {
    const { nodes, ready } = compareView(context());
    root.replaceChildren(...nodes);
    await ready;
  } else if (view === "weights") root.replaceChildren(...weightsView(context()));
  else if (view === "report") root.replaceChildren(...reportView(context()));
  else if (view === "review") renderReview(root);
  else if (view === "method") {
    const page = await methodView({ ...context(), id: topic });
    if (current()) root.replaceChildren(...page);
  } else {
    const nodes = await shareView(context());
    if (current()) root.replaceChildren(...nodes); // Another view may have been chosen while this one waited.
  }
  // Compare prints what it shows; every other view prints the report of the current assessment.
  document.body.dataset.print = view === "compare" ? "view" : "report";
  if (view !== "compare") fillPrint();
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
  root.replaceChildren(...reviewView({ ...context(), at: question, go, onNew }));
}

/** What is printed: the report of the current assessment (report.js), kept beside the view. */
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
  if (view === "assess" && question) assess?.reveal(question);
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

const editing = (id, path) => id === store.state.current && view === "assess" && Boolean(assess?.editing(path));

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
  if (view === "assess") assess?.update(paths);
  else if (view === "report" && !focusIn("#view")) $("#view").replaceChildren(...reportView(context()));
  else if (view === "review" && !focusIn("#view")) renderReview($("#view"));
  if (settled) assess?.saved();
}

async function start() {
  const lang = pickLanguage(store.state.lang);
  words = await messages(lang);
  document.documentElement.lang = words.locale;
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
      assess?.saved();
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
  assess?.reveal(question);
  window.addEventListener("hashchange", async () => {
    await openShared();
    await renderAll();
  });
} catch (e) {
  $("#view").replaceChildren(h("p", { class: "error-text", role: "alert" }, String(e?.message ?? e)));
}
