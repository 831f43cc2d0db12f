//! `/{lang}`: pick an age band, an app and a level, and start a round.

use super::not_found::NotFound;
use crate::components::layout::Layout;
use crate::domain::model::{AgeBand, Difficulty, Lang, Platform};
use crate::text::{self, locale};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_router::hooks::use_params_map;

/// A fresh seed for a new round (server only: pages render there).
pub fn fresh_seed() -> u64 {
    #[cfg(feature = "ssr")]
    {
        u64::from(rand::random::<u32>())
    }
    #[cfg(not(feature = "ssr"))]
    {
        0
    }
}

/// The language from the `:lang` path parameter.
pub fn lang_param() -> Option<Lang> {
    use_params_map().get_untracked().get("lang").as_deref().and_then(Lang::parse)
}

/// The age bands as radio buttons named `age`, 10 to 12 chosen (the home page and a new class).
#[component]
pub fn AgeChoices(l: crate::i18n::Locale) -> impl IntoView {
    view! {
        <div class="choices">
            {AgeBand::ALL.into_iter().map(|a| view! {
                <label class="choice">
                    <input type="radio" name="age" value=a.id() checked=a == AgeBand::Age10To12 required=true />
                    <span>{text::age_band(l, a)}</span>
                </label>
            }).collect_view()}
        </div>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let Some(lang) = lang_param() else {
        return Either::Right(view! { <NotFound /> });
    };
    let l = locale(lang);
    let action = format!("/{}/play", lang.code());
    // the guide to the first lesson, which ends with where to get help
    let first_guide = super::lessons::library()
        .and_then(|lib| lib.lessons(lang).iter().find(|x| !x.exercise.kind.is_test()).map(|x| format!("/{}/lessons/{}/parent", lang.code(), x.id)));
    Either::Left(view! {
        <Layout lang title=td_string!(l, home_title).to_string()>
            <section class="hero">
                <h1>{td_string!(l, home_title)}</h1>
                <p class="lead">{td_string!(l, home_intro)}</p>
            </section>
            <form id="start" class="card start-form" method="get" action=action>
                <input type="hidden" name="seed" value=fresh_seed().to_string() />
                <fieldset>
                    <legend>{td_string!(l, home_age)}</legend>
                    <AgeChoices l />
                </fieldset>
                <fieldset>
                    <legend>{td_string!(l, home_app)}</legend>
                    <div class="choices">
                        {Platform::ALL.into_iter().map(|p| view! {
                            <label class="choice">
                                <input type="radio" name="app" value=p.id() checked=p == Platform::Photo />
                                <span>{text::platform(l, p)}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{td_string!(l, home_level)}</legend>
                    <div class="choices">
                        {Difficulty::ALL.into_iter().map(|d| view! {
                            <label class="choice">
                                <input type="radio" name="level" value=d.level().to_string() checked=d.level() == 1 />
                                <span>{text::level(l, d.level())}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <label class="choice practice">
                    <input type="checkbox" name="practice" value="1" />
                    <span>{td_string!(l, home_practice)}</span>
                </label>
                <button type="submit" class="big-button primary">{td_string!(l, home_start)}</button>
            </form>
            <section class="card lessons-teaser">
                <h2>{td_string!(l, home_lessons_title)}</h2>
                <p>{td_string!(l, home_lessons_body)}</p>
                // sent with the form above, so that the list opens for the age the child chose
                <button type="submit" form="start" formaction=format!("/{}/lessons", lang.code()) class="big-button">{td_string!(l, home_lessons_button)} " →"</button>
            </section>
            <section class="card what-to-do">
                <h2>{td_string!(l, what_to_do_title)}</h2>
                <ul>
                    <li>{td_string!(l, what_to_do.dont_click)}</li>
                    <li>{td_string!(l, what_to_do.dont_reply)}</li>
                    <li>{td_string!(l, what_to_do.report)}</li>
                    <li>{td_string!(l, what_to_do.block)}</li>
                    <li>{td_string!(l, what_to_do.tell_adult)}</li>
                </ul>
            </section>
            <section class="card parents">
                <h2>{td_string!(l, home_parents_title)}</h2>
                <p>{td_string!(l, home_parents_body)}</p>
                {first_guide.map(|guide| view! {
                    <ul class="links">
                        <li><a href=guide.clone()>{td_string!(l, home_parents_guide)}</a></li>
                        <li><a href=format!("{guide}#help")>{td_string!(l, home_parents_help)}</a></li>
                        <li><a href=format!("/{}/lessons", lang.code())>{td_string!(l, home_parents_all)}</a></li>
                    </ul>
                })}
            </section>
        </Layout>
    })
}
