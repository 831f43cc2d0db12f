//! The disguises difficulty-3 spam uses against automatic filters: look-alike letters from
//! another alphabet and invisible characters inside the words that give it away.

use super::model::{Cue, Span, Trick};
use rand::Rng;

/// Latin letters and the Cyrillic letters that look the same.
const LOOKALIKES: [(char, char); 8] = [
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('c', 'с'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('i', 'і'),
];

/// A zero-width space: invisible, but it splits a word for a filter.
pub const HIDDEN: char = '\u{200B}';

pub fn is_lookalike(c: char) -> bool {
    LOOKALIKES.iter().any(|&(_, fake)| fake == c)
}

/// Disguises the cue spans (not links, which must stay readable as addresses) and returns the
/// tricks used.
pub fn disguise<R: Rng>(spans: &mut [Span], rng: &mut R) -> Vec<Trick> {
    let mut tricks = Vec::new();
    let lookalike = rng.random_bool(0.6);
    let hidden = rng.random_bool(if lookalike { 0.3 } else { 0.7 });
    let mut used_lookalike = false;
    let mut used_hidden = false;
    // Addresses stay readable, also when written in pieces: they are never disguised.
    for span in spans.iter_mut().filter(|s| s.cue.is_some_and(|c| c != Cue::Link) && !s.link) {
        let mut out = String::with_capacity(span.text.len() + 8);
        let mut in_word = 0;
        for c in span.text.chars() {
            let swapped = match LOOKALIKES.iter().find(|&&(latin, _)| latin == c) {
                Some(&(_, fake)) if lookalike && rng.random_bool(0.45) => {
                    used_lookalike = true;
                    fake
                }
                _ => c,
            };
            if c.is_alphabetic() {
                in_word += 1;
                if hidden && in_word == 3 && rng.random_bool(0.6) {
                    out.push(HIDDEN);
                    used_hidden = true;
                }
            } else {
                in_word = 0;
            }
            out.push(swapped);
        }
        span.text = out;
    }
    if used_lookalike {
        tricks.push(Trick::LookalikeLetters);
    }
    if used_hidden {
        tricks.push(Trick::HiddenCharacters);
    }
    tricks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Cue;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn disguise_changes_cues_but_never_links_or_plain_text() {
        let mut any = false;
        for seed in 0..50 {
            let mut spans = vec![
                Span { text: "hello ".into(), cue: None, link: false },
                Span { text: "check my profile to claim".into(), cue: Some(Cue::ProfileBait), link: false },
                Span { text: "https://x.example/claim".into(), cue: Some(Cue::Link), link: true },
            ];
            let tricks = disguise(&mut spans, &mut ChaCha8Rng::seed_from_u64(seed));
            assert_eq!(spans[0].text, "hello ");
            assert_eq!(spans[2].text, "https://x.example/claim");
            if !tricks.is_empty() {
                any = true;
                assert_ne!(spans[1].text, "check my profile to claim");
            }
        }
        assert!(any);
    }
}
