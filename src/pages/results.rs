//! `/{lang}/results?age=…&app=…&level=…&seed=…&a=…`: the feedback on a round, rendered on the
//! server from the round's settings and the answers in the address (nothing is stored).

use super::home::{fresh_seed, lang_param};
use super::not_found::NotFound;
use super::lessons::library;
use super::play::{BadRound, round_feed};
use crate::components::feedback::Feedback;
use crate::components::layout::Layout;
use crate::components::store::RoundRecord;
use crate::domain::model::ExerciseKind;
use crate::domain::scoring::score;
use crate::domain::scoring::{answers_fit, decode_answers};
use crate::text::locale;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ResultsPage() -> impl IntoView {
    if super::play::is_assignment() {
        return EitherOf4::D(view! { <super::play::AssignmentRound results=true /> });
    }
    let Some(lang) = lang_param() else {
        return EitherOf4::A(view! { <NotFound /> });
    };
    let l = locale(lang);
    let encoded = use_query_map().get_untracked().get("a").unwrap_or_default();
    let round = round_feed(lang)
        .and_then(|feed| decode_answers(&encoded, feed.comments.len()).map(|answers| (feed, answers)))
        .filter(|(feed, answers)| answers_fit(feed, answers));
    let Some((feed, answers)) = round else {
        return EitherOf4::B(view! { <BadRound lang title=td_string!(l, results_title).to_string() /> });
    };
    // After a lesson's exercise: the way on to the next lesson.
    let next_lesson = feed.lesson.as_ref().and_then(|round| {
        let next = library()?.next(lang, &round.id)?.clone();
        Some((format!("/{}/lessons/{}?age={}", lang.code(), next.id, feed.settings.age_band.id()), next.title))
    });
    let record = RoundRecord::new(&feed, &score(&feed.comments, &answers));
    let keep_first = feed.lesson.as_ref().is_some_and(|l| l.kind == ExerciseKind::Pretest);
    EitherOf4::C(view! {
        <Layout lang title=td_string!(l, results_title).to_string()>
            <Feedback feed answers next_seed=fresh_seed() next_lesson />
            <RecordRound record keep_first />
        </Layout>
    })
}

/// Adds the round to this browser's progress as the page is read, without waiting for any
/// WebAssembly (`store::RECORD_SCRIPT`): the score is the server's, as a test's page holds no
/// answer key to score it with.
#[component]
fn RecordRound(record: RoundRecord, keep_first: bool) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let script = {
        // JSON is JavaScript; `<` escaped, so that nothing in it can close the script element.
        let json = serde_json::to_string(&record).unwrap_or_else(|_| "null".into()).replace('<', "\\u003c");
        format!("{}({json},{keep_first});", crate::components::store::RECORD_SCRIPT)
    };
    #[cfg(not(feature = "ssr"))]
    let script = {
        let _ = (record, keep_first);
        String::new()
    };
    view! { <script nonce=leptos::nonce::use_nonce().map(|n| n.to_string()) inner_html=script></script> }
}
