//! Answers of a class round on their way to the server. Every choice becomes a line with a key
//! the browser makes. The page keeps the lines in memory and copies them to local storage, so
//! a dropped school Wi-Fi, a closed lid or a reload loses nothing (and with storage full or
//! switched off the page still sends them). A line leaves the queue only when the server has
//! answered for it. Sending retries with backoff (1 s doubling to 30 s) and at once when the
//! browser says it is online again. The server stores each key once, so a line sent twice
//! counts once.

use leptos::prelude::*;
use std::time::Duration;

/// Lines per request (the server takes up to 500).
const BATCH: usize = 200;
const MAX_BACKOFF_MS: u32 = 30_000;

fn storage_key(student: i64) -> String {
    format!("feedwise.outbox.v1.{student}")
}

use super::store::storage;
use crate::domain::answer_line::AnswerLine;

fn load(student: i64) -> Vec<String> {
    let saved = storage().and_then(|s| s.get_item(&storage_key(student)).ok().flatten()).unwrap_or_default();
    saved.lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// Copies the queue to local storage; when storage is full or off, the page still has it.
fn save(student: i64, lines: &[String]) {
    if let Some(s) = storage() {
        let _ = if lines.is_empty() { s.remove_item(&storage_key(student)) } else { s.set_item(&storage_key(student), &lines.join("\n")) };
    }
}

/// A key no other answer has: time and randomness, URL-safe.
pub fn new_key() -> String {
    let now = js_sys::Date::now() as u64;
    let a = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    let b = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
    format!("{now:x}-{a:x}{b:x}")
}

/// How a flush ended.
enum Sent {
    /// Stored (200), or refused for good (the assignment removed, the class archived): either
    /// way these lines are done.
    Done,
    /// The network, the server, or the session (signed out, another child signed in on this
    /// device) failed: keep the lines and try again later.
    Retry,
}

async fn post(student: i64, body: String) -> Sent {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return Sent::Retry };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&wasm_bindgen::JsValue::from_str(&body));
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", "text/plain;charset=UTF-8");
        let _ = headers.set("X-Feedwise-Student", &student.to_string());
        init.set_headers(&headers);
    }
    let Ok(response) = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init("/api/answers", &init)).await else {
        return Sent::Retry;
    };
    match response.dyn_into::<web_sys::Response>().map(|r| r.status()) {
        Ok(200..=299) => Sent::Done,
        Ok(401 | 408 | 409 | 429) => Sent::Retry,
        // Refused for good: keeping the lines would block the ones behind them.
        Ok(400..=499) => Sent::Done,
        _ => Sent::Retry,
    }
}

/// What an outbox tells the page: how many lines are waiting, and whether the last try failed.
type Listener = std::rc::Rc<dyn Fn(usize, bool)>;

/// The outbox of one child on this device.
#[derive(Clone, Copy)]
pub struct Outbox {
    student: i64,
    /// The lines not yet acknowledged, oldest first.
    queue: StoredValue<Vec<String>>,
    /// The last try failed; a retry is scheduled.
    offline: StoredValue<bool>,
    sending: StoredValue<bool>,
    backoff_ms: StoredValue<u32>,
    listener: StoredValue<Option<Listener>, LocalStorage>,
}

impl Outbox {
    /// Opens the outbox (in the browser: an island's effect) and starts sending what an earlier
    /// page left in it.
    pub fn new(student: i64) -> Outbox {
        let outbox = Outbox {
            student,
            queue: StoredValue::new(Vec::new()),
            offline: StoredValue::new(false),
            sending: StoredValue::new(false),
            backoff_ms: StoredValue::new(1000),
            listener: StoredValue::new_local(None),
        };
        outbox.queue.set_value(load(student));
        outbox.flush();
        let _ = window_event_listener(leptos::ev::online, move |_| {
            outbox.backoff_ms.set_value(1000);
            outbox.flush();
        });
        outbox
    }

