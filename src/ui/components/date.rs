//! A date as a `<time>` element at its real precision, with how it was inferred.

use leptos::prelude::*;

use crate::core::date::DateSpec;

/// Renders a dated claim: the `datetime` attribute carries ISO at real precision, the
/// text is written as an editor would, and an inferred date says so.
#[component]
pub fn DateTime(
    /// The date to show.
    spec: DateSpec,
    /// Show the derivation in full (detail pages) rather than as a marker (lists).
    #[prop(optional)]
    explain: bool,
) -> impl IntoView {
    let derivation = spec.derivation.clone();
    view! {
        <time datetime=spec.iso()>{spec.display()}</time>
        {derivation.map(|d| {
            if explain {
                view! { <span class="derivation">" (inferred: "{d}")"</span> }.into_any()
            } else {
                view! { <span class="inferred" title=d>" (inferred)"</span> }.into_any()
            }
        })}
    }
}
