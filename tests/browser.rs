//! A child plays rounds in real headless Chromium through WebDriver; axe-core checks every page.
#![cfg(feature = "ssr")]

mod support;

use support::browser::{Browser, browser, browser_loading};
use feedwise::domain::corpus::Corpus;
use feedwise::domain::generator::generate;
use feedwise::domain::model::*;
use support::TestApp;

/// What a child does in one round, and what they should see.
async fn play_a_round(lang: Lang, platform: Platform, reported_word: &str, progress_heading: &str) {
    let app = TestApp::spawn().await;
    let b = browser().await;
    let code = lang.code();

    // Home: pick the app and start; the form leads to a round.
    b.open(&format!("{}/{code}", app.base)).await;
    b.click(&format!("input[name=app][value={}]", platform.id())).await;
    b.click("button[type=submit]").await;
    b.hydrated().await;
    assert!(b.client.current_url().await.unwrap().as_str().contains(&format!("/{code}/play?")));

    // A known round, so the test knows which comments are spam.
    let seed = 31;
    let settings = FeedSettings::home(platform, AgeBand::Age10To12, Difficulty::new(1).unwrap());
    let feed = generate(Corpus::builtin(lang).unwrap(), &settings, seed);
    b.open(&format!("{}/{code}/play?age=10-12&app={}&level=1&seed={seed}", app.base, platform.id())).await;
    b.hydrated().await;

    let spam = feed.comments.iter().find(|c| c.is_spam()).expect("a spam comment");
    let legit = feed.comments.iter().find(|c| !c.is_spam() && !c.author.is_creator).expect("a real comment");
    let linked = feed.comments.iter().find(|c| c.is_spam() && c.links().next().is_some() && c.id != spam.id);

    // Open the spam account's profile: the card shows its numbers.
    b.click(&format!("#comment-{} .account", spam.id)).await;
    assert!(b.text("dialog[open] .profile-stats").await.contains(&spam.author.posts.to_string()));
    b.assert_accessible("profile dialog").await;
    b.click("dialog[open] .dialog-buttons button").await;

    // Report the spam with a reason through the report dialog.
    b.click(&format!("#comment-{} .action.report", spam.id)).await;
    b.assert_accessible("report dialog").await;
    b.click("dialog[open] input[name=reason]").await;
    b.click("dialog[open] .big-button.danger").await;
    assert!(b.text(&format!("#comment-{} .status", spam.id)).await.contains(reported_word));

    // Mark a real comment as fine.
    b.click(&format!("#comment-{} .action.fine", legit.id)).await;
    assert_eq!(b.count(&format!("#comment-{} .status:not([hidden])", legit.id)).await, 1);

    // Click a link: a teaching page opens, never another site.
    if let Some(c) = linked {
        b.click(&format!("#comment-{} button.link", c.id)).await;
        assert_eq!(b.count("dialog[open] .link-page").await, 1);
        assert!(b.client.current_url().await.unwrap().as_str().starts_with(&app.base));
        b.assert_accessible("link page").await;
        b.click("dialog[open] .big-button.primary").await;
    }
    b.assert_accessible("feed page").await;

    // A reload keeps the answers of the round.
    b.client.refresh().await.unwrap();
    b.hydrated().await;
    assert!(b.text(&format!("#comment-{} .status", spam.id)).await.contains(reported_word));

    // Finish: the results page, with totals, verdicts and highlighted cues.
    b.click(".finish-bar .big-button.primary").await;
    let totals = b.text(".results .totals").await;
    assert!(totals.contains('1'), "at least one hit: {totals}");
    let spam_total = feed.comments.iter().filter(|c| c.is_spam()).count();
    assert_eq!(b.count(".verdicts > li").await, feed.comments.len());
    assert!(b.count(".verdicts mark").await >= spam_total, "cues are highlighted");
    assert!(b.count(".verdict.right").await >= 2);
    assert!(b.client.current_url().await.unwrap().as_str().contains(&format!("/{code}/results?")));
    b.assert_accessible("results").await;

    // Progress survives in this browser, also after a reload.
    b.open(&format!("{}/{code}/progress", app.base)).await;
    b.hydrated().await;
    assert!(b.text("h1").await.contains(progress_heading));
    assert_eq!(b.count("tr.round").await, 1);
    b.client.refresh().await.unwrap();
    b.hydrated().await;
    assert_eq!(b.count("tr.round").await, 1);
    b.assert_accessible("progress page").await;
    b.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_child_plays_a_round_on_the_photo_app_in_dutch() {
    play_a_round(Lang::Nl, Platform::Photo, "Gemeld", "Mijn voortgang").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_child_plays_a_round_on_the_video_site_in_english() {
    play_a_round(Lang::En, Platform::Video, "Reported", "My progress").await;
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

/// Keyboard only (WCAG 2.2 AA, PRODUCT.md §7): focus stays inside an open dialog, comes back to
/// the button that opened it, lands on "Undo" after a choice, and is never hidden under the
/// finish bar, which takes at most a tenth of the screen.
#[tokio::test(flavor = "multi_thread")]
async fn a_child_plays_a_round_by_keyboard_alone() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    let seed = 31;
    let settings = FeedSettings::home(Platform::Photo, AgeBand::Age10To12, Difficulty::new(1).unwrap());
    let feed = generate(Corpus::builtin(Lang::En).unwrap(), &settings, seed);
    b.open(&format!("{}/en/play?age=10-12&app=photo&level=1&seed={seed}", app.base)).await;
    b.hydrated().await;
    let spam = feed.comments.iter().find(|c| c.is_spam()).expect("a spam comment").id;
    let legit = feed.comments.iter().find(|c| !c.is_spam() && !c.author.is_creator).expect("a real comment").id;
    let in_dialog = "return document.activeElement.closest(arguments[0]) !== null";

    // The report dialog takes the focus and keeps it, however often Tab is pressed.
    b.focus(&format!("#comment-{spam} .action.report")).await;
    b.press(ENTER).await;
    b.wait_for("dialog.dialog[open]", 10).await;
    for n in 0..12 {
        assert!(b.js_bool(in_dialog, "dialog[open]").await, "Tab {n} left the open dialog");
        b.press(TAB).await;
    }
    // Escape closes it, and the focus is back on the button that opened it.
    b.press(ESCAPE).await;
    assert_eq!(b.count("dialog[open]").await, 0, "Escape closes the dialog");
    assert!(b.focused(&format!("#comment-{spam} .action.report")).await, "focus returns to the Report button");

    // Reporting with the keyboard: a reason, then send; the focus lands on that comment's Undo.
    b.press(ENTER).await;
    b.wait_for("dialog.dialog[open]", 10).await;
    b.focus("dialog[open] input[name=reason]").await;
    b.press(" ").await;
    for _ in 0..10 {
        if b.js_bool("return document.activeElement.matches(arguments[0])", "dialog[open] .big-button.danger").await {
            break;
        }
        b.press(TAB).await;
    }
    assert!(b.focused("dialog[open] .big-button.danger").await, "Tab reaches the send button");
    b.press(ENTER).await;
    assert_eq!(b.count("dialog[open]").await, 0);
    assert!(b.focused(&format!("#comment-{spam} .undo")).await, "after a report the focus is on Undo");

    // "Looks fine" puts the focus on Undo; Undo puts it back on the comment's first action.
    b.focus(&format!("#comment-{legit} .action.fine")).await;
    b.press(ENTER).await;
    assert!(b.focused(&format!("#comment-{legit} .undo")).await, "after Looks fine the focus is on Undo");
    b.press(ENTER).await;
    assert!(b.focused(&format!("#comment-{legit} .action:not(.undo)")).await, "after Undo the focus is on the comment's actions");

    // Walking the feed with Tab never leaves the focus under the finish bar.
    for (width, height) in [(1366u32, 768u32), (768, 1024)] {
        b.client.set_window_size(width, height).await.unwrap();
        let bar = b.js_f64("return document.querySelector('.finish-bar').getBoundingClientRect().height").await;
        let inner = b.js_f64("return window.innerHeight").await;
        assert!(bar <= 0.1 * inner, "the finish bar takes {bar} of {inner} px at {width}x{height}");
        b.client.execute("window.scrollTo(0, 0)", vec![]).await.unwrap();
        // (the reported comment's own buttons are hidden now: its Undo shows instead)
        b.focus(".comments .action:not([hidden])").await;
        for n in 0..40 {
            b.press(TAB).await;
            let hidden = b
                .js_bool(
                    "const el = document.activeElement; if (el.closest(arguments[0])) return false;
                     const bar = document.querySelector(arguments[0]).getBoundingClientRect();
                     const r = el.getBoundingClientRect();
                     return r.bottom > bar.top + 1 || r.top < 0;",
                    ".finish-bar",
                )
                .await;
            assert!(!hidden, "Tab {n} at {width}x{height}: the focused element is hidden under the finish bar");
        }
    }
    b.client.close().await.unwrap();
}

/// On a slow school network the feed shows before its island is live: a tap in that time is
/// held and done once the island is ready, never lost.
#[tokio::test(flavor = "multi_thread")]
async fn a_tap_before_the_round_is_live_is_not_lost() {
    let app = TestApp::spawn().await;
    let b = browser_loading("eager").await;
    let seed = 31;
    let settings = FeedSettings::home(Platform::Video, AgeBand::Age10To12, Difficulty::new(1).unwrap());
    let feed = generate(Corpus::builtin(Lang::En).unwrap(), &settings, seed);
    let legit = feed.comments.iter().find(|c| !c.is_spam() && !c.author.is_creator).expect("a real comment").id;
    // a school network on a bad day: the page comes, the WebAssembly takes seconds more
    b.slow_network(1500, 150_000).await;
    b.open(&format!("{}/en/play?age=10-12&app=video&level=1&seed={seed}", app.base)).await;
    assert_eq!(b.count(".game[data-hydrated='true']").await, 0, "the island is not live yet on this slow network");
    b.click(&format!("#comment-{legit} .action.fine")).await;
    b.slow_network(0, 1_000_000).await;
    b.hydrated().await;
    b.wait_for(&format!("#comment-{legit} .status:not([hidden])"), 10).await;
    assert!(b.text(&format!("#comment-{legit} .status")).await.contains("Looks fine"));
    b.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_lesson_list_opens_for_the_age_chosen_on_the_home_page() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    b.open(&format!("{}/nl", app.base)).await;
    b.click("label.choice:has(input[name=age][value='8-10'])").await;
    b.click(".lessons-teaser button").await;
    b.wait_for(".age-switch", 10).await;
    let url = b.client.current_url().await.unwrap();
    assert!(url.path() == "/nl/lessons" && url.query().unwrap_or("").contains("age=8-10"), "{url}");
    assert_eq!(b.text(".age-switch [aria-current=page]").await, b.text(".age-switch a:first-of-type").await, "8-10 is the chosen band");
    b.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_start_pages_and_the_error_pages_have_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    for path in ["/", "/nl", "/en", "/en/progress", "/nl/play?age=12-14&app=video&level=3&seed=8", "/en/play?age=bad", "/nl/onbekend/pad"] {
        b.open(&format!("{}{path}", app.base)).await;
        if path.contains("progress") || path.contains("seed=8") {
            b.hydrated().await;
        }
        b.assert_accessible(path).await;
    }
    // A child who reports everything gets the over-flagging message.
    b.open(&format!("{}/en/play?age=8-10&app=photo&level=1&seed=3", app.base)).await;
    b.hydrated().await;
    let n = b.count(".comment").await;
    for _ in 0..n {
        b.click(".comment:not(.decided) .action.block").await;
        b.click("dialog[open] .big-button.danger").await;
    }
    b.click(".finish-bar .big-button.primary").await;
    b.text(".message.overflag").await;
    assert_eq!(b.count(".message.overflag").await, 1);
    b.client.close().await.unwrap();
}

fn library() -> feedwise::lessons::Library {
    feedwise::lessons::Library::load(std::path::Path::new("lessons")).unwrap_or_else(|e| panic!("{e}"))
}

/// A child opens the lesson list, reads a lesson, plays its exercise and sees it done.
async fn a_lesson_into_its_exercise(app: &TestApp, b: &Browser, lang: Lang, id: &str, age: AgeBand) {
    let code = lang.code();
    let lib = library();
    let lesson = lib.lesson(lang, id).unwrap();
    let next = lib.next(lang, id).unwrap();

    let badge = format!(".lesson-badge[data-lesson='{id}']");
    b.open(&format!("{}/{code}/lessons?age={}", app.base, age.id())).await;
    b.text(&format!("{badge}[data-hydrated='true']")).await;
    assert_eq!(b.count(&format!("{badge} .done")).await, 0, "not done yet");
    b.click(&format!(".lesson-item h2 a[href^='/{code}/lessons/{id}?']")).await;
    assert_eq!(b.text("h1").await, lesson.title);
    if !lesson.exercise.kind.is_test() {
        assert!(b.count(".lesson-text .example-comment").await >= 1, "the lesson shows example comments");
    }
    b.assert_accessible("lesson page").await;

    // The lesson leads straight into its exercise.
    b.click(".start a").await;
    b.hydrated().await;
    let url = b.client.current_url().await.unwrap();
    assert!(url.as_str().contains(&format!("lesson={id}&age={}", age.id())), "{url}");
    let feed = lib.exercise_feed(lang, id, age).unwrap();
    assert_eq!(b.count(".comment").await, feed.comments.len());
    for c in &feed.comments {
        if c.is_spam() {
            b.block(c.id).await;
        } else {
            b.click(&format!("#comment-{} .action.fine", c.id)).await;
        }
    }
    // Every comment has a choice: the bar counts them all and no longer says how many are left.
    let total = feed.comments.len().to_string();
    assert_eq!(b.text(".finish-bar .answered").await.matches(total.as_str()).count(), 2, "all of them counted");
    assert!(b.js_bool("return getComputedStyle(document.querySelector(arguments[0])).display === 'none'", ".finish-bar .hint").await, "the hint is gone");
    b.click(".finish-bar .big-button.primary").await;
    b.text(".results").await;
    assert_eq!(b.count(".verdict.wrong").await, 0, "every answer was right");
    assert!(b.text(".next .big-button.primary").await.contains(&next.title), "the next lesson is offered");
    b.assert_accessible("lesson results").await;

    // Back in the list the lesson is marked done, with its score.
    b.open(&format!("{}/{code}/lessons?age={}", app.base, age.id())).await;
    assert!(b.text(&format!("{badge} .done")).await.contains("100"));

    // Doing the exercise again starts with a clean slate.
    b.open(&format!("{}/{code}/play?lesson={id}&age={}", app.base, age.id())).await;
    b.hydrated().await;
    assert_eq!(b.count(".comment .status:not([hidden])").await, 0, "no answers carried over");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_child_reads_a_lesson_in_dutch_and_plays_its_exercise() {
    let (app, b) = (TestApp::spawn().await, browser().await);
    a_lesson_into_its_exercise(&app, &b, Lang::Nl, "check-the-profile", AgeBand::Age8To10).await;
    b.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_child_takes_the_pre_test_and_the_post_test_in_english_and_sees_them_compared() {
    let (app, b) = (TestApp::spawn().await, browser().await);
    a_lesson_into_its_exercise(&app, &b, Lang::En, "pretest", AgeBand::Age12To14).await;
    b.open(&format!("{}/en/lessons?age=12-14", app.base)).await;
    b.text(".prepost[data-hydrated='true']").await;
    assert_eq!(b.count(".prepost p").await, 0, "no comparison before the post-test");
    a_lesson_into_its_exercise(&app, &b, Lang::En, "final-challenge", AgeBand::Age12To14).await;
    // The post-test is the last lesson: its results offer no next lesson.
    let lib = library();
    let feed = lib.exercise_feed(Lang::En, "posttest", AgeBand::Age12To14).unwrap();
    b.open(&format!("{}/en/play?lesson=posttest&age=12-14", app.base)).await;
    b.hydrated().await;
    for c in feed.comments.iter().filter(|c| c.is_spam()) {
        b.block(c.id).await;
    }
    b.click(".finish-bar .big-button.primary").await;
    b.text(".results").await;
    b.open(&format!("{}/en/lessons?age=12-14", app.base)).await;
    b.hydrated().await;
    let compared = b.text(".prepost p").await;
    assert!(compared.contains("Pre-test: 100") && compared.contains("post-test: 100"), "{compared}");
    b.client.close().await.unwrap();
}

/// What a page must not say on a test: no comment's category, cue, trick, profile cue or "why it
/// is fine" in the island's props, and none of the explanations the feedback gives.
fn assert_no_answer_key(what: &str, page: &str, feed: &Feed) {
    let page = page.replace("&quot;", "\"").replace("&#34;", "\"");
    let category = "\"category\":\"";
    for (at, _) in page.match_indices(category) {
        let value = page[at + category.len()..].split('"').next().unwrap_or("");
        assert_eq!(value, "legit", "{what}: a comment's category is in the page");
    }
    assert!(!page.contains("\"cue\":"), "{what}: a cue is in the page");
    for list in ["\"tricks\":[", "\"profile_cues\":["] {
        for (at, _) in page.match_indices(list) {
            assert!(page[at + list.len()..].starts_with(']'), "{what}: {list}…] is in the page");
        }
    }
    let tricky = "\"tricky\":";
    for (at, _) in page.match_indices(tricky) {
        assert!(page[at + tricky.len()..].starts_with("null"), "{what}: why a real comment looks odd is in the page");
    }
    assert!(!page.contains("<mark"), "{what}: highlighted cues");
    let l = feedwise::text::locale(feed.lang);
    for c in &feed.comments {
        let mut explanations = vec![feedwise::text::category_what(l, c.category), feedwise::text::link_page(l, c.category).1];
        explanations.extend(c.cues().into_iter().map(|q| feedwise::text::cue(l, q)));
        explanations.extend(c.profile_cues.iter().map(|&q| feedwise::text::profile(l, q)));
        explanations.extend(c.tricky.map(|t| feedwise::text::tricky(l, t)));
        for text in explanations.iter().filter(|t| !t.is_empty()) {
            assert!(!page.contains(text.as_str()), "{what}: comment {} is explained: {text}", c.id);
        }
    }
}

/// The pre-test measures what a child knows: its page, as sent and as the browser holds it,
/// says of no comment what it is, and neither a clicked link nor a reply gives it away.
#[tokio::test(flavor = "multi_thread")]
async fn the_pre_test_page_holds_no_comment_s_category_or_cue() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    let feed = library().exercise_feed(Lang::En, "pretest", AgeBand::Age12To14).unwrap();
    assert!(feed.comments.iter().any(|c| c.is_spam() && !c.cues().is_empty()), "the pre-test has spam with cues to hide");
    let path = "/en/play?lesson=pretest&age=12-14";
    let (status, _, sent) = app.get(path).await;
    assert_eq!(status, 200);
    assert!(sent.contains(&format!("id=\"comment-{}\"", feed.comments[0].id)), "the round is on the page");
    assert_no_answer_key("the page as sent", &sent, &feed);
    b.open(&format!("{}{path}", app.base)).await;
    b.hydrated().await;
    assert_no_answer_key("the page in the browser", &b.client.source().await.unwrap(), &feed);

    // A link in a spam comment opens the teaching page, which keeps the answer for the results.
    let l = feedwise::text::locale(Lang::En);
    let linked = feed.comments.iter().find(|c| c.is_spam() && c.links().next().is_some()).expect("a spam comment with a link");
    b.click(&format!("#comment-{} button.link", linked.id)).await;
    let shown = b.text("dialog[open] .link-page").await;
    assert!(shown.contains("test"), "{shown}");
    for category in [linked.category, Category::Legit] {
        let (title, body) = feedwise::text::link_page(l, category);
        assert!(!shown.contains(&title) && !shown.contains(&body), "the link page tells: {shown}");
    }
    assert_eq!(b.count("dialog[open] .warning").await, 0, "no risky-click warning on a test");
    b.click("dialog[open] .big-button.primary").await;

    // Replying to a bot is not answered with "that was a bot" either.
    let spam = feed.comments.iter().find(|c| c.is_spam()).unwrap();
    b.click(&format!("#comment-{} .comment-tools button", spam.id)).await;
    b.fill("#reply-text", "hi").await;
    b.click("dialog[open] .big-button.primary").await;
    assert_eq!(b.count("dialog[open]").await, 0, "the reply is sent and the dialog closes");
    assert_eq!(b.count(".warning").await, 0);
    assert_no_answer_key("the page after a link and a reply", &b.client.source().await.unwrap(), &feed);
    b.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_child_moderates_the_news_channel_comments() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    let lib = library();
    let age = AgeBand::Age10To12;
    let feed = lib.exercise_feed(Lang::En, "moderate-the-comments", age).unwrap();

    b.open(&format!("{}/en/lessons/moderate-the-comments?age=10-12", app.base)).await;
    b.click(".start a").await;
    b.hydrated().await;
    assert!(b.text(".instructions").await.contains("moderator"));
    b.assert_accessible("moderator feed").await;

    // Hide or delete the spam; keep the real comments; pin one good comment.
    let pin = feed.comments.iter().find(|c| !c.is_spam() && c.parent.is_none() && !c.author.is_creator).expect("a real top-level comment");
    for (n, c) in feed.comments.iter().enumerate() {
        let action = match (c.is_spam(), c.id == pin.id) {
            (true, _) if n % 2 == 0 => "hide",
            (true, _) => "delete",
            (false, true) => "pin",
            (false, false) => "fine",
        };
        b.click(&format!("#comment-{} .action.{action}", c.id)).await;
    }
    assert!(b.text(&format!("#comment-{} .status", pin.id)).await.contains("Pinned by you"));
    // Only one comment is pinned at a time.
    let other = feed.comments.iter().find(|c| !c.is_spam() && c.parent.is_none() && !c.author.is_creator && c.id != pin.id).expect("a second real comment");
    b.click(&format!("#comment-{} .action.undo", other.id)).await;
    b.click(&format!("#comment-{} .action.pin", other.id)).await;
    assert!(!b.text(&format!("#comment-{} .status", pin.id)).await.contains("Pinned"));
    b.click(&format!("#comment-{} .action.undo", other.id)).await;
    b.click(&format!("#comment-{} .action.fine", other.id)).await;
    b.click(&format!("#comment-{} .action.undo", pin.id)).await;
    b.click(&format!("#comment-{} .action.pin", pin.id)).await;

    b.click(".finish-bar .big-button.primary").await;
    b.text(".results").await;
    assert_eq!(b.count(".verdict.wrong").await, 0);
    assert_eq!(b.count(".you.good").await, 1, "the good pin is praised");
    let spam = feed.comments.iter().filter(|c| c.is_spam()).count();
    assert_eq!(b.text(".results .totals .tile:first-child .value").await, spam.to_string(), "all spam caught");
    b.assert_accessible("moderator results").await;
    b.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn in_practice_mode_a_child_learns_right_away_whether_a_choice_was_right() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    let settings = FeedSettings::home(Platform::Photo, AgeBand::Age8To10, Difficulty::new(1).unwrap());
    let feed = generate(Corpus::builtin(Lang::Nl).unwrap(), &settings, 5);
    b.open(&format!("{}/nl/play?age=8-10&app=photo&level=1&seed=5&practice=1", app.base)).await;
    b.hydrated().await;
    assert_eq!(b.count(".instant:not([hidden])").await, 0, "nothing is shown before a choice");

    let spam = feed.comments.iter().find(|c| c.is_spam()).unwrap();
    b.click(&format!("#comment-{} .action.fine", spam.id)).await;
    let said = b.text(&format!("#comment-{} .instant.wrong:not([hidden])", spam.id)).await;
    assert!(said.contains("spam"), "{said}");
    b.assert_accessible("practice feedback").await;
    b.click(&format!("#comment-{} .action.undo", spam.id)).await;
    assert_eq!(b.count(&format!("#comment-{} .instant:not([hidden])", spam.id)).await, 0);
    b.block(spam.id).await;
    b.text(&format!("#comment-{} .instant.right:not([hidden])", spam.id)).await;
    // a real comment blocked by mistake: the child is told why it was real
    let real = feed.comments.iter().find(|c| !c.is_spam() && !c.author.is_creator && c.tricky.is_none() && c.parent.is_none()).unwrap();
    b.block(real.id).await;
    let said = b.text(&format!("#comment-{} .instant.wrong:not([hidden])", real.id)).await;
    assert!(said.contains("pas spam als hij iets van je wil"), "{said}");

    // Telling a stranger your age draws a word, whatever the comment was.
    let other = feed.comments.iter().find(|c| !c.is_spam() && !c.author.is_creator && c.id != real.id).unwrap();
    b.click(&format!("#comment-{} .comment-tools button", other.id)).await;
    b.fill("#reply-text", "ik ben 9").await;
    b.click("dialog[open] .big-button.primary").await;
    let said = b.text("dialog[open] .warning.personal").await;
    assert!(said.contains("iets over jezelf"), "{said}");
    b.click("dialog[open] .warned button").await;

    // Without practice mode the answer stays a surprise until the end.
    b.open(&format!("{}/nl/play?age=8-10&app=photo&level=1&seed=6", app.base)).await;
    b.hydrated().await;
    b.click(".comment .action.fine").await;
    assert_eq!(b.count(".instant").await, 0);
    b.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn every_lesson_page_has_no_accessibility_violations() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    let lib = library();
    for lang in Lang::ALL {
        let code = lang.code();
        b.open(&format!("{}/{code}/lessons", app.base)).await;
        b.hydrated().await;
        b.assert_accessible("lesson list").await;
        for lesson in lib.lessons(lang) {
            for page in ["", "/teacher", "/parent"] {
                let path = format!("/{code}/lessons/{}{page}", lesson.id);
                b.open(&format!("{}{path}", app.base)).await;
                b.assert_accessible(&path).await;
            }
        }
    }
    b.client.close().await.unwrap();
}

/// Not a check: writes screenshots of the main screens to `target/screenshots/` for a person
/// to look at. Run with `cargo leptos test -- --ignored screenshots` after `cargo leptos build`.
#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn screenshots() {
    let app = TestApp::spawn().await;
    let b = browser().await;
    std::fs::create_dir_all("target/screenshots").unwrap();
    let shot = |name: &'static str| {
        let client = b.client.clone();
        async move {
            let png = client.screenshot().await.unwrap();
            std::fs::write(format!("target/screenshots/{name}.png"), png).unwrap();
        }
    };
    for (lang, platform) in [(Lang::Nl, Platform::Photo), (Lang::En, Platform::Video)] {
        let code = lang.code();
        let settings = FeedSettings::home(platform, AgeBand::Age12To14, Difficulty::new(3).unwrap());
        let feed = generate(Corpus::builtin(lang).unwrap(), &settings, 12);
        b.open(&format!("{}/{code}/play?age=12-14&app={}&level=3&seed=12", app.base, platform.id())).await;
        b.hydrated().await;
        let spam = feed.comments.iter().find(|c| c.is_spam()).unwrap();
        b.click(&format!("#comment-{} .account", spam.id)).await;
        shot(if code == "nl" { "nl-profile" } else { "en-profile" }).await;
        b.click("dialog[open] .dialog-buttons button").await;
        b.click(&format!("#comment-{} .action.report", spam.id)).await;
        b.click("dialog[open] input[name=reason]").await;
        shot(if code == "nl" { "nl-report" } else { "en-report" }).await;
        b.click("dialog[open] .big-button.danger").await;
        if let Some(c) = feed.comments.iter().find(|c| c.links().next().is_some()) {
            b.click(&format!("#comment-{} button.link", c.id)).await;
            shot(if code == "nl" { "nl-link" } else { "en-link" }).await;
            b.click("dialog[open] .big-button.primary").await;
        }
        b.click(".finish-bar .big-button.primary").await;
        b.text(".results").await;
        shot(if code == "nl" { "nl-results" } else { "en-results" }).await;
        b.open(&format!("{}/{code}/progress", app.base)).await;
        b.hydrated().await;
        shot(if code == "nl" { "nl-progress" } else { "en-progress" }).await;
        b.open(&format!("{}/{code}/lessons", app.base)).await;
        b.hydrated().await;
        shot(if code == "nl" { "nl-lessons" } else { "en-lessons" }).await;
        b.open(&format!("{}/{code}/lessons/strangers-who-want-to-chat?age=8-10", app.base)).await;
        shot(if code == "nl" { "nl-lesson" } else { "en-lesson" }).await;
        b.open(&format!("{}/{code}/lessons/check-the-profile/teacher", app.base)).await;
        shot(if code == "nl" { "nl-teacher" } else { "en-teacher" }).await;
        b.open(&format!("{}/{code}/play?lesson=moderate-the-comments&age=12-14", app.base)).await;
        b.hydrated().await;
        shot(if code == "nl" { "nl-moderate" } else { "en-moderate" }).await;
    }
    b.client.close().await.unwrap();
}
