//! The comments of a feed before they get their place: one spam comment, one real comment or
//! one suspicious-looking real comment at a time, each with its account, never saying what the
//! feed already says.

use crate::domain::accounts::{chain_bot_account, legit_account, lognormal, lookalike_username, spam_account};
use crate::domain::corpus::{Corpus, CreatorDef, PostDef};
use crate::domain::evasion::disguise;
use crate::domain::model::*;
use crate::domain::slots::{Memory, SlotFiller};
use crate::domain::style::{Restyle, restyle};
use crate::domain::template::{Template, Tone, of_kind};
use crate::domain::voice::Voice;
use rand::Rng;
use rand::seq::IndexedRandom;
use std::collections::HashSet;

/// A comment before it gets its place and id.
pub(super) struct Draft {
    pub(super) author: Account,
    pub(super) spans: Vec<Span>,
    pub(super) category: Category,
    pub(super) tricks: Vec<Trick>,
    pub(super) tricky: Option<Tricky>,
    pub(super) pinned: bool,
    pub(super) likes: u32,
    /// What the slots of a spam comment became, for its bot replies.
    pub(super) memory: Memory,
    /// Its list had nothing left that the feed does not already say.
    pub(super) repeat: bool,
    /// How it feels: a sad comment gets replies that fit it.
    pub(super) tone: Tone,
}

pub(super) struct Ctx<'c> {
    pub(super) corpus: &'c Corpus,
    pub(super) settings: &'c FeedSettings,
    pub(super) creator: &'c CreatorDef,
    pub(super) post: &'c PostDef,
    pub(super) creator_account: Account,
    /// Texts already in the feed: a feed never shows the same comment twice.
    pub(super) seen: HashSet<String>,
    /// Templates already used in the feed (by address): two fills of one template read alike.
    pub(super) used: HashSet<*const Template>,
    /// The words of each comment so far: two templates can read alike too.
    pub(super) seen_words: Vec<HashSet<String>>,
    /// Usernames already in the feed: one username is one account, with one name and one bio.
    pub(super) usernames: HashSet<String>,
}

impl Ctx<'_> {
    /// Gives a new account a username nobody in the feed has yet: a second `stormfort.fan`
    /// with another name and bio becomes `stormfort.fan27`, as the platform would make it.
    pub(super) fn claim<R: Rng>(&mut self, account: &mut Account, rng: &mut R) {
        let mut name = account.username.clone();
        while self.usernames.contains(&name) || name == self.creator_account.username {
            name = format!("{}{}", account.username, rng.random_range(2..100));
        }
        if account.display_name == account.username {
            account.display_name = name.clone();
        }
        account.username = name.clone();
        self.usernames.insert(name);
    }
}

/// The words of a text, in lower case.
pub(super) fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Two comments of six words or more that share most of their words read as one comment twice.
pub(super) fn alike(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    a.len() >= 6 && b.len() >= 6 && a.intersection(b).count() * 10 >= a.union(b).count() * 6
}

/// Which list of a spam section a comment comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SpamPart {
    Top,
    /// A bot reply praising the spam above it.
    Reply,
    /// Spam posted under another viewer's real comment.
    UnderViewer,
}

/// Expands one of the templates that fit this post and age band into text not yet in the feed,
/// preferring templates not used yet (a few tries, then accepts).
/// The template's `(kind: …)` of scam goes into the filler's memory, for the account and the
/// replies of the comment.
pub(super) fn fresh_text<'t, R: Rng>(
    ctx: &mut Ctx,
    templates: impl IntoIterator<Item = &'t Template>,
    filler: &mut SlotFiller,
    rng: &mut R,
) -> (Vec<Span>, bool, Tone) {
    let age = ctx.settings.age_band;
    let fitting: Vec<&Template> = templates.into_iter().filter(|t| t.fits(&ctx.post.tags, age)).collect();
    let unused: Vec<&Template> = fitting.iter().copied().filter(|t| !ctx.used.contains(&(*t as *const Template))).collect();
    // The corpus check guarantees untagged templates for every age band of spam; a list may
    // still run out of unused ones in a long feed.
    let pool = if unused.is_empty() { fitting } else { unused };
    let mut spans = Vec::new();
    let mut fresh = false;
    let mut tone = Tone::Plain;
    // a try that is thrown away must leave nothing behind for the replies to repeat
    let before = filler.memory.clone();
    for _ in 0..8 {
        let Some(t) = pool.choose(rng) else { break };
        filler.memory = before.clone();
        if t.kind.is_some() {
            filler.memory.kind = t.kind().to_string();
        }
        // "contact @mila_22 … thanks to Mila": whichever comes first, the handle is Mila's
        let slots = t.slots();
        if slots.contains(&"handle") && slots.contains(&"name") {
            filler.name_first(rng);
        }
        spans = t.expand(filler, rng);
        tone = t.tone;
        trim(&mut spans);
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        let words = word_set(&text);
        if !ctx.seen.contains(&text) && !ctx.seen_words.iter().any(|w| alike(w, &words)) {
            ctx.seen.insert(text);
            ctx.seen_words.push(words);
            ctx.used.insert(*t as *const Template);
            fresh = true;
            break;
        }
    }
    (spans, fresh, tone)
}

