//! One comment of the round, rendered on the server: its text (links open the teaching page),
//! its actions, the status and "Undo" a choice shows (hidden until then) and, in practice mode,
//! the feedback for either choice (hidden until one is made). The round's island only shows and
//! hides what is here (`game.rs`): the buttons say what they do with `data-act`, and the
//! comment's place in the feed is its `data-i`.

use crate::domain::model::{Comment, Feed, Platform};
use crate::domain::scoring::{Answer, Outcome, ReportReason, outcome};
use crate::i18n::Locale;
use crate::text::{self, compact, time_ago};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;

use super::post_view::account_button;

/// Comment text; links are buttons that open the "what could have happened" page.
fn comment_text(c: &Comment) -> impl IntoView + use<> {
    c.spans
        .iter()
        .map(|s| {
            if s.link {
                Either::Left(view! { <button type="button" class="link" data-act="link">{s.text.clone()}</button> })
            } else {
                Either::Right(view! { <span>{s.text.clone()}</span> })
            }
        })
        .collect_view()
}

pub fn comment_view(feed: &Feed, l: Locale, i: usize) -> impl IntoView + use<> {
    let c = &feed.comments[i];
    let video = feed.settings.platform == Platform::Video;
    let creator_name = feed.post.creator.display_name.clone();
    let moderating = feed.moderating();
    // The moderator does not report or block the channel's own account.
    let can_report = !(moderating && c.author.is_creator);
    // One comment can be pinned at a time, and only a top-level one.
    let can_pin = moderating && c.pinnable();
    let button = |act: &'static str, label: String| view! { <button type="button" class=format!("action {act}") data-act=act>{label}</button> };
    view! {
        <article class="comment" id=format!("comment-{}", c.id) data-i=i.to_string() class:pinned=c.pinned aria-label=c.author.username.clone()>
            {c.pinned.then(|| view! { <p class="pinned-label">"📌 " {text::fill(td_string!(l, pinned_by), &[("name", creator_name)])}</p> })}
            <div class="comment-head">
                {account_button(l, &c.author, "profile", video)}
                <span class="time">{time_ago(l, c.minutes_ago)}</span>
            </div>
            <p class="comment-text">{comment_text(c)}</p>
            <div class="comment-tools">
                <span class="likes">"♥ " {compact(feed.lang, c.likes)}</span>
                <button type="button" class="small" data-act="reply">{td_string!(l, reply)}</button>
            </div>
            <div class="actions" role="group" aria-label=td_string!(l, action_report)>
                {if moderating {
                    Either::Left(view! {
                        {button("fine", format!("👍 {}", td_string!(l, action_keep)))}
                        {can_pin.then(|| button("pin", format!("📌 {}", td_string!(l, action_pin))))}
                        {button("hide", format!("🙈 {}", td_string!(l, action_hide)))}
                        {button("delete", format!("🗑️ {}", td_string!(l, action_delete)))}
                        {can_report.then(|| view! {
                            {button("report", format!("🚩 {}", td_string!(l, action_report)))}
                            {button("block", format!("🚫 {}", td_string!(l, action_block)))}
                        })}
                    })
                } else {
                    Either::Right(view! {
                        {button("report", format!("🚩 {}", td_string!(l, action_report)))}
                        {button("block", format!("🚫 {}", td_string!(l, action_block)))}
                        {button("fine", format!("👍 {}", td_string!(l, action_fine)))}
                    })
                }}
                // shown once a choice is made
                <p class="status" hidden></p>
                <button type="button" class="action undo" data-act="undo" hidden>{td_string!(l, action_undo)}</button>
            </div>
            {feed.practice.then(|| view! {
                {instant_feedback(l, c, true)}
                {instant_feedback(l, c, false)}
            })}
        </article>
    }
}

/// Practice mode: whether reporting (`flagged`) or keeping the comment was right, with what
/// gives the comment away; the island shows the one that fits the child's choice.
fn instant_feedback(l: Locale, c: &Comment, flagged: bool) -> impl IntoView + use<> {
    let choice = if flagged { Answer { reported: Some(ReportReason::ALL[0]), ..Answer::default() } } else { Answer { looks_fine: true, ..Answer::default() } };
    let o = outcome(c, &choice);
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
        <div class="instant" class:right=o.correct() class:wrong=!o.correct() data-if=if flagged { "flagged" } else { "kept" } role="status" hidden>
            <p><strong>{if o.correct() { "✅ " } else { "❌ " }}{verdict}</strong></p>
            {(!detail.is_empty()).then(|| view! { <p>{detail}</p> })}
        </div>
    }
}
