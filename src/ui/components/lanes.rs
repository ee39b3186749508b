//! The timeline chart's lanes and marks: described as data ([`LaneSpec`], [`Mark`]),
//! drawn by Leptos views (the static page, hydration, and every lane or mark that is
//! new), and redrawn in place by [`Drawing::redraw`], which keys lanes by actor and marks
//! by event (or a bin by its days) and sets only the attributes that changed.
//!
//! Why not let Leptos rebuild them like the rest of the page: a filter or a zoom redraws
//! hundreds of marks, and a rebuilt element (with `erase_components`) removes and sets
//! again every attribute it has, about fifteen DOM calls a mark whether it moved or not.
//! Here a mark that stays costs the attributes that changed (a zoom: its x and width), a
//! lane that stays costs its place, and only what is new is built (by the same views
//! that wrote the static page, so the markup is written once).
//!
//! Positions inside a lane are relative to its top (the lane's `transform`), so a lane
//! that moves up or down moves as one.

use std::collections::HashMap;

use leptos::either::Either;
use leptos::prelude::*;
use leptos::tachys::svg;
use leptos::tachys::view::{Mountable, Render};
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::core::model::ActorId;

/// The link's attributes of a mark, in the order [`Mark::link`] holds their values.
const LINK: [&str; 5] = ["class", "href", "aria-label", "tabindex", "data-e"];
/// A point's attributes (a circle).
const POINT: [&str; 2] = ["cx", "cy"];
/// A bar's or a bin's attributes (a rect).
const BAR: [&str; 3] = ["x", "y", "width"];
/// A bin's count's attributes (a text).
const COUNT: [&str; 2] = ["x", "y"];

/// What identifies a mark from one drawing to the next within its lane.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MarkKey {
    /// An event's mark, by the link to its card (its id: event numbers change when every
    /// event comes in).
    Event(String),
    /// A bin, by its place among the lane's bins: a zoom or a filter changes every bin's
    /// days, and a bin changed costs less than one removed and another built.
    Bin(usize),
}

/// A mark's shape and its attributes' values.
#[derive(Clone, Debug, PartialEq)]
pub enum MarkShape {
    /// A circle: [`POINT`].
    Point([String; 2]),
    /// A rect: [`BAR`].
    Bar([String; 3]),
}

/// One mark: a link and its shape, and a bin's count.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub key: MarkKey,
    /// The values of [`LINK`], `None` where the attribute is absent.
    pub link: [Option<String>; 5],
    pub shape: MarkShape,
    /// A bin's count: [`COUNT`]'s values and its text.
    pub count: Option<([String; 2], String)>,
}

impl Mark {
    /// Whether `other` can be drawn by changing this mark's attributes (the same elements).
    fn same_elements(&self, other: &Mark) -> bool {
        matches!((&self.shape, &other.shape), (MarkShape::Point(_), MarkShape::Point(_)) | (MarkShape::Bar(_), MarkShape::Bar(_)))
            && self.count.is_some() == other.count.is_some()
    }
}

/// One lane: its place, its head and its marks.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneSpec {
    /// The lane's actor (`None` for "others"): what identifies it between drawings.
    pub key: Option<ActorId>,
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
    match m.count.clone() {
        Some(([x, y], text)) => Either::Left(a.child((shape, svg::text().attr(COUNT[0], x).attr(COUNT[1], y).child(text)))),
        None => Either::Right(a.child(shape)),
    }
}

/// A lane as a view: its rule, its head (a link to the actor's page, or a label), its marks.
pub fn lane_view(l: &LaneSpec) -> impl IntoView {
    let label = l.label.clone();
    let head = match &l.head {
        // In a <g>, so the view macro makes the ambiguous <a> an SVG link.
        Some(href) => view! { <g><a class="lane-head" href=href.clone()><text x=0 y=13>{label}</text></a></g> }.into_any(),
        None => view! { <text class="lane-head" x=0 y=13>{label}</text> }.into_any(),
    };
    let marks = l.marks.iter().map(mark_view).collect_view();
    // Built, not written in the view macro: an SVG element with only literal attributes
    // becomes tachys's `InertElement`, which the browser builds wrapped in a stray <g>
    // (tachys 0.2.19, `create_svg_element_from_html`), unlike the static page.
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
    Nodes(Vec<LaneNode>),
}

/// The element `view` renders to, built (the state is dropped: these views hold no
/// reactive parts or handlers).
fn build(view: impl IntoView) -> Option<Element> {
    view.into_view().build().elements().into_iter().next()
}

fn set(el: &Element, name: &str, value: Option<&String>) {
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

fn shape_values(s: &MarkShape) -> (&'static [&'static str], Vec<Option<&String>>) {
    match s {
        MarkShape::Point(v) => (&POINT, v.iter().map(Some).collect()),
        MarkShape::Bar(v) => (&BAR, v.iter().map(Some).collect()),
    }
}

