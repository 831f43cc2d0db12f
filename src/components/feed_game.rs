//! A round: the server renders the whole feed (`Round`: the post, every comment with its
//! actions, the dialogs) and the small `FeedGame` island around it takes the child's taps
//! (`game.rs`), keeps the answers in local storage and, at the end, opens the results page,
//! which the server scores. The island gets ids and flags, never the feed: a test's page holds
//! no answer key at all (`domain::answer_key`).

use super::comment_view::comment_view;
use super::dialogs::dialogs;
use super::game::{Game, keep_clear_of_finish_bar};
use super::outbox::{Outbox, new_key};
use super::post_view::post_view;
use super::store::{clear_round, load_round, round_key, save_round};
use crate::domain::answer_key::{is_test, without_answer_key};
use crate::domain::model::{Feed, Platform};
use crate::domain::scoring::{Answer, ReportReason, decode_answers, encode_answers};
use crate::i18n::Locale;
use crate::text::{self, locale};
use leptos::prelude::*;
use leptos_i18n::td_string;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

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
        pub finish,
        pub saved,
        pub sending,
        pub offline,
        pub finishing,
        pub reply_spam,
        pub reply_personal,
    }
}

/// All the island gets: where the round is kept and scored, ids and flags per comment, the
/// mode, and its texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    pub video: bool,
    pub moderating: bool,
    pub practice: bool,
    pub text: RoundText,
    /// The report reasons, in the order of `ReportReason::ALL`.
    pub reasons: Vec<String>,
    pub class_round: Option<ClassRound>,
}

