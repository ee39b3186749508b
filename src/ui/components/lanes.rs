//! The timeline chart's lanes and marks: described as data ([`LaneSpec`], [`Mark`]),
//! drawn by Leptos views (the static page and hydration; a new lane's rule and head; one
//! template of each kind of mark), and redrawn in place by [`Drawing::redraw`], which
//! keys lanes by actor and marks by event (a bin by its place in its lane) and sets only
//! the attributes that changed. A mark is a link holding its shape, and a bin's count
//! or an event's label (its title, cut off where the room the core gives it ends).
//!
//! Why not let Leptos rebuild them like the rest of the page: a filter or a zoom redraws
//! hundreds of marks, and a rebuilt element (with `erase_components`) removes and sets
//! again every attribute it has, about fifteen DOM calls a mark whether it moved or not.
//! Here a mark that stays costs the attributes that changed (a zoom: its x and width), a
//! lane that stays costs its place, and what is new is a copy of a template with the
//! attributes that differ set (templates built by the same views that wrote the static
//! page, so the markup is written once).
//!
//! Positions inside a lane are relative to its top (the lane's `transform`), so a lane
//! that moves up or down moves as one. A lane taken out of the page (a filter to one
//! actor) is kept aside, and put back changed where it differs when it is drawn again
//! (back to every lane), rather than built again mark by mark.

use std::collections::HashMap;

use leptos::either::Either;
use leptos::prelude::*;
use leptos::tachys::svg;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The link's attributes of a mark, in the order [`Mark::link`] holds their values.
const LINK: [&str; 5] = ["class", "href", "aria-label", "tabindex", "data-e"];
/// A point's attributes (a circle).
const POINT: [&str; 2] = ["cx", "cy"];
/// A bar's or a bin's attributes (a rect).
const BAR: [&str; 3] = ["x", "y", "width"];
/// A bin's count's attributes (a text).
const COUNT: [&str; 2] = ["x", "y"];
/// A label's frame's attributes (an inner `svg`, which cuts the title off at its edge).
const FRAME: [&str; 5] = ["class", "x", "y", "width", "height"];
/// A label's text's attributes, inside its frame.
const LABEL_TEXT: [&str; 1] = ["x"];

/// What identifies a mark from one drawing to the next within its lane: an event's mark
/// by the link to its card (`#event-…`: event numbers change when every event comes in),
/// a bin by its place among the lane's bins ([`bin_key`]: a zoom or a filter changes
/// every bin's days, and a bin changed costs less than one removed and another built).
pub type MarkKey = String;

/// The key of the `k`th bin of a lane (never a fragment link, so never an event's key).
pub fn bin_key(k: usize) -> MarkKey {
    format!("bin {k}")
}

/// A mark's shape and its attributes' values.
#[derive(Clone, Debug, PartialEq)]
pub enum MarkShape {
    /// A circle: [`POINT`].
    Point([String; 2]),
    /// A rect: [`BAR`].
    Bar([String; 3]),
}

/// A mark's label: its event's title, in a frame that cuts it off where the room ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// [`FRAME`]'s values (its height a row's).
    pub frame: [String; 5],
    /// [`LABEL_TEXT`]'s values.
    pub at: [String; 1],
    pub text: String,
}

/// One mark: a link and its shape, a bin's count, an event's label.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub key: MarkKey,
    /// The values of [`LINK`], `None` where the attribute is absent.
    pub link: [Option<String>; 5],
    pub shape: MarkShape,
    /// A bin's count: [`COUNT`]'s values and its text.
    pub count: Option<([String; 2], String)>,
    pub label: Option<Label>,
}

impl Mark {
    /// Whether `other` can be drawn by changing this mark's attributes (the same elements).
    /// (A label comes and goes with the room a zoom gives it: the mark is redrawn with or
    /// without it, so a focused mark keeps the focus.)
    fn same_elements(&self, other: &Mark) -> bool {
        matches!((&self.shape, &other.shape), (MarkShape::Point(_), MarkShape::Point(_)) | (MarkShape::Bar(_), MarkShape::Bar(_)))
            && self.count.is_some() == other.count.is_some()
    }

