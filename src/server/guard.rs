//! Refuses state-changing requests that another site's page makes a browser send (CSRF): every
//! request other than GET and HEAD must come from Feedwise's own pages, as the browser's
//! `Sec-Fetch-Site` and `Origin` headers tell. The session cookie is SameSite=Lax as well.

use axum::extract::Request;
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether a request's own headers say it came from this site. Requests without either header
/// do not come from a browser page (browsers send `Origin` on every POST), so a cookie cannot
/// have been used on the user's behalf.
pub fn same_origin(req: &Request, public_origin: Option<&str>) -> bool {
    let h = req.headers();
    if let Some(site) = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    match public_origin {
        Some(expected) => origin.eq_ignore_ascii_case(expected.trim_end_matches('/')),
        None => {
            let host = h.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or("");
            let bare = origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")).unwrap_or("");
            !host.is_empty() && bare.eq_ignore_ascii_case(host)
        }
    }
}

/// The middleware: 403 for a cross-site request that would change something.
pub async fn check_origin(public_origin: Option<String>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || same_origin(&req, public_origin.as_deref()) {
        next.run(req).await
    } else {
        (StatusCode::FORBIDDEN, "Feedwise only takes forms from its own pages.").into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder().method("POST").uri("/do/join");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(axum::body::Body::empty()).unwrap()
    }

    #[test]
    fn cross_site_posts_are_refused() {
        assert!(same_origin(&post(&[("sec-fetch-site", "same-origin"), ("origin", "http://x")]), None));
        assert!(!same_origin(&post(&[("sec-fetch-site", "cross-site")]), None));
        assert!(!same_origin(&post(&[("sec-fetch-site", "same-site")]), None));
        assert!(same_origin(&post(&[("host", "feedwise.test:3000"), ("origin", "http://feedwise.test:3000")]), None));
        assert!(!same_origin(&post(&[("host", "feedwise.test:3000"), ("origin", "http://evil.test")]), None));
        assert!(!same_origin(&post(&[("host", "feedwise.test"), ("origin", "null")]), None));
        assert!(same_origin(&post(&[("origin", "https://feedwise.nl")]), Some("https://feedwise.nl/")));
        assert!(!same_origin(&post(&[("origin", "http://feedwise.nl")]), Some("https://feedwise.nl")));
        assert!(same_origin(&post(&[]), None));
    }
}
