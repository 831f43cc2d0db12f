//! The site's static files (`/pkg/…`, the favicon), served from memory, compressed once.
//!
//! A class of 30 opens a round at the same moment on a slow school network. Compressing the
//! WebAssembly for every request kept a core busy for seconds; reading it from disk for every
//! request made static files slower than rendered pages. So every file is read once, gzip and
//! brotli versions are made once (in the background at start-up, or at the first request that
//! needs them), and each request only picks the smallest version the browser accepts. An `ETag`
//! lets a warm visit revalidate with a 304 instead of downloading again.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, Response, StatusCode, header};
use blake2::Digest;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, OnceLock};

// The smallest files for a release; a debug build (the tests, with a WebAssembly file many
// times larger) compresses quickly instead.
const GZIP_LEVEL: u32 = if cfg!(debug_assertions) { 6 } else { 9 };
const BROTLI_QUALITY: i32 = if cfg!(debug_assertions) { 5 } else { 11 };

/// One file of the site.
struct Asset {
    content_type: &'static str,
    etag: HeaderValue,
    identity: axum::body::Bytes,
    /// Made once, on first need; `None` inside when compressing does not make it smaller.
    gzip: OnceLock<Option<axum::body::Bytes>>,
    brotli: OnceLock<Option<axum::body::Bytes>>,
    compressible: bool,
}

/// The static files under the site root, keyed by their path below it (`pkg/feedwise.wasm`).
#[derive(Clone, Default)]
pub struct Assets {
    files: Arc<HashMap<String, Asset>>,
}

fn content_type(path: &str) -> (&'static str, bool) {
    match path.rsplit('.').next().unwrap_or("") {
        "wasm" => ("application/wasm", true),
        "js" => ("text/javascript; charset=utf-8", true),
        "css" => ("text/css; charset=utf-8", true),
        "svg" => ("image/svg+xml", true),
        "json" => ("application/json", true),
        "txt" => ("text/plain; charset=utf-8", true),
        "html" => ("text/html; charset=utf-8", true),
        "png" => ("image/png", false),
        "ico" => ("image/x-icon", false),
        "woff2" => ("font/woff2", false),
        _ => ("application/octet-stream", false),
    }
}

impl Assets {
    /// Reads every file below `root`; a missing root gives an empty set (a build without site).
    pub fn load(root: &FsPath) -> std::io::Result<Assets> {
        let mut files = HashMap::new();
        let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            for entry in entries {
                let path = entry?.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let Ok(rel) = path.strip_prefix(root) else { continue };
                let key = rel.to_string_lossy().replace('\\', "/");
                let bytes = std::fs::read(&path)?;
                let (content_type, compressible) = content_type(&key);
                let hash = blake2::Blake2s256::digest(&bytes);
                let etag = format!("\"{}\"", hash.iter().take(12).map(|b| format!("{b:02x}")).collect::<String>());
                files.insert(key, Asset {
                    content_type,
                    etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"0\"")),
                    identity: bytes.into(),
                    gzip: OnceLock::new(),
                    brotli: OnceLock::new(),
                    compressible,
                });
            }
        }
        Ok(Assets { files: Arc::new(files) })
    }

    /// Compresses every file now, so that no child waits for it later (run in the background).
    pub fn precompress(&self) {
        for asset in self.files.values() {
            asset.gzip();
            asset.brotli();
        }
    }

    /// The response for `path` (below the site root), or `None` when there is no such file.
    pub fn response(&self, path: &str, request: &HeaderMap) -> Option<Response<Body>> {
        let asset = self.files.get(path.trim_start_matches('/'))?;
        let mut res = Response::builder()
            .header(header::ETAG, asset.etag.clone())
            // Names carry no content hash yet, so the browser asks again, and a 304 is small.
            .header(header::CACHE_CONTROL, "no-cache")
            .header(header::VARY, "accept-encoding");
        let fresh = request
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|tag| tag.trim().trim_start_matches("W/") == asset.etag.to_str().unwrap_or("")));
        if fresh {
            return res.status(StatusCode::NOT_MODIFIED).body(Body::empty()).ok();
        }
        let accepts = |coding: &str| {
            request.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(|part| {
                let mut bits = part.split(';');
                let name = bits.next().unwrap_or("").trim();
                let refused = bits.any(|q| q.trim().replace(' ', "") == "q=0");
                name.eq_ignore_ascii_case(coding) && !refused
            })
        };
        res = res.header(header::CONTENT_TYPE, asset.content_type);
        let (body, coding) = match (accepts("br").then(|| asset.brotli()).flatten(), accepts("gzip").then(|| asset.gzip()).flatten()) {
            (Some(br), _) => (br, Some("br")),
            (None, Some(gz)) => (gz, Some("gzip")),
            _ => (asset.identity.clone(), None),
        };
        if let Some(coding) = coding {
            res = res.header(header::CONTENT_ENCODING, coding);
        }
        res.header(header::CONTENT_LENGTH, body.len()).body(Body::from(body)).ok()
    }
}

impl Asset {
    fn gzip(&self) -> Option<axum::body::Bytes> {
        self.gzip
            .get_or_init(|| {
                let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(GZIP_LEVEL));
                enc.write_all(&self.identity).ok()?;
                self.smaller(enc.finish().ok()?)
            })
            .clone()
    }

    fn brotli(&self) -> Option<axum::body::Bytes> {
        self.brotli
            .get_or_init(|| {
                let mut out = Vec::new();
                let params = brotli::enc::BrotliEncoderParams { quality: BROTLI_QUALITY, lgwin: 22, ..Default::default() };
                brotli::BrotliCompress(&mut &self.identity[..], &mut out, &params).ok()?;
                self.smaller(out)
            })
            .clone()
    }

    fn smaller(&self, compressed: Vec<u8>) -> Option<axum::body::Bytes> {
        (self.compressible && compressed.len() < self.identity.len()).then(|| compressed.into())
    }
}

/// `GET /pkg/{*path}`.
pub async fn pkg(State(assets): State<Assets>, Path(path): Path<String>, headers: HeaderMap) -> Response<Body> {
    serve(&assets, &format!("pkg/{path}"), &headers).await
}

/// `GET /favicon.svg`.
pub async fn favicon(State(assets): State<Assets>, headers: HeaderMap) -> Response<Body> {
    serve(&assets, "favicon.svg", &headers).await
}

async fn serve(assets: &Assets, path: &str, headers: &HeaderMap) -> Response<Body> {
    let ready = assets.files.get(path).is_none_or(|a| a.gzip.get().is_some() && a.brotli.get().is_some());
    let res = if ready {
        assets.response(path, headers)
    } else {
        // The first request for a file has to compress it: not on the async threads.
        let (assets, path, headers) = (assets.clone(), path.to_string(), headers.clone());
        tokio::task::spawn_blocking(move || assets.response(&path, &headers)).await.ok().flatten()
    };
    res.unwrap_or_else(|| {
        let mut r = Response::new(Body::from("not found"));
        *r.status_mut() = StatusCode::NOT_FOUND;
        r
    })
}
