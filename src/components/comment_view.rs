//! One comment of the round: its text (links open the teaching page), its actions and, in
//! practice mode, whether the choice was right.

use super::game::{Dialog, Game};
use super::post_view::AccountButton;
use crate::domain::model::{Comment, Platform, Span};
use crate::domain::scoring::{Answer, Outcome, outcome};
use crate::text::{self, compact, time_ago};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_i18n::td_string;

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
pub fn CommentView(game: Game, i: usize) -> impl IntoView {
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
        // a real comment reported by mistake: why it was real, not just "oops"
        c.tricky.map(|t| text::tricky(l, t).to_string()).unwrap_or_else(|| if o == Outcome::FalseAlarm { td_string!(l, feedback_why_real).to_string() } else { String::new() })
    };
    view! {
        <div class="instant" class:right=o.correct() class:wrong=!o.correct() role="status">
            <p><strong>{if o.correct() { "✅ " } else { "❌ " }}{verdict}</strong></p>
            {(!detail.is_empty()).then(|| view! { <p>{detail}</p> })}
        </div>
    }
}
