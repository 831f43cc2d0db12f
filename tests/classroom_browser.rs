//! A real lesson end to end in three Chromium sessions: a teacher makes a class and assigns a
//! lesson, two children join and play, one of them loses the network mid-round, the teacher
//! watches the results arrive without reloading and downloads the CSV. axe-core checks every
//! teacher and child page on the way. Screenshots go to target/screenshots/.
#![cfg(feature = "ssr")]

mod support;

use fantoccini::Locator;
use feedwise::domain::model::Feed;
use std::sync::Arc;
use std::time::Duration;
use support::TestApp;
use support::browser::{Browser, browser};

/// Plays comments `range` of the feed: blocks the spam, marks the rest as fine.
async fn answer(b: &Browser, feed: &Feed, range: std::ops::Range<usize>) {
    for c in &feed.comments[range] {
        if c.is_spam() {
            b.block(c.id).await;
        } else {
            b.click(&format!("#comment-{} .action.fine", c.id)).await;
        }
    }
}

async fn join(app: &TestApp, b: &Browser, code: &str, name: &str) {
    b.open(&format!("{}/nl/join", app.base)).await;
    b.fill("#code", code).await;
    b.fill("#name", name).await;
    b.click("form[action='/do/join'] button[type=submit]").await;
    b.wait_for(".assigned", 10).await;
}

async fn start_assignment(b: &Browser) {
    b.click("a[href^='/nl/play?assignment=']").await;
    b.hydrated().await;
}