    /// How many elements the link holds: its shape, its count, its label.
    fn children(&self) -> u32 {
        1 + u32::from(self.count.is_some()) + u32::from(self.label.is_some())
    }
}

/// One lane: its place, its head and its marks.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneSpec {
    /// The lane's actor (empty for "others": an actor's id is never empty): what
    /// identifies it between drawings.
    pub key: String,
    /// Its position among the lanes (`data-lane`, which the arrow keys go by).
    pub index: usize,
    /// The y of its top.
    pub top: f64,
    /// The link of its head (the actor's page), if it has one.
    pub head: Option<String>,
    pub label: String,
    pub marks: Vec<Mark>,
}

fn translate(top: f64) -> String {
    format!("translate(0 {top})")
}

/// A mark as a view.
pub fn mark_view(m: &Mark) -> impl IntoView {
    let [class, href, label, tabindex, data_e] = m.link.clone();
    let a = svg::a().attr(LINK[0], class).attr(LINK[1], href).attr(LINK[2], label).attr(LINK[3], tabindex).attr(LINK[4], data_e);
    let shape = match &m.shape {
        MarkShape::Point([cx, cy]) => Either::Left(svg::circle().attr(POINT[0], cx.clone()).attr(POINT[1], cy.clone())),
        MarkShape::Bar([x, y, width]) => Either::Right(svg::rect().attr(BAR[0], x.clone()).attr(BAR[1], y.clone()).attr(BAR[2], width.clone())),
    };
    let count = m.count.clone().map(|([x, y], text)| svg::text().attr(COUNT[0], x).attr(COUNT[1], y).child(text));
    a.child((shape, count, m.label.as_ref().map(label_view)))
}

/// A mark's label as a view: its frame and its text, centred on the row (y 7 of 14: a
/// bar's middle, a point's centre; the stylesheet sizes it and sets its baseline).
fn label_view(l: &Label) -> impl IntoView {
    let Label { frame: [class, x, y, width, height], at: [tx], text } = l.clone();
    svg::svg()
        .attr(FRAME[0], class)
        .attr(FRAME[1], x)
        .attr(FRAME[2], y)
        .attr(FRAME[3], width)
        .attr(FRAME[4], height)
        .attr("aria-hidden", "true")
        .child(svg::text().attr(LABEL_TEXT[0], tx).attr("y", "7").child(text))
}

/// A lane as a view: its rule, its head (a link to the actor's page, or a label), its marks.
pub fn lane_view(l: &LaneSpec) -> impl IntoView {
    let label = l.label.clone();
    let head = match &l.head {
        // In a <g>, so the view macro makes the ambiguous <a> an SVG link.
        // Reached by the arrow keys, as the marks are: the chart is one tab stop.
        Some(href) => view! { <g><a class="lane-head" href=href.clone() tabindex="-1"><text x=0 y=13>{label}</text></a></g> }.into_any(),
        None => view! { <text class="lane-head" x=0 y=13>{label}</text> }.into_any(),
    };
    let marks = l.marks.iter().map(mark_view).collect_view();
    // Built, not written in the view macro: an SVG element with only literal attributes
    // becomes tachys's `InertElement`, which the browser builds wrapped in a stray <g>
    // (`create_svg_element_from_html`, leptos-rs/leptos#4556; still so in the locked
    // tachys 0.2.19), unlike the static page.
    let rule = svg::line().attr("class", "lane-rule").attr("x1", "0").attr("x2", "100%").attr("y1", "0").attr("y2", "0");
    view! {
        <g class="lane" data-lane=l.index transform=translate(l.top)>
            {rule}
            {head}
            {marks}
        </g>
    }
}

/// A mark in the page: what it was drawn from and its elements.
pub struct MarkNode {
    spec: Mark,
    a: Element,
    shape: Element,
    count: Option<Element>,
    /// The label's frame and its text.
    label: Option<(Element, Element)>,
}

/// A lane in the page.
pub struct LaneNode {
    spec: LaneSpec,
    g: Element,
    /// The head's text.
    label: Element,
    /// Its marks (the spec above has none: they are here, with their specs).
    marks: Vec<MarkNode>,
}

