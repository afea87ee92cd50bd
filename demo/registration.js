// The registration example's own script (README, "In a registration form"): it shows how
// many seminars are chosen, from the widget's events, and what the form sent (this demo
// sends to itself with GET, so the address shows it). Not needed for the form to work.
const summary = document.getElementById("summary");

document.addEventListener("seminarplan-change", (event) => {
  const { chosen, blocks } = event.detail;
  const open = blocks.filter((block) => block.chosen.length === 0).map((block) => block.name);
  summary.textContent =
    `${chosen.length} seminarier valda.` + (open.length > 0 ? ` Inget val ännu i: ${open.join(", ")}.` : "");
});

document.addEventListener("seminarplan-error", (event) => {
  summary.textContent = `Programmet kunde inte visas: ${event.detail.message}`;
});

const sent = new URLSearchParams(location.search);
if (sent.has("seminarier")) {
  document.getElementById("sent").hidden = false;
  document.getElementById("sent-body").textContent = [...sent]
    .map(([name, value]) => `${name} = ${value}`)
    .join("\n");
}
