// The questionnaire, generated from the rubric: pillars → indicators → questions, each with its
// options, the three answer states, a note and an evidence list. Edits go straight to the store.
import { h } from "../elements/dom.js";
import { today, pillarName } from "./common.js";

const STATUS = { none: "no-public-information", na: "not-applicable" };

/** The non-blank lines of a text box: one list entry per line. */
export const lines = (text) => text.split("\n").filter((line) => line.trim() !== "");

const select = (id, options) => h("select", { id }, options.map(([value, label]) => h("option", { value }, label)));

/** The kind of answer an element has: "option:ID", "value", "status:…" or "" (not assessed). */
export function kindOf(answer) {
  if (!answer) return "";
  if (answer.option !== undefined) return `option:${answer.option}`;
  if (answer.value !== undefined) return "value";
  if (answer.status !== undefined) return `status:${answer.status}`;
  return "";
}

/**
 * Builds the questionnaire for the store's current assessment. `changed()` is called after every
 * edit, once the store has it. Returns `{ nodes, update(paths) }`: `update` redraws the fields
 * another tab changed (store.js field paths), leaving alone the one the user is in.
 */
export function questionnaire({ rubric, words, t, store, changed }) {
  const record = store.current;
  const answers = () => store.current.profile.answers;
  record.held ??= {}; // Notes and evidence of questions set back to "not assessed", kept for later.

  function edit(id, apply) {
    store.update((profile) => {
      const answer = profile.answers[id] ?? { ...(record.held[id] ?? {}) };
      apply(answer);
      const kind = kindOf(answer);
      if (kind) {
        profile.answers[id] = answer;
        delete record.held[id];
      } else {
        // Everything but the answer itself (note, evidence, searched, confidence, …) is kept.
        delete profile.answers[id];
        const { option, value, status, ...rest } = answer;
        if (Object.values(rest).some((v) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0))) record.held[id] = rest;
        else delete record.held[id];
      }
    });
    changed(id);
  }

  function setKind(id, kind, value) {
    edit(id, (a) => {
      delete a.option;
      delete a.value;
      delete a.status;
      if (kind.startsWith("option:")) a.option = kind.slice(7);
      else if (kind === "value") a.value = value;
      else if (kind.startsWith("status:")) a.status = kind.slice(7);
    });
  }

  const processForm = () => {
    const p = record.profile.process ?? {}; // A stored `process: null` is shown empty, and created on the first edit.
    const field = (key, label, type = "text") => {
      // Addresses and dates read left to right in every language; names follow their own text.
      const input = h("input", { id: `process-${key}`, name: key, type, value: p[key] ?? "", autocomplete: "off", dir: type === "text" ? "auto" : "ltr" });
      input.addEventListener("input", () => {
        store.update((profile) => {
          if (!profile.process || typeof profile.process !== "object") profile.process = {};
          if (input.value === "" && key !== "name") delete profile.process[key];
          else profile.process[key] = input.value;
        });
        changed(`process.${key}`);
      });
      return h("div", { class: "field" }, h("label", { for: input.id }, label), input, h("p", { class: "problems", id: `problems-process.${key}`, "aria-live": "polite" }));
    };
    return h(
      "fieldset",
      { class: "process" },
      h("legend", {}, t("process")),
      field("name", t("name")),
      field("organization", t("organization")),
      field("scope", t("scope")),
      field("url", t("url"), "url"),
      field("assessedOn", t("assessedOn"), "date"),
      field("assessor", t("assessor")),
    );
  };

  // Who reviewed the assessment (v2 `review`): a profile without one is a self-assessment.
  const reviewForm = () => {
    const review = () => record.profile.review ?? {};
    const change = (apply) => {
      store.update((profile) => {
        const r = { ...(profile.review ?? {}) };
        apply(r);
        r.level ??= "self-assessment";
        const said = Object.entries(r).some(([k, v]) => k !== "level" && v !== undefined && !(Array.isArray(v) && v.length === 0));
        if (!said && r.level === "self-assessment" && !profile.review) return;
        if (!said && r.level === "self-assessment") delete profile.review;
        else profile.review = r;
      });
      changed("review");
    };
    const level = h(
      "select",
      { id: "review-level" },
      [
        ["self-assessment", t("levelSelf")],
        ["independent", t("levelIndependent")],
        ["peer-reviewed", t("levelPeer")],
      ].map(([value, label]) => h("option", { value }, label)),
    );
    level.value = review().level ?? "self-assessment";
    level.addEventListener("change", () => change((r) => (r.level = level.value)));
    const reviewers = h("textarea", { id: "review-reviewers", rows: 2, dir: "auto", "aria-describedby": "review-reviewers-help" });
    reviewers.value = (review().reviewers ?? []).join("\n");
    reviewers.addEventListener("input", () =>
      change((r) => {
        const list = lines(reviewers.value);
        if (list.length) r.reviewers = list;
        else delete r.reviewers;
      }),
    );
    const text = (key, label, type) => {
      const input = type === "date" ? h("input", { id: `review-${key}`, type, dir: "ltr" }) : h("textarea", { id: `review-${key}`, rows: 2, dir: "auto" });
      input.value = review()[key] ?? "";
      input.addEventListener("input", () => change((r) => (input.value ? (r[key] = input.value) : delete r[key])));
      return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
    };
    return h(
      "fieldset",
      { class: "process", id: "review-form" },
      h("legend", {}, t("review")),
      h("div", { class: "field" }, h("label", { for: level.id }, t("reviewLevel")), level),
      text("reviewedOn", t("reviewedOn"), "date"),
      h("div", { class: "field" }, h("label", { for: reviewers.id }, t("reviewers")), reviewers, h("p", { class: "note field-help", id: "review-reviewers-help" }, t("onePerLine"))),
      text("note", t("reviewNote")),
      h("p", { class: "problems", id: "problems-review", "aria-live": "polite" }),
    );
  };

  const question = (element) => {
    const id = element.id;
    const text = words.rubric.elements[id] ?? {};
    const answer = answers()[id];
    const kind = kindOf(answer);
    const group = `answer-${id}`;
    const radio = (value, label, extra = null) => {
      const input = h("input", { type: "radio", name: group, value, id: `${group}-${value}` });
      input.checked = kind === value;
      input.addEventListener("change", () => {
        if (!input.checked) return;
        if (value === "value") {
          // A number is recorded only once one is typed: an empty box is not an answer of 0.
          const number = section.querySelector("input[type=number]");
          if (number.value === "") {
            number.focus();
            return;
          }
          setKind(id, "value", Number(number.value));
        } else {
          setKind(id, value);
        }
        refresh();
      });
      return h("div", { class: "choice" }, input, h("label", { for: input.id }, label, extra));
    };
    const choices = [];
    if (element.scale.kind === "options") {
      for (const option of element.scale.options) {
        choices.push(radio(`option:${option.id}`, text.options?.[option.id] ?? option.id, h("span", { class: "points" }, ` (${words.number(option.points)})`)));
      }
    } else {
      const unit = words.rubric.units?.[element.scale.unit] ?? element.scale.unit;
      const number = h("input", {
        type: "number",
        id: `${group}-number`,
        min: element.scale.min,
        max: element.scale.max,
        step: "any",
        inputmode: "decimal",
        dir: "ltr",
        value: answer?.value ?? "",
        "aria-label": t("value", { unit }),
      });
      number.addEventListener("input", () => {
        if (number.value === "") return;
        setKind(id, "value", Number(number.value));
        section.querySelector(`input[value="value"]`).checked = true;
        refresh();
      });
      choices.push(h("div", { class: "choice" }, radio("value", t("value", { unit })).firstChild, h("label", { for: `${group}-value` }, t("value", { unit })), number));
    }
    choices.push(radio(`status:${STATUS.none}`, t("statusNone")));
    choices.push(radio(`status:${STATUS.na}`, t("statusNa")));
    choices.push(radio("", t("statusUnassessed")));

    const current = () => store.current.profile.answers[id] ?? record.held[id] ?? {};
    const note = h("textarea", { id: `${group}-note`, rows: 2, dir: "auto" });
    note.value = current().note ?? "";
    note.addEventListener("input", () => edit(id, (a) => (note.value ? (a.note = note.value) : delete a.note)));
    const noteLabel = h("label", { for: note.id }, t("note"));

    // How sure the assessor is (v2 `confidence`).
    const confidence = select(`${group}-confidence`, [
      ["", t("notGiven")],
      ["high", t("confidenceHigh")],
      ["medium", t("confidenceMedium")],
      ["low", t("confidenceLow")],
    ]);
    confidence.value = current().confidence ?? "";
    confidence.addEventListener("change", () => edit(id, (a) => (confidence.value ? (a.confidence = confidence.value) : delete a.confidence)));

    // Where the assessor looked before answering "no public information found" (v2 `searched`).
    const searched = h("textarea", { id: `${group}-searched`, rows: 2, dir: "auto", "aria-describedby": `${group}-searched-help` });
    searched.value = (current().searched ?? []).join("\n");
    searched.addEventListener("input", () =>
      edit(id, (a) => {
        const list = lines(searched.value);
        if (list.length) a.searched = list;
        else delete a.searched;
      }),
    );
    const searchedField = h(
      "div",
      { class: "field searched" },
      h("label", { for: searched.id }, t("searched")),
      searched,
      h("p", { class: "note field-help", id: `${group}-searched-help` }, t("searchedHelp")),
    );

    const evidenceList = h("div", { class: "evidence-list" });
    const summary = h("summary", {});
    const renderEvidence = () => {
      const list = current().evidence ?? [];
      summary.textContent = t("evidence", { count: words.number(list.length) });
      evidenceList.replaceChildren(
        ...list.map((ev, n) => {
          const save = (key, value) =>
            edit(id, (a) => {
              const item = (a.evidence ??= [])[n] ?? (a.evidence[n] = {});
              if (value) item[key] = value;
              else delete item[key];
            });
          const row = (key, label, type, tag = "input") => {
            const input = h(tag, { id: `${group}-ev${n}-${key}`, type: tag === "input" ? type : null, rows: tag === "textarea" ? 2 : null, dir: tag === "input" ? "ltr" : "auto" });
            input.value = ev[key] ?? "";
            input.addEventListener("input", () => save(key, input.value));
            return h("div", { class: "field" }, h("label", { for: input.id }, label), input);
          };
          const source = select(`${group}-ev${n}-sourceType`, [
            ["", t("notGiven")],
            ["official", t("sourceOfficial")],
            ["secondary", t("sourceSecondary")],
            ["mirror", t("sourceMirror")],
          ]);
          source.value = ev.sourceType ?? "";
          source.addEventListener("change", () => save("sourceType", source.value));
          const remove = h("button", { type: "button", class: "secondary" }, t("removeEvidence"));
          remove.addEventListener("click", () => {
            edit(id, (a) => {
              a.evidence.splice(n, 1);
              if (a.evidence.length === 0) delete a.evidence;
            });
            renderEvidence();
            changed(id); // The list was drawn again: its fields' marks too.
            (evidenceList.querySelector("input") ?? add).focus();
          });
          return h(
            "div",
            { class: "evidence-item", role: "group", "aria-label": `${t("evidence", { count: words.number(n + 1) })}` },
            row("url", t("evidenceUrl"), "url"),
            row("quote", t("evidenceQuote"), null, "textarea"),
            row("note", t("evidenceNote"), null, "textarea"),
            h("div", { class: "field" }, h("label", { for: source.id }, t("sourceType")), source),
            h("div", { class: "evidence-dates" }, row("publishedOn", t("publishedOn"), "date"), row("checkedOn", t("checkedOn"), "date")),
            row("archiveUrl", t("archiveUrl"), "url"),
            remove,
          );
        }),
      );
    };
    const add = h("button", { type: "button", class: "secondary" }, t("addEvidence"));
    add.addEventListener("click", () => {
      edit(id, (a) => (a.evidence ??= []).push({ checkedOn: today() }));
      renderEvidence();
      changed(id);
      evidenceList.querySelector(".evidence-item:last-child input")?.focus();
    });
    renderEvidence();

    const refresh = () => {
      const k = kindOf(store.current.profile.answers[id]);
      noteLabel.textContent = k === `status:${STATUS.na}` ? t("justification") : t("note");
      section.dataset.state = k ? "answered" : "unanswered";
      // Shown for "no public information found", and wherever a list was already kept.
      searchedField.hidden = k !== `status:${STATUS.none}` && !(current().searched ?? []).length;
    };

    const section = h(
      "section",
      { class: "question", id: `q-${id}`, "data-element": id },
      h(
        "fieldset",
        { "aria-describedby": `${group}-help` },
        h("legend", {}, h("span", { class: "qid" }, id), " ", text.question ?? id),
        h("p", { class: "help", id: `${group}-help` }, text.help ?? ""),
        choices,
      ),
      searchedField,
      h("div", { class: "field" }, noteLabel, note),
      h("div", { class: "field" }, h("label", { for: confidence.id }, t("confidence")), confidence),
      h("details", { class: "evidence" }, summary, evidenceList, add),
      h("div", { class: "problems", id: `problems-answers.${id}`, "aria-live": "polite" }),
      h("div", { class: "warnings", id: `warnings-answers.${id}` }),
    );
    refresh();
    return section;
  };

  const body = rubric.pillars.map((pillar) =>
    h(
      "section",
      // Named apart from the scorecard's pillar region of the same name (axe landmark-unique).
      { class: "pillar-questions", "aria-label": t("pillarQuestions", { pillar: pillarName(words, pillar.id) }) },
      h("h2", { id: `h-${pillar.id}` }, pillarName(words, pillar.id)),
      h("p", { class: "help" }, words.rubric.pillars[pillar.id]?.description ?? ""),
      pillar.indicators.map((indicator) => {
        const text = words.rubric.indicators[indicator.id] ?? {};
        return h(
          "section",
          { class: "indicator", "aria-labelledby": `h-${indicator.id}` },
          h("h3", { id: `h-${indicator.id}` }, h("span", { class: "qid" }, indicator.id), " ", text.name ?? indicator.id),
          h("p", { class: "help" }, text.help ?? ""),
          // Every citation leads to the indicator's methodology page (?view=method&i=…).
          h("p", { class: "cite" }, `${t("sources")}: ${text.cite ?? ""} `, h("a", { href: `?view=method&i=${indicator.id}`, class: "in-page" }, t("methodLink", { id: indicator.id }))),
          h("p", { class: "indicator-status", id: `status-${indicator.id}` }),
          indicator.elements.map(question),
        );
      }),
    ),
  );
  const elements = new Map(rubric.pillars.flatMap((p) => p.indicators.flatMap((i) => i.elements.map((e) => [e.id, e]))));
  /** Redraws what another tab changed; never the field (or question) holding focus. */
  const update = (paths) => {
    const active = document.activeElement;
    for (const path of paths) {
      const [head, key] = path.split("\u0000");
      if (head === "process") {
        const input = /** @type {HTMLInputElement | null} */ (document.getElementById(`process-${key}`));
        if (input && input !== active) input.value = store.current.profile.process?.[key] ?? "";
      } else if ((head === "answers" || head === "held") && elements.has(key)) {
        const old = document.getElementById(`q-${key}`);
        if (old && !old.contains(active)) old.replaceWith(question(elements.get(key)));
      } else if (head === "review") {
        const old = document.getElementById("review-form");
        if (old && !old.contains(active)) old.replaceWith(reviewForm());
      }
    }
  };
  return { nodes: [processForm(), reviewForm(), ...body], update };
}