/// Trims the text and collapses the double spaces an empty alternative can leave.
pub(super) fn trim(spans: &mut Vec<Span>) {
    for s in spans.iter_mut().filter(|s| s.text.contains("  ")) {
        while s.text.contains("  ") {
            s.text = s.text.replace("  ", " ");
        }
    }
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans.retain(|s| !s.text.is_empty());
}

pub(super) fn spam_comment<R: Rng>(ctx: &mut Ctx, category: Category, part: SpamPart, memory: Option<&Memory>, rng: &mut R) -> Draft {
    let corpus = ctx.corpus;
    let difficulty = ctx.settings.difficulty;
    let section = &corpus.spam[Corpus::spam_key(category, ctx.settings.age_band)];
    let level = usize::from(difficulty.level() - 1);
    let mut filler = SlotFiller::new(corpus, ctx.creator, ctx.post, category);
    if let Some(m) = memory {
        filler.memory = m.clone();
    }
    // a reply backs up the kind of scam it answers: no payout under a recovery offer
    let templates: Vec<&Template> = match part {
        SpamPart::Top => section.by_difficulty[level].iter().collect(),
        SpamPart::Reply => of_kind(&section.replies, &filler.memory.kind),
        SpamPart::UnderViewer => section.under_viewer.iter().collect(),
    };
    let reply = part == SpamPart::Reply;
    let (mut spans, fresh, tone) = fresh_text(ctx, templates, &mut filler, rng);
    restyle(&mut spans, if tone == Tone::Down { Restyle::Down } else { Restyle::Full }, rng);
    let mut tricks = Vec::new();
    // what the text itself did, before the account's bio draws a link of its own
    let (text_link, text_handle) = (filler.used_link, filler.used_handle);
    let said = filler.memory.clone();
    filler.memory = said.without_name();
    let mut author = if reply {
        chain_bot_account(corpus, &said.names_taken(), rng)
    } else {
        spam_account(corpus, category, ctx.settings.age_band, spans.iter().any(|s| s.cue == Some(Cue::ProfileBait)), &mut filler, rng)
    };
    let drawn = std::mem::replace(&mut filler.memory, said);
    filler.memory.absorb(&drawn);
    filler.memory.accounts.extend([author.display_name.clone(), author.username.clone()]);

    if difficulty.level() == 3 && !reply {
        tricks.extend(disguise(&mut spans, rng));
        if filler.used_split_link {
            tricks.push(Trick::SplitLink);
        }
        if text_handle && !text_link {
            tricks.push(Trick::HandleInsteadOfLink);
        }
    }
    let copies_chance = match (category, difficulty.level()) {
        // a paid-shipping giveaway talks about a star in the third person
        _ if Voice::of(category, &filler.memory.kind) == Voice::Stranger => 0.0,
        (Category::FakeGiveaway, 3) => 0.85,
        (Category::FakeGiveaway, 2) => 0.5,
        // an impersonator answering a viewer wears the creator's name and picture; crypto and
        // game-money spam tells a stranger's story ("my sister earns…"), never the creator's
        (Category::FakeGiveaway, _) if part == SpamPart::UnderViewer => 0.9,
        _ => 0.0,
    };
    // nobody impersonates a classmate (an unverified child's account) for a giveaway
    if !reply && ctx.creator.verified && rng.random_bool(copies_chance) {
        author.display_name = ctx.creator.name.clone();
        author.avatar = ctx.creator_account.avatar.clone();
        author.username = lookalike_username(&ctx.creator.handle, rng);
        tricks.push(Trick::CopiesCreator);
    } else if part == SpamPart::Top
        && Voice::pins_itself(category, &filler.memory.kind, ctx.creator.verified, &spans)
        && difficulty.level() == 3
        && rng.random_bool(0.3)
    {
        // only a comment of its own can pretend to be pinned, and only a seller's or a fake
        // official's: a bot posing as a child does not
        author.display_name = match corpus.lang {
            Lang::Nl => format!("📌 Vastgezet door {}", ctx.creator.name),
            Lang::En => format!("📌 Pinned by {}", ctx.creator.name),
        };
        tricks.push(Trick::FakePinned);
    }
    ctx.claim(&mut author, rng);
    Draft {
        author,
        spans,
        category,
        tricks,
        tricky: None,
        pinned: false,
        likes: if rng.random_bool(0.7) { rng.random_range(0..4) } else { rng.random_range(4..60) },
        memory: filler.memory,
        repeat: !fresh,
        tone,
    }
}

