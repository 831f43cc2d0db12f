//! The pre-test and the post-test: comments written once, by hand, in the held-out item bank
//! (`lessons/item-bank/`), never used by the practice generator. A test feed is a pure function
//! of the bank, the form, the age band and the language: every child gets the same test.

use super::accounts::{creator_account, initials, profile_cues};
use super::corpus::Corpus;
use super::evasion::{HIDDEN, is_lookalike};
use super::model::*;
use super::slots::SlotFiller;
use super::template::Template;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The children's news channel: the tests are under its posts, and the moderator runs it.
pub const NEWS_CREATOR: &str = "news";

/// Which of the two parallel tests an item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TestForm {
    Pre,
    Post,
}

impl TestForm {
    pub fn of(kind: ExerciseKind) -> Option<TestForm> {
        match kind {
            ExerciseKind::Pretest => Some(TestForm::Pre),
            ExerciseKind::Posttest => Some(TestForm::Post),
            _ => None,
        }
    }
}

/// One test comment.
#[derive(Clone, Debug)]
pub struct Item {
    pub form: TestForm,
    pub category: Category,
    pub difficulty: Difficulty,
    pub ages: Vec<AgeBand>,
    pub text: Template,
    /// The account exactly as written in the bank.
    pub account: Account,
    pub tricky: Option<Tricky>,
}

/// The items of one test for one age band, in bank order.
pub fn items_for(bank: &[Item], form: TestForm, age: AgeBand) -> impl Iterator<Item = &Item> {
    bank.iter().filter(move |i| i.form == form && i.ages.contains(&age))
}

/// The feed of a test. `None` when the corpus has no post of the news channel on the platform.
pub fn test_feed(corpus: &Corpus, bank: &[Item], form: TestForm, age: AgeBand, platform: Platform) -> Option<Feed> {
    let creator = corpus.creators.iter().find(|c| c.id == NEWS_CREATOR)?;
    let posts: Vec<_> = creator.posts.iter().filter(|p| p.platform == platform).collect();
    let post = match form {
        TestForm::Pre => posts.first()?,
        TestForm::Post => posts.get(1).or(posts.first())?,
    };
    let seed = match form {
        TestForm::Pre => 0x7e57_0001,
        TestForm::Post => 0x7e57_0002,
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let creator_acc = creator_account(creator, &mut rng);

    let mut items: Vec<&Item> = items_for(bank, form, age).collect();
    items.shuffle(&mut rng);
    // The creator's own comment is pinned on top, as the app would show it.
    items.sort_by_key(|i| i.account.username != creator.handle);

    let mut comments = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let mut filler = SlotFiller::new(corpus, creator, post, item.category);
        let mut spans = item.text.expand(&mut filler, &mut rng);
        for s in spans.iter_mut().filter(|s| s.cue == Some(Cue::Link) && !s.text.trim().contains(' ')) {
            s.link = true;
        }
        let by_creator = item.account.username == creator.handle;
        let author = if by_creator { creator_acc.clone() } else { item.account.clone() };
        let tricks = tricks(item, &spans, &author, &creator_acc);
        let mut cues = profile_cues(&author, &creator_acc);
        if tricks.contains(&Trick::FakePinned) {
            cues.insert(0, ProfileCue::FakePinned);
        }
        let likes = if item.category.is_spam() { rng.random_range(0..6) } else { rng.random_range(1..40) };
        comments.push(Comment {
            id: n as u16 + 1,
            parent: None,
            author,
            spans,
            category: item.category,
            difficulty: item.difficulty,
            likes,
            minutes_ago: rng.random_range(5..2000),
            pinned: by_creator,
            tricks,
            profile_cues: cues,
            tricky: item.tricky,
        });
    }
    let spam = comments.iter().filter(|c| c.is_spam()).count();
    let settings = FeedSettings {
        platform,
        age_band: age,
        difficulty: Difficulty::new(2)?,
        categories: Category::SPAM.to_vec(),
        comment_count: u8::try_from(comments.len()).unwrap_or(u8::MAX),
        spam_percent: u8::try_from(spam * 100 / comments.len().max(1)).unwrap_or(0),
        creator: Some(NEWS_CREATOR.into()),
    };
    Some(Feed {
        lang: corpus.lang,
        seed,
        settings,
        post: Post {
            platform,
            creator_id: creator.id.clone(),
            creator: creator_acc,
            title: post.title.clone(),
            caption: post.caption.clone(),
            scene: post.scene.clone(),
            scene_variant: rng.random(),
            likes: rng.random_range(800..5000),
            views: rng.random_range(20_000..90_000),
            minutes_ago: rng.random_range(60..3000),
        },
        comments,
        lesson: None,
        practice: false,
    })
}

/// An item's avatar: drawn from the kind the bank names, the initials and the username.
pub fn item_avatar(kind: AvatarKind, display_name: &str, username: &str) -> Avatar {
    Avatar { kind, letters: initials(display_name), variant: username.bytes().fold(11u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b))) }
}

/// The disguises an item uses, read from its text and account, for the feedback.
fn tricks(item: &Item, spans: &[Span], author: &Account, creator: &Account) -> Vec<Trick> {
    if !item.category.is_spam() {
        return Vec::new();
    }
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let mut out = Vec::new();
    if text.chars().any(is_lookalike) || author.display_name.chars().any(is_lookalike) {
        out.push(Trick::LookalikeLetters);
    }
    if text.contains(HIDDEN) {
        out.push(Trick::HiddenCharacters);
    }
    if spans.iter().any(|s| s.cue == Some(Cue::Handle)) && !spans.iter().any(|s| s.link) {
        out.push(Trick::HandleInsteadOfLink);
    }
    if author.display_name.contains('📌') {
        out.push(Trick::FakePinned);
    } else if author.display_name.to_lowercase().contains(&creator.display_name.to_lowercase()) {
        out.push(Trick::CopiesCreator);
    }
    out
}
