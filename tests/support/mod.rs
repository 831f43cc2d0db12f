//! Starting the real server for tests: a fresh data folder, a free port.
#![allow(dead_code)]

use feedwise::settings::Settings;
use std::net::SocketAddr;

pub struct TestApp {
    pub addr: SocketAddr,
    pub base: String,
    _data: tempfile::TempDir,
}

impl TestApp {
    /// Starts Feedwise on 127.0.0.1 with a port the system picks.
    pub async fn spawn() -> TestApp {
        let data = tempfile::tempdir().expect("temp dir");
        let settings = Settings {
            addr: "127.0.0.1:0".parse().unwrap(),
            data_dir: data.path().join("data"),
            lessons_dir: "lessons".into(),
            site_root: std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into()).into(),
        };
        let router = feedwise::startup::build(&settings).unwrap_or_else(|e| panic!("{e}"));
        let listener = tokio::net::TcpListener::bind(settings.addr).await.expect("bind");
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, router.into_make_service()).await.unwrap() });
        TestApp { addr, base: format!("http://{addr}"), _data: data }
    }

    /// A plain HTTP/1.1 GET: status, headers (lower-case names) and body.
    pub async fn get(&self, path: &str) -> (u16, Vec<(String, String)>, String) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = tokio::net::TcpStream::connect(self.addr).await.expect("connect");
        let req = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nAccept-Encoding: identity\r\n\r\n", self.addr);
        stream.write_all(req.as_bytes()).await.unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.unwrap();
        let text = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let mut lines = head.lines();
        let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_string()))
            .collect();
        let chunked = headers.iter().any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
        let body = if chunked { dechunk(body) } else { body.to_string() };
        (status, headers, body)
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else { break };
        if n == 0 || rest.len() < n {
            break;
        }
        // Chunk sizes count bytes; the body is valid UTF-8 as a whole.
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}
