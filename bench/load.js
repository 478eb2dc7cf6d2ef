// Navigation → the scorecard showing its scores (the frame after the first scored render).
document.addEventListener("sdo-openness-scored", () => requestAnimationFrame(() => (window.loaded = performance.now())), { once: true });
