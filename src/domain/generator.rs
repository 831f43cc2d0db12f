//! The feed generator: a feed is a pure function of (settings, seed, language), drawn with
//! ChaCha8 so that the same input gives the same feed on every platform and build.

use super::accounts::{chain_bot_account, creator_account, lookalike_username, legit_account, lognormal, profile_cues, spam_account};
use super::corpus::{Corpus, CreatorDef, PostDef};
use super::evasion::disguise;
use super::model::*;
use super::slots::{Memory, SlotFiller};
use super::style::{Restyle, restyle};
use super::template::{Template, of_kind};
use super::voice::Voice;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

/// The named generator behind every feed.
pub type FeedRng = ChaCha8Rng;

/// A comment before it gets its place and id.
struct Draft {
    author: Account,
    spans: Vec<Span>,
    category: Category,
    tricks: Vec<Trick>,
    tricky: Option<Tricky>,
    pinned: bool,
    likes: u32,
    /// What the slots of a spam comment became, for its bot replies.
    memory: Memory,
    /// Its list had nothing left that the feed does not already say.
    repeat: bool,
}

struct Thread {
    top: Draft,
    replies: Vec<Draft>,
}

struct Ctx<'c> {
    corpus: &'c Corpus,
    settings: &'c FeedSettings,
    creator: &'c CreatorDef,
    post: &'c PostDef,
    creator_account: Account,
    /// Texts already in the feed: a feed never shows the same comment twice.
    seen: HashSet<String>,
    /// Templates already used in the feed (by address): two fills of one template read alike.
    used: HashSet<*const Template>,
    /// The words of each comment so far: two templates can read alike too.
    seen_words: Vec<HashSet<String>>,
    /// Usernames already in the feed: one username is one account, with one name and one bio.
    usernames: HashSet<String>,
}

impl Ctx<'_> {
    /// Gives a new account a username nobody in the feed has yet: a second `stormfort.fan`
    /// with another name and bio becomes `stormfort.fan27`, as the platform would make it.
    fn claim<R: Rng>(&mut self, account: &mut Account, rng: &mut R) {
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
fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Two comments of six words or more that share most of their words read as one comment twice.
fn alike(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    a.len() >= 6 && b.len() >= 6 && a.intersection(b).count() * 10 >= a.union(b).count() * 6
}

/// Which list of a spam section a comment comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SpamPart {
    Top,
    /// A bot reply praising the spam above it.
    Reply,
    /// Spam posted under another viewer's real comment.
    UnderViewer,
}

