-- Wrong passwords slow logins down instead of locking them: every failure under a key makes the
-- next attempt wait longer (server/throttle.rs). Keys are `account:<teacher id>` and
-- `address:<keyed hash>` (the client address itself is never stored). A row is forgotten an hour
-- after its last failure, and an account's row when its right password is given.
CREATE TABLE login_throttle (
    key          TEXT    PRIMARY KEY,
    failures     INTEGER NOT NULL,
    wait_until   BIGINT  NOT NULL,          -- no attempt under this key is checked before then
    last_failure BIGINT  NOT NULL
);

-- The lock of the first version is gone; its columns with it.
ALTER TABLE teachers DROP COLUMN failed_logins;
ALTER TABLE teachers DROP COLUMN locked_until;

-- Recovering an account without mail: `feedwise teacher reset-password EMAIL` prints a link with
-- a token; only its hash is kept, it works once, until expires_at.
CREATE TABLE password_resets (
    token_hash TEXT    PRIMARY KEY,         -- BLAKE2b of the token, hex
    teacher_id INTEGER NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
    expires_at BIGINT  NOT NULL
);

-- Raised when the password is reset, so that sessions opened with the old password end.
ALTER TABLE teachers ADD COLUMN password_version INTEGER NOT NULL DEFAULT 0;
