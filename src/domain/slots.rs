//! Fills the template slots of one comment: the post's creator and topics, links on reserved
//! domains, made-up handles, names and numbers.

use super::corpus::{Corpus, CreatorDef, PostDef};
use super::model::{Category, Cue, Lang, Platform};
use std::collections::HashMap;
use super::template::{SlotValue, Slots, of_kind};
use rand::Rng;
use rand::seq::IndexedRandom;

/// Top-level domains reserved for examples and tests (RFC 2606): never a live site.
pub const RESERVED_TLDS: [&str; 3] = ["example", "test", "invalid"];

/// The last part of a spam link, as that kind of scam names it: a phishing page asks to log in,
/// a giveaway to claim, a recovery "agent" to open a case.
fn paths(category: Category, kind: &str) -> &'static [&'static str] {
    match (category, kind) {
        (Category::Crypto, "recovery") => &["help", "case", "refund", "claim", "contact"],
        (Category::Crypto, "job" | "mule") => &["jobs", "apply", "start", "signup", "work"],
        (Category::FakeGiveaway, "fee") => &["order", "shipping", "claim", "delivery", "pay"],
        _ => match category {
        Category::Phishing => &["login", "verify", "account", "secure", "confirm", "check"],
        Category::FakeGiveaway => &["claim", "win", "gift", "prize", "winners"],
        Category::FreeCurrency => &["claim", "free", "gift", "bonus", "get", "codes"],
        Category::Crypto => &["start", "invest", "join", "signup", "profit"],
        Category::SelfPromo => &["go", "follow", "sub", "channel", "start"],
        Category::AdultBot | Category::Romance => &["me", "profile", "chat", "go", "hi"],
        Category::ChainLetter | Category::Legit => &["go", "read", "share", "start"],
        },
    }
}

/// Slot values for comments under one post, in the voice of one category.
pub struct SlotFiller<'c> {
    pub corpus: &'c Corpus,
    pub creator: &'c CreatorDef,
    pub post: &'c PostDef,
    pub category: Category,
    /// Set when a template wrote a link in pieces.
    pub used_split_link: bool,
    /// Set when a template used a contact @handle.
    pub used_handle: bool,
    pub used_link: bool,
    /// What this spam comment's slots became: its bot replies and its account say the same
    /// name, coin, amount and handle ("thanks to Mila" under a comment about Mila).
    pub memory: Memory,
}

/// The values a spam comment's slots took, to be reused by its replies and its account.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    /// The comment's `(kind: …)` of scam, "" for its category's usual kind.
    pub kind: String,
    /// The friend a real comment tagged (username, first name): the one who answers it.
    pub tagged: Option<(String, String)>,
    lists: HashMap<String, usize>,
    words: HashMap<&'static str, String>,
}

impl Memory {
    /// The values a bot reply repeats: the same handle, sums and names, but not the writer's own
    /// name, for the reply is posted by another account.
    pub fn for_reply(&self) -> Memory {
        let mut m = self.clone();
        m.words.remove("own_name");
        m
    }

    /// The values an account repeats: a fresh `{name}`, for the account praising "Mila" is not
    /// Mila herself; but when the comment named nobody and gave its own handle, the account is
    /// that person.
    pub fn without_name(&self) -> Memory {
        let mut m = self.clone();
        m.words.remove("name");
        if let Some(own) = m.words.get("own_name").cloned() {
            m.words.insert("name", own);
        }
        m
    }
}

impl<'c> SlotFiller<'c> {
    pub fn new(corpus: &'c Corpus, creator: &'c CreatorDef, post: &'c PostDef, category: Category) -> Self {
        SlotFiller {
            corpus,
            creator,
            post,
            category,
            used_split_link: false,
            used_handle: false,
            used_link: false,
            memory: Memory::default(),
        }
    }

    /// A word of this comment's kind of scam to build a link from (`fund-recovery-help` for a
    /// recovery scam).
    fn link_word<R: Rng>(&self, category: Category, rng: &mut R) -> String {
        let words = self.corpus.link_words.get(&category).map(|w| of_kind(w, &self.memory.kind)).unwrap_or_default();
        words.choose(rng).and_then(|t| t.plain_text()).unwrap_or("link").to_string()
    }

