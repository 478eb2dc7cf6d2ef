// custom-elements.json against the element classes: valid under the Custom Elements Manifest
// schema 2.1.0 (the custom-elements-manifest package), and, for both elements, every observed
// attribute, property, static method and event of the class appears in it and nothing else does.
// Shadow parts and CSS custom properties are taken from what the elements do in Chromium: every
// `part` they draw (scored, insufficient data, error and loading states), and every
// `--sdo-openness-*` property that, set on the element, changes a computed style inside it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import { serve } from "../../scripts/serve.mjs";
import { launchChromium, root } from "../support/package.mjs";
import { SdoOpennessBadgeElement } from "../../www/elements/badge.js";
import { SdoOpennessScorecardElement } from "../../www/elements/scorecard.js";
import { SdoOpennessElement, SCORED, ERROR } from "../../www/elements/element.js";

const manifest = JSON.parse(readFileSync(join(root, "custom-elements.json"), "utf8"));
const CLASSES = { "sdo-openness-badge": SdoOpennessBadgeElement, "sdo-openness-scorecard": SdoOpennessScorecardElement };

/** The manifest's declaration of `tag`. */
function declared(tag) {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName === tag);
  assert.equal(found.length, 1, `one declaration of ${tag}`);
  return found[0];
}
const names = (list = []) => list.map((x) => x.name).sort();

test("custom-elements.json is valid under the Custom Elements Manifest schema 2.1.0", () => {
  const schema = JSON.parse(readFileSync(join(root, "node_modules/custom-elements-manifest/schema.json"), "utf8"));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.equal(manifest.schemaVersion, "2.1.0");
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  // Every module and reference it names exists in the package.
  const shipped = new Set(manifest.modules.map((m) => m.path));
  for (const m of manifest.modules) assert.doesNotThrow(() => readFileSync(join(root, m.path)), m.path);
  const refs = JSON.stringify(manifest).matchAll(/"module":"([^"]+)"/g);
  for (const [, path] of refs) assert.ok(shipped.has(path), `a reference to ${path}, which the manifest does not describe`);
});

for (const [tag, element] of Object.entries(CLASSES)) {
  test(`${tag}: attributes, properties, methods and events match the class`, () => {
    const d = declared(tag);
    assert.equal(d.name, element.name);
    assert.deepEqual(names(d.attributes), [...element.observedAttributes].sort());
    // Public accessors the class and its base define (HTMLElement's own, such as lang, are not ours).
    const accessors = new Set();
    for (let proto = element.prototype; proto && proto !== Object.prototype && proto !== Object.getPrototypeOf(SdoOpennessElement.prototype); proto = Object.getPrototypeOf(proto))
      for (const [key, desc] of Object.entries(Object.getOwnPropertyDescriptors(proto))) if (desc.get || desc.set) accessors.add(key);
    const fields = d.members.filter((m) => m.kind === "field" && !m.static);
    assert.deepEqual(names(fields), [...accessors].sort());
    for (const f of fields) {
      const desc = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element.prototype), f.name) ?? Object.getOwnPropertyDescriptor(element.prototype, f.name);
      const where = desc ? null : Object.getOwnPropertyDescriptor(SdoOpennessElement.prototype, f.name);
      assert.equal(Boolean(f.readonly), !(desc ?? where).set, `${f.name}: readonly says whether it has a setter`);
    }
    // An attribute's field, where it has one, is a field of the class.
    for (const a of d.attributes) if (a.fieldName) assert.ok(accessors.has(a.fieldName), `${a.name} → ${a.fieldName}`);
    const statics = Object.getOwnPropertyNames(element).filter((k) => typeof element[k] === "function");
    assert.deepEqual(names(d.members.filter((m) => m.kind === "method" && m.static)), statics.sort());
    assert.deepEqual(names(d.members.filter((m) => m.kind === "method" && !m.static)), []);
    // The events: what element.js dispatches.
    const source = readFileSync(join(root, "www/elements/element.js"), "utf8");
    const dispatched = [...source.matchAll(/new CustomEvent\((\w+)/g)].map((m) => ({ SCORED, ERROR })[m[1]]);
    assert.deepEqual(names(d.events), [...new Set(dispatched)].sort());
  });
}

