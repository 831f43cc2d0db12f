//! Keeping a round: the answers on this device, a class round's changes on their way to the
//! server (the outbox), and "I'm done", which opens the results once the server has them all.

use super::Game;
use crate::components::dom::{go_to, select, set_text};
use crate::components::outbox::new_key;
use crate::components::store::{clear_round, mark_finished, save_round};
use crate::domain::answer_line::AnswerLine;
use crate::domain::scoring::{Answer, encode_answers};
use crate::text::fill;
use leptos::prelude::*;

impl Game {
    /// Keeps the answers on this device and sends a class round's changes.
    pub(super) fn keep(&self) {
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
    pub(super) fn finish(&self) {
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
                outbox.add(vec![AnswerLine::Finish { key: new_key(), assignment, answers: all }.to_string()]);
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
    pub(super) fn show_sync(&self, pending: usize, offline: bool) {
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
            AnswerLine::Answer { key: new_key(), assignment, comment: i as u32, seq: *seq, answer: encode_answers(std::slice::from_ref(a)) }.to_string()
        })
        .collect()
}