/// The lanes in the page, and what they were drawn from.
pub enum Drawing {
    /// As the page was first drawn (the static page, hydrated): the elements are found
    /// when the first change needs them.
    First(Vec<LaneSpec>),
    /// The lanes drawn, and those taken out of the page since, kept aside to be put back
    /// (the last [`KEPT_ASIDE`], most recent last).
    Nodes(Vec<LaneNode>, Vec<LaneNode>),
}

/// How many lanes taken out of the page are kept aside: a filter to one actor and back
/// to twenty puts nineteen back as they were (changed where the drawing differs) instead
/// of building their hundreds of marks again.
const KEPT_ASIDE: usize = 40;

/// The element `view` renders to, built (the state is dropped: these views hold no
/// reactive parts or handlers).
fn build(view: impl IntoView) -> Option<Element> {
    view.into_view().build().elements().into_iter().next()
}

/// Sets or removes attribute `name` (a name of a few, interned: passed to the DOM without
/// being decoded again at each of the hundreds of calls a redraw makes).
fn set(el: &Element, name: &str, value: Option<&String>) {
    let name = wasm_bindgen::intern(name);
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Sets the attributes of `names` whose values differ from `old` to `new`'s.
fn patch<'a>(el: &Element, names: &[&str], old: impl IntoIterator<Item = Option<&'a String>>, new: impl IntoIterator<Item = Option<&'a String>>) {
    for ((name, old), new) in names.iter().zip(old).zip(new) {
        if old != new {
            set(el, name, new);
        }
    }
}

/// A shape's attribute names and values.
fn shape_values(s: &MarkShape) -> (&'static [&'static str], &[String]) {
    match s {
        MarkShape::Point(v) => (&POINT, v),
        MarkShape::Bar(v) => (&BAR, v),
    }
}

impl MarkNode {
    /// The elements of a mark drawn from `spec`.
    fn adopt(a: Element, spec: Mark) -> Option<MarkNode> {
        let kids = a.children();
        if kids.length() != spec.children() {
            return None;
        }
        let shape = kids.item(0)?;
        let count = if spec.count.is_some() { Some(kids.item(1)?) } else { None };
        let label = if spec.label.is_some() {
            let frame = a.last_element_child()?;
            let text = frame.first_element_child()?;
            Some((frame, text))
        } else {
            None
        };
        Some(MarkNode { spec, a, shape, count, label })
    }
}

impl LaneNode {
    /// The elements of a lane drawn from `spec`: its rule, its head, its marks.
    fn adopt(g: Element, spec: LaneSpec) -> Option<LaneNode> {
        let kids = g.children();
        if kids.length() as usize != 2 + spec.marks.len() {
            return None;
        }
        let head = kids.item(1)?;
        let label = if head.local_name() == "text" { head } else { head.query_selector("text").ok()?? };
        let mut spec = spec;
        let mut marks = Vec::with_capacity(spec.marks.len());
        for (k, m) in std::mem::take(&mut spec.marks).into_iter().enumerate() {
            marks.push(MarkNode::adopt(kids.item(2 + k as u32)?, m)?);
        }
        // The marks' specs live in their nodes.
        Some(LaneNode { spec, g, label, marks })
    }
}

/// A drawn thing [`rekey`] redraws: a lane, or a mark in one.
trait Node: Sized {
    type Spec;
    /// What identifies a spec's node from one drawing to the next.
    fn key_of(spec: &Self::Spec) -> &str;
    /// What this node was drawn from.
    fn spec(&self) -> &Self::Spec;
    fn key(&self) -> &str {
        Self::key_of(self.spec())
    }
    fn element(&self) -> &Element;
    /// Whether `spec` can be drawn by changing this node.
    fn fits(&self, spec: &Self::Spec) -> bool;
    fn redraw(&mut self, spec: Self::Spec, roving: bool);
    fn create(spec: Self::Spec) -> Option<Self>;
}

impl Node for MarkNode {
    type Spec = Mark;
    fn key_of(spec: &Mark) -> &str {
        &spec.key
    }
    fn spec(&self) -> &Mark {
        &self.spec
    }
    fn element(&self) -> &Element {
        &self.a
    }
    fn fits(&self, spec: &Mark) -> bool {
        self.spec.same_elements(spec)
    }