// ---------------------------------------------------------------------------------------------
// Field-level validation: each engine error names its JSON path; the path names the field.

/** The id of the input that holds the value at `path` (an engine error's JSON path), or null. */
export function fieldFor(path) {
  const process = /^process\.(\w+)$/.exec(path);
  if (process) return `process-${process[1]}`;
  const review = /^review\.(\w+)/.exec(path);
  if (review) return `review-${review[1]}`;
  const answer = /^answers\.([A-Z]\d+\.\d+)\.(.+)$/.exec(path);
  if (!answer) return null;
  const [, id, rest] = answer;
  // An evidence entry as a whole (`empty-evidence`) is marked on its first field, the address.
  const evidence = /^evidence\[(\d+)\](?:\.(\w+))?/.exec(rest);
  if (evidence) return `answer-${id}-ev${evidence[1]}-${evidence[2] ?? "url"}`;
  const key = /^\w+/.exec(rest)[0];
  return { value: `answer-${id}-number`, note: `answer-${id}-note`, confidence: `answer-${id}-confidence`, searched: `answer-${id}-searched` }[key] ?? null;
}

/**
 * The store's field paths (store.js) that an element of the questionnaire edits, by its id:
 * `process␀name`, `answers␀O1.1` and `held␀O1.1` (a question's fields), `review`; none for any other.
 */
