// The unbundled elements (www/elements), on the engine or — through an import map that run.mjs
// adds — on the JavaScript peer. Records navigation → painted scorecard, and offers the
// connected → painted measurement.
import "/www/elements/define.js";

document.addEventListener("sdo-openness-scored", () => requestAnimationFrame(() => (window.loaded = performance.now())), { once: true });

window.connectToRender = async (profile, runs) => {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const card = document.createElement("sdo-openness-scorecard");
    card.profile = profile;
    const done = new Promise((resolve) => card.addEventListener("sdo-openness-scored", () => requestAnimationFrame(() => resolve(performance.now())), { once: true }));
    const start = performance.now();
    document.body.append(card);
    samples.push((await done) - start);
    card.remove();
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1) };
};
