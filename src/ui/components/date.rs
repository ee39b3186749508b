//! A date as a `<time>` element at its real precision, with how it was inferred.

use leptos::prelude::*;

use crate::core::date::DateSpec;

/// Renders a dated claim: the `datetime` attribute carries ISO at real precision (a range
/// is two `<time>` elements, one per end), the text is written as an editor would, and
/// an inferred date says so.
#[component]
pub fn DateTime(
    /// The date to show.
    spec: DateSpec,
    /// Show the derivation in full (detail pages) rather than as a marker (lists).
    #[prop(optional)]
    explain: bool,
) -> impl IntoView {
    let derivation = spec.derivation.clone();
    let parts = spec.display_parts();
    let (start_iso, start_text) = parts.start;
    view! {
        {(!parts.prefix.is_empty()).then_some(parts.prefix)}
        <time datetime=start_iso>{start_text}</time>
        {parts.end.map(|(separator, (iso, text))| view! { {separator}<time datetime=iso>{text}</time> })}
        {derivation.map(|d| {
            if explain {
                view! { <span class="derivation">" (inferred: "{d}")"</span> }.into_any()
            } else {
                view! { <span class="inferred" title=d>" (inferred)"</span> }.into_any()
            }
        })}
    }
}

/// A date that may be unknown: the date, or a plain statement that the source does not
/// give one.
#[component]
pub fn MaybeDate(
    /// The date, if known.
    spec: Option<DateSpec>,
    /// What to say when it is not, e.g. "publication date not stated".
    unknown: &'static str,
    /// Show a derivation in full.
    #[prop(optional)]
    explain: bool,
) -> impl IntoView {
    match spec {
        Some(spec) => view! { <DateTime spec explain/> }.into_any(),
        None => view! { <span class="unknown">{unknown}</span> }.into_any(),
    }
}
