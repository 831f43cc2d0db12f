//! Answers of a class round on their way to the server. Every choice becomes a line with a key
//! the browser makes; lines wait in local storage until the server has acknowledged them, so a
//! dropped school Wi-Fi, a closed lid or a reload loses nothing. Sending retries with backoff
//! (1 s doubling to 30 s) and at once when the browser says it is online again. The server
//! stores each key once, so a line sent twice counts once.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use std::time::Duration;

/// Lines per request (the server takes up to 500).
const BATCH: usize = 200;
const MAX_BACKOFF_MS: u32 = 30_000;

fn storage_key(student: i64) -> String {
    format!("feedwise.outbox.v1.{student}")
}

fn load(student: i64) -> Vec<String> {
    LocalStorage::get(storage_key(student)).unwrap_or_default()
}

fn save(student: i64, lines: &[String]) {
    // When storage is full or off the lines still go out from memory on this page.
    let _ = LocalStorage::set(storage_key(student), lines);
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
    /// Stored (200) or refused for good (4xx): either way these lines are done.
    Done,
    /// The server or the network failed: try again later.
    Retry,
}

async fn post(body: String) -> Sent {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return Sent::Retry };
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&wasm_bindgen::JsValue::from_str(&body));
    if let Ok(headers) = web_sys::Headers::new() {
        let _ = headers.set("Content-Type", "text/plain;charset=UTF-8");
        init.set_headers(&headers);
    }
    let Ok(response) = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init("/api/answers", &init)).await else {
        return Sent::Retry;
    };
    match response.dyn_into::<web_sys::Response>().map(|r| r.status()) {
        Ok(200..=299) => Sent::Done,
        // Refused for good (not in this class any more, the class archived): keeping the lines
        // would block the ones behind them.
        Ok(400..=499) => Sent::Done,
        _ => Sent::Retry,
    }
}

/// The outbox of one child on this device.
#[derive(Clone, Copy)]
pub struct Outbox {
    student: i64,
    /// Lines not yet acknowledged.
    pub pending: RwSignal<usize>,
    /// The last try failed; a retry is scheduled.
    pub offline: RwSignal<bool>,
    sending: StoredValue<bool>,
    backoff_ms: StoredValue<u32>,
}

impl Outbox {
    /// Opens the outbox and starts sending what an earlier page left in it.
    pub fn new(student: i64) -> Outbox {
        let outbox = Outbox {
            student,
            pending: RwSignal::new(0),
            offline: RwSignal::new(false),
            sending: StoredValue::new(false),
            backoff_ms: StoredValue::new(1000),
        };
        Effect::new(move |_| {
            outbox.pending.set(load(student).len());
            outbox.flush();
        });
        let _ = window_event_listener(leptos::ev::online, move |_| {
            outbox.backoff_ms.set_value(1000);
            outbox.flush();
        });
        outbox
    }

    /// Queues lines and sends them.
    pub fn add(&self, lines: Vec<String>) {
        let mut all = load(self.student);
        all.extend(lines);
        save(self.student, &all);
        self.pending.set(all.len());
        self.flush();
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
                let queued = load(this.student);
                if queued.is_empty() {
                    this.pending.set(0);
                    this.offline.set(false);
                    break;
                }
                let batch: Vec<String> = queued.iter().take(BATCH).cloned().collect();
                match post(batch.join("\n")).await {
                    Sent::Done => {
                        // Lines may have been added while this batch was on its way.
                        let rest: Vec<String> = load(this.student).into_iter().filter(|l| !batch.contains(l)).collect();
                        save(this.student, &rest);
                        this.pending.set(rest.len());
                        this.offline.set(false);
                        this.backoff_ms.set_value(1000);
                    }
                    Sent::Retry => {
                        this.offline.set(true);
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
