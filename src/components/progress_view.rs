//! The rounds played in this browser, read from local storage. The island gets its texts from
//! the page (`ProgressText`), in the page's language.

use super::data::Data;
use super::dom::{element, find, mark_hydrated, select, set_text, show, target};
use super::store::{RoundRecord, clear_progress, load_progress};
use crate::domain::model::{Lang, Platform};
use crate::i18n::Locale;
use crate::text;
use leptos::prelude::*;
use leptos_i18n::td_string;

text::island_texts! {
    /// What the island writes into the progress list, in the page's language.
    pub struct ProgressText {
        pub free_round,
        pub photo,
        pub video,
        pub level_1,
        pub level_2,
        pub level_3,
    }
}

/// The progress list as the server renders it: "loading", an empty state and the table, which
/// the island fills from local storage.
pub fn progress_list(l: Locale, lang: Lang, lessons: Vec<(String, String)>) -> impl IntoView + use<> {
    let t = ProgressText {
        free_round: td_string!(l, progress_free_round).to_string(),
        photo: text::platform(l, Platform::Photo),
        video: text::platform(l, Platform::Video),
        level_1: text::level(l, 1),
        level_2: text::level(l, 2),
        level_3: text::level(l, 3),
    };
    let heads = [
        td_string!(l, progress_date),
        td_string!(l, progress_what),
        td_string!(l, progress_app),
        td_string!(l, progress_level),
        td_string!(l, progress_caught),
        td_string!(l, progress_score),
    ];
    // what the island reads: the language (for dates), the lesson titles and its texts
    #[cfg(feature = "ssr")]
    let setup = super::data::setup_json(&serde_json::json!({ "lang": lang.code(), "lessons": lessons, "text": t }));
    #[cfg(not(feature = "ssr"))]
    let setup = { let _ = (lessons, t); String::new() };
    view! {
        <ProgressView>
            <p class="loading" data-setup=setup>{td_string!(l, loading)}</p>
            <div class="none" hidden>
                <p class="empty">{td_string!(l, progress_empty)}</p>
                <a class="big-button primary" href=format!("/{}", lang.code())>{td_string!(l, nav_play)}</a>
            </div>
            <div class="some" hidden>
                <div class="totals">
                    <div class="tile neutral"><span class="value count"></span><span class="label">{td_string!(l, progress_rounds)}</span></div>
                    <div class="tile good"><span class="value best"></span><span class="label">{td_string!(l, progress_best)}</span></div>
                </div>
                <table class="rounds">
                    <thead><tr>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    <tbody></tbody>
                </table>
                <button type="button" class="big-button" data-act="clear">{td_string!(l, progress_clear)}</button>
            </div>
        </ProgressView>
    }
}

fn date(lang: Lang, at_ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms));
    String::from(d.to_locale_date_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED))
}

/// Fills the list with this browser's rounds, newest first.
fn show_rounds(root: &web_sys::Element, setup: &Data, rounds: &[RoundRecord]) {
    let part = |css: &str| find(root, css);
    let lang = Lang::parse(&setup.get("lang").text()).unwrap_or(Lang::Nl);
    let t = ProgressText::from(setup.get("text").texts());
    let lessons: Vec<(String, String)> = setup.get("lessons").list().iter().map(|pair| pair.texts()).map(|p| (p.first().cloned().unwrap_or_default(), p.get(1).cloned().unwrap_or_default())).collect();
    if let Some(loading) = part(".loading") {
        show(&loading, false);
    }
    if let (Some(none), Some(some)) = (part(".none"), part(".some")) {
        show(&none, rounds.is_empty());
        show(&some, !rounds.is_empty());
    }
    let best = rounds.iter().map(|r| r.discernment).fold(f64::MIN, f64::max);
    if let (Some(count), Some(top)) = (part(".count"), part(".best")) {
        set_text(&count, &rounds.len().to_string());
        set_text(&top, &text::percent(best));
    }
    let Some(body) = part("tbody") else { return };
    body.set_inner_html("");
    for r in rounds.iter().rev() {
        let what = match &r.lesson {
            Some(id) => lessons.iter().find(|(x, _)| x == id).map_or_else(|| id.clone(), |(_, title)| title.clone()),
            None => t.free_round.clone(),
        };
        let app = if r.platform == Platform::Video { &t.video } else { &t.photo };
        let level = match r.level {
            1 => &t.level_1,
            2 => &t.level_2,
            _ => &t.level_3,
        };
        let cells = [date(lang, r.at_ms), what, app.clone(), level.clone(), format!("{} / {}", r.hits, r.hits + r.misses), text::percent(r.discernment)];
        if let Some(row) = element("tr", "round", "") {
            for cell in cells {
                if let Some(td) = element("td", "", &cell) {
                    let _ = row.append_child(&td);
                }
            }
            let _ = body.append_child(&row);
        }
    }
}

#[island]
pub fn ProgressView(children: Children) -> impl IntoView {
    let fill = move |list: &[RoundRecord]| {
        if let Some(root) = select(".progress")
            && let Some(setup) = find(&root, "[data-setup]").and_then(|el| Data::of(&el, "data-setup"))
        {
            show_rounds(&root, &setup, list);
            mark_hydrated(&root);
        }
    };
    Effect::new(move |_| fill(&load_progress()));
    let clear = move |ev: leptos::ev::MouseEvent| {
        if target(&ev).and_then(|el| el.closest("[data-act='clear']").ok().flatten()).is_some() {
            clear_progress();
            fill(&[]);
        }
    };
    view! { <div class="progress" data-hydrated="false" on:click=clear>{children()}</div> }
}
