//! A round: the server renders the whole feed (`Round`: the post, every comment with its
//! actions, the dialogs) and the small `FeedGame` island around it takes the child's taps
//! (`game.rs`), keeps the answers in local storage and, at the end, opens the results page,
//! which the server scores. The island gets ids and flags, never the feed: a test's page holds
//! no answer key at all (`domain::answer_key`).

use super::comment_view::comment_view;
use super::data::Data;
use super::dialogs::dialogs;
use super::game::{Game, keep_clear_of_finish_bar};
use super::post_view::post_view;
use super::store::round_key;
use crate::domain::answer_key::{is_test, without_answer_key};
use crate::domain::model::Feed;
use crate::domain::scoring::{Answer, ReportReason, encode_answers};
use crate::i18n::Locale;
use crate::text::{self, locale};
use leptos::prelude::*;
use leptos_i18n::td_string;
use serde::{Deserialize, Serialize};

/// The address of the results page of a round with these answers.
pub fn results_url(feed: &Feed, answers: &[Answer]) -> String {
    format!("{}{}", results_base(feed), encode_answers(answers))
}

fn results_base(feed: &Feed) -> String {
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

/// A round on its page: the feed rendered here, on the server, inside the `FeedGame` island. A
/// child can read the page's source, so a test's feed is rendered without its answer key.
#[component]
pub fn Round(feed: Feed, #[prop(optional)] class_round: Option<ClassRound>) -> impl IntoView {
    let test = is_test(&feed);
    let feed = if test { without_answer_key(&feed) } else { feed };
    let l = locale(feed.lang);
    let setup = RoundSetup::new(&feed, l, class_round);
    view! { <FeedGame>{round_page(&feed, l, test, &setup)}</FeedGame> }
}

/// The instructions, the post, the threads of comments and the dialogs.
fn round_page(feed: &Feed, l: Locale, test: bool, setup: &RoundSetup) -> impl IntoView + use<> {
    let n = feed.comments.len();
    let index_of = |id: u16| feed.comments.iter().position(|x| x.id == id).unwrap_or(0);
    let threads: Vec<(usize, Vec<usize>)> = feed.threads().into_iter().map(|(top, replies)| (index_of(top.id), replies.iter().map(|r| index_of(r.id)).collect())).collect();
    let instructions = if feed.moderating() {
        text::fill(td_string!(l, moderate_instructions), &[("creator", feed.post.creator.display_name.clone())])
    } else {
        td_string!(l, play_instructions).to_string()
    };
    view! {
        <div class="feed-content" data-setup=setup.json()>
            <p class="instructions">{instructions}</p>
            {post_view(feed, l)}
            <section class="comments" aria-labelledby="comments-heading">
                <h2 id="comments-heading">{td_string!(l, comments_heading)} " · " {n}</h2>
                <ul class="threads">
                    {threads.into_iter().map(|(top, replies)| view! {
                        <li class="thread">
                            {comment_view(feed, l, top)}
                            {(!replies.is_empty()).then(|| view! {
                                <ul class="replies" aria-label=td_string!(l, replies)>
                                    {replies.into_iter().map(|r| view! { <li>{comment_view(feed, l, r)}</li> }).collect_view()}
                                </ul>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
            {finish_bar(feed, l, setup.class_round.is_some())}
        </div>
        {dialogs(feed, l, test)}
    }
}

/// The sticky bar under the feed: how many comments have a choice, and the button to finish.
/// The island keeps the count, the hint and a class round's sync line up to date.
fn finish_bar(feed: &Feed, l: Locale, class_round: bool) -> impl IntoView + use<> {
    let n = feed.comments.len().to_string();
    let unanswered = if feed.moderating() { td_string!(l, finish_unanswered_moderate) } else { td_string!(l, finish_unanswered) };
    view! {
        <div class="finish-bar">
            <div class="finish-text">
                <p class="answered" aria-live="polite">{text::fill(td_string!(l, answered_count), &[("done", "0".to_string()), ("total", n.clone())])}</p>
                <p class="hint">{text::fill(unanswered, &[("count", n)])}</p>
                {class_round.then(|| view! { <p class="sync" role="status"></p> })}
            </div>
            <button type="button" class="big-button primary" data-act="finish">{td_string!(l, finish)}</button>
        </div>
    }
}

/// The round's island: the server-rendered round is its children; it only listens.
#[island]
pub fn FeedGame(children: Children) -> impl IntoView {
    let game = Game::new();
    Effect::new(move |_| game.start());
    view! {
        <div class="game" data-hydrated="false"
            on:click=move |ev| game.click(&ev) on:change=move |ev| game.changed(&ev) on:keydown=move |ev| game.keydown(&ev)
            on:focusin=keep_clear_of_finish_bar>
            {children()}
        </div>
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
