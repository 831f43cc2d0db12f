//! The feed generator: a feed is a pure function of (settings, seed, language), drawn with
//! ChaCha8 so that the same input gives the same feed on every platform and build.

use super::accounts::{creator_account, lognormal, profile_cues};
use super::corpus::{Corpus, CreatorDef, PostDef};
use super::model::*;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashSet;

mod drafts;

use drafts::{Ctx, Draft, SpamPart, legit_comment, legit_comment_of_kind, spam_comment, tricky_comment};

/// The named generator behind every feed.
pub type FeedRng = ChaCha8Rng;

/// A comment and the replies under it.
struct Thread {
    top: Draft,
    replies: Vec<Draft>,
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
            let warn = legit_comment_of_kind(&mut ctx, list, &thread.top.memory.kind, &taken, None, &mut rng);
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
            // "rotten day" gets "aw hope tomorrow is better", never "same!! so cool": a reply in
            // the comment's tone, from its own list or the general one; where neither has one,
            // nobody answers
            let tone = top.tone;
            let has_tone = |list: &str| corpus.legit.get(list).is_some_and(|l| l.iter().any(|t| t.tone == tone && t.fits(&post.tags, settings.age_band)));
            let list = match (own_only && has_tone(&own), matches!(kind, "question" | "tag")) {
                (true, _) => own.as_str(),
                (false, false) if has_tone("reply") => "reply",
                _ => {
                    threads.push(Thread { top, replies });
                    continue;
                }
            };
            let mut reply = legit_comment_of_kind(&mut ctx, list, "", &[], Some(tone), &mut rng);
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
