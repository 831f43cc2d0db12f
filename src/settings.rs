//! Settings from environment variables, with defaults that work on a fresh machine.

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Settings {
    /// `FEEDWISE_ADDR`, default 127.0.0.1:3000.
    pub addr: SocketAddr,
    /// `FEEDWISE_DATA_DIR`, default `data`: where the embedded database lives.
    pub data_dir: PathBuf,
    /// `FEEDWISE_LESSONS_DIR`, default `lessons`.
    pub lessons_dir: PathBuf,
    /// `LEPTOS_SITE_ROOT` (set by cargo-leptos), default `target/site`: the built WebAssembly,
    /// CSS and static files.
    pub site_root: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("FEEDWISE_ADDR must be an address with a port such as 127.0.0.1:3000, not '{0}'")]
    Addr(String),
}

impl Settings {
    pub fn from_env() -> Result<Settings, SettingsError> {
        let var = |name: &str, default: &str| std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_string());
        let addr = var("FEEDWISE_ADDR", "127.0.0.1:3000");
        Ok(Settings {
            addr: addr.parse().map_err(|_| SettingsError::Addr(addr.clone()))?,
            data_dir: var("FEEDWISE_DATA_DIR", "data").into(),
            lessons_dir: var("FEEDWISE_LESSONS_DIR", "lessons").into(),
            site_root: var("LEPTOS_SITE_ROOT", "target/site").into(),
        })
    }
}
