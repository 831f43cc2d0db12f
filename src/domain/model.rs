//! The values a feed is made of. Plain data: serialisable so the server can hand a generated
//! feed to the browser, where the practice island renders and scores it.

use serde::{Deserialize, Serialize};

/// Interface and content language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 code used in URLs and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The age band a feed is written for; decides which spam may appear and how it is worded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "8-10")]
    Age8To10,
    #[serde(rename = "10-12")]
    Age10To12,
    #[serde(rename = "12-14")]
    Age12To14,
}

impl AgeBand {
    pub const ALL: [AgeBand; 3] = [AgeBand::Age8To10, AgeBand::Age10To12, AgeBand::Age12To14];

    pub fn id(self) -> &'static str {
        match self {
            AgeBand::Age8To10 => "8-10",
            AgeBand::Age10To12 => "10-12",
            AgeBand::Age12To14 => "12-14",
        }
    }

    pub fn parse(s: &str) -> Option<AgeBand> {
        AgeBand::ALL.into_iter().find(|a| a.id() == s)
    }

    /// Whether a spam category is shown to this age band at all. Adult bots are absent for
    /// 8–10: that pattern is taught there as strangers who want to chat privately (romance).
    pub fn allows(self, category: Category) -> bool {
        !(self == AgeBand::Age8To10 && category == Category::AdultBot)
    }
}

/// 1 obvious, 2 typical, 3 disguised with the tricks spammers use against filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Difficulty(u8);

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty(1), Difficulty(2), Difficulty(3)];

    pub fn new(level: u8) -> Option<Difficulty> {
        (1..=3).contains(&level).then_some(Difficulty(level))
    }

    pub fn level(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Difficulty {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Difficulty::new(v).ok_or_else(|| format!("difficulty must be 1, 2 or 3, not {v}"))
    }
}

impl From<Difficulty> for u8 {
    fn from(d: Difficulty) -> u8 {
        d.0
    }
}

/// The fictional platform a feed imitates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    /// "Glimmer", a photo app in the style of Instagram.
    Photo,
    /// "Vidlo", a video site in the style of YouTube.
    Video,
}

impl Platform {
    pub const ALL: [Platform; 2] = [Platform::Photo, Platform::Video];

    pub fn id(self) -> &'static str {
        match self {
            Platform::Photo => "photo",
            Platform::Video => "video",
        }
    }

    pub fn parse(s: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.id() == s)
    }

    /// The platform's (fictional) brand name; the same in every language.
    pub fn brand(self) -> &'static str {
        match self {
            Platform::Photo => "Glimmer",
            Platform::Video => "Vidlo",
        }
    }
}

/// What a comment is: one of the eight spam categories, or a legitimate comment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    AdultBot,
    FakeGiveaway,
    FreeCurrency,
    Crypto,
    SelfPromo,
    Phishing,
    ChainLetter,
    Romance,
    Legit,
}

impl Category {
    pub const SPAM: [Category; 8] = [
        Category::AdultBot,
        Category::FakeGiveaway,
        Category::FreeCurrency,
        Category::Crypto,
        Category::SelfPromo,
        Category::Phishing,
        Category::ChainLetter,
        Category::Romance,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::AdultBot => "adult_bot",
            Category::FakeGiveaway => "fake_giveaway",
            Category::FreeCurrency => "free_currency",
            Category::Crypto => "crypto",
            Category::SelfPromo => "self_promo",
            Category::Phishing => "phishing",
            Category::ChainLetter => "chain_letter",
            Category::Romance => "romance",
            Category::Legit => "legit",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::SPAM
            .into_iter()
            .chain([Category::Legit])
            .find(|c| c.id() == s)
    }

    pub fn is_spam(self) -> bool {
        self != Category::Legit
    }
}

/// Why a piece of comment text gives spam away. Each has a child-friendly explanation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    ProfileBait,
    PrivateChat,
    TooGood,
    FreeStuff,
    LoginRequest,
    Urgency,
    Threat,
    LikeBait,
    MoneyPromise,
    Testimonial,
    SelfPromo,
    Impersonation,
    Flattery,
    Secret,
    Link,
    Handle,
    FakeProof,
    PayFirst,
    MoneyMule,
    Recovery,
}