    /// A link for this filler's category, always on a reserved top-level domain.
    pub fn link<R: Rng>(&mut self, rng: &mut R) -> String {
        self.used_link = true;
        let tld = RESERVED_TLDS.choose(rng).copied().unwrap_or("example");
        if self.category == Category::Legit {
            return self.legit_link(rng);
        }
        // Shorteners hide where a link goes; phishing uses them most.
        let shortener = rng.random_bool(if self.category == Category::Phishing { 0.35 } else { 0.1 });
        let host = if shortener {
            format!("{}.{tld}", ["shrt", "tiny-go", "qlink"].choose(rng).copied().unwrap_or("shrt"))
        } else if let Some(word) = self.named_word(rng) {
            format!("{word}.{tld}")
        } else if self.category == Category::FakeGiveaway && self.memory.kind != "fee" && self.creator.verified && rng.random_bool(0.4) {
            // a page named after the creator; a star's shipping-fee giveaway is not theirs
            format!("{}-{}.{tld}", self.creator.handle.replace(['.', '_'], "-"), self.link_word(self.category, rng))
        } else {
            format!("{}.{tld}", self.link_word(self.category, rng))
        };
        let path = if shortener {
            (0..5).map(|_| char::from(b"abcdefghkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[rng.random_range(0..54)])).collect()
        } else {
            paths(self.category, &self.memory.kind).choose(rng).copied().unwrap_or("go").to_string()
        };
        let scheme = if rng.random_bool(0.6) { "https://" } else { "" };
        format!("{scheme}{host}/{path}")
    }

    /// A link word made of the game money or coin this comment already named, so that the text
    /// and its link tell one story ("10000 S-Bucks" → `free-s-bucks.test`).
    fn named_word<R: Rng>(&self, rng: &mut R) -> Option<String> {
        let (list, shapes): (&str, &[&str]) = match (self.category, self.corpus.lang) {
            (Category::FreeCurrency, Lang::En) => ("currency", &["free-{}", "{}-generator", "get-{}", "{}-drop"]),
            (Category::FreeCurrency, Lang::Nl) => ("currency", &["gratis-{}", "{}-generator", "{}-nu", "{}-codes"]),
            (Category::Crypto, Lang::En) => ("coin", &["{}-profits", "{}-invest", "buy-{}"]),
            (Category::Crypto, Lang::Nl) => ("coin", &["{}-kopen", "{}-winst", "beleggen-in-{}"]),
            _ => return None,
        };
        // a kind with its own link words (a chat-server invite) names those, not the money
        let own_words = self.corpus.link_words.get(&self.category).is_some_and(|w| w.iter().any(|t| t.kind.is_some() && t.kind() == self.memory.kind));
        if own_words {
            return None;
        }
        let at = *self.memory.lists.get(list)?;
        let name = self.corpus.lists.get(list)?.get(at)?.plain_text()?;
        let slug: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        // "crypto" itself is no name of a coin to build an address from
        if slug.is_empty() || slug == "crypto" || !rng.random_bool(0.85) {
            return None;
        }
        Some(shapes.choose(rng)?.replace("{}", &slug))
    }

    /// A harmless link, as a classmate would share it.
    pub fn legit_link<R: Rng>(&self, rng: &mut R) -> String {
        let word = self.link_word(Category::Legit, rng);
        harmless_link(&word, self.corpus.lang, rng)
    }

    /// The page of a real club or team (`[links] club`), or else a classmate's kind of link.
    fn club_link<R: Rng>(&self, rng: &mut R) -> String {
        match self.corpus.club_words.choose(rng) {
            Some(word) => harmless_link(word, self.corpus.lang, rng),
            None => self.legit_link(rng),
        }
    }

    /// A contact handle made of the name the comment praised ("Mila helped me … @mila_204"), or
    /// else of the writer's own name, which its account then wears ("add me @elif.22" by Elif);
    /// a giveaway "team" gives one like the creator's (`@theo.draws_team`).
    fn handle<R: Rng>(&mut self, rng: &mut R) -> String {
        // a creator's "team" gives a handle that looks like the creator's own
        if self.category == Category::FakeGiveaway && self.memory.kind == "team" {
            return format!("@{}", super::accounts::lookalike_username(&self.creator.handle, rng));
        }
        let first = match self.memory.words.get("name") {
            Some(name) if self.category.is_spam() => name.clone(),
            _ => {
                let own = self.corpus.first_names.choose(rng).cloned().unwrap_or_else(|| "x".into());
                if self.category.is_spam() {
                    self.memory.words.insert("own_name", own.clone());
                }
                own
            }
        };
        let name = super::accounts::username_safe(&first).to_lowercase();
        let sep = ["_", ".", ""].choose(rng).copied().unwrap_or("_");
        format!("@{name}{sep}{}", rng.random_range(10..9999))
    }

    fn amount<R: Rng>(&self, rng: &mut R) -> String {
        let n = [50, 100, 150, 250, 300, 450, 500, 800, 1000, 1500, 2500].choose(rng).copied().unwrap_or(500);
        match self.corpus.lang {
            Lang::Nl => format!("€{n}"),
            // British children talk in pounds; the scammers writing to them often in dollars.
            Lang::En if self.category.is_spam() && rng.random_bool(0.5) => format!("${n}"),
            Lang::En => format!("£{n}"),
        }
    }
}

/// A real person's page on a reserved domain, with the short path such pages have.
fn harmless_link<R: Rng>(word: &str, lang: Lang, rng: &mut R) -> String {
    let tld = RESERVED_TLDS.choose(rng).copied().unwrap_or("example");
    let paths: &[&str] = match lang {
        Lang::En => &["", "", "/home", "/photos", "/news", "/2026", "/page/2", "/us"],
        Lang::Nl => &["", "", "/fotos", "/nieuws", "/2026", "/pagina/2", "/wij"],
    };
    let path = paths.choose(rng).copied().unwrap_or("");
    format!("https://{word}.{tld}{path}")
}

/// Writes a web address in pieces, as spammers do to slip past filters.
pub fn split_link(url: &str) -> String {
    let bare = url.trim_start_matches("https://");
    bare.replace('.', " . ").replace('/', " / ")
}

impl SlotFiller<'_> {
    /// Draws the comment's `{name}` now, so that a `{handle}` before it is that person's.
    pub fn name_first<R: Rng>(&mut self, rng: &mut R) {
        self.remembered("name", rng, |f, rng| f.corpus.first_names.choose(rng).cloned().unwrap_or_default());
    }

    /// A word drawn once per spam comment (and its replies), fresh every time for real ones.
    fn remembered<R: Rng>(&mut self, key: &'static str, rng: &mut R, draw: impl FnOnce(&mut Self, &mut R) -> String) -> String {
        if !self.category.is_spam() {
            return draw(self, rng);
        }
        if let Some(v) = self.memory.words.get(key) {
            return v.clone();
        }
        let v = draw(self, rng);
        self.memory.words.insert(key, v.clone());
        v
    }
}

impl<'c> Slots<'c> for SlotFiller<'c> {
    fn slot<R: Rng>(&mut self, name: &str, rng: &mut R) -> SlotValue<'c> {
        match name {
            // what the post is, so that nobody says "video" under a photo
            "media" => SlotValue::Text(
                match (self.post.platform, self.corpus.lang) {
                    (Platform::Video, _) => "video",
                    (Platform::Photo, Lang::En) => ["post", "photo", "pic"][rng.random_range(0..3)],
                    (Platform::Photo, Lang::Nl) => ["post", "foto"][rng.random_range(0..2)],
                }
                .to_string(),
            ),
            // People type a name without the emoji some display names carry ("theo ✏️🛹").
            "creator" => SlotValue::Text(
                self.creator.name.chars().filter(|&c| !super::style::is_emoji(c)).collect::<String>().trim().to_string(),
            ),
            "creator_handle" => SlotValue::Text(format!("@{}", self.creator.handle)),
            "topic" => SlotValue::Text(self.post.topic.choose(rng).cloned().unwrap_or_default()),
            "link" => SlotValue::Link(self.link(rng), self.category.is_spam()),
            "club_link" => {
                self.used_link = true;
                if self.category.is_spam() { SlotValue::Link(self.link(rng), true) } else { SlotValue::Link(self.club_link(rng), false) }
            }
            "split_link" => {
                self.used_split_link = true;
                let url = self.link(rng);
                SlotValue::Marked(Cue::Link, split_link(&url))
            }
            "handle" => {
                self.used_handle = true;
                let handle = self.remembered("handle", rng, |f, rng| f.handle(rng));
                if self.category.is_spam() { SlotValue::Marked(Cue::Handle, handle) } else { SlotValue::Text(handle) }
            }
            "friend" => {
                let first = self.corpus.first_names.choose(rng).cloned().unwrap_or_default();
                let word = self.corpus.words.choose(rng).cloned().unwrap_or_default();
                let username = super::accounts::child_username(&first, &word, rng);
                self.memory.tagged.get_or_insert_with(|| (username.clone(), first));
                SlotValue::Text(format!("@{username}"))
            }
            "name" => SlotValue::Text(
                self.remembered("name", rng, |f, rng| f.corpus.first_names.choose(rng).cloned().unwrap_or_default()),
            ),
            "n" => SlotValue::Text(rng.random_range(2..=9).to_string()),
            // "500 free S-Bucks" stays 500 in the replies
            "big_n" => SlotValue::Text(self.remembered("big_n", rng, |_, rng| {
                [500, 1000, 2000, 5000, 10000, 50000].choose(rng).copied().unwrap_or(1000).to_string()
            })),
            "amount" => SlotValue::Text(self.remembered("amount", rng, |f, rng| f.amount(rng))),
            list => {
                let corpus = self.corpus;
                let Some(items) = corpus.lists.get(list).filter(|items| !items.is_empty()) else {
                    return SlotValue::Text(String::new());
                };
                let at = match self.memory.lists.get(list) {
                    Some(&at) if self.category.is_spam() && at < items.len() => at,
                    _ => {
                        let at = rng.random_range(0..items.len());
                        if self.category.is_spam() {
                            self.memory.lists.insert(list.to_string(), at);
                        }
                        at
                    }
                };
                SlotValue::Template(&items[at])
            }
        }
    }
}
