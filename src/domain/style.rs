//! How a comment is typed, drawn from one distribution for spam and real comments alike.
//!
//! On real platforms the surface of a comment — a capital at the start, everything in lower
//! case, the full stop, "!!", a smiley at the end — says little about whether it is spam. If the
//! templates decided it, spam (written by one hand, carefully) and real comments (written to
//! sound like children) would differ in exactly these habits, and a child could score by
//! learning "capitals = spam". So after a template is expanded, its casing and its ending are
//! redrawn here, without looking at the label.

use super::model::{Cue, Span};
use rand::Rng;
use rand::seq::IndexedRandom;

/// How much of the comment's casing and ending this style may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restyle {
    /// Casing and ending both.
    Full,
    /// Only the ending: for comments whose capitals are the point (an excited fan in caps).
    EndingOnly,
    /// Casing and ending, for a warning: nobody warns of a bot with a smile.
    Warning,
    /// Casing and ending, for a sad, cross or worried comment (`(tone: down)`): no smile after
    /// "rotten day", no thumbs up after "I don't get it".
    Down,
}

/// Emoji added at the end of a comment that had none: mild ones that fit a reaction, a warning
/// and a bot's pitch alike (the templates carry the emoji that say something), and for a
/// question ones that fit a question.
const END_EMOJI: [&str; 5] = ["🙂", "😅", "👀", "👍", "🙂"];
const QUESTION_EMOJI: [&str; 4] = ["🤔", "👀", "😅", "🙂"];
/// For a comment typed in capitals: a fan does not shout and then smile politely.
const EXCITED_EMOJI: [&str; 5] = ["🔥", "😍", "🙌", "💯", "😭"];
const WARNING_EMOJI: [&str; 5] = ["👀", "🙄", "🚩", "⚠️", "😬"];
const DOWN_EMOJI: [&str; 5] = ["😢", "😕", "🥲", "😞", "😭"];
const DOWN_QUESTION_EMOJI: [&str; 3] = ["🤔", "😕", "😬"];

/// The characters the realism measures count as emoji, plus the joiners inside emoji sequences.
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0xFE0F | 0x200D | 0x203C | 0x2049)
}

/// Redraws the casing and the ending of a comment's text. Links are never touched.
pub fn restyle<R: Rng>(spans: &mut Vec<Span>, how: Restyle, rng: &mut R) {
    if spans.is_empty() {
        return;
    }
    if how != Restyle::EndingOnly {
        match rng.random_range(0..100) {
            // all lower case, as many children (and many bots) type
            0..=21 => spans.iter_mut().filter(|s| !s.link).for_each(|s| s.text = lower(&s.text)),
            // only the first letter small
            22..=43 => set_first_letter(spans, false),
            // a capital at the start, and after each full stop
            44..=97 => {
                set_first_letter(spans, true);
                capitalise_sentences(spans);
            }
            // shouting the whole comment
            _ => spans.iter_mut().filter(|s| !s.link).for_each(|s| s.text = shout(&s.text)),
        }
    }
    // A comment typed in capitals has its names in capitals too ("WOW VV DE DIJKVOGELS").
    if how == Restyle::EndingOnly && mostly_capitals(spans) {
        spans.iter_mut().filter(|s| !s.link).for_each(|s| s.text = shout(&s.text));
    }
    // Some people never type emoji, whatever they write about.
    let no_emoji = rng.random_bool(0.3);
    if no_emoji {
        strip_emoji(spans);
    }
    restyle_ending(spans, no_emoji, how, rng);
}