let browser, server, page, seen;

before(async () => {
  server = await serve({ root, port: 0 });
  browser = await launchChromium();
  page = await browser.newPage();
  // A profile that never arrives, for the loading state.
  await page.route("**/never.json", () => {});
  await page.route("**/manifest.html", (route) =>
    route.fulfill({ contentType: "text/html", body: '<!doctype html><html lang="en"><title>manifest</title><body></body></html>' }),
  );
  await page.goto(`http://127.0.0.1:${server.address().port}/manifest.html`);
  // Between them, every band in a pillar and a pillar with insufficient data.
  const fixtures = ["/tests/fixtures/open-working-group.json", "/tests/fixtures/members-only-committee.json", "/www/presets/3gpp.json"];
  seen = await page.evaluate(async ({ fixtures, tags }) => {
    await import("/www/elements/define.js");
    const made = [];
    for (const tag of tags) {
      for (const src of [...fixtures, "/no/such/profile.json", "/never.json"]) {
        const el = document.createElement(tag);
        el.setAttribute("src", src);
        document.body.append(el);
        made.push(el);
      }
      const invalid = document.createElement(tag);
      invalid.profile = "{";
      document.body.append(invalid);
      made.push(invalid);
    }
    const settled = (el) => el.report || el.shadowRoot.querySelector("[part=error]") || el.getAttribute("src") === "/never.json";
    for (let i = 0; i < 200 && !made.every(settled); i++) await new Promise((r) => setTimeout(r, 25));
    // Open every <details>, so that what they hold is drawn and styled too.
    for (const el of made) for (const d of el.shadowRoot.querySelectorAll("details")) d.open = true;
    const STYLES = ["color", "background-color", "background-image", "border-top-color", "border-inline-start-color", "border-bottom-color", "outline-color", "font-family", "font-size", "border-top-left-radius", "fill", "stroke"];
    const snapshot = (el) => [...el.shadowRoot.querySelectorAll("*")].map((n) => STYLES.map((s) => getComputedStyle(n).getPropertyValue(s)).join("|")).join("\n");
    const props = [...new Set([...document.styleSheets, ...made[0].shadowRoot.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n").match(/--sdo-openness-[a-z-]+/g))];
    const value = (p) => (p.endsWith("font") ? "monospace" : p.endsWith("font-size") ? "37px" : p.endsWith("radius") ? "13px" : "rgb(1, 2, 3)");
    const out = {};
    for (const tag of tags) {
      const mine = made.filter((el) => el.localName === tag);
      const before = mine.map(snapshot);
      const used = [];
      for (const p of props) {
        for (const el of mine) el.style.setProperty(p, value(p));
        if (mine.some((el, i) => snapshot(el) !== before[i])) used.push(p);
        for (const el of mine) el.style.removeProperty(p);
      }
      const parts = new Set(mine.flatMap((el) => [...el.shadowRoot.querySelectorAll("[part]")].flatMap((n) => n.getAttribute("part").split(/\s+/))));
      out[tag] = { used: used.sort(), parts: [...parts].sort(), props, states: mine.map((el) => (el.report ? "scored" : el.shadowRoot.querySelector("[part=error]") ? "error" : "loading")) };
    }
    return out;
  }, { fixtures, tags: Object.keys(CLASSES) });
});

after(async () => {
  await browser?.close();
  server?.close();
});

for (const tag of Object.keys(CLASSES)) {
  test(`${tag}: shadow parts and CSS custom properties match what it draws and uses`, () => {
    const d = declared(tag);
    assert.deepEqual(seen[tag].states, ["scored", "scored", "scored", "error", "loading", "error"], "every state was drawn");
    assert.deepEqual(names(d.cssParts), seen[tag].parts);
    assert.deepEqual(names(d.cssProperties), seen[tag].used);
  });
}

test("every CSS custom property the stylesheet reads is declared for some element", () => {
  const declaredProps = new Set(Object.keys(CLASSES).flatMap((tag) => names(declared(tag).cssProperties)));
  const read = seen["sdo-openness-badge"].props;
  assert.ok(read.length > 10, read.join(" "));
  assert.deepEqual(read.filter((p) => !declaredProps.has(p)), []);
});
