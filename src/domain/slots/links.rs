//! The links of a comment: spam links on reserved domains named after what the scam wants,
//! and the harmless pages of classmates and clubs.

use super::{RESERVED_TLDS, SlotFiller};
use crate::domain::model::{Category, Lang};
use crate::domain::template::of_kind;
use crate::domain::voice::Voice;
use rand::Rng;
use rand::seq::IndexedRandom;

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

impl SlotFiller<'_> {
    /// A word of this comment's kind of scam to build a link from (`fund-recovery-help` for a
    /// recovery scam).
    fn link_word<R: Rng>(&self, category: Category, rng: &mut R) -> String {
        let words = self.corpus.link_words.get(&category).map(|w| of_kind(w, &self.memory.kind)).unwrap_or_default();
        words.choose(rng).and_then(|t| t.plain_text()).unwrap_or("link").to_string()
    }

    /// A link for this filler's category, always on a reserved top-level domain. A spam
    /// comment has one: its bio and its bot replies send the reader to the same page, never to
    /// a look-alike on another domain.
    pub fn link<R: Rng>(&mut self, rng: &mut R) -> String {
        self.used_link = true;
        if self.category == Category::Legit {
            return self.legit_link(rng);
        }
        if let Some(link) = self.memory.words.get("link") {
            return link.clone();
        }
        let link = self.new_link(rng);
        self.memory.words.insert("link", link.clone());
        link
    }

    fn new_link<R: Rng>(&mut self, rng: &mut R) -> String {
        let tld = RESERVED_TLDS.choose(rng).copied().unwrap_or("example");
        // Shorteners hide where a link goes; phishing uses them most.
        let shortener = rng.random_bool(if self.category == Category::Phishing { 0.35 } else { 0.1 });
        let host = if shortener {
            format!("{}.{tld}", ["shrt", "tiny-go", "qlink"].choose(rng).copied().unwrap_or("shrt"))
        } else if let Some(word) = self.named_word(rng) {
            format!("{word}.{tld}")
        } else if self.category == Category::FakeGiveaway && Voice::of(self.category, &self.memory.kind) != Voice::Stranger && self.creator.verified && rng.random_bool(0.4) {
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
    pub(super) fn club_link<R: Rng>(&self, rng: &mut R) -> String {
        match self.corpus.club_words.choose(rng) {
            Some(word) => harmless_link(word, self.corpus.lang, rng),
            None => self.legit_link(rng),
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
