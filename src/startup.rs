//! Builds the server from settings, so that `main` and the tests start the same thing.

use crate::app::{App, shell};
use crate::domain::corpus::{Corpus, CorpusError};
use crate::domain::model::Lang;
use crate::lessons::{LessonErrors, Library};
use crate::settings::Settings;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("the comment corpus is broken: {0}")]
    Corpus(#[from] CorpusError),
    #[error("a lesson file is broken:\n{0}")]
    Lessons(#[from] LessonErrors),
    #[error("cannot create the data folder {path}: {source}")]
    DataDir { path: String, source: std::io::Error },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
}

/// Content-Security-Policy: everything from this server only, no frames, no third parties.
const CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
    object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Checks what must be right before serving, and builds the router.
pub fn build(settings: &Settings) -> Result<Router, StartupError> {
    for lang in Lang::ALL {
        Corpus::builtin(lang)?;
    }
    let library = std::sync::Arc::new(Library::load(&settings.lessons_dir)?);
    std::fs::create_dir_all(&settings.data_dir)
        .map_err(|source| StartupError::DataDir { path: settings.data_dir.display().to_string(), source })?;

    let options = LeptosOptions::builder()
        .output_name("feedwise")
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(settings.addr)
        .build();
    let routes = generate_route_list(App);
    let router = Router::new()
        .route("/img/avatar/{kind}/{variant}/{letters}", get(crate::images::avatar))
        .route("/img/scene/{scene}/{variant}", get(crate::images::scene))
        // Static files get their own routes: `/:lang` would otherwise take `/favicon.svg`.
        .nest_service("/pkg", ServeDir::new(settings.site_root.join("pkg")))
        .route_service("/favicon.svg", ServeFile::new(settings.site_root.join("favicon.svg")))
        .leptos_routes_with_context(&options, routes, move || provide_context(library.clone()), {
            let options = options.clone();
            move || shell(options.clone())
        })
        // Other files of the site root, and else the app's own "page not found".
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        // School networks are slow: pages, WebAssembly and SVGs go out gzip-compressed.
        .layer(CompressionLayer::new());
    Ok(router)
}

/// Binds the address and serves until the process ends.
pub async fn run(settings: Settings) -> Result<(), StartupError> {
    let router = build(&settings)?;
    let listener = tokio::net::TcpListener::bind(settings.addr)
        .await
        .map_err(|source| StartupError::Bind { addr: settings.addr.to_string(), source })?;
    let local = listener.local_addr().map_err(|source| StartupError::Bind { addr: settings.addr.to_string(), source })?;
    tracing::info!("Feedwise is listening on http://{local}");
    axum::serve(listener, router.into_make_service())
        .await
        .map_err(|source| StartupError::Bind { addr: local.to_string(), source })
}
