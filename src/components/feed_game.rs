//! A round: the server renders the whole feed (`Round`: the post, every comment with its
//! actions, the dialogs) and the small `FeedGame` island around it takes the child's taps
//! (`game.rs`), keeps the answers in local storage and, at the end, opens the results page,
//! which the server scores. The island gets ids and flags, never the feed: a test's page holds
//! no answer key at all (`domain::answer_key`).

use super::comment_view::comment_view;
use super::dialogs::dialogs;
use super::game::{Game, keep_clear_of_finish_bar};
use super::post_view::post_view;
pub use super::round_setup::ClassRound;
use super::round_setup::{RoundSetup, results_base};
use crate::domain::answer_key::{is_test, without_answer_key};
use crate::domain::model::Feed;
use crate::domain::scoring::{Answer, encode_answers};
use crate::i18n::Locale;
use crate::text::{self, locale};
use leptos::prelude::*;
use leptos_i18n::td_string;

/// The address of the results page of a round with these answers.
pub fn results_url(feed: &Feed, answers: &[Answer]) -> String {
    format!("{}{}", results_base(feed), encode_answers(answers))
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
