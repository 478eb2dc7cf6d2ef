// The editors' files, vscode.html-custom-data.json and web-types.json: what scripts/editors.mjs
// makes from custom-elements.json (a stale file fails here; SDO_BLESS=1 rewrites both), shipped
// and named by package.json, and read by VS Code's own HTML language service
// (vscode-html-languageservice), which must then offer both tags, their attributes and the
// theme's values, and describe them on hover.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import languageService from "vscode-html-languageservice";
import { root } from "../support/package.mjs";
import { expectCommitted } from "../support/bless.mjs";
import { outputs } from "../../scripts/editors.mjs";

const { getLanguageService, newHTMLDataProvider, TextDocument } = languageService;

const read = (file) => JSON.parse(readFileSync(join(root, file), "utf8"));
const manifest = read("custom-elements.json");
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);

test("both files are what scripts/editors.mjs makes from custom-elements.json", () => {
  for (const [file, text] of Object.entries(outputs())) expectCommitted(file, text, "tests/node/editors.test.mjs");
});

test("package.json ships and names them", () => {
  const pkg = read("package.json");
  assert.equal(pkg["web-types"], "./web-types.json");
  assert.equal(pkg.exports["./web-types.json"], "./web-types.json");
  assert.equal(pkg.exports["./vscode.html-custom-data.json"], "./vscode.html-custom-data.json");
  for (const file of ["web-types.json", "vscode.html-custom-data.json"]) assert.ok(pkg.files.includes(file), file);
});

/** VS Code's HTML language service with the package's custom data, as `html.customData` loads it. */
function vscode() {
  const service = getLanguageService({ customDataProviders: [newHTMLDataProvider("sdo-openness", read("vscode.html-custom-data.json"))] });
  const at = (text) => {
    const offset = text.indexOf("|");
    const document = TextDocument.create("file:///page.html", "html", 1, text.replace("|", ""));
    return { document, position: document.positionAt(offset), html: service.parseHTMLDocument(document) };
  };
  return {
    complete: (text) => {
      const { document, position, html } = at(text);
      return service.doComplete(document, position, html).items.map((i) => i.label);
    },
    hover: (text) => {
      const { document, position, html } = at(text);
      const value = service.doHover(document, position, html)?.contents;
      return typeof value === "object" ? value.value : String(value ?? "");
    },
  };
}

test("VS Code's HTML service completes the tags, their attributes and the theme's values", () => {
  const editor = vscode();
  const offered = editor.complete("<sdo-openness-|");
  for (const d of tags) assert.ok(offered.includes(d.tagName), `${d.tagName} in ${offered.filter((l) => l.startsWith("sdo")).join(", ")}`);
  for (const d of tags) {
    const attributes = editor.complete(`<${d.tagName} |`);
    for (const a of d.attributes) assert.ok(attributes.includes(a.name), `${d.tagName} ${a.name}`);
    assert.deepEqual(editor.complete(`<${d.tagName} theme="|"`).sort(), ["auto", "dark", "light"]);
  }
  assert.ok(!editor.complete("<sdo-openness-scorecard |").includes("label"), "label is the badge's alone");
  assert.match(editor.hover("<sdo-openness-bad|ge>"), /compact badge/);
  assert.match(editor.hover('<sdo-openness-badge th|eme="dark">'), /prefers-color-scheme/);
});

test("web-types.json describes each element as custom-elements.json does", () => {
  const webTypes = read("web-types.json");
  const pkg = read("package.json");
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  const elements = webTypes.contributions.html.elements;
  assert.deepEqual(elements.map((e) => e.name), tags.map((d) => d.tagName));
  for (const [i, d] of tags.entries()) {
    const e = elements[i];
    const names = (list) => list.map((x) => x.name);
    assert.deepEqual(names(e.attributes), names(d.attributes));
    assert.deepEqual(names(e.js.properties), names(d.members.filter((m) => m.kind === "field")));
    assert.deepEqual(names(e.js.events), names(d.events));
    assert.deepEqual(names(e.css.parts), names(d.cssParts));
    assert.deepEqual(names(e.css.properties), names(d.cssProperties));
    // The module named is a package entry, and it exports the symbol.
    assert.ok(pkg.exports[`./${e.source.module.replace(/^sdo-openness\//, "")}`], e.source.module);
    assert.deepEqual(names(e.attributes.find((a) => a.name === "theme").values), ["light", "dark", "auto"]);
  }
});
