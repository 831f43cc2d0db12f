//! Same-origin SVG images: avatars and post illustrations, drawn from their parameters.

use crate::domain::illustration::{AvatarStyle, avatar_svg, scene_svg};
use crate::domain::model::AvatarKind;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Served as a file of its own, an SVG needs its namespace.
fn svg(body: String) -> Response {
    let body = body.replacen("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", 1);
    (
        [(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")],
        body,
    )
        .into_response()
}

/// `/img/avatar/{kind}/{variant}/{letters}.svg`
pub async fn avatar(Path((kind, variant, letters)): Path<(String, u32, String)>) -> Response {
    let Some(kind) = AvatarKind::parse(&kind) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let style = match kind {
        AvatarKind::Initial => AvatarStyle::Initial,
        AvatarKind::Animal => AvatarStyle::Animal,
        AvatarKind::Pattern => AvatarStyle::Pattern,
        AvatarKind::Blank => AvatarStyle::Blank,
    };
    let letters: String = letters.trim_end_matches(".svg").chars().filter(|c| c.is_alphanumeric()).take(2).collect();
    svg(avatar_svg(style, &letters, u64::from(variant)))
}

/// `/img/scene/{scene}/{variant}.svg`
pub async fn scene(Path((scene, variant)): Path<(String, String)>) -> Response {
    let variant: u64 = variant.trim_end_matches(".svg").parse().unwrap_or(0);
    match scene_svg(&scene, variant) {
        Some(body) => svg(body),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
