//! The state of one round that the island's views share (`Game`), its dialogs, and where the
//! keyboard focus goes when a dialog closes or a choice is made.

use crate::domain::model::{Comment, Feed, Lang};
use crate::domain::scoring::Answer;
use crate::i18n::Locale;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A dialog on top of the feed.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    Report(usize),
    Block(usize),
    Reply(usize),
    Profile(usize),
    Creator,
    /// A clicked link: the comment it was in, and the address.
    Link(usize, String),
}

/// The state of one round, shared by the views inside the island.
#[derive(Clone, Copy)]
pub struct Game {
    pub feed: StoredValue<Feed>,
    pub answers: RwSignal<Vec<Answer>>,
    pub dialog: RwSignal<Option<Dialog>>,
    pub lang: Lang,
    pub l: Locale,
    /// The child runs this comment section as the creator's moderator.
    pub moderating: bool,
    /// Practice mode: right or wrong is shown after each choice.
    pub practice: bool,
    /// A pre- or post-test: the feed has no answer key, so nothing says what a comment is.
    pub test: bool,
    /// The button that opened the dialog, to take the focus back to when it closes.
    pub opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Game {
    pub fn open(&self, dialog: Dialog) {
        match &dialog {
            Dialog::Profile(i) => self.answer(*i, |a| a.opened_profile = true),
            Dialog::Link(i, _) => self.answer(*i, |a| a.clicked_link = true),
            _ => {}
        }
        let focused = document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        self.opener.set_value(focused);
        self.dialog.set(Some(dialog));
    }

    /// Closes the dialog; the focus goes back to the button that opened it or, when a choice
    /// replaced that button, to the comment's "Undo", never to the top of the page.
    pub fn close(&self) {
        let Some(closing) = self.dialog.get_untracked() else { return };
        self.dialog.set(None);
        let opener = self.opener.try_update_value(Option::take).flatten();
        let comment = closing.comment().map(|i| self.comment(i).id);
        request_animation_frame(move || match opener.filter(|el| el.is_connected()) {
            Some(el) => {
                let _ = el.focus();
            }
            None => {
                if let Some(id) = comment {
                    focus_choice(id)
                }
            }
        });
    }

    /// A choice made with a button of the comment itself: its "Undo" (or, after an undo, its
    /// first action) takes the focus that the replaced button had.
    pub fn decide(&self, i: usize, f: impl FnOnce(&mut Answer)) {
        self.answer(i, f);
        let id = self.comment(i).id;
        request_animation_frame(move || focus_choice(id));
    }

    pub fn answer(&self, i: usize, f: impl FnOnce(&mut Answer)) {
        self.answers.update(|all| {
            if let Some(a) = all.get_mut(i) {
                f(a)
            }
        });
    }

    pub fn comment(&self, i: usize) -> Comment {
        self.feed.with_value(|f| f.comments[i].clone())
    }
}

/// Scrolls a focused button out from under the sticky finish bar (WCAG 2.2: a focused element
/// is never hidden).
pub fn keep_clear_of_finish_bar(ev: web_sys::FocusEvent) {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if el.closest(".finish-bar").ok().flatten().is_some() {
        return;
    }
    let Some(bar) = document().query_selector(".finish-bar").ok().flatten() else { return };
    let covered = el.get_bounding_client_rect().bottom() - bar.get_bounding_client_rect().top();
    if covered > 0.0 {
        window().scroll_by_with_x_and_y(0.0, covered + 12.0);
    }
}

/// Focuses a comment's "Undo", or its first action where it has none.
fn focus_choice(comment_id: u16) {
    let doc = document();
    let found = [".undo", ".action"].into_iter().find_map(|what| doc.query_selector(&format!("#comment-{comment_id} {what}")).ok().flatten());
    if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

impl Dialog {
    /// The comment a dialog was opened from (none for the creator's profile).
    fn comment(&self) -> Option<usize> {
        match self {
            Dialog::Report(i) | Dialog::Block(i) | Dialog::Reply(i) | Dialog::Profile(i) | Dialog::Link(i, _) => Some(*i),
            Dialog::Creator => None,
        }
    }
}