    /// A new mark: a copy of the template of its kind (built once by [`mark_view`]),
    /// redrawn to `spec` (a clone and the attributes that differ, not every element and
    /// attribute built one by one).
    fn create(spec: Mark) -> Option<MarkNode> {
        thread_local! {
            static TEMPLATES: std::cell::RefCell<Vec<(Mark, Element)>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let copy = TEMPLATES.with_borrow_mut(|templates| {
            let at = match templates.iter().position(|(t, _)| t.same_elements(&spec)) {
                Some(at) => at,
                None => {
                    templates.push((spec.clone(), build(mark_view(&spec))?));
                    templates.len() - 1
                }
            };
            let (template, el) = &templates[at];
            Some((template.clone(), el.clone_node_with_deep(true).ok()?.unchecked_into::<Element>()))
        });
        let (template, a) = copy?;
        let mut node = MarkNode::adopt(a, template)?;
        node.redraw(spec, false);
        Some(node)
    }

    /// Draws `new` (with the same elements) by changing what differs; every tabindex is
    /// set again if the keys have moved the chart's tab stop.
    fn redraw(&mut self, new: Mark, roving: bool) {
        let old = &self.spec;
        patch(&self.a, &LINK, old.link.iter().map(Option::as_ref), new.link.iter().map(Option::as_ref));
        if roving && old.link[3] == new.link[3] {
            set(&self.a, LINK[3], new.link[3].as_ref());
        }
        let (names, before) = shape_values(&old.shape);
        let (_, after) = shape_values(&new.shape);
        patch(&self.shape, names, before.iter().map(Some), after.iter().map(Some));
        if let (Some(text), Some((before, old_count)), Some((after, new_count))) = (&self.count, &old.count, &new.count) {
            patch(text, &COUNT, before.iter().map(Some), after.iter().map(Some));
            if old_count != new_count {
                text.set_text_content(Some(new_count));
            }
        }
        match (self.label.take(), &old.label, &new.label) {
            (Some((frame, text)), Some(before), Some(after)) => {
                patch(&frame, &FRAME, before.frame.iter().map(Some), after.frame.iter().map(Some));
                patch(&text, &LABEL_TEXT, before.at.iter().map(Some), after.at.iter().map(Some));
                if before.text != after.text {
                    text.set_text_content(Some(&after.text));
                }
                self.label = Some((frame, text));
            }
            // The room is gone, or has come: the frame removed, or built and put last.
            (drawn, _, after) => {
                if let Some((frame, _)) = drawn {
                    frame.remove();
                }
                self.label = after.as_ref().and_then(|after| {
                    let frame = build(label_view(after))?;
                    let text = frame.first_element_child()?;
                    let _ = self.a.append_child(&frame);
                    Some((frame, text))
                });
            }
        }
        self.spec = new;
    }
}

impl Node for LaneNode {
    type Spec = LaneSpec;
    fn key_of(spec: &LaneSpec) -> &str {
        &spec.key
    }
    fn spec(&self) -> &LaneSpec {
        &self.spec
    }
    fn element(&self) -> &Element {
        &self.g
    }
    fn fits(&self, spec: &LaneSpec) -> bool {
        // The head is drawn once: a link to the actor's page, or a label.
        self.spec.head == spec.head
    }

    /// A new lane: its rule and head built by [`lane_view`], its marks as
    /// [`MarkNode::create`] makes them.
    fn create(mut spec: LaneSpec) -> Option<LaneNode> {
        let marks = std::mem::take(&mut spec.marks);
        let g = build(lane_view(&spec))?;
        let mut lane = LaneNode::adopt(g, spec)?;
        for m in marks {
            let node = MarkNode::create(m)?;
            let _ = lane.g.append_child(&node.a);
            lane.marks.push(node);
        }
        Some(lane)
    }

