//! Headless Chromium through WebDriver, for the browser tests.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::time::Duration;

pub struct Browser {
    pub client: Client,
    pub driver_port: u16,
    _driver: tokio::process::Child,
    _profile: tempfile::TempDir,
}

pub async fn browser() -> Browser {
    browser_loading("normal").await
}

/// A browser whose `open` returns at the page load strategy given: `"eager"` as soon as the
/// HTML is parsed, before the WebAssembly is in (a child tapping on a slow network).
pub async fn browser_loading(strategy: &str) -> Browser {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let driver = tokio::process::Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("chromedriver (run `.ci/tools.sh --test`)");
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let profile = tempfile::tempdir().unwrap();
    let mut caps = serde_json::Map::new();
    caps.insert("pageLoadStrategy".into(), json!(strategy));
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,768",
                format!("--user-data-dir={}", profile.path().display()),
            ]
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("WebDriver session");
    Browser { client, driver_port: port, _driver: driver, _profile: profile }
}

impl Browser {
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.unwrap();
    }

    /// Waits until the islands on the page are live (their Effect has run).
    pub async fn hydrated(&self) {
        self.find_within("[data-hydrated='true']", 30).await;
    }

    pub async fn click(&self, css: &str) {
        let el = self.find_within(css, 10).await;
        // Scroll into view first: the sticky finish bar may cover the element.
        self.client.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&el).unwrap()]).await.unwrap();
        el.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Blocks a comment's account through the confirm dialog.
    pub async fn block(&self, comment_id: u16) {
        self.click(&format!("#comment-{comment_id} .action.block")).await;
        self.click("dialog[open] .big-button.danger").await;
    }

    pub async fn text(&self, css: &str) -> String {
        let el = self.find_within(css, 10).await;
        el.text().await.unwrap()
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    /// Runs axe-core (WCAG 2.2 A and AA) on the page and returns the violations.
    pub async fn axe(&self) -> Vec<Value> {
        let source = std::fs::read_to_string("tests/axe/node_modules/axe-core/axe.min.js")
            .expect("axe-core (run `.ci/tools.sh --test`)");
        self.client.execute(&source, vec![]).await.unwrap();
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] })
                    .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target) }))))
                    .catch(e => done([{ id: 'axe-error', help: String(e) }]));",
                vec![],
            )
            .await
            .unwrap();
        result.as_array().cloned().unwrap_or_default()
    }

    pub async fn assert_accessible(&self, page: &str) {
        let v = self.axe().await;
        assert!(v.is_empty(), "axe-core violations on {page}: {}", serde_json::to_string_pretty(&v).unwrap());
    }
}


