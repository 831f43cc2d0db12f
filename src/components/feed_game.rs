//! A round: an island that renders a generated feed, takes the child's actions (report, block,
//! looks fine, profile, link, reply), keeps them in local storage and, at the end, opens the
//! results page, which the server scores. The shared state is `game.rs`, one comment
//! `comment_view.rs`. A page renders a round with `Round`, which leaves the answer key out of a
//! test's props (`domain::answer_key`).

use super::comment_view::CommentView;
use super::dialogs::DialogHost;
use super::game::{Game, keep_clear_of_finish_bar};
use super::outbox::{Outbox, new_key};
use super::post_view::PostView;
use super::store::{SavedRound, clear_round, load_round, mark_finished, round_key, save_round};
use crate::domain::answer_key::{is_test, without_answer_key};
use crate::domain::model::{Comment, Feed, Platform};
use crate::domain::scoring::{Answer, encode_answers};
use crate::i18n::Locale;
use crate::text::{self, locale};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// The address of the results page of a round with these answers.
pub fn results_url(feed: &Feed, answers: &[Answer]) -> String {
    format!("/{}/results?{}&a={}", feed.lang.code(), feed.round_query(), encode_answers(answers))
}

/// A round a teacher assigned: the child's answers also go to the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassRound {
    pub student: i64,
    pub assignment: i64,
    /// The latest answers the server has (from another device, or before a reload).
    pub answers: Vec<Answer>,
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

/// A round on its page: the `FeedGame` island, with the feed a page may carry. A child can read
/// the page's source, so a test's feed goes without its answer key.
#[component]
pub fn Round(feed: Feed, #[prop(optional)] class_round: Option<ClassRound>) -> impl IntoView {
    let feed = if is_test(&feed) { without_answer_key(&feed) } else { feed };
    match class_round {
        Some(class_round) => Either::Left(view! { <FeedGame feed class_round /> }),
        None => Either::Right(view! { <FeedGame feed /> }),
    }
}

