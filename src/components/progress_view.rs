//! The rounds played in this browser, read from local storage.

use super::store::{RoundRecord, clear_progress, load_progress};
use crate::domain::model::Lang;
use crate::text::{self, locale};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_i18n::td_string;

fn date(lang: Lang, at_ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms));
    String::from(d.to_locale_date_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED))
}

#[island]
pub fn ProgressView(lang: Lang, lessons: Vec<(String, String)>) -> impl IntoView {
    let l = locale(lang);
    let what = move |r: &RoundRecord| match &r.lesson {
        Some(id) => lessons.iter().find(|(x, _)| x == id).map_or_else(|| id.clone(), |(_, title)| title.clone()),
        None => td_string!(l, progress_free_round).to_string(),
    };
    let rounds = RwSignal::new(None::<Vec<RoundRecord>>);
    Effect::new(move |_| rounds.set(Some(load_progress())));
    let clear = move |_| {
        clear_progress();
        rounds.set(Some(Vec::new()));
    };
    view! {
        <div class="progress" data-hydrated=move || rounds.with(Option::is_some).to_string()>
            {move || match rounds.get() {
                None => EitherOf3::A(view! { <p>{td_string!(l, loading)}</p> }),
                Some(list) if list.is_empty() => EitherOf3::B(view! {
                    <p class="empty">{td_string!(l, progress_empty)}</p>
                    <a class="big-button primary" href=format!("/{}", lang.code())>{td_string!(l, nav_play)}</a>
                }),
                Some(list) => {
                    let best = list.iter().map(|r| r.discernment).fold(f64::MIN, f64::max);
                    EitherOf3::C(view! {
                        <div class="totals">
                            <div class="tile neutral"><span class="value">{list.len()}</span><span class="label">{td_string!(l, progress_rounds)}</span></div>
                            <div class="tile good"><span class="value">{text::percent(best)}</span><span class="label">{td_string!(l, progress_best)}</span></div>
                        </div>
                        <table class="rounds">
                            <thead><tr>
                                <th scope="col">{td_string!(l, progress_date)}</th>
                                <th scope="col">{td_string!(l, progress_what)}</th>
                                <th scope="col">{td_string!(l, progress_app)}</th>
                                <th scope="col">{td_string!(l, progress_level)}</th>
                                <th scope="col">{td_string!(l, progress_caught)}</th>
                                <th scope="col">{td_string!(l, progress_score)}</th>
                            </tr></thead>
                            <tbody>
                                {list.iter().rev().map(|r| view! {
                                    <tr class="round">
                                        <td>{date(lang, r.at_ms)}</td>
                                        <td>{what(r)}</td>
                                        <td>{text::platform(l, r.platform)}</td>
                                        <td>{text::level(l, r.level)}</td>
                                        <td>{format!("{} / {}", r.hits, r.hits + r.misses)}</td>
                                        <td>{text::percent(r.discernment)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <button type="button" class="big-button" on:click=clear>{td_string!(l, progress_clear)}</button>
                    })
                }
            }}
        </div>
    }
}
