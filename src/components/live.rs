//! A part of a teacher's page that keeps itself up to date: every few seconds the island asks
//! the server for the part again, as HTML, and swaps it in. The server renders it exactly as on
//! the first load, so the browser needs no table code of its own. It leaves the part alone when
//! nothing changed, while keyboard focus is inside it and while the tab is hidden, and a button
//! pauses it (WCAG 2.2.2).

use super::data::Data;
use super::dom::{select, set_text, target};
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

/// A live part of a teacher's page: `url` gives it again, every `every_secs` seconds; `pause`
/// and `resume` label the button that stops it.
#[cfg(feature = "ssr")]
pub fn live_region(url: String, every_secs: u32, pause: String, resume: String, part: impl IntoView + 'static) -> impl IntoView {
    let setup = serde_json::json!({ "url": url, "every_secs": every_secs, "pause": pause, "resume": resume }).to_string();
    view! {
        <LiveRegion>
            <button type="button" class="small live-toggle" aria-pressed="false">{pause}</button>
            <div class="live-region" data-live="false" data-setup=setup>{part}</div>
        </LiveRegion>
    }
}

#[island]
pub fn LiveRegion(children: Children) -> impl IntoView {
    let busy = StoredValue::new(false);
    let paused = StoredValue::new(false);
    let last = StoredValue::new(String::new());
    let labels = StoredValue::new((String::new(), String::new()));
    Effect::new(move |_| {
        let Some(region) = select(".live-region[data-setup]") else { return };
        let Some(setup) = Data::of(&region, "data-setup") else { return };
        labels.set_value((setup.get("pause").text(), setup.get("resume").text()));
        let _ = region.set_attribute("data-live", "true");
        let url = setup.get("url").text();
        let every = setup.get("every_secs").number().max(1.0) as u64;
        let _ = set_interval_with_handle(
            move || {
                let hidden = document().hidden();
                if busy.get_value() || paused.get_value() || hidden {
                    return;
                }
                busy.set_value(true);
                let url = url.clone();
                let region = region.clone();
                leptos::task::spawn_local(async move {
                    if let Some(html) = fetch_html(&url).await {
                        let focused = document().active_element().is_some_and(|a| region.contains(Some(&a)));
                        if html != last.get_value() && !focused {
                            region.set_inner_html(&html);
                            last.set_value(html);
                        }
                    }
                    busy.set_value(false);
                });
            },
            Duration::from_secs(every),
        );
    });
    // Pausing: the button says what pressing it again does.
    let toggle = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = target(&ev).and_then(|el| el.closest(".live-toggle").ok().flatten()) else { return };
        let now = !paused.get_value();
        paused.set_value(now);
        let _ = button.set_attribute("aria-pressed", &now.to_string());
        labels.with_value(|(pause, resume)| set_text(&button, if now { resume } else { pause }));
    };
    view! { <div class="live" on:click=toggle>{children()}</div> }
}
