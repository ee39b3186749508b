//! If the app ever panics, say so in the page instead of leaving it dead: the panic is
//! logged to the console (with its message and location) and a readable panel is put at
//! the top of the page, built from text nodes only.

use wasm_bindgen::prelude::wasm_bindgen;

/// Installs the hook; `main` calls it before mounting.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

/// Lets the browser tests check the panel on the real release build (the app has no
/// other way to panic on purpose, and a test-only build would not be the build that
/// ships). Harmless: callable only from this tab's own console, it stops this tab's app.
#[wasm_bindgen(js_name = dossierPanicForTests)]
pub fn panic_for_tests() {
    panic!("a panic requested by the browser tests");
}

fn show_panel(message: &str) {
    let lead = "Dossier hit an internal error and stopped responding. Reload the page to start again; nothing you saved is lost. If it happens again, please report the page address and the message below.";
    alert_panel("panic-panel", &[("h2", "Something went wrong"), ("p", lead), ("pre", message)]);
}

/// Puts a panel with `role="alert"` at the top of the page: each `(tag, text)` as an
/// element holding that text (text nodes only, never markup), then a link that reloads
/// the page. One panel of a class, however often this is called.
pub fn alert_panel(class: &str, parts: &[(&str, &str)]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    if document.query_selector(&format!(".{class}")).ok().flatten().is_some() {
        return;
    }
    let element = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(panel) = element("section", "") else { return };
    let _ = panel.set_attribute("class", class);
    let _ = panel.set_attribute("role", "alert");
    for part in parts.iter().filter_map(|(tag, text)| element(tag, text)) {
        let _ = panel.append_child(&part);
    }
    if let Some(reload) = element("a", "Reload this page") {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_else(|| "/".to_owned());
        let _ = reload.set_attribute("href", &href);
        let _ = panel.append_child(&reload);
    }
    let _ = body.prepend_with_node_1(&panel);
}
