//! Fills the template slots of one comment: the post's creator and topics, links on reserved
//! domains, made-up handles, names and numbers.

use super::corpus::{Corpus, CreatorDef, PostDef};
use super::model::{Category, Cue, Lang, Platform};
use std::collections::HashMap;
use super::template::{SlotValue, Slots};
use rand::Rng;
use rand::seq::IndexedRandom;

mod links;
pub use links::split_link;

/// Top-level domains reserved for examples and tests (RFC 2606): never a live site.
pub const RESERVED_TLDS: [&str; 3] = ["example", "test", "invalid"];


/// Lists whose items go together by position when they are as long: in one spam comment the
/// first `currency` is the money of the first `game` (see `corpus/README.md`).
const PAIRED_LISTS: [(&str, &str); 1] = [("currency", "game")];

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
    /// The first names of every friend a real comment tagged: none of them is its writer.
    pub friends: Vec<String>,
    /// The names of the accounts in this spam thread so far: a bot backing it up is never a
    /// second "Mila" under Mila's comment.
    pub accounts: Vec<String>,
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

    /// Takes over what `account` drew that this comment had not: a bio's "10000 Gemcoins" is
    /// what the bot replies under it talk about too. The account's own name stays its own.
    pub fn absorb(&mut self, account: &Memory) {
        for (list, at) in &account.lists {
            self.lists.entry(list.clone()).or_insert(*at);
        }
        for (key, value) in account.words.iter().filter(|(k, _)| !matches!(**k, "name" | "own_name")) {
            self.words.entry(key).or_insert_with(|| value.clone());
        }
    }

    /// Names a new account in this thread must not wear: the ones the text named and the
    /// accounts already in the thread.
    pub fn names_taken(&self) -> Vec<String> {
        let named = ["name", "own_name"].into_iter().filter_map(|k| self.words.get(k).cloned());
        named.chain(self.accounts.iter().cloned()).collect()
    }

    /// Names a real comment's writer must not wear: the person it talks about ("Noor and I")
    /// and the friends it tags (Boaz does not tag @boaz.regenboog).
    pub fn others_named(&self) -> Vec<String> {
        self.words.get("name").cloned().into_iter().chain(self.friends.iter().cloned()).collect()
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


    /// A contact handle made of the name the comment praised ("Mila helped me … @mila_204"), or
    /// else of the writer's own name, which its account then wears ("add me @elif.22" by Elif);
    /// a giveaway "team" gives one like the creator's (`@theo.draws_team`).
    fn handle<R: Rng>(&mut self, rng: &mut R) -> String {
        // a creator's "team" gives a handle that looks like the creator's own
        if super::voice::Voice::of(self.category, &self.memory.kind) == super::voice::Voice::CreatorTeam {
            return format!("@{}", super::accounts::lookalike_username(&self.creator.handle, rng));
        }
        let named = self.memory.words.get("name").or_else(|| self.memory.words.get("own_name"));
        let first = match named {
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
                self.memory.friends.push(first.clone());
                self.memory.tagged.get_or_insert_with(|| (username.clone(), first));
                SlotValue::Text(format!("@{username}"))
            }
            "name" => SlotValue::Text(
                self.remembered("name", rng, |f, rng| f.corpus.first_names.choose(rng).cloned().unwrap_or_default()),
            ),
            // "3 spots left" stays 3 in the replies
            "n" => SlotValue::Text(self.remembered("n", rng, |_, rng| rng.random_range(2..=9).to_string())),
            // the writer's own name ("I'm Mila"), which its account then wears
            "my_name" => SlotValue::Text(
                self.remembered("own_name", rng, |f, rng| f.corpus.first_names.choose(rng).cloned().unwrap_or_default()),
            ),
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
                // a game's own money: the nth currency is the nth game's
                let partner = PAIRED_LISTS.iter().find_map(|&(a, b)| if a == list { Some(b) } else if b == list { Some(a) } else { None });
                let paired = partner
                    .filter(|p| corpus.lists.get(*p).is_some_and(|other| other.len() == items.len()))
                    .and_then(|p| self.memory.lists.get(p).copied());
                let at = match self.memory.lists.get(list).copied().or(paired) {
                    Some(at) if self.category.is_spam() && at < items.len() => {
                        self.memory.lists.insert(list.to_string(), at);
                        at
                    }
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
