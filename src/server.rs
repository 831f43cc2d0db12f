//! The classroom side of the server: the database, accounts, the forms teachers and children
//! send, the answers endpoint and the reports. Only in the server build.

pub mod assets;
pub mod auth;
pub mod codes;
pub mod db;
pub mod forms;
pub mod guard;
pub mod report;
pub mod throttle;

use crate::domain::model::Feed;
use crate::lessons::Library;
use axum::http::HeaderMap;
use db::{Assignment, Class, Db};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// What every classroom request needs; a clone is cheap.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub library: Arc<Library>,
    /// The key that turns a client address into a counter name; the address is never stored.
    address_key: Arc<String>,
    behind_proxy: bool,
    pub archive_days: u32,
    /// `FEEDWISE_PUBLIC_ORIGIN`: the address printed on join sheets when set.
    pub public_origin: Option<String>,
    feeds: Arc<Mutex<HashMap<(i64, u64), Arc<Feed>>>>,
}

/// Wrong class or rejoin codes one address may send in a window: a class of 30 behind one
/// school address can each mistype a few times.
pub const WRONG_CODES_PER_ADDRESS: i64 = 100;
/// Wrong rejoin codes for one class in a window, from anywhere: guessing one of 30 cards
/// (2^30 codes each) stays hopeless, and a class mistyping at the start of a lesson gets on.
pub const WRONG_REJOIN_PER_CLASS: i64 = 60;
/// Children in one class: anyone with the code can join, so a class cannot grow without end.
pub const MAX_STUDENTS_PER_CLASS: i64 = 200;
pub const ATTEMPT_WINDOW_MS: i64 = 10 * 60 * 1000;

impl AppState {
    pub async fn new(db: Db, library: Arc<Library>, settings: &crate::settings::Settings) -> Result<AppState, db::DbError> {
        let address_key = db.secret("address-key", || codes::new_class_code() + &codes::new_class_code() + &codes::new_class_code()).await?;
        Ok(AppState {
            db,
            library,
            address_key: Arc::new(address_key),
            behind_proxy: settings.behind_proxy,
            archive_days: settings.archive_days,
            public_origin: settings.public_origin.clone(),
            feeds: Default::default(),
        })
    }

    /// The feed every child of an assignment gets: the lesson's exercise with the assignment's
    /// level and seed. Made once per server and kept.
    pub fn assignment_feed(&self, class: &Class, a: &Assignment) -> Option<Arc<Feed>> {
        let key = (a.id, a.seed);
        if let Some(feed) = self.feeds.lock().ok()?.get(&key) {
            return Some(feed.clone());
        }
        let mut feed =
            self.library.exercise_feed_with(class.lang, &a.lesson_id, a.age_band, Some(a.difficulty), Some(a.seed), a.categories.as_deref())?;
        if let Some(round) = feed.lesson.as_mut() {
            round.assignment = Some(a.id);
        }
        let feed = Arc::new(feed);
        let mut cache = self.feeds.lock().ok()?;
        if cache.len() > 2000 {
            cache.clear();
        }
        cache.insert(key, feed.clone());
        Some(feed)
    }

    /// The counter name of a client address: a keyed hash, so the address is not kept.
    pub fn address_counter(&self, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
        use blake2::{Blake2b512, Digest};
        let forwarded = self
            .behind_proxy
            .then(|| headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
            .flatten()
            .and_then(|v| v.rsplit(',').next())
            .map(|s| s.trim().to_string());
        let address = forwarded.or(peer.map(|p| p.ip().to_string())).unwrap_or_default();
        let digest = Blake2b512::new().chain_update(self.address_key.as_bytes()).chain_update(address.as_bytes()).finalize();
        let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
        format!("addr:{hex}")
    }

    /// The throttle key of an e-mail address typed at login: a keyed hash, so that addresses
    /// without an account (a typo, a pupil's guess) are not kept either.
    pub fn account_counter(&self, email: &str) -> String {
        use blake2::{Blake2b512, Digest};
        let digest = Blake2b512::new().chain_update(self.address_key.as_bytes()).chain_update(b"account:").chain_update(email.as_bytes()).finalize();
        let hex: String = digest.iter().take(12).map(|b| format!("{b:02x}")).collect();
        format!("account:{hex}")
    }

    /// Erases classes archived longer than the retention period, and forgets old counters and
    /// reset links.
    pub async fn purge(&self) -> Result<u64, db::DbError> {
        let before = db::now_ms() - i64::from(self.archive_days) * 24 * 3600 * 1000;
        self.db.purge_attempts(ATTEMPT_WINDOW_MS).await?;
        self.db.purge_throttle(throttle::FORGET_MS).await?;
        self.db.purge_password_resets().await?;
        self.db.purge_archived(before).await
    }
}

/// The day (UTC, `YYYY-MM-DD`) on which a class archived at `archived_at` is erased.
pub fn erase_day(archived_at: i64, archive_days: u32) -> String {
    day_of(archived_at + i64::from(archive_days) * 24 * 3600 * 1000)
}

/// `YYYY-MM-DD` (UTC) of a time in milliseconds.
pub fn day_of(ms: i64) -> String {
    // Civil-from-days (Howard Hinnant's algorithm).
    let days = ms.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DD` as people write it: "12 december 2026", "12 December 2026".
pub fn human_date(lang: crate::domain::model::Lang, day: &str) -> String {
    const NL: [&str; 12] = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    const EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let parts: Vec<&str> = day.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return day.to_string() };
    let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>()) else { return day.to_string() };
    let Some(month) = m.checked_sub(1).and_then(|i| match lang {
        crate::domain::model::Lang::Nl => NL.get(i),
        crate::domain::model::Lang::En => EN.get(i),
    }) else {
        return day.to_string();
    };
    format!("{d} {month} {y}")
}

/// Reads `YYYY-MM-DD` as a date that exists.
pub fn valid_day(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else { return false };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2200).contains(&y) && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert_eq!(day_of(0), "1970-01-01");
        assert_eq!(day_of(1_795_910_400_000), "2026-11-29");
        assert_eq!(day_of(951_782_400_000), "2000-02-29");
        assert!(valid_day("2026-12-01"));
        assert_eq!(human_date(crate::domain::model::Lang::Nl, "2026-12-05"), "5 december 2026");
        assert_eq!(human_date(crate::domain::model::Lang::En, "2026-03-21"), "21 March 2026");
        assert_eq!(human_date(crate::domain::model::Lang::En, "soon"), "soon");
        assert!(!valid_day("2026-13-01"));
        assert!(!valid_day("26-12-01"));
        assert!(!valid_day("2026-02-29") && valid_day("2028-02-29") && !valid_day("2026-04-31"));
        assert!(!valid_day(""));
    }
}