impl Cue {
    pub const ALL: [Cue; 20] = [
        Cue::ProfileBait,
        Cue::PrivateChat,
        Cue::TooGood,
        Cue::FreeStuff,
        Cue::LoginRequest,
        Cue::Urgency,
        Cue::Threat,
        Cue::LikeBait,
        Cue::MoneyPromise,
        Cue::Testimonial,
        Cue::SelfPromo,
        Cue::Impersonation,
        Cue::Flattery,
        Cue::Secret,
        Cue::Link,
        Cue::Handle,
        Cue::FakeProof,
        Cue::PayFirst,
        Cue::MoneyMule,
        Cue::Recovery,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Cue::ProfileBait => "profile_bait",
            Cue::PrivateChat => "private_chat",
            Cue::TooGood => "too_good",
            Cue::FreeStuff => "free_stuff",
            Cue::LoginRequest => "login_request",
            Cue::Urgency => "urgency",
            Cue::Threat => "threat",
            Cue::LikeBait => "like_bait",
            Cue::MoneyPromise => "money_promise",
            Cue::Testimonial => "testimonial",
            Cue::SelfPromo => "self_promo",
            Cue::Impersonation => "impersonation",
            Cue::Flattery => "flattery",
            Cue::Secret => "secret",
            Cue::Link => "link",
            Cue::Handle => "handle",
            Cue::FakeProof => "fake_proof",
            Cue::PayFirst => "pay_first",
            Cue::MoneyMule => "money_mule",
            Cue::Recovery => "recovery",
        }
    }

    pub fn parse(s: &str) -> Option<Cue> {
        Cue::ALL.into_iter().find(|c| c.id() == s)
    }
}

/// A disguise used at difficulty 3 to get past automatic filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trick {
    LookalikeLetters,
    HiddenCharacters,
    SplitLink,
    HandleInsteadOfLink,
    BotChain,
    FakePinned,
    CopiesCreator,
    /// Posted as a reply under another viewer's real comment.
    AnswersViewer,
}

/// A profile field that gives a spam account away (or makes a real one look odd).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileCue {
    NewAccount,
    NoPosts,
    DigitsInName,
    FewFollowers,
    FollowsMany,
    EmptyBio,
    BioLink,
    NoAvatar,
    CopiesCreator,
    FakePinned,
}

/// Why a legitimate comment may look suspicious at first sight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tricky {
    RealGiveaway,
    ClassmateLink,
    CapsFan,
    Warning,
}

/// A run of comment text; `cue` marks the words the feedback highlights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// The text is a web address (always on a reserved domain) the child can click.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub link: bool,
}

/// How an avatar is drawn (see `illustration::avatar_svg`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AvatarKind {
    Initial,
    Animal,
    Pattern,
    Blank,
}

