// The Keep-and-share view: import a file (validated, never replacing saved work without asking),
// export as JSON, CSV or a badge, print, a share link and embed snippets; and the notice for a
// shared link that could not be opened. What is exported and linked is share.js's; how an import
// is decided and undone, importing.js's.
import { h, clean, isolate } from "../elements/dom.js";
import { csv, download, fileName, shareLink, embedSnippets, LINK_LIMIT } from "./share.js";
import { importProfile, question as importQuestion } from "./importing.js";
import { pillarName } from "./common.js";

/**
 * The view's nodes, once the link and snippets are made. From the page's context (main.js):
 * `store`, `rubric`, `words`, `t`, `announce`, `root` (the element the view is drawn in), the
 * engine's `score`, `validateFile` and `badge`, `describe(error)`, `basisOf(profile)` (the preset
 * it was made from) and what `importInto` needs.
 */
export async function shareView(context) {
  const { store, rubric, words, t, announce, root, score, describe, validateFile, basisOf, badge } = context;
  const profile = store.current.profile;
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });

  const file = h("input", { type: "file", id: "import", accept: "application/json,.json" });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const text = await chosen.text();
    file.value = ""; // The same file can be chosen again after it is fixed.
    const result = validateFile(text);
    if (!result.ok) {
      status.replaceChildren(
        h("p", { class: "error-text" }, t("importFailed")),
        h("ul", {}, result.errors.map((e) => h("li", {}, h("code", {}, clean(e.path) || "/"), `: ${clean(words.describe(e))}${e.suggestion && words.locale === "en" ? ` → ${e.suggestion}` : ""} (${e.code})`))),
      );
      return;
    }
    // The question and the outcome are said in this view's status line, looked up each time:
    // the view is drawn again in between.
    importInto(context, JSON.parse(text), () => root.querySelector(".status"));
  });

  let report;
  try {
    report = score(profile);
  } catch (e) {
    report = null;
    status.replaceChildren(h("p", { class: "error-text" }, describe(e)));
  }
  const button = (label, action) => {
    const b = h("button", { type: "button" }, label);
    b.addEventListener("click", action);
    return b;
  };
  const basis = await basisOf(profile);
  const link = await shareLink(profile, basis);
  const linkBox = h("input", { id: "share-link", type: "text", readonly: "", value: link.url });
  const snippets = await embedSnippets(profile, words.locale, basis);
  const snippet = (id, label, text) =>
    h("div", { class: "field" }, h("label", { for: id }, label), h("textarea", { id, readonly: "", rows: 4 }, text));

  return [
    h("h2", { tabindex: "-1" }, t("navShare")),
    h("p", { class: "help" }, t("privacy")),
    h("div", { class: "field" }, h("label", { for: "import" }, t("importFile")), file),
    status,
    h(
      "div",
      { class: "buttons" },
      button(t("exportJson"), () => download(fileName(profile, "json"), "application/json", `${JSON.stringify(profile, null, 2)}\n`)),
      report && button(t("exportCsv"), () => download(fileName(profile, "csv"), "text/csv", csv({ rubric, report, profile, words, t }))),
      report &&
        button(t("badge"), () => {
          const labels = { O: pillarName(words, "O"), I: pillarName(words, "I") };
          download(fileName(profile, "svg"), "image/svg+xml", badge(report, { label: words.ui.badgeLabel, labels }));
        }),
      button(t("print"), () => window.print()),
    ),
    h("h3", {}, t("shareLink")),
    h("p", { class: "help" }, t("shareNote")),
    link.basis && h("p", { class: "help", id: "share-basis" }, t("shareBasis", { preset: isolate(profile.id) })),
    link.tooLong
      ? h("p", { class: "notice", role: "alert" }, t("shareTooLong", { length: words.number(link.url.length), limit: words.number(LINK_LIMIT) }))
      : h(
          "div",
          { class: "inline" },
          h("label", { for: "share-link", class: "visually-hidden" }, t("shareLink")),
          linkBox,
          button(t("copy"), async () => {
            await navigator.clipboard?.writeText(link.url).catch(() => {});
            linkBox.select();
            announce(t("copied"));
          }),
        ),
    h("h3", {}, t("embed")),
    snippet("embed-script", t("embedScript"), snippets.script),
    snippet("embed-frame", t("embedFrame"), snippets.frame),
  ].filter(Boolean); // a part left out (the preset note) is no node at all, not the text "false"
}

/**
 * Imports a valid profile (a file or a preset). When it is already saved the question is drawn in
 * `where()`; the outcome is said there too, with a button to undo it. `where` is asked each time,
 * because the page is drawn again in between. From the page's context: `store`, `words`, `t`,
 * `nameOf` and `redraw()`.
 */
export function importInto({ store, words, t, nameOf, redraw }, profile, where) {
  const say = (...children) => {
    const place = where();
    place.hidden = false;
    place.replaceChildren(...children);
    return place;
  };
  importProfile({
    profile,
    store,
    t,
    nameOf,
    date: (iso) => words.date(iso),
    ask: (asked) => {
      const { element, focus } = importQuestion(asked, (action) => action());
      say(element);
      focus();
    },
    done: async (message, undo) => {
      // Everything on the view (on Keep and share: export, link, snippets) now speaks of the assessment made current.
      await redraw();
      const said = h("p", { class: "notice", tabindex: "-1" }, message);
      if (undo) {
        const button = h("button", { type: "button" }, t("undo"));
        button.addEventListener("click", async () => {
          const undone = undo();
          await redraw();
          say(h("p", { class: "notice", tabindex: "-1" }, undone)).firstChild.focus();
        });
        said.append(" ", button);
      }
      say(said);
      said.focus();
    },
  });
}

/**
 * The notice for a shared link that could not be opened (`broken`, as share.js's readLink gives
 * it): a preset of another release, or what could be recovered from the link (or that nothing
 * could). `open(profile)` opens the recovered assessment as a new copy; `dismiss()` closes the notice.
 */
export function brokenLinkNotice({ broken, words, t, nameOf, announce, open, dismiss }) {
  const { recovered } = broken;
  const close = h("button", { type: "button", class: "secondary" }, t("dismiss"));
  close.addEventListener("click", dismiss);
  let take = null;
  if (recovered) {
    take = h("button", { type: "button", id: "open-recovered" }, t("shareOpenRecovered"));
    take.addEventListener("click", async () => {
      await open(structuredClone(recovered.profile));
      announce(t("importOk", { name: nameOf(recovered.profile) }));
    });
  }
  return [
    ...(broken.stale !== undefined
      ? [h("p", {}, t("shareStale", { preset: isolate(broken.stale || "?") }))]
      : [h("p", {}, t("shareBroken")), h("p", {}, recovered ? t("shareRecovered", { name: nameOf(recovered.profile), count: words.number(recovered.answers) }) : t("shareNothing"))]),
    h("div", { class: "buttons" }, take, close),
  ];
}
