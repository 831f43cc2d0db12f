//! The tables behind logging in: the login throttle and the password-reset links.

use super::{Db, DbResult, Teacher, now_ms, teacher_row};
use sqlx::Row;

/// One throttle row: failures under a key and until when the next attempt waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttle {
    pub failures: i64,
    pub wait_until: i64,
    pub last_failure: i64,
}

impl Db {
    /// The throttle row of a key, if there is one.
    pub async fn throttle(&self, key: &str) -> DbResult<Option<Throttle>> {
        let row = sqlx::query("SELECT failures, wait_until, last_failure FROM login_throttle WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok(Throttle { failures: r.try_get("failures")?, wait_until: r.try_get("wait_until")?, last_failure: r.try_get("last_failure")? }))
            .transpose()
    }

    /// Replaces a key's row with `new` if it is still `old` (`None`: no row yet). `false` when
    /// another request changed it first; the caller reads it again.
    pub async fn swap_throttle(&self, key: &str, old: Option<Throttle>, new: Throttle) -> DbResult<bool> {
        let r = match old {
            None => {
                sqlx::query(
                    "INSERT INTO login_throttle (key, failures, wait_until, last_failure) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (key) DO NOTHING",
                )
                .bind(key)
                .bind(new.failures)
                .bind(new.wait_until)
                .bind(new.last_failure)
                .execute(&self.pool)
                .await?
            }
            Some(old) => {
                sqlx::query(
                    "UPDATE login_throttle SET failures = $2, wait_until = $3, last_failure = $4 \
                     WHERE key = $1 AND failures = $5 AND wait_until = $6 AND last_failure = $7",
                )
                .bind(key)
                .bind(new.failures)
                .bind(new.wait_until)
                .bind(new.last_failure)
                .bind(old.failures)
                .bind(old.wait_until)
                .bind(old.last_failure)
                .execute(&self.pool)
                .await?
            }
        };
        Ok(r.rows_affected() == 1)
    }

    /// Takes back one failure of a key (an attempt that turned out to be right).
    pub async fn undo_failure(&self, key: &str) -> DbResult<()> {
        sqlx::query("UPDATE login_throttle SET failures = failures - 1 WHERE key = $1 AND failures > 0").bind(key).execute(&self.pool).await?;
        Ok(())
    }

    /// Forgets a key's failures.
    pub async fn forget_failures(&self, key: &str) -> DbResult<()> {
        sqlx::query("DELETE FROM login_throttle WHERE key = $1").bind(key).execute(&self.pool).await?;
        Ok(())
    }

    /// Forgets the rows whose last failure is older than `forget_ms`.
    pub async fn purge_throttle(&self, forget_ms: i64) -> DbResult<()> {
        sqlx::query("DELETE FROM login_throttle WHERE last_failure <= $1").bind(now_ms() - forget_ms).execute(&self.pool).await?;
        Ok(())
    }

    // Password resets

    /// Stores the hash of a reset token for a teacher, valid until `expires_at`.
    pub async fn create_password_reset(&self, teacher_id: i64, token_hash: &str, expires_at: i64) -> DbResult<()> {
        sqlx::query("INSERT INTO password_resets (token_hash, teacher_id, expires_at) VALUES ($1, $2, $3)")
            .bind(token_hash)
            .bind(teacher_id)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The teacher a reset token that has not expired belongs to.
    pub async fn password_reset(&self, token_hash: &str) -> DbResult<Option<Teacher>> {
        let row = sqlx::query(
            "SELECT t.id, t.email, t.lang, t.password_version FROM password_resets r JOIN teachers t ON t.id = r.teacher_id \
             WHERE r.token_hash = $1 AND r.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(teacher_row).transpose()
    }

    /// Sets a new password with a reset token, in one transaction: the token and every other
    /// token of the teacher are used up, and the password version goes up, which ends the
    /// teacher's other sessions. `None` when the token does not work (any more).
    pub async fn reset_password(&self, token_hash: &str, password_hash: &str) -> DbResult<Option<Teacher>> {
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query("DELETE FROM password_resets WHERE token_hash = $1 AND expires_at > $2 RETURNING teacher_id")
            .bind(token_hash)
            .bind(now_ms())
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("teacher_id")?;
        sqlx::query("DELETE FROM password_resets WHERE teacher_id = $1").bind(id).execute(&mut *tx).await?;
        let row = sqlx::query(
            "UPDATE teachers SET password_hash = $2, password_version = password_version + 1 WHERE id = $1 \
             RETURNING id, email, lang, password_version",
        )
        .bind(id)
        .bind(password_hash)
        .fetch_one(&mut *tx)
        .await?;
        let teacher = teacher_row(&row)?;
        tx.commit().await?;
        Ok(Some(teacher))
    }

    /// Forgets reset tokens that have expired.
    pub async fn purge_password_resets(&self) -> DbResult<()> {
        sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1").bind(now_ms()).execute(&self.pool).await?;
        Ok(())
    }
}
