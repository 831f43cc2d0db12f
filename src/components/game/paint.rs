//! How a comment looks after the child's choice: its classes, its choice buttons or its status
//! line with "Undo", practice mode's feedback, and the finish bar's count.

use super::Game;
use crate::components::dom::{by_id, find, find_all, select, set_text, show};
use crate::components::round_setup::RoundSetup;
use crate::domain::scoring::{Answer, ReportReason};
use crate::text::fill;
use leptos::prelude::*;
use web_sys::Element;

impl Game {
    /// Shows every comment whose answer changed as the child left it, and the count.
    pub(super) fn paint(&self) {
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
