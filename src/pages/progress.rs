//! `/{lang}/progress`: the rounds played in this browser (kept in local storage).

use super::home::lang_param;
use super::not_found::NotFound;
use crate::components::layout::Layout;
use crate::components::progress_view::progress_list;
use crate::text::locale;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let Some(lang) = lang_param() else {
        return Either::Right(view! { <NotFound /> });
    };
    let l = locale(lang);
    // The island gets the lesson titles it may need; the lessons themselves stay on the server.
    let lessons: Vec<(String, String)> = super::lessons::library()
        .map(|lib| lib.lessons(lang).iter().map(|x| (x.id.clone(), x.title.clone())).collect())
        .unwrap_or_default();
    Either::Left(view! {
        <Layout lang title=td_string!(l, progress_title).to_string()>
            <section class="card">
                <h1>{td_string!(l, progress_title)}</h1>
                <p>{td_string!(l, progress_intro)}</p>
                {progress_list(l, lang, lessons)}
            </section>
        </Layout>
    })
}
