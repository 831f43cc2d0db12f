//! What the round's island does with the page the server rendered (`comment_view.rs`,
//! `dialogs.rs`): one listener on the whole round takes every tap (event delegation: a button
//! says what it does with `data-act`, and the comment it belongs to with the nearest `data-i`),
//! keeps the answers, shows and hides what a choice changes, opens and closes the dialogs and
//! decides where the keyboard focus goes. The island holds ids and flags, not texts: what it
//! writes itself (a status, a warning) comes in its props (`RoundText`).

use super::data::Data;
use super::dom::{by_id, find, find_all, focus, go_to, mark_hydrated, select, set_text, show, visible};
use super::feed_game::RoundSetup;
use super::outbox::{Outbox, new_key};
use super::store::{clear_round, load_round, mark_finished, save_round};
use crate::domain::personal::shares_personal_info;
use crate::domain::scoring::{Answer, ReportReason, decode_answers, encode_answers};
use crate::text::fill;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement};

/// The open dialog, the comment it is about and the button that opened it.
struct Open {
    dialog: HtmlDialogElement,
    comment: Option<usize>,
    opener: Option<HtmlElement>,
}

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

    /// Keeps the answers on this device and sends a class round's changes.
    fn keep(&self) {
        if !self.live.get_value() {
            return;
        }
        let answers = self.answers.get_value();
        self.setup.with_value(|s| save_round(&s.key, &answers));
        if let (Some(outbox), Some(assignment)) = (self.outbox.get_value(), self.setup.with_value(|s| s.class_round.as_ref().map(|c| c.assignment))) {
            let lines = self.seq.try_update_value(|seq| self.sent.with_value(|before| answer_lines(assignment, before, &answers, seq))).unwrap_or_default();
            if !lines.is_empty() {
                self.sent.set_value(answers);
                outbox.add(lines);
            }
        }
    }

    /// "I'm done": the feedback is a page of its own, rendered on the server from the answers
    /// in its address.
    fn finish(&self) {
        if self.finishing.with_value(Option::is_some) {
            return;
        }
        let url = self.setup.with_value(|s| format!("{}{}", s.results, self.answers.with_value(|a| encode_answers(a))));
        self.live.set_value(false);
        self.setup.with_value(|s| clear_round(&s.key));
        match (self.outbox.get_value(), self.setup.with_value(|s| s.class_round.as_ref().map(|c| c.assignment))) {
            (Some(outbox), Some(assignment)) => {
                if let Some(button) = select(".finish-bar [data-act='finish']") {
                    let _ = button.set_attribute("disabled", "");
                }
                self.finishing.set_value(Some(url));
                let all = self.answers.with_value(|a| encode_answers(a));
                outbox.add(vec![format!("f {} {assignment} {all}", new_key())]);
            }
            _ => {
                // The results page records the round in this browser's progress (a class
                // round's record is kept by the server, not on a shared device).
                self.setup.with_value(|s| mark_finished(&s.record));
                go_to(&url);
            }
        }
    }

    /// Whether a class round's answers have reached the server; a finished round's results
    /// open once they all have.
    fn show_sync(&self, pending: usize, offline: bool) {
        let finishing = self.finishing.get_value();
        if let Some(line) = select(".finish-bar .sync") {
            let count = [("count", pending.to_string())];
            let said = self.setup.with_value(|s| {
                let t = &s.text;
                if pending == 0 {
                    format!("✓ {}", t.saved)
                } else if offline {
                    format!("⏳ {}", fill(&t.offline, &count))
                } else if finishing.is_some() {
                    format!("⏳ {}", t.finishing)
                } else {
                    format!("⏳ {}", fill(&t.sending, &count))
                }
            });
            set_text(&line, &said);
            let _ = line.set_attribute("data-pending", &pending.to_string());
            let _ = line.class_list().toggle_with_force("waiting", pending > 0);
        }
        if pending == 0
            && let Some(url) = finishing
        {
            go_to(&url);
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

    /// Shows every comment whose answer changed as the child left it, and the count.
    fn paint(&self) {
        let answers = self.answers.get_value();
        let shown = self.shown.get_value();
        let decided = answers.iter().filter(|a| a.decided()).count();
        let n = answers.len();
        self.setup.with_value(|s| {
            for (i, a) in answers.iter().enumerate() {
                if shown.get(i) != Some(a)
                    && let Some(id) = s.ids.get(i)
                    && let Some(el) = by_id(&format!("comment-{id}"))
                {
                    paint_comment(&el, a, status(a, s));
                }
            }
            if let Some(count) = select(".finish-bar .answered") {
                set_text(&count, &fill(&s.text.answered, &[("done", decided.to_string()), ("total", n.to_string())]));
            }
            if let Some(hint) = select(".finish-bar .hint") {
                set_text(&hint, &fill(&s.text.unanswered, &[("count", (n - decided).to_string())]));
                show(&hint, decided < n);
            }
        });
        self.shown.set_value(answers);
    }

    /// Every tap in the round.
    pub fn click(&self, ev: &web_sys::MouseEvent) {
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
        // A tap on the backdrop lands on the dialog element itself, not on its body.
        if target.tag_name() == "DIALOG" {
            self.close();
            return;
        }
        let Some(button) = target.closest("[data-act]").ok().flatten() else { return };
        let act = button.get_attribute("data-act").unwrap_or_default();
        let i = button.closest("[data-i]").ok().flatten().and_then(|e| e.get_attribute("data-i")).and_then(|s| s.parse::<usize>().ok());
        let about = self.open.with_value(|o| o.as_ref().and_then(|o| o.comment));
        match (act.as_str(), i) {
            ("report", Some(i)) => self.start_report(i),
            ("block", Some(i)) => {
                self.write_name("dialog-block", i);
                self.show_dialog("dialog-block", Some(i));
            }
            ("reply", Some(i)) => self.start_reply(i),
            ("profile", Some(i)) => {
                self.answer(i, |a| a.opened_profile = true);
                self.show_dialog(&format!("profile-{}", self.id(i)), Some(i));
            }
            ("creator", _) => self.show_dialog("profile-creator", None),
            ("link", Some(i)) => {
                self.answer(i, |a| a.clicked_link = true);
                let id = format!("link-{}", self.id(i));
                if let Some(url) = by_id(&id).and_then(|d| find(&d, ".url")) {
                    url.set_text_content(button.text_content().as_deref());
                }
                self.show_dialog(&id, Some(i));
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
        let chose = super::dom::target(ev).is_some_and(|el| el.get_attribute("name").as_deref() == Some("reason"));
        if chose && let Some(send) = by_id("dialog-report").and_then(|d| find(&d, "[data-act='send-report']")) {
            let _ = send.remove_attribute("disabled");
        }
    }

    /// Tab and Shift+Tab go round inside an open dialog.
    pub fn keydown(&self, ev: &web_sys::KeyboardEvent) {
        if ev.key() == "Tab"
            && let Some(dialog) = self.open.with_value(|o| o.as_ref().map(|o| o.dialog.clone()))
        {
            keep_focus_inside(dialog.unchecked_ref(), ev);
        }
    }

    fn start_report(&self, i: usize) {
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
        self.show_dialog("dialog-report", Some(i));
    }

    fn start_reply(&self, i: usize) {
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
        self.show_dialog("dialog-reply", Some(i));
    }

    /// Sends a reply: to a bot, or telling a stranger one's age or school, it gets a word of
    /// warning ("ik ben 9" deserves one whether the comment was spam or not).
    fn send_reply(&self, i: usize) {
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
                if on && let Some(p) = super::dom::element("p", class, text) {
                    let _ = said.append_child(&p);
                }
            }
        });
        focus(find(&warned, "button"));
    }

    /// Writes comment `i`'s account name into a shared dialog's title.
    fn write_name(&self, dialog: &str, i: usize) {
        let name = by_id(&format!("comment-{}", self.id(i))).and_then(|c| c.get_attribute("aria-label"));
        if let Some(who) = by_id(dialog).and_then(|d| find(&d, ".who")) {
            who.set_text_content(name.as_deref());
        }
    }

    /// Opens a dialog with `showModal()`. One opened from another (a profile's link) replaces
    /// it and keeps the first one's opener, so the focus goes back to the feed.
    fn show_dialog(&self, id: &str, comment: Option<usize>) {
        let Some(dialog) = by_id(id).and_then(|e| e.dyn_into::<HtmlDialogElement>().ok()) else { return };
        let focused = document().active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let opener = match self.open.try_update_value(Option::take).flatten() {
            Some(before) => {
                before.dialog.close();
                before.opener
            }
            None => focused,
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

/// What a comment's status line says after a choice (`None`: no choice yet).
fn status(a: &Answer, s: &RoundSetup) -> Option<String> {
    let t = &s.text;
    let said = if a.deleted {
        format!("🗑️ {}", t.deleted)
    } else if a.hidden {
        format!("🙈 {}", t.hidden)
    } else if a.pinned {
        format!("📌 {}", t.pinned)
    } else if let Some(r) = a.reported {
        let reason = ReportReason::ALL.iter().position(|x| *x == r).and_then(|n| s.reasons.get(n)).cloned().unwrap_or_default();
        format!("🚩 {} · {reason}", t.reported)
    } else if a.blocked {
        format!("🚫 {}", t.blocked)
    } else if a.looks_fine {
        format!("👍 {}", if s.moderating { &t.kept } else { &t.fine })
    } else {
        return None;
    };
    Some(said)
}

/// A comment as its answer leaves it: its classes, the choice buttons or the status with
/// "Undo", and in practice mode the feedback for the choice.
fn paint_comment(el: &Element, a: &Answer, status: Option<String>) {
    let classes = el.class_list();
    for (class, on) in [("decided", a.decided()), ("flagged", a.flagged()), ("removed", a.hidden || a.deleted), ("mod-pinned", a.pinned)] {
        let _ = classes.toggle_with_force(class, on);
    }
    let chosen = status.is_some();
    for child in find_all(el, ".actions > *") {
        let is_status = child.class_list().contains("status");
        show(&child, (is_status || child.class_list().contains("undo")) == chosen);
        if is_status {
            child.set_text_content(status.as_deref());
        }
    }
    for (when, on) in [("flagged", a.decided() && a.flagged()), ("kept", a.decided() && !a.flagged())] {
        if let Some(feedback) = find(el, &format!(".instant[data-if='{when}']")) {
            show(&feedback, on);
        }
    }
}

/// The reason ticked in the report dialog.
fn chosen_reason() -> Option<ReportReason> {
    let checked = by_id("dialog-report").and_then(|d| find(&d, "input[name='reason']:checked"))?;
    let n: usize = checked.get_attribute("value")?.parse().ok()?;
    ReportReason::ALL.get(n).copied()
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

/// Focuses a comment's "Undo", or its first action where it shows none.
fn focus_choice(comment_id: u16) {
    let doc = document();
    let found = [".undo:not([hidden])", ".action:not([hidden])"].into_iter().find_map(|what| doc.query_selector(&format!("#comment-{comment_id} {what}")).ok().flatten());
    focus(found);
}

/// Moves the focus from the last control of a dialog to its first on Tab, and back on Shift+Tab.
fn keep_focus_inside(dialog: &Element, ev: &web_sys::KeyboardEvent) {
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

/// The lines for the outbox of the comments whose answer changed.
fn answer_lines(assignment: i64, before: &[Answer], now: &[Answer], seq: &mut i64) -> Vec<String> {
    before
        .iter()
        .zip(now)
        .enumerate()
        .filter(|(_, (b, a))| b != a)
        .map(|(i, (_, a))| {
            *seq = (*seq + 1).max(js_sys::Date::now() as i64 * 1000);
            format!("a {} {assignment} {i} {seq} {}", new_key(), encode_answers(std::slice::from_ref(a)))
        })
        .collect()
}

/// A dialog's `close` (a button, Escape, a tap beside it) does not bubble: the round listens
/// for it on the way down.
fn listen_for_close(root: &Element, game: Game) {
    let on_close = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(dialog) = super::dom::target(&ev) {
            game.closed(&dialog);
        }
    });
    let _ = root.add_event_listener_with_callback_and_bool("close", on_close.as_ref().unchecked_ref(), true);
    on_close.forget();
}
