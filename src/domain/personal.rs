//! What a child gives away about themself in a reply: their age, where they live, their school,
//! a phone number or an e-mail address. A stranger who asks "how old are you?" may look like a
//! real comment, but the answer deserves a word whatever the comment's label (PRODUCT.md §6).

/// Whether a reply tells a stranger something personal. Reads Dutch and English alike.
pub fn shares_personal_info(reply: &str) -> bool {
    // The words it looks for are ASCII: ASCII lower case is enough, and keeps the Unicode case
    // tables out of the WebAssembly.
    let text = reply.to_ascii_lowercase();
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()).collect();
    let is_age = |w: &str| w.parse::<u8>().is_ok_and(|n| (5..=19).contains(&n));
    // "ik ben 9", "i'm 9", "9 jaar", "9 years old", "im 11 yo"
    let age = words.windows(2).any(|p| {
        (["ben", "i'm", "i’m", "im", "am", "age", "leeftijd", "groep"].contains(&p[0]) && is_age(p[1]))
            || (is_age(p[0]) && ["jaar", "jarig", "years", "year", "yo", "yrs"].contains(&p[1]))
    });
    // a phone number: eight digits or more, written with or without spaces and dashes
    let digits = text.chars().filter(|c| !matches!(c, ' ' | '-' | '+' | '(' | ')')).collect::<String>();
    let phone = digits.as_bytes().windows(8).any(|w| w.iter().all(u8::is_ascii_digit));
    // an e-mail address (an @handle alone is no address)
    let email = text.split_whitespace().any(|w| w.find('@').is_some_and(|at| at > 0 && w[at..].contains('.') && !w.ends_with('.')));
    let place = [
        "ik woon", "wij wonen", "we wonen", "mijn adres", "mijn straat", "i live", "we live", "my address", "my street", "ik zit op", "mijn school",
        "my school", "i go to", "i'm in year", "im in year", "i'm in grade", "im in grade", "mijn nummer", "my number",
    ]
    .iter()
    .any(|p| text.contains(p));
    age || phone || email || place
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_age_a_place_a_school_or_a_number_is_personal() {
        for reply in [
            "ik ben 9",
            "Ik ben 11 jaar en jij?",
            "i'm 10",
            "im 12 yo",
            "9 jaar!!",
            "ik woon in Zwolle",
            "I live near the park",
            "ik zit op de Regenboogschool",
            "my school is st marys",
            "bel me 06-12345678",
            "noor.k@mail.example",
            "i'm in year 6",
        ] {
            assert!(shares_personal_info(reply), "{reply}");
        }
    }

    #[test]
    fn an_ordinary_reply_is_not() {
        for reply in ["haha leuk", "nee dank je", "I'm fine thanks", "ik ben het met je eens", "top 10 best video", "@noor kijk", "see you at 3", "stop, you are a bot", "ik vind 2024 het beste jaar"] {
            assert!(!shares_personal_info(reply), "{reply}");
        }
    }
}
