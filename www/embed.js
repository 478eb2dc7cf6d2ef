// The iframe-able scorecard for sites that cannot run scripts: everything comes from the URL
// fragment — #profile=<compressed profile>&lang=ar&theme=dark, or for an assessment made from a
// preset #patch=…&base=<preset id>&sum=… (app/patch.js) — which never reaches a server.
import "./elements/define.js";
import { decodeProfile, fragmentParams } from "./shared/fragment.js";
import { readPatchLink, presetKey } from "./app/patch.js";
import { messages } from "./elements/messages.js";

const card = /** @type {import("./elements/scorecard.js").SdoOpennessScorecardElement} */ (document.querySelector("sdo-openness-scorecard"));
const notice = /** @type {HTMLElement} */ (document.querySelector("#broken"));

/** Why no scorecard is shown, in the embed's language: a cut link must never show scores. */
const BROKEN = {
  en: {
    broken: "The link to this scorecard is broken or cut short, so no scores are shown. The site showing it can copy the embed code again from the assessment page.",
    stale: "This scorecard was made from a version of the preset {preset} that this server no longer has, so no scores are shown. The site showing it can copy the embed code again from the assessment page.",
  },
  fr: {
    broken: "Le lien de cette fiche d’évaluation est abîmé ou tronqué : aucun score n’est donc affiché. Le site qui l’affiche peut copier de nouveau le code d’intégration depuis la page d’évaluation.",
    stale: "Cette fiche a été faite à partir d’une version de l’évaluation prédéfinie {preset} que ce serveur n’a plus : aucun score n’est donc affiché. Le site qui l’affiche peut copier de nouveau le code d’intégration depuis la page d’évaluation.",
  },
  es: {
    broken: "El enlace de esta ficha está dañado o incompleto, así que no se muestra ninguna puntuación. El sitio que la muestra puede copiar de nuevo el código de inserción desde la página de evaluación.",
    stale: "Esta ficha se hizo a partir de una versión de la evaluación predefinida {preset} que este servidor ya no tiene, así que no se muestra ninguna puntuación. El sitio que la muestra puede copiar de nuevo el código de inserción desde la página de evaluación.",
  },
  ru: {
    broken: "Ссылка на эту карточку повреждена или обрезана, поэтому баллы не показаны. Сайт, который её показывает, может снова скопировать код для встраивания со страницы оценки.",
    stale: "Эта карточка сделана на основе версии готовой оценки {preset}, которой на этом сервере больше нет, поэтому баллы не показаны. Сайт, который её показывает, может снова скопировать код для встраивания со страницы оценки.",
  },
  zh: {
    broken: "此评分卡的链接已损坏或被截断，因此不显示任何分数。显示它的网站可以从评估页面重新复制嵌入代码。",
    stale: "此评分卡基于预设评估 {preset} 的某个版本，而本服务器已不再有该版本，因此不显示任何分数。显示它的网站可以从评估页面重新复制嵌入代码。",
  },
  ar: {
    broken: "رابط بطاقة التقييم هذه تالف أو مقطوع، لذا لا تُعرض أي درجات. يمكن للموقع الذي يعرضها نسخ رمز التضمين مرة أخرى من صفحة التقييم.",
    stale: "أُعدّت بطاقة التقييم هذه انطلاقاً من نسخة من التقييم المُعدّ مسبقاً {preset} لم تعد موجودة على هذا الخادم، لذا لا تُعرض أي درجات. يمكن للموقع الذي يعرضها نسخ رمز التضمين مرة أخرى من صفحة التقييم.",
  },
};

/** Sets or removes an attribute, so that a later fragment without it undoes an earlier one. */
function reflect(name, value) {
  if (value === null) card.removeAttribute(name);
  else card.setAttribute(name, value);
}

/** The preset with this id as this server has it, or null. */
async function preset(id) {
  const key = presetKey(id);
  if (!key) return null;
  const response = await fetch(`presets/${key}.json`);
  return response.ok ? response.json() : null;
}

/** Shows the scorecard, or instead says why the link cannot be shown (text only). */
function showing(why, lang, preset = "") {
  card.hidden = why !== null;
  notice.hidden = why === null;
  // The preset id is isolated: it reads left to right inside an Arabic sentence.
  notice.textContent = why === null ? "" : BROKEN[lang][why].replace("{preset}", `\u2068${preset.replace(/[^a-z0-9-]/g, "")}\u2069`);
}

/** The profile's JSON text the fragment carries, or why there is none to show. */
async function carried(params) {
  if (params.has("patch")) {
    const read = await readPatchLink(params, preset);
    return read.profile !== undefined ? { text: read.profile } : read.stale !== undefined ? { why: "stale", preset: read.stale } : { why: "broken" };
  }
  const packed = params.get("profile");
  if (!packed) return { text: "" }; // Nothing to show: the element says so itself.
  try {
    const text = await decodeProfile(packed);
    JSON.parse(text); // A link the page made is always whole JSON: anything else was cut or damaged.
    return { text };
  } catch {
    return { why: "broken" };
  }
}

async function show() {
  const params = fragmentParams(location.hash);
  const lang = (params.get("lang") ?? "en").toLowerCase().split("-")[0];
  // The card's own catalogue: English throughout if the language is not offered or its words fail to load.
  const words = await messages(lang);
  const shown = words.locale;
  document.documentElement.lang = shown;
  document.documentElement.dir = words.dir;
  document.title = words.text("title");
  document.querySelector("#title").textContent = words.text("title");
  card.setAttribute("lang", shown);
  reflect("theme", params.get("theme"));
  reflect("weights", params.get("weights"));
  const { text, why, preset } = await carried(params);
  if (why) return showing(why, shown, preset);
  showing(null, shown);
  card.profile = text;
}

window.addEventListener("hashchange", show);
show();
