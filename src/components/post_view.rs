//! The post at the top of a feed, in the chrome of its platform: Glimmer (photos) or Vidlo
//! (videos).

use super::game::{Dialog, Game};
use crate::domain::model::{Account, Platform};
use crate::text::{self, compact, time_ago};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;

/// A clickable avatar and name that opens the account's profile card.
#[component]
pub fn AccountButton(game: Game, account: Account, dialog: Dialog, #[prop(optional)] show_display_name: bool) -> impl IntoView {
    let label = if show_display_name { account.display_name.clone() } else { account.username.clone() };
    let verified = account.verified;
    let l = game.l;
    view! {
        <button type="button" class="account" on:click=move |_| game.open(dialog.clone())>
            <img class="avatar" src=account.avatar.url() alt="" width="40" height="40" />
            <span class="name">{label}</span>
            {verified.then(|| view! {
                <span class="badge" role="img" aria-label=td_string!(l, verified)>"✔"</span>
            })}
        </button>
    }
}

#[component]
pub fn PostView(game: Game) -> impl IntoView {
    let post = game.feed.with_value(|f| f.post.clone());
    let lang = game.lang;
    let l = game.l;
    let scene = format!("/img/scene/{}/{}.svg", post.scene, post.scene_variant);
    let creator = post.creator.clone();
    let caption = post.caption.clone();
    match post.platform {
        Platform::Photo => Either::Left(view! {
            <article class="post photo-post" aria-label=post.creator.username.clone()>
                <div class="app-bar"><span class="app-logo glimmer">"Glimmer"</span></div>
                <header class="post-head">
                    <AccountButton game account=creator dialog=Dialog::Creator />
                    <span class="time">{time_ago(l, post.minutes_ago)}</span>
                </header>
                <img class="scene" src=scene alt="" width="400" height="300" />
                <div class="post-meta">
                    <span class="likes">"♥ " {text::fill(td_string!(l, post_likes), &[("count", compact(lang, post.likes))])}</span>
                </div>
                <p class="caption"><strong>{post.creator.username.clone()}</strong> " " {caption}</p>
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
                    <AccountButton game account=creator dialog=Dialog::Creator show_display_name=true />
                    <span class="subs">{text::fill(td_string!(l, followers_short), &[("count", compact(lang, post.creator.followers))])}</span>
                    // A moderator runs this channel: no "subscribe" to it.
                    {(!game.moderating).then(|| view! { <span class="subscribe" aria-hidden="true">{td_string!(l, subscribe)}</span> })}
                </div>
                <div class="description">
                    <p class="stats">
                        {text::fill(td_string!(l, post_views), &[("count", compact(lang, post.views))])} " · " {time_ago(l, post.minutes_ago)}
                    </p>
                    <p>{caption}</p>
                </div>
            </article>
        }),
    }
}
