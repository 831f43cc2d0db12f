//! The `feedwise` server; `feedwise export-comments` for measuring realism; `feedwise teacher
//! reset-password` for whoever runs the server, to give a teacher their account back.

use feedwise::domain::corpus::Corpus;
use feedwise::domain::export::sample_comments;
use feedwise::domain::model::{AgeBand, Difficulty, Lang};
use feedwise::settings::Settings;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage:
  feedwise                      start the server (see README.md for settings)
  feedwise export-comments --lang <nl|en> --count <N> --seed <S> [--age-band <8-10|10-12|12-14>] [--difficulty <1|2|3>] [--corpus DIR]
                                write N generated comments as JSON Lines to stdout; --corpus reads
                                creators/accounts/comments.toml from DIR instead of the built-in ones
  feedwise check-lessons [DIR]  check the lesson files (default: FEEDWISE_LESSONS_DIR or lessons)
  feedwise teacher reset-password EMAIL
                                print a link (valid once, for 24 hours) with which the teacher with
                                this e-mail address chooses a new password; uses FEEDWISE_DATA_DIR
                                and, for the address in the link, FEEDWISE_PUBLIC_ORIGIN";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None => serve().await,
        Some("export-comments") => match export(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("feedwise export-comments: {e}\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("check-lessons") => check_lessons(args.get(1)),
        Some("teacher") => match args.get(1).map(String::as_str) {
            Some("reset-password") if args.len() == 3 => match reset_password(&args[2]).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("feedwise teacher reset-password: {e}");
                    ExitCode::FAILURE
                }
            },
            _ => {
                eprintln!("feedwise teacher: expected reset-password EMAIL\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!("feedwise: unknown command '{other}'\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

async fn serve() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,feedwise=info".into()),
        )
        .init();
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("feedwise: {e}");
            return ExitCode::from(2);
        }
    };
    match feedwise::startup::run(settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("feedwise: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Checks the lessons without starting the server: for writers and translators.
fn check_lessons(dir: Option<&String>) -> ExitCode {
    let dir = dir.cloned().map(Into::into).unwrap_or_else(|| Settings::from_env().map(|s| s.lessons_dir).unwrap_or_else(|_| "lessons".into()));
    match feedwise::lessons::Library::load(&dir) {
        Ok(library) => {
            for lang in Lang::ALL {
                println!("{}: {} lessons, {} test items", lang.code(), library.lessons(lang).len(), library.bank(lang).len());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Makes a one-time reset link for a teacher and prints it: Feedwise sends no mail, so whoever
/// runs the server hands it over.
async fn reset_password(email: &str) -> Result<(), String> {
    use feedwise::server::{auth, codes, db::Db};
    let settings = Settings::from_env().map_err(|e| e.to_string())?;
    let email = codes::email(email).ok_or_else(|| format!("'{email}' is not an e-mail address"))?;
    let file = settings.data_dir.join("feedwise.db");
    if !file.exists() {
        return Err(format!("there is no database at {} (set FEEDWISE_DATA_DIR to the server's data folder)", file.display()));
    }
    let db = Db::open(&settings.data_dir).await.map_err(|e| format!("cannot open {}: {e}", file.display()))?;
    let creds = db.credentials(&email).await.map_err(|e| e.to_string())?.ok_or_else(|| format!("no teacher account has the address {email}"))?;
    let (token, hash) = auth::new_reset_token();
    db.create_password_reset(creds.teacher.id, &hash, feedwise::server::db::now_ms() + auth::RESET_VALID_MS).await.map_err(|e| e.to_string())?;
    let origin = settings.public_origin.clone().unwrap_or_else(|| format!("http://{}", settings.addr));
    println!("Reset link for {email} (works once, for 24 hours; the password stays as it is until it is used):");
    println!("{}/{}/teacher?reset={token}", origin.trim_end_matches('/'), creds.teacher.lang.code());
    Ok(())
}

fn export(args: &[String]) -> Result<(), String> {
    let mut lang = None;
    let mut count = None;
    let mut seed = None;
    let mut age_band = None;
    let mut difficulty = None;
    let mut corpus_dir = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--lang" => lang = Some(Lang::parse(value).ok_or_else(|| format!("--lang must be nl or en, not '{value}'"))?),
            "--count" => count = Some(value.parse::<usize>().map_err(|_| format!("--count must be a number, not '{value}'"))?),
            "--seed" => seed = Some(value.parse::<u64>().map_err(|_| format!("--seed must be a number, not '{value}'"))?),
            "--age-band" => {
                age_band = Some(AgeBand::parse(value).ok_or_else(|| format!("--age-band must be 8-10, 10-12 or 12-14, not '{value}'"))?)
            }
            "--difficulty" => {
                difficulty = Some(
                    value.parse::<u8>().ok().and_then(Difficulty::new).ok_or_else(|| format!("--difficulty must be 1, 2 or 3, not '{value}'"))?,
                )
            }
            "--corpus" => corpus_dir = Some(value.clone()),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    let lang = lang.ok_or("--lang is required")?;
    let count = count.ok_or("--count is required")?;
    let seed = seed.ok_or("--seed is required")?;
    let loaded;
    let corpus = match &corpus_dir {
        Some(dir) => {
            loaded = read_corpus(lang, dir)?;
            &loaded
        }
        None => Corpus::builtin(lang).map_err(|e| e.to_string())?,
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for s in sample_comments(corpus, count, seed, age_band, difficulty) {
        let c = &s.comment;
        let row = serde_json::json!({
            "text": c.text(),
            "is_spam": c.is_spam(),
            "category": c.category.id(),
            "lang": lang.code(),
            "difficulty": c.difficulty.level(),
            "age_band": s.settings.age_band.id(),
            "platform": s.settings.platform.id(),
            "is_reply": c.parent.is_some(),
            "parent": s.parent,
            "post": { "creator": s.creator, "caption": s.caption },
            "cues": c.cues().iter().map(|q| q.id()).collect::<Vec<_>>(),
            "tricks": c.tricks,
            "profile_cues": c.profile_cues,
            "author": c.author,
        });
        writeln!(out, "{row}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// A corpus read from a folder at run time, so that writers see their changes without a rebuild.
fn read_corpus(lang: Lang, dir: &str) -> Result<Corpus, String> {
    let read = |name: &str| {
        let path = std::path::Path::new(dir).join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let (creators, accounts, comments) = (read("creators.toml")?, read("accounts.toml")?, read("comments.toml")?);
    let files = feedwise::domain::corpus::CorpusFiles { dir, creators: &creators, accounts: &accounts, comments: &comments };
    Corpus::parse(lang, &files).map_err(|e| e.to_string())
}
