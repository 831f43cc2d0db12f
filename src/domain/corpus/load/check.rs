//! The checks that run once the corpus files are read: every slot is known, real comments carry
//! no cues, template headers leave every post and age band enough to draw from, and every kind
//! of scam a reply or an account names exists.

use super::{CorpusError, RawAccounts, RawComments, RawSpamEntry, Source};
use crate::domain::corpus::{BUILTIN_SLOTS, Corpus, SpamSection};
use crate::domain::model::{AgeBand, Category};
use std::collections::HashSet;
use crate::domain::template::Template;

/// Every `{slot}` must be built in or a list; legit texts carry no cues.
pub(super) fn check_slots(
    corpus: &Corpus,
    comments_src: &Source,
    raw_comments: &RawComments,
    accounts_src: &Source,
    raw_accounts: &RawAccounts,
) -> Result<(), CorpusError> {
    let known = |s: &str| BUILTIN_SLOTS.contains(&s) || corpus.lists.contains_key(s);
    if !corpus.lists.contains_key("messenger") {
        return Err(comments_src.error(0, "[lists] needs a 'messenger' list (fictional chat apps)"));
    }
    let mut comment_texts: Vec<&String> = raw_comments.lists.values().flatten().collect();
    comment_texts.extend(raw_comments.legit.values().flatten());
    comment_texts.extend(raw_comments.tricky.values().flatten());
    comment_texts.extend(spam_texts(raw_comments));
    for text in comment_texts {
        check_one(comments_src, text, &known)?;
    }
    for text in raw_comments.legit.values().chain(raw_comments.tricky.values()).flatten() {
        if Template::parse(text).map(|t| t.has_cue()).unwrap_or(false) {
            return Err(comments_src.error(comments_src.line_of(text), format!("a legitimate comment has no cues: {text}")));
        }
    }
    let account_texts = raw_accounts
        .bio
        .values()
        .chain(raw_accounts.display_name.values())
        .chain(raw_accounts.username.values())
        .flatten();
    for text in account_texts {
        check_one(accounts_src, text, &known)?;
    }
    Ok(())
}

/// Every spam template of the comments file, in every section and variant.
fn spam_texts(raw: &RawComments) -> Vec<&String> {
    let sections = raw.spam.values().flat_map(|entry| match entry {
        RawSpamEntry::Section(s) => vec![s],
        RawSpamEntry::Variants(v) => v.values().collect(),
    });
    sections.flat_map(|s| s.d1.iter().chain(&s.d2).chain(&s.d3).chain(&s.replies).chain(&s.under_viewer)).collect()
}

fn check_one(src: &Source, text: &str, known: &impl Fn(&str) -> bool) -> Result<(), CorpusError> {
    let t = Template::parse(text).map_err(|e| src.error(src.line_of(text), format!("{e}: {text}")))?;
    if let Some(slot) = t.slots().into_iter().find(|s| !known(s)) {
        return Err(src.error(src.line_of(text), format!("unknown slot {{{slot}}} (not built in and not in [lists]): {text}")));
    }
    Ok(())
}

