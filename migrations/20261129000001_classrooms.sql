-- Teachers, classes, students, assignments and answers.
-- Plain SQL that PostgreSQL also reads, with one exception: ids are INTEGER PRIMARY KEY
-- AUTOINCREMENT (a PostgreSQL backend uses BIGINT GENERATED ALWAYS AS IDENTITY). AUTOINCREMENT
-- matters: an id is never handed out again, so a session or a queued answer that names a
-- removed student or assignment can never land on a new one. Times are milliseconds since
-- 1970 (UTC). A student is a pseudonym and nothing else (PRODUCT.md §6): no e-mail, name,
-- birth date, address or device data has a column here.

CREATE TABLE teachers (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT    NOT NULL UNIQUE,  -- lower-case
    password_hash TEXT    NOT NULL,         -- Argon2id, PHC string
    lang          TEXT    NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  BIGINT  NOT NULL DEFAULT 0,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE classes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    teacher_id  INTEGER NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    age_band    TEXT    NOT NULL,
    lang        TEXT    NOT NULL,
    code        TEXT    NOT NULL UNIQUE,
    archived_at BIGINT,                     -- NULL while the class is in use
    created_at  BIGINT  NOT NULL
);
CREATE INDEX classes_by_teacher ON classes (teacher_id);

CREATE TABLE students (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id    INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    pseudonym   TEXT    NOT NULL,           -- at most 30 characters
    name_key    TEXT    NOT NULL,           -- the pseudonym in lower case: one "Blue Fox" a class
    rejoin_code TEXT    NOT NULL,           -- the personal code on the rejoin card
    created_at  BIGINT  NOT NULL,
    UNIQUE (class_id, name_key),
    UNIQUE (class_id, rejoin_code)
);

CREATE TABLE assignments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    class_id   INTEGER NOT NULL REFERENCES classes (id) ON DELETE CASCADE,
    lesson_id  TEXT    NOT NULL,
    age_band   TEXT    NOT NULL,
    difficulty INTEGER NOT NULL,
    seed       BIGINT  NOT NULL,            -- one feed for the whole class
    due_on     TEXT,                        -- YYYY-MM-DD
    created_at BIGINT  NOT NULL,
    UNIQUE (class_id, lesson_id)
);

-- Every answer a child gives, once: the browser makes the key, and a key sent again is ignored.
-- The latest answer to a comment is the one with the highest seq (the browser's own counter),
-- whatever order the answers arrive in after the connection comes back.
CREATE TABLE answers (
    student_id    INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    key           TEXT    NOT NULL,
    assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    comment       INTEGER NOT NULL,
    seq           BIGINT  NOT NULL,
    answer        TEXT    NOT NULL,         -- scoring::encode_answers of this one comment
    received_at   BIGINT  NOT NULL,
    PRIMARY KEY (student_id, key)
);
CREATE INDEX answers_by_assignment ON answers (assignment_id, student_id, comment, seq);

-- A finished round: the whole answer string and its score. The first finish counts.
CREATE TABLE rounds (
    student_id         INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    assignment_id      INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    answers            TEXT    NOT NULL,
    hits               INTEGER NOT NULL,
    misses             INTEGER NOT NULL,
    false_alarms       INTEGER NOT NULL,
    correct_rejections INTEGER NOT NULL,
    discernment        DOUBLE PRECISION NOT NULL,
    risky_actions      INTEGER NOT NULL,
    finished_at        BIGINT  NOT NULL,
    PRIMARY KEY (student_id, assignment_id)
);
CREATE INDEX rounds_by_assignment ON rounds (assignment_id);

-- Counters for rate limits: wrong codes per address, wrong rejoin codes per class. The key of an address
-- is a keyed hash, never the address; rows older than their window are deleted.
CREATE TABLE attempts (
    key          TEXT   PRIMARY KEY,
    window_start BIGINT NOT NULL,
    count        INTEGER NOT NULL
);

-- Values the server makes once, shared by every app server: the key for hashing addresses.
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