    /// `listener` hears how many lines are waiting, and whether the last try failed, now and
    /// whenever that changes.
    pub fn listen(&self, listener: impl Fn(usize, bool) + 'static) {
        self.listener.set_value(Some(std::rc::Rc::new(listener)));
        self.tell();
    }

    /// Lines not yet acknowledged.
    pub fn pending(&self) -> usize {
        self.queue.with_value(Vec::len)
    }

    fn tell(&self) {
        let (pending, offline) = (self.pending(), self.offline.get_value());
        if let Some(listener) = self.listener.with_value(Clone::clone) {
            listener(pending, offline);
        }
    }

    /// Queues lines and sends them.
    pub fn add(&self, lines: Vec<String>) {
        self.queue.update_value(|q| q.extend(lines));
        self.queue.with_value(|q| save(self.student, q));
        self.tell();
        self.flush();
    }

    /// Whether lines of this assignment are still waiting: then this device's round is newer
    /// than what the server has.
    pub fn waiting_for(&self, assignment: i64) -> bool {
        self.queue.with_value(|q| q.iter().any(|l| l.parse::<AnswerLine>().is_ok_and(|l| l.assignment() == assignment)))
    }

    /// Sends the queue, oldest first, until it is empty or sending fails.
    pub fn flush(&self) {
        if self.sending.get_value() {
            return;
        }
        self.sending.set_value(true);
        let this = *self;
        leptos::task::spawn_local(async move {
            loop {
                let batch: Vec<String> = this.queue.with_value(|q| q.iter().take(BATCH).cloned().collect());
                if batch.is_empty() {
                    this.offline.set_value(false);
                    this.tell();
                    break;
                }
                match post(this.student, batch.join("\n")).await {
                    Sent::Done => {
                        // Lines may have been added while this batch was on its way.
                        this.queue.update_value(|q| q.retain(|l| !batch.contains(l)));
                        this.queue.with_value(|q| save(this.student, q));
                        this.offline.set_value(false);
                        this.backoff_ms.set_value(1000);
                        this.tell();
                    }
                    Sent::Retry => {
                        this.offline.set_value(true);
                        this.tell();
                        let wait = this.backoff_ms.get_value();
                        this.backoff_ms.set_value((wait * 2).min(MAX_BACKOFF_MS));
                        set_timeout(move || this.flush(), Duration::from_millis(u64::from(wait)));
                        break;
                    }
                }
            }
            this.sending.set_value(false);
        });
    }
}

/// On the class page: sends what a round page left waiting (the child closed it too soon), and
/// says so while it does. `sending` and `offline` say "%count% answers …" in the page's language.
#[island]
pub fn OutboxStatus(children: Children) -> impl IntoView {
    Effect::new(move |_| {
        let Some(el) = super::dom::select(".card.sync[data-setup]") else { return };
        let Some(setup) = super::data::Data::of(&el, "data-setup") else { return };
        let (student, sending, offline) = (setup.get("student").number() as i64, setup.get("sending").text(), setup.get("offline").text());
        Outbox::new(student).listen(move |pending, failed| {
            let text = if failed { &offline } else { &sending };
            super::dom::set_text(&el, &format!("⏳ {}", crate::text::fill(text, &[("count", pending.to_string())])));
            super::dom::show(&el, pending > 0);
        });
    });
    view! { <div class="outbox">{children()}</div> }
}

/// The class page's line about answers a round page left waiting, which `OutboxStatus` keeps.
#[cfg(feature = "ssr")]
pub fn outbox_status(student: i64, sending: &str, offline: &str) -> impl IntoView + use<> {
    let setup = serde_json::json!({ "student": student, "sending": sending, "offline": offline }).to_string();
    view! {
        <OutboxStatus>
            <p class="card sync waiting" role="status" data-setup=setup hidden></p>
        </OutboxStatus>
    }
}