    /// Draws `new` (the same actor's lane) by moving it, relabelling it and redrawing its
    /// marks: those that stay are changed, the others built or removed.
    fn redraw(&mut self, mut new: LaneSpec, roving: bool) {
        if self.spec.index != new.index {
            set(&self.g, "data-lane", Some(&new.index.to_string()));
        }
        if self.spec.top != new.top {
            set(&self.g, "transform", Some(&translate(new.top)));
        }
        if self.spec.label != new.label {
            self.label.set_text_content(Some(&new.label));
        }
        // The arrow keys may have made the head the chart's tab stop: it is one no longer
        // (the drawing's tab stop is set by its marks' specs).
        if roving {
            if let Some(head) = self.label.parent_element().filter(|a| a.local_name() == "a") {
                let _ = head.set_attribute("tabindex", "-1");
            }
        }
        let marks = std::mem::take(&mut new.marks);
        let old = std::mem::take(&mut self.marks);
        self.marks = rekey(&self.g, old, marks, roving);
        self.spec = new;
    }
}

/// The keyed redraw of a list of children of `parent`: each new spec takes the old node
/// of its key if it fits (redrawn; otherwise the old node is removed) or a node created;
/// old nodes left over are removed; then the nodes are put in the new order, moving the
/// fewest (all but the longest run of kept nodes already in order). [`rekey_with`] says
/// how nodes are made and what becomes of those removed (lanes are kept aside).
fn rekey<N: Node>(parent: &Element, old: Vec<N>, new: Vec<N::Spec>, roving: bool) -> Vec<N> {
    rekey_with(parent, old, new, roving, N::create, |n| n.element().remove())
}

/// [`rekey`], with a node made by `create` and one that is not drawn any more given to
/// `discard` (which takes it out of the page).
fn rekey_with<N: Node>(
    parent: &Element,
    old: Vec<N>,
    new: Vec<N::Spec>,
    roving: bool,
    mut create: impl FnMut(N::Spec) -> Option<N>,
    mut discard: impl FnMut(N),
) -> Vec<N> {
    let taken = {
        let old_keys: Vec<&str> = old.iter().map(N::key).collect();
        let new_keys: Vec<&str> = new.iter().map(N::key_of).collect();
        match_keys(&old_keys, &new_keys)
    };
    let mut old: Vec<Option<N>> = old.into_iter().map(Some).collect();
    // Each new node with the old position it had, if it was kept.
    let mut placed: Vec<(N, Option<usize>)> = Vec::with_capacity(new.len());
    for (s, at) in new.into_iter().zip(taken) {
        match at.and_then(|at| Some((at, old[at].take()?))) {
            Some((at, mut n)) if n.fits(&s) => {
                n.redraw(s, roving);
                placed.push((n, Some(at)));
                continue;
            }
            Some((_, n)) => discard(n),
            None => {}
        }
        if let Some(n) = create(s) {
            placed.push((n, None));
        }
    }
    for n in old.into_iter().flatten() {
        discard(n);
    }
    // The kept nodes are in the page in their old order. Those of the longest run whose
    // old order is their new order stay where they are (a zoom, a filter: all of them,
    // marks in time order, lanes in theirs); every other node is inserted before the
    // node that follows it, from the last one back. A mark that stays keeps the focus.
    let stay = longest_increasing(&placed.iter().map(|(_, at)| *at).collect::<Vec<_>>());
    let mut next: Option<usize> = None;
    for k in (0..placed.len()).rev() {
        if !stay[k] {
            let _ = parent.insert_before(placed[k].0.element(), next.map(|j| -> &web_sys::Node { placed[j].0.element() }));
        }
        next = Some(k);
    }
    placed.into_iter().map(|(n, _)| n).collect()
}

/// For each of `new`'s keys, the position in `old` of the same key, each old position
/// given once (a key twice in `new` takes it the first time).
fn match_keys(old: &[&str], new: &[&str]) -> Vec<Option<usize>> {
    let mut by_key: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    for (k, key) in old.iter().enumerate() {
        by_key.entry(key).or_insert(k);
    }
    new.iter().map(|key| by_key.remove(key)).collect()
}

/// Which of `at` (old positions, `None` for new) form a longest strictly increasing run
/// of old positions: those nodes need not move.
fn longest_increasing(at: &[Option<usize>]) -> Vec<bool> {
    // `tails[l]`: the index in `at` of the smallest last value of a run of length l + 1;
    // `before[k]`: the index of the element before `k` in the best run ending at `k`.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; at.len()];
    for (k, value) in at.iter().enumerate() {
        let Some(value) = value else { continue };
        let l = tails.partition_point(|&t| at[t].is_some_and(|v| v < *value));
        before[k] = l.checked_sub(1).map(|p| tails[p]);
        if l == tails.len() {
            tails.push(k);
        } else {
            tails[l] = k;
        }
    }
    let mut stay = vec![false; at.len()];
    let mut k = tails.last().copied();
    while let Some(i) = k {
        stay[i] = true;
        k = before[i];
    }
    stay
}

impl Drawing {
    /// Redraws the lanes in `root` (the lanes' group) to `new`; `roving` when the arrow
    /// keys have moved the tab stop since the last drawing (every tabindex is set again).
    pub fn redraw(&mut self, root: &Element, new: Vec<LaneSpec>, roving: bool) {
        let (old, mut aside) = match std::mem::replace(self, Drawing::Nodes(Vec::new(), Vec::new())) {
            Drawing::First(first) if first == new && !roving => {
                *self = Drawing::First(first);
                return;
            }
            Drawing::First(first) => {
                // Find the first drawing's elements; were they not as drawn (nothing
                // should change them), draw every lane anew.
                let kids = root.children();
                let adopted: Option<Vec<LaneNode>> = (kids.length() as usize == first.len())
                    .then(|| first.into_iter().enumerate().map(|(k, spec)| LaneNode::adopt(kids.item(k as u32)?, spec)).collect())
                    .flatten();
                match adopted {
                    Some(nodes) => (nodes, Vec::new()),
                    None => {
                        root.set_text_content(None);
                        (Vec::new(), Vec::new())
                    }
                }
            }
            Drawing::Nodes(nodes, aside) => (nodes, aside),
        };
        // A lane kept aside comes back redrawn to its new spec, every tabindex set again
        // (the arrow keys may have moved its tab stop before it left).
        let taken = std::cell::RefCell::new(std::mem::take(&mut aside));
        let create = |spec: LaneSpec| {
            let at = taken.borrow().iter().rposition(|n| n.key() == spec.key && n.fits(&spec));
            match at.map(|at| taken.borrow_mut().remove(at)) {
                Some(mut lane) => {
                    lane.redraw(spec, true);
                    Some(lane)
                }
                None => LaneNode::create(spec),
            }
        };
        let discard = |lane: LaneNode| {
            lane.g.remove();
            let mut taken = taken.borrow_mut();
            taken.retain(|n| n.key() != lane.key());
            taken.push(lane);
            if taken.len() > KEPT_ASIDE {
                taken.remove(0);
            }
        };
        let nodes = rekey_with(root, old, new, roving, create, discard);
        *self = Drawing::Nodes(nodes, taken.into_inner());
    }
}

#[cfg(test)]
mod tests {
    use super::longest_increasing;

