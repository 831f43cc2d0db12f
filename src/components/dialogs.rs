//! The dialogs of the platforms, rendered on the server, closed: report (with a reason), block,
//! reply, a profile card per account, and per comment with a link the teaching page a clicked
//! link opens instead of a website. They are native `<dialog>`s that the round's island opens
//! with `showModal()` (`game.rs`), so the browser keeps the focus inside and makes the page
//! behind inert. Report, block and reply are one dialog each for every comment: the island
//! writes the account's name into their `.who`.

use crate::domain::model::{Account, Category, Feed};
use crate::domain::scoring::ReportReason;
use crate::i18n::Locale;
use crate::text::{self, compact};
use leptos::prelude::*;
use leptos_i18n::td_string;

/// A template with `%name%` as text before and after the name, which the island fills in.
fn around_name(template: &str) -> (String, String) {
    match template.split_once("%name%") {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (template.to_string(), String::new()),
    }
}

fn title_with_name(id: &'static str, template: &str) -> impl IntoView + use<> {
    let (before, after) = around_name(template);
    view! { <h2 id=id>{before}<span class="who"></span>{after}</h2> }
}

/// Every dialog of a round: shared report, block and reply dialogs, a profile card per comment
/// and for the creator, and a link page per comment with a link (in its text or its bio).
pub fn dialogs(feed: &Feed, l: Locale, test: bool) -> impl IntoView + use<> {
    let profiles = feed.comments.iter().enumerate().map(|(i, c)| profile_dialog(feed, l, &c.author, Some(i))).collect_view();
    let links = feed
        .comments
        .iter()
        .filter(|c| c.links().next().is_some() || c.author.bio_link.is_some())
        .map(|c| link_dialog(l, c.id, if c.is_spam() { Some(c.category) } else { None }, test))
        .collect_view();
    view! {
        {report_dialog(l)}
        {block_dialog(l)}
        {reply_dialog(l)}
        {profile_dialog(feed, l, &feed.post.creator, None)}
        {profiles}
        {links}
    }
}

