//! The practice round: an island that renders a generated feed, takes the child's actions
//! (report, block, looks fine, profile, link, reply), keeps them in local storage and, at the
//! end, opens the results page.

use super::dialogs::DialogHost;
use super::outbox::{Outbox, new_key};
use super::post_view::{AccountButton, PostView};
use super::store::{SavedRound, clear_round, load_round, record_round, round_key, save_round};
use crate::domain::model::{Comment, Feed, Lang, Platform, Span};
use crate::domain::scoring::{Answer, Outcome, encode_answers, outcome, score};
use serde::{Deserialize, Serialize};
use crate::i18n::Locale;
use crate::text::{self, compact, locale, time_ago};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_i18n::td_string;
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
fn keep_clear_of_finish_bar(ev: web_sys::FocusEvent) {
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
    let game = Game {
        moderating,
        practice,
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
        let url = game.feed.with_value(|f| {
            game.answers.with(|a| {
                // A class round's record is kept by the server, not on a shared device.
                if outbox.is_none() {
                    record_round(f, &score(&f.comments, a), js_sys::Date::now());
                }
                results_url(f, a)
            })
        });
        hydrated.set(false);
        clear_round(&finished_key);
        if let (Some(outbox), Some(assignment)) = (outbox, assignment) {
            let all = game.answers.with_untracked(|a| encode_answers(a));
            outbox.add(vec![format!("f {} {assignment} {all}", new_key())]);
            finishing.set(Some(url));
        } else if let Some(w) = web_sys::window() {
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

/// Comment text; links are buttons that open the "what could have happened" page.
pub fn comment_text(game: Game, i: usize, spans: Vec<Span>) -> impl IntoView {
    spans
        .into_iter()
        .map(|s| {
            if s.link {
                let url = s.text.clone();
                Either::Left(view! {
                    <button type="button" class="link" on:click=move |_| game.open(Dialog::Link(i, url.clone()))>{s.text}</button>
                })
            } else {
                Either::Right(view! { <span>{s.text}</span> })
            }
        })
        .collect_view()
}

#[component]
fn CommentView(game: Game, i: usize) -> impl IntoView {
    let c = game.comment(i);
    let l = game.l;
    let lang = game.lang;
    let video = game.feed.with_value(|f| f.settings.platform == Platform::Video);
    let creator_name = game.feed.with_value(|f| f.post.creator.display_name.clone());
    let answer = move || game.answers.with(|a| a[i].clone());
    let status = move || {
        let a = answer();
        if a.deleted {
            Some(format!("🗑️ {}", td_string!(l, status_deleted)))
        } else if a.hidden {
            Some(format!("🙈 {}", td_string!(l, status_hidden)))
        } else if a.pinned {
            Some(format!("📌 {}", td_string!(l, status_pinned)))
        } else if let Some(r) = a.reported {
            Some(format!("🚩 {} · {}", td_string!(l, status_reported), text::reason(l, r)))
        } else if a.blocked {
            Some(format!("🚫 {}", td_string!(l, status_blocked)))
        } else if a.looks_fine && game.moderating {
            Some(format!("👍 {}", td_string!(l, status_kept)))
        } else if a.looks_fine {
            Some(format!("👍 {}", td_string!(l, status_fine)))
        } else {
            None
        }
    };
    let undo = move |_| game.decide(i, |a| {
        a.reported = None;
        a.blocked = false;
        a.looks_fine = false;
        a.hidden = false;
        a.deleted = false;
        a.pinned = false;
    });
    // One comment can be pinned at a time, and only a top-level one.
    let pin = move |_| {
        game.answers.update(|all| {
            for (j, a) in all.iter_mut().enumerate() {
                a.pinned = j == i;
            }
        });
        game.decide(i, |a| a.looks_fine = true);
    };
    let own = c.author.is_creator;
    let can_pin = c.pinnable();
    view! {
        <article class="comment" id=format!("comment-{}", c.id) class:pinned=c.pinned class:decided=move || answer().decided()
            class:flagged=move || answer().flagged() class:removed=move || answer().hidden || answer().deleted
            class:mod-pinned=move || answer().pinned aria-label=c.author.username.clone()>
            {c.pinned.then(|| view! { <p class="pinned-label">"📌 " {text::fill(td_string!(l, pinned_by), &[("name", creator_name.clone())])}</p> })}
            <div class="comment-head">
                <AccountButton game account=c.author.clone() dialog=Dialog::Profile(i) show_display_name=video />
                <span class="time">{time_ago(l, c.minutes_ago)}</span>
            </div>
            <p class="comment-text">{comment_text(game, i, c.spans.clone())}</p>
            <div class="comment-tools">
                <span class="likes">"♥ " {compact(lang, c.likes)}</span>
                <button type="button" class="small" on:click=move |_| game.open(Dialog::Reply(i))>{td_string!(l, reply)}</button>
            </div>
            <div class="actions" role="group" aria-label=td_string!(l, action_report)>
                {move || match status() {
                    Some(s) => EitherOf3::A(view! {
                        <p class="status">{s}</p>
                        <button type="button" class="action undo" on:click=undo>{td_string!(l, action_undo)}</button>
                    }),
                    None if game.moderating => EitherOf3::B(view! {
                        <button type="button" class="action fine" on:click=move |_| game.decide(i, |a| a.looks_fine = true)>"👍 " {td_string!(l, action_keep)}</button>
                        {can_pin.then(|| view! { <button type="button" class="action pin" on:click=pin>"📌 " {td_string!(l, action_pin)}</button> })}
                        <button type="button" class="action hide" on:click=move |_| game.decide(i, |a| a.hidden = true)>"🙈 " {td_string!(l, action_hide)}</button>
                        <button type="button" class="action delete" on:click=move |_| game.decide(i, |a| a.deleted = true)>"🗑️ " {td_string!(l, action_delete)}</button>
                        // The moderator does not report or block the channel's own account.
                        {(!own).then(|| view! {
                            <button type="button" class="action report" on:click=move |_| game.open(Dialog::Report(i))>"🚩 " {td_string!(l, action_report)}</button>
                            <button type="button" class="action block" on:click=move |_| game.open(Dialog::Block(i))>"🚫 " {td_string!(l, action_block)}</button>
                        })}
                    }),
                    None => EitherOf3::C(view! {
                        <button type="button" class="action report" on:click=move |_| game.open(Dialog::Report(i))>"🚩 " {td_string!(l, action_report)}</button>
                        <button type="button" class="action block" on:click=move |_| game.open(Dialog::Block(i))>"🚫 " {td_string!(l, action_block)}</button>
                        <button type="button" class="action fine" on:click=move |_| game.decide(i, |a| a.looks_fine = true)>"👍 " {td_string!(l, action_fine)}</button>
                    }),
                }}
            </div>
            {game.practice.then(|| {
                let c = c.clone();
                move || answer().decided().then(|| instant_feedback(l, &c, &answer()))
            })}
        </article>
    }
}

/// Practice mode: whether the choice was right, with what gives the comment away.
fn instant_feedback(l: crate::i18n::Locale, c: &Comment, a: &Answer) -> impl IntoView + use<> {
    let o = outcome(c, a);
    let verdict = match o {
        Outcome::Hit => td_string!(l, verdict_hit),
        Outcome::Miss => td_string!(l, verdict_miss),
        Outcome::FalseAlarm => td_string!(l, verdict_false_alarm),
        Outcome::CorrectRejection => td_string!(l, verdict_correct),
    };
    let detail = if c.is_spam() {
        let cues: Vec<String> = c.cues().into_iter().map(|q| text::cue(l, q)).collect();
        let cues = if cues.is_empty() { String::new() } else { format!(" {} {}", td_string!(l, instant_cues), cues.join(" ")) };
        format!("{}{cues}", text::category_what(l, c.category))
    } else {
        c.tricky.map(|t| text::tricky(l, t)).unwrap_or_default()
    };
    view! {
        <div class="instant" class:right=o.correct() class:wrong=!o.correct() role="status">
            <p><strong>{if o.correct() { "✅ " } else { "❌ " }}{verdict}</strong></p>
            {(!detail.is_empty()).then(|| view! { <p>{detail}</p> })}
        </div>
    }
}
