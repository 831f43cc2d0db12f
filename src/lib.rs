//! Feedwise: children practise spotting and reporting spam in simulated comment sections.

#![recursion_limit = "512"]

pub mod app;
pub mod components;
pub mod domain;
pub mod lessons;
pub mod pages;
pub mod text;

#[cfg(feature = "ssr")]
pub mod images;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod startup;

// The build.rs code generation that replaces this macro needs a build script; the macro still
// checks every key at compile time.
#[allow(deprecated)]
mod i18n_keys {
    leptos_i18n::load_locales!();
}
pub use i18n_keys::i18n;

/// Browser entry: wakes up the interactive islands in the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Readable panics in the console for development; the release build leaves the panic
    // formatting out of the download.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
