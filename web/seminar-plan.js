// Seminarplan __SP_VERSION__ (the version in Cargo.toml; CHANGELOG.md says what it holds).
//
// Seminarplan's loader: defines the <seminar-plan> element and starts the widget in
// each one, inside an open shadow root. It finds the widget's other files next to
// itself (import.meta.url), so it works from any path. No inline code, no eval: it runs
// under `script-src 'self' 'wasm-unsafe-eval'`.
//
// dist/seminar-plan.js is made from web/seminar-plan.js by scripts/loader.sh (a Trunk
// post-build hook), which fills in this build's hashed file names and its version.
//
// Three wasm modules, each with its wasm-bindgen JavaScript: the widget, loaded for the
// first <seminar-plan> on the page; the importer, loaded the first time a programme file
// is not in our own format (frab, Pentabarf, pretalx, spreadsheets); and the organisers'
// check page, loaded only for <seminar-plan-check>. All are fetched from beside this file,
// so `script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'` covers them.
const BINDINGS = "__SP_BINDINGS__";
const WASM = "__SP_WASM__";
const IMPORT_BINDINGS = "__SP_IMPORT_BINDINGS__";
const IMPORT_WASM = "__SP_IMPORT_WASM__";
const WORKBOOK_BINDINGS = "__SP_WORKBOOK_BINDINGS__";
const WORKBOOK_WASM = "__SP_WORKBOOK_WASM__";
const CHECK_BINDINGS = "__SP_CHECK_BINDINGS__";
const CHECK_WASM = "__SP_CHECK_WASM__";
// This release's version (Cargo.toml's): `el.version`, and the check page's footer.
const VERSION = "__SP_VERSION__";
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

// Every attribute the widget reads (`src/browser/mount.rs`): changing one restarts it.
const SETTINGS = ["src", "lang", "namespace", "url", "view", "now", "timeout", "keep-params"];

// Each module's start, by the name of its JavaScript: loaded and started once per page.
const started = new Map();

// Loads and starts one wasm module (its JavaScript `bindings`, its wasm `wasm`) once.
// `instance` above 0 loads a fresh copy of the bindings (a module is instantiated once per
// URL), after the previous instance stopped on a panic.
function loadModule(bindings, wasm, instance = 0) {
  if (!started.has(bindings)) {
    const start = (async () => {
      if (typeof WebAssembly !== "object") {
        throw new Error("WebAssembly is not available");
      }
      const url = new URL(bindings, import.meta.url);
      if (instance > 0) {
        url.searchParams.set("instance", String(instance));
      }
      const module = await import(url.href);
      const exports = await module.default({ module_or_path: new URL(wasm, import.meta.url) });
      return { module, exports };
    })();
    started.set(bindings, start);
    // A module that failed to load (offline, say) is tried again next time.
    start.catch(() => started.delete(bindings));
  }
  return started.get(bindings);
}

// The importer: a file's text in another format → the handoff text the widget reads
// (`seminarplan_core::import::handoff`). Without a text it only loads the importer (the
// widget asks as soon as a file's first bytes show that it will need it). A workbook's
// bytes (a Uint8Array) go to the workbook reader's `convert` instead.
async function convert(text) {
  const importer = await (text instanceof Uint8Array
    ? loadModule(WORKBOOK_BINDINGS, WORKBOOK_WASM)
    : loadModule(IMPORT_BINDINGS, IMPORT_WASM));
  return text === undefined ? "" : importer.module.convert(text);
}

// Recovering from a panic (issue 28). The release build aborts on a panic, which stops
// the one instance of the widget's module that every widget on the page shares. Its panic
// hook calls `crashed` with the instance's number: the loader then loads a fresh instance
// and starts every widget again in it, each first taking its own part out of the page's
// address (which it may have stopped on: a crafted link), so neither the other widgets
// nor a reload stay dead. At most `MAX_RECOVERIES` times per page, so a fault that is not
// in the address cannot loop; its message then stays.
const MAX_RECOVERIES = 3;
let instance = 0;

