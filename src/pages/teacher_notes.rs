//! `/{lang}/lessons/{id}/teacher?age=…`: the teacher notes, with the lesson at a glance and the
//! answer key of exactly the feed the class will see.

use super::lessons::{AgeSwitch, AllLessonsLink, lesson_param};
use super::not_found::NotFound;
use crate::components::layout::Layout;
use crate::domain::model::{AgeBand, Category, ExerciseKind, Feed};
use crate::lessons::Lesson;
use crate::text::{self, locale};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;

fn exercise_text(l: crate::i18n::Locale, lesson: &Lesson, feed: Option<&Feed>) -> String {
    let e = &lesson.exercise;
    let count = feed.map_or(usize::from(e.comments), |f| f.comments.len());
    let categories = e.categories.iter().map(|&c| text::category_name(l, c)).collect::<Vec<_>>().join(", ");
    let values = [
        ("app", e.platform.brand().to_string()),
        ("count", count.to_string()),
        ("level", e.difficulty.level().to_string()),
        ("spam", e.spam_percent.to_string()),
        ("categories", categories),
        ("creator", feed.map(|f| f.post.creator.display_name.clone()).unwrap_or_default()),
    ];
    let template = match e.kind {
        ExerciseKind::Feed => td_string!(l, teacher_exercise_feed),
        ExerciseKind::Moderate => td_string!(l, teacher_exercise_moderate),
        ExerciseKind::Pretest | ExerciseKind::Posttest => td_string!(l, teacher_exercise_test),
    };
    text::fill(template, &values)
}

/// Whether a teacher is logged in: only they see the answer key of a lesson's feed.
async fn teacher_logged_in() -> bool {
    #[cfg(feature = "ssr")]
    {
        matches!(super::teacher::current_teacher().await, Ok(Some(_)))
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

#[component]
pub fn TeacherNotesPage() -> impl IntoView {
    let Some((lang, lesson, library, age)) = lesson_param() else {
        return Either::Right(view! { <NotFound /> });
    };
    let l = locale(lang);
    let base = format!("/{}/lessons/{}", lang.code(), lesson.id);
    let feed = library.exercise_feed(lang, &lesson.id, age);
    let title = format!("{}: {}", td_string!(l, teacher_title), lesson.title);
    let ages = lesson.ages.iter().map(|&a| text::age_band(l, a)).collect::<Vec<_>>().join(", ");
    let exercise = exercise_text(l, &lesson, feed.as_ref());
    Either::Left(view! {
        <Layout lang title=title.clone()>
            <article class="card lesson teacher">
                <AllLessonsLink lang age />
                <h1>{title}</h1>
                <p class="lead">{lesson.summary.clone()}</p>
                <section aria-labelledby="glance-title">
                    <h2 id="glance-title">{td_string!(l, teacher_glance)}</h2>
                    <dl class="glance">
                        <dt>{td_string!(l, teacher_ages)}</dt><dd>{ages}</dd>
                        <dt>{td_string!(l, teacher_duration)}</dt><dd>{text::fill(td_string!(l, lesson_minutes), &[("minutes", lesson.duration.to_string())])}</dd>
                        <dt>{td_string!(l, teacher_goals)}</dt>
                        <dd><ul>{lesson.goals.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul></dd>
                        <dt>{td_string!(l, teacher_exercise)}</dt><dd>{exercise} " " {td_string!(l, teacher_same_feed)}</dd>
                    </dl>
                </section>
                <div class="lesson-text" inner_html=lesson.teacher.clone()></div>
            </article>
            // The tests measure what a class learnt: their answers are not published.
            {match feed {
                Some(_) if lesson.exercise.kind.is_test() => Some(Either::Left(view! {
                    <section class="card"><p>{td_string!(l, teacher_test_key_hidden)}</p></section>
                })),
                // A child can open these notes from the lesson list: the key is for teachers.
                Some(feed) => {
                    let ages = lesson.ages.clone();
                    Some(Either::Right(view! {
                        <Suspense fallback=|| ()>
                            {Suspend::new(async move {
                                if teacher_logged_in().await {
                                    view! { <AnswerKey lang age feed ages base /> }.into_any()
                                } else {
                                    view! {
                                        <section class="card answer-key">
                                            <h2>{text::fill(td_string!(l, teacher_answer_key), &[("age", text::age_band(l, age))])}</h2>
                                            <p>{td_string!(l, teacher_key_login)}</p>
                                            <p><a class="big-button" href=format!("/{}/teacher?next={}", lang.code(), text::query_value(&format!("{base}/teacher?age={}", age.id())))>{td_string!(l, teacher_key_login_button)}</a></p>
                                        </section>
                                    }.into_any()
                                }
                            })}
                        </Suspense>
                    }))
                }
                None => None,
            }}
        </Layout>
    })
}

/// The comments of the exercise with the right answer for each, for one age band.
#[component]
fn AnswerKey(lang: crate::domain::model::Lang, age: AgeBand, feed: Feed, ages: Vec<AgeBand>, base: String) -> impl IntoView {
    let l = locale(lang);
    let play = format!("/{}/play?{}", lang.code(), feed.round_query());
    let feed = std::sync::Arc::new(feed);
    view! {
        <section class="card answer-key" aria-labelledby="key-title">
            <h2 id="key-title">{text::fill(td_string!(l, teacher_answer_key), &[("age", text::age_band(l, age))])}</h2>
            {(ages.len() > 1).then(|| view! { <AgeSwitch lang ages current=age path=format!("{base}/teacher") /> })}
            <p>{td_string!(l, teacher_answer_key_help)}</p>
            <KeyTable lang feed=feed.clone() />
            <p><a class="big-button" href=play>{td_string!(l, teacher_try)}</a></p>
        </section>
    }
}

/// The comments of a feed in the order a child sees them, with the right answer for each: the
/// teacher notes show it for the lesson's own feed, the class page for each assignment's.
#[component]
pub fn KeyTable(lang: crate::domain::model::Lang, feed: std::sync::Arc<Feed>) -> impl IntoView {
    let l = locale(lang);
    view! {
        <table class="key">
            <thead><tr>
                <th scope="col">"#"</th>
                <th scope="col">{td_string!(l, teacher_col_account)}</th>
                <th scope="col">{td_string!(l, teacher_col_comment)}</th>
                <th scope="col">{td_string!(l, teacher_col_answer)}</th>
            </tr></thead>
            <tbody>
                {feed.comments.iter().enumerate().map(|(i, c)| view! {
                    <tr class:spam=c.is_spam()>
                        <td>{i + 1}{c.parent.map(|_| " ↳")}</td>
                        <td>{format!("@{}", c.author.username)}</td>
                        <td>{c.text()}</td>
                        <td>{if c.category == Category::Legit { format!("✅ {}", text::category_name(l, c.category)) } else { format!("🚩 {}", text::category_name(l, c.category)) }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
