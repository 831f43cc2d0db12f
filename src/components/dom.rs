//! Small helpers for the islands, which change the page the server rendered instead of rendering
//! it again in the browser: every view the WebAssembly would have to build adds to its download.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// The first element `css` matches in the page.
pub fn select(css: &str) -> Option<Element> {
    document().query_selector(css).ok().flatten()
}

/// The first element `css` matches inside `root`.
pub fn find(root: &Element, css: &str) -> Option<Element> {
    root.query_selector(css).ok().flatten()
}

/// Every element `css` matches in the page.
pub fn select_all(css: &str) -> Vec<Element> {
    document().document_element().map(|root| find_all(&root, css)).unwrap_or_default()
}

/// Every element `css` matches inside `root`.
pub fn find_all(root: &Element, css: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(css) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

pub fn show(el: &Element, on: bool) {
    let _ = el.toggle_attribute_with_force("hidden", !on);
}

pub fn set_text(el: &Element, text: &str) {
    el.set_text_content(Some(text));
}

/// A new element with a class and a text.
pub fn element(tag: &str, class: &str, text: &str) -> Option<Element> {
    let el = document().create_element(tag).ok()?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.set_text_content(Some(text));
    Some(el)
}

/// Whether an element takes up room on the screen (not hidden, not in a closed dialog).
pub fn visible(el: &Element) -> bool {
    let r = el.get_bounding_client_rect();
    r.width() > 0.0 || r.height() > 0.0
}

pub fn focus(el: Option<Element>) {
    if let Some(el) = el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The element an event happened on.
pub fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}

/// Marks an island's element as live, for the tests and the tap queue.
pub fn mark_hydrated(el: &Element) {
    let _ = el.set_attribute("data-hydrated", "true");
}

pub fn go_to(url: &str) {
    let _ = window().location().set_href(url);
}