function crashed(stopped) {
  if (stopped !== instance || instance >= MAX_RECOVERIES) {
    return;
  }
  instance += 1;
  started.delete(BINDINGS);
  // After the trap has unwound out of the stopped instance.
  setTimeout(() => {
    for (const el of document.querySelectorAll("seminar-plan")) {
      el.restartAfterPanic?.();
    }
  }, 0);
}

// The widget's module, with the importer handed to it.
// (Its exports, with its memory, are kept on the element's class for the benchmark.)
async function loadWidget() {
  const current = instance;
  const { module, exports } = await loadModule(BINDINGS, WASM, current);
  SeminarPlan.wasm = exports;
  module.set_importer(convert);
  module.set_on_panic?.(() => crashed(current));
  return module;
}

async function loadCheckPage() {
  return (await loadModule(CHECK_BINDINGS, CHECK_WASM)).module;
}

function setting(el, name) {
  const value = el.getAttribute(name) ?? el.getAttribute("data-" + name);
  return value === null ? "" : value.trim();
}

// The programme pasted inside the element as HTML (`seminarplan-check --html`, or the check
// page's snippet): visitors see it until the widget has painted, and wherever the widget
// cannot run at all.
function staticContent(el) {
  return el.querySelector(":scope > .seminarplan-static");
}

