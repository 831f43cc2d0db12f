//! Class codes, rejoin codes and pseudonyms: what children type, checked and made readable.
//!
//! Codes use Crockford's base-32 alphabet: 32 symbols, so 6 characters carry 30 bits. Letters
//! that look like others are not in it (I, L, O, U), and reading a code forgives them: `o` is
//! read as 0, `i` and `l` as 1, lower case as upper case, and spaces and dashes are ignored.

use rand::Rng;

pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CLASS_CODE_LEN: usize = 6;
pub const REJOIN_CODE_LEN: usize = 6;
pub const MAX_PSEUDONYM_CHARS: usize = 30;

fn make(len: usize) -> String {
    let mut rng = rand::rng();
    (0..len).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()
}

/// A fresh random class code.
pub fn new_class_code() -> String {
    make(CLASS_CODE_LEN)
}

/// A fresh random code of `len` characters (reset links use 26: 130 bits).
pub fn new_token(len: usize) -> String {
    make(len)
}

/// A fresh random personal code for a rejoin card.
pub fn new_rejoin_code() -> String {
    make(REJOIN_CODE_LEN)
}

/// Reads a typed or pasted code of `len` characters; `None` when it cannot be one.
pub fn normalize(input: &str, len: usize) -> Option<String> {
    let mut out = String::with_capacity(len);
    for ch in input.chars() {
        let c = match ch.to_ascii_uppercase() {
            ' ' | '-' | '\u{a0}' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        out.push(c);
    }
    (out.chars().count() == len).then_some(out)
}

/// A code as printed for people: `ABC-123`.
pub fn display(code: &str) -> String {
    if code.len() == 6 { format!("{}-{}", &code[..3], &code[3..]) } else { code.to_string() }
}

/// Why a pseudonym cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PseudonymError {
    Empty,
    TooLong,
    /// Looks like an e-mail address, a web address or a phone number: something real.
    LooksPersonal,
}

/// Tidies a pseudonym (trimmed, inner spaces collapsed, control characters refused).
pub fn pseudonym(input: &str) -> Result<String, PseudonymError> {
    let tidy: String = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if tidy.is_empty() || tidy.chars().all(|c| !c.is_alphanumeric()) {
        return Err(PseudonymError::Empty);
    }
    if tidy.chars().count() > MAX_PSEUDONYM_CHARS {
        return Err(PseudonymError::TooLong);
    }
    let digits = tidy.chars().filter(char::is_ascii_digit).count();
    let lower = tidy.to_lowercase();
    if tidy.contains('@') || lower.contains("http") || lower.contains("www.") || digits >= 6 || tidy.chars().any(char::is_control) {
        return Err(PseudonymError::LooksPersonal);
    }
    Ok(tidy)
}

/// Common first names, from `first_names.txt`.
const FIRST_NAMES: &str = include_str!("first_names.txt");

/// The little words inside Dutch, Flemish and other surnames ("Sam de Vries", "Tim van den Berg").
const PARTICLES: [&str; 16] = ["de", "van", "der", "den", "het", "ter", "ten", "te", "op", "in", "la", "le", "du", "von", "el", "al"];

/// Whether a (tidy) game name looks like a first name and a surname: a known first name followed
/// by another word ("Emma Jansen"), or a surname particle between words ("Sam de Vries"). Only a
/// hint for a gentle warning: "Max Power" is made up, and the child may say so.
pub fn looks_like_real_name(name: &str) -> bool {
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let wordlike = |w: &String| w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    if !(2..=5).contains(&words.len()) || !words.iter().all(wordlike) {
        return false;
    }
    let first_name = FIRST_NAMES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).any(|n| n.to_lowercase() == words[0]);
    let particle = words.len() >= 3 && words[1..words.len() - 1].iter().all(|w| PARTICLES.contains(&w.as_str()));
    first_name || particle
}

/// A plausible e-mail address, lower-cased (the address itself is only ever a login name).
pub fn email(input: &str) -> Option<String> {
    let e = input.trim().to_lowercase();
    let (local, domain) = e.split_once('@')?;
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && e.len() <= 254
        && !e.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.contains('@');
    ok.then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_thirty_bits_and_no_look_alikes() {
        assert_eq!(ALPHABET.len(), 32);
        assert!((ALPHABET.len() as f64).powi(CLASS_CODE_LEN as i32).log2() >= 30.0);
        for c in [b'I', b'L', b'O', b'U'] {
            assert!(!ALPHABET.contains(&c));
        }
        let code = new_class_code();
        assert_eq!(code.len(), 6);
        assert_eq!(normalize(&code, 6).as_deref(), Some(code.as_str()));
    }

    #[test]
    fn typed_codes_are_forgiven() {
        assert_eq!(normalize(" abc-o1l ", 6).as_deref(), Some("ABC011"));
        assert_eq!(normalize("ABC 123", 6).as_deref(), Some("ABC123"));
        assert_eq!(normalize("ABC12", 6), None);
        assert_eq!(normalize("ABC1234", 6), None);
        assert_eq!(normalize("ABC12!", 6), None);
        assert_eq!(normalize("ÄBC123", 6), None);
        assert_eq!(display("ABC123"), "ABC-123");
    }

    #[test]
    fn pseudonyms_stay_pseudonyms() {
        assert_eq!(pseudonym("  Blue   Fox "), Ok("Blue Fox".to_string()));
        assert_eq!(pseudonym(""), Err(PseudonymError::Empty));
        assert_eq!(pseudonym("!!!"), Err(PseudonymError::Empty));
        assert_eq!(pseudonym(&"a".repeat(31)), Err(PseudonymError::TooLong));
        assert!(pseudonym(&"é".repeat(30)).is_ok());
        assert_eq!(pseudonym("kim@school.nl"), Err(PseudonymError::LooksPersonal));
        assert_eq!(pseudonym("0612345678"), Err(PseudonymError::LooksPersonal));
        assert_eq!(pseudonym("www.kim.nl"), Err(PseudonymError::LooksPersonal));
    }

    #[test]
    fn names_that_look_real_are_noticed_and_made_up_ones_are_not() {
        for real in ["Sam de Vries", "emma jansen", "Tim van den Berg", "Noah Bakker", "Zoë Smit", "Kim van Dijk", "Lotte El Amrani"] {
            assert!(looks_like_real_name(&pseudonym(real).unwrap()), "{real}");
        }
        for made_up in ["Blue Fox", "Snelle Valk 12", "Paarse Komeet", "Sam", "Gamer 2000", "Happy Otter", "De Gouden Uil", "Tim4"] {
            assert!(!looks_like_real_name(&pseudonym(made_up).unwrap()), "{made_up}");
        }
    }

    #[test]
    fn emails() {
        assert_eq!(email(" Juf.Anna@School.NL ").as_deref(), Some("juf.anna@school.nl"));
        assert_eq!(email("anna"), None);
        assert_eq!(email("anna@school"), None);
        assert_eq!(email("an na@school.nl"), None);
    }
}
