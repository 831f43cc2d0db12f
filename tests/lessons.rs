//! The lessons: every file loads, broken files are caught with their file and line, raw HTML
//! never reaches a page, the tests are held out from practice, and every lesson page is served.
#![cfg(feature = "ssr")]

mod support;

use feedwise::domain::corpus::Corpus;
use feedwise::domain::generator::generate;
use feedwise::domain::itembank::{TestForm, items_for, test_feed};
use feedwise::domain::model::*;
use feedwise::lessons::Library;
use std::collections::HashSet;
use std::path::Path;
use support::TestApp;

fn library() -> Library {
    Library::load(Path::new("lessons")).unwrap_or_else(|e| panic!("{e}"))
}

const LESSON: &str = r#"+++
id = "ID"
order = 3
title = "A lesson"
summary = "What it is about."
ages = ["8-10", "10-12", "12-14"]
duration = 30
goals = ["I can spot spam."]

[exercise]
kind = "feed"
platform = "photo"
categories = ["phishing", "crypto"]
difficulty = 2
comments = 12
spam_percent = 40
seed = 7
+++

::: child
Hello! Spam is annoying.

::: teacher
## How to run it
Read it together.

::: parent
Talk about it.
"#;

/// A lessons folder with one lesson in both languages, `en` text changed by `edit`.
fn folder_with(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "nl"] {
        std::fs::create_dir_all(dir.path().join(lang)).unwrap();
        let text = LESSON.replace("ID", "spam-basics");
        let text = if lang == "en" { edit(&text) } else { text };
        std::fs::write(dir.path().join(lang).join("spam-basics.md"), text).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("help")).unwrap();
    for lang in ["en", "nl"] {
        std::fs::write(dir.path().join("help").join(format!("{lang}.md")), "## Help\n\n- A helpline, 0800 0000.\n").unwrap();
    }
    dir
}

/// The error message for a broken `en` lesson.
fn error_for(edit: impl Fn(&str) -> String) -> String {
    let dir = folder_with(edit);
    match Library::load(dir.path()) {
        Ok(_) => panic!("the broken lesson was accepted"),
        Err(e) => e.to_string().replace(&dir.path().display().to_string(), "lessons"),
    }
}

#[test]
fn every_lesson_loads_in_both_languages_with_the_whole_curriculum() {
    let lib = library();
    for lang in Lang::ALL {
        let ids: Vec<&str> = lib.lessons(lang).iter().map(|l| l.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "pretest", "what-is-spam", "check-the-profile", "too-good-to-be-true", "look-alike-accounts",
                "links-and-phishing", "strangers-who-want-to-chat", "what-to-do", "moderate-the-comments",
                "final-challenge", "posttest"
            ],
            "{lang:?}"
        );
        for lesson in lib.lessons(lang) {
            for age in &lesson.ages {
                assert!(lesson.child_html(*age).len() > 500, "{} has a child text for {age:?}", lesson.id);
            }
            assert!(lesson.teacher.contains("<h2>"), "{}: teacher notes have sections", lesson.id);
            assert!(lesson.parent.len() > 300, "{}: parent guide", lesson.id);
        }
    }
}

#[test]
fn the_strangers_lesson_speaks_to_each_age_band_on_its_own() {
    let lib = library();
    for lang in Lang::ALL {
        let lesson = lib.lesson(lang, "strangers-who-want-to-chat").unwrap();
        let texts: HashSet<&str> = AgeBand::ALL.iter().map(|a| lesson.child_html(*a)).collect();
        assert_eq!(texts.len(), 3, "{lang:?}: three different child texts");
    }
}

#[test]
fn only_children_of_12_to_14_read_about_money_mules() {
    let lib = library();
    for (lang, word) in [(Lang::En, "money mule"), (Lang::Nl, "geldezel")] {
        let lesson = lib.lesson(lang, "too-good-to-be-true").unwrap();
        for age in AgeBand::ALL {
            let mentions = lesson.child_html(age).to_lowercase().contains(word);
            assert_eq!(mentions, age == AgeBand::Age12To14, "{lang:?} {age:?}");
        }
    }
}

