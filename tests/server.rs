//! The real server on a free port, spoken to over HTTP.
#![cfg(feature = "ssr")]

mod support;

use feedwise::domain::corpus::Corpus;
use feedwise::domain::generator::generate;
use feedwise::domain::model::*;
use support::{TestApp, header};

#[tokio::test]
async fn the_language_page_and_both_home_pages_are_served() {
    let app = TestApp::spawn().await;
    let (status, _, body) = app.get("/").await;
    assert_eq!(status, 200);
    assert!(body.contains("href=\"/nl\"") && body.contains("href=\"/en\""));
    let (status, _, body) = app.get("/nl").await;
    assert_eq!(status, 200);
    assert!(body.contains("lang=\"nl\""), "Dutch page has lang=nl");
    assert!(body.contains("Herken jij de spam?"));
    assert!(body.contains("action=\"/nl/play\""));
    let (_, _, body) = app.get("/en").await;
    assert!(body.contains("Can you spot the spam?"));
}

#[tokio::test]
async fn the_feed_page_is_complete_html_before_any_webassembly_runs() {
    let app = TestApp::spawn().await;
    let settings = FeedSettings::home(Platform::Video, AgeBand::Age12To14, Difficulty::new(2).unwrap());
    let feed = generate(Corpus::builtin(Lang::En).unwrap(), &settings, 77);
    let (status, _, body) = app.get("/en/play?age=12-14&app=video&level=2&seed=77").await;
    assert_eq!(status, 200);
    assert!(body.contains("Vidlo"));
    for c in &feed.comments {
        assert!(body.contains(&format!("id=\"comment-{}\"", c.id)), "comment {} rendered", c.id);
        let name = if settings.platform == Platform::Video { &c.author.display_name } else { &c.author.username };
        let escaped = name.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert!(body.contains(&escaped), "author {name} rendered");
    }
    assert!(asset(&body, "js").starts_with("/pkg/feedwise."));
}

/// The address of the site's JavaScript, WebAssembly or stylesheet (`ext`) that a page loads.
fn asset(page: &str, ext: &str) -> String {
    page.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()).find(|href| href.starts_with("/pkg/") && href.ends_with(&format!(".{ext}")))
        .unwrap_or_else(|| panic!("the page loads no .{ext} from /pkg/"))
        .to_string()
}

/// What a page's file addresses are for each kind: `(js, wasm, css)`.
async fn assets(app: &TestApp) -> (String, String, String) {
    let (_, _, page) = app.get("/en").await;
    (asset(&page, "js"), asset(&page, "wasm"), asset(&page, "css"))
}

