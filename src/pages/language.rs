//! `/`: choose Nederlands or English.

use leptos::prelude::*;
use leptos_meta::{Html, Title};

#[component]
pub fn LanguagePage() -> impl IntoView {
    view! {
        <Html attr:lang="nl" />
        <Title text="Feedwise" />
        <main id="main" class="language-page">
            <img src="/favicon.svg" alt="" width="96" height="96" />
            <h1>"Feedwise"</h1>
            <p lang="nl">"Herken de spam. Houd je feed veilig."</p>
            <p lang="en">"Spot the spam. Keep your feed safe."</p>
            <h2 class="visually-hidden">"Kies je taal / Choose your language"</h2>
            <ul class="language-choice">
                <li><a class="big-button" href="/nl" lang="nl" hreflang="nl">"Nederlands"</a></li>
                <li><a class="big-button" href="/en" lang="en" hreflang="en">"English"</a></li>
            </ul>
        </main>
    }
}
