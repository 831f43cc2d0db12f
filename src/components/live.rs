//! A part of a teacher's page that keeps itself up to date: every few seconds the island asks
//! the server for the part again, as HTML, and swaps it in. The server renders it exactly as on
//! the first load, so the browser needs no table code of its own. It leaves the part alone when
//! nothing changed, while keyboard focus is inside it and while the tab is hidden, and a button
//! pauses it (WCAG 2.2.2).

use leptos::html::Div;
use leptos::prelude::*;
use std::time::Duration;

async fn fetch_html(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}

#[island]
pub fn LiveRegion(url: String, every_secs: u32, pause: String, resume: String, children: Children) -> impl IntoView {
    let region = NodeRef::<Div>::new();
    let busy = StoredValue::new(false);
    let live = RwSignal::new(false);
    let paused = RwSignal::new(false);
    let last = StoredValue::new(String::new());
    Effect::new(move |_| {
        live.set(true);
        let url = url.clone();
        let _ = set_interval_with_handle(
            move || {
                let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
                if busy.get_value() || paused.get_untracked() || hidden {
                    return;
                }
                busy.set_value(true);
                let url = url.clone();
                leptos::task::spawn_local(async move {
                    if let (Some(html), Some(el)) = (fetch_html(&url).await, region.get_untracked()) {
                        let focused = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.active_element())
                            .is_some_and(|a| el.contains(Some(&a)));
                        if html != last.get_value() && !focused {
                            el.set_inner_html(&html);
                            last.set_value(html);
                        }
                    }
                    busy.set_value(false);
                });
            },
            Duration::from_secs(u64::from(every_secs)),
        );
    });
    view! {
        <button type="button" class="small live-toggle" aria-pressed=move || paused.get().to_string() on:click=move |_| paused.update(|p| *p = !*p)>
            {move || if paused.get() { resume.clone() } else { pause.clone() }}
        </button>
        <div class="live-region" node_ref=region data-live=move || live.get().to_string()>{children()}</div>
    }
}