export function fieldOf(element) {
  const id = element?.id ?? "";
  const process = /^process-(\w+)$/.exec(id);
  if (process) return [`process\u0000${process[1]}`];
  const answer = /^answer-([A-Z]\d+\.\d+)-/.exec(id);
  if (answer) return [`answers\u0000${answer[1]}`, `held\u0000${answer[1]}`];
  return id.startsWith("review-") ? ["review"] : [];
}

/**
 * Marks every field an error names: `aria-invalid`, and the message beside it, linked by
 * `aria-describedby`. Clears the marks of fields fixed since. Returns the errors no field holds.
 */
export function markInvalid(root, errors, message) {
  for (const old of root.querySelectorAll(".field-error")) old.remove();
  for (const field of root.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
    const before = field.dataset.describedby;
    if (before) field.setAttribute("aria-describedby", before);
    else field.removeAttribute("aria-describedby");
    delete field.dataset.describedby;
  }
  const unplaced = [];
  for (const error of errors) {
    const id = fieldFor(error.path);
    const field = id && root.querySelector(`#${CSS.escape(id)}`);
    if (!field) {
      unplaced.push(error);
      continue;
    }
    let note = root.querySelector(`#${CSS.escape(`${id}-error`)}`);
    if (!note) {
      note = h("p", { class: "field-error error-text", id: `${id}-error` });
      field.after(note);
      field.dataset.describedby = field.getAttribute("aria-describedby") ?? "";
      field.setAttribute("aria-describedby", `${field.dataset.describedby} ${note.id}`.trim());
      field.setAttribute("aria-invalid", "true");
      field.closest("details")?.setAttribute("open", ""); // Never a mark hidden in a closed section.
    }
    note.append(h("span", { class: "block" }, message(error)));
  }
  return unplaced;
}

/** Removes the value at an engine error's `path` from `profile`; false when the path names nothing removable. */
function remove(profile, path) {
  const answer = /^answers\.([A-Z]\d+\.\d+)(.*)$/.exec(path);
  const [head, rest] = answer ? [["answers", answer[1]], answer[2]] : [[], `.${path}`];
  const keys = [...head, ...[...rest.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]))];
  if (keys.length < 2) return false;
  const parent = keys.slice(0, -1).reduce((x, k) => x?.[k], profile);
  const last = keys.at(-1);
  if (parent === null || typeof parent !== "object" || !(last in parent)) return false;
  if (Array.isArray(parent)) parent.splice(/** @type {number} */ (last), 1); // an index: `[n]` steps are numbers
  else delete parent[last];
  return true;
}

/**
 * The profile without its invalid values, one error at a time (what the scorecard shows when no
 * earlier valid state is known, e.g. after a reload); null when an error cannot be removed.
 */
export function withoutInvalid(profile, check) {
  const copy = structuredClone(profile);
  for (let round = 0; round < 100; round++) {
    const { ok, errors } = check(copy);
    if (ok) return copy;
    if (!remove(copy, errors[0].path)) return null;
  }
  return null;
}
