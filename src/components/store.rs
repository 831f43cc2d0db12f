//! What the browser keeps in local storage: the answers of a round in progress, and a record of
//! every finished round for the progress page. Nothing of it goes to the server.

use crate::domain::model::{AgeBand, Feed, Lang, Platform};
use crate::domain::scoring::{Answer, Score, decode_answers, encode_answers};
use super::data::Data;
use serde::{Deserialize, Serialize};

const PROGRESS_KEY: &str = "feedwise.progress.v1";

/// A finished round, as the progress page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub key: String,
    pub at_ms: f64,
    pub lang: Lang,
    pub platform: Platform,
    pub age_band: AgeBand,
    pub level: u8,
    pub seed: u64,
    pub hits: u32,
    pub misses: u32,
    pub false_alarms: u32,
    pub correct_rejections: u32,
    pub discernment: f64,
    pub risky_actions: u32,
    /// The lesson whose exercise this was.
    #[serde(default)]
    pub lesson: Option<String>,
}

/// The key a round is stored under: the same settings and seed give the same feed.
pub fn round_key(feed: &Feed) -> String {
    format!("feedwise.round.v1.{}.{}", feed.lang.code(), feed.round_query())
}

/// This browser's local storage; `None` when it is switched off (the round still plays, it
/// just won't survive a reload).
pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The answers of a round being played (restored when the page is reloaded), kept as
/// `scoring::encode_answers` writes them; `None` unless they are `count` valid answers.
pub fn load_round(key: &str, count: usize) -> Option<Vec<Answer>> {
    decode_answers(&storage()?.get_item(key).ok()??, count)
}

pub fn save_round(key: &str, answers: &[Answer]) {
    // Storage may be full or switched off.
    if let Some(s) = storage() {
        let _ = s.set_item(key, &encode_answers(answers));
    }
}

/// Forgets a finished round, so that playing the same feed again starts fresh.
pub fn clear_round(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The finished rounds, as `RECORD_SCRIPT` keeps them (JSON, read with the browser's parser).
pub fn load_progress() -> Vec<RoundRecord> {
    let saved = storage().and_then(|s| s.get_item(PROGRESS_KEY).ok().flatten()).unwrap_or_default();
    Data::parse(&saved).map(|list| list.list().iter().map(RoundRecord::read).collect()).unwrap_or_default()
}

pub fn clear_progress() {
    let Some(s) = storage() else { return };
    let _ = s.remove_item(PROGRESS_KEY);
    let keys: Vec<String> = (0..s.length().unwrap_or(0)).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with("feedwise.round.")).collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
}

/// The local-storage key of the round just finished in this browser (its `round_key`): its
/// results page records it, once.
pub const FINISHED_KEY: &str = "feedwise.finished.v1";

/// Notes that this browser finished the round (its `round_key`), for its results page to
/// record it.
pub fn mark_finished(round_key: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(FINISHED_KEY, round_key);
    }
}

impl RoundRecord {
    /// A record as the browser keeps it (the JSON `RECORD_SCRIPT` stores, as serde wrote it:
    /// the ids that `Lang::parse`, `Platform::parse` and `AgeBand::parse` read).
    fn read(d: &Data) -> RoundRecord {
        let n = |key: &str| d.get(key).number();
        let lesson = d.get("lesson");
        RoundRecord {
            key: d.get("key").text(),
            at_ms: n("at_ms"),
            lang: Lang::parse(&d.get("lang").text()).unwrap_or(Lang::Nl),
            platform: Platform::parse(&d.get("platform").text()).unwrap_or(Platform::Photo),
            age_band: AgeBand::parse(&d.get("age_band").text()).unwrap_or(AgeBand::Age8To10),
            level: n("level") as u8,
            seed: n("seed") as u64,
            hits: n("hits") as u32,
            misses: n("misses") as u32,
            false_alarms: n("false_alarms") as u32,
            correct_rejections: n("correct_rejections") as u32,
            discernment: n("discernment"),
            risky_actions: n("risky_actions") as u32,
            lesson: (!lesson.is_none()).then(|| lesson.text()),
        }
    }

