//! The lessons: Markdown files under `lessons/`, one per lesson and language, loaded and checked
//! when the server starts (see `lessons/README.md` for the format). Pages read them from the
//! `Library` in the request context; the browser never downloads them.

use crate::domain::itembank::Item;
use crate::domain::model::{AgeBand, Category, Difficulty, ExerciseKind, FeedSettings, Lang, Platform};
use std::collections::HashMap;

#[cfg(feature = "ssr")]
mod load;
#[cfg(feature = "ssr")]
mod markdown;
#[cfg(feature = "ssr")]
pub use load::{LessonError, LessonErrors};

/// What a lesson's exercise is, from its front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exercise {
    pub kind: ExerciseKind,
    pub platform: Platform,
    pub categories: Vec<Category>,
    pub difficulty: Difficulty,
    pub comments: u8,
    pub spam_percent: u8,
    pub seed: u64,
}

/// The child's text for some of the lesson's age bands, rendered to safe HTML.
#[derive(Clone, Debug)]
pub struct ChildText {
    pub ages: Vec<AgeBand>,
    pub html: String,
}

/// One lesson in one language.
#[derive(Clone, Debug)]
pub struct Lesson {
    pub id: String,
    pub order: u32,
    pub title: String,
    pub summary: String,
    pub ages: Vec<AgeBand>,
    /// Minutes in class.
    pub duration: u32,
    pub goals: Vec<String>,
    pub exercise: Exercise,
    pub child: Vec<ChildText>,
    pub teacher: String,
    pub parent: String,
}

impl Lesson {
    /// The child's text for an age band (the loader makes sure every band of the lesson has one).
    pub fn child_html(&self, age: AgeBand) -> &str {
        self.child.iter().find(|c| c.ages.contains(&age)).or(self.child.first()).map_or("", |c| c.html.as_str())
    }

    /// The age band to show when none was chosen, or the chosen one does not fit the lesson.
    pub fn age_or_default(&self, age: Option<AgeBand>) -> AgeBand {
        age.filter(|a| self.ages.contains(a))
            .or_else(|| self.ages.iter().copied().find(|a| *a == AgeBand::Age10To12))
            .or(self.ages.first().copied())
            .unwrap_or(AgeBand::Age10To12)
    }

    /// The settings of the lesson's exercise feed for an age band.
    pub fn feed_settings(&self, age: AgeBand) -> FeedSettings {
        let e = &self.exercise;
        FeedSettings {
            platform: e.platform,
            age_band: age,
            difficulty: e.difficulty,
            categories: e.categories.clone(),
            comment_count: e.comments,
            spam_percent: e.spam_percent,
            // The moderator runs the children's news channel.
            creator: (e.kind == ExerciseKind::Moderate).then(|| crate::domain::itembank::NEWS_CREATOR.to_string()),
        }
    }
}

/// Every lesson in both languages, and the item bank of the tests.
#[derive(Clone, Debug, Default)]
pub struct Library {
    lessons: HashMap<Lang, Vec<Lesson>>,
    banks: HashMap<Lang, Vec<Item>>,
    /// `help/<lang>.md`: the helplines under every parent guide, as safe HTML.
    help: HashMap<Lang, String>,
}

impl Library {
    /// The lessons of a language in curriculum order.
    pub fn lessons(&self, lang: Lang) -> &[Lesson] {
        self.lessons.get(&lang).map_or(&[], Vec::as_slice)
    }

    pub fn lesson(&self, lang: Lang, id: &str) -> Option<&Lesson> {
        self.lessons(lang).iter().find(|l| l.id == id)
    }

    /// The lesson after this one in the curriculum.
    pub fn next(&self, lang: Lang, id: &str) -> Option<&Lesson> {
        let all = self.lessons(lang);
        let i = all.iter().position(|l| l.id == id)?;
        all.get(i + 1)
    }

    /// Where a parent gets help (`lessons/help/<lang>.md`), as HTML.
    pub fn help(&self, lang: Lang) -> &str {
        self.help.get(&lang).map_or("", String::as_str)
    }

    pub fn bank(&self, lang: Lang) -> &[Item] {
        self.banks.get(&lang).map_or(&[], Vec::as_slice)
    }

    /// The exercise feed of a lesson for an age band; `None` for an unknown lesson or a band the
    /// lesson is not for. Feeds are made on the server only (the corpus lives there).
    pub fn exercise_feed(&self, lang: Lang, id: &str, age: AgeBand) -> Option<crate::domain::model::Feed> {
        self.exercise_feed_with(lang, id, age, None, None, None)
    }

    /// The exercise feed with a teacher's level and kinds of spam, and an assignment's own seed,
    /// instead of the lesson's (the tests ignore them: their items are fixed). Kinds the age band
    /// does not allow are left out.
    pub fn exercise_feed_with(
        &self,
        lang: Lang,
        id: &str,
        age: AgeBand,
        difficulty: Option<Difficulty>,
        seed: Option<u64>,
        categories: Option<&[Category]>,
    ) -> Option<crate::domain::model::Feed> {
        use crate::domain::itembank::{TestForm, test_feed};
        use crate::domain::model::LessonRound;
        let lesson = self.lesson(lang, id)?;
        if !lesson.ages.contains(&age) {
            return None;
        }
        #[cfg(feature = "ssr")]
        let corpus = crate::domain::corpus::Corpus::builtin(lang).ok()?;
        // The browser has no corpus; pages that ask for a feed render on the server.
        #[cfg(not(feature = "ssr"))]
        let corpus: &crate::domain::corpus::Corpus = None?;
        let mut feed = match TestForm::of(lesson.exercise.kind) {
            Some(form) => test_feed(corpus, self.bank(lang), form, age, lesson.exercise.platform)?,
            None => {
                let mut settings = lesson.feed_settings(age);
                settings.difficulty = difficulty.unwrap_or(settings.difficulty);
                if let Some(chosen) = categories.map(|c| c.iter().copied().filter(|c| c.is_spam() && age.allows(*c)).collect::<Vec<_>>())
                    && !chosen.is_empty()
                {
                    settings.categories = chosen;
                }
                crate::domain::generator::generate(corpus, &settings, seed.unwrap_or(lesson.exercise.seed))
            }
        };
        feed.lesson = Some(LessonRound { id: lesson.id.clone(), kind: lesson.exercise.kind, assignment: None });
        Some(feed)
    }
}
