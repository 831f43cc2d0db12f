//! Reading the corpus TOML files, with errors that name the file and line.

use super::{Corpus, CreatorDef, LEGIT_KINDS, OPTIONAL_LEGIT_KINDS, PostDef, SpamSection};
use crate::domain::illustration::SCENES;
use crate::domain::model::{Category, Lang, Platform, Tricky};
use crate::domain::template::Template;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

mod check;
use check::{check_headers, check_kinds, check_slots};

/// The text of the three corpus files of one language, with the names to report errors under.
pub struct CorpusFiles<'a> {
    pub dir: &'a str,
    pub creators: &'a str,
    pub accounts: &'a str,
    pub comments: &'a str,
}

/// A mistake in a corpus file.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CorpusError {
    pub file: String,
    /// 1-based; 0 when the line could not be found.
    pub line: usize,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCreators {
    creator: Vec<RawCreator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCreator {
    id: String,
    handle: String,
    name: String,
    bio: String,
    #[serde(default)]
    verified: bool,
    post: Vec<RawPost>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPost {
    platform: String,
    title: Option<String>,
    caption: String,
    scene: String,
    topic: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccounts {
    names: RawNames,
    bio: BTreeMap<String, Vec<String>>,
    display_name: BTreeMap<String, Vec<String>>,
    username: BTreeMap<String, Vec<String>>,
    links: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    first: Vec<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComments {
    lists: BTreeMap<String, Vec<String>>,
    spam: BTreeMap<String, RawSpamEntry>,
    legit: BTreeMap<String, Vec<String>>,
    tricky: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawSpamEntry {
    Section(RawSpam),
    Variants(BTreeMap<String, RawSpam>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpam {
    #[serde(default)]
    d1: Vec<String>,
    #[serde(default)]
    d2: Vec<String>,
    #[serde(default)]
    d3: Vec<String>,
    #[serde(default)]
    replies: Vec<String>,
    #[serde(default)]
    under_viewer: Vec<String>,
}

/// One file being read: its name and text, to turn problems into `CorpusError`s.
struct Source<'a> {
    file: String,
    text: &'a str,
}

impl Source<'_> {
    fn error(&self, line: usize, message: impl Into<String>) -> CorpusError {
        CorpusError { file: self.file.clone(), line, message: message.into() }
    }

    /// The line where `needle` (as written, or its first plain stretch) first occurs.
    fn line_of(&self, needle: &str) -> usize {
        let plain: String = needle.chars().take_while(|c| !matches!(c, '\\' | '"' | '\'')).take(40).collect();
        let probe = if plain.len() >= 4 { plain.as_str() } else { needle };
        self.text
            .find(probe)
            .map(|at| self.text[..at].matches('\n').count() + 1)
            .unwrap_or(0)
    }

    fn toml<T: for<'de> Deserialize<'de>>(&self) -> Result<T, CorpusError> {
        toml::from_str(self.text).map_err(|e| {
            let line = e.span().map(|s| self.text[..s.start].matches('\n').count() + 1).unwrap_or(0);
            self.error(line, e.message().to_string())
        })
    }

    fn templates(&self, what: &str, items: &[String]) -> Result<Vec<Template>, CorpusError> {
        items
            .iter()
            .map(|src| {
                Template::parse(src).map_err(|e| self.error(self.line_of(src), format!("{what}: {e}: {src}")))
            })
            .collect()
    }

    fn non_empty<T>(&self, what: &str, items: &[T]) -> Result<(), CorpusError> {
        if items.is_empty() {
            return Err(self.error(self.line_of(what.rsplit('.').next().unwrap_or(what)), format!("{what} is empty")));
        }
        Ok(())
    }
}

fn spam_category(src: &Source, section: &str, key: &str) -> Result<Category, CorpusError> {
    Category::parse(key)
        .filter(|c| c.is_spam())
        .ok_or_else(|| src.error(src.line_of(key), format!("[{section}] has unknown spam category '{key}'")))
}

impl Corpus {
    /// The corpus built into the server, checked once; `Err` names file and line.
    pub fn builtin(lang: Lang) -> Result<&'static Corpus, CorpusError> {
        static NL: OnceLock<Result<Corpus, CorpusError>> = OnceLock::new();
        static EN: OnceLock<Result<Corpus, CorpusError>> = OnceLock::new();
        let (cell, files) = match lang {
            Lang::Nl => (&NL, CorpusFiles {
                dir: "src/domain/corpus/nl",
                creators: include_str!("nl/creators.toml"),
                accounts: include_str!("nl/accounts.toml"),
                comments: include_str!("nl/comments.toml"),
            }),
            Lang::En => (&EN, CorpusFiles {
                dir: "src/domain/corpus/en",
                creators: include_str!("en/creators.toml"),
                accounts: include_str!("en/accounts.toml"),
                comments: include_str!("en/comments.toml"),
            }),
        };
        cell.get_or_init(|| Corpus::parse(lang, &files)).as_ref().map_err(Clone::clone)
    }

    /// Reads and checks the three files of one language.
    pub fn parse(lang: Lang, files: &CorpusFiles) -> Result<Corpus, CorpusError> {
        let creators_src = Source { file: format!("{}/creators.toml", files.dir), text: files.creators };
        let accounts_src = Source { file: format!("{}/accounts.toml", files.dir), text: files.accounts };
        let comments_src = Source { file: format!("{}/comments.toml", files.dir), text: files.comments };

        let creators = parse_creators(&creators_src)?;
        let raw_accounts: RawAccounts = accounts_src.toml()?;
        let raw_comments: RawComments = comments_src.toml()?;

        let mut lists = HashMap::new();
        for (name, items) in &raw_comments.lists {
            comments_src.non_empty(&format!("lists.{name}"), items)?;
            lists.insert(name.clone(), comments_src.templates(&format!("lists.{name}"), items)?);
        }

        let mut spam = HashMap::new();
        for (key, entry) in &raw_comments.spam {
            let category = spam_category(&comments_src, "spam", key)?;
            match entry {
                RawSpamEntry::Section(s) => {
                    spam.insert(key.clone(), spam_section(&comments_src, key, s)?);
                }
                RawSpamEntry::Variants(vs) => {
                    for (variant, s) in vs {
                        let full = format!("{}.{variant}", category.id());
                        spam.insert(full.clone(), spam_section(&comments_src, &full, s)?);
                    }
                }
            }
        }
        for key in Corpus::required_spam_keys() {
            let Some(section) = spam.get(&key) else {
                return Err(comments_src.error(0, format!("[spam.{key}] is missing")));
            };
            for (i, level) in section.by_difficulty.iter().enumerate() {
                comments_src.non_empty(&format!("spam.{key}.d{}", i + 1), level)?;
            }
        }

        let mut legit = HashMap::new();
        for kind in LEGIT_KINDS {
            let items = raw_comments.legit.get(kind).map(Vec::as_slice).unwrap_or_default();
            comments_src.non_empty(&format!("legit.{kind}"), items)?;
            legit.insert(kind.to_string(), comments_src.templates(&format!("legit.{kind}"), items)?);
        }
        for kind in OPTIONAL_LEGIT_KINDS {
            if let Some(items) = raw_comments.legit.get(kind).filter(|items| !items.is_empty()) {
                legit.insert(kind.to_string(), comments_src.templates(&format!("legit.{kind}"), items)?);
            }
        }
        // Warnings that only fit under one kind of spam ("that's not the real account" under an
        // impersonator): `warn_<category>`.
        let warn_kinds: Vec<String> = Category::SPAM.iter().map(|c| format!("warn_{}", c.id())).collect();
        for kind in &warn_kinds {
            if let Some(items) = raw_comments.legit.get(kind).filter(|items| !items.is_empty()) {
                legit.insert(kind.clone(), comments_src.templates(&format!("legit.{kind}"), items)?);
            }
        }
        let known_kind =
            |k: &str| LEGIT_KINDS.contains(&k) || OPTIONAL_LEGIT_KINDS.contains(&k) || warn_kinds.iter().any(|w| w == k);
        if let Some(extra) = raw_comments.legit.keys().find(|k| !known_kind(k)) {
            return Err(comments_src.error(comments_src.line_of(extra), format!("unknown [legit] list '{extra}'")));
        }

        let mut tricky = HashMap::new();
        for (key, kind) in [
            ("real_giveaway", Tricky::RealGiveaway),
            ("classmate_link", Tricky::ClassmateLink),
            ("caps_fan", Tricky::CapsFan),
        ] {
            let items = raw_comments.tricky.get(key).map(Vec::as_slice).unwrap_or_default();
            comments_src.non_empty(&format!("tricky.{key}"), items)?;
            tricky.insert(kind, comments_src.templates(&format!("tricky.{key}"), items)?);
        }

        let per_category = |table: &BTreeMap<String, Vec<String>>, section: &str, legit_ok: bool| {
            let mut out = HashMap::new();
            for (key, items) in table {
                let category = if legit_ok && key == "legit" {
                    Category::Legit
                } else {
                    spam_category(&accounts_src, section, key)?
                };
                accounts_src.non_empty(&format!("{section}.{key}"), items)?;
                out.insert(category, items.clone());
            }
            for c in Category::SPAM {
                if !out.contains_key(&c) {
                    return Err(accounts_src.error(0, format!("[{section}] has no list for '{}'", c.id())));
                }
            }
            Ok::<_, CorpusError>(out)
        };
        let compile = |table: HashMap<Category, Vec<String>>, section: &str| {
            table
                .into_iter()
                .map(|(c, items)| Ok((c, accounts_src.templates(&format!("{section}.{}", c.id()), &items)?)))
                .collect::<Result<HashMap<_, _>, CorpusError>>()
        };

        let mut bio_spam = compile(per_category(&raw_accounts.bio, "bio", true)?, "bio")?;
        let bio_legit = bio_spam
            .remove(&Category::Legit)
            .ok_or_else(|| accounts_src.error(0, "[bio] has no list for 'legit'"))?;
        let mut links = raw_accounts.links.clone();
        let club_words = links.remove("club").unwrap_or_default();
        let link_words = compile(per_category(&links, "links", true)?, "links")?;
        if !link_words.contains_key(&Category::Legit) {
            return Err(accounts_src.error(0, "[links] has no list for 'legit'"));
        }
        let words = link_words.values().flatten().map(|t| t.plain_text().unwrap_or("{"));
        for word in words.chain(club_words.iter().map(String::as_str)) {
            if word.is_empty() || !word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
                return Err(accounts_src.error(
                    accounts_src.line_of(word),
                    format!("link word '{word}' may only hold a-z, 0-9 and '-' (after a '(kind: …)')"),
                ));
            }
        }
        accounts_src.non_empty("names.first", &raw_accounts.names.first)?;
        accounts_src.non_empty("names.words", &raw_accounts.names.words)?;

        let corpus = Corpus {
            lang,
            creators,
            lists,
            spam,
            legit,
            tricky,
            first_names: raw_accounts.names.first.clone(),
            words: raw_accounts.names.words.clone(),
            bio_legit,
            bio_spam,
            display_name: compile(per_category(&raw_accounts.display_name, "display_name", false)?, "display_name")?,
            username: compile(per_category(&raw_accounts.username, "username", false)?, "username")?,
            link_words,
            club_words,
        };
        check_slots(&corpus, &comments_src, &raw_comments, &accounts_src, &raw_accounts)?;
        check_headers(&corpus, &comments_src, &raw_comments)?;
        check_kinds(&corpus, &comments_src, &accounts_src)?;
        Ok(corpus)
    }
}

fn spam_section(src: &Source, key: &str, raw: &RawSpam) -> Result<SpamSection, CorpusError> {
    let mut section = SpamSection::default();
    for (i, items) in [&raw.d1, &raw.d2, &raw.d3].into_iter().enumerate() {
        let what = format!("spam.{key}.d{}", i + 1);
        let templates = src.templates(&what, items)?;
        for (t, text) in templates.iter().zip(items) {
            if !t.has_cue() {
                return Err(src.error(src.line_of(text), format!("{what}: a spam template needs a [cue](…): {text}")));
            }
        }
        section.by_difficulty[i] = templates;
    }
    section.replies = src.templates(&format!("spam.{key}.replies"), &raw.replies)?;
    section.under_viewer = src.templates(&format!("spam.{key}.under_viewer"), &raw.under_viewer)?;
    for (t, text) in section.under_viewer.iter().zip(&raw.under_viewer) {
        if !t.has_cue() {
            return Err(src.error(src.line_of(text), format!("spam.{key}.under_viewer: a spam template needs a [cue](…): {text}")));
        }
    }
    Ok(section)
}

fn parse_creators(src: &Source) -> Result<Vec<CreatorDef>, CorpusError> {
    let raw: RawCreators = src.toml()?;
    let mut creators = Vec::new();
    for c in raw.creator {
        let posts = c
            .post
            .into_iter()
            .map(|p| {
                let platform = Platform::parse(&p.platform).ok_or_else(|| {
                    src.error(src.line_of(&p.caption), format!("unknown platform '{}' (photo or video)", p.platform))
                })?;
                if !SCENES.contains(&p.scene.as_str()) {
                    return Err(src.error(src.line_of(&p.caption), format!("unknown scene '{}'", p.scene)));
                }
                if p.topic.is_empty() {
                    return Err(src.error(src.line_of(&p.caption), "a post needs at least one topic"));
                }
                // a post is tagged with its creator and its platform: `(for: video)` needs no
                // tag written by hand
                let mut tags = vec![c.id.clone(), platform.id().to_string()];
                tags.extend(p.tags.into_iter().filter(|t| t != platform.id()));
                Ok(PostDef { platform, title: p.title, caption: p.caption, scene: p.scene, topic: p.topic, tags })
            })
            .collect::<Result<Vec<_>, _>>()?;
        creators.push(CreatorDef {
            id: c.id,
            handle: c.handle.trim_start_matches('@').to_string(),
            name: c.name,
            bio: c.bio,
            verified: c.verified,
            posts,
        });
    }
    for platform in Platform::ALL {
        if !creators.iter().any(|c| c.posts.iter().any(|p| p.platform == platform)) {
            return Err(src.error(0, format!("no creator has a post on the {} platform", platform.id())));
        }
    }
    Ok(creators)
}
