// Seminarplan's loader: defines the <seminar-plan> element and starts the widget in
// each one, inside an open shadow root. It finds the widget's other files next to
// itself (import.meta.url), so it works from any path. No inline code, no eval: it runs
// under `script-src 'self' 'wasm-unsafe-eval'`.
//
// dist/seminar-plan.js is made from web/seminar-plan.js by scripts/loader.sh (a Trunk
// post-build hook), which fills in this build's hashed file names.
const BINDINGS = "__SP_BINDINGS__";
const WASM = "__SP_WASM__";
// The demo programme, shown when the element names no programme file (`src`).
const DEMO = "./demo/programme.json";

const TEXT = {
  sv: {
    loading: "Programmet laddas …",
    failed: "Programmet kan inte visas i den här webbläsaren.",
    file: "Öppna programfilen",
  },
  en: {
    loading: "Loading the programme …",
    failed: "The programme cannot be shown in this browser.",
    file: "Open the programme file",
  },
};

const SETTINGS = ["src", "lang", "namespace", "url", "view", "now", "timeout"];

let ready = null;

// Loads and starts the wasm once, for every element on the page.
function load() {
  if (ready === null) {
    ready = (async () => {
      if (typeof WebAssembly !== "object") {
        throw new Error("WebAssembly is not available");
      }
      const bindings = await import(new URL(BINDINGS, import.meta.url).href);
      SeminarPlan.wasm = await bindings.default({
        module_or_path: new URL(WASM, import.meta.url),
      });
      return bindings;
    })();
  }
  return ready;
}

function setting(el, name) {
  const value = el.getAttribute(name) ?? el.getAttribute("data-" + name);
  return value === null ? "" : value.trim();
}

// Shows a plain message in the element: "loading", or "failed" with a link to the
// programme file so the visitor can still read it.
function show(el, root, kind) {
  const text = setting(el, "lang").toLowerCase().startsWith("en") ? TEXT.en : TEXT.sv;
  const p = document.createElement("p");
  p.setAttribute("role", kind === "loading" ? "status" : "alert");
  p.textContent = text[kind];
  const src = setting(el, "src");
  if (kind === "failed" && src !== "") {
    const a = document.createElement("a");
    a.href = src;
    a.textContent = text.file;
    p.append(" ", a);
  }
  root.replaceChildren(p);
}

class SeminarPlan extends HTMLElement {
  static observedAttributes = SETTINGS.flatMap((name) => [name, "data-" + name]);

  connectedCallback() {
    this.start();
  }

  disconnectedCallback() {
    this.stop();
  }

  attributeChangedCallback() {
    if (this.widget) {
      this.stop();
      this.start();
    }
  }

  start() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    if (this.widget || this.loading) {
      return;
    }
    show(this, root, "loading");
    this.loading = true;
    load()
      .then((bindings) => {
        this.loading = false;
        if (this.isConnected && !this.widget) {
          this.widget = bindings.mount(this, root, new URL(DEMO, import.meta.url).href);
        }
      })
      .catch((error) => {
        this.loading = false;
        console.error("Seminarplan:", error);
        show(this, root, "failed");
      });
  }

  stop() {
    if (this.widget) {
      this.widget.destroy();
      this.widget = null;
    }
  }
}

if (!customElements.get("seminar-plan")) {
  customElements.define("seminar-plan", SeminarPlan);
}