/// Waits until the form's effect is in the database.
async fn assignments_become(app: &TestApp, class: i64, n: usize) {
    for _ in 0..100 {
        if app.state.db.assignments_of(class).await.unwrap().len() == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the class never got {n} assignments");
}

async fn answers_of(app: &TestApp, class: i64, pseudonym: &str) -> i64 {
    let students = app.state.db.students_of(class).await.unwrap();
    let s = students.iter().find(|s| s.pseudonym == pseudonym).expect("the child joined");
    app.state.db.answer_count(s.id).await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_runs_a_lesson_with_two_children_one_of_them_on_flaky_wifi() {
    let app = TestApp::spawn().await;
    let teacher = browser().await;

    // The teacher signs up and makes a class.
    teacher.open(&format!("{}/nl/teacher", app.base)).await;
    teacher.assert_accessible("teacher login").await;
    teacher.screenshot("teacher-login").await;
    teacher.open(&format!("{}/nl/teacher/signup", app.base)).await;
    teacher.assert_accessible("teacher sign-up").await;
    teacher.fill("#email", "juf.anna@school.example").await;
    teacher.fill("#password", "een lange zin").await;
    teacher.fill("#password2", "een lange zin").await;
    teacher.click("form[action='/do/signup'] button[type=submit]").await;
    teacher.fill("#class-name", "Groep 7B").await;
    teacher.click("form[action='/do/classes'] button[type=submit]").await;
    let code = teacher.find_within(".big-code", 10).await
        .attr("data-code").await.unwrap().expect("the class code");
    assert_eq!(code.len(), 6);
    let class_url = teacher.client.current_url().await.unwrap().to_string();
    let class_id: i64 = class_url.rsplit('/').next().unwrap().split(['?', '#']).next().unwrap().parse().unwrap();

    // Two lessons with a due date.
    teacher.client.find(Locator::Css("#lesson")).await.unwrap().select_by_value("what-is-spam").await.unwrap();
    let due = day_from_now(9);
    teacher.client.execute("document.querySelector('#due').value = arguments[0]", vec![serde_json::json!(due)]).await.unwrap();
    teacher.click(".assign-form button[type=submit]").await;
    assignments_become(&app, class_id, 1).await;
    teacher.wait_for("#assign [role=status]", 10).await;
    teacher.open(&class_url).await;
    teacher.client.find(Locator::Css("#lesson")).await.unwrap().select_by_value("check-the-profile").await.unwrap();
    teacher.click(".assign-form button[type=submit]").await;
    assignments_become(&app, class_id, 2).await;
    teacher.wait_for("#assign [role=status]", 10).await;
    let assignments = app.state.db.assignments_of(class_id).await.unwrap();
    assert_eq!(assignments.len(), 2);
    assert_eq!(assignments[0].due_on.as_deref(), Some(due.as_str()));
    let class = app.state.db.class(class_id).await.unwrap().unwrap();
    let feed: Arc<Feed> = app.state.assignment_feed(&class, &assignments[0]).unwrap();
    teacher.open(&class_url).await;
    teacher.hydrated_live().await;
    teacher.assert_accessible("class page, empty").await;

    // Two children join on their own Chromebooks; the code is typed the way children type it.
    let a = browser().await;
    let b = browser().await;
    let typed = format!("{}-{}", code[..3].to_lowercase(), code[3..].to_lowercase());
    join(&app, &a, &typed, "Blauwe Vos").await;
    a.assert_accessible("child's class page").await;
    a.screenshot("child-class").await;
    join(&app, &b, &code, "Groene Uil").await;

    // Child A plays the whole round and finishes.
    start_assignment(&a).await;
    a.assert_accessible("assigned round").await;
    answer(&a, &feed, 0..feed.comments.len()).await;
    a.wait_for(".sync[data-pending='0']", 20).await;
    a.screenshot("child-round").await;
    a.click(".finish-bar .big-button.primary").await;
    a.wait_for(".results", 20).await;
    assert_eq!(a.count(".verdict.wrong").await, 0);
    a.assert_accessible("assigned round's results").await;

    // The teacher sees it arrive without reloading the page.
    teacher.wait_for("td[data-state='done']", 30).await;
    let row = teacher.text(".overview tbody tr:first-child").await;
    assert!(row.contains("Blauwe Vos") && row.contains("100%"), "{row}");

    // Child B answers two comments, then the Wi-Fi drops.
    start_assignment(&b).await;
    answer(&b, &feed, 0..2).await;
    b.wait_for(".sync[data-pending='0']", 20).await;
    assert_eq!(answers_of(&app, class_id, "Groene Uil").await, 2);
    teacher.wait_for("td[data-state='playing']", 30).await;
    b.offline(true).await;
    answer(&b, &feed, 2..5).await;
    b.wait_for(".sync.waiting", 20).await;
    let waiting = b.text(".sync").await;
    assert!(waiting.contains("wachten") && waiting.contains('3'), "{waiting}");
    b.screenshot("child-offline").await;
    assert_eq!(answers_of(&app, class_id, "Groene Uil").await, 2, "nothing arrives while offline");

    // The connection comes back: the waiting answers arrive, once each.
    b.offline(false).await;
    b.wait_for(".sync[data-pending='0']", 60).await;
    assert_eq!(answers_of(&app, class_id, "Groene Uil").await, 5);
    // A reload loses nothing either: the round resumes with the five answers.
    b.client.refresh().await.unwrap();
    b.hydrated().await;
    assert_eq!(b.count(".comment.decided").await, 5);
    answer(&b, &feed, 5..feed.comments.len()).await;
    b.click(".finish-bar .big-button.primary").await;
    b.wait_for(".results", 30).await;
    assert_eq!(answers_of(&app, class_id, "Groene Uil").await, feed.comments.len() as i64);

    // Both results are in the teacher's live view.
    for _ in 0..60 {
        if teacher.count("td[data-state='done']").await == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(teacher.count("td[data-state='done']").await, 2);
    let done_row = teacher.text(".overview tfoot").await;
    assert!(done_row.contains("2 / 2") && done_row.contains("0 / 2"), "the lessons' done counts follow live: {done_row}");
    teacher.screenshot("teacher-class").await;

    // The CSV holds a row per child and lesson, with the results.
    let csv = teacher
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('failed: ' + e));",
            vec![serde_json::json!(format!("/teacher/classes/{class_id}/export.csv"))],
        )
        .await
        .unwrap();
    let csv = csv.as_str().unwrap().trim_start_matches('\u{feff}').to_string();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + 2 * 2, "{csv}");
    let n = feed.comments.len();
    assert!(rows.iter().any(|r| r.starts_with(&format!("Blauwe Vos,what-is-spam,Wat is spam?,done,{n},{n},100,"))), "{csv}");
    assert!(rows.iter().any(|r| r.starts_with(&format!("Groene Uil,what-is-spam,Wat is spam?,done,{n},{n},100,"))), "{csv}");
    assert!(rows.iter().any(|r| r.starts_with("Groene Uil,check-the-profile,Check het profiel,not_started")), "{csv}");

    // Every other teacher page, for the axe and for a person to look at.
    let sid = app.state.db.students_of(class_id).await.unwrap()[0].id;
    let base = format!("{}/nl/teacher/classes/{class_id}", app.base);
    for (page, url) in [
        ("teacher-classes", format!("{}/nl/teacher", app.base)),
        ("teacher-summary", format!("{base}/summary")),
        ("teacher-sheet", format!("{base}/sheet")),
        ("teacher-cards", format!("{base}/cards")),
        ("teacher-student", format!("{base}/students/{sid}")),
        ("teacher-replay", format!("{base}/replay/{sid}/{}", assignments[0].id)),
        ("teacher-class-en", class_url.replace("/nl/", "/en/")),
    ] {
        teacher.open(&url).await;
        teacher.wait_for("main h1, main .crumbs", 10).await;
        teacher.assert_accessible(page).await;
        teacher.screenshot(page).await;
    }
    let replay = teacher.text("main").await;
    assert!(replay.contains("Blauwe Vos") || replay.contains("Groene Uil"), "the replay names the child");

    // The child's join page, in both languages, has no accessibility problems either.
    let c = browser().await;
    for lang in ["nl", "en"] {
        c.open(&format!("{}/{lang}/join", app.base)).await;
        c.assert_accessible("join page").await;
    }
    c.fill("#code", "ZZZZZZ").await;
    c.fill("#name", "Paarse Komeet").await;
    c.click("form[action='/do/join'] button[type=submit]").await;
    let error = c.text(".form-error").await;
    assert!(error.contains("klascode werkt niet") || error.contains("class code does not work"), "{error}");
    c.assert_accessible("join page with an error").await;
    c.screenshot("child-join-error").await;

    for x in [teacher, a, b, c] {
        x.client.close().await.unwrap();
    }
}

