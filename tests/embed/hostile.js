// The host page's own hash router, like a CMS or single-page site has: it rewrites
// location.hash at start and renders a "page" for each hash, on hashchange and popstate.
(function () {
  const view = () => document.getElementById("router-view");
  window.__hostRoutes = [];
  function render() {
    const route = location.hash || "#/";
    window.__hostRoutes.push(route);
    view().textContent = "Host page: " + route;
  }
  window.addEventListener("hashchange", render);
  window.addEventListener("popstate", render);
  document.addEventListener("DOMContentLoaded", function () {
    if (!location.hash) {
      location.hash = "#/start";
    }
    render();
  });
})();