impl Browser {
    /// Types into a form field, replacing what was there.
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.find_within(css, 10).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap();
    }

    /// Cuts the browser's network (`true`) or brings it back, as a dropped Wi-Fi does.
    pub async fn offline(&self, offline: bool) {
        self.network(offline, 0, 1_000_000).await;
    }

    /// A slow network: every request waits `latency_ms` first, and comes at `bytes_per_sec`.
    pub async fn slow_network(&self, latency_ms: u32, bytes_per_sec: u32) {
        self.network(false, latency_ms, bytes_per_sec).await;
    }

    async fn network(&self, offline: bool, latency_ms: u32, bytes_per_sec: u32) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let session = self.client.session_id().await.unwrap().expect("a WebDriver session");
        let body = json!({ "network_conditions": {
            "offline": offline, "latency": latency_ms, "download_throughput": bytes_per_sec, "upload_throughput": bytes_per_sec
        } })
        .to_string();
        let req = format!(
            "POST /session/{session}/chromium/network_conditions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", self.driver_port)).await.unwrap();
        stream.write_all(req.as_bytes()).await.unwrap();
        // ChromeDriver keeps the connection open: read the head and Content-Length bytes.
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            let n = stream.read(&mut chunk).await.unwrap();
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf).to_string();
            if let Some(split) = text.find("\r\n\r\n") {
                let length: usize = text[..split]
                    .lines()
                    .find_map(|l| l.to_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
                    .unwrap_or(0);
                if buf.len() >= split + 4 + length {
                    break;
                }
            }
            if n == 0 {
                break;
            }
        }
        let out = String::from_utf8_lossy(&buf);
        assert!(out.starts_with("HTTP/1.1 200"), "network conditions: {out}");
    }

    /// Saves a screenshot under target/screenshots/ to look at.
    pub async fn screenshot(&self, name: &str) {
        // The whole page, not only the window.
        let height = self.client.execute("return document.documentElement.scrollHeight", vec![]).await.unwrap().as_u64().unwrap_or(768);
        self.client.set_window_size(1366, (height as u32).clamp(768, 6000)).await.unwrap();
        let png = self.client.screenshot().await.unwrap();
        self.client.set_window_size(1366, 768).await.unwrap();
        std::fs::create_dir_all("target/screenshots").unwrap();
        std::fs::write(format!("target/screenshots/{name}.png"), png).unwrap();
    }

    /// Saves a screenshot of what a window of `width` × `height` shows (a tablet: 768 × 1024),
    /// under target/screenshots/.
    pub async fn screenshot_at(&self, name: &str, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.unwrap();
        let png = self.client.screenshot().await.unwrap();
        self.client.set_window_size(1366, 768).await.unwrap();
        std::fs::create_dir_all("target/screenshots").unwrap();
        std::fs::write(format!("target/screenshots/{name}.png"), png).unwrap();
    }

    /// Waits until `css` matches (for text the live view brings in without a reload).
    pub async fn wait_for(&self, css: &str, secs: u64) {
        self.find_within(css, secs).await;
    }

    /// The first element `css` matches, within `secs` seconds. A look that lands while the page
    /// is navigating (after a form post or a redirect) fails with "aborted by navigation" or a
    /// stale document; that is no answer yet, so it looks again until the time is up, and only
    /// then fails, with the last thing the browser said.
    pub async fn find_within(&self, css: &str, secs: u64) -> fantoccini::elements::Element {
        let deadline = std::time::Instant::now() + Duration::from_secs(secs);
        loop {
            let last = match self.client.find(Locator::Css(css)).await {
                Ok(el) => return el,
                Err(e) => e.to_string(),
            };
            if std::time::Instant::now() >= deadline {
                panic!("{css} within {secs} s: {last}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Browser {
    /// Waits until a live region on a teacher's page is polling.
    pub async fn hydrated_live(&self) {
        self.wait_for("[data-live='true']", 30).await;
    }
}

impl Browser {
    /// Presses keys on the focused element, as a keyboard does (`"\u{E004}"` is Tab, `"\u{E007}"`
    /// Enter, `"\u{E00C}"` Escape).
    pub async fn press(&self, keys: &str) {
        let el = self.client.active_element().await.unwrap();
        el.send_keys(keys).await.unwrap_or_else(|e| panic!("press {keys:?}: {e}"));
    }

    /// Whether the focused element matches `css`, within the next frames (the island moves the
    /// focus once the page has been redrawn).
    pub async fn focused(&self, css: &str) -> bool {
        for _ in 0..20 {
            if self.js_bool("return document.activeElement.matches(arguments[0])", css).await {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Moves the focus to `css` without a click, the starting point of a keyboard walk.
    pub async fn focus(&self, css: &str) {
        self.wait_for(css, 10).await;
        self.client.execute("document.querySelector(arguments[0]).focus()", vec![json!(css)]).await.unwrap();
    }

    pub async fn js_bool(&self, script: &str, arg: &str) -> bool {
        self.client.execute(script, vec![json!(arg)]).await.unwrap().as_bool().unwrap_or(false)
    }

    pub async fn js_f64(&self, script: &str) -> f64 {
        self.client.execute(script, vec![]).await.unwrap().as_f64().unwrap_or(f64::NAN)
    }
}
