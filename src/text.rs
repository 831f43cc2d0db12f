//! UI text that depends on a value (a cue, a category …), looked up through the compile-time
//! checked keys of `locales/*.json`.

use crate::domain::model::{AgeBand, Category, Cue, Lang, Platform, ProfileCue, Trick, Tricky};
use crate::domain::scoring::ReportReason;
use crate::i18n::Locale;
use leptos_i18n::td_string;

pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Nl => Locale::nl,
        Lang::En => Locale::en,
    }
}

pub fn cue(l: Locale, c: Cue) -> String {
    match c {
        Cue::ProfileBait => td_string!(l, cue.profile_bait),
        Cue::PrivateChat => td_string!(l, cue.private_chat),
        Cue::TooGood => td_string!(l, cue.too_good),
        Cue::FreeStuff => td_string!(l, cue.free_stuff),
        Cue::LoginRequest => td_string!(l, cue.login_request),
        Cue::Urgency => td_string!(l, cue.urgency),
        Cue::Threat => td_string!(l, cue.threat),
        Cue::LikeBait => td_string!(l, cue.like_bait),
        Cue::MoneyPromise => td_string!(l, cue.money_promise),
        Cue::Testimonial => td_string!(l, cue.testimonial),
        Cue::SelfPromo => td_string!(l, cue.self_promo),
        Cue::Impersonation => td_string!(l, cue.impersonation),
        Cue::Flattery => td_string!(l, cue.flattery),
        Cue::Secret => td_string!(l, cue.secret),
        Cue::Link => td_string!(l, cue.link),
        Cue::Handle => td_string!(l, cue.handle),
        Cue::FakeProof => td_string!(l, cue.fake_proof),
        Cue::PayFirst => td_string!(l, cue.pay_first),
        Cue::MoneyMule => td_string!(l, cue.money_mule),
        Cue::Recovery => td_string!(l, cue.recovery),
    }
    .to_string()
}

pub fn trick(l: Locale, t: Trick) -> String {
    match t {
        Trick::LookalikeLetters => td_string!(l, trick.lookalike_letters),
        Trick::HiddenCharacters => td_string!(l, trick.hidden_characters),
        Trick::SplitLink => td_string!(l, trick.split_link),
        Trick::HandleInsteadOfLink => td_string!(l, trick.handle_instead_of_link),
        Trick::BotChain => td_string!(l, trick.bot_chain),
        Trick::FakePinned => td_string!(l, trick.fake_pinned),
        Trick::CopiesCreator => td_string!(l, trick.copies_creator),
        Trick::AnswersViewer => td_string!(l, trick.answers_viewer),
    }
    .to_string()
}

pub fn profile(l: Locale, p: ProfileCue) -> String {
    match p {
        ProfileCue::NewAccount => td_string!(l, profile.new_account),
        ProfileCue::NoPosts => td_string!(l, profile.no_posts),
        ProfileCue::DigitsInName => td_string!(l, profile.digits_in_name),
        ProfileCue::FewFollowers => td_string!(l, profile.few_followers),
        ProfileCue::FollowsMany => td_string!(l, profile.follows_many),
        ProfileCue::EmptyBio => td_string!(l, profile.empty_bio),
        ProfileCue::BioLink => td_string!(l, profile.bio_link),
        ProfileCue::NoAvatar => td_string!(l, profile.no_avatar),
        ProfileCue::CopiesCreator => td_string!(l, profile.copies_creator),
        ProfileCue::FakePinned => td_string!(l, profile.fake_pinned),
    }
    .to_string()
}

pub fn tricky(l: Locale, t: Tricky) -> String {
    match t {
        Tricky::RealGiveaway => td_string!(l, tricky.real_giveaway),
        Tricky::ClassmateLink => td_string!(l, tricky.classmate_link),
        Tricky::CapsFan => td_string!(l, tricky.caps_fan),
        Tricky::Warning => td_string!(l, tricky.warning),
    }
    .to_string()
}

pub fn category_name(l: Locale, c: Category) -> String {
    match c {
        Category::AdultBot => td_string!(l, category.adult_bot.name),
        Category::FakeGiveaway => td_string!(l, category.fake_giveaway.name),
        Category::FreeCurrency => td_string!(l, category.free_currency.name),
        Category::Crypto => td_string!(l, category.crypto.name),
        Category::SelfPromo => td_string!(l, category.self_promo.name),
        Category::Phishing => td_string!(l, category.phishing.name),
        Category::ChainLetter => td_string!(l, category.chain_letter.name),
        Category::Romance => td_string!(l, category.romance.name),
        Category::Legit => td_string!(l, category.legit.name),
    }
    .to_string()
}

pub fn category_what(l: Locale, c: Category) -> String {
    match c {
        Category::AdultBot => td_string!(l, category.adult_bot.what),
        Category::FakeGiveaway => td_string!(l, category.fake_giveaway.what),
        Category::FreeCurrency => td_string!(l, category.free_currency.what),
        Category::Crypto => td_string!(l, category.crypto.what),
        Category::SelfPromo => td_string!(l, category.self_promo.what),
        Category::Phishing => td_string!(l, category.phishing.what),
        Category::ChainLetter => td_string!(l, category.chain_letter.what),
        Category::Romance => td_string!(l, category.romance.what),
        Category::Legit => td_string!(l, category.legit.what),
    }
    .to_string()
}

