// The editors' descriptions of the two elements, from custom-elements.json, the one source:
//   vscode.html-custom-data.json  VS Code's HTML custom data (settings: "html.customData")
//   web-types.json                JetBrains IDEs' web-types (found through package.json "web-types")
// tests/node/editors.test.mjs fails when either committed file is not what `outputs()` gives, so a
// change to custom-elements.json that is not carried into them fails the tests;
// `SDO_BLESS=1 node --test tests/node/editors.test.mjs` rewrites them (tests/README.md).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

/** The declarations of custom elements in `manifest`, each with the module that declares it. */
function elements(manifest) {
  return manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => ({ ...d, module: m.path })));
}

/** The values of a type written as a union of string literals ("'light' | 'dark'"), else null. */
function literals(type) {
  const parts = (type?.text ?? "").split("|").map((s) => s.trim());
  return parts.length > 0 && parts.every((p) => /^'[^']*'$/.test(p)) ? parts.map((p) => p.slice(1, -1)) : null;
}

/** The package entry that registers or exports a class, from its module path. */
const entry = (module) => `sdo-openness/elements/${module.replace(/^www\/elements\/|\.js$/g, "")}`;

export function vscode(manifest) {
  return {
    $schema: "https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json",
    version: 1.1,
    tags: elements(manifest).map((d) => ({
      name: d.tagName,
      description: d.description,
      attributes: d.attributes.map((a) => {
        const values = literals(a.type);
        return {
          name: a.name,
          description: [a.description, a.default ? `Default: ${a.default}.` : null].filter(Boolean).join(" "),
          ...(values ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
    })),
  };
}

export function webTypes(manifest, pkg) {
  const described = (x) => (x.description ? { description: x.description } : {});
  return {
    $schema: "https://json.schemastore.org/web-types",
    name: pkg.name,
    version: pkg.version,
    "description-markup": "markdown",
    contributions: {
      html: {
        elements: elements(manifest).map((d) => ({
          name: d.tagName,
          description: d.description,
          source: { module: entry(d.module), symbol: d.name },
          attributes: d.attributes.map((a) => {
            const values = literals(a.type);
            return {
              name: a.name,
              ...described(a),
              ...(a.default ? { default: a.default } : {}),
              value: { kind: "plain", type: a.type?.text ?? "string" },
              ...(values ? { values: values.map((name) => ({ name })) } : {}),
            };
          }),
          js: {
            properties: d.members
              .filter((m) => m.kind === "field" && !m.static)
              .map((m) => ({ name: m.name, ...described(m), ...(m.readonly ? { "read-only": true } : {}), value: { type: m.type?.text ?? "unknown" } })),
            events: d.events.map((e) => ({ name: e.name, ...described(e), ...(e.type ? { value: { type: e.type.text } } : {}) })),
          },
          css: {
            parts: d.cssParts.map((p) => ({ name: p.name, ...described(p) })),
            properties: d.cssProperties.map((p) => ({ name: p.name, ...described(p) })),
          },
        })),
      },
    },
  };
}

/** Both files' names and their text, as this script writes them. */
export function outputs() {
  const manifest = JSON.parse(readFileSync(join(root, "custom-elements.json"), "utf8"));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const text = (value) => `${JSON.stringify(value, null, 2)}\n`;
  return { "vscode.html-custom-data.json": text(vscode(manifest)), "web-types.json": text(webTypes(manifest, pkg)) };
}
