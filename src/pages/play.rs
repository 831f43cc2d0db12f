//! `/{lang}/play?age=…&app=…&level=…&seed=…`: one practice round. The feed is generated here
//! on the server and handed to the `FeedGame` island (through `Round`), which renders and keeps
//! it; the results page scores it.

use super::home::lang_param;
use super::not_found::NotFound;
use crate::components::feed_game::Round;
use crate::components::layout::Layout;
use crate::domain::model::{AgeBand, Difficulty, Feed, FeedSettings, Lang, Platform};
use crate::text::locale;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_router::hooks::use_query_map;

/// The settings a round URL asks for, or `None` when one of them is not valid.
pub fn round_settings() -> Option<(FeedSettings, u64)> {
    let q = use_query_map().get_untracked();
    let age = AgeBand::parse(q.get("age").as_deref()?)?;
    let platform = Platform::parse(q.get("app").as_deref().unwrap_or("photo"))?;
    let level = Difficulty::new(q.get("level").as_deref().unwrap_or("1").parse().ok()?)?;
    let seed = q.get("seed").as_deref()?.parse().ok()?;
    Some((FeedSettings::home(platform, age, level), seed))
}

/// The feed a round address asks for: a lesson's exercise (`lesson=…&age=…`) or a free round
/// (`age=…&app=…&level=…&seed=…`). `None` when the address is not valid.
pub fn round_feed(lang: Lang) -> Option<Feed> {
    let practice = use_query_map().get_untracked().get("practice").as_deref() == Some("1");
    // The tests measure what a child knows: never with hints.
    lesson_or_free_round(lang).map(|feed| Feed { practice: practice && !feed.lesson.as_ref().is_some_and(|l| l.kind.is_test()), ..feed })
}

fn lesson_or_free_round(lang: Lang) -> Option<Feed> {
    let q = use_query_map().get_untracked();
    if let Some(id) = q.get("lesson") {
        let age = AgeBand::parse(q.get("age").as_deref()?)?;
        return super::lessons::library()?.exercise_feed(lang, &id, age);
    }
    round_settings().and_then(|(settings, seed)| generate(lang, &settings, seed))
}

pub fn generate(lang: Lang, settings: &FeedSettings, seed: u64) -> Option<Feed> {
    #[cfg(feature = "ssr")]
    {
        let corpus = crate::domain::corpus::Corpus::builtin(lang).ok()?;
        Some(crate::domain::generator::generate(corpus, settings, seed))
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (lang, settings, seed);
        None
    }
}

/// What a round address with wrong settings shows: a kind message and the way back.
#[component]
pub fn BadRound(lang: Lang, title: String) -> impl IntoView {
    let l = locale(lang);
    view! {
        <Layout lang title>
            <section class="card narrow" role="alert">
                <p>{td_string!(l, bad_settings)}</p>
                <a class="big-button" href=format!("/{}", lang.code())>{td_string!(l, nav_home)}</a>
            </section>
        </Layout>
    }
}

/// A class's assigned round (`assignment=…`) is rendered by `classroom.rs`, which reads the
/// database; it is a server page like every other.
pub fn is_assignment() -> bool {
    use_query_map().get_untracked().get("assignment").is_some()
}

/// An assigned round or its results (server only: it reads the database).
#[component]
pub fn AssignmentRound(results: bool) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        view! { <crate::pages::classroom::AssignmentRound results /> }.into_any()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = results;
        ().into_any()
    }
}

#[component]
pub fn PlayPage() -> impl IntoView {
    if is_assignment() {
        return EitherOf4::D(view! { <AssignmentRound results=false /> });
    }
    let Some(lang) = lang_param() else {
        return EitherOf4::A(view! { <NotFound /> });
    };
    let l = locale(lang);
    let Some(feed) = round_feed(lang) else {
        return EitherOf4::B(view! { <BadRound lang title=td_string!(l, play_title).to_string() /> });
    };
    EitherOf4::C(view! {
        <Layout lang title=td_string!(l, play_title).to_string()>
            <Round feed />
        </Layout>
    })
}
