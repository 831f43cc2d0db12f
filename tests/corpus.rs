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

/// Every explanation names something the comment really does: each cue's text holds one of the
/// words its explanation is about (`tests/cues/<lang>.toml`), a `link` cue holds a reserved
/// address and a `handle` cue an @name. Every template is expanded under every post.
#[test]
fn every_cue_span_says_what_its_explanation_says() {
    use feedwise::domain::model::{Category, Cue};
    use feedwise::domain::slots::SlotFiller;
    use rand::SeedableRng;
    use std::collections::{BTreeMap, BTreeSet};

    #[derive(serde::Deserialize)]
    struct Rules {
        cues: BTreeMap<String, Vec<String>>,
    }
    let mut failures = BTreeSet::new();
    for lang in Lang::ALL {
        let path = format!("{}/tests/cues/{}.toml", env!("CARGO_MANIFEST_DIR"), lang.code());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let rules: Rules = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        for id in rules.cues.keys() {
            assert!(Cue::parse(id).is_some(), "{path}: unknown cue '{id}'");
        }
        let corpus = Corpus::builtin(lang).unwrap();
        let mut keys: Vec<&String> = corpus.spam.keys().collect();
        keys.sort();
        for key in keys {
            let section = &corpus.spam[key];
            let category = Category::parse(key.split('.').next().unwrap_or(key)).unwrap();
            let lists = section.by_difficulty.iter().chain([&section.replies, &section.under_viewer]);
            for (i, template) in lists.flatten().enumerate() {
                for creator in &corpus.creators {
                    for post in &creator.posts {
                        for seed in 0..4u64 {
                            let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed * 7919 + i as u64);
                            let mut filler = SlotFiller::new(corpus, creator, post, category);
                            // One cue may cover several spans (words, then the link itself).
                            let mut runs: Vec<(Option<Cue>, String)> = Vec::new();
                            for span in template.expand(&mut filler, &mut rng) {
                                match runs.last_mut() {
                                    Some((last, text)) if *last == span.cue => text.push_str(&span.text),
                                    _ => runs.push((span.cue, span.text)),
                                }
                            }
                            for (cue, text) in runs.into_iter().filter_map(|(c, t)| c.map(|c| (c, t))) {
                                let t = text.to_lowercase();
                                let ok = match cue {
                                    Cue::Link => [".example", ".test", ".invalid"].iter().any(|d| t.replace(' ', "").contains(d)),
                                    Cue::Handle => t.contains('@'),
                                    other => rules.cues.get(other.id()).is_some_and(|words| words.iter().any(|w| t.contains(&w.to_lowercase()))),
                                };
                                if !ok || t.trim().is_empty() {
                                    failures.insert(format!("{} spam.{key}: [{text}]({}) does not say what the explanation of '{}' says", lang.code(), cue.id(), cue.id()));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    let shown: Vec<&String> = failures.iter().take(40).collect();
    assert!(failures.is_empty(), "{} cue spans do not fit their explanation, for example:\n{}", failures.len(), shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
}
