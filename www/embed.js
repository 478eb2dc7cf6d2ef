// The iframe-able scorecard for sites that cannot run scripts: everything comes from the URL
// fragment — #profile=<compressed profile>&lang=ar&theme=dark — which never reaches a server.
import "./elements/define.js";
import { decodeProfile, fragmentParams } from "./shared/fragment.js";
import { UI } from "./elements/ui.js";

const card = document.querySelector("sdo-openness-scorecard");

async function show() {
  const params = fragmentParams(location.hash);
  const lang = params.get("lang") ?? "en";
  document.documentElement.lang = lang;
  document.documentElement.dir = UI[lang]?.dir ?? "ltr";
  card.setAttribute("lang", lang);
  if (params.has("theme")) card.setAttribute("theme", params.get("theme"));
  if (params.has("weights")) card.setAttribute("weights", params.get("weights"));
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
