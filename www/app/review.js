// The Review view: a reviewer walks through an assessment's answers one at a time and records,
// for each, a verdict (agree, disagree, changed) with a note and a confidence; the disagreements
// are listed as they are made. A review is a new version of the assessment (its own `id`,
// `supersedes` the assessor's), so the assessor's answers stay as they were. Below it, History:
// every saved version of the same process, with the engine's `diff` of answers and scores between
// any two. The view only reads and writes the store; the engine scores.
import { h, clean, isolate, textLang } from "../elements/dom.js";
import { kindOf } from "./assess.js";
import { answerLabel } from "./share.js";
import { evidenceList, VERDICT_SHORT, CONFIDENCE } from "./report.js";
import { cell } from "./honest.js";
import { today, nameOf, pillarName } from "./common.js";

const VERDICTS = ["agree", "disagree", "changed"];
/** Each verdict as the reviewer chooses it. */
const VERDICT_CHOICE = { agree: "verdictAgree", disagree: "verdictDisagree", changed: "verdictChanged" };

/** A table that scrolls inside its own box on a narrow screen, reachable by keyboard (as compare.js does). */
const scroll = (table) => h("div", { class: "table-scroll", role: "region", "aria-label": table.caption?.textContent ?? "", tabindex: "0" }, table);
const STATUSES = ["no-public-information", "not-applicable"];
const ID = /^[A-Za-z0-9._-]+$/;

/** Elements in rubric order, with their pillar and indicator. */
const elementsOf = (rubric) => rubric.pillars.flatMap((p) => p.indicators.flatMap((i) => i.elements));

