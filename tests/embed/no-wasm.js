// Imitates a browser without WebAssembly (or with it switched off by policy).
delete window.WebAssembly;
