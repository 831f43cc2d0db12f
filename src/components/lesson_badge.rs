//! The lesson list's marks, read from this browser's local storage: each lesson's "done" badge
//! and the pre-test and post-test scores side by side. The server renders the empty marks
//! (`lesson_badge`, `prepost`); one island around the list fills them in.

use super::data::Data;
use super::dom::{element, mark_hydrated, select, select_all};
use super::store::{RoundRecord, load_progress};
use crate::text;
use leptos::prelude::*;

/// A lesson's badge, empty until the island knows whether this browser finished it.
pub fn lesson_badge(id: String) -> impl IntoView {
    view! { <span class="lesson-badge" data-lesson=id data-hydrated="false"></span> }
}

/// Where the pre-test and post-test scores are compared.
pub fn prepost() -> impl IntoView {
    view! { <div class="prepost" aria-live="polite" data-hydrated="false"></div> }
}

/// The best score of a lesson in this browser.
fn best(rounds: &[RoundRecord], lesson: &str) -> Option<f64> {
    rounds.iter().filter(|r| r.lesson.as_deref() == Some(lesson)).map(|r| r.discernment).fold(None, |best: Option<f64>, d| Some(best.map_or(d, |b| b.max(d))))
}

/// The latest post-test and the pre-test of the same language and age band (the tests differ
/// between them).
fn pre_and_post(rounds: &[RoundRecord]) -> Option<(f64, f64)> {
    let post = rounds.iter().filter(|r| r.lesson.as_deref() == Some("posttest")).max_by(|a, b| a.at_ms.total_cmp(&b.at_ms))?;
    let pre = rounds.iter().find(|r| r.lesson.as_deref() == Some("pretest") && r.lang == post.lang && r.age_band == post.age_band)?;
    Some((pre.discernment, post.discernment))
}

/// The lesson list inside the island, with its texts: `done` ("done · %score%") and `compare`
/// ("%pre% … %post%"), in the page's language.
#[cfg(feature = "ssr")]
pub fn lesson_marks(done: &str, compare: &str, list: impl IntoView + 'static) -> impl IntoView {
    let setup = serde_json::json!({ "done": done, "compare": compare }).to_string();
    view! { <LessonMarks><div class="marks" data-setup=setup>{list}</div></LessonMarks> }
}

#[island]
pub fn LessonMarks(children: Children) -> impl IntoView {
    Effect::new(move |_| {
        let Some(setup) = select(".marks[data-setup]").and_then(|el| Data::of(&el, "data-setup")) else { return };
        let (done, compare) = (setup.get("done").text(), setup.get("compare").text());
        let rounds = load_progress();
        for badge in select_all(".lesson-badge[data-lesson]") {
            let id = badge.get_attribute("data-lesson").unwrap_or_default();
            if let Some(score) = best(&rounds, &id)
                && let Some(mark) = element("span", "done", &format!("✓ {}", text::fill(&done, &[("score", text::percent(score))])))
            {
                let _ = badge.append_child(&mark);
            }
            mark_hydrated(&badge);
        }
        if let Some(place) = select(".prepost") {
            if let Some((pre, post)) = pre_and_post(&rounds)
                && let Some(said) = element("p", "", &text::fill(&compare, &[("pre", text::percent(pre)), ("post", text::percent(post))]))
            {
                let _ = place.append_child(&said);
            }
            mark_hydrated(&place);
        }
    });
    view! { <div class="lesson-marks">{children()}</div> }
}
