//! The login throttle: wrong passwords make the next attempt wait, longer after every failure,
//! per account and per client address, instead of locking the account. Nobody can lock a teacher
//! out: a pupil who types the teacher's address with wrong passwords makes the next attempt
//! wait at most `PER_ACCOUNT.max_wait_ms`, and only while they keep trying; after the wait the
//! right password works. An attacker gets one guess per wait, which keeps guessing a password of
//! ten or more characters hopeless.
//!
//! A try is counted before its password is checked (attempts sent at the same moment are taken
//! one by one) and taken back when the password was right. Attempts refused because of a wait
//! are not counted, so the wait does not grow while someone waits.

use super::db::{Db, DbResult, Throttle};

/// How a key slows down: `free` failures cost nothing, then the wait starts at `first_wait_ms`
/// and doubles with every failure, up to `max_wait_ms`.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub free: i64,
    pub first_wait_ms: i64,
    pub max_wait_ms: i64,
}

/// One account (by e-mail address, whether or not it has an account: the answer must not tell).
pub const PER_ACCOUNT: Rule = Rule { free: 3, first_wait_ms: 2_000, max_wait_ms: 60_000 };
/// One client address: a school's teachers share one, so it allows more before it slows down.
pub const PER_ADDRESS: Rule = Rule { free: 20, first_wait_ms: 2_000, max_wait_ms: 60_000 };
/// Failures are forgotten an hour after the last one.
pub const FORGET_MS: i64 = 60 * 60 * 1000;

impl Rule {
    /// The wait after the `failures`-th failure.
    pub fn wait_after(&self, failures: i64) -> i64 {
        let over = failures - self.free;
        if over <= 0 {
            return 0;
        }
        let doublings = u32::try_from(over - 1).unwrap_or(u32::MAX).min(30);
        (self.first_wait_ms << doublings).min(self.max_wait_ms)
    }
}

/// The outcome of asking for a turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// The password may be checked; this many milliseconds wait before the next try if it is
    /// wrong.
    Go { next_wait_ms: i64 },
    /// Not before this many milliseconds.
    Wait(i64),
}

/// A row as it counts now: forgotten when its last failure is old.
fn current(row: Option<Throttle>, now: i64) -> Throttle {
    match row {
        Some(t) if t.last_failure > now - FORGET_MS => t,
        _ => Throttle { failures: 0, wait_until: 0, last_failure: 0 },
    }
}

/// Asks for a turn to check a password under every key; counts it as a failure under each.
pub async fn take_turn(db: &Db, keys: &[(&str, Rule)], now: i64) -> DbResult<Turn> {
    let mut wait = 0;
    for (key, _) in keys {
        let t = current(db.throttle(key).await?, now);
        wait = wait.max(t.wait_until - now);
    }
    if wait > 0 {
        return Ok(Turn::Wait(wait));
    }
    let mut next_wait_ms = 0;
    for (key, rule) in keys {
        loop {
            let row = db.throttle(key).await?;
            let t = current(row, now);
            if t.wait_until > now {
                // Another attempt took the turn a moment ago.
                return Ok(Turn::Wait(t.wait_until - now));
            }
            let failures = t.failures + 1;
            let new = Throttle { failures, wait_until: now + rule.wait_after(failures), last_failure: now };
            if db.swap_throttle(key, row, new).await? {
                next_wait_ms = next_wait_ms.max(rule.wait_after(failures));
                break;
            }
        }
    }
    Ok(Turn::Go { next_wait_ms })
}

/// The password was right: the account starts afresh, the address gets its try back.
pub async fn succeeded(db: &Db, account: &str, address: &str) -> DbResult<()> {
    db.forget_failures(account).await?;
    db.undo_failure(address).await
}

/// Seconds to show for a wait, rounded up.
pub fn seconds(ms: i64) -> i64 {
    (ms + 999) / 1000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_grows_after_the_free_failures_and_stops_at_its_limit() {
        let waits: Vec<i64> = (1..=10).map(|n| PER_ACCOUNT.wait_after(n)).collect();
        assert_eq!(waits, [0, 0, 0, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
        assert_eq!(PER_ACCOUNT.wait_after(1_000_000), 60_000);
        assert_eq!(PER_ADDRESS.wait_after(20), 0);
        assert_eq!(PER_ADDRESS.wait_after(21), 2_000);
        assert_eq!((seconds(1), seconds(2_000), seconds(2_001)), (1, 2, 3));
    }
}