/// The round's island; pages render it through `Round`.
#[island]
pub fn FeedGame(feed: Feed, #[prop(optional)] class_round: Option<ClassRound>) -> impl IntoView {
    let lang = feed.lang;
    let key = match &class_round {
        Some(c) => format!("{}.s{}", round_key(&feed), c.student),
        None => round_key(&feed),
    };
    let n = feed.comments.len();
    let platform = feed.settings.platform;
    let moderating = feed.moderating();
    let creator = feed.post.creator.display_name.clone();
    let practice = feed.practice;
    let test = is_test(&feed);
    let game = Game {
        moderating,
        practice,
        test,
        feed: StoredValue::new(feed),
        answers: RwSignal::new(vec![Answer::default(); n]),
        dialog: RwSignal::new(None),
        opener: StoredValue::new_local(None),
        lang,
        l: locale(lang),
    };
    let l = game.l;
    let hydrated = RwSignal::new(false);
    let outbox = class_round.as_ref().map(|c| Outbox::new(c.student));
    let assignment = class_round.as_ref().map(|c| c.assignment);
    let server_answers = class_round.map(|c| c.answers).filter(|a| a.len() == n);
    // What the outbox already holds, to send only what changes.
    let sent = StoredValue::new(Vec::<Answer>::new());
    let seq = StoredValue::new(0i64);
    let finishing = RwSignal::new(None::<String>);

    // Restore a round in progress once the page is live in the browser, then keep it saved.
    let restore_key = key.clone();
    let finished_key = key.clone();
    Effect::new(move |_| {
        let local = load_round(&restore_key).map(|s| s.answers).filter(|a| a.len() == n);
        let restored = match (outbox, assignment) {
            // A class round: the server's answers, unless this device has changes it has not
            // sent yet (then this device is newer).
            (Some(outbox), Some(a)) if outbox.waiting_for(a) => local.or(server_answers.clone()),
            (Some(_), _) => server_answers.clone().or(local),
            _ => local,
        };
        if let Some(answers) = restored {
            game.answers.set(answers);
        }
        // What differs from the server's answers is sent (again: the server stores a key once and
        // the latest choice wins).
        sent.set_value(server_answers.clone().unwrap_or_else(|| game.answers.get_untracked()));
        hydrated.set(true);
        // the taps the page held while it was not live yet (`app::TAP_QUEUE`)
        if let Ok(replay) = js_sys::Reflect::get(&window(), &"feedwiseReplay".into())
            && let Some(replay) = replay.dyn_ref::<js_sys::Function>()
        {
            let _ = replay.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    Effect::new(move |_| {
        let round = SavedRound { answers: game.answers.get() };
        if hydrated.get() {
            save_round(&key, &round);
            if let (Some(outbox), Some(assignment)) = (outbox, assignment) {
                let lines = seq.try_update_value(|seq| sent.with_value(|before| answer_lines(assignment, before, &round.answers, seq))).unwrap_or_default();
                if !lines.is_empty() {
                    sent.set_value(round.answers.clone());
                    outbox.add(lines);
                }
            }
        }
    });
    // A class round opens its results once the server has every answer.
    Effect::new(move |_| {
        if let (Some(url), Some(outbox)) = (finishing.get(), outbox)
            && outbox.pending.get() == 0
            && let Some(w) = web_sys::window()
        {
            let _ = w.location().set_href(&url);
        }
    });

    let decided = move || game.answers.with(|a| a.iter().filter(|a| a.decided()).count());
    // The feedback is a page of its own, rendered on the server from the answers in its address.
    let finish = move |_| {
        let url = game.feed.with_value(|f| game.answers.with(|a| results_url(f, a)));
        hydrated.set(false);
        clear_round(&finished_key);
        if let (Some(outbox), Some(assignment)) = (outbox, assignment) {
            let all = game.answers.with_untracked(|a| encode_answers(a));
            outbox.add(vec![format!("f {} {assignment} {all}", new_key())]);
            finishing.set(Some(url));
        } else if let Some(w) = web_sys::window() {
            // The results page records the round in this browser's progress (a class round's
            // record is kept by the server, not on a shared device).
            game.feed.with_value(mark_finished);
            let _ = w.location().set_href(&url);
        }
    };
    let threads = game.feed.with_value(|f| {
        f.threads().into_iter().map(|(top, replies)| (index_of(f, top), replies.iter().map(|r| index_of(f, r)).collect::<Vec<_>>())).collect::<Vec<_>>()
    });

    view! {
        <div class="game" class:photo=platform == Platform::Photo class:video=platform == Platform::Video
            data-hydrated=move || hydrated.get().to_string() on:focusin=keep_clear_of_finish_bar>
            // While a dialog is open the feed behind it is inert: focus stays in the dialog.
            <div class="feed-content" inert=move || game.dialog.with(Option::is_some)>
                <p class="instructions">{if moderating {
                    text::fill(td_string!(l, moderate_instructions), &[("creator", creator)])
                } else {
                    td_string!(l, play_instructions).to_string()
                }}</p>
                <PostView game />
                <section class="comments" aria-labelledby="comments-heading">
                    <h2 id="comments-heading">{td_string!(l, comments_heading)} " · " {n}</h2>
                    <ul class="threads">
                        {threads.clone().into_iter().map(|(top, replies)| view! {
                            <li class="thread">
                                <CommentView game i=top />
                                {(!replies.is_empty()).then(|| view! {
                                    <ul class="replies" aria-label=td_string!(l, replies)>
                                        {replies.into_iter().map(|r| view! { <li><CommentView game i=r /></li> }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
                <div class="finish-bar">
                    <div class="finish-text">
                        <p aria-live="polite">{move || text::fill(td_string!(l, answered_count), &[("done", decided().to_string()), ("total", n.to_string())])}</p>
                        {move || (decided() < n).then(|| view! {
                            <p class="hint">{text::fill(
                                if moderating { td_string!(l, finish_unanswered_moderate) } else { td_string!(l, finish_unanswered) },
                                &[("count", (n - decided()).to_string())],
                            )}</p>
                        })}
                        {outbox.map(|o| view! { <SyncStatus outbox=o finishing=finishing l /> })}
                    </div>
                    <button type="button" class="big-button primary" on:click=finish disabled=move || finishing.with(Option::is_some)>{td_string!(l, finish)}</button>
                </div>
            </div>
            <DialogHost game />
        </div>
    }
}

/// Whether a class round's answers have reached the server.
#[component]
fn SyncStatus(outbox: Outbox, finishing: RwSignal<Option<String>>, l: Locale) -> impl IntoView {
    move || {
        let pending = outbox.pending.get();
        let text = if pending == 0 {
            format!("✓ {}", td_string!(l, sync_saved))
        } else if outbox.offline.get() {
            format!("⏳ {}", text::fill(td_string!(l, sync_waiting_offline), &[("count", pending.to_string())]))
        } else if finishing.with(Option::is_some) {
            format!("⏳ {}", td_string!(l, sync_finishing))
        } else {
            format!("⏳ {}", text::fill(td_string!(l, sync_sending), &[("count", pending.to_string())]))
        };
        let waiting = pending > 0;
        view! { <p class="sync" class:waiting=waiting role="status" data-pending=pending.to_string()>{text}</p> }
    }
}

fn index_of(feed: &Feed, c: &Comment) -> usize {
    feed.comments.iter().position(|x| x.id == c.id).unwrap_or(0)
}
