//! The storage layer: every query Feedwise makes lives here, behind `Db`. Pages, forms and the
//! answers endpoint only call its methods, so a PostgreSQL backend is a second implementation of
//! this file (the SQL is written to run on both: `$n` parameters, `ON CONFLICT`, `RETURNING`, no
//! SQLite functions), not a change anywhere else.
//!
//! The embedded SQLite database runs in WAL mode with `synchronous=FULL`: when an answer has been
//! acknowledged it is on disk and survives a crash or a power cut.

use crate::domain::model::{AgeBand, Category, Difficulty, Lang};
use sqlx::Row;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow, SqliteSynchronous};
use std::path::Path;
use std::time::Duration;

mod logins;
pub use logins::Throttle;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("cannot bring the database up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("the database holds a value this version does not know: {0}")]
    Corrupt(String),
}

pub type DbResult<T> = Result<T, DbError>;

/// Milliseconds since 1970, the time format of every table.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as i64)
}

#[derive(Clone, Debug, PartialEq)]
pub struct Teacher {
    pub id: i64,
    pub email: String,
    pub lang: Lang,
    /// Raised at every password reset: a session opened before it has ended.
    pub password_version: i64,
}

/// What login needs to check a password.
#[derive(Clone, Debug)]
pub struct Credentials {
    pub teacher: Teacher,
    pub password_hash: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub id: i64,
    pub teacher_id: i64,
    pub name: String,
    pub age_band: AgeBand,
    pub lang: Lang,
    pub code: String,
    pub archived_at: Option<i64>,
    pub created_at: i64,
    /// Students in the class (filled by the queries that list classes).
    pub students: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Student {
    pub id: i64,
    pub class_id: i64,
    pub pseudonym: String,
    pub rejoin_code: String,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    pub id: i64,
    pub class_id: i64,
    pub lesson_id: String,
    pub age_band: AgeBand,
    pub difficulty: Difficulty,
    pub seed: u64,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// The kinds of spam the teacher chose; `None`: the lesson's own.
    pub categories: Option<Vec<Category>>,
    pub created_at: i64,
}

/// One answer as the browser sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerIn {
    /// Made by the browser; the same key twice is stored once.
    pub key: String,
    pub assignment_id: i64,
    pub comment: u32,
    /// The browser's counter: the highest is the child's latest choice.
    pub seq: i64,
    /// `scoring::encode_answers` of this one comment.
    pub answer: String,
}

/// The latest answer of a student to one comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentAnswer {
    pub student_id: i64,
    pub assignment_id: i64,
    pub comment: u32,
    pub answer: String,
    pub received_at: i64,
}

/// A finished round.
#[derive(Clone, Debug, PartialEq)]
pub struct Round {
    pub student_id: i64,
    pub assignment_id: i64,
    pub answers: String,
    pub hits: i64,
    pub misses: i64,
    pub false_alarms: i64,
    pub correct_rejections: i64,
    pub discernment: f64,
    pub risky_actions: i64,
    pub finished_at: i64,
}

#[derive(Clone)]
pub struct Db {
    pool: SqlitePool,
}

fn corrupt(what: &str, value: impl std::fmt::Display) -> DbError {
    DbError::Corrupt(format!("{what} '{value}'"))
}

fn lang_of(s: &str) -> DbResult<Lang> {
    Lang::parse(s).ok_or_else(|| corrupt("language", s))
}

fn age_of(s: &str) -> DbResult<AgeBand> {
    AgeBand::parse(s).ok_or_else(|| corrupt("age band", s))
}

fn teacher_row(r: &SqliteRow) -> DbResult<Teacher> {
    Ok(Teacher {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        lang: lang_of(r.try_get("lang")?)?,
        password_version: r.try_get("password_version")?,
    })
}

fn class_row(r: &SqliteRow) -> DbResult<Class> {
    Ok(Class {
        id: r.try_get("id")?,
        teacher_id: r.try_get("teacher_id")?,
        name: r.try_get("name")?,
        age_band: age_of(r.try_get("age_band")?)?,
        lang: lang_of(r.try_get("lang")?)?,
        code: r.try_get("code")?,
        archived_at: r.try_get("archived_at")?,
        created_at: r.try_get("created_at")?,
        students: r.try_get("students").unwrap_or(0),
    })
}

fn student_row(r: &SqliteRow) -> DbResult<Student> {
    Ok(Student {
        id: r.try_get("id")?,
        class_id: r.try_get("class_id")?,
        pseudonym: r.try_get("pseudonym")?,
        rejoin_code: r.try_get("rejoin_code")?,
        created_at: r.try_get("created_at")?,
    })
}

