//! A lesson's "done" mark in the lesson list, read from this browser's local storage.

use super::store::load_progress;
use crate::text;
use leptos::prelude::*;

/// `done`: "done · %score%", in the page's language.
#[island]
pub fn LessonBadge(id: String, done: String) -> impl IntoView {
    let best = RwSignal::new(None::<f64>);
    let ready = RwSignal::new(false);
    let lesson = id.clone();
    Effect::new(move |_| {
        let scores = load_progress().into_iter().filter(|r| r.lesson.as_deref() == Some(lesson.as_str())).map(|r| r.discernment);
        best.set(scores.fold(None, |best: Option<f64>, d| Some(best.map_or(d, |b| b.max(d)))));
        ready.set(true);
    });
    view! {
        <span class="lesson-badge" data-lesson=id data-hydrated=move || ready.get().to_string()>
            {move || best.get().map(|d| view! {
                <span class="done">"✓ " {text::fill(&done, &[("score", text::percent(d))])}</span>
            })}
        </span>
    }
}

/// The pre-test and the post-test scores side by side, once both are done in this browser in the
/// same language and age band (the tests differ between them). `compare`: "%pre% … %post%", in
/// the page's language.
#[island]
pub fn PrePost(compare: String) -> impl IntoView {
    let scores = RwSignal::new(None::<(f64, f64)>);
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        let all = load_progress();
        let post = all.iter().filter(|r| r.lesson.as_deref() == Some("posttest")).max_by(|a, b| a.at_ms.total_cmp(&b.at_ms));
        let pair = post.and_then(|post| {
            let pre = all.iter().find(|r| r.lesson.as_deref() == Some("pretest") && r.lang == post.lang && r.age_band == post.age_band)?;
            Some((pre.discernment, post.discernment))
        });
        scores.set(pair);
        ready.set(true);
    });
    view! {
        <div class="prepost" aria-live="polite" data-hydrated=move || ready.get().to_string()>
            {move || scores.get().map(|(pre, post)| view! {
                <p>{text::fill(&compare, &[("pre", text::percent(pre)), ("post", text::percent(post))])}</p>
            })}
        </div>
    }
}
