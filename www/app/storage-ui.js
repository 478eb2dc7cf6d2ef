// The store's notices, under the page's title: storage full or refused (stays until saving works
// again, with an export of everything), saved data that could not be read (each item exported
// byte for byte or deleted, only on the user's word), and a field two tabs changed at once (both
// values shown; the user chooses). Stored text is shown as text, isolated, never as HTML.
import { h } from "../elements/dom.js";
import { download } from "./share.js";
import { today } from "./common.js";

const SEP = "\u0000";

/** `{ render() }`: draws the notices for `store`; `t` gives the page's words, `resolved(path)` redraws a settled field. */
export function storageNotices({ store, t, words, resolved }) {
  const box = (id) => {
    let node = document.getElementById(id);
    if (!node) {
      node = h("div", { id, class: "notice storage-notice", hidden: "" });
      document.getElementById("shared-broken").before(node);
    }
    return node;
  };
  const button = (label, className, action, extra = {}) => {
    const b = h("button", { type: "button", class: className, ...extra }, label);
    b.addEventListener("click", action);
    return b;
  };
  let shownStatus = null;

  function renderStatus() {
    const node = box("storage-notice");
    const status = store.status === "failed" || store.status === "unavailable" ? store.status : null;
    if (status === shownStatus) return; // Drawn once per state: a screen reader hears it once.
    shownStatus = status;
    node.hidden = !status;
    node.setAttribute("role", "alert");
    if (!status) return node.replaceChildren();
    node.replaceChildren(
      h("p", {}, t(status === "failed" ? "storageFull" : "storageUnavailable")),
      h(
        "div",
        { class: "buttons" },
        button(t("exportEverything"), "export-all", () => download(`sdo-openness-everything-${today()}.json`, "application/json", store.exportAll())),
        status === "failed" ? button(t("retrySave"), "retry secondary", () => store.retry()) : null,
      ),
    );
  }

  let refused = null; // The item storage would not delete, said until the notice is drawn anew.
  function renderQuarantine() {
    const node = box("quarantine-notice");
    const items = store.quarantined;
    if (!items.includes(refused)) refused = null;
    node.hidden = !items.length;
    if (!items.length) return node.replaceChildren();
    node.replaceChildren(
      h("p", { id: "quarantine-intro" }, t(items.length === 1 ? "quarantinedOne" : "quarantinedMany", { count: words.number(items.length) })),
      h(
        "ul",
        { class: "quarantine" },
        items.map((item, n) =>
          h(
            "li",
            {},
            // Where it came from, in words: the old page's saved state, or a record of this page's.
            h("span", { id: `quarantine-${n}` }, t(item.from.startsWith("record:") ? "quarantinedRecord" : "quarantinedV1", { size: words.number(item.raw.length), date: item.at ? words.date(item.at.slice(0, 10)) : "" })),
            button(t("exportQuarantined"), "export secondary", () => download(`sdo-openness-unreadable-${n + 1}.json`, "application/octet-stream", item.raw), { "aria-describedby": `quarantine-${n}` }),
            " ",
            button(
              t("deleteQuarantined"),
              "delete secondary",
              async () => {
                if (!window.confirm(t("confirmForget"))) return;
                if (await store.forget(item.qid)) return document.getElementById("view")?.focus();
                // Never pretended: the item stays listed, and the page says it could not delete it.
                refused = item;
                renderQuarantine();
                /** @type {NodeListOf<HTMLButtonElement>} */ (node.querySelectorAll("button.delete"))[store.quarantined.indexOf(item)]?.focus();
              },
              { "aria-describedby": `quarantine-${n}` },
            ),
            item === refused ? h("p", { role: "alert", class: "refused" }, t("deleteRefused")) : null,
          ),
        ),
      ),
    );
  }

  const label = (path) => {
    const [head, key] = path.split(SEP);
    if (head === "process") return { name: t("name"), organization: t("organization"), scope: t("scope"), url: t("url"), assessedOn: t("assessedOn"), assessor: t("assessor") }[key] ?? key;
    if (head === "answers" || head === "held") return t("conflictAnswer", { id: key });
    if (head === "review") return t("review");
    return head;
  };
  const shown = (value) => (value === undefined || value === "" ? t("conflictEmpty") : typeof value === "string" ? value : JSON.stringify(value));
  const current = (path) => {
    const [head, key] = path.split(SEP);
    const profile = store.current?.profile ?? {};
    return key === undefined ? profile[head] : head === "held" ? store.current?.held?.[key] : profile[head]?.[key];
  };

  let drawnConflicts = null;
  function renderConflicts() {
    const node = box("conflict-notice");
    const conflicts = store.current?.conflicts ?? [];
    // Drawn again only when what it would show changed: another tab's saves arrive often, and
    // redrawing would move the reader's focus and pointer out from under them.
    const drawing = JSON.stringify([document.documentElement.lang, conflicts.map((c) => [c.path, c.other, current(c.path)])]);
    if (drawing === drawnConflicts && node.isConnected) return;
    drawnConflicts = drawing;
    node.hidden = !conflicts.length;
    node.setAttribute("role", "status");
    if (!conflicts.length) return node.replaceChildren();
    node.replaceChildren(
      ...conflicts.map((c, n) =>
        h(
          "div",
          { class: "conflict", role: "group", "aria-labelledby": `conflict-${n}` },
          h("p", { id: `conflict-${n}` }, t("conflict", { field: label(c.path) })),
          h("dl", {}, h("dt", {}, t("conflictShown")), h("dd", {}, h("bdi", {}, shown(current(c.path)))), h("dt", {}, t("conflictOther")), h("dd", {}, h("bdi", {}, shown(c.other)))),
          h(
            "div",
            { class: "buttons" },
            button(t("keepShown"), "keep-shown", () => settle(c.path, "shown")),
            button(t("useOther"), "use-other secondary", () => settle(c.path, "other")),
          ),
        ),
      ),
    );
  }

  function settle(path, take) {
    store.resolve(path, take);
    resolved(path);
    renderConflicts();
    document.getElementById("view")?.focus();
  }

  return {
    render() {
      renderStatus();
      renderQuarantine();
      renderConflicts();
    },
    status: renderStatus,
    quarantine: renderQuarantine,
    conflicts: renderConflicts,
    reset() {
      shownStatus = undefined; // The language changed: draw the status notice again in it.
    },
  };
}