/// `YYYY-MM-DD`, `days` from today (UTC).
fn day_from_now(days: i64) -> String {
    feedwise::server::day_of(feedwise::server::db::now_ms() + days * 24 * 3600 * 1000)
}

/// Signs a teacher up in the browser and makes a class: its id, code and page.
async fn teacher_with_class(app: &TestApp, t: &Browser, email: &str) -> (i64, String, String) {
    t.open(&format!("{}/nl/teacher/signup", app.base)).await;
    t.fill("#email", email).await;
    t.fill("#password", "een lange zin").await;
    t.fill("#password2", "een lange zin").await;
    t.click("form[action='/do/signup'] button[type=submit]").await;
    t.fill("#class-name", "Groep 7B").await;
    t.click("form[action='/do/classes'] button[type=submit]").await;
    let code = t.find_within(".big-code", 10).await
        .attr("data-code").await.unwrap().expect("the class code");
    let url = t.client.current_url().await.unwrap().to_string();
    let id = url.rsplit('/').next().unwrap().split(['?', '#']).next().unwrap().parse().unwrap();
    (id, code, url)
}

/// Gives the class a lesson through the form, with a due date.
async fn give_lesson(app: &TestApp, t: &Browser, class_url: &str, class_id: i64, lesson: &str, due: &str) {
    let n = app.state.db.assignments_of(class_id).await.unwrap().len();
    t.open(class_url).await;
    t.client.find(Locator::Css("#lesson")).await.unwrap().select_by_value(lesson).await.unwrap();
    t.client.execute("document.querySelector('#due').value = arguments[0]", vec![serde_json::json!(due)]).await.unwrap();
    t.click(".assign-form button[type=submit]").await;
    assignments_become(app, class_id, n + 1).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_who_mistypes_is_told_how_long_to_wait_and_a_reset_link_gets_them_back_in() {
    let app = TestApp::spawn().await;
    let (_, h, _) = app.post("/do/signup", &[], "lang=nl&email=juf%40school.example&password=een+lange+zin&password2=een+lange+zin").await;
    assert!(support::header(&h, "location").is_some());
    let t = browser().await;
    for _ in 0..4 {
        t.open(&format!("{}/nl/teacher", app.base)).await;
        t.fill("#email", "juf@school.example").await;
        t.fill("#password", "verkeerd wachtwoord").await;
        t.click("form[action='/do/login'] button[type=submit]").await;
        t.wait_for(".form-error", 10).await;
    }
    let error = t.text(".form-error").await;
    assert!(error.contains("klopt niet") && error.contains("wacht 2 seconden"), "{error}");
    let typed = t.client.find(Locator::Css("#email")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(typed.as_deref(), Some("juf@school.example"), "the address stays typed");
    t.assert_accessible("login with a wait").await;
    t.screenshot("teacher-login-wait").await;
    t.click("details.forgot summary").await;
    let forgot = t.text("details.forgot").await;
    assert!(forgot.contains("feedwise teacher reset-password"), "{forgot}");

    // Whoever runs the server makes a link; the teacher chooses a new password with it.
    let (ok, stdout, stderr) = app.reset_password_command("juf@school.example");
    assert!(ok, "{stderr}");
    t.open(&format!("{}{}", app.base, support::reset_path(&stdout, &app.base))).await;
    t.assert_accessible("reset form").await;
    t.screenshot("teacher-reset").await;
    t.fill("#password", "een nieuwe lange zin").await;
    t.fill("#password2", "een nieuwe lange zin").await;
    t.click("form[action='/do/reset'] button[type=submit]").await;
    t.wait_for(".notice[role=status]", 10).await;
    let notice = t.text(".notice[role=status]").await;
    assert!(notice.contains("Je nieuwe wachtwoord is opgeslagen"), "{notice}");
    assert!(t.text("main").await.contains("Je klassen"));
    t.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_class_page_shows_the_answer_key_of_the_classs_own_feed() {
    let app = TestApp::spawn().await;
    let t = browser().await;
    let (class_id, _, class_url) = teacher_with_class(&app, &t, "meester@school.example").await;
    give_lesson(&app, &t, &class_url, class_id, "what-is-spam", &day_from_now(7)).await;
    let a = app.state.db.assignments_of(class_id).await.unwrap().remove(0);
    let class = app.state.db.class(class_id).await.unwrap().unwrap();
    let feed = app.state.assignment_feed(&class, &a).unwrap();
    t.open(&class_url).await;
    t.click(&format!("#key-{} summary", a.id)).await;
    let rows = t.client.find_all(Locator::Css(&format!("#key-{} tbody tr", a.id))).await.unwrap();
    assert_eq!(rows.len(), feed.comments.len());
    for (row, c) in rows.iter().zip(&feed.comments) {
        let text = row.text().await.unwrap();
        // the answer is in the last column: a real warning's own text may hold a 🚩
        let answer = row.find(Locator::Css("td:last-child")).await.unwrap().text().await.unwrap();
        assert!(text.contains(&format!("@{}", c.author.username)) && answer.contains('🚩') == c.is_spam(), "{text}");
    }
    t.assert_accessible("class page with an answer key open").await;
    t.screenshot("teacher-class-key").await;
    t.screenshot_at("teacher-class-key-tablet", 768, 1024).await;
    t.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_due_date_in_the_past_is_caught_without_losing_the_form_and_the_child_sees_it_is_late() {
    let app = TestApp::spawn().await;
    let t = browser().await;
    let (class_id, code, class_url) = teacher_with_class(&app, &t, "juf.b@school.example").await;
    let past = day_from_now(-59);
    t.client.find(Locator::Css("#lesson")).await.unwrap().select_by_value("check-the-profile").await.unwrap();
    t.client.find(Locator::Css("#level")).await.unwrap().select_by_value("3").await.unwrap();
    t.client.execute("document.querySelector('#due').value = arguments[0]", vec![serde_json::json!(past)]).await.unwrap();
    t.click(".assign-form button[type=submit]").await;
    t.wait_for("#assign-error", 10).await;
    let error = t.text("#assign-error").await;
    assert!(error.contains("in het verleden"), "{error}");
    let value = |css: &'static str| {
        let t = &t;
        async move { t.client.find(Locator::Css(css)).await.unwrap().prop("value").await.unwrap().unwrap_or_default() }
    };
    assert_eq!(value("#lesson").await, "check-the-profile");
    assert_eq!(value("#level").await, "3");
    assert_eq!(value("#due").await, past);
    assert!(app.state.db.assignments_of(class_id).await.unwrap().is_empty());
    t.assert_accessible("assignment form with a date in the past").await;
    t.screenshot("teacher-due-past").await;
    t.click("input[name=past_ok]").await;
    t.click(".assign-form button[type=submit]").await;
    assignments_become(&app, class_id, 1).await;
    t.open(&class_url).await;
    assert!(t.text(".assignment-list").await.contains("moest af zijn op"));

    let c = browser().await;
    join(&app, &c, &code, "Blauwe Vos").await;
    let late = c.text(".assignment .due").await.contains("Te laat!");
    assert!(late, "the child sees the lesson is late: {}", c.text(".assignment").await);
    c.assert_accessible("child's class page with a late lesson").await;
    c.screenshot("child-class-late").await;
    c.screenshot_at("child-class-late-tablet", 768, 1024).await;
    for x in [t, c] {
        x.client.close().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_class_of_thirty_fits_the_screen_sorts_by_a_lesson_and_its_insights_come_in_live() {
    use feedwise::domain::scoring::{Answer, ReportReason, encode_answers, score};
    use feedwise::server::db::{NewStudent, Round, now_ms};
    let app = TestApp::spawn().await;
    let t = browser().await;
    let (class_id, _, class_url) = teacher_with_class(&app, &t, "klas30@school.example").await;
    give_lesson(&app, &t, &class_url, class_id, "what-is-spam", &day_from_now(7)).await;
    let a = app.state.db.assignments_of(class_id).await.unwrap().remove(0);
    let class = app.state.db.class(class_id).await.unwrap().unwrap();
    let feed = app.state.assignment_feed(&class, &a).unwrap();
    let db = &app.state.db;
    let mut ids = Vec::new();
    for n in 0..30 {
        let NewStudent::Created(s) = db.create_student(class_id, &format!("Kind {n:02}"), &format!("RJ{n:04}")).await.unwrap() else { panic!() };
        ids.push(s.id);
    }
    t.open(&class_url).await;
    t.hydrated_live().await;
    assert!(t.text("main").await.contains("Zodra leerlingen een ronde afmaken"));

    // Rounds come in while the page is open: child n gets the first (29 - n) % 10 comments wrong; Kind 07 reports everything.
    let reported = Answer { reported: Some(ReportReason::SpamScam), ..Answer::default() };
    let fine = Answer { looks_fine: true, ..Answer::default() };
    for (n, id) in ids.iter().enumerate() {
        let answers: Vec<Answer> = feed.comments.iter().enumerate().map(|(i, c)| {
            let right = if c.is_spam() { reported.clone() } else { fine.clone() };
            let wrong = if c.is_spam() { fine.clone() } else { reported.clone() };
            if n == 7 { reported.clone() } else if i < (29 - n) % 10 { wrong } else { right }
        }).collect();
        let s = score(&feed.comments, &answers);
        db.finish_round(&Round {
            student_id: *id, assignment_id: a.id, answers: encode_answers(&answers),
            hits: i64::from(s.hits), misses: i64::from(s.misses), false_alarms: i64::from(s.false_alarms),
            correct_rejections: i64::from(s.correct_rejections), discernment: s.discernment,
            risky_actions: i64::from(s.risky_actions), finished_at: now_ms(),
        }).await.unwrap();
    }
    t.wait_for("#categories-title", 30).await;
    t.wait_for(".help-list", 10).await;
    let help = t.text(".help-list").await;
    assert!(help.contains("Kind 07") && help.contains("echte reacties"), "{help}");
    assert!(t.text("#overview").await.contains("30 / 30"));

    // The table scrolls inside a frame that fits the window, under a header that stays.
    let fits = t.js_f64("const r = document.querySelector('.overview-scroll'); return r.getBoundingClientRect().height <= window.innerHeight && r.scrollHeight > r.clientHeight ? 1 : 0").await;
    assert_eq!(fits, 1.0, "the overview of 30 scrolls inside the window");
    let stuck = t.js_f64("const r = document.querySelector('.overview-scroll'); r.scrollTop = r.scrollHeight; \
        return Math.abs(r.querySelector('thead th').getBoundingClientRect().top - r.getBoundingClientRect().top)").await;
    assert!(stuck < 3.0, "the header stays at the top of the frame: {stuck}px off");
    let to_overview = "document.querySelector('#overview').scrollIntoView()";
    t.client.execute(to_overview, vec![]).await.unwrap();
    t.screenshot_at("teacher-class-30", 1366, 768).await;
    t.client.set_window_size(768, 1024).await.unwrap();
    t.client.execute(to_overview, vec![]).await.unwrap();
    t.screenshot_at("teacher-class-30-tablet", 768, 1024).await;

    // Sorting by the lesson: the best first, the child who reported everything among the last.
    t.click(&format!("#overview thead a[href$='sort=a{}#overview']", a.id)).await;
    t.hydrated_live().await;
    let first = t.text(".overview tbody tr:first-child th").await;
    assert_eq!(first, "Kind 09", "the first of the three without a mistake");
    let sorted = t.client.find(Locator::Css(".overview thead th[aria-sort='descending']")).await.unwrap().text().await.unwrap();
    assert!(sorted.contains("Wat is spam?"), "{sorted}");
    // It stays sorted when the live view refreshes it.
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(t.text(".overview tbody tr:first-child th").await, "Kind 09");
    t.assert_accessible("class page with 30 pupils, sorted").await;
    t.open(&class_url.replace("/nl/", "/en/")).await;
    t.client.execute(to_overview, vec![]).await.unwrap();
    t.screenshot_at("teacher-class-30-en", 1366, 768).await;
    t.client.set_window_size(768, 1024).await.unwrap();
    t.client.execute(to_overview, vec![]).await.unwrap();
    t.screenshot_at("teacher-class-30-en-tablet", 768, 1024).await;
    t.client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_child_who_types_a_real_looking_name_is_asked_gently_and_the_teacher_can_rename_them() {
    let app = TestApp::spawn().await;
    let t = browser().await;
    let (class_id, code, class_url) = teacher_with_class(&app, &t, "juf.c@school.example").await;
    let c = browser().await;
    c.open(&format!("{}/nl/join", app.base)).await;
    c.fill("#code", &code).await;
    c.fill("#name", "Sam de Vries").await;
    c.click("form[action='/do/join'] button[type=submit]").await;
    c.wait_for(".form-error", 10).await;
    let error = c.text(".form-error").await;
    assert!(error.contains("echte voornaam en achternaam"), "{error}");
    let typed = c.client.find(Locator::Css("#name")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(typed.as_deref(), Some("Sam de Vries"));
    c.assert_accessible("join page asking about a real-looking name").await;
    c.screenshot("child-join-real-name").await;
    c.screenshot_at("child-join-real-name-tablet", 768, 1024).await;
    // The child says it is made up and is in.
    c.click("input[name=made_up]").await;
    c.click("form[action='/do/join'] button[type=submit]").await;
    c.wait_for(".assigned", 10).await;
    assert!(c.text("main").await.contains("Hoi Sam de Vries!"));

    // The teacher gives the child another name; the child carries on under it.
    let sid = app.state.db.students_of(class_id).await.unwrap()[0].id;
    t.open(&format!("{class_url}/students/{sid}")).await;
    t.fill("#new-name", "Rode Raaf").await;
    t.click("form[action$='/rename'] button[type=submit]").await;
    t.wait_for("#rename [role=status]", 10).await;
    assert!(t.text("#rename [role=status]").await.contains("nieuwe spelnaam"));
    assert!(t.text("main h1").await.contains("Rode Raaf"));
    t.assert_accessible("pupil page after a rename").await;
    t.screenshot("teacher-student-renamed").await;
    c.client.refresh().await.unwrap();
    assert!(c.text("main").await.contains("Hoi Rode Raaf!"));
    for x in [t, c] {
        x.client.close().await.unwrap();
    }
}