// Shows a plain message in the element: "loading", or "failed" with a link to the
// programme file so the visitor can still read it. Where the element holds the programme
// as HTML, that is shown instead (through a slot), with no message.
function show(el, root, kind) {
  if (staticContent(el)) {
    root.replaceChildren(document.createElement("slot"));
    return;
  }
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

// Where the element holds the programme as HTML, the widget (just mounted, the last child
// of `root`) is drawn hidden while the HTML stays in view through a slot; `takeOver` then
// swaps them once the widget has its programme on screen.
function holdStatic(el, root) {
  const widget = root.lastElementChild;
  if (!staticContent(el) || !widget) {
    return;
  }
  widget.hidden = true;
  root.prepend(document.createElement("slot"));
}

// The session the visitor is at in the HTML programme: the one the address names
// (`#s-301`), the one holding focus, or the first one at the top of the window, with its
// distance from the top, so that the widget can put the same session in the same place.
function sessionInView(content) {
  const byId = (id) => {
    const found = id && document.getElementById(id);
    return found && content.contains(found) && found.localName === "article" ? found : null;
  };
  let named = null;
  try {
    named = byId(decodeURIComponent(location.hash.slice(1)));
  } catch {
    // A malformed address (`#%E0`) names no session.
  }
  const focused = content.contains(document.activeElement);
  const focusedIn = focused ? document.activeElement.closest("article") : null;
  const top = Array.from(content.querySelectorAll(":scope > article")).find(
    (a) => a.getBoundingClientRect().bottom > 0,
  );
  const at = focusedIn ?? top;
  return {
    hash: named?.id ?? null,
    focused,
    id: at?.id ?? null,
    offset: at ? at.getBoundingClientRect().top : 0,
    scrolled: content.getBoundingClientRect().top < 0,
  };
}

// The widget takes the HTML programme's place (in one task, so no frame shows both or
// neither): the same session stays where it was in the window, focus moves to its card
// (or into the widget), and a session named in the address is opened.
function takeOver(el, root) {
  const content = staticContent(el);
  // (`:scope` does not name a shadow root: its children are looked at directly.)
  const slot = Array.from(root.children).find((c) => c.localName === "slot");
  const widget = Array.from(root.children).find((c) => c.localName !== "slot");
  if (!content || !slot || !widget) {
    return;
  }
  const at = sessionInView(content);
  slot.remove();
  widget.hidden = false;
  const card = at.id ? root.querySelector(`[data-session="${CSS.escape(at.id)}"]`) : null;
  if (card && at.scrolled) {
    window.scrollBy(0, card.getBoundingClientRect().top - at.offset);
  }
  if (at.focused) {
    const target = card?.querySelector("button") ?? widget.querySelector("button, input, a[href]");
    target?.focus({ preventScroll: true });
  }
  if (at.hash) {
    el.openSession(at.hash);
  }
}

// Attributes read again without restarting the widget: the form value's name and what the
// form asks for.
const FORM_ATTRIBUTES = ["name", "choose", "required"];

// The plan and form value as the widget reports them. The widget tells the element through
// a bridge object that only the loader and the widget hold (`emit`), and the element's API
// calls the widget through it (`command`). Events are composed and bubble, so they cross the
// shadow root and reach the host page's form and document.

// Starts the entry point `entry` of the module `load` gives (`mount` of the widget,
// `mount_check` of the check page) for `el` in its shadow root with the further arguments
// `args`, showing "loading" until then and "failed" if the browser cannot run it; `then`
// runs once the widget is there.
function startIn(el, load, entry, args = [], then = () => {}) {
  const root = el.shadowRoot ?? el.attachShadow({ mode: "open" });
  if (el.widget || el.loading) {
    return;
  }
  show(el, root, "loading");
  el.loading = true;
  load()
    .then((bindings) => {
      el.loading = false;
      if (el.isConnected && !el.widget) {
        el.widget = bindings[entry](el, root, ...args);
        holdStatic(el, root);
        then();
      }
    })
    .catch((error) => {
      el.loading = false;
      console.error("Seminarplan:", error);
      show(el, root, "failed");
    });
}

class SeminarPlan extends HTMLElement {
  static formAssociated = true;
  static observedAttributes = [
    ...SETTINGS.flatMap((name) => [name, "data-" + name]),
    ...FORM_ATTRIBUTES,
  ];

  #internals = this.attachInternals();
  #plan = null;
  #bridge = { emit: (kind, json) => this.#receive(kind, JSON.parse(json)), command: null };

  // The release this page runs (Cargo.toml's version), for a bug report.
  static version = VERSION;

  get version() {
    return VERSION;
  }

  connectedCallback() {
    this.start();
  }

  disconnectedCallback() {
    this.stop();
  }

  attributeChangedCallback(name) {
    if (FORM_ATTRIBUTES.includes(name)) {
      this.#command("validate");
      this.#setValue();
    } else if (this.widget) {
      this.stop();
      this.start();
    }
  }

  start() {
    startIn(
      this,
      loadWidget,
      "mount",
      [this.#bridge, new URL(DEMO, import.meta.url).href],
      () => {
        this.#bridge.recovered = false;
        this.#applyDisabled();
      },
    );
  }

  // Starts again in a fresh instance after a panic stopped the old one (see `crashed`);
  // the old widget is not destroyed: its instance must not be called again.
  restartAfterPanic() {
    if (!this.isConnected) {
      return;
    }
    this.widget = null;
    this.loading = false;
    this.#bridge.command = null;
    this.#bridge.recovered = true;
    this.start();
  }

  stop() {
    if (this.widget) {
      this.widget.destroy();
      this.widget = null;
    }
  }

  // What the widget reports: "load", "plan" (after every change) or "error".
  #receive(kind, data) {
    if (kind === "load" && this.shadowRoot) {
      takeOver(this, this.shadowRoot);
    }
    if (kind === "error") {
      // The widget's message above the pasted programme, which stays.
      const held = Array.from(this.shadowRoot?.children ?? []).find((c) => c.hidden);
      if (held) {
        held.hidden = false;
        this.shadowRoot.prepend(held);
      }
      this.#plan = null;
      this.#setValue();
      this.#setValidity(data.validity);
      this.#fire("seminarplan-error", {
        reason: data.reason, message: data.message, problems: data.problems ?? [],
      });
      return;
    }
    const before = this.#plan;
    this.#plan = data.plan;
    this.#setValue();
    this.#setValidity(data.validity);
    if (kind === "load") {
      const { programme, revision, stale } = data;
      const problems = data.problems ?? [];
      this.#fire("seminarplan-load", { programme, revision, stale, problems, plan: this.plan });
    } else if (before === null || before.chosen.join("\n") !== data.plan.chosen.join("\n")) {
      this.#fire("seminarplan-change", this.plan);
    }
  }

  #fire(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // The form value: every chosen session id under the element's `name`, as a checkbox
  // group would send them. Without a name nothing is sent, as with native inputs.
  #setValue() {
    const name = this.getAttribute("name") ?? "";
    if (this.#plan === null || name === "") {
      this.#internals.setFormValue(null);
      return;
    }
    const data = new FormData();
    for (const id of this.#plan.chosen) {
      data.append(name, id);
    }
    this.#internals.setFormValue(data);
  }

  // The validity, with the message in the visitor's language. The browser shows it at the
  // "My schedule" button, where the blocks that lack a choice are listed.
  #setValidity(validity) {
    if (!validity.valueMissing && !validity.customError) {
      this.#internals.setValidity({});
      return;
    }
    const anchor = this.shadowRoot?.querySelectorAll(".sp-viewswitch__button")[1];
    const flags = { valueMissing: validity.valueMissing, customError: validity.customError };
    this.#internals.setValidity(flags, validity.message, anchor ?? undefined);
  }

  #command(name, a, b) {
    return typeof this.#bridge.command === "function" ? this.#bridge.command(name, a, b) : undefined;
  }

  // A disabled element (its own `disabled`, or a disabled fieldset around it) is left out
  // of the form and its validation by the browser; the widget inside cannot be used.
  #applyDisabled() {
    const disabled = this.matches(":disabled");
    for (const child of this.shadowRoot?.children ?? []) {
      child.inert = disabled;
    }
  }

  formDisabledCallback() {
    this.#applyDisabled();
  }

  // The form's reset: the plan as it was when the page loaded.
  formResetCallback() {
    this.#command("reset");
  }

  // --- The element's API (README, "In a registration form"). ---

  // The visitor's plan: { programme, chosen, blocks: [{ id, name, chosen }] }, or null
  // before the programme and the saved plan are there.
  get plan() {
    return this.#plan === null ? null : structuredClone(this.#plan);
  }

  // Sets the plan to `ids`, validated and merged as a share link is. Returns "replaced",
  // "merged", "asked" (the visitor decides, as with a share link) or "unchanged".
  setPlan(ids, { merge = false } = {}) {
    const outcome = this.#command("setPlan", Array.from(ids ?? []), Boolean(merge));
    if (outcome === undefined || outcome === "not-ready") {
      throw new DOMException("The programme and the saved plan are not loaded yet.", "InvalidStateError");
    }
    if (outcome === "refused") {
      throw new TypeError("Not session ids a share link could carry.");
    }
    return outcome;
  }

  // Opens a session's page; false when the programme has no such session.
  openSession(id) {
    return this.#command("openSession", String(id)) === true;
  }

  // Shows "programme", "schedule", "grid" or "list"; false for anything else.
  showView(view) {
    return this.#command("showView", String(view)) === true;
  }

  get form() {
    return this.#internals.form;
  }

  get name() {
    return this.getAttribute("name") ?? "";
  }

  set name(value) {
    this.setAttribute("name", value);
  }

  get type() {
    return "seminar-plan";
  }

  get disabled() {
    return this.hasAttribute("disabled");
  }

  set disabled(value) {
    this.toggleAttribute("disabled", Boolean(value));
  }

  get required() {
    return this.hasAttribute("required");
  }

  set required(value) {
    this.toggleAttribute("required", Boolean(value));
  }

  get validity() {
    return this.#internals.validity;
  }

  get validationMessage() {
    return this.#internals.validationMessage;
  }

  get willValidate() {
    return this.#internals.willValidate;
  }

  get labels() {
    return this.#internals.labels;
  }

  checkValidity() {
    return this.#internals.checkValidity();
  }

  reportValidity() {
    return this.#internals.reportValidity();
  }
}

if (!customElements.get("seminar-plan")) {
  customElements.define("seminar-plan", SeminarPlan);
}

// The organisers' check page (check.html): a module of its own. It contains a
// <seminar-plan> of its own for the preview.
class SeminarPlanCheck extends HTMLElement {
  static version = VERSION;

  get version() {
    return VERSION;
  }

  connectedCallback() {
    startIn(this, loadCheckPage, "mount_check");
  }

  disconnectedCallback() {
    if (this.widget) {
      this.widget.destroy();
      this.widget = null;
    }
  }
}

if (!customElements.get("seminar-plan-check")) {
  customElements.define("seminar-plan-check", SeminarPlanCheck);
}
