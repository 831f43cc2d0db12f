//! What the round's island does with the page the server rendered (`comment_view.rs`,
//! `dialogs.rs`): one listener on the whole round takes every tap (event delegation: a button
//! says what it does with `data-act`, and the comment it belongs to with the nearest `data-i`),
//! keeps the answers, shows and hides what a choice changes and keeps a class round in sync;
//! `game/dialogs.rs` opens and closes the dialogs and decides where the keyboard focus goes.
//! The island holds ids and flags, not texts: what it writes itself (a status, a warning) it
//! finds in the page's `data-setup` (`RoundText`).

mod dialogs;
mod paint;
mod sync;

pub use dialogs::keep_clear_of_finish_bar;

use dialogs::{Open, chosen_reason, focus_choice, listen_for_close};

use super::data::Data;
use super::dom::{by_id, find, mark_hydrated, select, target};
use super::outbox::Outbox;
use super::round_setup::RoundSetup;
use super::store::load_round;
use crate::domain::scoring::{Answer, decode_answers};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The state of one round.
#[derive(Clone, Copy)]
pub struct Game {
    answers: StoredValue<Vec<Answer>>,
    pub setup: StoredValue<RoundSetup>,
    open: StoredValue<Option<Open>, LocalStorage>,
    /// The answers the page shows, so that only what changed is redrawn.
    shown: StoredValue<Vec<Answer>>,
    /// Live: the answers are kept in local storage (and a class round's go to the outbox).
    live: StoredValue<bool>,
    /// A class round's answers on their way to the server.
    outbox: StoredValue<Option<Outbox>>,
    /// What the outbox already holds, so that only what changes is sent.
    sent: StoredValue<Vec<Answer>>,
    seq: StoredValue<i64>,
    /// A finished class round's results page, opened once the server has every answer.
    finishing: StoredValue<Option<String>>,
}

impl Game {
    pub fn new() -> Game {
        Game {
            answers: StoredValue::new(Vec::new()),
            setup: StoredValue::new(RoundSetup::default()),
            open: StoredValue::new_local(None),
            shown: StoredValue::new(Vec::new()),
            live: StoredValue::new(false),
            outbox: StoredValue::new(None),
            sent: StoredValue::new(Vec::new()),
            seq: StoredValue::new(0),
            finishing: StoredValue::new(None),
        }
    }

    /// Once the page is live: reads the round's setup from the page, restores a round in
    /// progress, then keeps it.
    pub fn start(&self) {
        let Some(root) = select(".game") else { return };
        let Some(setup) = find(&root, ".feed-content[data-setup]").and_then(|el| Data::of(&el, "data-setup")) else { return };
        let setup = RoundSetup::read(&setup);
        let n = setup.ids.len();
        self.answers.set_value(vec![Answer::default(); n]);
        self.shown.set_value(vec![Answer::default(); n]);
        self.outbox.set_value(setup.class_round.as_ref().map(|c| Outbox::new(c.student)));
        self.setup.set_value(setup);
        let (n, key, assignment) = self.setup.with_value(|s| (s.ids.len(), s.key.clone(), s.class_round.as_ref().map(|c| c.assignment)));
        let server = self.setup.with_value(|s| s.class_round.as_ref().and_then(|c| decode_answers(&c.answers, n)));
        let local = load_round(&key, n);
        let outbox = self.outbox.get_value();
        let restored = match (outbox, assignment) {
            // A class round: the server's answers, unless this device has changes it has not
            // sent yet (then this device is newer).
            (Some(outbox), Some(a)) if outbox.waiting_for(a) => local.or(server.clone()),
            (Some(_), _) => server.clone().or(local),
            _ => local,
        };
        if let Some(answers) = restored {
            self.answers.set_value(answers);
        }
        // What differs from the server's answers is sent (again: the server stores a key once
        // and the latest choice wins).
        self.sent.set_value(server.unwrap_or_else(|| self.answers.get_value()));
        self.live.set_value(true);
        self.paint();
        self.keep();
        if let Some(outbox) = outbox {
            let game = *self;
            outbox.listen(move |pending, offline| game.show_sync(pending, offline));
        }
        listen_for_close(&root, *self);
        mark_hydrated(&root);
        // the taps the page held while it was not live yet (`app::TAP_QUEUE`)
        if let Ok(replay) = js_sys::Reflect::get(&window(), &"feedwiseReplay".into())
            && let Some(replay) = replay.dyn_ref::<js_sys::Function>()
        {
            let _ = replay.call0(&wasm_bindgen::JsValue::NULL);
        }
    }

