//! Scoring a round with signal detection: reporting or blocking spam is a hit, doing so to a
//! real comment a false alarm. Discernment (hit rate − false-alarm rate) and d′ make sure that
//! "report everything" is not rewarded.

use super::model::{Category, Comment};
use serde::{Deserialize, Serialize};

/// The reasons in every platform's report dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    SpamScam,
    Sexual,
    Impersonation,
    Bullying,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 5] = [
        ReportReason::SpamScam,
        ReportReason::Sexual,
        ReportReason::Impersonation,
        ReportReason::Bullying,
        ReportReason::Other,
    ];

    /// Whether this reason fits a comment of the category.
    pub fn fits(self, category: Category) -> bool {
        match category {
            Category::Legit => false,
            Category::AdultBot => matches!(self, ReportReason::SpamScam | ReportReason::Sexual),
            Category::FakeGiveaway => matches!(self, ReportReason::SpamScam | ReportReason::Impersonation),
            _ => self == ReportReason::SpamScam,
        }
    }
}

/// What the child did with one comment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub reported: Option<ReportReason>,
    pub blocked: bool,
    pub looks_fine: bool,
    pub opened_profile: bool,
    pub clicked_link: bool,
    pub replied: bool,
}

impl Answer {
    /// Reported or blocked: the child treated it as spam.
    pub fn flagged(&self) -> bool {
        self.reported.is_some() || self.blocked
    }

    /// Whether the child made any choice about the comment.
    pub fn decided(&self) -> bool {
        self.flagged() || self.looks_fine
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Hit,
    Miss,
    FalseAlarm,
    CorrectRejection,
}

impl Outcome {
    pub fn correct(self) -> bool {
        matches!(self, Outcome::Hit | Outcome::CorrectRejection)
    }
}

pub fn outcome(comment: &Comment, answer: &Answer) -> Outcome {
    match (comment.is_spam(), answer.flagged()) {
        (true, true) => Outcome::Hit,
        (true, false) => Outcome::Miss,
        (false, true) => Outcome::FalseAlarm,
        (false, false) => Outcome::CorrectRejection,
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryScore {
    pub category: Category,
    pub total: u32,
    pub correct: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub hits: u32,
    pub misses: u32,
    pub false_alarms: u32,
    pub correct_rejections: u32,
    /// Hits / spam comments; 0 when there was no spam.
    pub hit_rate: f64,
    /// False alarms / real comments; 0 when there were none.
    pub false_alarm_rate: f64,
    /// Hit rate − false-alarm rate, from −1 to 1.
    pub discernment: f64,
    /// Sensitivity d′ with the log-linear correction (Hautus 1995), for teachers.
    pub d_prime: f64,
    /// Response bias c: negative means the child reports readily.
    pub criterion: f64,
    pub per_category: Vec<CategoryScore>,
    /// Reports of spam with a reason that fits its category.
    pub correct_reasons: u32,
    /// Reports of spam.
    pub spam_reports: u32,
    /// Clicks on spam links and replies to spam.
    pub risky_actions: u32,
    /// Many real comments reported: the child gets feedback on over-flagging.
    pub over_flagging: bool,
}

/// Scores a round. `answers[i]` belongs to `comments[i]`; missing answers count as no action.
pub fn score(comments: &[Comment], answers: &[Answer]) -> Score {
    let none = Answer::default();
    let mut s = Score {
        hits: 0,
        misses: 0,
        false_alarms: 0,
        correct_rejections: 0,
        hit_rate: 0.0,
        false_alarm_rate: 0.0,
        discernment: 0.0,
        d_prime: 0.0,
        criterion: 0.0,
        per_category: Vec::new(),
        correct_reasons: 0,
        spam_reports: 0,
        risky_actions: 0,
        over_flagging: false,
    };
    for (i, c) in comments.iter().enumerate() {
        let a = answers.get(i).unwrap_or(&none);
        let o = outcome(c, a);
        match o {
            Outcome::Hit => s.hits += 1,
            Outcome::Miss => s.misses += 1,
            Outcome::FalseAlarm => s.false_alarms += 1,
            Outcome::CorrectRejection => s.correct_rejections += 1,
        }
        if c.is_spam() {
            if let Some(reason) = a.reported {
                s.spam_reports += 1;
                s.correct_reasons += u32::from(reason.fits(c.category));
            }
            s.risky_actions += u32::from(a.clicked_link) + u32::from(a.replied);
        }
        match s.per_category.iter_mut().find(|x| x.category == c.category) {
            Some(x) => {
                x.total += 1;
                x.correct += u32::from(o.correct());
            }
            None => s.per_category.push(CategoryScore { category: c.category, total: 1, correct: u32::from(o.correct()) }),
        }
    }
    s.per_category.sort_by_key(|x| x.category);
    let spam = s.hits + s.misses;
    let legit = s.false_alarms + s.correct_rejections;
    s.hit_rate = rate(s.hits, spam);
    s.false_alarm_rate = rate(s.false_alarms, legit);
    s.discernment = s.hit_rate - s.false_alarm_rate;
    // Log-linear correction keeps d′ finite when a rate is 0 or 1.
    let h = (f64::from(s.hits) + 0.5) / (f64::from(spam) + 1.0);
    let f = (f64::from(s.false_alarms) + 0.5) / (f64::from(legit) + 1.0);
    s.d_prime = probit(h) - probit(f);
    s.criterion = -(probit(h) + probit(f)) / 2.0;
    s.over_flagging = legit > 0 && s.false_alarms >= 2 && s.false_alarm_rate >= 0.3;
    s
}

fn rate(part: u32, whole: u32) -> f64 {
    if whole == 0 { 0.0 } else { f64::from(part) / f64::from(whole) }
}

/// The inverse of the standard normal distribution (Acklam's rational approximation,
/// relative error below 1.2e-9), for 0 < p < 1.
pub fn probit(p: f64) -> f64 {
    const A: [f64; 6] = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.383577518672690e2, -3.066479806614716e1, 2.506628277459239];
    const B: [f64; 5] = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const C: [f64; 6] = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const D: [f64; 4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}