    /// The record of a finished round, scored on the server (a test's page holds no answer
    /// key); the browser fills in the time when it stores it.
    pub fn new(feed: &Feed, score: &Score) -> RoundRecord {
        RoundRecord {
            key: round_key(feed),
            at_ms: 0.0,
            lang: feed.lang,
            platform: feed.settings.platform,
            age_band: feed.settings.age_band,
            level: feed.settings.difficulty.level(),
            seed: feed.seed,
            hits: score.hits,
            misses: score.misses,
            false_alarms: score.false_alarms,
            correct_rejections: score.correct_rejections,
            discernment: score.discernment,
            risky_actions: score.risky_actions,
            lesson: feed.lesson.as_ref().map(|l| l.id.clone()),
        }
    }
}

/// Stores a round's record in the progress list, called by the results page as it is read
/// (`record(record, keepFirst)`), so no WebAssembly has to load first: only when this browser
/// has just finished that round (`FINISHED_KEY`). Every attempt is kept: playing a round again
/// adds a row and never wipes a better score; with `keepFirst` (the pre-test is the baseline) a
/// second try is not recorded.
pub const RECORD_SCRIPT: &str = "((r,keepFirst)=>{try{const s=localStorage,done='feedwise.finished.v1',key='feedwise.progress.v1';\
if(s.getItem(done)!==r.key)return;s.removeItem(done);let all=null;try{all=JSON.parse(s.getItem(key));}catch(e){}\
if(!Array.isArray(all))all=[];if(keepFirst&&all.some(x=>x.key===r.key))return;r.at_ms=Date.now();\
s.setItem(key,JSON.stringify(all.concat([r])));}catch(e){}})";

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the script in Node with a stand-in for local storage: finishes the round `key`
    /// with each score in turn and returns the scores kept.
    fn record_in_node(scores: &[f64], keep_first: bool) -> String {
        let js = format!(
            "const m=new Map();globalThis.localStorage={{getItem:k=>m.has(k)?m.get(k):null,setItem:(k,v)=>m.set(k,String(v)),removeItem:k=>m.delete(k)}};\
             const record={RECORD_SCRIPT};\
             for(const d of {scores:?}){{localStorage.setItem('{FINISHED_KEY}','k');record({{key:'k',discernment:d}},{keep_first});}}\
             console.log(JSON.parse(localStorage.getItem('{PROGRESS_KEY}')).map(r=>r.discernment).join(','));"
        );
        let out = std::process::Command::new("node").args(["-e", &js]).output().expect("node runs the script");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    #[test]
    fn playing_a_round_again_keeps_every_attempt_but_the_pre_test_keeps_its_first() {
        assert_eq!(record_in_node(&[0.4, 0.0], false), "0.4,0");
        assert_eq!(record_in_node(&[0.4, 0.0], true), "0.4");
    }

    #[test]
    fn the_browser_reads_the_names_serde_writes_into_a_record() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(serde_json::to_value(lang).unwrap().as_str().unwrap()), Some(lang));
        }
        for platform in Platform::ALL {
            assert_eq!(Platform::parse(serde_json::to_value(platform).unwrap().as_str().unwrap()), Some(platform));
        }
        for band in AgeBand::ALL {
            assert_eq!(AgeBand::parse(serde_json::to_value(band).unwrap().as_str().unwrap()), Some(band));
        }
    }

    #[test]
    fn the_record_script_uses_the_keys_the_islands_read() {
        assert!(RECORD_SCRIPT.contains(&format!("'{FINISHED_KEY}'")));
        assert!(RECORD_SCRIPT.contains(&format!("'{PROGRESS_KEY}'")));
    }
}
