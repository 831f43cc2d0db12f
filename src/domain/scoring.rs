//! Scoring a round with signal detection: reporting or blocking spam is a hit, doing so to a
//! real comment a false alarm. Discernment (hit rate − false-alarm rate) and d′ make sure that
//! "report everything" is not rewarded.

use super::model::{Category, Comment, Feed, Trick};
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

    /// Whether this reason fits the comment: its category's reasons, and "pretends to be
    /// someone" for any account that copies the creator or fakes a pin.
    pub fn fits_comment(self, c: &Comment) -> bool {
        self.fits(c.category)
            || (c.is_spam() && self == ReportReason::Impersonation && c.tricks.iter().any(|t| matches!(t, Trick::CopiesCreator | Trick::FakePinned)))
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
    /// Moderator mode: hidden from everyone but its writer.
    #[serde(default)]
    pub hidden: bool,
    /// Moderator mode: deleted.
    #[serde(default)]
    pub deleted: bool,
    /// Moderator mode: pinned to the top by the moderator.
    #[serde(default)]
    pub pinned: bool,
}

impl Answer {
    /// Reported, blocked, hidden or deleted: the child treated it as spam.
    pub fn flagged(&self) -> bool {
        self.reported.is_some() || self.blocked || self.hidden || self.deleted
    }

    /// Whether the child made any choice about the comment.
    pub fn decided(&self) -> bool {
        self.flagged() || self.looks_fine
    }
}

/// URL-safe alphabet for answers in a results link.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The answers of a round, two URL-safe characters per comment, for the results link.
pub fn encode_answers(answers: &[Answer]) -> String {
    let mut out = String::with_capacity(answers.len() * 2);
    for a in answers {
        let reason = a.reported.map_or(0, |r| 1 + ReportReason::ALL.iter().position(|x| *x == r).unwrap_or(0)) as u16;
        let bits = reason
            | u16::from(a.blocked) << 3
            | u16::from(a.looks_fine) << 4
            | u16::from(a.opened_profile) << 5
            | u16::from(a.clicked_link) << 6
            | u16::from(a.replied) << 7
            | u16::from(a.hidden) << 8
            | u16::from(a.deleted) << 9
            | u16::from(a.pinned) << 10;
        out.push(ALPHABET[usize::from(bits & 63)] as char);
        out.push(ALPHABET[usize::from(bits >> 6)] as char);
    }
    out
}

/// Reads `encode_answers` back; `None` unless it holds exactly `count` valid answers.
pub fn decode_answers(s: &str, count: usize) -> Option<Vec<Answer>> {
    let digits: Vec<u16> = s.bytes().map(|b| ALPHABET.iter().position(|&x| x == b).map(|p| p as u16)).collect::<Option<_>>()?;
    if digits.len() != count * 2 {
        return None;
    }
    digits
        .chunks(2)
        .map(|pair| {
            let bits = pair[0] | pair[1] << 6;
            if bits >> 11 != 0 {
                return None;
            }
            let reason = usize::from(bits & 7);
            Some(Answer {
                reported: match reason {
                    0 => None,
                    r => Some(*ReportReason::ALL.get(r - 1)?),
                },
                blocked: bits & 1 << 3 != 0,
                looks_fine: bits & 1 << 4 != 0,
                opened_profile: bits & 1 << 5 != 0,
                clicked_link: bits & 1 << 6 != 0,
                replied: bits & 1 << 7 != 0,
                hidden: bits & 1 << 8 != 0,
                deleted: bits & 1 << 9 != 0,
                pinned: bits & 1 << 10 != 0,
            })
        })
        .collect()
}

