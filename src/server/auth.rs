//! Who is asking: teachers log in with e-mail and password (Argon2id), children join a class with
//! its code and a pseudonym. Both are a server-side session (tower-sessions, stored in the
//! database) behind an HttpOnly, SameSite=Lax cookie that gets a new id at every login.

use super::db::{Class, Db, DbResult, Student, Teacher};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::Argon2;
use tower_sessions::{Expiry, Session};

const TEACHER: &str = "teacher";
/// The teacher's password version when the session began (`Teacher::password_version`).
const TEACHER_VERSION: &str = "teacher_version";
const STUDENT: &str = "student";

/// Teachers stay logged in for a school week without using Feedwise.
pub const TEACHER_IDLE: tower_sessions::cookie::time::Duration = tower_sessions::cookie::time::Duration::days(7);
/// A child's device remembers the class for a school year.
pub const STUDENT_IDLE: tower_sessions::cookie::time::Duration = tower_sessions::cookie::time::Duration::days(365);

pub const MIN_PASSWORD_CHARS: usize = 10;

/// Argon2 takes about 19 MiB and a core for a moment per password: a few at a time, so that a
/// burst of logins queues instead of eating the server's memory.
static HASHING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// Hashes a password with Argon2id (the argon2 crate's defaults), off the async threads.
pub async fn hash_password(password: String) -> Result<String, String> {
    let _turn = HASHING.acquire().await.map_err(|e| e.to_string())?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| e.to_string())?
}

/// Checks a password against a stored hash, off the async threads.
pub async fn verify_password(password: String, hash: String) -> bool {
    let Ok(_turn) = HASHING.acquire().await else { return false };
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
    })
    .await
    .unwrap_or(false)
}

/// A hash no password matches, checked for unknown addresses so that a wrong address takes as
/// long as a wrong password.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2KqzsJq/j2FiEFXy3Bxd5Ep76EB2OvPx3X2YwtkHK7Y";

/// Starts a teacher's session under a new id.
pub async fn log_in_teacher(session: &Session, teacher: &Teacher) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.remove_value(STUDENT).await?;
    session.insert(TEACHER, teacher.id).await?;
    session.insert(TEACHER_VERSION, teacher.password_version).await?;
    session.set_expiry(Some(Expiry::OnInactivity(TEACHER_IDLE)));
    Ok(())
}

/// Starts a child's session under a new id.
pub async fn log_in_student(session: &Session, student: &Student) -> Result<(), tower_sessions::session::Error> {
    session.cycle_id().await?;
    session.remove_value(TEACHER).await?;
    session.insert(STUDENT, student.id).await?;
    session.set_expiry(Some(Expiry::OnInactivity(STUDENT_IDLE)));
    Ok(())
}

/// Ends the session on this device (the cookie and the stored session).
pub async fn log_out(session: &Session) -> Result<(), tower_sessions::session::Error> {
    session.flush().await
}

/// The logged-in teacher, if any: a session from before a password reset has ended.
pub async fn teacher(session: &Session, db: &Db) -> DbResult<Option<Teacher>> {
    let Some(id) = session.get::<i64>(TEACHER).await.ok().flatten() else { return Ok(None) };
    let version = session.get::<i64>(TEACHER_VERSION).await.ok().flatten().unwrap_or(0);
    Ok(db.teacher(id).await?.filter(|t| t.password_version == version))
}

/// How long a reset link works.
pub const RESET_VALID_MS: i64 = 24 * 60 * 60 * 1000;

/// A fresh reset token (26 characters of the code alphabet: 130 bits) and the hash to store.
pub fn new_reset_token() -> (String, String) {
    let token = super::codes::new_token(26);
    let hash = reset_token_hash(&token);
    (token, hash)
}

/// What the database keeps of a reset token: its BLAKE2b hash, so a copy of the database opens
/// no account.
pub fn reset_token_hash(token: &str) -> String {
    use blake2::{Blake2b512, Digest};
    Blake2b512::digest(token.trim().as_bytes()).iter().take(32).map(|b| format!("{b:02x}")).collect()
}

/// The child on this device and their class, if any (a deleted class or student ends it).
pub async fn student(session: &Session, db: &Db) -> DbResult<Option<(Student, Class)>> {
    let Some(id) = session.get::<i64>(STUDENT).await.ok().flatten() else {
        return Ok(None);
    };
    let Some(student) = db.student(id).await? else {
        return Ok(None);
    };
    Ok(db.class(student.class_id).await?.map(|class| (student, class)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_are_argon2id_and_salted() {
        let a = hash_password("correct horse battery".into()).await.unwrap();
        let b = hash_password("correct horse battery".into()).await.unwrap();
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b);
        assert!(verify_password("correct horse battery".into(), a.clone()).await);
        assert!(!verify_password("Correct horse battery".into(), a).await);
        assert!(!verify_password("anything".into(), DUMMY_HASH.into()).await);
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }
}
