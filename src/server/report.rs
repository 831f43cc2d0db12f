//! What a teacher sees of a class, computed from the stored rounds and answers: the overview
//! (students × assignments), weaknesses per category, the comments most children missed or
//! wrongly reported, who needs help, and the pre/post comparison.

use super::AppState;
use super::db::{Assignment, Class, DbResult, Round, Student};
use crate::domain::model::{Category, Comment, ExerciseKind, Feed};
use crate::domain::scoring::{Answer, Outcome, decode_answers, outcome};
use std::collections::HashMap;
use std::sync::Arc;

/// One assignment with its feed and the lesson's title in the class's language.
#[derive(Clone, Debug)]
pub struct AssignmentInfo {
    pub assignment: Assignment,
    pub title: String,
    pub kind: ExerciseKind,
    pub feed: Option<Arc<Feed>>,
}

/// Where a student is with an assignment.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    NotStarted,
    Playing { answered: u32, total: u32 },
    /// `weak`: the child hardly tells spam from real comments (`WEAK_DISCERNMENT`).
    Done { correct_percent: u32, discernment: f64, risky: i64, weak: bool },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CategoryStat {
    pub category: Category,
    pub seen: u32,
    pub caught: u32,
}

/// A comment of an assignment that many children got wrong.
#[derive(Clone, Debug)]
pub struct CommentStat {
    pub assignment_id: i64,
    pub lesson_title: String,
    pub comment: Comment,
    pub wrong: u32,
    pub of: u32,
}

