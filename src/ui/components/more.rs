//! Long lists render a page at a time: a corpus of 100,000 quotes must not put 100,000
//! cards in the page. A [`Limit`] says how many items to show; it belongs to one query,
//! so a new query shows the first page again in the same render (no extra pass with the
//! old limit). [`ShowMore`] is the button that shows the next page.

use leptos::prelude::*;

/// How many results a list shows at first, and adds per "Show more" (the same number the
/// static pages show).
pub const PAGE: usize = crate::core::prerender::LIST_PAGE;

/// How many items of the list for the current query to show.
pub struct Limit<T: Send + Sync + 'static> {
    /// The query the extra pages were asked for, and how many items that makes.
    state: RwSignal<Option<(T, usize)>>,
    query: Memo<T>,
}

impl<T: Send + Sync + 'static> Clone for Limit<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Limit<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Limit<T> {
    /// The number of items to show now.
    pub fn get(&self) -> usize {
        self.query.track();
        self.state.track();
        self.now_untracked()
    }

    /// Shows at least the first `n` items (whole pages), e.g. before jumping to item `n`.
    pub fn cover(&self, n: usize) {
        if n > self.now_untracked() {
            self.state.set(Some((self.query.get_untracked(), n.div_ceil(PAGE) * PAGE)));
        }
    }

    /// Shows another page of the current query's list.
    pub fn more(&self) {
        self.state.set(Some((self.query.get_untracked(), self.now_untracked() + PAGE)));
    }

    /// The number of items to show, without subscribing (for event handlers).
    fn now_untracked(&self) -> usize {
        self.query.with_untracked(|query| {
            self.state.with_untracked(|s| match s {
                Some((asked_for, n)) if asked_for == query => *n,
                _ => PAGE,
            })
        })
    }
}

/// A limit for the list of `query`'s results.
pub fn use_limit<T: Clone + PartialEq + Send + Sync + 'static>(query: Memo<T>) -> Limit<T> {
    Limit { state: RwSignal::new(None), query }
}

/// "Show 100 more quotes (100 of 3,214 shown)", when `total` exceeds what is shown.
#[component]
pub fn ShowMore<T: Clone + PartialEq + Send + Sync + 'static>(
    limit: Limit<T>,
    #[prop(into)] total: Signal<usize>,
    what: &'static str,
) -> impl IntoView {
    move || {
        let (shown, total) = (limit.get(), total.get());
        (total > shown).then(|| {
            let next = (total - shown).min(PAGE);
            view! {
                <p class="show-more">
                    <button type="button" on:click=move |_| limit.more()>{format!("Show {next} more {what}")}</button>
                    " "{format!("({shown} of {total} shown)")}
                </p>
            }
        })
    }
}