#[tokio::test]
async fn the_site_files_carry_a_content_hash_are_kept_for_a_year_and_pages_are_asked_for_again() {
    let app = TestApp::spawn().await;
    let (js, wasm, css) = assets(&app).await;
    let mut hashes = Vec::new();
    for (path, ext) in [(&js, "js"), (&wasm, "wasm"), (&css, "css")] {
        let hash = path.strip_prefix("/pkg/feedwise.").and_then(|rest| rest.strip_suffix(&format!(".{ext}"))).unwrap_or("");
        assert!(hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{path} has no content hash");
        hashes.push(hash.to_string());
        let (status, headers, _) = app.get_with(path, &[("Accept-Encoding", "gzip, br")]).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(header(&headers, "cache-control"), Some("public, max-age=31536000, immutable"), "{path}");
    }
    hashes.dedup();
    assert_eq!(hashes.len(), 3, "each file has its own hash");
    // The names without a hash are gone: a page of an older build cannot mix them in.
    for old in ["/pkg/feedwise.js", "/pkg/feedwise.wasm", "/pkg/feedwise_bg.wasm", "/pkg/feedwise.css"] {
        assert_eq!(app.get(old).await.0, 404, "{old}");
    }
    // Files without a hash in their name, and pages, are asked for again (a 304 when unchanged).
    let (_, headers, _) = app.get("/favicon.svg").await;
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
    for page in ["/en", "/nl/play?age=8-10&app=photo&level=1&seed=5", "/en/teacher"] {
        let (_, headers, _) = app.get(page).await;
        let cc = header(&headers, "cache-control").unwrap_or_default();
        assert!(cc.contains("no-cache") && cc.contains("private"), "{page}: {cc}");
    }
}

#[tokio::test]
async fn the_same_round_url_gives_the_same_feed_and_the_language_switch_keeps_the_round() {
    let app = TestApp::spawn().await;
    let path = "/nl/play?age=8-10&app=photo&level=1&seed=5";
    let (_, _, a) = app.get(path).await;
    let (_, _, b) = app.get(path).await;
    let main = |page: &str| page.split("<main").nth(1).and_then(|m| m.split("</main>").next()).map(str::to_string);
    assert!(main(&a).is_some() && main(&a) == main(&b), "two loads of one round differ");
    assert!(a.contains("href=\"/en/play?age=8-10&amp;app=photo&amp;level=1&amp;seed=5\""));
}

#[tokio::test]
async fn wrong_round_settings_get_a_clear_message_not_an_error_page() {
    let app = TestApp::spawn().await;
    for path in ["/en/play?age=7-9&seed=1", "/en/play?age=8-10&level=9&seed=1", "/nl/play?age=8-10&seed=abc", "/en/play"] {
        let (status, _, body) = app.get(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(body.contains("role=\"alert\""), "{path}");
    }
}

#[tokio::test]
async fn an_unknown_page_is_a_friendly_404() {
    let app = TestApp::spawn().await;
    let (status, _, body) = app.get("/xx/nothing/here").await;
    assert_eq!(status, 404);
    assert!(body.contains("Page not found"));
    let (status, _, body) = app.get("/nl/nergens/hier").await;
    assert_eq!(status, 404);
    assert!(body.contains("Pagina niet gevonden"));
}

#[tokio::test]
async fn avatars_and_illustrations_are_svg_from_this_server() {
    let app = TestApp::spawn().await;
    let (status, headers, body) = app.get("/img/avatar/animal/12/AB.svg").await;
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), Some("image/svg+xml"));
    assert!(body.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let (status, _, body) = app.get("/img/scene/storm/3.svg").await;
    assert_eq!(status, 200);
    assert!(body.contains("viewBox"));
    assert_eq!(app.get("/img/scene/nope/3.svg").await.0, 404);
    assert_eq!(app.get("/img/avatar/photo/3/AB.svg").await.0, 404);
}

#[tokio::test]
async fn the_webassembly_and_pages_are_sent_compressed_to_browsers_that_accept_it() {
    let app = TestApp::spawn().await;
    let (_, headers, _) = app.get_with("/en", &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    let (_, wasm, _) = assets(&app).await;
    let (status, headers, _) = app.get_with(&wasm, &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(status, 200, "the WebAssembly is built (cargo leptos build)");
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    let (_, headers, _) = app.get("/en").await;
    assert_eq!(header(&headers, "content-encoding"), None, "identity when gzip is not accepted");
}

#[tokio::test]
async fn static_files_come_precompressed_and_a_warm_visit_revalidates_with_a_304() {
    let app = TestApp::spawn().await;
    let (_, wasm, css) = assets(&app).await;
    let (status, headers, _) = app.get_with(&wasm, &[("Accept-Encoding", "gzip, deflate, br")]).await;
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-encoding"), Some("br"), "brotli when the browser takes it");
    assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
    assert_eq!(header(&headers, "vary"), Some("accept-encoding"));
    let etag = header(&headers, "etag").expect("an ETag").to_string();
    let (status, headers, body) = app.get_with(&wasm, &[("Accept-Encoding", "br"), ("If-None-Match", &etag)]).await;
    assert_eq!(status, 304, "a warm visit downloads nothing again");
    assert!(body.is_empty());
    assert_eq!(header(&headers, "etag"), Some(etag.as_str()));
    let (status, _, _) = app.get_with(&wasm, &[("If-None-Match", "\"something-else\"")]).await;
    assert_eq!(status, 200);
    let (_, headers, _) = app.get_with(&css, &[("Accept-Encoding", "br;q=0, gzip")]).await;
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"), "q=0 refuses brotli");
    assert_eq!(app.get("/pkg/no-such-file.js").await.0, 404);
}

#[tokio::test]
async fn pages_forbid_third_party_content_and_framing() {
    let app = TestApp::spawn().await;
    let (_, headers, body) = app.get("/en").await;
    let csp = header(&headers, "content-security-policy").expect("CSP");
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
    // Inline scripts run only with this page's nonce: an injected script does not.
    let scripts = csp.split(';').find(|d| d.trim().starts_with("script-src")).expect("script-src");
    assert!(!scripts.contains("unsafe-inline"), "{scripts}");
    let nonce = scripts.split("'nonce-").nth(1).and_then(|n| n.split('\'').next()).expect("a nonce");
    assert!(nonce.len() >= 16, "a nonce of {} characters", nonce.len());
    let inline = body.matches("<script").count();
    assert!(inline > 0 && body.matches(&format!("nonce=\"{nonce}\"")).count() == inline, "every script carries the nonce");
    let (_, again, _) = app.get("/en").await;
    assert!(!header(&again, "content-security-policy").unwrap_or_default().contains(nonce), "a fresh nonce per page");
    assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"));
    assert_eq!(header(&headers, "referrer-policy"), Some("no-referrer"));
    for needle in ["http://", "https://"] {
        for part in body.split(needle).skip(1) {
            let host = part.split(['/', '"', '\'', ' ']).next().unwrap_or("");
            assert!(host.is_empty() || host.ends_with(".example") || host.ends_with(".test") || host.ends_with(".invalid"),
                "page refers to {needle}{host}");
        }
    }
}
