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
    /// The creator and caption of the post it is under, so a reader can see whether it fits.
    pub creator: String,
    pub caption: String,
    /// The text of the comment it answers, for a reply.
    pub parent: Option<String>,
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
        let caption = feed.post.title.clone().map_or(feed.post.caption.clone(), |t| format!("{t} — {}", feed.post.caption));
        for comment in &feed.comments {
            if out.len() < count {
                let parent = comment.parent.and_then(|p| feed.comments.iter().find(|c| c.id == p)).map(Comment::text);
                out.push(Sample {
                    settings: settings.clone(),
                    comment: comment.clone(),
                    creator: feed.post.creator.display_name.clone(),
                    caption: caption.clone(),
                    parent,
                });
            }
        }
    }
    out
}
