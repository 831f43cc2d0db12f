//! Builds the server from settings, so that `main` and the tests start the same thing.

use crate::app::{App, shell};
use crate::domain::corpus::{Corpus, CorpusError};
use crate::domain::model::Lang;
use crate::lessons::{LessonErrors, Library};
use crate::server::db::{Db, DbError};
use crate::server::assets::{self, Assets};
use crate::server::{AppState, forms, guard};
use crate::settings::Settings;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("the comment corpus is broken: {0}")]
    Corpus(#[from] CorpusError),
    #[error("a lesson file is broken:\n{0}")]
    Lessons(#[from] LessonErrors),
    #[error("cannot create the data folder {path}: {source}")]
    DataDir { path: String, source: std::io::Error },
    #[error("cannot open the database in {path}: {source}")]
    Database { path: String, source: DbError },
    #[error("cannot set up the session table: {0}")]
    Sessions(String),
    #[error("cannot read the site files in {path}: {source}")]
    SiteRoot { path: String, source: assets::AssetsError },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
}

/// The name cargo-leptos gives the site's JavaScript, WebAssembly and CSS (`output-name`).
const OUTPUT_NAME: &str = "feedwise";

/// Content-Security-Policy: everything from this server only, no frames, no third parties, and
/// no inline script but the page's own hydration scripts, which carry its nonce.
pub fn csp(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(n) => format!("'self' 'nonce-{n}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_string(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// Checks what must be right before serving, opens the database and builds the router.
pub async fn build(settings: &Settings) -> Result<Router, StartupError> {
    Ok(build_with_state(settings).await?.0)
}

/// `build`, also handing back the state (for tests that look into the database).
pub async fn build_with_state(settings: &Settings) -> Result<(Router, AppState), StartupError> {
    for lang in Lang::ALL {
        Corpus::builtin(lang)?;
    }
    let library = std::sync::Arc::new(Library::load(&settings.lessons_dir)?);
    let data_dir = settings.data_dir.display().to_string();
    std::fs::create_dir_all(&settings.data_dir).map_err(|source| StartupError::DataDir { path: data_dir.clone(), source })?;
    let db = Db::open(&settings.data_dir).await.map_err(|source| StartupError::Database { path: data_dir.clone(), source })?;
    let app = AppState::new(db.clone(), library.clone(), settings)
        .await
        .map_err(|source| StartupError::Database { path: data_dir.clone(), source })?;
    app.purge().await.map_err(|source| StartupError::Database { path: data_dir, source })?;

    // Sessions live in the same database, so every app server sees them.
    let store = tower_sessions_sqlx_store::SqliteStore::new(db.sqlite_pool().clone())
        .with_table_name("sessions")
        .map_err(StartupError::Sessions)?;
    store.migrate().await.map_err(|e| StartupError::Sessions(e.to_string()))?;
    let secure = settings.public_origin.as_deref().is_some_and(|o| o.starts_with("https://"));
    let sessions = tower_sessions::SessionManagerLayer::new(store)
        .with_name("feedwise")
        .with_http_only(true)
        .with_same_site(tower_sessions::cookie::SameSite::Lax)
        .with_secure(secure)
        .with_expiry(tower_sessions::Expiry::OnInactivity(crate::server::auth::TEACHER_IDLE));

    let static_files = Assets::load(&settings.site_root, OUTPUT_NAME)
        .map_err(|source| StartupError::SiteRoot { path: settings.site_root.display().to_string(), source })?;
    {
        let files = static_files.clone();
        tokio::task::spawn_blocking(move || files.precompress());
    }
    let mut options = LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(settings.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(settings.addr)
        .build();
    // The pages name the files with their hashes, read from the site's own list (Leptos looks
    // for it relative to the running program unless the path is absolute).
    if let Some(hash_file) = static_files.hash_file() {
        options.hash_files = true;
        options.hash_file = hash_file.to_string_lossy().as_ref().into();
    }
    let routes = generate_route_list(App);
    let router = Router::new()
        .route("/img/avatar/{kind}/{variant}/{letters}", get(crate::images::avatar))
        .route("/img/scene/{scene}/{variant}", get(crate::images::scene))
        .leptos_routes_with_context(
            &options,
            routes,
            {
                let app = app.clone();
                move || {
                    provide_context(library.clone());
                    provide_context(app.clone());
                }
            },
            {
            let options = options.clone();
            move || shell(options.clone())
        })
        // Other files of the site root, and else the app's own "page not found".
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(options)
        // Static files get their own routes: `/:lang` would otherwise take `/favicon.svg`.
        .merge(
            Router::new()
                .route("/pkg/{*path}", get(assets::pkg))
                .route("/favicon.svg", get(assets::favicon))
                .with_state(static_files),
        )
        .merge(forms::routes(app.clone()))
        .layer(sessions)
        .layer(axum::middleware::from_fn({
            let origin = settings.public_origin.clone();
            move |req, next| guard::check_origin(origin.clone(), req, next)
        }))
        // Pages are asked for again every time (a new build names its files anew), and kept out
        // of shared caches: some show a class. Static files and images set their own.
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-cache, private")))
        // pages set their own, with their nonce (`app::shell`)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&csp(None)).expect("a CSP is ASCII"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        // School networks are slow: pages and SVGs go out gzip-compressed (static files come
        // compressed already, and a response with a Content-Encoding is left alone).
        .layer(CompressionLayer::new());
    Ok((router, app))
}

/// Binds the address and serves until the process ends.
pub async fn run(settings: Settings) -> Result<(), StartupError> {
    let (router, app) = build_with_state(&settings).await?;
    // Erase classes past their retention period, old rate-limit counters and expired sessions,
    // every hour.
    tokio::spawn(async move {
        use tower_sessions::session_store::ExpiredDeletion;
        let sessions = tower_sessions_sqlx_store::SqliteStore::new(app.db.sqlite_pool().clone()).with_table_name("sessions");
        let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            match app.purge().await {
                Ok(0) => {}
                Ok(n) => tracing::info!("erased {n} archived classes past their retention period"),
                Err(e) => tracing::error!("purging archived classes failed: {e}"),
            }
            if let Ok(store) = &sessions
                && let Err(e) = store.delete_expired().await
            {
                tracing::error!("deleting expired sessions failed: {e}");
            }
        }
    });
    let listener = tokio::net::TcpListener::bind(settings.addr)
        .await
        .map_err(|source| StartupError::Bind { addr: settings.addr.to_string(), source })?;
    let local = listener.local_addr().map_err(|source| StartupError::Bind { addr: settings.addr.to_string(), source })?;
    tracing::info!("Feedwise is listening on http://{local}");
    axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .await
        .map_err(|source| StartupError::Bind { addr: local.to_string(), source })
}