/// `(for: …)` names only creators and post tags that exist; `(age: …)` never leaves an age band
/// without a spam template, and every list keeps templates that fit under any post.
pub(super) fn check_headers(corpus: &Corpus, src: &Source, raw: &RawComments) -> Result<(), CorpusError> {
    let known: std::collections::HashSet<&str> =
        corpus.creators.iter().flat_map(|c| c.posts.iter().flat_map(|p| p.tags.iter().map(String::as_str))).collect();
    let mut texts: Vec<&String> = raw.legit.values().chain(raw.tricky.values()).flatten().collect();
    texts.extend(spam_texts(raw));
    for text in texts {
        let t = Template::parse(text).map_err(|e| src.error(src.line_of(text), format!("{e}: {text}")))?;
        if let Some(tag) = t.tags.iter().find(|tag| !known.contains(tag.as_str())) {
            return Err(src.error(src.line_of(text), format!("(for: {tag}) is neither a creator id nor a tag of any post: {text}")));
        }
    }
    let mut keys: Vec<&String> = corpus.spam.keys().collect();
    keys.sort();
    for key in keys {
        let section = &corpus.spam[key];
        for (i, level) in section.by_difficulty.iter().enumerate() {
            for age in AgeBand::ALL {
                if !level.iter().any(|t| t.tags.is_empty() && t.fits(&[], age)) {
                    return Err(src.error(
                        src.line_of(key.rsplit('.').next().unwrap_or(key)),
                        format!("spam.{key}.d{} has no template without (for: …) for ages {}", i + 1, age.id()),
                    ));
                }
            }
        }
    }
    let mut lists: Vec<(&String, &Vec<Template>)> = corpus.legit.iter().collect();
    lists.sort_by_key(|(k, _)| *k);
    for (kind, list) in lists {
        if !list.iter().any(|t| t.tags.is_empty() && t.ages.is_empty()) {
            return Err(src.error(src.line_of(kind), format!("legit.{kind} needs templates without (for: …) or (age: …)")));
        }
    }
    for (kind, list) in &corpus.tricky {
        if !list.iter().any(|t| t.tags.is_empty() && t.ages.is_empty()) {
            return Err(src.error(0, format!("tricky.{kind:?} needs templates without (for: …) or (age: …)")));
        }
    }
    Ok(())
}

/// `(kind: …)` sorts one category's spam into kinds of scam: every kind a reply, an account or a
/// link word names must be one its comments have, every such list keeps items of the usual kind
/// to fall back on, and real comments have no kinds.
pub(super) fn check_kinds(corpus: &Corpus, comments_src: &Source, accounts_src: &Source) -> Result<(), CorpusError> {
    let named = |src: &Source, kind: &str, message: String| src.error(src.line_of(&format!("(kind: {kind})")), message);
    // real comments have no kind, but a warning under one kind of scam may say so
    let warnings = |key: &str| key.strip_prefix("warn_").is_some_and(|c| Category::SPAM.iter().any(|s| s.id() == c));
    let plain = corpus.legit.iter().filter(|(key, _)| !warnings(key)).flat_map(|(_, l)| l);
    if let Some(t) = plain.chain(corpus.tricky.values().flatten()).find(|t| t.kind.is_some()) {
        return Err(named(comments_src, t.kind(), format!("real comments have no (kind: {}): only spam and warnings do", t.kind())));
    }
    for category in Category::SPAM {
        let sections: Vec<&SpamSection> = corpus
            .spam
            .iter()
            .filter(|(key, _)| key.split('.').next() == Some(category.id()))
            .map(|(_, s)| s)
            .collect();
        let comments = sections.iter().flat_map(|s| s.by_difficulty.iter().flatten().chain(&s.under_viewer));
        let kinds: HashSet<&str> = comments.map(Template::kind).collect();
        let replies: Vec<&Template> = sections.iter().flat_map(|s| &s.replies).collect();
        let warns: Vec<&Template> = corpus.legit.get(&format!("warn_{}", category.id())).map(|l| l.iter().collect()).unwrap_or_default();
        let mut helpers = vec![(comments_src, "replies", replies), (comments_src, "warnings", warns)];
        for (src, what, table) in [
            (accounts_src, "username", &corpus.username),
            (accounts_src, "display_name", &corpus.display_name),
            (accounts_src, "bio", &corpus.bio_spam),
            (accounts_src, "links", &corpus.link_words),
        ] {
            helpers.push((src, what, table.get(&category).map(|l| l.iter().collect()).unwrap_or_default()));
        }
        for (src, what, list) in helpers {
            if let Some(t) = list.iter().find(|t| !kinds.contains(t.kind())) {
                let message = format!("{what} of {}: no {} comment is (kind: {})", category.id(), category.id(), t.kind());
                return Err(named(src, t.kind(), message));
            }
            if !list.is_empty() && list.iter().all(|t| t.kind.is_some()) {
                let message = format!("{what} of {} needs items without (kind: …) for its other comments", category.id());
                return Err(src.error(0, message));
            }
        }
    }
    Ok(())
}