/// Whether decoded answers can have come from this feed: moderator actions (hide, delete, pin)
/// only when moderating, and at most one pin, on a comment that may be pinned.
pub fn answers_fit(feed: &Feed, answers: &[Answer]) -> bool {
    let mut pinned = feed.comments.iter().zip(answers).filter(|(_, a)| a.pinned);
    if !feed.moderating() {
        return pinned.next().is_none() && answers.iter().all(|a| !a.hidden && !a.deleted);
    }
    match (pinned.next(), pinned.next()) {
        (None, _) => true,
        (Some((c, _)), None) => c.pinnable(),
        (Some(_), Some(_)) => false,
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
    /// Clicks on spam links, replies to spam and (as a moderator) spam pinned to the top.
    pub risky_actions: u32,
    /// Moderator mode: a real comment pinned to the top.
    pub good_pins: u32,
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
        good_pins: 0,
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
                s.correct_reasons += u32::from(reason.fits_comment(c));
            }
            s.risky_actions += u32::from(a.clicked_link) + u32::from(a.replied) + u32::from(a.pinned);
        } else {
            s.good_pins += u32::from(a.pinned);
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
    const A: [f64; 6] = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::*;

    fn comment(id: u16, category: Category) -> Comment {
        Comment {
            id,
            parent: None,
            author: Account {
                username: format!("user{id}"),
                display_name: String::new(),
                avatar: Avatar { kind: AvatarKind::Blank, letters: String::new(), variant: 0 },
                age_days: 1,
                posts: 0,
                followers: 0,
                following: 0,
                bio: String::new(),
                bio_link: None,
                verified: false,
                is_creator: false,
            },
            spans: vec![],
            category,
            difficulty: Difficulty::new(1).unwrap(),
            likes: 0,
            minutes_ago: 1,
            pinned: false,
            tricks: vec![],
            profile_cues: vec![],
            tricky: None,
        }
    }

    /// 4 spam and 6 real comments.
    fn round() -> Vec<Comment> {
        let mut c: Vec<Comment> = (0..4).map(|i| comment(i, Category::Crypto)).collect();
        c.extend((4..10).map(|i| comment(i, Category::Legit)));
        c
    }

    fn report() -> Answer {
        Answer { reported: Some(ReportReason::SpamScam), ..Answer::default() }
    }

    #[test]
    fn a_child_who_reports_every_comment_gets_zero_discernment_and_over_flagging_feedback() {
        let s = score(&round(), &vec![report(); 10]);
        assert_eq!((s.hits, s.false_alarms, s.misses, s.correct_rejections), (4, 6, 0, 0));
        assert_eq!(s.discernment, 0.0);
        assert!(s.over_flagging);
        assert!(s.d_prime.abs() < 0.5, "d' {}", s.d_prime);
        assert!(s.criterion < -0.5, "reporting everything is a liberal criterion: {}", s.criterion);
    }

    #[test]
    fn a_child_who_reports_nothing_gets_zero_discernment_and_no_over_flagging() {
        let s = score(&round(), &[]);
        assert_eq!((s.hits, s.misses, s.correct_rejections), (0, 4, 6));
        assert_eq!(s.discernment, 0.0);
        assert!(!s.over_flagging);
        assert!(s.criterion > 0.5);
    }

    #[test]
    fn a_perfect_round_has_discernment_one_and_a_finite_positive_d_prime() {
        let mut answers = vec![report(); 4];
        answers.extend(vec![Answer { looks_fine: true, ..Answer::default() }; 6]);
        let s = score(&round(), &answers);
        assert_eq!(s.discernment, 1.0);
        assert!(s.d_prime.is_finite() && s.d_prime > 1.5, "d' {}", s.d_prime);
        assert_eq!(s.correct_reasons, 4);
        assert_eq!(s.per_category.iter().map(|c| c.correct).sum::<u32>(), 10);
    }

    #[test]
    fn blocking_counts_as_flagging_and_a_wrong_reason_is_not_a_right_reason() {
        let mut answers = vec![Answer { blocked: true, ..Answer::default() }];
        answers.push(Answer { reported: Some(ReportReason::Bullying), ..Answer::default() });
        let s = score(&round(), &answers);
        assert_eq!(s.hits, 2);
        assert_eq!(s.spam_reports, 1);
        assert_eq!(s.correct_reasons, 0);
    }

    #[test]
    fn clicking_a_spam_link_and_replying_to_a_bot_are_risky_but_a_friends_link_is_not() {
        let mut answers = vec![Answer { clicked_link: true, replied: true, ..Answer::default() }];
        answers.extend(vec![Answer::default(); 3]);
        answers.push(Answer { clicked_link: true, ..Answer::default() });
        let s = score(&round(), &answers);
        assert_eq!(s.risky_actions, 2);
    }

    #[test]
    fn a_round_without_spam_or_without_real_comments_stays_finite() {
        let only_real: Vec<Comment> = (0..3).map(|i| comment(i, Category::Legit)).collect();
        let s = score(&only_real, &[]);
        assert_eq!(s.hit_rate, 0.0);
        assert!(s.d_prime.is_finite() && s.criterion.is_finite());
        let only_spam: Vec<Comment> = (0..3).map(|i| comment(i, Category::Phishing)).collect();
        let s = score(&only_spam, &vec![report(); 3]);
        assert_eq!(s.discernment, 1.0);
        assert!(s.d_prime.is_finite());
        assert!(!s.over_flagging);
    }

    #[test]
    fn answers_survive_the_results_link_and_bad_links_are_refused() {
        let answers = vec![
            Answer::default(),
            report(),
            Answer { reported: Some(ReportReason::Other), blocked: true, clicked_link: true, replied: true, ..Answer::default() },
            Answer { looks_fine: true, opened_profile: true, ..Answer::default() },
            Answer { hidden: true, deleted: true, pinned: true, ..Answer::default() },
        ];
        let s = encode_answers(&answers);
        assert_eq!(s.len(), 10);
        assert_eq!(decode_answers(&s, 5), Some(answers));
        assert_eq!(decode_answers(&s, 4), None);
        assert_eq!(decode_answers("A!AA", 2), None);
        assert_eq!(decode_answers("HA", 1), None, "reason 7 does not exist");
        assert_eq!(decode_answers("Ag", 1), None, "bits above 10 are not used");
    }

    #[test]
    fn a_moderator_who_hides_spam_and_pins_a_real_comment_scores_like_a_viewer() {
        let comments = vec![comment(1, Category::Crypto), comment(2, Category::Phishing), comment(3, Category::Legit), comment(4, Category::Legit)];
        let answers = vec![
            Answer { hidden: true, ..Answer::default() },
            Answer { deleted: true, ..Answer::default() },
            Answer { pinned: true, looks_fine: true, ..Answer::default() },
            Answer { looks_fine: true, ..Answer::default() },
        ];
        let s = score(&comments, &answers);
        assert_eq!((s.hits, s.false_alarms, s.good_pins, s.risky_actions), (2, 0, 1, 0));
        assert_eq!(s.discernment, 1.0);

        let pinned_spam = vec![Answer { pinned: true, ..Answer::default() }, Answer::default(), Answer { hidden: true, ..Answer::default() }, Answer::default()];
        let s = score(&comments, &pinned_spam);
        assert_eq!((s.hits, s.misses, s.false_alarms, s.risky_actions, s.good_pins), (0, 2, 1, 1, 0));
    }

    #[test]
    fn probit_inverts_the_normal_distribution() {
        assert!(probit(0.5).abs() < 1e-9);
        assert!((probit(0.975) - 1.959964).abs() < 1e-5);
        assert!((probit(0.01) + 2.326348).abs() < 1e-5);
    }

    #[test]
    fn report_reasons_fit_their_categories() {
        assert!(ReportReason::Sexual.fits(Category::AdultBot));
        assert!(ReportReason::Impersonation.fits(Category::FakeGiveaway));
        assert!(!ReportReason::Sexual.fits(Category::Crypto));
        assert!(ReportReason::ALL.iter().all(|r| !r.fits(Category::Legit)));
        let mut copycat = comment(1, Category::Crypto);
        assert!(!ReportReason::Impersonation.fits_comment(&copycat));
        copycat.tricks.push(Trick::CopiesCreator);
        assert!(ReportReason::Impersonation.fits_comment(&copycat), "a copy of the creator pretends to be someone");
    }
}