/** An id for a profile that has none, from its name and date: letters, digits and `-` only. */
function idFor(profile) {
  const slug = (profile.process?.name ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "assessment"}-${profile.process?.assessedOn ?? today()}`;
}

/** `base`, or `base-2`, `base-3`… : the first not among `taken`. */
function unique(base, taken) {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * True when the profile is a review in progress: a version that supersedes another and names a
 * reviewer (as a review started here does), or one with any verdict recorded. A profile that
 * only says it was reviewed (`review.level`) is not: its verdicts were never recorded.
 */
export const isReview = (profile) =>
  Boolean(profile.supersedes && profile.review?.level && profile.review.level !== "self-assessment" && profile.review.reviewers?.length) ||
  Object.values(profile.answers ?? {}).some((a) => a?.verdict);

/**
 * The new version a review starts from: a copy of `profile` under its own id that supersedes it,
 * naming the reviewer, without the earlier review's verdicts and notes. `profile` gets an id first if it has none.
 */
export function reviewCopy(profile, { reviewer, level, taken }) {
  const copy = structuredClone(profile);
  copy.id = unique(`${profile.id}-review-${today()}`.slice(0, 200), taken);
  copy.supersedes = profile.id;
  copy.review = { level, reviewers: [reviewer], reviewedOn: today() };
  // Earlier verdicts belong to the earlier review; who checked each answer before stays until
  // this reviewer gives a verdict on it.
  for (const answer of Object.values(copy.answers ?? {})) {
    delete answer.verdict;
    delete answer.reviewNote;
  }
  return copy;
}

/** The versions of the current assessment's process: saved assessments of the same name, oldest first. */
function versionsOf(state) {
  const current = state.assessments[state.current];
  const name = clean(current?.profile.process?.name);
  const dated = (r) => r.profile.review?.reviewedOn ?? r.profile.process?.assessedOn ?? "";
  return state.order
    .map((id) => state.assessments[id])
    .filter((r) => clean(r.profile.process?.name) === name)
    .sort((a, b) => (dated(a) < dated(b) ? -1 : dated(a) > dated(b) ? 1 : a.created - b.created));
}

/** An answer-like object for a `diff` side (`{state, option, value}`), for answerLabel. */
const asAnswer = (given) => (given.state === "answered" ? { option: given.option, value: given.value } : given.state === "not-assessed" ? null : { status: given.state });

/**
 * The view. `go(qid)` moves the walk to a question (the address keeps it); `announce(text)` tells
 * screen readers; `score(profile)` and `diff(a, b)` are the engine's, with the page's weights.
 */
export function reviewView({ store, rubric, words, t, at, go, announce, score, diff, describe, onNew }) {
  const profile = store.current.profile;
  const parts = [h("h2", { tabindex: "-1" }, t("reviewTitle")), h("p", { class: "help" }, t("reviewIntro"))];
  // History is drawn again after every edit of the walk, keeping the two versions chosen.
  const historyBox = h("div", { class: "history-box" });
  const drawHistory = () => historyBox.replaceChildren(history({ store, rubric, words, t, score, diff, describe }));
  parts.push(isReview(profile) ? walk({ store, rubric, words, t, at, go, announce, edited: drawHistory }) : startForm({ store, t, announce, onNew }));
  drawHistory();
  parts.push(historyBox);
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Starting a review.

function startForm({ store, t, announce, onNew }) {
  const profile = store.current.profile;
  const answered = Object.values(profile.answers ?? {}).filter((a) => kindOf(a)).length;
  const section = h("section", { class: "review-start", "aria-labelledby": "h-review-start" }, h("h3", { id: "h-review-start" }, t("reviewStartTitle")));
  if (!answered) {
    section.append(h("p", { class: "note" }, t("reviewNoAnswers")));
    return section;
  }
  // The earlier format has no `review`, `supersedes` or verdicts: a review starts from a copy in
  // the current format (Assess makes one).
  if (profile.schema?.endsWith("/v1")) {
    section.append(h("p", { class: "note" }, t("reviewNeedsV2", { action: t("convertV1") })));
    return section;
  }
  const name = h("input", { id: "reviewer-name", type: "text", autocomplete: "name", dir: "auto", "aria-describedby": "reviewer-name-problem" });
  const problem = h("p", { class: "problems", id: "reviewer-name-problem", "aria-live": "polite" });
  const level = h(
    "select",
    { id: "review-kind" },
    h("option", { value: "independent" }, t("levelIndependent")),
    h("option", { value: "peer-reviewed" }, t("levelPeer")),
  );
  const start = h("button", { type: "button" }, t("reviewStart"));
  start.addEventListener("click", () => {
    const reviewer = name.value.trim();
    if (!reviewer) {
      name.setAttribute("aria-invalid", "true");
      problem.textContent = t("reviewNeedsName");
      name.focus();
      return;
    }
    if (!(typeof profile.id === "string" && ID.test(profile.id))) {
      const taken = new Set(Object.values(store.state.assessments).map((r) => r.profile.id));
      store.update((p) => (p.id = unique(idFor(p), taken)));
    }
    const taken = new Set(Object.values(store.state.assessments).map((r) => r.profile.id));
    const copy = reviewCopy(store.current.profile, { reviewer: reviewer.slice(0, 200), level: level.value, taken });
    store.add(copy);
    announce(t("reviewStarted", { id: copy.id }));
    onNew();
  });
  section.append(
    h("p", { class: "help" }, t("reviewStartHelp", { count: answered })),
    h("div", { class: "field" }, h("label", { for: "reviewer-name" }, t("reviewerName")), name, problem),
    h("div", { class: "field" }, h("label", { for: "review-kind" }, t("reviewKind")), level),
    h("div", { class: "buttons" }, start),
  );
  return section;
}

// ---------------------------------------------------------------------------------------------
// The walk through the answers.

function walk({ store, rubric, words, t, at, go, announce, edited }) {
  const record = store.current;
  const profile = record.profile;
  const elements = elementsOf(rubric);
  const list = elements.filter((e) => kindOf(profile.answers?.[e.id]) || profile.answers?.[e.id]?.verdict);
  const section = h("section", { class: "review-walk", "aria-labelledby": "h-review-walk" }, h("h3", { id: "h-review-walk" }, t("reviewWalkTitle")));
  const reviewer = profile.review?.reviewers?.[0];
  if (reviewer) section.append(h("p", { class: "note" }, t("reviewBy", { name: isolate(clean(reviewer)) })));
  const summary = h("div", { class: "review-summary" });
  const progress = h("p", { class: "review-progress", role: "status" });
  section.append(progress);
  if (!list.length) {
    section.append(h("p", { class: "note" }, t("reviewNoAnswers")));
    return section;
  }
  const open = (e) => !store.current.profile.answers?.[e.id]?.verdict;
  const named = list.findIndex((e) => e.id === at);
  const index = named >= 0 ? named : Math.max(0, list.findIndex(open));
  const element = list[index];
  const original = originalAnswer(store, profile, element.id);
  section.append(item({ store, element, original, n: index, total: list.length, words, t, refresh, edited }), navigation({ list, index, go, t, open }), summary);

  function refresh(spoken) {
    const answers = store.current.profile.answers ?? {};
    const counts = Object.fromEntries(VERDICTS.map((v) => [v, list.filter((e) => answers[e.id]?.verdict === v).length]));
    const done = counts.agree + counts.disagree + counts.changed;
    progress.textContent = t("reviewProgress", { done: words.number(done), total: words.number(list.length), agree: words.number(counts.agree), disagree: words.number(counts.disagree), changed: words.number(counts.changed) });
    summary.replaceChildren(disagreements({ list, answers, original: (id) => originalAnswer(store, store.current.profile, id), words, t }));
    if (spoken) announce(progress.textContent);
  }
  refresh(false);
  return section;
}

/** The answer in the version this one supersedes (the assessor's), when that version is saved. */
function originalAnswer(store, profile, id) {
  if (!profile.supersedes) return undefined;
  const before = Object.values(store.state.assessments).find((r) => r.profile.id === profile.supersedes);
  return before?.profile.answers?.[id];
}

function item({ store, element, original, n, total, words, t, refresh, edited }) {
  const id = element.id;
  const text = words.rubric.elements[id] ?? {};
  const answer = () => store.current.profile.answers?.[id] ?? {};
  const lang = textLang(store.current.profile.process?.language, words.locale);
  const reviewer = store.current.profile.review?.reviewers?.[0];
  // `typing`: a keystroke in the note, after which History waits for the note's change event.
  const edit = (apply, { spoken = false, typing = false } = {}) => {
    store.update((profile) => {
      profile.answers ??= {};
      const a = (profile.answers[id] ??= {});
      apply(a);
      if (a.verdict && reviewer) a.reviewer = reviewer;
    });
    refresh(spoken);
    if (!typing) edited();
  };
  const given = original ?? answer();
  const box = h(
    "article",
    { class: "review-item", id: `review-${id}`, "aria-labelledby": `review-${id}-title` },
    h("h4", { id: `review-${id}-title`, tabindex: "-1" }, h("span", { class: "qid" }, id), " ", text.question ?? id),
    h("p", { class: "note" }, t("reviewItem", { n: words.number(n + 1), total: words.number(total) })),
    h("p", {}, `${t("reviewGiven")}: `, h("strong", {}, answerLabel(given, text, words, t))),
    given.confidence ? h("p", { class: "note" }, t("reviewAssessorConfidence", { level: t(CONFIDENCE[given.confidence] ?? given.confidence) })) : null,
    given.note ? h("p", { class: "answer-note", dir: "auto", lang }, clean(given.note)) : null,
    evidenceList(given, words, t, lang),
  );

  // The verdict.
  const changeBox = h("fieldset", { class: "review-change", hidden: answer().verdict === "changed" ? null : "" }, h("legend", {}, t("reviewNewAnswer")));
  const radios = VERDICTS.map((v) => {
    const input = h("input", { type: "radio", name: `verdict-${id}`, id: `verdict-${id}-${v}`, value: v });
    input.checked = answer().verdict === v;
    input.addEventListener("change", () => {
      edit((a) => {
        // Leaving "changed" puts the assessor's answer back: a verdict never hides a change.
        if (a.verdict === "changed" && v !== "changed" && original) {
          delete a.option;
          delete a.value;
          delete a.status;
          Object.assign(a, pick(original));
        }
        a.verdict = v;
      }, { spoken: true });
      changeBox.hidden = v !== "changed";
    });
    return h("div", { class: "choice" }, input, h("label", { for: input.id }, t(VERDICT_CHOICE[v])));
  });

  // The changed answer: the question's options (or a number) and the two states.
  const now = kindOf(answer());
  if (element.scale.kind === "options") {
    for (const option of element.scale.options) changeBox.append(choice(`option:${option.id}`, text.options?.[option.id] ?? option.id));
  } else {
    const value = h("input", { type: "number", id: `review-${id}-value`, min: element.scale.min ?? 0, step: "any", dir: "ltr", value: answer().value ?? "" });
    value.addEventListener("change", () => {
      if (value.value === "" || !Number.isFinite(Number(value.value))) return;
      edit((a) => {
        delete a.option;
        delete a.status;
        a.value = Number(value.value);
      });
    });
    changeBox.append(h("div", { class: "field" }, h("label", { for: value.id }, t("reviewValue")), value));
  }
  for (const status of STATUSES) changeBox.append(choice(`status:${status}`, t(status === "not-applicable" ? "statusNa" : "statusNone")));
  function choice(kind, label) {
    const input = h("input", { type: "radio", name: `review-${id}-answer`, id: `review-${id}-${kind.replace(":", "-")}`, value: kind });
    input.checked = now === kind;
    input.addEventListener("change", () =>
      edit((a) => {
        delete a.option;
        delete a.value;
        delete a.status;
        if (kind.startsWith("option:")) a.option = kind.slice(7);
        else a.status = kind.slice(7);
      }),
    );
    return h("div", { class: "choice" }, input, h("label", { for: input.id }, label));
  }

  const confidence = h(
    "select",
    { id: `review-${id}-confidence` },
    h("option", { value: "" }, t("reviewConfidenceKeep")),
    Object.keys(CONFIDENCE).map((c) => h("option", { value: c }, t(CONFIDENCE[c]))),
  );
  // "As the assessor gave it" unless the reviewer has set another.
  confidence.value = original && answer().confidence === original.confidence ? "" : (answer().confidence ?? "");
  confidence.addEventListener("change", () =>
    edit((a) => {
      if (confidence.value) a.confidence = confidence.value;
      else if (original?.confidence) a.confidence = original.confidence;
      else delete a.confidence;
    }),
  );
  const note = h("textarea", { id: `review-${id}-note`, rows: 3, maxlength: 4000, dir: "auto" });
  note.value = answer().reviewNote ?? "";
  note.addEventListener("input", () =>
    edit(
      (a) => {
        if (note.value.trim()) a.reviewNote = note.value;
        else delete a.reviewNote;
      },
      { typing: true },
    ),
  );
  note.addEventListener("change", () => edited());
  box.append(
    h("fieldset", { class: "review-verdict" }, h("legend", {}, t("reviewVerdict")), radios),
    changeBox,
    h("div", { class: "field" }, h("label", { for: confidence.id }, t("reviewConfidence")), confidence),
    h("div", { class: "field" }, h("label", { for: note.id }, t("reviewerNote")), note),
  );
  return box;
}

/** The answer itself (option, value or status) and its confidence. */
const pick = ({ option, value, status }) => Object.fromEntries(Object.entries({ option, value, status }).filter(([, v]) => v !== undefined));

function navigation({ list, index, go, t, open }) {
  const button = (label, target) => {
    const b = h("button", { type: "button", class: "secondary", disabled: target === null ? "" : null }, label);
    if (target !== null) b.addEventListener("click", () => go(list[target].id));
    return b;
  };
  // The next answer without a verdict, after this one and round to the start.
  const nextOpen = h("button", { type: "button", class: "secondary" }, t("reviewNextOpen"));
  nextOpen.addEventListener("click", () => {
    const later = [...list.slice(index + 1), ...list.slice(0, index)].find(open);
    if (later) go(later.id);
    else nextOpen.replaceWith(h("p", { class: "note", role: "status" }, t("reviewAllDone")));
  });
  return h(
    "div",
    { class: "buttons review-nav" },
    button(t("reviewPrevious"), index > 0 ? index - 1 : null),
    button(t("reviewNext"), index < list.length - 1 ? index + 1 : null),
    nextOpen,
  );
}

function disagreements({ list, answers, original, words, t }) {
  const open = list.filter((e) => answers[e.id]?.verdict === "disagree" || answers[e.id]?.verdict === "changed");
  return h(
    "section",
    { class: "review-disagreements", "aria-labelledby": "h-review-disagreements" },
    h("h3", { id: "h-review-disagreements" }, t("reviewDisagreements", { count: words.number(open.length) })),
    open.length
      ? h(
          "ul",
          {},
          open.map((e) => {
            const a = answers[e.id];
            const text = words.rubric.elements[e.id] ?? {};
            const was = original(e.id);
            return h(
              "li",
              { "data-element": e.id },
              h("a", { href: `?view=review&q=${encodeURIComponent(e.id)}`, class: "in-page" }, h("span", { class: "qid" }, e.id), " ", text.question ?? e.id),
              h("p", {}, h("strong", {}, t(a.verdict === "changed" ? "verdictChangedShort" : "verdictDisagreeShort")), a.verdict === "changed" && was ? ` ${t("reviewFromTo", { from: answerLabel(was, text, words, t), to: answerLabel(a, text, words, t) })}` : ` ${answerLabel(a, text, words, t)}`),
              a.reviewNote ? h("p", { class: "answer-note", dir: "auto" }, clean(a.reviewNote)) : h("p", { class: "note" }, t("reviewNoNote")),
            );
          }),
        )
      : h("p", { class: "note" }, t("reviewNoDisagreements")),
  );
}

// ---------------------------------------------------------------------------------------------
// History: the versions, and what changed between two.

function history({ store, rubric, words, t, score, diff, describe }) {
  const state = store.state;
  const versions = versionsOf(state);
  const name = nameOf(store.current.profile, t);
  const section = h("section", { class: "history", "aria-labelledby": "h-history" }, h("h3", { id: "h-history" }, t("historyTitle")));
  if (versions.length < 2) {
    section.append(h("p", { class: "note" }, t("historyOne", { name })));
    return section;
  }
  const when = (r) => r.profile.review?.reviewedOn ?? r.profile.process?.assessedOn;
  const label = (r) => `${when(r) ? words.date(when(r)) : "—"} · ${t(levelKey(r.profile.review?.level))}`;
  const figures = (r) => {
    try {
      return score(r.profile).pillars;
    } catch {
      return null;
    }
  };
  section.append(
    h("p", { class: "help" }, t("historyIntro", { name })),
    scroll(h(
      "table",
      { class: "data history-table" },
      h("caption", {}, t("historyCaption", { name })),
      h("thead", {}, h("tr", {}, [t("historyVersion"), t("historyReview"), ...rubric.pillars.map((p) => pillarName(words, p.id)), t("historyRelation")].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        versions.map((r) => {
          const pillars = figures(r);
          return h(
            "tr",
            { "data-id": r.id, "aria-current": r.id === state.current ? "true" : null },
            h("th", { scope: "row" }, h("span", { dir: "ltr" }, r.profile.process?.assessedOn ? words.date(r.profile.process.assessedOn) : "—"), r.profile.id ? [" ", h("code", { dir: "ltr" }, r.profile.id)] : null, r.id === state.current ? [" ", h("span", { class: "note" }, t("historyCurrent"))] : null),
            h(
              "td",
              {},
              t(levelKey(r.profile.review?.level)),
              r.profile.review?.reviewers?.length ? [" — ", h("bdi", {}, clean(r.profile.review.reviewers.join(", ")))] : null,
              r.profile.review?.reviewedOn ? `, ${words.date(r.profile.review.reviewedOn)}` : null,
            ),
            (pillars ?? rubric.pillars.map(() => null)).map((p) => h("td", {}, p ? cell({ x: p, words, t }) : t("historyInvalid"))),
            h("td", {}, r.profile.supersedes ? t("historySupersedes", { id: isolate(clean(r.profile.supersedes)) }) : "—"),
          );
        }),
      ),
    )),
  );

  // Two versions to compare: by default the one the current version supersedes (or the one
  // before it), and the current one.
  const at = versions.findIndex((r) => r.id === state.current);
  const supersededIndex = versions.findIndex((r) => r.profile.id && r.profile.id === store.current.profile.supersedes);
  const fromDefault = versions[supersededIndex >= 0 ? supersededIndex : Math.max(0, at - 1)].id;
  const toDefault = versions[at >= 0 ? at : versions.length - 1].id;
  const chooser = (id, labelText, value) => {
    const s = h("select", { id }, versions.map((r) => h("option", { value: r.id }, label(r))));
    s.value = value;
    return [s, h("div", { class: "field" }, h("label", { for: id }, labelText), s)];
  };
  const known = (id) => versions.some((r) => r.id === id);
  const [from, fromField] = chooser("history-from", t("historyFrom"), known(chosen.from) ? chosen.from : fromDefault === toDefault ? versions[0].id : fromDefault);
  const [to, toField] = chooser("history-to", t("historyTo"), known(chosen.to) ? chosen.to : toDefault);
  const output = h("div", { class: "diff-output", "aria-live": "polite" });
  const draw = () => {
    Object.assign(chosen, { from: from.value, to: to.value });
    const a = state.assessments[from.value];
    const b = state.assessments[to.value];
    output.replaceChildren(...changes({ a, b, rubric, words, t, diff, describe, label }));
  };
  from.addEventListener("change", draw);
  to.addEventListener("change", draw);
  draw();
  section.append(h("div", { class: "inline diff-choose" }, fromField, toField), output);
  return section;
}

/** The two versions last chosen for the diff, by record id, while the page is open. */
const chosen = { from: null, to: null };

const levelKey = (level) => ({ independent: "levelIndependent", "peer-reviewed": "levelPeer" })[level] ?? "levelSelf";

/** A change of score, signed, or a dash when either side has no score. */
const signed = (words, n) => (n === null || n === undefined ? "—" : h("span", { dir: "ltr" }, `${n > 0 ? "+" : n < 0 ? "−" : "±"}${words.number(Math.abs(n))}`));

function changes({ a, b, rubric, words, t, diff, describe, label }) {
  if (a.id === b.id) return [h("p", { class: "note" }, t("diffSame"))];
  let d;
  try {
    d = diff(a.profile, b.profile);
  } catch (e) {
    return [h("p", { class: "error-text", role: "alert" }, t("diffFailed", { error: describe(e) }))];
  }
  const name = (id) => words.rubric.indicators[id]?.name ?? words.rubric.pillars[id]?.name ?? id;
  const figureTable = (caption, rows, first) =>
    scroll(h(
      "table",
      { class: "data diff-figures" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, [first, t("diffBefore"), t("diffAfter"), t("diffChange")].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        rows.map((r) => h("tr", { "data-id": r.id }, h("th", { scope: "row" }, `${r.id} ${name(r.id)}`), h("td", {}, cell({ x: r.old, words, t })), h("td", {}, cell({ x: r.new, words, t })), h("td", {}, signed(words, r.change)))),
      ),
    ));
  const text = (id) => words.rubric.elements[id] ?? {};
  const verdicts = reviewChanges(a.profile, b.profile, elementsOf(rubric).map((e) => e.id));
  return [
    h("h4", {}, t("diffTitle", { from: label(a), to: label(b) })),
    figureTable(t("diffPillars"), d.pillars, t("pillarCol")),
    d.indicators.length ? figureTable(t("diffIndicators", { count: words.number(d.indicators.length) }), d.indicators, t("indicatorCol")) : h("p", { class: "note" }, t("diffNoIndicators")),
    d.answers.length
      ? scroll(h(
          "table",
          { class: "data diff-answers" },
          h("caption", {}, t("diffAnswers", { count: words.number(d.answers.length) })),
          h("thead", {}, h("tr", {}, [t("questionCol"), t("diffBefore"), t("diffAfter")].map((c) => h("th", { scope: "col" }, c)))),
          h(
            "tbody",
            {},
            d.answers.map((c) => h("tr", { "data-element": c.element }, h("th", { scope: "row" }, h("span", { class: "qid" }, c.element), " ", text(c.element).question ?? ""), h("td", {}, answerLabel(asAnswer(c.old), text(c.element), words, t)), h("td", {}, answerLabel(asAnswer(c.new), text(c.element), words, t)))),
          ),
        ))
      : h("p", { class: "note" }, t("diffNoAnswers")),
    verdicts.length
      ? scroll(h(
          "table",
          { class: "data diff-verdicts" },
          h("caption", {}, t("diffVerdicts", { count: words.number(verdicts.length) })),
          h("thead", {}, h("tr", {}, [t("questionCol"), t("verdictCol"), t("confidence"), t("reviewerNoteCol")].map((c) => h("th", { scope: "col" }, c)))),
          h(
            "tbody",
            {},
            verdicts.map(({ id, answer }) =>
              h(
                "tr",
                { "data-element": id },
                h("th", { scope: "row" }, h("span", { class: "qid" }, id), " ", text(id).question ?? ""),
                h("td", {}, answer.verdict ? t(VERDICT_SHORT[answer.verdict] ?? answer.verdict) : "—"),
                h("td", {}, answer.confidence ? t(CONFIDENCE[answer.confidence] ?? answer.confidence) : "—"),
                h("td", { dir: "auto" }, answer.reviewNote ? clean(answer.reviewNote) : "—"),
              ),
            ),
          ),
        ))
      : null,
  ];
}

/** Questions (of `ids`, in that order) whose verdict, review note or confidence differ from one version to the other, with the later values. */
export function reviewChanges(a, b, ids) {
  const out = [];
  for (const id of ids) {
    const x = a.answers?.[id] ?? {};
    const y = b.answers?.[id] ?? {};
    if (x.verdict !== y.verdict || x.reviewNote !== y.reviewNote || x.confidence !== y.confidence) out.push({ id, answer: y });
  }
  return out;
}
