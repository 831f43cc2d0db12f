//! `/{lang}/lessons/{id}?age=…`: the lesson for the child, leading into its exercise.

use super::lessons::{LessonGoals, AgeSwitch, AllLessonsLink, lesson_param};
use super::not_found::NotFound;
use crate::components::layout::Layout;
use crate::domain::model::ExerciseKind;
use crate::text::locale;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;

#[component]
pub fn LessonPage() -> impl IntoView {
    let Some((lang, lesson, _, age)) = lesson_param() else {
        return Either::Right(view! { <NotFound /> });
    };
    let l = locale(lang);
    let base = format!("/{}/lessons/{}", lang.code(), lesson.id);
    // Opened from a child's class page: the exercise is the class's assignment.
    let assignment = leptos_router::hooks::use_query_map().get_untracked().get("assignment").and_then(|a| a.parse::<i64>().ok());
    let play = match assignment {
        Some(a) => format!("/{}/play?assignment={a}", lang.code()),
        None => format!("/{}/play?lesson={}&age={}", lang.code(), lesson.id, age.id()),
    };
    let start = match lesson.exercise.kind {
        ExerciseKind::Feed => td_string!(l, lesson_start_feed),
        ExerciseKind::Moderate => td_string!(l, lesson_start_moderate),
        ExerciseKind::Pretest | ExerciseKind::Posttest => td_string!(l, lesson_start_test),
    };
    Either::Left(view! {
        <Layout lang title=lesson.title.clone()>
            <article class="card lesson">
                <AllLessonsLink lang age />
                <h1>{lesson.title.clone()}</h1>
                {(lesson.ages.len() > 1).then(|| view! { <AgeSwitch lang ages=lesson.ages.clone() current=age path=base.clone() /> })}
                <LessonGoals lang goals=lesson.goals.clone() />
                <div class="lesson-text" inner_html=lesson.child_html(age).to_string()></div>
                <p class="start">
                    <a class="big-button primary" href=play.clone()>{start} " →"</a>
                    // The tests measure what a child knows: no hints there.
                    {(!lesson.exercise.kind.is_test() && assignment.is_none()).then(|| view! {
                        <a class="big-button" href=format!("{play}&practice=1")>{td_string!(l, lesson_start_practice)}</a>
                    })}
                </p>
                <p class="lesson-links">
                    <a href=format!("{base}/teacher?age={}", age.id())>{td_string!(l, lesson_teacher)}</a>
                    <a href=format!("{base}/parent?age={}", age.id())>{td_string!(l, lesson_parent)}</a>
                </p>
            </article>
        </Layout>
    })
}