fn assignment_row(r: &SqliteRow) -> DbResult<Assignment> {
    let level: i64 = r.try_get("difficulty")?;
    Ok(Assignment {
        id: r.try_get("id")?,
        class_id: r.try_get("class_id")?,
        lesson_id: r.try_get("lesson_id")?,
        age_band: age_of(r.try_get("age_band")?)?,
        difficulty: u8::try_from(level).ok().and_then(Difficulty::new).ok_or_else(|| corrupt("level", level))?,
        // Stored as the same 64 bits in a signed column.
        seed: r.try_get::<i64, _>("seed")? as u64,
        due_on: r.try_get("due_on")?,
        categories: r
            .try_get::<Option<String>, _>("categories")?
            .map(|list| list.split(',').map(|c| Category::parse(c).ok_or_else(|| corrupt("kind of spam", c))).collect::<DbResult<Vec<_>>>())
            .transpose()?,
        created_at: r.try_get("created_at")?,
    })
}

fn round_row(r: &SqliteRow) -> DbResult<Round> {
    Ok(Round {
        student_id: r.try_get("student_id")?,
        assignment_id: r.try_get("assignment_id")?,
        answers: r.try_get("answers")?,
        hits: r.try_get("hits")?,
        misses: r.try_get("misses")?,
        false_alarms: r.try_get("false_alarms")?,
        correct_rejections: r.try_get("correct_rejections")?,
        discernment: r.try_get("discernment")?,
        risky_actions: r.try_get("risky_actions")?,
        finished_at: r.try_get("finished_at")?,
    })
}

const CLASS_COLUMNS: &str = "c.id, c.teacher_id, c.name, c.age_band, c.lang, c.code, c.archived_at, c.created_at, \
     (SELECT COUNT(*) FROM students s WHERE s.class_id = c.id) AS students";

/// Whether an insert failed only because a unique value is taken.
fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.is_unique_violation())
}

/// Answer rows sorted by (assignment, student, comment, seq), reduced to the latest answer to
/// each comment.
fn latest_per_comment(rows: Vec<SqliteRow>) -> DbResult<Vec<CurrentAnswer>> {
    let mut out: Vec<CurrentAnswer> = Vec::new();
    for r in rows {
        let a = CurrentAnswer {
            student_id: r.try_get("student_id")?,
            assignment_id: r.try_get("assignment_id")?,
            comment: u32::try_from(r.try_get::<i64, _>("comment")?).unwrap_or(u32::MAX),
            answer: r.try_get("answer")?,
            received_at: r.try_get("received_at")?,
        };
        match out.last_mut() {
            Some(last) if (last.student_id, last.assignment_id, last.comment) == (a.student_id, a.assignment_id, a.comment) => *last = a,
            _ => out.push(a),
        }
    }
    Ok(out)
}

