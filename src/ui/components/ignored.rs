//! A visible note listing what the URL asked for that could not be used as written: on
//! the pages whose address takes a query (quotes, timeline, a document), right after
//! their heading, where the keyboard and a screen reader go on from after a link.

use leptos::prelude::*;

use crate::ui::app::use_route;

/// Shows each ignored query parameter and why. Renders nothing when the URL was fully
/// understood.
#[component]
pub fn IgnoredNote() -> impl IntoView {
    let parsed = use_route();
    move || {
        let ignored = parsed.with(|p| p.ignored.clone());
        (!ignored.is_empty()).then(|| {
            view! {
                <aside class="note" role="status">
                    <p>"Part of this link could not be used as written:"</p>
                    <ul>
                        {ignored
                            .into_iter()
                            .map(|i| view! { <li><code>{i.key}"="{i.value}</code>" — "{i.reason}</li> })
                            .collect_view()}
                    </ul>
                </aside>
            }
        })
    }
}
