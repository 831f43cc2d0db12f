//! The round's dialogs and where the keyboard focus goes: opening a dialog with `showModal()`,
//! Tab kept inside it, the focus back on the button that opened it (or on the comment's
//! "Undo" when a choice hid that button), and the report and reply dialogs' own steps.

use super::Game;
use crate::components::dom::{by_id, find, find_all, focus, show, target, visible};
use crate::domain::personal::shares_personal_info;
use crate::domain::scoring::ReportReason;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};

/// The open dialog, the comment it is about and the button that opened it.
pub(super) struct Open {
    pub(super) dialog: HtmlDialogElement,
    pub(super) comment: Option<usize>,
    pub(super) opener: Option<HtmlElement>,
}

impl Game {
    /// Tab and Shift+Tab go round inside an open dialog.
    pub fn keydown(&self, ev: &web_sys::KeyboardEvent) {
        if ev.key() == "Tab"
            && let Some(dialog) = self.open.with_value(|o| o.as_ref().map(|o| o.dialog.clone()))
        {
            keep_focus_inside(dialog.unchecked_ref(), ev);
        }
    }

    pub(super) fn start_report(&self, i: usize, opener: Option<HtmlElement>) {
        if let Some(d) = by_id("dialog-report") {
            for input in find_all(&d, "input[name='reason']") {
                if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
                    input.set_checked(false);
                }
            }
            if let Some(send) = find(&d, "[data-act='send-report']") {
                let _ = send.set_attribute("disabled", "");
            }
        }
        self.show_dialog("dialog-report", Some(i), opener);
    }

    pub(super) fn start_reply(&self, i: usize, opener: Option<HtmlElement>) {
        let Some(d) = by_id("dialog-reply") else { return };
        self.write_name("dialog-reply", i);
        if let Some(text) = find(&d, "textarea").and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            text.set_value("");
        }
        if let (Some(compose), Some(warned), Some(said)) = (find(&d, ".compose"), find(&d, ".warned"), find(&d, ".said")) {
            show(&compose, true);
            show(&warned, false);
            said.set_inner_html("");
        }
        self.show_dialog("dialog-reply", Some(i), opener);
    }

    /// Sends a reply: to a bot, or telling a stranger one's age or school, it gets a word of
    /// warning ("ik ben 9" deserves one whether the comment was spam or not).
    pub(super) fn send_reply(&self, i: usize) {
        let Some(d) = by_id("dialog-reply") else { return };
        let text = find(&d, "textarea").and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()).map(|t| t.value()).unwrap_or_default();
        if text.trim().is_empty() {
            return;
        }
        self.answer(i, |a| a.replied = true);
        let spam = self.setup.with_value(|s| s.spam.get(i).copied().unwrap_or(false));
        let personal = shares_personal_info(&text);
        if !spam && !personal {
            self.close();
            return;
        }
        let (Some(compose), Some(warned), Some(said)) = (find(&d, ".compose"), find(&d, ".warned"), find(&d, ".said")) else { return };
        show(&compose, false);
        show(&warned, true);
        self.setup.with_value(|s| {
            for (on, class, text) in [(spam, "warning", &s.text.reply_spam), (personal, "warning personal", &s.text.reply_personal)] {
                if on && let Some(p) = crate::components::dom::element("p", class, text) {
                    let _ = said.append_child(&p);
                }
            }
        });
        focus(find(&warned, "button"));
    }

    /// Writes comment `i`'s account name into a shared dialog's title.
    pub(super) fn write_name(&self, dialog: &str, i: usize) {
        let name = by_id(&format!("comment-{}", self.id(i))).and_then(|c| c.get_attribute("aria-label"));
        if let Some(who) = by_id(dialog).and_then(|d| find(&d, ".who")) {
            who.set_text_content(name.as_deref());
        }
    }

    /// Opens a dialog with `showModal()`; `opener` (the tapped button, else the focused
    /// element) gets the focus back. One opened from another (a profile's link) replaces it and
    /// keeps the first one's opener, so the focus goes back to the feed.
    pub(super) fn show_dialog(&self, id: &str, comment: Option<usize>, opener: Option<HtmlElement>) {
        let Some(dialog) = by_id(id).and_then(|e| e.dyn_into::<HtmlDialogElement>().ok()) else { return };
        let opener = opener.or_else(|| document().active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok()));
        let opener = match self.open.try_update_value(Option::take).flatten() {
            Some(before) => {
                before.dialog.close();
                before.opener
            }
            None => opener,
        };
        self.open.set_value(Some(Open { dialog: dialog.clone(), comment, opener }));
        let _ = dialog.show_modal();
    }

    /// Closes the open dialog (`closed` follows, as after Escape).
    pub fn close(&self) {
        if let Some(dialog) = self.open.with_value(|o| o.as_ref().map(|o| o.dialog.clone())) {
            dialog.close();
        }
    }

    /// A dialog closed (a button, Escape, a tap beside it): the focus goes back to the button
    /// that opened it or, when a choice hid that button, to the comment's "Undo", never to the
    /// top of the page.
    pub fn closed(&self, dialog: &Element) {
        let current = self.open.with_value(|o| o.as_ref().is_some_and(|o| o.dialog.unchecked_ref::<Element>() == dialog));
        let Some(open) = current.then(|| self.open.try_update_value(Option::take).flatten()).flatten() else { return };
        match open.opener.filter(|el| el.is_connected() && visible(el)) {
            Some(el) => {
                let _ = el.focus();
            }
            None => {
                if let Some(i) = open.comment {
                    focus_choice(self.id(i));
                }
            }
        }
    }
}

