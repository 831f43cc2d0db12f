//! Who a kind of scam pretends to be. The corpus sorts spam into kinds (`(kind: team)`, see
//! `corpus/README.md`); most kinds speak as a stranger, but some pose as the creator's team or
//! as an official notice, and that decides what their account may wear. This is the one place
//! in the code that knows kinds by name.

use super::model::{Category, Span};

/// The voice of one kind of scam.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// The creator's team or manager ("{creator} team here, you won"): handles like the
    /// creator's, may copy the creator's name and picture, may pretend to be pinned.
    CreatorTeam,
    /// An official-looking announcement or notice (a winner list, a security notice): may copy
    /// the creator (giveaways) and may pretend to be pinned.
    Official,
    /// A viewer telling their own story (a happy "client", a friend, a paid-shipping giveaway
    /// about a star in the third person): never the creator, never pinned.
    Stranger,
}

impl Voice {
    /// The voice of spam of `category` and `(kind: …)` (`""` = the category's usual kind).
    pub fn of(category: Category, kind: &str) -> Voice {
        match (category, kind) {
            (Category::FakeGiveaway, "team") => Voice::CreatorTeam,
            (Category::FakeGiveaway, "") | (Category::Phishing, "") => Voice::Official,
            _ => Voice::Stranger,
        }
    }

    /// Whether a comment in this voice could pass for one the creator pinned.
    pub fn may_pin(self) -> bool {
        self != Voice::Stranger
    }

    /// Whether this spam pretends to be pinned by the creator at difficulty 3: only the stories of
    /// an official voice (a giveaway team, a security notice) do, under a real creator's post, and
    /// not when the text says it already. A "friend", a happy "client" or a bot posing as a child
    /// is nobody the creator would pin.
    pub fn pins_itself(category: Category, kind: &str, creator_verified: bool, spans: &[Span]) -> bool {
        let official = Self::of(category, kind).may_pin();
        let text: String = spans.iter().map(|s| s.text.to_lowercase()).collect();
        official && creator_verified && !text.contains("pinned") && !text.contains("vastgezet")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_team_or_an_official_notice_poses_as_the_creator_side() {
        assert_eq!(Voice::of(Category::FakeGiveaway, "team"), Voice::CreatorTeam);
        assert_eq!(Voice::of(Category::Phishing, ""), Voice::Official);
        assert_eq!(Voice::of(Category::FakeGiveaway, "fee"), Voice::Stranger);
        assert_eq!(Voice::of(Category::Crypto, "coach"), Voice::Stranger);
        assert!(!Voice::of(Category::Phishing, "friend").may_pin());
    }
}