impl AvatarKind {
    pub fn id(self) -> &'static str {
        match self {
            AvatarKind::Initial => "initial",
            AvatarKind::Animal => "animal",
            AvatarKind::Pattern => "pattern",
            AvatarKind::Blank => "blank",
        }
    }

    pub fn parse(s: &str) -> Option<AvatarKind> {
        [AvatarKind::Initial, AvatarKind::Animal, AvatarKind::Pattern, AvatarKind::Blank]
            .into_iter()
            .find(|k| k.id() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avatar {
    pub kind: AvatarKind,
    pub letters: String,
    pub variant: u32,
}

impl Avatar {
    /// The same-origin URL that serves this avatar as SVG.
    pub fn url(&self) -> String {
        let letters: String = self
            .letters
            .chars()
            .filter(|c| c.is_alphanumeric())
            .take(2)
            .collect();
        format!("/img/avatar/{}/{}/{}.svg", self.kind.id(), self.variant, url_text(&letters))
    }
}

/// Percent-encodes everything but ASCII letters and digits.
fn url_text(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() { "_".into() } else { out }
}

/// The account behind a comment or post.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub username: String,
    pub display_name: String,
    pub avatar: Avatar,
    pub age_days: u32,
    pub posts: u32,
    pub followers: u32,
    pub following: u32,
    pub bio: String,
    pub bio_link: Option<String>,
    pub verified: bool,
    /// The creator of the post the comments are under.
    pub is_creator: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: u16,
    /// The comment this one replies to.
    pub parent: Option<u16>,
    pub author: Account,
    pub spans: Vec<Span>,
    pub category: Category,
    pub difficulty: Difficulty,
    pub likes: u32,
    pub minutes_ago: u32,
    pub pinned: bool,
    pub tricks: Vec<Trick>,
    pub profile_cues: Vec<ProfileCue>,
    pub tricky: Option<Tricky>,
}

impl Comment {
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_spam(&self) -> bool {
        self.category.is_spam()
    }

    pub fn cues(&self) -> Vec<Cue> {
        let mut cues: Vec<Cue> = Vec::new();
        for c in self.spans.iter().filter_map(|s| s.cue) {
            if !cues.contains(&c) {
                cues.push(c);
            }
        }
        cues
    }

    /// Whether a moderator may pin it: a top-level comment by a viewer, not the channel's own.
    pub fn pinnable(&self) -> bool {
        self.parent.is_none() && !self.author.is_creator
    }

    pub fn links(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().filter(|s| s.link).map(|s| s.text.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    pub platform: Platform,
    pub creator_id: String,
    pub creator: Account,
    pub title: Option<String>,
    pub caption: String,
    pub scene: String,
    pub scene_variant: u32,
    pub likes: u32,
    pub views: u32,
    pub minutes_ago: u32,
}

/// What a feed is generated from, besides the seed and the language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FeedSettings {
    pub platform: Platform,
    pub age_band: AgeBand,
    pub difficulty: Difficulty,
    /// The spam categories that may appear; those the age band does not allow are left out.
    pub categories: Vec<Category>,
    /// Comments in all, replies included.
    pub comment_count: u8,
    /// Share of spam among the comments, in percent.
    pub spam_percent: u8,
    /// The creator whose post the comments are under (a `creators.toml` id); any when `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
}

impl FeedSettings {
    /// The query of a round's address for these settings: `age=…&app=…&level=…&seed=…`.
    pub fn round_query(&self, seed: u64) -> String {
        format!("age={}&app={}&level={}&seed={seed}", self.age_band.id(), self.platform.id(), self.difficulty.level())
    }

    /// A home round: every category the age band allows, a length an 8-year-old finishes.
    pub fn home(platform: Platform, age_band: AgeBand, difficulty: Difficulty) -> FeedSettings {
        FeedSettings {
            platform,
            age_band,
            difficulty,
            categories: Category::SPAM.to_vec(),
            comment_count: match age_band {
                AgeBand::Age8To10 => 12,
                AgeBand::Age10To12 => 14,
                AgeBand::Age12To14 => 16,
            },
            spam_percent: 40,
            creator: None,
        }
    }
}

/// What a lesson's exercise asks of the child.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExerciseKind {
    /// Spot and report spam in a feed, as a viewer.
    Feed,
    /// Run the comment section as the creator's moderator: hide, delete, pin.
    Moderate,
    /// The test before the lessons, from the held-out item bank.
    Pretest,
    /// The test after the lessons, parallel to the pre-test.
    Posttest,
}

impl ExerciseKind {
    pub fn is_test(self) -> bool {
        matches!(self, ExerciseKind::Pretest | ExerciseKind::Posttest)
    }
}

/// The lesson a feed is the exercise of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonRound {
    pub id: String,
    pub kind: ExerciseKind,
    /// Set when a teacher assigned the lesson to a class: the answers go to the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<i64>,
}

/// A generated comment section under one post.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub lang: Lang,
    pub seed: u64,
    pub settings: FeedSettings,
    pub post: Post,
    pub comments: Vec<Comment>,
    /// Set when the feed is a lesson's exercise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<LessonRound>,
    /// Practice mode: the child learns after each comment whether the choice was right.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub practice: bool,
}

impl Feed {
    /// The query of this round's address: a lesson's exercise is known by the lesson and the age
    /// band (the lesson fixes the rest), a free round by its settings and seed.
    pub fn round_query(&self) -> String {
        let query = match &self.lesson {
            Some(LessonRound { assignment: Some(a), .. }) => format!("assignment={a}"),
            Some(l) => format!("lesson={}&age={}", l.id, self.settings.age_band.id()),
            None => self.settings.round_query(self.seed),
        };
        if self.practice { format!("{query}&practice=1") } else { query }
    }

    /// The class assignment this round belongs to, if any.
    pub fn assignment(&self) -> Option<i64> {
        self.lesson.as_ref().and_then(|l| l.assignment)
    }

    /// Whether the child is the moderator of this comment section rather than a viewer.
    pub fn moderating(&self) -> bool {
        self.lesson.as_ref().is_some_and(|l| l.kind == ExerciseKind::Moderate)
    }

    /// Top-level comments with their replies, in display order.
    pub fn threads(&self) -> Vec<(&Comment, Vec<&Comment>)> {
        self.comments
            .iter()
            .filter(|c| c.parent.is_none())
            .map(|top| {
                let replies = self.comments.iter().filter(|c| c.parent == Some(top.id)).collect();
                (top, replies)
            })
            .collect()
    }
}
