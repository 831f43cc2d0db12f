//! The frame around every page: header with navigation and language switch, footer.

use crate::domain::model::Lang;
use crate::i18n::Locale;
use crate::text::locale;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_location;

/// The current URL in the other language.
fn switched_url(lang: Lang) -> (Lang, String) {
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let location = use_location();
    let path = location.pathname.get_untracked();
    let search = location.search.get_untracked();
    let rest = path.trim_start_matches('/').split_once('/').map(|(_, r)| format!("/{r}")).unwrap_or_default();
    let query = if search.is_empty() { String::new() } else { format!("?{}", search.trim_start_matches('?')) };
    (other, format!("/{}{rest}{query}", other.code()))
}

#[component]
pub fn Layout(
    lang: Lang,
    title: String,
    /// Teacher pages with wide tables use more of a wide screen.
    #[prop(optional)]
    wide: bool,
    children: Children,
) -> impl IntoView {
    let l: Locale = locale(lang);
    let (other, other_url) = switched_url(lang);
    let home = format!("/{}", lang.code());
    let progress = format!("/{}/progress", lang.code());
    let lessons = format!("/{}/lessons", lang.code());
    view! {
        <Html attr:lang=lang.code() />
        <Title text=format!("{title} · Feedwise") />
        <a class="skip" href="#main">{td_string!(l, skip_to_content)}</a>
        <header class="site-header">
            <a class="brand" href=home.clone()>
                <img src="/favicon.svg" alt="" width="32" height="32" />
                <span>"Feedwise"</span>
            </a>
            <nav aria-label="Feedwise">
                <a href=home>{td_string!(l, nav_play)}</a>
                <a href=lessons>{td_string!(l, nav_lessons)}</a>
                <a href=progress>{td_string!(l, nav_progress)}</a>
                <a href=format!("/{}/join", lang.code())>{td_string!(l, nav_join)}</a>
                <a href=format!("/{}/teacher", lang.code())>{td_string!(l, nav_teacher)}</a>
                <a href=other_url hreflang=other.code() lang=other.code()>{td_string!(l, switch_language)}</a>
            </nav>
        </header>
        <main id="main" tabindex="-1" class:wide=wide>{children()}</main>
        <footer class="site-footer">
            <p>{td_string!(l, footer_safe)}</p>
        </footer>
    }
}
