//! The message for an id that is not in the corpus.

use leptos::prelude::*;

use crate::core::route::Route;

/// "No such quote": names what was asked for and offers the way back to its list.
#[component]
pub fn Missing(
    /// What kind of thing was asked for ("quote", "event", ...).
    what: &'static str,
    /// The id from the URL, shown as text.
    id: String,
    /// Where the list of such things is.
    list: Route,
) -> impl IntoView {
    view! {
        <h1>"No such "{what}</h1>
        <p class="lead">"This dossier has no "{what}" with the id “"<code>{id}</code>"”. The link may be mistyped or out of date."</p>
        <p><a href=list.href()>"Browse all "{what}"s"</a></p>
    }
}
