//! The accounts behind comments. Spam and real accounts are drawn from different but
//! overlapping distributions (after the InstaFake figures in PRODUCT.md §2), so the profile is a
//! real clue but not a perfect one.

use super::corpus::{Corpus, CreatorDef};
use super::model::{Account, AgeBand, Avatar, AvatarKind, Category, ProfileCue};
use super::slots::SlotFiller;
use super::template::{Template, of_kind};
use rand::Rng;
use rand::seq::IndexedRandom;

/// A sample from a log-normal distribution with the given median; `spread` is its sigma.
pub fn lognormal<R: Rng>(rng: &mut R, median: f64, spread: f64) -> u32 {
    // Box–Muller: two uniforms give one standard normal.
    let u1: f64 = rng.random_range(f64::EPSILON..1.0);
    let u2: f64 = rng.random();
    let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
    (median * (spread * z).exp()).round().clamp(0.0, 50_000_000.0) as u32
}

fn pick<'a, R: Rng>(items: &'a [String], rng: &mut R) -> &'a str {
    items.choose(rng).map(String::as_str).unwrap_or("")
}

/// Lower case, accents folded, only `a-z 0-9 . _`, at most 24 characters.
pub fn username_safe(s: &str) -> String {
    let mut out = String::new();
    for c in s.to_lowercase().chars() {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            ' ' | '-' => '_',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_' {
            out.push(c);
        }
    }
    let out = out.trim_matches(|c| c == '.' || c == '_');
    if out.len() <= 24 {
        return out.to_string();
    }
    // too long: cut at the last separator that fits, never in the middle of a word
    let head = &out[..24];
    match head.rfind(['.', '_']) {
        Some(at) if at >= 8 => head[..at].to_string(),
        _ => head.to_string(),
    }
}

pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .collect::<String>()
        .to_uppercase()
}

fn expand_text<R: Rng>(t: &Template, filler: &mut SlotFiller, rng: &mut R) -> String {
    t.expand(filler, rng).into_iter().map(|s| s.text).collect::<String>().trim().to_string()
}

fn digits<R: Rng>(rng: &mut R, min: u32, max: u32) -> String {
    rng.random_range(min..=max).to_string()
}

/// The creator's own account.
pub fn creator_account<R: Rng>(def: &CreatorDef, rng: &mut R) -> Account {
    let classmate = !def.verified;
    Account {
        username: def.handle.clone(),
        display_name: def.name.clone(),
        avatar: Avatar {
            kind: AvatarKind::Initial,
            letters: initials(&def.name),
            variant: def.id.bytes().fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32)),
        },
        age_days: rng.random_range(900..3200),
        posts: if classmate { rng.random_range(12..60) } else { rng.random_range(150..1400) },
        followers: if classmate { rng.random_range(40..260) } else { lognormal(rng, 60_000.0, 0.8) },
        following: rng.random_range(40..400),
        bio: def.bio.clone(),
        bio_link: None,
        verified: def.verified,
        is_creator: true,
    }
}

/// A child's username made of a first name and a hobby word, as real children's accounts are
/// (`noor.paardje`, `kart_milo`); one in nine has digits (InstaFake: 11% of real accounts).
pub fn child_username<R: Rng>(first: &str, word: &str, rng: &mut R) -> String {
    let base = match rng.random_range(0..5) {
        0 => format!("{first}{word}"),
        1 => format!("{word}_{first}"),
        2 => format!("{first}.{word}"),
        3 => format!("{word}.{first}"),
        _ => format!("{first}_{word}"),
    };
    let mut username = username_safe(&base);
    if rng.random_bool(0.11) {
        username.push_str(&digits(rng, 1, 99));
    }
    username
}