    /// The length of a longest strictly increasing run of the `Some` values, by trying
    /// every subset (small inputs only).
    fn brute(at: &[Option<usize>]) -> usize {
        (0u32..1 << at.len())
            .filter_map(|mask| {
                let run: Vec<usize> = (0..at.len()).filter(|k| mask & (1 << k) != 0).map(|k| at[k]).collect::<Option<_>>()?;
                run.windows(2).all(|w| w[0] < w[1]).then_some(run.len())
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn the_nodes_that_stay_are_a_longest_run_already_in_order() {
        assert_eq!(longest_increasing(&[Some(0), Some(1), None, Some(2)]), [true, true, false, true]);
        assert_eq!(longest_increasing(&[None, None]), [false, false]);
        assert_eq!(longest_increasing(&[Some(2), Some(0), Some(1)]), [false, true, true]);
        // Random old positions (some new), against every subset.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..500 {
            let len = next(11) as usize;
            let mut olds: Vec<usize> = (0..len).collect();
            for k in (1..len).rev() {
                olds.swap(k, next(k as u64 + 1) as usize);
            }
            let at: Vec<Option<usize>> = olds.into_iter().map(|o| (next(4) != 0).then_some(o)).collect();
            let stay = longest_increasing(&at);
            let kept: Vec<usize> = (0..len).filter(|&k| stay[k]).map(|k| at[k].expect("only kept nodes stay")).collect();
            assert!(kept.windows(2).all(|w| w[0] < w[1]), "{at:?} → {stay:?}");
            assert_eq!(kept.len(), brute(&at), "{at:?} → {stay:?}");
        }
    }
}
