// Records every Content-Security-Policy violation on the page in window.__csp, for
// tests/e2e/embed.rs. Loaded first, from a file (an inline script would itself be one).
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || ""));
}, true);
if (typeof ReportingObserver === "function") {
  new ReportingObserver(function (reports) {
    for (const r of reports) {
      window.__csp.push("report " + JSON.stringify(r.body));
    }
  }, { types: ["csp-violation"], buffered: true }).observe();
}