/// A real child's or fan's account.
/// Its first name is none of `taken`: a viewer warning under "Omar got mine back" is not Omar.
pub fn legit_account<R: Rng>(corpus: &Corpus, age: AgeBand, taken: &[String], filler: &mut SlotFiller, rng: &mut R) -> Account {
    let first = free_name(corpus, taken, rng);
    let word = pick(&corpus.words, rng).to_string();
    let username = child_username(&first, &word, rng);
    let display_name = match rng.random_range(0..4) {
        0 => format!("{first} {}", initials(&word)),
        1 => username.clone(),
        _ => first.clone(),
    };
    let bio = if rng.random_bool(0.3) {
        String::new()
    } else {
        // "groep 8" is no bio for a child of 9
        let fitting: Vec<&Template> = corpus.bio_legit.iter().filter(|t| t.fits(&filler.post.tags, age)).collect();
        // "twin with Milan" is never Milan's own bio
        let mut bio = String::new();
        for _ in 0..4 {
            bio = fitting.choose(rng).map(|t| expand_text(t, filler, rng)).unwrap_or_default();
            if !names(&bio, &first) {
                break;
            }
        }
        bio
    };
    let avatar_kind = match rng.random_range(0..100) {
        0 => AvatarKind::Blank,
        1..=40 => AvatarKind::Animal,
        41..=75 => AvatarKind::Initial,
        _ => AvatarKind::Pattern,
    };
    Account {
        avatar: Avatar { kind: avatar_kind, letters: initials(&first), variant: rng.random() },
        age_days: if rng.random_bool(0.1) { rng.random_range(3..30) } else { 30 + lognormal(rng, 480.0, 0.7) },
        posts: if rng.random_bool(0.042) { 0 } else { 1 + lognormal(rng, 38.0, 1.0) },
        followers: lognormal(rng, 345.0, 1.0),
        following: lognormal(rng, 260.0, 0.7),
        bio_link: (!bio.is_empty() && rng.random_bool(0.08)).then(|| filler.legit_link(rng)),
        bio,
        username,
        display_name,
        verified: false,
        is_creator: false,
    }
}

/// A spam account of the given category, and of the kind of scam its comment is.
/// `points_to_bio`: the comment sends the reader to the bio ("the form is in my bio"), so the
/// account has one.
pub fn spam_account<R: Rng>(corpus: &Corpus, category: Category, age: AgeBand, points_to_bio: bool, filler: &mut SlotFiller, rng: &mut R) -> Account {
    let from = |table: &std::collections::HashMap<Category, Vec<Template>>, filler: &mut SlotFiller, rng: &mut R| {
        let mut fitting = table.get(&category).map(|ts| of_kind(ts, &filler.memory.kind)).unwrap_or_default();
        // a bio for 12-14 never reaches a younger child, a "{creator} team" only its creators
        let tags = &filler.post.tags;
        if fitting.iter().any(|t| t.fits(tags, age)) {
            fitting.retain(|t| t.fits(tags, age));
        }
        fitting.choose(rng).map(|t| expand_text(t, filler, rng)).unwrap_or_default()
    };
    let mut username = username_safe(&from(&corpus.username, filler, rng));
    if username.len() < 3 {
        username = username_safe(pick(&corpus.first_names, rng));
    }
    if rng.random_bool(0.55) {
        username.push_str(&digits(rng, 100, 9999));
    }
    // "Winactie NL" as @officieel.bakkenmetbas: the name and the handle tell one story, the
    // creator's or their own
    let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let poses = letters(&username).contains(&letters(&filler.creator.handle));
    let names_creator = |name: &str| name.to_lowercase().contains(&filler.creator.name.to_lowercase());
    let mut display_name = from(&corpus.display_name, filler, rng);
    for _ in 0..6 {
        if display_name.is_empty() || names_creator(&display_name) == poses {
            break;
        }
        display_name = from(&corpus.display_name, filler, rng);
    }
    // a kind whose names all say the creator's (or none does): the handle follows the name
    if !display_name.is_empty() && names_creator(&display_name) != poses {
        username = if poses { format!("{}{}", username_safe(pick(&corpus.first_names, rng)), digits(rng, 100, 9999)) } else { lookalike_username(&filler.creator.handle, rng) };
    }
    let bio = if !points_to_bio && rng.random_bool(0.5) { String::new() } else { from(&corpus.bio_spam, filler, rng) };
    // a bio that says "link below 👇" has the link
    let announces_link = bio.to_lowercase().contains("link") || bio.contains('👇');
    // and a comment that sends the reader to the bio finds the link there
    let bio_link = (!bio.is_empty() && (announces_link || points_to_bio || rng.random_bool(0.7))).then(|| filler.link(rng));
    let display_name = if display_name.is_empty() { username.clone() } else { display_name };
    let mut account = with_spam_numbers(display_name, username, bio, bio_link, rng);
    // "watch my new video", "pics on my page": there is something to see
    if matches!(category, Category::SelfPromo | Category::AdultBot) && account.posts == 0 {
        account.posts = rng.random_range(1..12);
    }
    account
}

