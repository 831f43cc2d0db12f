//! The dialogs of the platforms: report (with a reason), block, reply, profile card, and the
//! teaching page a clicked link opens instead of a website.

use super::game::{Dialog, Game};
use crate::domain::model::{Account, Category};
use crate::domain::scoring::ReportReason;
use crate::text::{self, compact};
use leptos::either::EitherOf5;
use leptos::html;
use leptos::prelude::*;
use leptos_i18n::td_string;

/// A modal frame: a native `<dialog>` opened with `showModal()`, so the browser keeps the focus
/// inside it and makes the page behind it inert; Escape or a tap beside it closes it.
#[component]
fn Modal(game: Game, title: String, children: Children) -> impl IntoView {
    let panel = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(el) = panel.get()
            && !el.open()
        {
            let _ = el.show_modal();
        }
    });
    view! {
        <dialog class="dialog" aria-labelledby="dialog-title" node_ref=panel
            // Escape closes a modal dialog by itself; the game follows.
            on:close=move |_| game.close()
            // Tab and Shift+Tab go round inside: nothing behind a modal dialog can be reached.
            on:keydown=move |ev| if ev.key() == "Tab" && let Some(el) = panel.get() { keep_focus_inside(&el, ev) }
            // A tap on the backdrop lands on the dialog element itself, not on its body.
            on:click=move |ev| if ev.target() == ev.current_target() { game.close() }>
            <div class="dialog-body">
                <h2 id="dialog-title">{title}</h2>
                {children()}
            </div>
        </dialog>
    }
}