impl RoundSetup {
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
            video: feed.settings.platform == Platform::Video,
            moderating,
            practice: feed.practice,
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
                finish: s(td_string!(l, finish)),
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

/// A round on its page: the feed rendered here, on the server, inside the `FeedGame` island. A
/// child can read the page's source, so a test's feed is rendered without its answer key.
#[component]
pub fn Round(feed: Feed, #[prop(optional)] class_round: Option<ClassRound>) -> impl IntoView {
    let test = is_test(&feed);
    let feed = if test { without_answer_key(&feed) } else { feed };
    let l = locale(feed.lang);
    let setup = RoundSetup::new(&feed, l, class_round);
    view! { <FeedGame setup>{round_page(&feed, l, test)}</FeedGame> }
}

/// The instructions, the post, the threads of comments and the dialogs.
fn round_page(feed: &Feed, l: Locale, test: bool) -> impl IntoView + use<> {
    let n = feed.comments.len();
    let index_of = |id: u16| feed.comments.iter().position(|x| x.id == id).unwrap_or(0);
    let threads: Vec<(usize, Vec<usize>)> = feed.threads().into_iter().map(|(top, replies)| (index_of(top.id), replies.iter().map(|r| index_of(r.id)).collect())).collect();
    let instructions = if feed.moderating() {
        text::fill(td_string!(l, moderate_instructions), &[("creator", feed.post.creator.display_name.clone())])
    } else {
        td_string!(l, play_instructions).to_string()
    };
    view! {
        <div class="feed-content">
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
        </div>
        {dialogs(feed, l, test)}
    }
}

/// The round's island: the server-rendered feed as its children, and the finish bar.
#[island]
pub fn FeedGame(setup: RoundSetup, children: Children) -> impl IntoView {
    let n = setup.ids.len();
    let key = setup.key.clone();
    let video = setup.video;
    let t = setup.text.clone();
    let class_round = setup.class_round.clone();
    let game = Game::new(setup);
    let hydrated = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    let outbox = class_round.as_ref().map(|c| Outbox::new(c.student));
    let assignment = class_round.as_ref().map(|c| c.assignment);
    let server_answers = class_round.and_then(|c| decode_answers(&c.answers, n));
    // What the outbox already holds, to send only what changes.
    let sent = StoredValue::new(Vec::<Answer>::new());
    let seq = StoredValue::new(0i64);
    let finishing = RwSignal::new(None::<String>);

    // Restore a round in progress once the page is live in the browser, then keep it saved.
    let restore_key = key.clone();
    Effect::new(move |_| {
        let local = load_round(&restore_key, n);
        let restored = match (outbox, assignment) {
            // A class round: the server's answers, unless this device has changes it has not
            // sent yet (then this device is newer).
            (Some(outbox), Some(a)) if outbox.waiting_for(a) => local.or(server_answers.clone()),
            (Some(_), _) => server_answers.clone().or(local),
            _ => local,
        };
        if let Some(answers) = restored {
            game.answers.set(answers);
            game.paint();
        }
        // What differs from the server's answers is sent (again: the server stores a key once and
        // the latest choice wins).
        sent.set_value(server_answers.clone().unwrap_or_else(|| game.answers.get_untracked()));
        if let Some(el) = root.get_untracked() {
            listen_for_close(&el, game);
        }
        hydrated.set(true);
        // the taps the page held while it was not live yet (`app::TAP_QUEUE`)
        if let Ok(replay) = js_sys::Reflect::get(&window(), &"feedwiseReplay".into())
            && let Some(replay) = replay.dyn_ref::<js_sys::Function>()
        {
            let _ = replay.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let save_key = key.clone();
    Effect::new(move |_| {
        let answers = game.answers.get();
        if hydrated.get() {
            save_round(&save_key, &answers);
            if let (Some(outbox), Some(assignment)) = (outbox, assignment) {
                let lines = seq.try_update_value(|seq| sent.with_value(|before| answer_lines(assignment, before, &answers, seq))).unwrap_or_default();
                if !lines.is_empty() {
                    sent.set_value(answers.clone());
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
        let url = game.setup.with_value(|s| format!("{}{}", s.results, game.answers.with(|a| encode_answers(a))));
        hydrated.set(false);
        clear_round(&key);
        if let (Some(outbox), Some(assignment)) = (outbox, assignment) {
            let all = game.answers.with_untracked(|a| encode_answers(a));
            outbox.add(vec![format!("f {} {assignment} {all}", new_key())]);
            finishing.set(Some(url));
        } else if let Some(w) = web_sys::window() {
            // The results page records the round in this browser's progress (a class round's
            // record is kept by the server, not on a shared device).
            game.setup.with_value(|s| super::store::mark_finished(&s.record));
            let _ = w.location().set_href(&url);
        }
    };
    let answered = t.answered.clone();
    let unanswered = t.unanswered.clone();
    let sync = t.clone();

    view! {
        <div class="game" class:photo=!video class:video=video node_ref=root data-hydrated=move || hydrated.get().to_string()
            on:click=move |ev| game.click(&ev) on:change=move |ev| game.changed(&ev) on:keydown=move |ev| game.keydown(&ev)
            on:focusin=keep_clear_of_finish_bar>
            {children()}
            <div class="finish-bar">
                <div class="finish-text">
                    <p aria-live="polite">{move || text::fill(&answered, &[("done", decided().to_string()), ("total", n.to_string())])}</p>
                    {move || (decided() < n).then(|| view! {
                        <p class="hint">{text::fill(&unanswered, &[("count", (n - decided()).to_string())])}</p>
                    })}
                    {outbox.map(|o| view! { <SyncStatus outbox=o finishing=finishing t=sync /> })}
                </div>
                <button type="button" class="big-button primary" on:click=finish disabled=move || finishing.with(Option::is_some)>{t.finish.clone()}</button>
            </div>
        </div>
    }
}

/// A dialog's `close` (a button, Escape, a tap beside it) does not bubble: the round listens
/// for it on the way down.
fn listen_for_close(root: &web_sys::HtmlDivElement, game: Game) {
    let on_close = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(dialog) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            game.closed(&dialog);
        }
    });
    let _ = root.add_event_listener_with_callback_and_bool("close", on_close.as_ref().unchecked_ref(), true);
    on_close.forget();
}

/// Whether a class round's answers have reached the server.
#[component]
fn SyncStatus(outbox: Outbox, finishing: RwSignal<Option<String>>, t: RoundText) -> impl IntoView {
    move || {
        let pending = outbox.pending.get();
        let count = [("count", pending.to_string())];
        let text = if pending == 0 {
            format!("✓ {}", t.saved)
        } else if outbox.offline.get() {
            format!("⏳ {}", text::fill(&t.offline, &count))
        } else if finishing.with(Option::is_some) {
            format!("⏳ {}", t.finishing)
        } else {
            format!("⏳ {}", text::fill(&t.sending, &count))
        };
        let waiting = pending > 0;
        view! { <p class="sync" class:waiting=waiting role="status" data-pending=pending.to_string()>{text}</p> }
    }
}
