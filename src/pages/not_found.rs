use crate::domain::model::Lang;
use crate::components::layout::Layout;
use crate::text::locale;
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_router::hooks::use_location;

/// Any unknown address: a friendly page in the language of the path, if it has one.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let path = use_location().pathname.get_untracked();
    let lang = path.trim_start_matches('/').split('/').next().and_then(Lang::parse).unwrap_or(Lang::En);
    let l = locale(lang);
    view! {
        <Layout lang title=td_string!(l, not_found_title).to_string()>
            <section class="card narrow">
                <h1>{td_string!(l, not_found_title)}</h1>
                <p>{td_string!(l, not_found_body)}</p>
                <a class="big-button" href=format!("/{}", lang.code())>{td_string!(l, nav_home)}</a>
            </section>
        </Layout>
    }
}