#[test]
fn every_exercise_gives_a_feed_for_every_age_band_of_its_lesson() {
    let lib = library();
    for lang in Lang::ALL {
        for lesson in lib.lessons(lang) {
            for &age in &lesson.ages {
                let feed = lib.exercise_feed(lang, &lesson.id, age).unwrap_or_else(|| panic!("{} {age:?}", lesson.id));
                assert!(feed.comments.iter().any(|c| c.is_spam()) && feed.comments.iter().any(|c| !c.is_spam()), "{}", lesson.id);
                assert_eq!(feed.lesson.as_ref().map(|l| l.id.as_str()), Some(lesson.id.as_str()));
                assert_eq!(lib.exercise_feed(lang, &lesson.id, age), Some(feed.clone()), "the whole class gets the same feed");
                if lesson.exercise.kind == ExerciseKind::Feed {
                    let allowed: Vec<Category> = lesson.exercise.categories.clone();
                    assert!(feed.comments.iter().filter(|c| c.is_spam()).all(|c| allowed.contains(&c.category)), "{}", lesson.id);
                }
                if lesson.exercise.kind == ExerciseKind::Moderate {
                    assert_eq!(feed.post.creator_id, "news", "the moderator runs the news channel");
                    assert!(feed.moderating());
                }
            }
        }
    }
}

#[test]
fn the_tests_come_from_the_held_out_bank_and_never_appear_in_practice() {
    let lib = library();
    for lang in Lang::ALL {
        let corpus = Corpus::builtin(lang).unwrap();
        let bank = lib.bank(lang);
        let mut test_texts = HashSet::new();
        for form in [TestForm::Pre, TestForm::Post] {
            for age in AgeBand::ALL {
                let feed = test_feed(corpus, bank, form, age, Platform::Video).unwrap();
                assert_eq!(feed.comments.len(), items_for(bank, form, age).count());
                assert!(feed.comments.iter().filter(|c| c.is_spam()).count() >= 5);
                assert!(feed.comments.iter().filter(|c| !c.is_spam()).count() >= 5);
                assert!(age != AgeBand::Age8To10 || feed.comments.iter().all(|c| c.category != Category::AdultBot));
                test_texts.extend(feed.comments.iter().map(|c| c.text()));
            }
        }
        let pre: HashSet<String> = AgeBand::ALL.iter().flat_map(|&a| test_feed(corpus, bank, TestForm::Pre, a, Platform::Video).unwrap().comments).map(|c| c.text()).collect();
        let post: HashSet<String> = AgeBand::ALL.iter().flat_map(|&a| test_feed(corpus, bank, TestForm::Post, a, Platform::Video).unwrap().comments).map(|c| c.text()).collect();
        assert!(pre.is_disjoint(&post), "the pre-test and the post-test share no comment");

        // Practice rounds of every kind never show a test comment.
        for seed in 0..150u64 {
            for age in AgeBand::ALL {
                let level = Difficulty::new(1 + (seed % 3) as u8).unwrap();
                let platform = Platform::ALL[(seed % 2) as usize];
                let feed = generate(corpus, &FeedSettings::home(platform, age, level), seed);
                for c in &feed.comments {
                    assert!(!test_texts.contains(&c.text()), "{lang:?} practice seed {seed} shows test comment {:?}", c.text());
                }
            }
        }
    }
}

#[test]
fn a_lesson_missing_in_one_language_is_named() {
    let dir = folder_with(|t| t.to_string());
    std::fs::write(dir.path().join("en").join("extra.md"), LESSON.replace("ID", "extra")).unwrap();
    let e = Library::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("en/extra.md:1: this lesson is missing in the other language"), "{e}");
    assert!(e.contains("nl/extra.md"), "{e}");
}