impl MarkNode {
    /// The elements of a mark drawn from `spec`.
    fn adopt(a: Element, spec: Mark) -> Option<MarkNode> {
        let shape = a.first_element_child()?;
        let count = if spec.count.is_some() { Some(a.last_element_child()?) } else { None };
        Some(MarkNode { spec, a, shape, count })
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
                    let template = spec.clone();
                    templates.push((template.clone(), build(mark_view(&template))?));
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
        patch(&self.shape, names, before, after);
        if let (Some(text), Some((before, old_count)), Some((after, new_count))) = (&self.count, &old.count, &new.count) {
            patch(text, &COUNT, before.iter().map(Some), after.iter().map(Some));
            if old_count != new_count {
                text.set_text_content(Some(new_count));
            }
        }
        self.spec = new;
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
            let _ = self.g.set_attribute("data-lane", &new.index.to_string());
        }
        if self.spec.top != new.top {
            let _ = self.g.set_attribute("transform", &translate(new.top));
        }
        if self.spec.label != new.label {
            self.label.set_text_content(Some(&new.label));
        }
        let marks = std::mem::take(&mut new.marks);
        let old = std::mem::take(&mut self.marks);
        self.marks = rekey(&self.g, old, marks, roving);
        self.spec = new;
    }
}

/// A drawn thing [`rekey`] redraws: a lane, or a mark in one.
trait Node: Sized {
    type Spec;
    type Key: std::hash::Hash + Eq + Clone;
    fn key(&self) -> &Self::Key;
    fn key_of(spec: &Self::Spec) -> &Self::Key;
    fn element(&self) -> &Element;
    /// Whether `spec` can be drawn by changing this node.
    fn fits(&self, spec: &Self::Spec) -> bool;
    fn redraw(&mut self, spec: Self::Spec, roving: bool);
    fn create(spec: Self::Spec) -> Option<Self>;
}

impl Node for MarkNode {
    type Spec = Mark;
    type Key = MarkKey;
    fn key(&self) -> &MarkKey {
        &self.spec.key
    }
    fn key_of(spec: &Mark) -> &MarkKey {
        &spec.key
    }
    fn element(&self) -> &Element {
        &self.a
    }
    fn fits(&self, spec: &Mark) -> bool {
        self.spec.same_elements(spec)
    }
    fn redraw(&mut self, spec: Mark, roving: bool) {
        MarkNode::redraw(self, spec, roving)
    }
    fn create(spec: Mark) -> Option<MarkNode> {
        MarkNode::create(spec)
    }
}

impl Node for LaneNode {
    type Spec = LaneSpec;
    type Key = Option<ActorId>;
    fn key(&self) -> &Option<ActorId> {
        &self.spec.key
    }
    fn key_of(spec: &LaneSpec) -> &Option<ActorId> {
        &spec.key
    }
    fn element(&self) -> &Element {
        &self.g
    }
    fn fits(&self, _: &LaneSpec) -> bool {
        true
    }
    fn redraw(&mut self, spec: LaneSpec, roving: bool) {
        LaneNode::redraw(self, spec, roving)
    }
    fn create(spec: LaneSpec) -> Option<LaneNode> {
        LaneNode::create(spec)
    }
}

/// The keyed redraw of a list of children of `parent`: each new spec takes the old node
/// of its key if it fits (redrawn; otherwise the old node is removed) or a node created;
/// old nodes left over are removed; then the nodes are put in the new order, moving only
/// what must move.
fn rekey<N: Node>(parent: &Element, old: Vec<N>, new: Vec<N::Spec>, roving: bool) -> Vec<N> {
    let mut by_key: HashMap<N::Key, (usize, N)> = HashMap::with_capacity(old.len());
    for (k, n) in old.into_iter().enumerate() {
        let key = n.key().clone();
        if let Some((_, twice)) = by_key.insert(key, (k, n)) {
            twice.element().remove();
        }
    }
    // Each new node with the old position it had, if it was kept.
    let mut placed: Vec<(N, Option<usize>)> = Vec::with_capacity(new.len());
    for s in new {
        match by_key.remove(N::key_of(&s)) {
            Some((at, mut n)) if n.fits(&s) => {
                n.redraw(s, roving);
                placed.push((n, Some(at)));
                continue;
            }
            Some((_, n)) => n.element().remove(),
            None => {}
        }
        if let Some(n) = N::create(s) {
            placed.push((n, None));
        }
    }
    for (_, n) in by_key.into_values() {
        n.element().remove();
    }
    // The kept nodes are in the page in their old order: if that is their new order too
    // (a zoom, a filter: marks stay in time order, lanes in theirs), only the new ones
    // are inserted, each before the next kept node (or at the end); otherwise every node
    // is appended in the new order.
    let in_order = placed.iter().filter_map(|(_, at)| *at).collect::<Vec<_>>().windows(2).all(|w| w[0] < w[1]);
    if in_order {
        // The node after this one (already in its place), by its index in `placed`.
        let mut next: Option<usize> = None;
        for k in (0..placed.len()).rev() {
            if placed[k].1.is_none() {
                let _ = parent.insert_before(placed[k].0.element(), next.map(|j| -> &web_sys::Node { placed[j].0.element() }));
            }
            next = Some(k);
        }
    } else {
        for (n, _) in &placed {
            let _ = parent.append_child(n.element());
        }
    }
    placed.into_iter().map(|(n, _)| n).collect()
}

impl Drawing {
    /// Redraws the lanes in `root` (the lanes' group) to `new`; `roving` when the arrow
    /// keys have moved the tab stop since the last drawing (every tabindex is set again).
    pub fn redraw(&mut self, root: &Element, new: Vec<LaneSpec>, roving: bool) {
        let old = match std::mem::replace(self, Drawing::Nodes(Vec::new())) {
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
                    Some(nodes) => nodes,
                    None => {
                        root.set_text_content(None);
                        Vec::new()
                    }
                }
            }
            Drawing::Nodes(nodes) => nodes,
        };
        let nodes = rekey(root, old, new, roving);
        *self = Drawing::Nodes(nodes);
    }
}