/// Removes the emoji at the start and at the end of a comment, as someone who never types them
/// would write it. Emoji between words stay: there they stand for a word ("type a 🍀").
fn strip_emoji(spans: &mut Vec<Span>) {
    let has_words = |s: &Span| s.link || s.text.chars().any(|c| c.is_alphanumeric());
    if !spans.iter().any(has_words) {
        return;
    }
    let drop = |c: char| is_emoji(c) || matches!(c as u32, 0x1F3FB..=0x1F3FF);
    // the front: whole spans of emoji, then the emoji that open the first span with words
    while spans.first().is_some_and(|s| !has_words(s)) {
        spans.remove(0);
    }
    if let Some(first) = spans.first_mut().filter(|s| !s.link) {
        first.text = first.text.trim_start_matches(|c: char| drop(c) || c.is_whitespace()).to_string();
    }
    // the back, where marks may sit between the words and the emoji ("so cute!! 😍")
    let mut marks = String::new();
    let mut popped = Vec::new();
    while let Some(last) = spans.last()
        && !has_words(last)
    {
        marks.insert_str(0, &last.text.chars().filter(|c| matches!(c, '.' | '!' | '?')).collect::<String>());
        popped.extend(spans.pop());
    }
    if let Some(last) = spans.last_mut().filter(|s| !s.link) {
        let kept = last.text.trim_end_matches(|c: char| drop(c) || c.is_whitespace()).to_string();
        // "my mum seeing this: 😱": the emoji finishes the sentence
        if kept.ends_with(':') {
            spans.extend(popped.into_iter().rev());
            return;
        }
        let tail: String = last.text[kept.len()..].chars().filter(|c| matches!(c, '.' | '!' | '?')).collect();
        last.text = format!("{kept}{tail}{marks}");
    }
}

fn mostly_capitals(spans: &[Span]) -> bool {
    let letters: Vec<char> = spans.iter().filter(|s| !s.link).flat_map(|s| s.text.chars()).filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 6
}