#[test]
fn the_parent_guides_need_their_helplines_in_every_language() {
    let dir = folder_with(|t| t.to_string());
    std::fs::remove_file(dir.path().join("help").join("nl.md")).unwrap();
    let e = Library::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("help/nl.md") && e.contains("helplines"), "{e}");
    std::fs::write(dir.path().join("help").join("nl.md"), "Bel [ons](https://hulp.example).").unwrap();
    let e = Library::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains("help/nl.md:1: links may only go to pages of Feedwise"), "{e}");
}

#[tokio::test]
async fn a_parent_finds_the_guides_and_the_real_helplines_of_their_language() {
    let app = TestApp::spawn().await;
    let expected = [(Lang::Nl, vec!["Kindertelefoon", "0800-0432", "Helpwanted", "Fraudehelpdesk", "112"]), (Lang::En, vec!["Childline", "0800 1111", "Action Fraud", "CyberTipline"])];
    for (lang, names) in expected {
        let code = lang.code();
        let (_, _, home) = app.get(&format!("/{code}")).await;
        let guide = format!("/{code}/lessons/what-is-spam/parent");
        assert!(home.contains(&format!("href=\"{guide}\"")) && home.contains(&format!("href=\"{guide}#help\"")), "{code}: the home page links to the guides");
        for lesson in library().lessons(lang) {
            let (status, _, body) = app.get(&format!("/{code}/lessons/{}/parent", lesson.id)).await;
            assert_eq!(status, 200);
            let help = &body[body.find("id=\"help\"").unwrap_or_else(|| panic!("{code} {}: no help section", lesson.id))..];
            for name in &names {
                assert!(help.contains(name), "{code} {}: {name} missing", lesson.id);
            }
            // written out for the parent, never a live link a child could follow
            let help = &help[..help.find("</section>").unwrap()];
            assert!(!help.contains("<a "), "{code}: {help}");
        }
    }
}

#[test]
fn broken_lesson_files_are_reported_with_their_file_and_line() {
    type Edit = Box<dyn Fn(&str) -> String>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("no front matter", Box::new(|t| t.replacen("+++\n", "", 1)), "lessons/en/spam-basics.md:1: a lesson starts with its front matter"),
        ("unclosed front matter", Box::new(|t| t.replacen("+++\n\n::: child", "\n::: child", 1)), "spam-basics.md:1: the front matter is not closed"),
        ("bad TOML", Box::new(|t| t.replace("duration = 30", "duration = thirty")), "spam-basics.md:7: "),
        ("unknown category", Box::new(|t| t.replace("\"crypto\"", "\"crypto_bros\"")), "spam-basics.md:13: unknown variant `crypto_bros`"),
        ("unknown age band", Box::new(|t| t.replace("\"12-14\"]", "\"14-16\"]")), "spam-basics.md:6: unknown variant `14-16`"),
        ("missing section", Box::new(|t| t.replace("::: parent\nTalk about it.\n", "")), "spam-basics.md:27: the `::: parent` section is missing"),
        ("unknown section", Box::new(|t| t.replace("::: teacher", "::: teachers")), "spam-basics.md:23: unknown section `::: teachers`"),
        ("id not the file name", Box::new(|t| t.replace("id = \"spam-basics\"", "id = \"basics\"")), "spam-basics.md:2: the id `basics` must be the file name"),
        ("a live link", Box::new(|t| t.replace("Spam is annoying.", "Spam is [annoying](https://spam.example/x).")), "spam-basics.md:21: links may only go to pages of Feedwise"),
        ("a real web address", Box::new(|t| t.replace("Read it together.", "See www.realsite.com for more.")), "spam-basics.md:25: `www.realsite.com` could be a real web address"),
        ("an age band without a text", Box::new(|t| t.replace("::: child\n", "::: child 8-10 10-12\n")), "spam-basics.md:6: no child section for ages 12-14"),
        ("windows line ends", Box::new(|t| t.replace("\"crypto\"", "\"crypto_bros\"").replace('\n', "\r\n")), "spam-basics.md:13: unknown variant `crypto_bros`"),
        ("an empty file", Box::new(|_| String::new()), "spam-basics.md:1: a lesson starts with its front matter"),
        ("only front matter", Box::new(|t| t[..t.find("::: child").unwrap()].to_string()), "the `::: child` section is missing"),
        ("a code block never closed", Box::new(|t| t.replace("Hello!", "Hello!\n\n````\n```\n")), "spam-basics.md:23: this code block is never closed"),
        ("a lesson id that is not an address", Box::new(|t| t.replace("id = \"spam-basics\"", "id = \"Spam Basics\"")), "spam-basics.md:2: the id `Spam Basics` may use only"),
        ("spam hidden from the youngest", Box::new(|t| t.replace("[\"phishing\", \"crypto\"]", "[\"adult_bot\"]")), "spam-basics.md:10: no spam category of the exercise is shown to ages 8-10"),
        ("a feed without settings", Box::new(|t| t.replace("seed = 7\n", "")), "spam-basics.md:10: a feed exercise needs"),
    ];
    for (what, edit, expected) in cases {
        let e = error_for(edit);
        assert!(e.contains(expected), "{what}: expected {expected:?} in:\n{e}");
        assert!(!e.contains("missing in the other language"), "{what}: a broken file is not also reported as missing:\n{e}");
    }
}

