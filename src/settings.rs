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
    /// `FEEDWISE_PUBLIC_ORIGIN`, such as `https://feedwise.school.nl`: where users reach
    /// Feedwise. When it starts with https, cookies are Secure; forms must come from it. Unset,
    /// forms must come from the address the request was sent to.
    pub public_origin: Option<String>,
    /// `FEEDWISE_BEHIND_PROXY=1`: take the client address from the proxy's X-Forwarded-For
    /// (for the wrong-code limits only; it is never stored).
    pub behind_proxy: bool,
    /// `FEEDWISE_ARCHIVE_DAYS`, default 90: days an archived class is kept before it is erased.
    pub archive_days: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("FEEDWISE_ADDR must be an address with a port such as 127.0.0.1:3000, not '{0}'")]
    Addr(String),
    #[error("FEEDWISE_ARCHIVE_DAYS must be a number of days, not '{0}'")]
    ArchiveDays(String),
}

impl Settings {
    /// The settings of a fresh machine, with the given address and folders (for tests).
    pub fn local(addr: SocketAddr, data_dir: PathBuf, lessons_dir: PathBuf, site_root: PathBuf) -> Settings {
        Settings { addr, data_dir, lessons_dir, site_root, public_origin: None, behind_proxy: false, archive_days: 90 }
    }

    pub fn from_env() -> Result<Settings, SettingsError> {
        let var = |name: &str, default: &str| std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_string());
        let addr = var("FEEDWISE_ADDR", "127.0.0.1:3000");
        let archive_days = var("FEEDWISE_ARCHIVE_DAYS", "90");
        Ok(Settings {
            addr: addr.parse().map_err(|_| SettingsError::Addr(addr.clone()))?,
            data_dir: var("FEEDWISE_DATA_DIR", "data").into(),
            lessons_dir: var("FEEDWISE_LESSONS_DIR", "lessons").into(),
            site_root: var("LEPTOS_SITE_ROOT", "target/site").into(),
            public_origin: Some(var("FEEDWISE_PUBLIC_ORIGIN", "")).filter(|o| !o.is_empty()),
            behind_proxy: var("FEEDWISE_BEHIND_PROXY", "0") == "1",
            archive_days: archive_days.parse().map_err(|_| SettingsError::ArchiveDays(archive_days.clone()))?,
        })
    }
}