/// Title and body of the "what could have happened" page for a link of this category.
pub fn link_page(l: Locale, c: Category) -> (String, String) {
    let (t, b) = match c {
        Category::AdultBot => (td_string!(l, link_page.adult_bot.title), td_string!(l, link_page.adult_bot.body)),
        Category::FakeGiveaway => (td_string!(l, link_page.fake_giveaway.title), td_string!(l, link_page.fake_giveaway.body)),
        Category::FreeCurrency => (td_string!(l, link_page.free_currency.title), td_string!(l, link_page.free_currency.body)),
        Category::Crypto => (td_string!(l, link_page.crypto.title), td_string!(l, link_page.crypto.body)),
        Category::SelfPromo => (td_string!(l, link_page.self_promo.title), td_string!(l, link_page.self_promo.body)),
        Category::Phishing => (td_string!(l, link_page.phishing.title), td_string!(l, link_page.phishing.body)),
        Category::ChainLetter => (td_string!(l, link_page.chain_letter.title), td_string!(l, link_page.chain_letter.body)),
        Category::Romance => (td_string!(l, link_page.romance.title), td_string!(l, link_page.romance.body)),
        Category::Legit => (td_string!(l, link_page.legit.title), td_string!(l, link_page.legit.body)),
    };
    (t.to_string(), b.to_string())
}

pub fn reason(l: Locale, r: ReportReason) -> String {
    match r {
        ReportReason::SpamScam => td_string!(l, reason_spam_scam),
        ReportReason::Sexual => td_string!(l, reason_sexual),
        ReportReason::Impersonation => td_string!(l, reason_impersonation),
        ReportReason::Bullying => td_string!(l, reason_bullying),
        ReportReason::Other => td_string!(l, reason_other),
    }
    .to_string()
}

pub fn age_band(l: Locale, a: AgeBand) -> String {
    match a {
        AgeBand::Age8To10 => td_string!(l, age_8_10),
        AgeBand::Age10To12 => td_string!(l, age_10_12),
        AgeBand::Age12To14 => td_string!(l, age_12_14),
    }
    .to_string()
}

pub fn level(l: Locale, level: u8) -> String {
    match level {
        1 => td_string!(l, level_1),
        2 => td_string!(l, level_2),
        _ => td_string!(l, level_3),
    }
    .to_string()
}

pub fn platform(l: Locale, p: Platform) -> String {
    match p {
        Platform::Photo => td_string!(l, platform_photo),
        Platform::Video => td_string!(l, platform_video),
    }
    .to_string()
}

/// 950, 12.3K, 1.2M (with a decimal comma in Dutch).
/// A count as a platform shows it: 950, 18.4K (18,4K in Dutch), 1.2M. Integer arithmetic only:
/// float formatting would add kilobytes of WebAssembly.
pub fn compact(lang: Lang, n: u32) -> String {
    let (unit, suffix) = match n {
        0..1_000 => return n.to_string(),
        1_000..1_000_000 => (1_000u64, "K"),
        _ => (1_000_000u64, "M"),
    };
    let tenths = (u64::from(n) * 10 + unit / 2) / unit;
    let sep = if lang == Lang::Nl { ',' } else { '.' };
    match tenths % 10 {
        0 => format!("{}{suffix}", tenths / 10),
        frac => format!("{}{sep}{frac}{suffix}", tenths / 10),
    }
}

/// A score from −1 to 1 as a whole percentage, negative scores shown as 0.
pub fn percent(score: f64) -> String {
    ((score.max(0.0) * 100.0).round() as i64).to_string()
}

pub fn time_ago(l: Locale, minutes: u32) -> String {
    match minutes {
        0..60 => fill(td_string!(l, time_minutes), &[("count", minutes.max(1).to_string())]),
        60..1440 => fill(td_string!(l, time_hours), &[("count", (minutes / 60).to_string())]),
        _ => fill(td_string!(l, time_days), &[("count", (minutes / 1440).to_string())]),
    }
}

/// A value as it goes into an address's query (`?next=…`): everything but letters, digits and
/// `-_.~` percent-encoded.
pub fn query_value(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// Puts values into a UI string's `%name%` placeholders.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(template.to_string(), |s, (name, value)| s.replace(&format!("%{name}%"), value))
}

/// A set of UI strings that an island finds in the page, in the page's language: a struct of
/// named `String` fields that travels as a plain list of strings (`From<Vec<String>>`).
macro_rules! island_texts {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[doc = $doc:literal])* pub $field:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(from = "Vec<String>", into = "Vec<String>")]
        pub struct $name {
            $($(#[doc = $doc])* pub $field: String,)*
        }

        impl From<Vec<String>> for $name {
            fn from(list: Vec<String>) -> $name {
                let mut list = list.into_iter();
                $name { $($field: list.next().unwrap_or_default(),)* }
            }
        }

        impl From<$name> for Vec<String> {
            fn from(t: $name) -> Vec<String> {
                vec![$(t.$field,)*]
            }
        }
    };
}
pub(crate) use island_texts;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_compact_in_each_language() {
        assert_eq!(compact(Lang::En, 950), "950");
        assert_eq!(compact(Lang::En, 18_400), "18.4K");
        assert_eq!(compact(Lang::Nl, 18_400), "18,4K");
        assert_eq!(compact(Lang::En, 2_000), "2K");
        assert_eq!(compact(Lang::En, 1_250_000), "1.3M");
        assert_eq!(percent(0.756), "76");
        assert_eq!(percent(-0.2), "0");
    }
}