    fn id(&self, i: usize) -> u16 {
        self.setup.with_value(|s| s.ids.get(i).copied().unwrap_or(0))
    }

    /// Changes comment `i`'s answer, and the page with it, and keeps it.
    pub fn answer(&self, i: usize, f: impl FnOnce(&mut Answer)) {
        self.answers.update_value(|all| {
            if let Some(a) = all.get_mut(i) {
                f(a)
            }
        });
        self.paint();
        self.keep();
    }

    /// A choice made with a button of the comment itself: its "Undo" (or, after an undo, its
    /// first action) takes the focus that the hidden button had.
    fn decide(&self, i: usize, f: impl FnOnce(&mut Answer)) {
        self.answer(i, f);
        focus_choice(self.id(i));
    }

    /// Every tap in the round.
    pub fn click(&self, ev: &web_sys::MouseEvent) {
        let Some(target) = target(ev) else { return };
        // A tap on the backdrop lands on the dialog element itself, not on its body.
        if target.tag_name() == "DIALOG" {
            self.close();
            return;
        }
        let Some(button) = target.closest("[data-act]").ok().flatten() else { return };
        let act = button.get_attribute("data-act").unwrap_or_default();
        let i = button.closest("[data-i]").ok().flatten().and_then(|e| e.get_attribute("data-i")).and_then(|s| s.parse::<usize>().ok());
        let about = self.open.with_value(|o| o.as_ref().and_then(|o| o.comment));
        // the tapped button gets the focus back (a mouse tap or a replayed tap does not focus it)
        let opener = button.clone().dyn_into::<HtmlElement>().ok();
        match (act.as_str(), i) {
            ("report", Some(i)) => self.start_report(i, opener),
            ("block", Some(i)) => {
                self.write_name("dialog-block", i);
                self.show_dialog("dialog-block", Some(i), opener);
            }
            ("reply", Some(i)) => self.start_reply(i, opener),
            ("profile", Some(i)) => {
                self.answer(i, |a| a.opened_profile = true);
                self.show_dialog(&format!("profile-{}", self.id(i)), Some(i), opener);
            }
            ("creator", _) => self.show_dialog("profile-creator", None, opener),
            ("link", Some(i)) => {
                self.answer(i, |a| a.clicked_link = true);
                let id = format!("link-{}", self.id(i));
                if let Some(url) = by_id(&id).and_then(|d| find(&d, ".url")) {
                    url.set_text_content(button.text_content().as_deref());
                }
                self.show_dialog(&id, Some(i), opener);
            }
            ("fine", Some(i)) => self.decide(i, |a| a.looks_fine = true),
            ("hide", Some(i)) => self.decide(i, |a| a.hidden = true),
            ("delete", Some(i)) => self.decide(i, |a| a.deleted = true),
            // One comment can be pinned at a time.
            ("pin", Some(i)) => {
                self.answers.update_value(|all| all.iter_mut().enumerate().for_each(|(j, a)| a.pinned = j == i));
                self.decide(i, |a| a.looks_fine = true);
            }
            ("undo", Some(i)) => self.decide(i, |a| {
                a.reported = None;
                a.blocked = false;
                a.looks_fine = false;
                a.hidden = false;
                a.deleted = false;
                a.pinned = false;
            }),
            ("send-report", _) => {
                if let (Some(i), Some(r)) = (about, chosen_reason()) {
                    self.answer(i, |a| {
                        a.reported = Some(r);
                        a.looks_fine = false;
                    });
                    self.close();
                }
            }
            ("confirm-block", _) => {
                if let Some(i) = about {
                    self.answer(i, |a| {
                        a.blocked = true;
                        a.looks_fine = false;
                    });
                    self.close();
                }
            }
            ("send-reply", _) => {
                if let Some(i) = about {
                    self.send_reply(i);
                }
            }
            ("close", _) => self.close(),
            ("finish", _) => self.finish(),
            _ => {}
        }
    }

    /// A reason chosen in the report dialog lets it be sent.
    pub fn changed(&self, ev: &web_sys::Event) {
        let chose = target(ev).is_some_and(|el| el.get_attribute("name").as_deref() == Some("reason"));
        if chose && let Some(send) = by_id("dialog-report").and_then(|d| find(&d, "[data-act='send-report']")) {
            let _ = send.remove_attribute("disabled");
        }
    }

}
