//! A broken corpus file is caught at start-up with its file and line.
#![cfg(feature = "ssr")]

use feedwise::domain::corpus::{Corpus, CorpusFiles};
use feedwise::domain::model::Lang;

const CREATORS: &str = include_str!("../src/domain/corpus/en/creators.toml");
const ACCOUNTS: &str = include_str!("../src/domain/corpus/en/accounts.toml");
const COMMENTS: &str = include_str!("../src/domain/corpus/en/comments.toml");

fn parse(creators: &str, accounts: &str, comments: &str) -> Result<(), String> {
    Corpus::parse(Lang::En, &CorpusFiles { dir: "fixture", creators, accounts, comments })
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The comments file with `from` replaced by `to` once, inside the `[spam.phishing]` section.
fn in_phishing(from: &str, to: &str) -> String {
    let start = COMMENTS.find("[spam.phishing]").expect("a phishing section");
    let at = start + COMMENTS[start..].find(from).expect("text to replace");
    format!("{}{to}{}", &COMMENTS[..at], &COMMENTS[at + from.len()..])
}

#[test]
fn both_built_in_corpora_load() {
    for lang in Lang::ALL {
        Corpus::builtin(lang).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn an_unknown_cue_names_the_file_and_line() {
    let broken = in_phishing("](", "](no_such_cue_");
    let line = broken.lines().position(|l| l.contains("no_such_cue_")).unwrap() + 1;
    let err = parse(CREATORS, ACCOUNTS, &broken).unwrap_err();
    assert!(err.starts_with(&format!("fixture/comments.toml:{line}:")), "{err}");
    assert!(err.contains("unknown cue"), "{err}");
}

#[test]
fn an_unknown_slot_is_reported() {
    let broken = in_phishing("{link}", "{no_such_list}");
    let err = parse(CREATORS, ACCOUNTS, &broken).unwrap_err();
    assert!(err.contains("unknown slot {no_such_list}"), "{err}");
    assert!(err.starts_with("fixture/comments.toml:"), "{err}");
}

#[test]
fn a_toml_syntax_error_names_its_line() {
    let broken = format!("{COMMENTS}\n[legit\n");
    let line = broken.lines().count();
    let err = parse(CREATORS, ACCOUNTS, &broken).unwrap_err();
    assert!(err.starts_with(&format!("fixture/comments.toml:{line}")), "{err}");
}

#[test]
fn an_unknown_scene_is_reported_in_creators() {
    let broken = CREATORS.replacen("scene = \"", "scene = \"nope_", 1);
    let err = parse(&broken, ACCOUNTS, COMMENTS).unwrap_err();
    assert!(err.starts_with("fixture/creators.toml:") && err.contains("unknown scene"), "{err}");
}

#[test]
fn a_spam_template_without_a_cue_is_refused() {
    let start = COMMENTS.find("[spam.phishing]").unwrap();
    let d1 = start + COMMENTS[start..].find("d1 = [").unwrap() + "d1 = [".len();
    let broken = format!("{}\n  \"plain words without any cue\",{}", &COMMENTS[..d1], &COMMENTS[d1..]);
    let err = parse(CREATORS, ACCOUNTS, &broken).unwrap_err();
    assert!(err.contains("needs a [cue]"), "{err}");
}