/// The reason ticked in the report dialog.
pub(super) fn chosen_reason() -> Option<ReportReason> {
    let checked = by_id("dialog-report").and_then(|d| find(&d, "input[name='reason']:checked"))?;
    let n: usize = checked.get_attribute("value")?.parse().ok()?;
    ReportReason::ALL.get(n).copied()
}

/// Focuses a comment's "Undo", or its first action where it shows none.
pub(super) fn focus_choice(comment_id: u16) {
    let doc = document();
    let found = [".undo:not([hidden])", ".action:not([hidden])"].into_iter().find_map(|what| doc.query_selector(&format!("#comment-{comment_id} {what}")).ok().flatten());
    focus(found);
}

/// Moves the focus from the last control of a dialog to its first on Tab, and back on Shift+Tab.
pub(super) fn keep_focus_inside(dialog: &Element, ev: &web_sys::KeyboardEvent) {
    let controls: Vec<Element> = find_all(dialog, "button:not([disabled]), input:not([disabled]), textarea, a[href], [tabindex='0']").into_iter().filter(visible).collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else { return };
    let active = document().active_element();
    let at = |el: &Element| active.as_ref() == Some(el);
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    // a group of radio buttons is one stop: any of them is first when the first control is one
    let group = |el: &Element| (el.get_attribute("type").as_deref() == Some("radio")).then(|| el.get_attribute("name")).flatten();
    let in_first_group = active.as_ref().and_then(group).is_some_and(|g| group(first) == Some(g));
    if ev.shift_key() && (at(first) || in_first_group || !inside) {
        ev.prevent_default();
        focus(Some(last.clone()));
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        focus(Some(first.clone()));
    }
}

/// A dialog's `close` (a button, Escape, a tap beside it) does not bubble: the round listens
/// for it on the way down.
pub(super) fn listen_for_close(root: &Element, game: Game) {
    let on_close = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(dialog) = target(&ev) {
            game.closed(&dialog);
        }
    });
    let _ = root.add_event_listener_with_callback_and_bool("close", on_close.as_ref().unchecked_ref(), true);
    on_close.forget();
}

/// Scrolls a focused button out from under the sticky finish bar (WCAG 2.2: a focused element
/// is never hidden).
pub fn keep_clear_of_finish_bar(ev: web_sys::FocusEvent) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if el.closest(".finish-bar, dialog").ok().flatten().is_some() {
        return;
    }
    // Measured once the browser has scrolled the element into view itself.
    request_animation_frame(move || {
        let Some(bar) = document().query_selector(".finish-bar").ok().flatten() else { return };
        let covered = el.get_bounding_client_rect().bottom() - bar.get_bounding_client_rect().top();
        if covered > 0.0 && el.is_connected() {
            window().scroll_by_with_x_and_y(0.0, covered + 12.0);
        }
    });
}