/// Moves the focus from the last control of a dialog to its first on Tab, and back on Shift+Tab.
fn keep_focus_inside(dialog: &web_sys::HtmlElement, ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Ok(list) = dialog.query_selector_all("button:not([disabled]), input:not([disabled]), textarea, a[href], [tabindex='0']") else { return };
    let controls: Vec<web_sys::HtmlElement> = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else { return };
    let active = document().active_element();
    let at = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>());
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    // a group of radio buttons is one stop: any of them is first when the first control is one
    let group = |el: &web_sys::Element| (el.get_attribute("type").as_deref() == Some("radio")).then(|| el.get_attribute("name")).flatten();
    let in_first_group = active.as_ref().and_then(group).is_some_and(|g| group(first.unchecked_ref()) == Some(g));
    if ev.shift_key() && (at(first) || in_first_group || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

#[component]
pub fn DialogHost(game: Game) -> impl IntoView {
    move || {
        game.dialog.get().map(|d| match d {
            // Either types rather than `into_any`: they keep the WebAssembly small.
            Dialog::Report(i) => EitherOf5::A(view! { <ReportDialog game i /> }),
            Dialog::Block(i) => EitherOf5::B(view! { <BlockDialog game i /> }),
            Dialog::Reply(i) => EitherOf5::C(view! { <ReplyDialog game i /> }),
            Dialog::Profile(i) => {
                let c = game.comment(i);
                EitherOf5::D(view! { <ProfileDialog game account=c.author link_from=Some(i) /> })
            }
            Dialog::Creator => {
                let creator = game.feed.with_value(|f| f.post.creator.clone());
                EitherOf5::D(view! { <ProfileDialog game account=creator link_from=None /> })
            }
            Dialog::Link(i, url) => EitherOf5::E(view! { <LinkDialog game i url /> }),
        })
    }
}

#[component]
fn ReportDialog(game: Game, i: usize) -> impl IntoView {
    let l = game.l;
    let reason = RwSignal::new(None::<ReportReason>);
    let send = move |_| {
        if let Some(r) = reason.get() {
            game.answer(i, |a| {
                a.reported = Some(r);
                a.looks_fine = false;
            });
            game.close();
        }
    };
    view! {
        <Modal game title=td_string!(l, report_title).to_string()>
            <fieldset class="reasons">
                <legend>{td_string!(l, report_question)}</legend>
                {ReportReason::ALL.into_iter().map(|r| view! {
                    <label class="choice wide">
                        <input type="radio" name="reason" on:change=move |_| reason.set(Some(r)) />
                        <span>{text::reason(l, r)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="dialog-buttons">
                <button type="button" class="big-button" on:click=move |_| game.close()>{td_string!(l, cancel)}</button>
                <button type="button" class="big-button danger" disabled=move || reason.get().is_none() on:click=send>
                    {td_string!(l, report_send)}
                </button>
            </div>
        </Modal>
    }
}

#[component]
fn BlockDialog(game: Game, i: usize) -> impl IntoView {
    let l = game.l;
    let name = game.comment(i).author.username;
    view! {
        <Modal game title=text::fill(td_string!(l, block_title), &[("name", name.clone())])>
            <p>{td_string!(l, block_body)}</p>
            <div class="dialog-buttons">
                <button type="button" class="big-button" on:click=move |_| game.close()>{td_string!(l, cancel)}</button>
                <button type="button" class="big-button danger" on:click=move |_| {
                    game.answer(i, |a| { a.blocked = true; a.looks_fine = false; });
                    game.close();
                }>{td_string!(l, block_confirm)}</button>
            </div>
        </Modal>
    }
}

#[component]
fn ReplyDialog(game: Game, i: usize) -> impl IntoView {
    let l = game.l;
    let c = game.comment(i);
    let spam = c.is_spam();
    let text = RwSignal::new(String::new());
    let warned = RwSignal::new(false);
    // "ik ben 9" to a stranger deserves a word, whether the comment was spam or not
    let personal = RwSignal::new(false);
    let send = move |_| {
        if text.get().trim().is_empty() {
            return;
        }
        game.answer(i, |a| a.replied = true);
        personal.set(crate::domain::personal::shares_personal_info(&text.get()));
        if spam || personal.get() { warned.set(true) } else { game.close() }
    };
    view! {
        <Modal game title=text::fill(td_string!(l, reply_title), &[("name", c.author.username.clone())])>
            <Show when=move || !warned.get() fallback=move || view! {
                <div role="alert">
                    {spam.then(|| view! { <p class="warning">{td_string!(l, reply_spam_warning)}</p> })}
                    {move || personal.get().then(|| view! { <p class="warning personal">{td_string!(l, reply_personal_warning)}</p> })}
                </div>
                <div class="dialog-buttons">
                    <button type="button" class="big-button" on:click=move |_| game.close()>{td_string!(l, close)}</button>
                </div>
            }>
                <label class="visually-hidden" for="reply-text">{td_string!(l, reply_placeholder)}</label>
                <textarea id="reply-text" rows="3" placeholder=td_string!(l, reply_placeholder)
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <div class="dialog-buttons">
                    <button type="button" class="big-button" on:click=move |_| game.close()>{td_string!(l, cancel)}</button>
                    <button type="button" class="big-button primary" on:click=send>{td_string!(l, reply_send)}</button>
                </div>
            </Show>
        </Modal>
    }
}

#[component]
fn ProfileDialog(game: Game, account: Account, link_from: Option<usize>) -> impl IntoView {
    let l = game.l;
    let lang = game.lang;
    let age = if account.age_days >= 365 {
        text::fill(td_string!(l, profile_years), &[("count", (account.age_days / 365).to_string())])
    } else {
        text::fill(td_string!(l, profile_days), &[("count", account.age_days.to_string())])
    };
    let bio_link = account.bio_link.clone();
    view! {
        <Modal game title=td_string!(l, profile_title).to_string()>
            <div class="profile-card">
                <img class="avatar big" src=account.avatar.url() alt="" width="80" height="80" />
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
            {bio_link.map(|url| {
                let shown = url.clone();
                view! {
                    <p class="bio-link">{td_string!(l, profile_link)} ": "
                        <button type="button" class="link" on:click=move |_| {
                            if let Some(i) = link_from { game.open(Dialog::Link(i, url.clone())) }
                        }>{shown}</button>
                    </p>
                }
            })}
            <div class="dialog-buttons">
                <button type="button" class="big-button" on:click=move |_| game.close()>{td_string!(l, close)}</button>
            </div>
        </Modal>
    }
}

#[component]
fn LinkDialog(game: Game, i: usize, url: String) -> impl IntoView {
    let l = game.l;
    let c = game.comment(i);
    // A test's feed has no answer key: what the link would have done is on the results page.
    let page = (!game.test).then(|| text::link_page(l, if c.is_spam() { c.category } else { Category::Legit }));
    view! {
        <Modal game title=td_string!(l, link_title).to_string()>
            <div class="link-page" class:safe=!game.test && !c.is_spam()>
                <p>{if game.test { td_string!(l, link_intro_test) } else { td_string!(l, link_intro) }}</p>
                <p class="address">{td_string!(l, link_address)} " " <code>{url}</code></p>
                {page.map(|(title, body)| view! {
                    <h3>{title}</h3>
                    <p>{body}</p>
                })}
                {c.is_spam().then(|| view! { <p class="warning">{td_string!(l, link_risky)}</p> })}
            </div>
            <div class="dialog-buttons">
                <button type="button" class="big-button primary" on:click=move |_| game.close()>{td_string!(l, link_back)}</button>
            </div>
        </Modal>
    }
}