/// Why a child needs help.
#[derive(Clone, Debug, PartialEq)]
pub enum Trouble {
    /// Keeps missing one kind of spam: `missed` times in `rounds` rounds.
    Misses { category: Category, missed: u32, rounds: u32 },
    /// Reports real comments as spam: `false_alarms` of the `real` comments seen (a child who
    /// reports everything catches every spam and still cannot tell spam from real).
    ReportsReal { false_alarms: u32, real: u32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct HelpFlag {
    pub student_id: i64,
    pub pseudonym: String,
    pub trouble: Trouble,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrePostRow {
    pub student_id: i64,
    pub pseudonym: String,
    pub pre: Option<u32>,
    pub post: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct ClassReport {
    pub class: Class,
    pub students: Vec<Student>,
    pub assignments: Vec<AssignmentInfo>,
    pub cells: HashMap<(i64, i64), Cell>,
    pub rounds: Vec<Round>,
    pub categories: Vec<CategoryStat>,
    pub most_missed: Vec<CommentStat>,
    pub wrongly_reported: Vec<CommentStat>,
    pub needs_help: Vec<HelpFlag>,
    /// Only when the class has a pre-test or a post-test.
    pub prepost: Option<Vec<PrePostRow>>,
    /// The last time an answer arrived (milliseconds), for the live view.
    pub last_answer_at: Option<i64>,
}

/// `part` of `whole` in percent, rounded to the nearest (a half up): 6/14 is 43%, 2/3 is 67%.
pub fn percent(part: u64, whole: u64) -> u32 {
    if whole == 0 { 0 } else { ((part * 200 + whole) / (2 * whole)) as u32 }
}

/// Percent of comments judged right in a round.
pub fn correct_percent(r: &Round) -> u32 {
    let total = r.hits + r.misses + r.false_alarms + r.correct_rejections;
    percent((r.hits + r.correct_rejections).max(0) as u64, total.max(0) as u64)
}

/// Below this discernment a finished round is marked in the overview: the child hardly tells
/// spam from real comments (reporting everything scores 0).
pub const WEAK_DISCERNMENT: f64 = 0.25;

/// Reported at least half of the real comments, and at least this many: over-flagging.
pub const OVER_FLAGGING_MIN: u32 = 3;

/// A round in progress: a student's latest answer to each of the `n` comments.
pub fn answers_so_far(current: &[super::db::CurrentAnswer], student_id: i64, assignment_id: i64, n: usize) -> Vec<Answer> {
    let mut answers = vec![Answer::default(); n];
    for c in current.iter().filter(|c| c.student_id == student_id && c.assignment_id == assignment_id) {
        if let (Some(slot), Some(a)) = (answers.get_mut(c.comment as usize), decode_answers(&c.answer, 1)) {
            *slot = a[0].clone();
        }
    }
    answers
}

/// A finished round's answers, decoded against its feed.
pub fn round_answers(feed: &Feed, r: &Round) -> Option<Vec<Answer>> {
    decode_answers(&r.answers, feed.comments.len())
}

impl ClassReport {
    pub async fn load(app: &AppState, class: Class) -> DbResult<ClassReport> {
        let db = &app.db;
        let students = db.students_of(class.id).await?;
        let assignments: Vec<AssignmentInfo> = db
            .assignments_of(class.id)
            .await?
            .into_iter()
            .map(|a| {
                let lesson = app.library.lesson(class.lang, &a.lesson_id);
                AssignmentInfo {
                    title: lesson.map_or_else(|| a.lesson_id.clone(), |l| l.title.clone()),
                    kind: lesson.map_or(ExerciseKind::Feed, |l| l.exercise.kind),
                    feed: app.assignment_feed(&class, &a),
                    assignment: a,
                }
            })
            .collect();
        let rounds = db.rounds_of_class(class.id).await?;
        let current = db.answers_in_progress(class.id).await?;
        Ok(ClassReport::build(class, students, assignments, rounds, &current))
    }

    pub fn build(
        class: Class,
        students: Vec<Student>,
        assignments: Vec<AssignmentInfo>,
        rounds: Vec<Round>,
        current: &[super::db::CurrentAnswer],
    ) -> ClassReport {
        let by_id: HashMap<i64, &AssignmentInfo> = assignments.iter().map(|a| (a.assignment.id, a)).collect();
        let mut cells = HashMap::new();
        // In progress: the latest answers that decide something.
        for a in current {
            let Some(info) = by_id.get(&a.assignment_id) else { continue };
            let total = info.feed.as_ref().map_or(0, |f| f.comments.len() as u32);
            let decided = decode_answers(&a.answer, 1).is_some_and(|x| x[0].decided());
            let cell = cells.entry((a.student_id, a.assignment_id)).or_insert(Cell::Playing { answered: 0, total });
            if let Cell::Playing { answered, .. } = cell {
                *answered += u32::from(decided);
            }
        }
        for r in &rounds {
            cells.insert(
                (r.student_id, r.assignment_id),
                Cell::Done { correct_percent: correct_percent(r), discernment: r.discernment, risky: r.risky_actions, weak: r.discernment < WEAK_DISCERNMENT },
            );
        }

        // Per comment and per category, over finished rounds.
        let mut cat: HashMap<Category, (u32, u32)> = HashMap::new();
        let mut per_comment: HashMap<(i64, usize), (u32, u32, u32)> = HashMap::new(); // (missed, false alarms, seen)
        let mut misses: HashMap<(i64, Category), (u32, u32)> = HashMap::new(); // (missed, rounds with a miss)
        let mut flagged_real: HashMap<i64, (u32, u32)> = HashMap::new(); // (false alarms, real comments seen)
        for r in &rounds {
            let Some(info) = by_id.get(&r.assignment_id) else { continue };
            let Some(feed) = info.feed.as_deref() else { continue };
            let Some(answers) = round_answers(feed, r) else { continue };
            // The pre-test measures what the class knew before the lessons: no one "keeps falling"
            // for a trick they have not been taught yet.
            let counts_for_help = info.kind != ExerciseKind::Pretest;
            let mut missed_here: HashMap<Category, u32> = HashMap::new();
            for (i, (c, a)) in feed.comments.iter().zip(&answers).enumerate() {
                let o = outcome(c, a);
                let e = per_comment.entry((r.assignment_id, i)).or_default();
                e.2 += 1;
                match o {
                    Outcome::Miss => e.0 += 1,
                    Outcome::FalseAlarm => e.1 += 1,
                    _ => {}
                }
                if c.is_spam() {
                    let s = cat.entry(c.category).or_default();
                    s.0 += 1;
                    s.1 += u32::from(o == Outcome::Hit);
                    if o == Outcome::Miss && counts_for_help {
                        *missed_here.entry(c.category).or_default() += 1;
                    }
                }
            }
            if counts_for_help {
                let f = flagged_real.entry(r.student_id).or_default();
                f.0 += r.false_alarms.max(0) as u32;
                f.1 += (r.false_alarms + r.correct_rejections).max(0) as u32;
            }
            for (category, n) in missed_here {
                let m = misses.entry((r.student_id, category)).or_default();
                m.0 += n;
                m.1 += 1;
            }
        }
        let mut categories: Vec<CategoryStat> =
            cat.into_iter().map(|(category, (seen, caught))| CategoryStat { category, seen, caught }).collect();
        // Weakest first.
        categories.sort_by(|a, b| (u64::from(a.caught) * u64::from(b.seen)).cmp(&(u64::from(b.caught) * u64::from(a.seen))).then(a.category.id().cmp(b.category.id())));

        let stat = |(aid, i): (i64, usize), wrong: u32, of: u32| -> Option<CommentStat> {
            let info = by_id.get(&aid)?;
            Some(CommentStat {
                assignment_id: aid,
                lesson_title: info.title.clone(),
                comment: info.feed.as_ref()?.comments.get(i)?.clone(),
                wrong,
                of,
            })
        };
        let top = |pick: fn(&(u32, u32, u32)) -> u32| {
            let mut v: Vec<CommentStat> =
                per_comment.iter().filter(|(_, s)| pick(s) > 0).filter_map(|(k, s)| stat(*k, pick(s), s.2)).collect();
            v.sort_by(|a, b| {
                (b.wrong * 1000 / b.of.max(1)).cmp(&(a.wrong * 1000 / a.of.max(1))).then(b.wrong.cmp(&a.wrong)).then((a.assignment_id, a.comment.id).cmp(&(b.assignment_id, b.comment.id)))
            });
            v.truncate(5);
            v
        };
        let most_missed = top(|s| s.0);
        let wrongly_reported = top(|s| s.1);

        let names: HashMap<i64, &str> = students.iter().map(|s| (s.id, s.pseudonym.as_str())).collect();
        // "Keeps falling for the same trick": missed that kind of spam in two rounds, or three times.
        let keeps_missing = misses.into_iter().filter(|(_, (missed, rounds))| *rounds >= 2 || *missed >= 3).map(|((student_id, category), (missed, rounds))| {
            (student_id, Trouble::Misses { category, missed, rounds })
        });
        // Reporting real comments is a trick to fall for too: "report everything" is not safety.
        let over_flags = flagged_real
            .into_iter()
            .filter(|(_, (false_alarms, real))| *false_alarms >= OVER_FLAGGING_MIN && *false_alarms * 2 >= *real)
            .map(|(student_id, (false_alarms, real))| (student_id, Trouble::ReportsReal { false_alarms, real }));
        let mut needs_help: Vec<HelpFlag> = over_flags
            .chain(keeps_missing)
            .filter_map(|(student_id, trouble)| Some(HelpFlag { student_id, pseudonym: names.get(&student_id)?.to_string(), trouble }))
            .collect();
        let order = |t: &Trouble| match t {
            Trouble::ReportsReal { false_alarms, .. } => (0, u32::MAX - false_alarms, ""),
            Trouble::Misses { category, missed, .. } => (1, u32::MAX - missed, category.id()),
        };
        needs_help.sort_by(|a, b| a.pseudonym.to_lowercase().cmp(&b.pseudonym.to_lowercase()).then(order(&a.trouble).cmp(&order(&b.trouble))));

        let test_of = |kind: ExerciseKind| assignments.iter().find(|a| a.kind == kind).map(|a| a.assignment.id);
        let (pre, post) = (test_of(ExerciseKind::Pretest), test_of(ExerciseKind::Posttest));
        let prepost = (pre.is_some() || post.is_some()).then(|| {
            let score = |aid: Option<i64>, sid: i64| {
                aid.and_then(|aid| rounds.iter().find(|r| r.assignment_id == aid && r.student_id == sid)).map(correct_percent)
            };
            students
                .iter()
                .map(|s| PrePostRow { student_id: s.id, pseudonym: s.pseudonym.clone(), pre: score(pre, s.id), post: score(post, s.id) })
                .collect()
        });
        let last_answer_at = current.iter().map(|a| a.received_at).chain(rounds.iter().map(|r| r.finished_at)).max();
        ClassReport { class, students, assignments, cells, rounds, categories, most_missed, wrongly_reported, needs_help, prepost, last_answer_at }
    }

    pub fn cell(&self, student_id: i64, assignment_id: i64) -> Cell {
        self.cells.get(&(student_id, assignment_id)).cloned().unwrap_or(Cell::NotStarted)
    }

    /// How many students finished an assignment.
    pub fn finished(&self, assignment_id: i64) -> usize {
        self.rounds.iter().filter(|r| r.assignment_id == assignment_id).count()
    }

    /// Average pre- and post-test percent over the students who did both.
    pub fn prepost_average(&self) -> Option<(u32, u32, usize)> {
        let rows: Vec<(u32, u32)> = self.prepost.as_ref()?.iter().filter_map(|r| Some((r.pre?, r.post?))).collect();
        let n = rows.len();
        let avg = |sum: u32| percent(u64::from(sum), n as u64 * 100);
        (n > 0).then(|| (avg(rows.iter().map(|r| r.0).sum()), avg(rows.iter().map(|r| r.1).sum()), n))
    }

    /// The CSV export: one row per student and assignment.
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "pseudonym,lesson,lesson_title,status,answered,comments,correct_percent,hits,misses,false_alarms,correct_rejections,discernment,risky_actions,finished_at\n",
        );
        for s in &self.students {
            for a in &self.assignments {
                let round = self.rounds.iter().find(|r| r.student_id == s.id && r.assignment_id == a.assignment.id);
                let total = a.feed.as_ref().map_or(0, |f| f.comments.len());
                let mut row = vec![csv_field(&s.pseudonym), csv_field(&a.assignment.lesson_id), csv_field(&a.title)];
                match (round, self.cell(s.id, a.assignment.id)) {
                    (Some(r), _) => row.extend([
                        "done".to_string(),
                        // The choices the child made, not the comments there were.
                        a.feed.as_deref().and_then(|f| round_answers(f, r)).map_or(0, |x| x.iter().filter(|a| a.decided()).count()).to_string(),
                        total.to_string(),
                        correct_percent(r).to_string(),
                        r.hits.to_string(),
                        r.misses.to_string(),
                        r.false_alarms.to_string(),
                        r.correct_rejections.to_string(),
                        format!("{:.2}", r.discernment),
                        r.risky_actions.to_string(),
                        super::day_of(r.finished_at),
                    ]),
                    (None, Cell::Playing { answered, .. }) => {
                        row.extend(["playing".to_string(), answered.to_string(), total.to_string()]);
                        row.extend(std::iter::repeat_n(String::new(), 8));
                    }
                    _ => {
                        row.extend(["not_started".to_string(), "0".to_string(), total.to_string()]);
                        row.extend(std::iter::repeat_n(String::new(), 8));
                    }
                }
                out.push_str(&row.join(","));
                out.push('\n');
            }
        }
        out
    }
}

/// A CSV field, quoted when needed; a leading = + - @ is neutralised so that spreadsheets do not
/// run it as a formula.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_are_rounded_to_the_nearest() {
        assert_eq!([percent(6, 14), percent(2, 3), percent(1, 3), percent(1, 2), percent(0, 5), percent(5, 5), percent(3, 0)], [43, 67, 33, 50, 0, 100, 0]);
    }

    #[test]
    fn csv_fields_are_safe_in_spreadsheets() {
        assert_eq!(csv_field("Blue Fox"), "Blue Fox");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
    }
}
