//! The rounds played in this browser, read from local storage. The island gets its texts from
//! the page (`ProgressText`), in the page's language.

use super::store::{RoundRecord, clear_progress, load_progress};
use crate::domain::model::{Lang, Platform};
use crate::i18n::Locale;
use crate::text;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_i18n::td_string;

text::island_texts! {
    /// What the progress list says, in the page's language.
    pub struct ProgressText {
        pub free_round,
        pub loading,
        pub empty,
        pub play,
        pub rounds,
        pub best,
        pub date,
        pub what,
        pub app,
        pub level,
        pub caught,
        pub score,
        pub photo,
        pub video,
        pub level_1,
        pub level_2,
        pub level_3,
        pub clear,
    }
}

impl ProgressText {
    pub fn new(l: Locale) -> ProgressText {
        let s = |t: &str| t.to_string();
        ProgressText {
            free_round: s(td_string!(l, progress_free_round)),
            loading: s(td_string!(l, loading)),
            empty: s(td_string!(l, progress_empty)),
            play: s(td_string!(l, nav_play)),
            rounds: s(td_string!(l, progress_rounds)),
            best: s(td_string!(l, progress_best)),
            date: s(td_string!(l, progress_date)),
            what: s(td_string!(l, progress_what)),
            app: s(td_string!(l, progress_app)),
            level: s(td_string!(l, progress_level)),
            caught: s(td_string!(l, progress_caught)),
            score: s(td_string!(l, progress_score)),
            photo: text::platform(l, Platform::Photo),
            video: text::platform(l, Platform::Video),
            level_1: text::level(l, 1),
            level_2: text::level(l, 2),
            level_3: text::level(l, 3),
            clear: s(td_string!(l, progress_clear)),
        }
    }
}

fn date(lang: Lang, at_ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms));
    String::from(d.to_locale_date_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED))
}

#[island]
pub fn ProgressView(lang: Lang, lessons: Vec<(String, String)>, t: ProgressText) -> impl IntoView {
    let t = StoredValue::new(t);
    let what = move |r: &RoundRecord| match &r.lesson {
        Some(id) => lessons.iter().find(|(x, _)| x == id).map_or_else(|| id.clone(), |(_, title)| title.clone()),
        None => t.with_value(|t| t.free_round.clone()),
    };
    let say = move |f: fn(&ProgressText) -> &String| t.with_value(|t| f(t).clone());
    let rounds = RwSignal::new(None::<Vec<RoundRecord>>);
    Effect::new(move |_| rounds.set(Some(load_progress())));
    let clear = move |_| {
        clear_progress();
        rounds.set(Some(Vec::new()));
    };
    view! {
        <div class="progress" data-hydrated=move || rounds.with(Option::is_some).to_string()>
            {move || match rounds.get() {
                None => EitherOf3::A(view! { <p>{say(|t| &t.loading)}</p> }),
                Some(list) if list.is_empty() => EitherOf3::B(view! {
                    <p class="empty">{say(|t| &t.empty)}</p>
                    <a class="big-button primary" href=format!("/{}", lang.code())>{say(|t| &t.play)}</a>
                }),
                Some(list) => {
                    let best = list.iter().map(|r| r.discernment).fold(f64::MIN, f64::max);
                    let heads = t.with_value(|t| [&t.date, &t.what, &t.app, &t.level, &t.caught, &t.score].map(String::clone));
                    let app = move |p: Platform| say(if p == Platform::Video { |t| &t.video } else { |t| &t.photo });
                    let level = move |n: u8| say(match n { 1 => |t| &t.level_1, 2 => |t| &t.level_2, _ => |t| &t.level_3 });
                    EitherOf3::C(view! {
                        <div class="totals">
                            <div class="tile neutral"><span class="value">{list.len()}</span><span class="label">{say(|t| &t.rounds)}</span></div>
                            <div class="tile good"><span class="value">{text::percent(best)}</span><span class="label">{say(|t| &t.best)}</span></div>
                        </div>
                        <table class="rounds">
                            <thead><tr>
                                {heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {list.iter().rev().map(|r| view! {
                                    <tr class="round">
                                        <td>{date(lang, r.at_ms)}</td>
                                        <td>{what(r)}</td>
                                        <td>{app(r.platform)}</td>
                                        <td>{level(r.level)}</td>
                                        <td>{format!("{} / {}", r.hits, r.hits + r.misses)}</td>
                                        <td>{text::percent(r.discernment)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <button type="button" class="big-button" on:click=clear>{say(|t| &t.clear)}</button>
                    })
                }
            }}
        </div>
    }
}
