//! The web app's entry point: start the app (fetch its data, hydrate the page). Nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    dossier::ui::boot::start();
}

/// Natively there is no app to mount; the curator's tool is the `dossier` binary.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser app: build it with `trunk build`; check data with `cargo run --bin dossier -- check data/`");
    std::process::exit(2);
}
