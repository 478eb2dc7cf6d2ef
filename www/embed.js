// The iframe-able scorecard for sites that cannot run scripts: everything comes from the URL
// fragment — #profile=<compressed profile>&lang=ar&theme=dark — which never reaches a server.
import "./elements/define.js";
import { decodeProfile, fragmentParams } from "./shared/fragment.js";
import { UI } from "./elements/ui.js";

const card = document.querySelector("sdo-openness-scorecard");

/** Sets or removes an attribute, so that a later fragment without it undoes an earlier one. */
function reflect(name, value) {
  if (value === null) card.removeAttribute(name);
  else card.setAttribute(name, value);
}

async function show() {
  const params = fragmentParams(location.hash);
  const lang = (params.get("lang") ?? "en").toLowerCase().split("-")[0];
  const ui = UI[lang] ?? UI.en;
  document.documentElement.lang = UI[lang] ? lang : "en";
  document.documentElement.dir = ui.dir;
  document.title = ui.title;
  card.setAttribute("lang", document.documentElement.lang);
  reflect("theme", params.get("theme"));
  reflect("weights", params.get("weights"));
  const packed = params.get("profile");
  try {
    // Undecodable text goes to the element too, which then shows its own error state.
    card.profile = packed ? await decodeProfile(packed) : "";
  } catch {
    card.profile = "";
  }
}

window.addEventListener("hashchange", show);
show();
