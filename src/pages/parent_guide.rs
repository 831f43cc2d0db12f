//! `/{lang}/lessons/{id}/parent`: what the child learns and how to talk about it at home.

use super::lessons::{LessonGoals, AllLessonsLink, lesson_param};
use super::not_found::NotFound;
use crate::components::layout::Layout;
use crate::text::locale;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;

#[component]
pub fn ParentGuidePage() -> impl IntoView {
    let Some((lang, lesson, library, age)) = lesson_param() else {
        return Either::Right(view! { <NotFound /> });
    };
    let l = locale(lang);
    let title = format!("{}: {}", td_string!(l, parent_title), lesson.title);
    Either::Left(view! {
        <Layout lang title=title.clone()>
            <article class="card lesson guide">
                <AllLessonsLink lang age />
                <h1>{title}</h1>
                <p class="lead">{lesson.summary.clone()}</p>
                <LessonGoals lang goals=lesson.goals.clone() for_parent=true />
                <div class="lesson-text" inner_html=lesson.parent.clone()></div>
                <section id="help" class="lesson-text helplines" inner_html=library.help(lang).to_string()></section>
                <p class="start"><a class="big-button primary" href=format!("/{}/lessons/{}?age={}", lang.code(), lesson.id, age.id())>{td_string!(l, parent_play)} " →"</a></p>
            </article>
        </Layout>
    })
}
