// Records the widget's events and the browser's "invalid" reports on the registration
// form page (tests/embed/csp-form.html) in window.__events, for tests/e2e/form.rs.
window.__events = [];
for (const type of ["seminarplan-load", "seminarplan-change", "seminarplan-error"]) {
  // On the document: the events must bubble out of the shadow root to get here.
  document.addEventListener(type, (e) => {
    window.__events.push({ type, detail: e.detail, target: e.target.id });
  });
}
document.addEventListener("invalid", (e) => {
  window.__events.push({ type: "invalid", target: e.target.id, message: e.target.validationMessage });
}, true);
