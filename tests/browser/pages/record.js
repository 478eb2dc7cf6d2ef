// Records every event the elements fire, for the tests to read.
window.events = [];
for (const type of ["sdo-openness-scored", "sdo-openness-error"]) {
  document.addEventListener(type, (e) => window.events.push({ type, id: e.target.id, detail: type.endsWith("error") ? e.detail : null }));
}
window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
