//! The written material feeds are generated from: creators, posts, names, bios and comment
//! templates, one set per language (the TOML files in `corpus/`, see `corpus/README.md`).

use super::model::{Category, Lang, Platform, Tricky};
use super::template::Template;
use std::collections::HashMap;

/// A creator whose posts the comments are under.
#[derive(Clone, Debug)]
pub struct CreatorDef {
    pub id: String,
    pub handle: String,
    pub name: String,
    pub bio: String,
    pub verified: bool,
    pub posts: Vec<PostDef>,
}

#[derive(Clone, Debug)]
pub struct PostDef {
    pub platform: Platform,
    pub title: Option<String>,
    pub caption: String,
    pub scene: String,
    pub topic: Vec<String>,
    /// The creator's id and the post's own `tags`: what `(for: …)` template headers match.
    pub tags: Vec<String>,
}

/// Templates for one spam section, by difficulty 1–3, plus bot replies.
#[derive(Clone, Debug, Default)]
pub struct SpamSection {
    pub by_difficulty: [Vec<Template>; 3],
    /// Bot replies under the spam comment itself, praising it.
    pub replies: Vec<Template>,
    /// Spam posted as a reply under another viewer's real comment (impersonators, "agents").
    pub under_viewer: Vec<Template>,
}

/// Kinds of legitimate comment in `[legit]` that every corpus must have.
pub const LEGIT_KINDS: [&str; 6] = ["reaction", "question", "joke", "disagree", "reply", "warn"];

/// Kinds of legitimate comment a corpus may add: friend tags, everyday talk, and replies that
/// follow the kind of comment they answer (`reply_question` under a question …); the generator
/// falls back to `reaction` and `reply` where one is missing.
/// `warn_profile` holds warnings that point at the account ("0 posts and made this week"):
/// they only go under spam whose account really is new and empty.
pub const OPTIONAL_LEGIT_KINDS: [&str; 9] =
    ["tag", "talk", "reply_question", "reply_reaction", "reply_joke", "reply_disagree", "reply_tag", "reply_talk", "warn_profile"];

/// Slots the generator fills itself; every other slot must be a list.
pub const BUILTIN_SLOTS: [&str; 15] = [
    "creator",
    "creator_handle",
    "topic",
    "link",
    "split_link",
    "handle",
    "messenger",
    "name",
    "my_name",
    "n",
    "big_n",
    "amount",
    "friend",
    "club_link",
    "media",
];

/// The parsed, checked corpus of one language.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub lang: Lang,
    pub creators: Vec<CreatorDef>,
    pub lists: HashMap<String, Vec<Template>>,
    /// Keyed by category id, or `category.variant` (`adult_bot.mild`, `romance.young`, …).
    pub spam: HashMap<String, SpamSection>,
    pub legit: HashMap<String, Vec<Template>>,
    pub tricky: HashMap<Tricky, Vec<Template>>,
    pub first_names: Vec<String>,
    pub words: Vec<String>,
    pub bio_legit: Vec<Template>,
    pub bio_spam: HashMap<Category, Vec<Template>>,
    pub display_name: HashMap<Category, Vec<Template>>,
    pub username: HashMap<Category, Vec<Template>>,
    /// Words spam links and legitimate links are built from; `Legit` for the latter. Each is a
    /// plain template, so that it can name its `(kind: …)` of scam.
    pub link_words: HashMap<Category, Vec<Template>>,
    /// Words for the pages of real clubs, teams and groups (`[links] club`, optional).
    pub club_words: Vec<String>,
}

impl Corpus {
    /// The spam section key for a category at an age band's wording.
    pub fn spam_key(category: Category, age: super::model::AgeBand) -> &'static str {
        use super::model::AgeBand::*;
        match (category, age) {
            (Category::AdultBot, Age12To14) => "adult_bot.clear",
            (Category::AdultBot, _) => "adult_bot.mild",
            (Category::Romance, Age8To10) => "romance.young",
            (Category::Romance, _) => "romance.older",
            (c, _) => c.id(),
        }
    }

    /// The spam section keys every corpus must have.
    pub fn required_spam_keys() -> Vec<String> {
        let mut keys: Vec<String> = Category::SPAM
            .iter()
            .filter(|c| !matches!(c, Category::AdultBot | Category::Romance))
            .map(|c| c.id().to_string())
            .collect();
        keys.extend(["adult_bot.mild", "adult_bot.clear", "romance.young", "romance.older"].map(String::from));
        keys
    }
}

#[cfg(feature = "ssr")]
mod load;
#[cfg(feature = "ssr")]
pub use load::{CorpusError, CorpusFiles};