/// A capital after ". ", "! " and "? ", as someone who starts with one writes on; words with
/// an @ or a dot inside (names, addresses) stay as they are.
fn capitalise_sentences(spans: &mut [Span]) {
    let mut after_stop = false;
    for s in spans.iter_mut() {
        if s.link {
            after_stop = false;
            continue;
        }
        let mut out = String::with_capacity(s.text.len());
        let mut word_start = true;
        let mut rest = s.text.chars().peekable();
        while let Some(c) = rest.next() {
            if after_stop && word_start && c.is_alphabetic() {
                let word: String = std::iter::once(c).chain(rest.clone().take_while(|c| !c.is_whitespace())).collect();
                if !word.contains(['@', '.']) || word.ends_with('.') && word.matches('.').count() == 1 {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                after_stop = false;
                word_start = false;
                continue;
            }
            if c.is_whitespace() {
                word_start = true;
            } else {
                if c == '.' && word_start {
                    // " . " is a web address written in pieces ("free-gems . example / claim")
                    after_stop = false;
                } else if matches!(c, '.' | '!' | '?') {
                    // "..." and "?!" end a sentence too; "3.5" does not, as no space follows yet
                    after_stop = rest.peek().is_none_or(|n| n.is_whitespace() || matches!(n, '.' | '!' | '?'));
                } else if !is_emoji(c) {
                    after_stop = false;
                }
                word_start = false;
            }
            out.push(c);
        }
        s.text = out;
    }
}

/// Smileys typed with marks: the words around them change case, they do not (":D", not ":d").
const EMOTICONS: [&str; 13] = [":)", ":(", ";)", ":D", "xD", "XD", "<3", ":P", ":p", ":')", "=)", ":-)", ";-)"];

/// Lower case everywhere but in smileys.
fn lower(text: &str) -> String {
    text.split(' ').map(|w| if EMOTICONS.contains(&w.trim_end_matches(['!', '.', '?'])) { w.to_string() } else { w.to_lowercase() }).collect::<Vec<_>>().join(" ")
}

/// Capitals everywhere but in @names.
fn shout(text: &str) -> String {
    text.split(' ').map(|w| if w.contains('@') { w.to_string() } else { w.to_uppercase() }).collect::<Vec<_>>().join(" ")
}

fn set_first_letter(spans: &mut [Span], upper: bool) {
    let Some(first) = spans.iter_mut().find(|s| !s.text.trim().is_empty()) else { return };
    // a link, an address in pieces or an @name at the start keeps its letters
    if first.link || matches!(first.cue, Some(Cue::Link | Cue::Handle)) {
        return;
    }
    let mut start = first.text.trim_start();
    let mut offset = first.text.len() - start.len();
    let mut word = start.split_whitespace().next().unwrap_or("");
    // "@noor look at this": the tag keeps its letters, the writer's capital goes to the word after
    if word.starts_with('@') {
        let rest = start[word.len()..].trim_start();
        offset = first.text.len() - rest.len();
        start = rest;
        word = start.split_whitespace().next().unwrap_or("");
        // "@vera en @thijs we moeten dit doen": a list of tags is no sentence start
        if ["en", "and", "&", "n", "+"].contains(&word.to_lowercase().as_str()) || start.split_whitespace().nth(1).is_some_and(|w| w.starts_with('@')) {
            return;
        }
    }
    let Some(c) = word.chars().next() else { return };
    // "10/10", "€150", "@noor": a comment that does not open with a letter stays as it is;
    // "POV", "tobyTurbo", "VV De Dijkvogels": a word with capitals after its first letter too
    if !c.is_alphabetic() || word.chars().skip(1).any(char::is_uppercase) || word.contains(['@', '.']) && word.len() > 4 {
        return;
    }
    // "Millbrook Comets", "Orbit Lab": a name of several capitalised words keeps its capital
    let next = start.split_whitespace().nth(1).and_then(|w| w.chars().next());
    if !upper && next.is_some_and(char::is_uppercase) {
        return;
    }
    let changed: String = if upper { c.to_uppercase().collect() } else { c.to_lowercase().collect() };
    first.text.replace_range(offset..offset + c.len_utf8(), &changed);
}

/// Strips the trailing emoji and punctuation, then writes an ending drawn independently of the
/// label: a question keeps its question mark, the rest end in nothing, a full stop or
/// exclamation marks, with or without an emoji.
fn restyle_ending<R: Rng>(spans: &mut Vec<Span>, no_emoji: bool, how: Restyle, rng: &mut R) {
    let want_emoji = !no_emoji && rng.random_bool(0.5);
    let is_tail = |c: char| is_emoji(c) || c.is_whitespace() || matches!(c, '.' | '!' | '?');
    // The trailing emoji and marks may sit in spans of their own (after a cue): gather them.
    let mut tail = String::new();
    while let Some(last) = spans.last()
        && !last.link
        && last.text.chars().all(is_tail)
    {
        tail.insert_str(0, &last.text);
        spans.pop();
    }
    let shouting = mostly_capitals(spans);
    let Some(last) = spans.last_mut() else {
        // nothing but emoji and marks: that is the comment, as it was
        spans.push(Span { text: tail, cue: None, link: false });
        return;
    };
    if last.link {
        let emoji: String = tail.chars().filter(|&c| is_emoji(c)).collect();
        let has_emoji = spans.iter().any(|s| !s.link && s.text.chars().any(is_emoji));
        // after a link, a comment that already has its emoji gets no second one
        if want_emoji && (!emoji.is_empty() || !has_emoji) {
            let pool: &[&str] = if how == Restyle::Down { &DOWN_EMOJI } else { &END_EMOJI };
            let e = if emoji.is_empty() { pool.choose(rng).copied().unwrap_or("🙂").to_string() } else { emoji };
            spans.push(Span { text: format!(" {e}"), cue: None, link: false });
        }
        return;
    }
    let whole = format!("{}{tail}", last.text);
    let text = whole.trim_end();
    let body = text.trim_end_matches(|c: char| is_emoji(c) || c.is_whitespace());
    let kept_emoji: String = text[body.len()..].chars().filter(|c| !c.is_whitespace()).collect();
    let bare = body.trim_end_matches(['.', '!', '?', ' ']);
    // Endings that are part of the words stay as written: a smiley typed as ":)" or "<3", an
    // emoji that finishes the sentence ("my mum seeing this: 😱"), a trailing "..." that means
    // something left unsaid.
    let meaningful = EMOTICONS.iter().any(|e| bare.ends_with(e))
        || (bare.ends_with(':') && !kept_emoji.is_empty())
        || body.ends_with("...");
    if bare.is_empty() || meaningful {
        if !tail.is_empty() {
            spans.push(Span { text: tail, cue: None, link: false });
        }
        return;
    }
    let question = body.trim_end_matches(['.', '!', ' ']).ends_with('?');
    let mark = if question {
        if rng.random_bool(0.25) { "??" } else { "?" }
    } else {
        *[("", 40), (".", 15), ("!", 25), ("!!", 14), ("!!!", 6)]
            .choose_weighted(rng, |m| m.1)
            .map(|m| &m.0)
            .unwrap_or(&"")
    };
    let in_cue = last.cue.is_some();
    last.text = format!("{bare}{mark}");
    if want_emoji {
        let pool: &[&str] = match (how, mark.starts_with('?')) {
            (Restyle::Down, true) => &DOWN_QUESTION_EMOJI,
            (Restyle::Down, false) => &DOWN_EMOJI,
            (_, true) => &QUESTION_EMOJI,
            (Restyle::Warning, false) => &WARNING_EMOJI,
            _ if shouting => &EXCITED_EMOJI,
            _ => &END_EMOJI,
        };
        let e = if kept_emoji.is_empty() { pool.choose(rng).copied().unwrap_or("🙂").to_string() } else { kept_emoji };
        if in_cue {
            // the highlighted cue stays the words; the emoji after it is not part of the clue
            spans.push(Span { text: format!(" {e}"), cue: None, link: false });
        } else {
            last.text.push(' ');
            last.text.push_str(&e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn span(text: &str) -> Span {
        Span { text: text.into(), cue: None, link: false }
    }

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn links_keep_their_letters_and_their_place_at_the_end() {
        for seed in 0..200 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut spans = vec![span("Claim it here "), Span { text: "https://Win.example/GO".into(), cue: None, link: true }];
            restyle(&mut spans, Restyle::Full, &mut rng);
            assert_eq!(spans[1].text, "https://Win.example/GO");
        }
    }

    #[test]
    fn a_link_written_in_pieces_keeps_its_small_letters() {
        let mut spans = vec![span("Go. claim it at prize-claim . example / gift now. thanks")];
        capitalise_sentences(&mut spans);
        assert_eq!(text(&spans), "Go. Claim it at prize-claim . example / gift now. Thanks");
    }

    #[test]
    fn the_words_stay_and_only_case_and_ending_change() {
        for seed in 0..300 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut spans = vec![span("Wow, I love the cake!! 😍😍")];
            restyle(&mut spans, Restyle::Full, &mut rng);
            let t = text(&spans).to_lowercase();
            assert!(t.starts_with("wow, i love the cake"), "{t}");
            let rest = t.trim_start_matches("wow, i love the cake");
            assert!(rest.chars().all(|c| ".!? ".contains(c) || is_emoji(c)), "{t}");
        }
    }

    #[test]
    fn capitals_and_endings_are_mixed_over_many_comments() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let (mut upper, mut emoji, n) = (0, 0, 1000);
        for _ in 0..n {
            let mut spans = vec![span("you won a prize")];
            restyle(&mut spans, Restyle::Full, &mut rng);
            let t = text(&spans);
            upper += usize::from(t.starts_with('Y'));
            emoji += usize::from(t.chars().last().is_some_and(is_emoji));
        }
        assert!((450..650).contains(&upper), "{upper}");
        assert!((290..420).contains(&emoji), "{emoji}");
    }

    #[test]
    fn an_emoji_after_a_cue_counts_as_the_ending() {
        for seed in 0..100 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut spans = vec![
                Span { text: "DM me now".into(), cue: Some(super::super::model::Cue::PrivateChat), link: false },
                span(" 🎁🎁"),
            ];
            restyle(&mut spans, Restyle::Full, &mut rng);
            let t = text(&spans);
            assert!(t.to_lowercase().starts_with("dm me now"), "{t}");
            assert!(!t.contains("🎁 ") && t.matches('🎁').count().is_multiple_of(2), "{t}");
        }
    }

    #[test]
    fn a_tagged_name_at_the_start_keeps_its_case() {
        let mut capital_after = 0;
        for seed in 0..50 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut spans = vec![span("@unicorn.kim look at this")];
            restyle(&mut spans, Restyle::Full, &mut rng);
            assert!(text(&spans).to_lowercase().starts_with("@unicorn.kim"));
            assert!(!text(&spans).starts_with("@U"), "{}", text(&spans));
            capital_after += usize::from(text(&spans).starts_with("@unicorn.kim Look"));
        }
        // the writer's capital goes to the word after the tag, as often as to any first word
        assert!((10..=40).contains(&capital_after), "{capital_after} of 50 capitalised the word after the tag");
    }

    #[test]
    fn two_tags_joined_by_and_get_no_capital_in_between() {
        for seed in 0..50 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            for line in ["@vera en @thijs we moeten dit doen", "@maya and @leo look"] {
                let mut spans = vec![span(line)];
                restyle(&mut spans, Restyle::Full, &mut rng);
                let t = text(&spans);
                assert!(!t.contains(" En @") && !t.contains(" And @"), "{t}");
            }
        }
    }

    #[test]
    fn a_comment_of_only_emoji_and_endings_that_mean_something_stay() {
        for seed in 0..100 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            for original in ["😍😍😍", "my mum seeing this: 😱", "and then... ", "numbers first: 10/10 would watch"] {
                let mut spans = vec![span(original)];
                restyle(&mut spans, Restyle::Full, &mut rng);
                let t = text(&spans);
                assert!(!t.trim().is_empty(), "{original}");
                if original.contains(':') && original.ends_with('😱') {
                    assert!(t.ends_with(": 😱"), "{t}");
                }
            }
        }
    }

    #[test]
    fn a_comment_that_opens_with_a_number_keeps_its_first_word() {
        for seed in 0..100 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut spans = vec![span("10000 views already, tobyTurbo fans")];
            restyle(&mut spans, Restyle::Full, &mut rng);
            let t = text(&spans);
            assert!(t.starts_with("10000 views") || t.starts_with("10000 VIEWS"), "{t}");
        }
    }

    #[test]
    fn a_sad_comment_ends_sad_or_worried_and_never_with_a_grin() {
        let happy: Vec<char> = END_EMOJI.iter().chain(&EXCITED_EMOJI).flat_map(|e| e.chars()).filter(|c| !DOWN_EMOJI.concat().contains(*c) && !DOWN_QUESTION_EMOJI.concat().contains(*c)).collect();
        let mut emoji = 0;
        for seed in 0..300 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            for original in ["my cat is ill", "why does nobody get it?", "lost my account here "] {
                let mut spans = vec![span(original)];
                if original.starts_with("lost") {
                    spans.push(Span { text: "https://club.example/help".into(), cue: None, link: true });
                }
                restyle(&mut spans, Restyle::Down, &mut rng);
                let t = text(&spans);
                assert!(!t.chars().any(|c| happy.contains(&c)), "{t}");
                emoji += usize::from(t.chars().any(is_emoji));
            }
        }
        assert!(emoji > 200, "only {emoji} sad comments of 900 got an emoji");
    }

    #[test]
    fn emoji_between_words_stay_when_the_writer_types_none_at_the_ends() {
        let mut spans = vec![span("😍 type a 🍀 if you read this!! 🙏🙏")];
        strip_emoji(&mut spans);
        assert_eq!(text(&spans), "type a 🍀 if you read this!!");
    }

    #[test]
    fn a_writer_who_starts_with_a_capital_starts_every_sentence_with_one() {
        let mut spans = vec![span("great video. my dog did this too! see @noor.kat for pics. 3.5 stars")];
        capitalise_sentences(&mut spans);
        assert_eq!(text(&spans), "great video. My dog did this too! See @noor.kat for pics. 3.5 stars");
    }

    #[test]
    fn smileys_keep_their_letters_and_take_no_ending() {
        for seed in 0..200 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut spans = vec![span("Haha :D this is so good :')")];
            restyle(&mut spans, Restyle::Full, &mut rng);
            let t = text(&spans);
            assert!(t.contains(":D") && t.ends_with(":')"), "{t}");
        }
    }

    #[test]
    fn a_fan_shouting_in_capitals_shouts_the_names_too() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut spans = vec![span("WOW "), span("VV De Dijkvogels"), span(" IS THE BEST")];
        restyle(&mut spans, Restyle::EndingOnly, &mut rng);
        assert!(text(&spans).starts_with("WOW VV DE DIJKVOGELS IS THE BEST"), "{}", text(&spans));
    }

    #[test]
    fn caps_stay_when_only_the_ending_may_change() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let mut spans = vec![span("FIRST!!! OMG 😍")];
        restyle(&mut spans, Restyle::EndingOnly, &mut rng);
        assert!(text(&spans).starts_with("FIRST!!! OMG"));
    }
}