/// Generates the comment section under one post.
pub fn generate(corpus: &Corpus, settings: &FeedSettings, seed: u64) -> Feed {
    let mut rng = FeedRng::seed_from_u64(seed);
    let (creator, post) = choose_post(corpus, settings, &mut rng);
    let creator_acc = creator_account(creator, &mut rng);
    let mut ctx = Ctx {
        corpus,
        settings,
        creator,
        post,
        creator_account: creator_acc,
        seen: HashSet::new(),
        used: HashSet::new(),
        seen_words: Vec::new(),
        usernames: HashSet::new(),
    };

    let n = usize::from(settings.comment_count.max(2));
    let mut categories: Vec<Category> = Category::SPAM
        .into_iter()
        .filter(|c| settings.categories.contains(c) && settings.age_band.allows(*c))
        .collect();
    categories.shuffle(&mut rng);
    let mut spam_target = (n * usize::from(settings.spam_percent.min(100)) + 50) / 100;
    if n >= 10 && spam_target > 1 {
        spam_target = (spam_target as i64 + rng.random_range(-1..=1)) as usize;
    }
    if categories.is_empty() {
        spam_target = 0;
    }
    let spam_target = spam_target.min(n);

    let mut threads: Vec<Thread> = Vec::new();
    // Spam replies waiting for a real comment to be posted under.
    let mut under_viewer: Vec<Draft> = Vec::new();
    let mut spam_made = 0;
    let mut next_cat = 0;
    while spam_made < spam_target {
        let category = categories[next_cat % categories.len()];
        next_cat += 1;
        let section = &corpus.spam[Corpus::spam_key(category, settings.age_band)];
        if settings.difficulty.level() >= 2
            && section.under_viewer.iter().any(|t| t.fits(&post.tags, settings.age_band))
            && n - spam_target > under_viewer.len() + 2
            && rng.random_bool(0.3)
        {
            under_viewer.push(spam_comment(&mut ctx, category, SpamPart::UnderViewer, None, &mut rng));
            spam_made += 1;
            continue;
        }
        let mut top = spam_comment(&mut ctx, category, SpamPart::Top, None, &mut rng);
        spam_made += 1;
        let mut replies = Vec::new();
        let chain_chance = match category {
            Category::Crypto => 0.8,
            _ => 0.35,
        };
        if settings.difficulty.level() >= 2
            && !section.replies.is_empty()
            && spam_made < spam_target
            && rng.random_bool(chain_chance)
        {
            let count = rng.random_range(1..=2).min(spam_target - spam_made);
            // each reply repeats what the comment and the replies before it said ("$300 cash")
            let mut said = top.memory.for_reply();
            for _ in 0..count {
                let reply = spam_comment(&mut ctx, category, SpamPart::Reply, Some(&said), &mut rng);
                // no second "got mine!!" word for word: a shorter chain instead
                if reply.repeat {
                    break;
                }
                said = reply.memory.for_reply();
                replies.push(reply);
                spam_made += 1;
            }
            top.tricks.push(Trick::BotChain);
            top.likes = rng.random_range(40..400);
        }
        threads.push(Thread { top, replies });
    }

    let mut legit_left = n - spam_made;
    let mut pinned = None;
    if legit_left > 0 && creator.verified && rng.random_bool(0.4) {
        let mut d = tricky_comment(&mut ctx, Tricky::RealGiveaway, &mut rng);
        d.author = ctx.creator_account.clone();
        d.pinned = true;
        pinned = Some(Thread { top: d, replies: Vec::new() });
        legit_left -= 1;
    }
    for (kind, chance) in [(Tricky::ClassmateLink, 0.35), (Tricky::CapsFan, 0.4)] {
        if legit_left > 1 && rng.random_bool(chance) {
            threads.push(Thread { top: tricky_comment(&mut ctx, kind, &mut rng), replies: Vec::new() });
            legit_left -= 1;
        }
    }
    // Real people sometimes warn others under spam; the warning itself is a legitimate comment.
    // Real comment sections hold few of them, so they stay rare.
    for thread in threads.iter_mut() {
        if legit_left > 2 && thread.top.category.is_spam() && rng.random_bool(0.12) {
            // A warning that names what this spam does ("not the real account" under an
            // impersonator) where the corpus has them, else one that fits under any spam.
            let own = format!("warn_{}", thread.top.category.id());
            // "0 posts and made this week": and so the profile shows
            // a self-promoter or a "pics on my page" bot has posts to show
            let shows_posts = matches!(thread.top.category, Category::SelfPromo | Category::AdultBot);
            let list = if !shows_posts && corpus.legit.contains_key("warn_profile") && rng.random_bool(0.25) {
                thread.top.author.posts = 0;
                thread.top.author.age_days = thread.top.author.age_days.min(rng.random_range(0..7));
                "warn_profile"
            } else if corpus.legit.contains_key(own.as_str()) && rng.random_bool(0.6) {
                own.as_str()
            } else {
                "warn"
            };
            // and of its kind: no "nobody gets rich" under a recovery offer
            let mut taken = thread.top.memory.names_taken();
            taken.extend(thread.replies.iter().map(|r| r.author.username.clone()));
            let warn = legit_comment_of_kind(&mut ctx, list, &thread.top.memory.kind, &taken, &mut rng);
            thread.replies.push(Draft { tricky: Some(Tricky::Warning), ..warn });
            legit_left -= 1;
        }
    }
    let kinds: Vec<(&str, u32)> = [("reaction", 34), ("question", 20), ("joke", 12), ("disagree", 10), ("tag", 12), ("talk", 12)]
        .into_iter()
        .filter(|(k, _)| corpus.legit.contains_key(*k))
        .collect();
    while legit_left > 0 {
        let kind = kinds.choose_weighted(&mut rng, |k| k.1).map(|k| k.0).unwrap_or("reaction");
        let top = legit_comment(&mut ctx, kind, &mut rng);
        legit_left -= 1;
        let mut replies = Vec::new();
        // Bots answer viewers who ask or tell something, not someone's joke or argument.
        let answerable = matches!(kind, "question" | "talk" | "reaction" | "tag");
        if answerable && let Some(mut spam) = under_viewer.pop() {
            spam.tricks.push(Trick::AnswersViewer);
            address(&mut spam, &top.author, settings.platform, &mut rng);
            replies.push(spam);
        } else if legit_left > 0 && rng.random_bool(0.3) {
            let own = format!("reply_{kind}");
            // a question gets an answer and a tag its friend's reply, never a generic "same"
            let own_only = matches!(kind, "question" | "tag") || rng.random_bool(0.75);
            let list = if corpus.legit.contains_key(own.as_str()) && own_only { own.as_str() } else { "reply" };
            let mut reply = legit_comment(&mut ctx, list, &mut rng);
            // a friend who was tagged is the one who answers ("omg yes we have to")
            if let (true, Some((username, first))) = (list == "reply_tag", &top.memory.tagged) {
                reply.author.username = username.clone();
                ctx.usernames.insert(username.clone());
                reply.author.display_name = if rng.random_bool(0.5) { username.clone() } else { first.clone() };
                reply.author.avatar.letters = super::accounts::initials(&reply.author.display_name);
            }
            // "whoever is reading this" is said to everyone, not to the one above
            if list == own {
                address(&mut reply, &top.author, settings.platform, &mut rng);
            }
            replies.push(reply);
            legit_left -= 1;
        }
        threads.push(Thread { top, replies });
    }
    // Too few real comments to hang them all under: the rest are posted on their own.
    threads.extend(under_viewer.into_iter().map(|top| Thread { top, replies: Vec::new() }));

    threads.shuffle(&mut rng);
    if let Some(p) = pinned {
        threads.insert(0, p);
    }
    let comments = number(threads, &ctx.creator_account, settings.difficulty, &mut rng);
    Feed {
        lang: corpus.lang,
        seed,
        settings: settings.clone(),
        post: Post {
            platform: settings.platform,
            creator_id: creator.id.clone(),
            creator: ctx.creator_account,
            title: post.title.clone(),
            caption: post.caption.clone(),
            scene: post.scene.clone(),
            scene_variant: rng.random(),
            likes: lognormal(&mut rng, 2400.0, 0.8),
            views: lognormal(&mut rng, 48_000.0, 0.9),
            minutes_ago: rng.random_range(30..4000),
        },
        comments,
        lesson: None,
        practice: false,
    }
}