/// An impersonator's username: the creator's handle with a little added (`theo.draws_official`,
/// `theo_draws.backup`, `theodraws2291`).
pub fn lookalike_username<R: Rng>(handle: &str, rng: &mut R) -> String {
    let base = match rng.random_range(0..3) {
        0 => handle.to_string(),
        1 => handle.replace('.', "_"),
        _ => handle.replace(['.', '_'], ""),
    };
    let suffix = ["_official", ".official", "_team", ".team", "_giveaway", ".backup", "_real", "__"];
    match rng.random_range(0..10) {
        0..=6 => format!("{base}{}", suffix[rng.random_range(0..suffix.len())]),
        _ => format!("{base}{}", digits(rng, 10, 9999)),
    }
}

/// A bot that backs up a spam comment from under it ("got mine!"): it poses as an ordinary
/// happy viewer, so it wears a plain first name and no sales bio, but has a spam account's
/// numbers (new, no posts, following many).
/// Its first name is none of `taken` (names the thread already holds).
pub fn chain_bot_account<R: Rng>(corpus: &Corpus, taken: &[String], rng: &mut R) -> Account {
    let first = free_name(corpus, taken, rng);
    let sep = ["", "_", "."][rng.random_range(0..3)];
    let username = format!("{}{sep}{}", username_safe(&first), digits(rng, 10, 9999));
    let display_name = match rng.random_range(0..3) {
        0 => username.clone(),
        1 => format!("{first} {}", char::from(b'A' + rng.random_range(0..26u8))),
        _ => first,
    };
    with_spam_numbers(display_name, username, String::new(), None, rng)
}

/// A first name that none of `taken` holds.
fn free_name<R: Rng>(corpus: &Corpus, taken: &[String], rng: &mut R) -> String {
    let free: Vec<&String> = corpus.first_names.iter().filter(|n| !taken.iter().any(|t| names(t, n))).collect();
    free.choose(rng).map(|n| n.to_string()).unwrap_or_else(|| pick(&corpus.first_names, rng).to_string())
}

/// Whether `text` (a display name, a username) holds the first name `name` as a word.
fn names(text: &str, name: &str) -> bool {
    let name = username_safe(name);
    username_safe(text).split(|c: char| !c.is_ascii_lowercase()).any(|w| w == name)
}

fn with_spam_numbers<R: Rng>(display_name: String, username: String, bio: String, bio_link: Option<String>, rng: &mut R) -> Account {
    let avatar_kind = match rng.random_range(0..100) {
        0..=39 => AvatarKind::Blank,
        40..=69 => AvatarKind::Pattern,
        70..=84 => AvatarKind::Initial,
        _ => AvatarKind::Animal,
    };
    Account {
        avatar: Avatar { kind: avatar_kind, letters: initials(&display_name), variant: rng.random() },
        age_days: if rng.random_bool(0.75) { rng.random_range(0..30) } else { 30 + lognormal(rng, 150.0, 0.8) },
        posts: if rng.random_bool(0.575) { 0 } else { rng.random_range(1..16) },
        followers: lognormal(rng, 30.0, 1.2),
        following: lognormal(rng, 1100.0, 0.8),
        bio_link,
        display_name,
        username,
        bio,
        verified: false,
        is_creator: false,
    }
}

/// The profile fields that look like a spam account's.
pub fn profile_cues(a: &Account, creator: &Account) -> Vec<ProfileCue> {
    if a.is_creator {
        return Vec::new();
    }
    let mut cues = Vec::new();
    let mut flag = |on: bool, cue| {
        if on {
            cues.push(cue)
        }
    };
    flag(a.display_name.to_lowercase().contains(&creator.display_name.to_lowercase()), ProfileCue::CopiesCreator);
    flag(a.age_days < 30, ProfileCue::NewAccount);
    flag(a.posts == 0, ProfileCue::NoPosts);
    flag(a.username.chars().filter(char::is_ascii_digit).count() >= 3, ProfileCue::DigitsInName);
    flag(a.followers < 50, ProfileCue::FewFollowers);
    flag(a.following > 1000 && a.following > 5 * a.followers, ProfileCue::FollowsMany);
    flag(a.bio.is_empty(), ProfileCue::EmptyBio);
    flag(a.bio_link.is_some(), ProfileCue::BioLink);
    flag(a.avatar.kind == AvatarKind::Blank, ProfileCue::NoAvatar);
    cues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_folded_to_safe_characters() {
        assert_eq!(username_safe("Zoë de Vries!"), "zoe_de_vries");
        assert_eq!(username_safe("__Noah.__"), "noah");
    }

    #[test]
    fn a_name_is_found_as_a_word_of_a_display_name_or_username() {
        assert!(names("Coach Zoë ✨", "Zoe"));
        assert!(names("mila_2291", "Mila"));
        assert!(!names("Milan", "Mila"));
    }
}
