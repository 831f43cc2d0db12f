//! The site's static files (`/pkg/…`, the favicon), served from memory, compressed once.
//!
//! A class of 30 opens a round at the same moment on a slow school network. Compressing the
//! WebAssembly for every request kept a core busy for seconds; reading it from disk for every
//! request made static files slower than rendered pages. So every file is read once, gzip and
//! brotli versions are made once (in the background at start-up, or at the first request that
//! needs them), and each request only picks the smallest version the browser accepts.
//!
//! cargo-leptos puts a hash of their content in the names of the JavaScript, the WebAssembly
//! and the stylesheet (`hash-files`) and lists the hashes in the site's `hash.txt`: a new build
//! has new names, so the browser may keep these files for a year without asking again
//! (`immutable`). Other files keep their names; an `ETag` lets a warm visit revalidate them with
//! a 304 instead of downloading again.

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
    /// Its name carries a hash of its content: a changed file gets a new name.
    hashed: bool,
}

/// Cache-Control of a file whose name changes with its content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control of the other files: keep, but ask (a 304 when unchanged).
pub const REVALIDATE: &str = "no-cache";

/// The static files under the site root, keyed by their path below it
/// (`pkg/feedwise.<hash>.wasm`).
#[derive(Clone, Default)]
pub struct Assets {
    files: Arc<HashMap<String, Asset>>,
    hash_file: Option<PathBuf>,
}

/// Why the site's files cannot be served.
#[derive(Debug, thiserror::Error)]
pub enum AssetsError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// `hash.txt` names files the site does not have (half a build, or another build's list).
    #[error("{hash_file} names {missing}, which is not in the site: build it again (cargo leptos build)")]
    Mismatch { hash_file: String, missing: String },
}

/// The names of the files `hash.txt` lists (`js: <hash>` and so on, one a line), below the site
/// root: `pkg/<output>.<hash>.<ext>`.
fn hashed_names(hash_txt: &str, output_name: &str) -> Vec<String> {
    hash_txt
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(ext, hash)| (ext.trim(), hash.trim()))
        .filter(|(ext, hash)| matches!(*ext, "js" | "wasm" | "css") && !hash.is_empty())
        .map(|(ext, hash)| format!("pkg/{output_name}.{hash}.{ext}"))
        .collect()
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
    /// The files `hash.txt` in the root lists (for the site's `output_name`) are served as
    /// immutable; a listed file that is missing is an error.
    pub fn load(root: &FsPath, output_name: &str) -> Result<Assets, AssetsError> {
        let mut files = HashMap::new();
        let mut stack: Vec<PathBuf> = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e.into()),
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
                    hashed: false,
                });
            }
        }
        let hash_path = root.join("hash.txt");
        let hash_file = match std::fs::read_to_string(&hash_path) {
            Ok(text) => {
                for name in hashed_names(&text, output_name) {
                    let asset = files.get_mut(&name).ok_or_else(|| AssetsError::Mismatch {
                        hash_file: hash_path.display().to_string(),
                        missing: name.clone(),
                    })?;
                    asset.hashed = true;
                }
                Some(std::path::absolute(&hash_path)?)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(e.into()),
        };
        Ok(Assets { files: Arc::new(files), hash_file })
    }

    /// The site's `hash.txt` (an absolute path), when its file names carry content hashes.
    pub fn hash_file(&self) -> Option<&FsPath> {
        self.hash_file.as_deref()
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
            .header(header::CACHE_CONTROL, if asset.hashed { IMMUTABLE } else { REVALIDATE })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn cache_control(assets: &Assets, path: &str) -> String {
        let res = assets.response(path, &HeaderMap::new()).expect(path);
        res.headers()[header::CACHE_CONTROL].to_str().unwrap().to_string()
    }

    #[test]
    fn files_with_a_content_hash_in_their_name_are_kept_for_a_year_and_others_are_revalidated() {
        let dir = site(&[
            ("hash.txt", "js: Ab1\nwasm: Cd2\ncss: Ef3\n"),
            ("pkg/app.Ab1.js", "js"),
            ("pkg/app.Cd2.wasm", "wasm"),
            ("pkg/app.Ef3.css", "css"),
            ("pkg/snippets/x.js", "snippet"),
            ("favicon.svg", "<svg/>"),
        ]);
        let assets = Assets::load(dir.path(), "app").unwrap();
        for path in ["pkg/app.Ab1.js", "pkg/app.Cd2.wasm", "pkg/app.Ef3.css"] {
            assert_eq!(cache_control(&assets, path), IMMUTABLE, "{path}");
        }
        for path in ["pkg/snippets/x.js", "favicon.svg"] {
            assert_eq!(cache_control(&assets, path), REVALIDATE, "{path}");
        }
        assert_eq!(assets.hash_file(), Some(std::path::absolute(dir.path().join("hash.txt")).unwrap().as_path()));
    }

    #[test]
    fn a_site_without_hashes_is_revalidated_and_a_hash_list_that_does_not_fit_stops_start_up() {
        let plain = site(&[("pkg/app.js", "js")]);
        let assets = Assets::load(plain.path(), "app").unwrap();
        assert_eq!(cache_control(&assets, "pkg/app.js"), REVALIDATE);
        assert!(assets.hash_file().is_none());
        let stale = site(&[("hash.txt", "js: Old\n"), ("pkg/app.New.js", "js")]);
        match Assets::load(stale.path(), "app") {
            Err(AssetsError::Mismatch { missing, .. }) => assert_eq!(missing, "pkg/app.Old.js"),
            other => panic!("expected a mismatch, got {:?}", other.err()),
        }
    }
}
