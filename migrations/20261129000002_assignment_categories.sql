-- A teacher may narrow an assignment to some kinds of spam: their ids, comma-separated.
-- NULL: the kinds the lesson itself practises.
ALTER TABLE assignments ADD COLUMN categories TEXT;
