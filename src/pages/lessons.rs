//! `/{lang}/lessons?age=…`: the curriculum, with the child's progress from this browser.

use super::home::lang_param;
use super::not_found::NotFound;
use crate::components::layout::Layout;
use crate::components::lesson_badge::{lesson_badge, prepost};
use crate::domain::model::{AgeBand, Lang};
use crate::lessons::{Lesson, Library};
use crate::text::{self, locale};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::sync::Arc;

/// The lesson library the server loaded at start-up.
pub fn library() -> Option<Arc<Library>> {
    use_context::<Arc<Library>>()
}

/// The age band in the `age` query parameter.
fn age_param() -> Option<AgeBand> {
    use_query_map().get_untracked().get("age").as_deref().and_then(AgeBand::parse)
}

/// The language and the lesson named by `/:lang/lessons/:id`, and the age band to show it for.
pub fn lesson_param() -> Option<(Lang, Lesson, Arc<Library>, AgeBand)> {
    let lang = lang_param()?;
    let id = use_params_map().get_untracked().get("id")?;
    let library = library()?;
    let lesson = library.lesson(lang, &id)?.clone();
    let age = lesson.age_or_default(age_param());
    Some((lang, lesson, library, age))
}

/// The way back from a lesson's pages to the list, for the same age band.
#[component]
pub fn AllLessonsLink(lang: Lang, age: AgeBand) -> impl IntoView {
    let l = locale(lang);
    view! {
        <p class="crumbs"><a href=format!("/{}/lessons?age={}", lang.code(), age.id())>{td_string!(l, lesson_all)}</a></p>
    }
}

/// The lesson's goals, written as the child says them; `for_parent` heads them for a parent.
#[component]
pub fn LessonGoals(lang: Lang, goals: Vec<String>, #[prop(optional)] for_parent: bool) -> impl IntoView {
    let l = locale(lang);
    view! {
        <section class="goals" aria-labelledby="goals-title">
            <h2 id="goals-title">{if for_parent { td_string!(l, parent_goals) } else { td_string!(l, lesson_goals) }}</h2>
            <ul>{goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
        </section>
    }
}

/// Links to the same page for each age band; the current one is marked.
#[component]
pub fn AgeSwitch(lang: Lang, ages: Vec<AgeBand>, current: AgeBand, path: String, #[prop(optional)] list: bool) -> impl IntoView {
    let l = locale(lang);
    let label = if list { td_string!(l, lessons_age) } else { td_string!(l, age_label) };
    view! {
        <nav class="age-switch" aria-label=label>
            <span>{label} ":"</span>
            {ages.into_iter().map(|a| view! {
                <a href=format!("{path}?age={}", a.id()) aria-current=(a == current).then_some("page")>{text::age_band(l, a)}</a>
            }).collect_view()}
        </nav>
    }
}

#[component]
pub fn LessonsPage() -> impl IntoView {
    let (Some(lang), Some(library)) = (lang_param(), library()) else {
        return Either::Right(view! { <NotFound /> });
    };
    let l = locale(lang);
    let age = age_param().unwrap_or(AgeBand::Age10To12);
    let base = format!("/{}/lessons", lang.code());
    // Built before the page view: only the list's own fields are copied, not the lessons' texts.
    let items = library.lessons(lang).iter().filter(|x| x.ages.contains(&age)).map(|lesson| {
        let url = format!("{base}/{}", lesson.id);
        view! {
            <li class="card lesson-item" class:test=lesson.exercise.kind.is_test()>
                {(!lesson.exercise.kind.is_test()).then(|| view! {
                    <p class="lesson-number">{text::fill(td_string!(l, lesson_number), &[("n", lesson.order.to_string())])}</p>
                })}
                <div class="lesson-head">
                    <h2><a href=format!("{url}?age={}", age.id())>{lesson.title.clone()}</a></h2>
                    {lesson_badge(lesson.id.clone())}
                </div>
                <p>{lesson.summary.clone()}</p>
                <p class="lesson-links">
                    <span class="minutes">"⏱ " {text::fill(td_string!(l, lesson_minutes), &[("minutes", lesson.duration.to_string())])}</span>
                    <a class="big-button primary" href=format!("{url}?age={}", age.id())>
                        {if lesson.exercise.kind.is_test() { td_string!(l, lesson_open_test) } else { td_string!(l, lesson_read) }}
                    </a>
                    <a href=format!("{url}/teacher?age={}", age.id())>{td_string!(l, lesson_teacher)}</a>
                    <a href=format!("{url}/parent?age={}", age.id())>{td_string!(l, lesson_parent)}</a>
                </p>
            </li>
        }
    }).collect_view();
    Either::Left(view! {
        <Layout lang title=td_string!(l, lessons_title).to_string()>
            {marks(l, view! {
                <section class="hero">
                    <h1>{td_string!(l, lessons_title)}</h1>
                    <p class="lead">{td_string!(l, lessons_intro)}</p>
                    <AgeSwitch lang ages=AgeBand::ALL.to_vec() current=age path=base.clone() list=true />
                    {prepost()}
                </section>
                <ol class="lesson-list">
                    {items}
                </ol>
            })}
        </Layout>
    })
}

/// The list inside the island that marks what this browser finished (server only: the browser
/// build never renders a page).
fn marks(l: crate::i18n::Locale, list: impl IntoView + 'static) -> impl IntoView {
    #[cfg(feature = "ssr")]
    {
        crate::components::lesson_badge::lesson_marks(td_string!(l, lesson_done), td_string!(l, prepost_compare), list)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = l;
        list
    }
}
