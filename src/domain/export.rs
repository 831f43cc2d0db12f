//! Many generated comments at once, for measuring realism (`feedwise export-comments`).

use super::corpus::Corpus;
use super::generator::{FeedRng, generate};
use super::model::{AgeBand, Comment, Difficulty, FeedSettings, Platform};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

/// A generated comment with the settings of the feed it came from.
pub struct Sample {
    pub settings: FeedSettings,
    pub comment: Comment,
}

/// `count` comments from feeds drawn with `seed`; age band and difficulty are mixed unless given.
pub fn sample_comments(
    corpus: &Corpus,
    count: usize,
    seed: u64,
    age_band: Option<AgeBand>,
    difficulty: Option<Difficulty>,
) -> Vec<Sample> {
    let mut rng = FeedRng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let age = age_band.unwrap_or_else(|| *AgeBand::ALL.choose(&mut rng).unwrap_or(&AgeBand::Age10To12));
        let level = difficulty.unwrap_or_else(|| *Difficulty::ALL.choose(&mut rng).unwrap_or(&Difficulty::ALL[1]));
        let platform = *Platform::ALL.choose(&mut rng).unwrap_or(&Platform::Photo);
        let mut settings = FeedSettings::home(platform, age, level);
        settings.comment_count = 20;
        let feed = generate(corpus, &settings, rng.random());
        for comment in feed.comments {
            if out.len() < count {
                out.push(Sample { settings: settings.clone(), comment });
            }
        }
    }
    out
}
