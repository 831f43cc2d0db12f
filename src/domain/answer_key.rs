//! What a test round's page may carry. A child can open a page's source, so on the pre-test and
//! the post-test the browser gets every comment as it looks, never what it is: no category, no
//! cue, no trick, no profile cue, no reason why a real comment looks odd. The server keeps the
//! whole feed and scores the answers (the results page, the answers endpoint).

use super::model::{Category, Feed, Span};

/// Whether the feed is a test (pre-test or post-test): its page holds no answer key.
pub fn is_test(feed: &Feed) -> bool {
    feed.lesson.as_ref().is_some_and(|l| l.kind.is_test())
}

/// The feed without its answer key: the same comments (ids, threads, text, links, accounts,
/// likes, times), each one marked as a real comment at the round's level, with no cue on any
/// word and no tricks, profile cues or "why it is fine"; the settings name no kinds of spam.
pub fn without_answer_key(feed: &Feed) -> Feed {
    let mut blind = feed.clone();
    blind.settings.categories.clear();
    for c in &mut blind.comments {
        c.category = Category::Legit;
        c.difficulty = feed.settings.difficulty;
        c.tricks.clear();
        c.profile_cues.clear();
        c.tricky = None;
        c.spans = plain_spans(std::mem::take(&mut c.spans));
    }
    blind
}

/// The text without its cues, in as few runs as its links allow: where a run ended would show
/// where a highlighted cue was.
fn plain_spans(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if !last.link && !s.link => last.text.push_str(&s.text),
            _ => out.push(Span { cue: None, ..s }),
        }
    }
    out
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::corpus::Corpus;
    use crate::domain::generator::generate;
    use crate::domain::model::{AgeBand, Difficulty, FeedSettings, Lang, Platform};

    #[test]
    fn a_feed_without_its_answer_key_looks_the_same_and_says_nothing_about_spam() {
        let settings = FeedSettings::home(Platform::Photo, AgeBand::Age12To14, Difficulty::new(3).unwrap());
        let feed = generate(Corpus::builtin(Lang::En).unwrap(), &settings, 4);
        assert!(feed.comments.iter().any(|c| c.is_spam() && !c.cues().is_empty()), "the feed has spam with cues to hide");
        let blind = without_answer_key(&feed);
        assert_eq!(blind.comments.len(), feed.comments.len());
        for (b, c) in blind.comments.iter().zip(&feed.comments) {
            assert_eq!((b.id, b.parent, &b.author, b.text(), b.likes, b.pinned), (c.id, c.parent, &c.author, c.text(), c.likes, c.pinned));
            assert_eq!(b.links().collect::<Vec<_>>(), c.links().collect::<Vec<_>>(), "links stay links");
            assert!(b.spans.windows(2).all(|w| w[0].link || w[1].link), "runs of plain text are merged: {:?}", b.spans);
            assert!(!b.is_spam() && b.cues().is_empty() && b.tricks.is_empty() && b.profile_cues.is_empty() && b.tricky.is_none());
            assert_eq!(b.difficulty, settings.difficulty);
        }
        assert!(blind.settings.categories.is_empty());
        let json = serde_json::to_string(&blind).unwrap();
        for cat in Category::SPAM {
            assert!(!json.contains(&format!("\"{}\"", cat.id())), "{} in {json}", cat.id());
        }
        assert!(!json.contains("\"cue\""));
    }
}