#[test]
fn a_section_line_inside_a_code_block_is_text_and_a_bom_is_ignored() {
    let dir = folder_with(|t| format!("\u{feff}{}", t.replace("Hello! Spam is annoying.", "Hello!\n\n````\n```\n::: teacher\n```\n````\n")));
    let lib = Library::load(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let lesson = lib.lesson(Lang::En, "spam-basics").unwrap();
    assert!(lesson.child_html(AgeBand::Age8To10).contains("::: teacher"));
    assert!(lesson.teacher.contains("How to run it"));
}

#[tokio::test]
async fn a_script_in_a_lesson_never_reaches_the_page() {
    let dir = folder_with(|t| t.replace("Spam is annoying.", "Spam is <script>alert('boo')</script> annoying.\n\n<img src=x onerror=alert(1)>"));
    let app = TestApp::spawn_with_lessons(dir.path()).await;
    let (status, _, body) = app.get("/en/lessons/spam-basics").await;
    assert_eq!(status, 200);
    assert!(!body.contains("<script>alert"), "{body}");
    assert!(!body.contains("<img src=x"), "{body}");
    assert!(body.contains("&lt;script&gt;alert"), "shown as text");
}

#[tokio::test]
async fn a_broken_lesson_stops_start_up_with_its_file_and_line() {
    let dir = folder_with(|t| t.replace("\"crypto\"", "\"crypto_bros\""));
    let settings = feedwise::settings::Settings::local("127.0.0.1:0".parse().unwrap(), dir.path().join("data"), dir.path().into(), "target/site".into());
    let Err(e) = feedwise::startup::build(&settings).await else { panic!("start-up goes on with a broken lesson") };
    let e = e.to_string();
    assert!(e.contains("en/spam-basics.md:13"), "{e}");
}

#[tokio::test]
async fn every_lesson_page_is_served_in_both_languages() {
    let app = TestApp::spawn().await;
    let lib = library();
    for lang in Lang::ALL {
        let code = lang.code();
        let (status, _, list) = app.get(&format!("/{code}/lessons?age=8-10")).await;
        assert_eq!(status, 200);
        for lesson in lib.lessons(lang) {
            assert!(list.contains(&lesson.title.replace('\'', "&#x27;")) || list.contains(&lesson.title), "{} in the list", lesson.title);
            for page in ["", "/teacher", "/parent"] {
                let (status, _, body) = app.get(&format!("/{code}/lessons/{}{page}?age=12-14", lesson.id)).await;
                assert_eq!(status, 200, "{code} {} {page}", lesson.id);
                assert!(body.contains(&format!("lang=\"{code}\"")));
            }
            let (status, _, play) = app.get(&format!("/{code}/play?lesson={}&age=10-12", lesson.id)).await;
            assert_eq!(status, 200);
            assert!(play.contains("class=\"comment"), "{}: the exercise renders its feed", lesson.id);
        }
    }
    let (status, _, _) = app.get("/en/lessons/no-such-lesson").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_teacher_notes_hold_the_answer_key_of_exactly_the_class_feed() {
    let app = TestApp::spawn().await;
    let lib = library();
    let feed = lib.exercise_feed(Lang::Nl, "check-the-profile", AgeBand::Age8To10).unwrap();
    // a child who follows the lesson card's link finds no answers
    let (status, _, child) = app.get("/nl/lessons/check-the-profile/teacher?age=8-10").await;
    assert_eq!(status, 200);
    assert!(!child.contains("class=\"key\"") && !feed.comments.iter().any(|c| child.contains(&format!("@{}", c.author.username))), "the key is for teachers");
    assert!(child.contains("href=\"/nl/teacher\"") && child.contains("Inloggen als leraar"), "the notes say where the key is");
    let body = "lang=nl&email=notes%40school.example&password=correct-horse-1&password2=correct-horse-1";
    let (status, h, _) = app.post("/do/signup", &[], body).await;
    assert_eq!(status, 303);
    let cookie = support::session_cookie(&h).expect("a session");
    let (_, _, body) = app.get_with("/nl/lessons/check-the-profile/teacher?age=8-10", &[("Cookie", &cookie)]).await;
    assert_eq!(body.matches("<tr class=\"spam\"").count(), feed.comments.iter().filter(|c| c.is_spam()).count());
    for c in &feed.comments {
        assert!(body.contains(&format!("@{}", c.author.username)), "{}", c.author.username);
    }
}

#[tokio::test]
async fn a_lesson_exercise_for_an_age_band_it_is_not_for_gets_a_clear_message() {
    let app = TestApp::spawn().await;
    let (status, _, body) = app.get("/en/play?lesson=what-is-spam&age=6-8").await;
    assert_eq!(status, 200);
    assert!(body.contains("role=\"alert\""), "{body}");
    let (_, _, body) = app.get("/en/play?lesson=nope&age=10-12").await;
    assert!(body.contains("role=\"alert\""));
}

#[tokio::test]
async fn moderator_answers_on_a_feed_that_is_not_moderated_are_refused() {
    let app = TestApp::spawn().await;
    let lib = library();
    let mut answers = vec![feedwise::domain::scoring::Answer::default(); lib.exercise_feed(Lang::En, "what-is-spam", AgeBand::Age10To12).unwrap().comments.len()];
    answers[0].pinned = true;
    let a = feedwise::domain::scoring::encode_answers(&answers);
    let (_, _, body) = app.get(&format!("/en/results?lesson=what-is-spam&age=10-12&a={a}")).await;
    assert!(body.contains("role=\"alert\""), "a pin outside moderator mode is a bad link");

    let feed = lib.exercise_feed(Lang::En, "moderate-the-comments", AgeBand::Age10To12).unwrap();
    let mut answers = vec![feedwise::domain::scoring::Answer::default(); feed.comments.len()];
    let tops: Vec<usize> = feed.comments.iter().enumerate().filter(|(_, c)| c.parent.is_none() && !c.author.is_creator).map(|(i, _)| i).collect();
    answers[tops[0]].pinned = true;
    let one = feedwise::domain::scoring::encode_answers(&answers);
    let (_, _, body) = app.get(&format!("/en/results?lesson=moderate-the-comments&age=10-12&a={one}")).await;
    assert!(!body.contains("role=\"alert\""), "one pin is fine");
    answers[tops[1]].pinned = true;
    let two = feedwise::domain::scoring::encode_answers(&answers);
    let (_, _, body) = app.get(&format!("/en/results?lesson=moderate-the-comments&age=10-12&a={two}")).await;
    assert!(body.contains("role=\"alert\""), "two pins cannot happen");
}

#[tokio::test]
async fn the_tests_answer_keys_are_not_published() {
    let app = TestApp::spawn().await;
    for id in ["pretest", "posttest"] {
        let (status, _, body) = app.get(&format!("/en/lessons/{id}/teacher")).await;
        assert_eq!(status, 200);
        assert!(!body.contains("class=\"key\""), "{id}");
    }
}

#[tokio::test]
async fn the_results_of_a_lesson_lead_on_to_the_next_lesson() {
    let app = TestApp::spawn().await;
    let lib = library();
    let feed = lib.exercise_feed(Lang::En, "check-the-profile", AgeBand::Age10To12).unwrap();
    let answers = feedwise::domain::scoring::encode_answers(&vec![Default::default(); feed.comments.len()]);
    let (status, _, body) = app.get(&format!("/en/results?lesson=check-the-profile&age=10-12&a={answers}")).await;
    assert_eq!(status, 200);
    assert!(body.contains("href=\"/en/lessons/too-good-to-be-true?age=10-12\""), "{body}");
    assert!(body.contains("Too good to be true"));
}

#[tokio::test]
async fn the_results_tell_a_child_who_reported_everything_the_truth_in_plain_words() {
    use feedwise::domain::scoring::{Answer, ReportReason, encode_answers};
    let app = TestApp::spawn().await;
    let feed = library().exercise_feed(Lang::Nl, "what-is-spam", AgeBand::Age8To10).unwrap();
    let tile = |body: &str, n: usize| {
        let totals = &body[body.find("class=\"totals\"").unwrap()..];
        let t = totals.split("class=\"tile ").nth(n).unwrap();
        t[..t.find('"').unwrap()].to_string()
    };
    // everything reported: no spam missed, but not one real comment left alone
    let all = vec![Answer { reported: Some(ReportReason::SpamScam), ..Answer::default() }; feed.comments.len()];
    let (status, _, body) = app.get(&format!("/nl/results?lesson=what-is-spam&age=8-10&a={}", encode_answers(&all))).await;
    assert_eq!(status, 200);
    assert_eq!(tile(&body, 2), "good", "0 spam missed is good news");
    assert_eq!(tile(&body, 3), "bad", "every real comment reported");
    assert_eq!(tile(&body, 4), "bad", "0 real comments left alone");
    let meter = &body[body.find("<meter").unwrap()..];
    let meter = &meter[..meter.find('>').unwrap()];
    assert!(meter.contains("min=\"0\"") && meter.contains("value=\"0\""), "reporting everything is an empty bar: {meter}");
    let numbers = body.find("d′").unwrap();
    assert!(body[..numbers].rfind("<details").unwrap() > body[..numbers].rfind("</details>").unwrap_or(0), "the d′ jargon is folded away");
    let real_reported = feed.comments.iter().filter(|c| !c.is_spam() && c.tricky.is_none()).count();
    assert_eq!(body.matches("class=\"why-real\"").count(), real_reported, "every plain real comment says why it was real");
    // a perfect round: every tile is good
    let perfect: Vec<Answer> = feed
        .comments
        .iter()
        .map(|c| if c.is_spam() { Answer { reported: Some(ReportReason::SpamScam), ..Answer::default() } } else { Answer { looks_fine: true, ..Answer::default() } })
        .collect();
    let (_, _, body) = app.get(&format!("/nl/results?lesson=what-is-spam&age=8-10&a={}", encode_answers(&perfect))).await;
    for n in 1..=5 {
        assert_eq!(tile(&body, n), "good", "tile {n} of a perfect round");
    }
    assert_eq!(body.matches("class=\"why-real\"").count(), real_reported, "also when the child got it right");
    // no fold of a right answer is empty
    for fold in body.split("<details class=\"why\">").skip(1) {
        let fold = &fold[..fold.find("</details>").unwrap()];
        assert!(fold.contains("<h3>") || fold.contains("class=\"what\""), "an empty fold: {fold}");
    }
}