/// Whether this spam pretends to be pinned by the creator at difficulty 3: only the stories of
/// an official voice (a giveaway team, a security notice) do, under a real creator's post, and
/// not when the text says it already. A "friend", a happy "client" or a bot posing as a child
/// is nobody the creator would pin.
fn pins_itself(category: Category, kind: &str, creator_verified: bool, spans: &[Span]) -> bool {
    let official = Voice::of(category, kind).may_pin();
    let text: String = spans.iter().map(|s| s.text.to_lowercase()).collect();
    official && creator_verified && !text.contains("pinned") && !text.contains("vastgezet")
}

/// Starts a reply with the @username of the one it answers, as the photo app's reply button
/// does by itself and people on the video app often type.
fn address<R: Rng>(reply: &mut Draft, to: &Account, platform: Platform, rng: &mut R) {
    let chance = match platform {
        Platform::Photo => 0.6,
        Platform::Video => 0.2,
    };
    if rng.random_bool(chance) {
        reply.spans.insert(0, Span { text: format!("@{} ", to.username), cue: None, link: false });
    }
}

fn choose_post<'c, R: Rng>(corpus: &'c Corpus, settings: &FeedSettings, rng: &mut R) -> (&'c CreatorDef, &'c PostDef) {
    let wanted = |c: &CreatorDef| settings.creator.as_ref().is_none_or(|id| *id == c.id);
    let mut options: Vec<(&CreatorDef, &PostDef)> = corpus
        .creators
        .iter()
        .filter(|c| wanted(c))
        .flat_map(|c| c.posts.iter().filter(|p| p.platform == settings.platform).map(move |p| (c, p)))
        .collect();
    if options.is_empty() {
        // An unknown creator id: any creator will do rather than no feed.
        options = corpus.creators.iter().flat_map(|c| c.posts.iter().filter(|p| p.platform == settings.platform).map(move |p| (c, p))).collect();
    }
    // The corpus check guarantees every platform has a post.
    *options.choose(rng).expect("corpus has a post for every platform")
}

/// Expands one of the templates that fit this post and age band into text not yet in the feed,
/// preferring templates not used yet (a few tries, then accepts).
/// The template's `(kind: …)` of scam goes into the filler's memory, for the account and the
/// replies of the comment.
fn fresh_text<'t, R: Rng>(
    ctx: &mut Ctx,
    templates: impl IntoIterator<Item = &'t Template>,
    filler: &mut SlotFiller,
    rng: &mut R,
) -> (Vec<Span>, bool) {
    let age = ctx.settings.age_band;
    let fitting: Vec<&Template> = templates.into_iter().filter(|t| t.fits(&ctx.post.tags, age)).collect();
    let unused: Vec<&Template> = fitting.iter().copied().filter(|t| !ctx.used.contains(&(*t as *const Template))).collect();
    // The corpus check guarantees untagged templates for every age band of spam; a list may
    // still run out of unused ones in a long feed.
    let pool = if unused.is_empty() { fitting } else { unused };
    let mut spans = Vec::new();
    let mut fresh = false;
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
    (spans, fresh)
}

