//! What the round's island is told, as JSON in the page's `data-setup` (`Round` writes it,
//! `Game::start` reads it): where the answers are kept and scored, ids and flags per comment,
//! the mode and the texts the island writes itself. Shared by the server page (`feed_game.rs`)
//! and the island (`game.rs`), so neither imports the other.

use super::data::Data;
use super::store::round_key;
use crate::domain::model::Feed;
use crate::domain::scoring::ReportReason;
use crate::i18n::Locale;
use crate::text;
use leptos_i18n::td_string;
use serde::{Deserialize, Serialize};

/// The results page's address, to which a round's answers are added.
pub fn results_base(feed: &Feed) -> String {
    format!("/{}/results?{}&a=", feed.lang.code(), feed.round_query())
}

/// A round a teacher assigned: the child's answers also go to the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassRound {
    pub student: i64,
    pub assignment: i64,
    /// The latest answers the server has (from another device, or before a reload), as
    /// `scoring::encode_answers` writes them.
    pub answers: String,
}

text::island_texts! {
    /// The texts the island writes itself, in the round's language.
    pub struct RoundText {
        pub deleted,
        pub hidden,
        pub pinned,
        pub reported,
        pub blocked,
        pub kept,
        pub fine,
        /// "%done% of %total% …"
        pub answered,
        /// "%count% left …"
        pub unanswered,
        pub saved,
        pub sending,
        pub offline,
        pub finishing,
        pub reply_spam,
        pub reply_personal,
    }
}

/// All the island gets (as JSON in the page): where the round is kept and scored, ids and flags
/// per comment, the mode, and its texts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RoundSetup {
    /// The local-storage key of the answers on this device.
    pub key: String,
    /// The round's key in the progress records (`store::round_key`).
    pub record: String,
    /// The results page's address, to which the answers are added.
    pub results: String,
    /// The comments' ids, in the feed's order.
    pub ids: Vec<u16>,
    /// Per comment: a bot or a scam, for the warning after a reply; never set on a test.
    pub spam: Vec<bool>,
    pub moderating: bool,
    pub text: RoundText,
    /// The report reasons, in the order of `ReportReason::ALL`.
    pub reasons: Vec<String>,
    pub class_round: Option<ClassRound>,
}

impl RoundSetup {
    /// As the island finds it in the page (`data-setup`).
    pub fn json(&self) -> String {
        #[cfg(feature = "ssr")]
        {
            super::data::setup_json(self)
        }
        #[cfg(not(feature = "ssr"))]
        String::new()
    }

    /// Reads `json` back in the browser.
    pub fn read(d: &Data) -> RoundSetup {
        let c = d.get("class_round");
        RoundSetup {
            key: d.get("key").text(),
            record: d.get("record").text(),
            results: d.get("results").text(),
            ids: d.get("ids").list().iter().map(|n| n.number() as u16).collect(),
            spam: d.get("spam").list().iter().map(Data::flag).collect(),
            moderating: d.get("moderating").flag(),
            text: RoundText::from(d.get("text").texts()),
            reasons: d.get("reasons").texts(),
            class_round: (!c.is_none()).then(|| ClassRound {
                student: c.get("student").number() as i64,
                assignment: c.get("assignment").number() as i64,
                answers: c.get("answers").text(),
            }),
        }
    }

    pub fn new(feed: &Feed, l: Locale, class_round: Option<ClassRound>) -> RoundSetup {
        let moderating = feed.moderating();
        let s = |t: &str| t.to_string();
        RoundSetup {
            key: match &class_round {
                Some(c) => format!("{}.s{}", round_key(feed), c.student),
                None => round_key(feed),
            },
            record: round_key(feed),
            results: results_base(feed),
            ids: feed.comments.iter().map(|c| c.id).collect(),
            spam: feed.comments.iter().map(|c| c.is_spam()).collect(),
            moderating,
            text: RoundText {
                deleted: s(td_string!(l, status_deleted)),
                hidden: s(td_string!(l, status_hidden)),
                pinned: s(td_string!(l, status_pinned)),
                reported: s(td_string!(l, status_reported)),
                blocked: s(td_string!(l, status_blocked)),
                kept: s(td_string!(l, status_kept)),
                fine: s(td_string!(l, status_fine)),
                answered: s(td_string!(l, answered_count)),
                unanswered: s(if moderating { td_string!(l, finish_unanswered_moderate) } else { td_string!(l, finish_unanswered) }),
                saved: s(td_string!(l, sync_saved)),
                sending: s(td_string!(l, sync_sending)),
                offline: s(td_string!(l, sync_waiting_offline)),
                finishing: s(td_string!(l, sync_finishing)),
                reply_spam: s(td_string!(l, reply_spam_warning)),
                reply_personal: s(td_string!(l, reply_personal_warning)),
            },
            reasons: ReportReason::ALL.into_iter().map(|r| text::reason(l, r)).collect(),
            class_round,
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    /// `RoundSetup::read` looks fields up by name in the browser, without serde: these are the
    /// names serde writes, and a rename on either side fails here.
    #[test]
    fn the_island_reads_the_field_names_the_server_writes() {
        let setup = RoundSetup { class_round: Some(ClassRound { student: 1, assignment: 2, answers: "BA".into() }), ..RoundSetup::default() };
        let json = serde_json::to_value(&setup).unwrap();
        let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<std::collections::BTreeSet<_>>();
        let want = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(keys(&json), want(&["key", "record", "results", "ids", "spam", "moderating", "text", "reasons", "class_round"]));
        assert_eq!(keys(&json["class_round"]), want(&["student", "assignment", "answers"]));
        // the texts travel as a list, in the order of RoundText's fields
        let text = RoundText { deleted: "d".into(), reply_personal: "p".into(), ..RoundText::default() };
        let list = serde_json::to_value(&text).unwrap();
        assert_eq!(list[0], "d");
        assert_eq!(RoundText::from(serde_json::from_value::<Vec<String>>(list).unwrap()), text);
    }
}