/// The id an `INSERT … RETURNING id` made, or `None` when a unique value was taken.
fn inserted_id(r: Result<SqliteRow, sqlx::Error>) -> DbResult<Option<i64>> {
    match r {
        Ok(row) => Ok(Some(row.try_get("id")?)),
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

impl Db {
    /// Opens (and on first start creates) `feedwise.db` in the data folder and brings its tables
    /// up to date.
    pub async fn open(data_dir: &Path) -> DbResult<Db> {
        let options = SqliteConnectOptions::new()
            .filename(data_dir.join("feedwise.db"))
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new().max_connections(8).connect_with(options).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Db { pool })
    }

    /// The pool, for the session store that keeps its own table in the same database.
    pub fn sqlite_pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The names of a table's columns (for the test that no student data is kept beyond §6).
    pub async fn columns(&self, table: &str) -> DbResult<Vec<String>> {
        let rows = sqlx::query("SELECT name FROM pragma_table_info($1)").bind(table).fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok(r.try_get("name")?)).collect()
    }

    /// A value made once and shared by every server, such as the key for hashing addresses.
    pub async fn secret(&self, name: &str, make: impl FnOnce() -> String) -> DbResult<String> {
        sqlx::query("INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(make())
            .execute(&self.pool)
            .await?;
        Ok(sqlx::query("SELECT value FROM secrets WHERE name = $1").bind(name).fetch_one(&self.pool).await?.try_get("value")?)
    }

    // Teachers

    /// `None` when the e-mail address already has an account.
    pub async fn create_teacher(&self, email: &str, password_hash: &str, lang: Lang) -> DbResult<Option<Teacher>> {
        let r = sqlx::query("INSERT INTO teachers (email, password_hash, lang, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
            .bind(email)
            .bind(password_hash)
            .bind(lang.code())
            .bind(now_ms())
            .fetch_one(&self.pool)
            .await;
        match r {
            Ok(row) => Ok(Some(Teacher { id: row.try_get("id")?, email: email.to_string(), lang, password_version: 0 })),
            Err(e) if is_unique_violation(&e) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn credentials(&self, email: &str) -> DbResult<Option<Credentials>> {
        let row = sqlx::query("SELECT id, email, lang, password_version, password_hash FROM teachers WHERE email = $1")
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(Credentials { teacher: teacher_row(&r)?, password_hash: r.try_get("password_hash")? })
        })
        .transpose()
    }

    pub async fn teacher(&self, id: i64) -> DbResult<Option<Teacher>> {
        let row = sqlx::query("SELECT id, email, lang, password_version FROM teachers WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(teacher_row).transpose()
    }

    // Classes

    /// `None` when the code is taken (the caller tries another).
    pub async fn create_class(&self, teacher_id: i64, name: &str, age_band: AgeBand, lang: Lang, code: &str) -> DbResult<Option<i64>> {
        let r = sqlx::query(
            "INSERT INTO classes (teacher_id, name, age_band, lang, code, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(teacher_id)
        .bind(name)
        .bind(age_band.id())
        .bind(lang.code())
        .bind(code)
        .bind(now_ms())
        .fetch_one(&self.pool)
        .await;
        inserted_id(r)
    }

    /// A teacher's classes, newest first.
    pub async fn classes_of(&self, teacher_id: i64) -> DbResult<Vec<Class>> {
        let sql = format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.teacher_id = $1 ORDER BY c.created_at DESC, c.id DESC");
        let rows = sqlx::query(&sql).bind(teacher_id).fetch_all(&self.pool).await?;
        rows.iter().map(class_row).collect()
    }

    pub async fn class(&self, id: i64) -> DbResult<Option<Class>> {
        let sql = format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.id = $1");
        let row = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(class_row).transpose()
    }

    /// The class a join code opens: archived classes take no one.
    pub async fn class_by_code(&self, code: &str) -> DbResult<Option<Class>> {
        let sql = format!("SELECT {CLASS_COLUMNS} FROM classes c WHERE c.code = $1 AND c.archived_at IS NULL");
        let row = sqlx::query(&sql).bind(code).fetch_optional(&self.pool).await?;
        row.as_ref().map(class_row).transpose()
    }

    /// `false` when the code is taken.
    pub async fn set_class_code(&self, id: i64, code: &str) -> DbResult<bool> {
        match sqlx::query("UPDATE classes SET code = $2 WHERE id = $1").bind(id).bind(code).execute(&self.pool).await {
            Ok(_) => Ok(true),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Archives (`Some(time)`) or brings back (`None`) a class.
    pub async fn set_archived(&self, id: i64, at: Option<i64>) -> DbResult<()> {
        sqlx::query("UPDATE classes SET archived_at = $2 WHERE id = $1").bind(id).bind(at).execute(&self.pool).await?;
        Ok(())
    }

    /// Deletes a class with its students, assignments, answers and rounds.
    pub async fn delete_class(&self, id: i64) -> DbResult<()> {
        sqlx::query("DELETE FROM classes WHERE id = $1").bind(id).execute(&self.pool).await?;
        Ok(())
    }

    /// Erases the classes archived before `before`; returns how many.
    pub async fn purge_archived(&self, before: i64) -> DbResult<u64> {
        let r = sqlx::query("DELETE FROM classes WHERE archived_at IS NOT NULL AND archived_at < $1").bind(before).execute(&self.pool).await?;
        Ok(r.rows_affected())
    }

    // Students

    /// The outcome of adding a student.
    pub async fn create_student(&self, class_id: i64, pseudonym: &str, rejoin_code: &str) -> DbResult<NewStudent> {
        let r = sqlx::query("INSERT INTO students (class_id, pseudonym, name_key, rejoin_code, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at")
            .bind(class_id)
            .bind(pseudonym)
            .bind(pseudonym.to_lowercase())
            .bind(rejoin_code)
            .bind(now_ms())
            .fetch_one(&self.pool)
            .await;
        match r {
            Ok(row) => Ok(NewStudent::Created(Student {
                id: row.try_get("id")?,
                class_id,
                pseudonym: pseudonym.to_string(),
                rejoin_code: rejoin_code.to_string(),
                created_at: row.try_get("created_at")?,
            })),
            Err(sqlx::Error::Database(d)) if d.is_unique_violation() && d.message().contains("name_key") => Ok(NewStudent::NameTaken),
            Err(e) if is_unique_violation(&e) => Ok(NewStudent::CodeTaken),
            Err(e) => Err(e.into()),
        }
    }

    pub async fn student(&self, id: i64) -> DbResult<Option<Student>> {
        let row = sqlx::query("SELECT * FROM students WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(student_row).transpose()
    }

    pub async fn student_by_rejoin_code(&self, class_id: i64, code: &str) -> DbResult<Option<Student>> {
        let row = sqlx::query("SELECT * FROM students WHERE class_id = $1 AND rejoin_code = $2")
            .bind(class_id)
            .bind(code)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(student_row).transpose()
    }

    /// A class's students in alphabetical order.
    pub async fn students_of(&self, class_id: i64) -> DbResult<Vec<Student>> {
        let rows = sqlx::query("SELECT * FROM students WHERE class_id = $1 ORDER BY LOWER(pseudonym), id").bind(class_id).fetch_all(&self.pool).await?;
        rows.iter().map(student_row).collect()
    }

    /// Gives a student another pseudonym; `false` when someone in the class has it already.
    pub async fn rename_student(&self, id: i64, pseudonym: &str) -> DbResult<bool> {
        let r = sqlx::query("UPDATE students SET pseudonym = $2, name_key = $3 WHERE id = $1")
            .bind(id)
            .bind(pseudonym)
            .bind(pseudonym.to_lowercase())
            .execute(&self.pool)
            .await;
        match r {
            Ok(_) => Ok(true),
            Err(e) if is_unique_violation(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes a student with their answers and rounds.
    pub async fn delete_student(&self, id: i64) -> DbResult<()> {
        sqlx::query("DELETE FROM students WHERE id = $1").bind(id).execute(&self.pool).await?;
        Ok(())
    }

    // Assignments

    /// `None` when the class already has this lesson.
    pub async fn create_assignment(
        &self,
        class_id: i64,
        lesson_id: &str,
        age_band: AgeBand,
        difficulty: Difficulty,
        seed: u64,
        due_on: Option<&str>,
        categories: Option<&[Category]>,
    ) -> DbResult<Option<i64>> {
        let categories = categories.map(|list| list.iter().map(|c| c.id()).collect::<Vec<_>>().join(","));
        let r = sqlx::query(
            "INSERT INTO assignments (class_id, lesson_id, age_band, difficulty, seed, due_on, created_at, categories) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(class_id)
        .bind(lesson_id)
        .bind(age_band.id())
        .bind(i64::from(difficulty.level()))
        .bind(seed as i64)
        .bind(due_on)
        .bind(now_ms())
        .bind(categories)
        .fetch_one(&self.pool)
        .await;
        inserted_id(r)
    }

    /// A class's assignments, first assigned first.
    pub async fn assignments_of(&self, class_id: i64) -> DbResult<Vec<Assignment>> {
        let rows = sqlx::query("SELECT * FROM assignments WHERE class_id = $1 ORDER BY created_at, id").bind(class_id).fetch_all(&self.pool).await?;
        rows.iter().map(assignment_row).collect()
    }

    pub async fn assignment(&self, id: i64) -> DbResult<Option<Assignment>> {
        let row = sqlx::query("SELECT * FROM assignments WHERE id = $1").bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(assignment_row).transpose()
    }

    pub async fn delete_assignment(&self, id: i64) -> DbResult<()> {
        sqlx::query("DELETE FROM assignments WHERE id = $1").bind(id).execute(&self.pool).await?;
        Ok(())
    }

    // Answers and rounds

    /// Stores answers in one transaction; a key already stored for the student is skipped.
    /// Returns how many were new.
    pub async fn save_answers(&self, student_id: i64, answers: &[AnswerIn]) -> DbResult<u64> {
        let now = now_ms();
        let mut tx = self.pool.begin().await?;
        let mut new = 0;
        for a in answers {
            let r = sqlx::query(
                "INSERT INTO answers (student_id, key, assignment_id, comment, seq, answer, received_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (student_id, key) DO NOTHING",
            )
            .bind(student_id)
            .bind(&a.key)
            .bind(a.assignment_id)
            .bind(i64::from(a.comment))
            .bind(a.seq)
            .bind(&a.answer)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            new += r.rows_affected();
        }
        tx.commit().await?;
        Ok(new)
    }

    /// How many answer rows a student has (each key once).
    pub async fn answer_count(&self, student_id: i64) -> DbResult<i64> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM answers WHERE student_id = $1").bind(student_id).fetch_one(&self.pool).await?.try_get("n")?)
    }

    /// The latest answers in the class's rounds that are not finished yet (a finished round is
    /// read from `rounds`): what the teacher's live overview shows. Finished rounds are left out
    /// in SQL, so the cost follows the rounds in progress, not everything the class ever answered.
    pub async fn answers_in_progress(&self, class_id: i64) -> DbResult<Vec<CurrentAnswer>> {
        let rows = sqlx::query(
            "SELECT a.student_id, a.assignment_id, a.comment, a.seq, a.answer, a.received_at FROM answers a \
             JOIN assignments g ON g.id = a.assignment_id WHERE g.class_id = $1 \
             AND NOT EXISTS (SELECT 1 FROM rounds r WHERE r.student_id = a.student_id AND r.assignment_id = a.assignment_id) \
             ORDER BY a.assignment_id, a.student_id, a.comment, a.seq",
        )
        .bind(class_id)
        .fetch_all(&self.pool)
        .await?;
        latest_per_comment(rows)
    }

    /// One student's latest answers, in one assignment or in all.
    pub async fn answers_of(&self, student_id: i64, assignment_id: Option<i64>) -> DbResult<Vec<CurrentAnswer>> {
        let rows = sqlx::query(
            "SELECT student_id, assignment_id, comment, seq, answer, received_at FROM answers \
             WHERE student_id = $1 AND ($2 IS NULL OR assignment_id = $2) ORDER BY assignment_id, student_id, comment, seq",
        )
        .bind(student_id)
        .bind(assignment_id)
        .fetch_all(&self.pool)
        .await?;
        latest_per_comment(rows)
    }

    /// Records a finished round; the first finish counts (`false` when there was one already).
    pub async fn finish_round(&self, round: &Round) -> DbResult<bool> {
        let r = sqlx::query(
            "INSERT INTO rounds (student_id, assignment_id, answers, hits, misses, false_alarms, correct_rejections, \
             discernment, risky_actions, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
             ON CONFLICT (student_id, assignment_id) DO NOTHING",
        )
        .bind(round.student_id)
        .bind(round.assignment_id)
        .bind(&round.answers)
        .bind(round.hits)
        .bind(round.misses)
        .bind(round.false_alarms)
        .bind(round.correct_rejections)
        .bind(round.discernment)
        .bind(round.risky_actions)
        .bind(round.finished_at)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// The finished rounds of a class.
    pub async fn rounds_of_class(&self, class_id: i64) -> DbResult<Vec<Round>> {
        let rows = sqlx::query(
            "SELECT r.* FROM rounds r JOIN assignments g ON g.id = r.assignment_id WHERE g.class_id = $1 ORDER BY r.finished_at",
        )
        .bind(class_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(round_row).collect()
    }

    /// The finished rounds of one student.
    pub async fn rounds_of_student(&self, student_id: i64) -> DbResult<Vec<Round>> {
        let rows = sqlx::query("SELECT * FROM rounds WHERE student_id = $1 ORDER BY finished_at").bind(student_id).fetch_all(&self.pool).await?;
        rows.iter().map(round_row).collect()
    }

    // Rate limits

    /// Counts one attempt under `key` in a fixed window of `window_ms`; returns the count in the
    /// current window, this attempt included.
    pub async fn count_attempt(&self, key: &str, window_ms: i64) -> DbResult<i64> {
        let now = now_ms();
        let row = sqlx::query(
            "INSERT INTO attempts (key, window_start, count) VALUES ($1, $2, 1) ON CONFLICT (key) DO UPDATE SET \
             count = CASE WHEN attempts.window_start <= $3 THEN 1 ELSE attempts.count + 1 END, \
             window_start = CASE WHEN attempts.window_start <= $3 THEN $2 ELSE attempts.window_start END \
             RETURNING count",
        )
        .bind(key)
        .bind(now)
        .bind(now - window_ms)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get("count")?)
    }

    /// The attempts under `key` in the current window.
    pub async fn attempts(&self, key: &str, window_ms: i64) -> DbResult<i64> {
        let row = sqlx::query("SELECT count FROM attempts WHERE key = $1 AND window_start > $2")
            .bind(key)
            .bind(now_ms() - window_ms)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get("count")).transpose()?.unwrap_or(0))
    }

    /// Forgets counters whose window has passed.
    pub async fn purge_attempts(&self, window_ms: i64) -> DbResult<()> {
        sqlx::query("DELETE FROM attempts WHERE window_start <= $1").bind(now_ms() - window_ms).execute(&self.pool).await?;
        Ok(())
    }
}

/// The outcome of adding a student.
#[derive(Clone, Debug, PartialEq)]
pub enum NewStudent {
    Created(Student),
    /// Someone in the class already has this name.
    NameTaken,
    /// The rejoin code is taken in the class (the caller makes another).
    CodeTaken,
}
