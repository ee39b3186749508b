//! Long lists render a page at a time: a corpus of 100,000 quotes must not put 100,000
//! cards in the page. [`use_limit`] holds how many items to show and resets when the
//! query changes; [`ShowMore`] is the button that shows the next page.

use leptos::prelude::*;

/// How many results a list shows at first, and adds per "Show more" (the same number the
/// static pages show).
pub const PAGE: usize = crate::core::prerender::LIST_PAGE;

/// How many items to render; back to [`PAGE`] whenever `reset_on` changes.
pub fn use_limit<T: Clone + PartialEq + Send + Sync + 'static>(reset_on: Memo<T>) -> RwSignal<usize> {
    let limit = RwSignal::new(PAGE);
    Effect::new(move |previous: Option<T>| {
        let current = reset_on.get();
        if previous.is_some_and(|p| p != current) {
            limit.set(PAGE);
        }
        current
    });
    limit
}

/// "Show 100 more (of 3,214)", when `total` exceeds what is shown.
#[component]
pub fn ShowMore(limit: RwSignal<usize>, #[prop(into)] total: Signal<usize>, what: &'static str) -> impl IntoView {
    move || {
        let (shown, total) = (limit.get(), total.get());
        (total > shown).then(|| {
            let next = (total - shown).min(PAGE);
            view! {
                <p class="show-more">
                    <button type="button" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {format!("Show {next} more {what}")}
                    </button>
                    " "{format!("({shown} of {total} shown)")}
                </p>
            }
        })
    }
}