pub(super) fn legit_comment<R: Rng>(ctx: &mut Ctx, kind: &str, rng: &mut R) -> Draft {
    legit_comment_of_kind(ctx, kind, "", &[], None, rng)
}

/// A real comment from a list; a warning answers the `(kind: …)` of the scam it is under, a
/// reply has the `tone` of the comment it answers. Its writer wears none of the names in
/// `taken`, nor a name the text itself named.
pub(super) fn legit_comment_of_kind<R: Rng>(ctx: &mut Ctx, kind: &str, scam_kind: &str, taken: &[String], tone: Option<Tone>, rng: &mut R) -> Draft {
    let corpus = ctx.corpus;
    let mut filler = SlotFiller::new(corpus, ctx.creator, ctx.post, Category::Legit);
    let templates = of_kind(&corpus.legit[kind], scam_kind).into_iter().filter(|t| tone.is_none_or(|tone| t.tone == tone));
    let (mut spans, fresh, tone) = fresh_text(ctx, templates, &mut filler, rng);
    filler.memory.kind.clear();
    let how = match tone {
        _ if kind.starts_with("warn") => Restyle::Warning,
        Tone::Down => Restyle::Down,
        Tone::Plain => Restyle::Full,
    };
    restyle(&mut spans, how, rng);
    let mut taken = taken.to_vec();
    taken.extend(filler.memory.others_named());
    real_draft(ctx, spans, filler, &taken, (5.0, 1.3), !fresh, tone, rng)
}

/// A real comment's draft: its text, a child's or fan's account named none of `taken`, and
/// likes drawn around `likes` (median, spread).
#[allow(clippy::too_many_arguments)]
fn real_draft<R: Rng>(ctx: &mut Ctx, spans: Vec<Span>, mut filler: SlotFiller, taken: &[String], likes: (f64, f64), repeat: bool, tone: Tone, rng: &mut R) -> Draft {
    let mut author = legit_account(ctx.corpus, ctx.settings.age_band, taken, &mut filler, rng);
    ctx.claim(&mut author, rng);
    Draft {
        author,
        spans,
        category: Category::Legit,
        tricks: Vec::new(),
        tricky: None,
        pinned: false,
        likes: lognormal(rng, likes.0, likes.1),
        memory: filler.memory,
        repeat,
        tone,
    }
}

pub(super) fn tricky_comment<R: Rng>(ctx: &mut Ctx, kind: Tricky, rng: &mut R) -> Draft {
    let corpus = ctx.corpus;
    let mut filler = SlotFiller::new(corpus, ctx.creator, ctx.post, Category::Legit);
    let (mut spans, fresh, tone) = fresh_text(ctx, &corpus.tricky[&kind], &mut filler, rng);
    match kind {
        // the creator's own announcement is written with care, as real creators' are
        Tricky::RealGiveaway => {}
        Tricky::CapsFan => restyle(&mut spans, Restyle::EndingOnly, rng),
        _ => restyle(&mut spans, Restyle::Full, rng),
    }
    let draft = real_draft(ctx, spans, filler, &[], (12.0, 1.2), !fresh, tone, rng);
    Draft { tricky: Some(kind), memory: Memory::default(), ..draft }
}