fn report_dialog(l: Locale) -> impl IntoView + use<> {
    view! {
        <dialog class="dialog" id="dialog-report" aria-labelledby="dialog-report-title">
            <div class="dialog-body">
                <h2 id="dialog-report-title">{td_string!(l, report_title)}</h2>
                <fieldset class="reasons">
                    <legend>{td_string!(l, report_question)}</legend>
                    {ReportReason::ALL.into_iter().enumerate().map(|(n, r)| view! {
                        <label class="choice wide">
                            <input type="radio" name="reason" value=n.to_string() />
                            <span>{text::reason(l, r)}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="dialog-buttons">
                    <button type="button" class="big-button" data-act="close">{td_string!(l, cancel)}</button>
                    <button type="button" class="big-button danger" data-act="send-report" disabled>{td_string!(l, report_send)}</button>
                </div>
            </div>
        </dialog>
    }
}

fn block_dialog(l: Locale) -> impl IntoView + use<> {
    view! {
        <dialog class="dialog" id="dialog-block" aria-labelledby="dialog-block-title">
            <div class="dialog-body">
                {title_with_name("dialog-block-title", td_string!(l, block_title))}
                <p>{td_string!(l, block_body)}</p>
                <div class="dialog-buttons">
                    <button type="button" class="big-button" data-act="close">{td_string!(l, cancel)}</button>
                    <button type="button" class="big-button danger" data-act="confirm-block">{td_string!(l, block_confirm)}</button>
                </div>
            </div>
        </dialog>
    }
}

/// The reply box and, after sending, what the island has to say about it (a warning it writes
/// into the empty `role="alert"` box: a reply to a bot, or a reply that tells personal things).
fn reply_dialog(l: Locale) -> impl IntoView + use<> {
    view! {
        <dialog class="dialog" id="dialog-reply" aria-labelledby="dialog-reply-title">
            <div class="dialog-body">
                {title_with_name("dialog-reply-title", td_string!(l, reply_title))}
                <div class="compose">
                    <label class="visually-hidden" for="reply-text">{td_string!(l, reply_placeholder)}</label>
                    <textarea id="reply-text" rows="3" placeholder=td_string!(l, reply_placeholder)></textarea>
                    <div class="dialog-buttons">
                        <button type="button" class="big-button" data-act="close">{td_string!(l, cancel)}</button>
                        <button type="button" class="big-button primary" data-act="send-reply">{td_string!(l, reply_send)}</button>
                    </div>
                </div>
                <div class="warned" hidden>
                    <div role="alert" class="said"></div>
                    <div class="dialog-buttons">
                        <button type="button" class="big-button" data-act="close">{td_string!(l, close)}</button>
                    </div>
                </div>
            </div>
        </dialog>
    }
}

/// An account's profile card: `profile-{comment id}` for a comment's writer (its `data-i` is
/// the comment's place, for the bio link), `profile-creator` for the post's.
fn profile_dialog(feed: &Feed, l: Locale, account: &Account, comment: Option<usize>) -> impl IntoView + use<> {
    let lang = feed.lang;
    let id = comment.map_or_else(|| "profile-creator".to_string(), |i| format!("profile-{}", feed.comments[i].id));
    let title = format!("{id}-title");
    let labelled = title.clone();
    let age = if account.age_days >= 365 {
        text::fill(td_string!(l, profile_years), &[("count", (account.age_days / 365).to_string())])
    } else {
        text::fill(td_string!(l, profile_days), &[("count", account.age_days.to_string())])
    };
    // The creator's link goes nowhere in the round: it is plain text there.
    let bio_link = account.bio_link.clone().map(|url| match comment {
        Some(_) => leptos::either::Either::Left(view! { <button type="button" class="link" data-act="link">{url}</button> }),
        None => leptos::either::Either::Right(view! { <span>{url}</span> }),
    });
    view! {
        <dialog class="dialog" id=id aria-labelledby=labelled data-i=comment.map(|i| i.to_string())>
            <div class="dialog-body">
                <h2 id=title>{td_string!(l, profile_title)}</h2>
                <div class="profile-card">
                    <img class="avatar big" src=account.avatar.url() alt="" width="80" height="80" loading="lazy" />
                    <div>
                        <p class="profile-name">
                            <strong>{account.display_name.clone()}</strong>
                            {account.verified.then(|| view! { <span class="badge" role="img" aria-label=td_string!(l, verified)>"✔"</span> })}
                        </p>
                        <p class="profile-handle">"@" {account.username.clone()}</p>
                    </div>
                </div>
                <dl class="profile-stats">
                    <div><dt>{td_string!(l, profile_posts)}</dt><dd>{compact(lang, account.posts)}</dd></div>
                    <div><dt>{td_string!(l, profile_followers)}</dt><dd>{compact(lang, account.followers)}</dd></div>
                    <div><dt>{td_string!(l, profile_following)}</dt><dd>{compact(lang, account.following)}</dd></div>
                    <div><dt>{td_string!(l, profile_joined)}</dt><dd>{age}</dd></div>
                </dl>
                <p class="bio">{if account.bio.is_empty() { td_string!(l, profile_no_bio).to_string() } else { account.bio.clone() }}</p>
                {bio_link.map(|link| view! { <p class="bio-link">{td_string!(l, profile_link)} ": " {link}</p> })}
                <div class="dialog-buttons">
                    <button type="button" class="big-button" data-act="close">{td_string!(l, close)}</button>
                </div>
            </div>
        </dialog>
    }
}

/// What a link of comment `id` would have done (`spam`: its kind; `None`: a real comment's
/// link). A test's page tells nothing: what the link would have done is on the results page.
fn link_dialog(l: Locale, id: u16, spam: Option<Category>, test: bool) -> impl IntoView + use<> {
    let page = (!test).then(|| text::link_page(l, spam.unwrap_or(Category::Legit)));
    let title = format!("link-{id}-title");
    let labelled = title.clone();
    view! {
        <dialog class="dialog" id=format!("link-{id}") aria-labelledby=labelled>
            <div class="dialog-body">
                <h2 id=title>{td_string!(l, link_title)}</h2>
                <div class="link-page" class:safe=!test && spam.is_none()>
                    <p>{if test { td_string!(l, link_intro_test) } else { td_string!(l, link_intro) }}</p>
                    <p class="address">{td_string!(l, link_address)} " " <code class="url"></code></p>
                    {page.map(|(title, body)| view! {
                        <h3>{title}</h3>
                        <p>{body}</p>
                    })}
                    {spam.is_some().then(|| view! { <p class="warning">{td_string!(l, link_risky)}</p> })}
                </div>
                <div class="dialog-buttons">
                    <button type="button" class="big-button primary" data-act="close">{td_string!(l, link_back)}</button>
                </div>
            </div>
        </dialog>
    }
}
