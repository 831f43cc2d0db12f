//! The post at the top of a feed, in the chrome of its platform: Glimmer (photos) or Vidlo
//! (videos). Rendered on the server; the round's island takes its taps (`game.rs`).

use crate::domain::model::{Account, Feed, Platform};
use crate::i18n::Locale;
use crate::text::{self, compact, time_ago};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;

/// A tappable avatar and name that opens the account's profile card: `act` is `profile` for a
/// comment's writer (the comment's `data-i` says which) and `creator` for the post's.
pub fn account_button(l: Locale, account: &Account, act: &'static str, show_display_name: bool) -> impl IntoView + use<> {
    let label = if show_display_name { account.display_name.clone() } else { account.username.clone() };
    view! {
        <button type="button" class="account" data-act=act>
            <img class="avatar" src=account.avatar.url() alt="" width="40" height="40" />
            <span class="name">{label}</span>
            {account.verified.then(|| view! {
                <span class="badge" role="img" aria-label=td_string!(l, verified)>"✔"</span>
            })}
        </button>
    }
}

pub fn post_view(feed: &Feed, l: Locale) -> impl IntoView + use<> {
    let post = feed.post.clone();
    let lang = feed.lang;
    let scene = format!("/img/scene/{}/{}.svg", post.scene, post.scene_variant);
    match post.platform {
        Platform::Photo => Either::Left(view! {
            <article class="post photo-post" aria-label=post.creator.username.clone()>
                <div class="app-bar"><span class="app-logo glimmer">"Glimmer"</span></div>
                <header class="post-head">
                    {account_button(l, &post.creator, "creator", false)}
                    <span class="time">{time_ago(l, post.minutes_ago)}</span>
                </header>
                <img class="scene" src=scene alt="" width="400" height="300" />
                <div class="post-meta">
                    <span class="likes">"♥ " {text::fill(td_string!(l, post_likes), &[("count", compact(lang, post.likes))])}</span>
                </div>
                <p class="caption"><strong>{post.creator.username.clone()}</strong> " " {post.caption.clone()}</p>
            </article>
        }),
        Platform::Video => Either::Right(view! {
            <article class="post video-post" aria-label=post.title.clone().unwrap_or_default()>
                <div class="app-bar"><span class="app-logo vidlo">"▶ Vidlo"</span></div>
                <div class="player">
                    <img class="scene" src=scene alt="" width="400" height="300" />
                    <span class="play-icon" aria-hidden="true">"▶"</span>
                    <span class="progress-line" aria-hidden="true"></span>
                </div>
                <h1 class="video-title">{post.title.clone().unwrap_or_default()}</h1>
                <div class="channel-row">
                    {account_button(l, &post.creator, "creator", true)}
                    <span class="subs">{text::fill(td_string!(l, followers_short), &[("count", compact(lang, post.creator.followers))])}</span>
                    // A moderator runs this channel: no "subscribe" to it.
                    {(!feed.moderating()).then(|| view! { <span class="subscribe" aria-hidden="true">{td_string!(l, subscribe)}</span> })}
                </div>
                <div class="description">
                    <p class="stats">
                        {text::fill(td_string!(l, post_views), &[("count", compact(lang, post.views))])} " · " {time_ago(l, post.minutes_ago)}
                    </p>
                    <p>{post.caption.clone()}</p>
                </div>
            </article>
        }),
    }
}
