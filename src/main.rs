//! The widget's entry point: mounts it where the page asks. All logic is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    seminarplan::app::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("seminarplan runs in the browser: see README.md for how to build and serve it.");
}
