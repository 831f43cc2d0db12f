//! One line of a class round's answers, as the browser's outbox keeps and sends it to
//! `/api/answers` and the server reads it: fields separated by spaces.
//!
//! - `a <key> <assignment> <comment> <seq> <answer>`: a choice about one comment (`seq`: the
//!   device's counter, the highest is the latest choice; `answer`: `scoring::encode_answers` of
//!   that one comment).
//! - `f <key> <assignment> <answers>`: the round is finished with these answers.
//!
//! The key is made by the browser: the server stores each key once, so a line sent twice counts
//! once.

use std::fmt;
use std::str::FromStr;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerLine {
    Answer { key: String, assignment: i64, comment: u32, seq: i64, answer: String },
    Finish { key: String, assignment: i64, answers: String },
}

impl AnswerLine {
    pub fn assignment(&self) -> i64 {
        match self {
            AnswerLine::Answer { assignment, .. } | AnswerLine::Finish { assignment, .. } => *assignment,
        }
    }
}

/// 8 to 64 letters, digits, `-` and `_`.
fn valid_key(k: &str) -> bool {
    (8..=64).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl fmt::Display for AnswerLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerLine::Answer { key, assignment, comment, seq, answer } => write!(f, "a {key} {assignment} {comment} {seq} {answer}"),
            AnswerLine::Finish { key, assignment, answers } => write!(f, "f {key} {assignment} {answers}"),
        }
    }
}

/// A line that is not an answer line.
#[derive(Debug, PartialEq, Eq)]
pub struct NotAnAnswer;

impl FromStr for AnswerLine {
    type Err = NotAnAnswer;

    fn from_str(line: &str) -> Result<AnswerLine, NotAnAnswer> {
        let number = |s: &str| s.parse().map_err(|_| NotAnAnswer);
        let fields: Vec<&str> = line.split(' ').collect();
        match fields.as_slice() {
            ["a", key, assignment, comment, seq, answer] if valid_key(key) && !answer.is_empty() => Ok(AnswerLine::Answer {
                key: key.to_string(),
                assignment: number(assignment)?,
                comment: comment.parse().map_err(|_| NotAnAnswer)?,
                seq: number(seq)?,
                answer: answer.to_string(),
            }),
            ["f", key, assignment, answers] if valid_key(key) => Ok(AnswerLine::Finish { key: key.to_string(), assignment: number(assignment)?, answers: answers.to_string() }),
            _ => Err(NotAnAnswer),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_reads_back_as_it_was_written() {
        for line in [
            AnswerLine::Answer { key: "key12345".into(), assignment: 7, comment: 3, seq: 12, answer: "QA".into() },
            AnswerLine::Finish { key: "k-6789_0a".into(), assignment: 7, answers: "QAQA".into() },
        ] {
            assert_eq!(line.to_string().parse::<AnswerLine>(), Ok(line.clone()));
        }
        assert_eq!("a key12345 7 3 12 QA".parse::<AnswerLine>().unwrap().assignment(), 7);
    }

    #[test]
    fn a_line_with_a_short_key_or_a_word_for_a_number_is_refused() {
        for bad in ["a short 7 3 12 QA", "a key12345 x 3 12 QA", "a key12345 7 -1 12 QA", "f key12345 7", "b key12345 7 QA", "a key12345 7 3 12 "] {
            assert_eq!(bad.parse::<AnswerLine>(), Err(NotAnAnswer), "{bad}");
        }
    }
}
