//! Starting the real server for tests: a fresh data folder, a free port.
#![allow(dead_code)]

#[cfg(feature = "ssr")]
pub mod browser;

use feedwise::settings::Settings;
use std::net::SocketAddr;

pub struct TestApp {
    pub addr: SocketAddr,
    pub base: String,
    pub state: feedwise::server::AppState,
    /// `FEEDWISE_DATA_DIR` of this server, for running the `feedwise` command against it.
    pub data_dir: std::path::PathBuf,
    _data: tempfile::TempDir,
}

impl TestApp {
    /// Starts Feedwise on 127.0.0.1 with a port the system picks.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with_lessons("lessons").await
    }

    /// Starts Feedwise with the lessons of another folder.
    pub async fn spawn_with_lessons(lessons_dir: impl Into<std::path::PathBuf>) -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let settings = Settings::local(
            "127.0.0.1:0".parse().unwrap(),
            data.path().join("data"),
            lessons_dir.into(),
            std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into()).into(),
        );
        let (router, state) = feedwise::startup::build_with_state(&settings).await.unwrap_or_else(|e| panic!("{e}"));
        let listener = tokio::net::TcpListener::bind(settings.addr).await.expect("bind");
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await.unwrap() });
        TestApp { addr, base: format!("http://{addr}"), state, data_dir: settings.data_dir.clone(), _data: data }
    }

    /// A plain HTTP/1.1 GET: status, headers (lower-case names) and body.
    pub async fn get(&self, path: &str) -> (u16, Vec<(String, String)>, String) {
        self.get_with(path, &[("Accept-Encoding", "identity")]).await
    }

    /// A GET with extra request headers; the body is read as text (lossy when compressed).
    pub async fn get_with(&self, path: &str, extra: &[(&str, &str)]) -> (u16, Vec<(String, String)>, String) {
        self.request("GET", path, extra, "").await
    }

    /// A POST of a body (a form unless a Content-Type says otherwise).
    pub async fn post(&self, path: &str, extra: &[(&str, &str)], body: &str) -> (u16, Vec<(String, String)>, String) {
        self.request("POST", path, extra, body).await
    }

    pub async fn request(&self, method: &str, path: &str, extra: &[(&str, &str)], body: &str) -> (u16, Vec<(String, String)>, String) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(self.addr).await.expect("connect");
        let mut extra: String = extra.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
        if method == "POST" {
            if !extra.to_lowercase().contains("content-type") {
                extra.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
            }
            extra.push_str(&format!("Content-Length: {}\r\n", body.len()));
        }
        if !extra.to_lowercase().contains("accept-encoding") {
            extra.push_str("Accept-Encoding: identity\r\n");
        }
        let req = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n{extra}\r\n{body}", self.addr);
        stream.write_all(req.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(raw.len());
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let body = raw.get(split + 4..).unwrap_or_default();
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
            .collect();
        let chunked = headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        let body = if chunked { dechunk(body) } else { body.to_vec() };
        (status, headers, String::from_utf8_lossy(&body).to_string())
    }
}

fn dechunk(mut s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = s.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&s[..eol]).trim().to_string();
        let Ok(n) = usize::from_str_radix(&size, 16) else { break };
        let rest = &s[eol + 2..];
        if n == 0 || rest.len() < n {
            break;
        }
        out.extend_from_slice(&rest[..n]);
        s = rest[n..].strip_prefix(b"\r\n").unwrap_or(&rest[n..]);
    }
    out
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The session cookie a response sets, as `name=value` for a Cookie header.
pub fn session_cookie(headers: &[(String, String)]) -> Option<String> {
    headers.iter().find(|(k, v)| k == "set-cookie" && v.starts_with("feedwise=")).map(|(_, v)| v.split(';').next().unwrap_or("").to_string())
}

/// Runs `feedwise teacher reset-password EMAIL` against this server's database, as whoever runs
/// the server would: exit status, standard output and standard error.
impl TestApp {
    pub fn reset_password_command(&self, email: &str) -> (bool, String, String) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_feedwise"))
            .args(["teacher", "reset-password", email])
            .env("FEEDWISE_DATA_DIR", &self.data_dir)
            .env("FEEDWISE_PUBLIC_ORIGIN", &self.base)
            .output()
            .expect("the feedwise binary");
        (out.status.success(), String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string())
    }
}

/// The reset link a `reset-password` command printed, as a path on the server.
pub fn reset_path(stdout: &str, base: &str) -> String {
    stdout.lines().find_map(|l| l.trim().strip_prefix(base)).expect("a link in the output").to_string()
}

/// Percent-encodes a form value.
pub fn form_value(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}