/// Trims the text and collapses the double spaces an empty alternative can leave.
fn trim(spans: &mut Vec<Span>) {
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

fn spam_comment<R: Rng>(ctx: &mut Ctx, category: Category, part: SpamPart, memory: Option<&Memory>, rng: &mut R) -> Draft {
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
    let (mut spans, fresh) = fresh_text(ctx, templates, &mut filler, rng);
    restyle(&mut spans, Restyle::Full, rng);
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
        && pins_itself(category, &filler.memory.kind, ctx.creator.verified, &spans)
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
    }
}

fn legit_comment<R: Rng>(ctx: &mut Ctx, kind: &str, rng: &mut R) -> Draft {
    legit_comment_of_kind(ctx, kind, "", &[], rng)
}

/// A real comment from a list; a warning answers the `(kind: …)` of the scam it is under.
/// Its writer wears none of the names in `taken`.
fn legit_comment_of_kind<R: Rng>(ctx: &mut Ctx, kind: &str, scam_kind: &str, taken: &[String], rng: &mut R) -> Draft {
    let corpus = ctx.corpus;
    let mut filler = SlotFiller::new(corpus, ctx.creator, ctx.post, Category::Legit);
    let (mut spans, fresh) = fresh_text(ctx, of_kind(&corpus.legit[kind], scam_kind), &mut filler, rng);
    filler.memory.kind.clear();
    restyle(&mut spans, if kind.starts_with("warn") { Restyle::Warning } else { Restyle::Full }, rng);
    let mut author = legit_account(corpus, ctx.settings.age_band, taken, &mut filler, rng);
    ctx.claim(&mut author, rng);
    Draft {
        author,
        spans,
        category: Category::Legit,
        tricks: Vec::new(),
        tricky: None,
        pinned: false,
        likes: lognormal(rng, 5.0, 1.3),
        memory: filler.memory,
        repeat: !fresh,
    }
}

fn tricky_comment<R: Rng>(ctx: &mut Ctx, kind: Tricky, rng: &mut R) -> Draft {
    let corpus = ctx.corpus;
    let mut filler = SlotFiller::new(corpus, ctx.creator, ctx.post, Category::Legit);
    let (mut spans, fresh) = fresh_text(ctx, &corpus.tricky[&kind], &mut filler, rng);
    match kind {
        // the creator's own announcement is written with care, as real creators' are
        Tricky::RealGiveaway => {}
        Tricky::CapsFan => restyle(&mut spans, Restyle::EndingOnly, rng),
        _ => restyle(&mut spans, Restyle::Full, rng),
    }
    let mut author = legit_account(corpus, ctx.settings.age_band, &[], &mut filler, rng);
    ctx.claim(&mut author, rng);
    Draft {
        author,
        spans,
        category: Category::Legit,
        tricks: Vec::new(),
        tricky: Some(kind),
        pinned: false,
        likes: lognormal(rng, 12.0, 1.2),
        memory: Memory::default(),
        repeat: !fresh,
    }
}

/// Gives the drafts their ids, order, times and profile cues.
fn number<R: Rng>(threads: Vec<Thread>, creator: &Account, difficulty: Difficulty, rng: &mut R) -> Vec<Comment> {
    let mut comments = Vec::new();
    let mut id: u16 = 0;
    let mut finish = |d: Draft, parent: Option<u16>, minutes_ago: u32, comments: &mut Vec<Comment>| {
        id += 1;
        let mut profile_cues = profile_cues(&d.author, creator);
        if d.tricks.contains(&Trick::FakePinned) {
            profile_cues.insert(0, ProfileCue::FakePinned);
        }
        comments.push(Comment {
            id,
            parent,
            profile_cues,
            spans: d.spans,
            category: d.category,
            difficulty,
            likes: d.likes,
            minutes_ago,
            pinned: d.pinned,
            tricks: d.tricks,
            tricky: d.tricky,
            author: d.author,
        });
        id
    };
    for t in threads {
        let minutes_ago = rng.random_range(5..3000);
        let top_id = finish(t.top, None, minutes_ago, &mut comments);
        for r in t.replies {
            let reply_ago = minutes_ago.saturating_sub(rng.random_range(1..minutes_ago.max(2)));
            finish(r, Some(top_id), reply_ago, &mut comments);
        }
    }
    comments
}
