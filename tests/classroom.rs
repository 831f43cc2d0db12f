//! Classrooms over real HTTP against the real server and its SQLite database: who may do what
//! (every endpoint × anonymous, a child of class A, a child of class B, teacher X, teacher Y),
//! answers that are never doubled, the limits on passwords and codes, and erasing a class.
#![cfg(feature = "ssr")]

mod support;

use feedwise::domain::model::{AgeBand, Category, Difficulty, Lang};
use feedwise::domain::scoring::{Answer, ReportReason, encode_answers};
use support::{TestApp, form_value, header, session_cookie};

/// A user of the test: the Cookie header of their session, if any.
#[derive(Clone, Debug)]
struct Who {
    name: &'static str,
    cookie: Option<String>,
}

impl Who {
    fn headers(&self) -> Vec<(&str, &str)> {
        self.cookie.as_deref().map(|c| vec![("Cookie", c)]).unwrap_or_default()
    }
}

async fn post(app: &TestApp, who: &Who, path: &str, body: &str) -> (u16, Vec<(String, String)>, String) {
    app.post(path, &who.headers(), body).await
}

async fn get(app: &TestApp, who: &Who, path: &str) -> (u16, Vec<(String, String)>, String) {
    app.get_with(path, &who.headers()).await
}

fn location(h: &[(String, String)]) -> String {
    header(h, "location").unwrap_or("").to_string()
}

async fn teacher(app: &TestApp, name: &'static str, email: &str) -> Who {
    let body = format!("lang=nl&email={}&password=correct-horse-1&password2=correct-horse-1", form_value(email));
    let (status, h, _) = app.post("/do/signup", &[], &body).await;
    assert_eq!((status, location(&h).as_str()), (303, "/nl/teacher"), "sign-up of {email}");
    Who { name, cookie: session_cookie(&h) }
}

/// Creates a class and returns its id and code.
async fn class(app: &TestApp, t: &Who, name: &str, lang: Lang) -> (i64, String) {
    let body = format!("lang=nl&name={}&age=10-12&class_lang={}", form_value(name), lang.code());
    let (status, h, _) = post(app, t, "/do/classes", &body).await;
    assert_eq!(status, 303);
    let id: i64 = location(&h).rsplit('/').next().unwrap().parse().unwrap();
    let class = app.state.db.class(id).await.unwrap().unwrap();
    (id, class.code)
}

/// `YYYY-MM-DD`, `days` from today (UTC).
fn day_from_now(days: i64) -> String {
    feedwise::server::day_of(feedwise::server::db::now_ms() + days * 24 * 3600 * 1000)
}

async fn assign(app: &TestApp, t: &Who, class: i64, lesson: &str) -> i64 {
    let due = day_from_now(8);
    let (status, h, _) = post(app, t, &format!("/do/classes/{class}/assign"), &format!("lang=nl&lesson={lesson}&level=1&due={due}")).await;
    assert!(location(&h).contains("done=assigned"), "{status} {h:?}");
    app.state.db.assignments_of(class).await.unwrap().into_iter().find(|a| a.lesson_id == lesson).unwrap().id
}

async fn child(app: &TestApp, name: &'static str, code: &str, pseudonym: &str) -> Who {
    let (status, h, _) = app.post("/do/join", &[], &format!("lang=nl&code={}&name={}", form_value(code), form_value(pseudonym))).await;
    assert_eq!(status, 303);
    assert!(location(&h).ends_with("/class"), "{pseudonym} joins: {h:?}");
    Who { name, cookie: session_cookie(&h) }
}

struct World {
    app: TestApp,
    anon: Who,
    child_a: Who,
    child_b: Who,
    teacher_x: Who,
    teacher_y: Who,
    class_a: i64,
    code_a: String,
    assignment_a: i64,
    assignment_b: i64,
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let teacher_x = teacher(&app, "teacher X", "x@school.example").await;
    let teacher_y = teacher(&app, "teacher Y", "y@school.example").await;
    let (class_a, code_a) = class(&app, &teacher_x, "Groep 7B", Lang::Nl).await;
    let (class_b, code_b) = class(&app, &teacher_y, "Class 6", Lang::En).await;
    let assignment_a = assign(&app, &teacher_x, class_a, "what-is-spam").await;
    let assignment_b = assign(&app, &teacher_y, class_b, "what-is-spam").await;
    let child_a = child(&app, "child of A", &code_a, "Blue Fox").await;
    let child_b = child(&app, "child of B", &code_b, "Green Owl").await;
    World { app, anon: Who { name: "anonymous", cookie: None }, child_a, child_b, teacher_x, teacher_y, class_a, code_a, assignment_a, assignment_b }
}

impl World {
    fn everyone(&self) -> [&Who; 5] {
        [&self.anon, &self.child_a, &self.child_b, &self.teacher_x, &self.teacher_y]
    }
}

/// One answer line for comment `i` of an assignment.
fn answer_line(key: &str, assignment: i64, i: usize, seq: i64, a: &Answer) -> String {
    feedwise::domain::answer_line::AnswerLine::Answer { key: key.into(), assignment, comment: i as u32, seq, answer: encode_answers(std::slice::from_ref(a)) }.to_string()
}

fn reported() -> Answer {
    Answer { reported: Some(ReportReason::SpamScam), ..Answer::default() }
}

#[tokio::test]
async fn only_the_classs_own_teacher_may_change_or_see_it() {
    let w = world().await;
    let a = w.class_a;
    let forms: Vec<(String, String)> = vec![
        (format!("/do/classes/{a}/code"), "lang=nl".into()),
        (format!("/do/classes/{a}/assign"), "lang=nl&lesson=check-the-profile&level=2&due=".into()),
        (format!("/do/classes/{a}/unassign"), format!("lang=nl&assignment={}", w.assignment_a)),
        (format!("/do/classes/{a}/archive"), "lang=nl".into()),
        (format!("/do/classes/{a}/delete"), "lang=nl&confirm=Groep%207B".into()),
    ];
    for (path, body) in &forms {
        for who in w.everyone() {
            if who.name == "teacher X" {
                continue;
            }
            let (status, _, _) = post(&w.app, who, path, body).await;
            let expected = if who.name == "teacher Y" { 404 } else { 401 };
            assert_eq!(status, expected, "{} POST {path}", who.name);
        }
    }
    // Nothing changed for anyone else's try.
    let class = w.app.state.db.class(a).await.unwrap().expect("class A still there");
    assert_eq!(class.code, w.code_a);
    assert!(class.archived_at.is_none());
    assert_eq!(w.app.state.db.assignments_of(a).await.unwrap().len(), 1);

    let reads = [format!("/api/classes/{a}/live?lang=nl"), format!("/teacher/classes/{a}/export.csv")];
    for path in &reads {
        for who in w.everyone() {
            let (status, _, body) = get(&w.app, who, path).await;
            let expected = match who.name {
                "teacher X" => 200,
                "teacher Y" => 404,
                _ => 401,
            };
            assert_eq!(status, expected, "{} GET {path}", who.name);
            if expected != 200 {
                assert!(!body.contains("Blue Fox"), "{} sees a pupil of class A at {path}", who.name);
            }
        }
    }
    let sid = w.app.state.db.students_of(a).await.unwrap()[0].id;
    let pages = [
        format!("/nl/teacher/classes/{a}"),
        format!("/nl/teacher/classes/{a}/sheet"),
        format!("/nl/teacher/classes/{a}/cards"),
        format!("/nl/teacher/classes/{a}/summary"),
        format!("/nl/teacher/classes/{a}/students/{sid}"),
        format!("/nl/teacher/classes/{a}/replay/{sid}/{}", w.assignment_a),
    ];
    for path in &pages {
        for who in w.everyone() {
            let (status, h, body) = get(&w.app, who, path).await;
            match who.name {
                "teacher X" => {
                    assert_eq!(status, 200, "{path}");
                    assert!(body.contains("Groep 7B"), "{path}");
                }
                "teacher Y" => assert_eq!(status, 404, "{path}"),
                _ => assert_eq!((status, location(&h).as_str()), (302, "/nl/teacher"), "{} GET {path}", who.name),
            }
            if who.name != "teacher X" {
                assert!(!body.contains("Blue Fox"), "{} sees a pupil of class A at {path}", who.name);
            }
        }
    }
    // A student of class A is not reachable through class B's teacher or another class's path.
    let (status, _, _) = get(&w.app, &w.teacher_y, &format!("/nl/teacher/classes/{a}/students/{sid}")).await;
    assert_eq!(status, 404);

    // Teacher X's own changes work.
    for (path, body) in &forms[..4] {
        let (status, _, _) = post(&w.app, &w.teacher_x, path, body).await;
        assert_eq!(status, 303, "teacher X POST {path}");
    }
    let class = w.app.state.db.class(a).await.unwrap().unwrap();
    assert_ne!(class.code, w.code_a, "rotated");
    assert!(class.archived_at.is_some(), "archived");
}

#[tokio::test]
async fn children_see_and_answer_only_their_own_classs_assignments() {
    let w = world().await;
    let line = answer_line("key-a-0001", w.assignment_a, 0, 1, &reported());
    for who in w.everyone() {
        let (status, _, _) = post(&w.app, who, "/api/answers", &line).await;
        let expected = match who.name {
            "child of A" => 200,
            "child of B" => 403,
            _ => 401,
        };
        assert_eq!(status, expected, "{} answers for class A", who.name);
    }
    // Pages: the child's own class, its rounds; another class's round does not exist for them.
    let (_, _, body) = get(&w.app, &w.child_a, "/nl/class").await;
    assert!(body.contains("Blue Fox") && body.contains("Groep 7B") && !body.contains("Green Owl"));
    let (_, _, body) = get(&w.app, &w.child_b, "/nl/class").await;
    assert!(body.contains("Green Owl") && body.contains("Class 6") && !body.contains("Blue Fox"));
    let (status, _, body) = get(&w.app, &w.child_a, &format!("/nl/play?assignment={}", w.assignment_a)).await;
    assert_eq!(status, 200);
    assert!(body.contains("data-hydrated") && body.contains("class_round"), "the round with its class sync");
    let (status, _, _) = get(&w.app, &w.child_b, &format!("/nl/play?assignment={}", w.assignment_a)).await;
    assert_eq!(status, 404);
    let (status, _, _) = get(&w.app, &w.child_a, &format!("/nl/play?assignment={}", w.assignment_b)).await;
    assert_eq!(status, 404);
    for who in [&w.anon, &w.teacher_x] {
        let (status, h, _) = get(&w.app, who, "/nl/class").await;
        assert_eq!((status, location(&h).as_str()), (302, "/nl/join"), "{}", who.name);
        let (status, h, _) = get(&w.app, who, &format!("/nl/play?assignment={}", w.assignment_a)).await;
        assert_eq!((status, location(&h).as_str()), (302, "/nl/join"), "{}", who.name);
    }
}

#[tokio::test]
async fn an_answer_sent_twice_counts_once_and_the_latest_choice_wins() {
    let w = world().await;
    let db = &w.app.state.db;
    let student = db.students_of(w.class_a).await.unwrap()[0].clone();
    let fine = Answer { looks_fine: true, ..Answer::default() };
    let first = [answer_line("key-0000001", w.assignment_a, 0, 10, &reported()), answer_line("key-0000002", w.assignment_a, 1, 11, &fine)].join("\n");
    for _ in 0..3 {
        let (status, _, body) = post(&w.app, &w.child_a, "/api/answers", &first).await;
        assert_eq!(status, 200, "{body}");
    }
    assert_eq!(db.answer_count(student.id).await.unwrap(), 2, "three deliveries, two answers");
    // A change of mind that arrives before the older answer (after being offline) still wins.
    let later = answer_line("key-0000003", w.assignment_a, 1, 30, &reported());
    let older = answer_line("key-0000004", w.assignment_a, 1, 20, &fine);
    post(&w.app, &w.child_a, "/api/answers", &later).await;
    post(&w.app, &w.child_a, "/api/answers", &older).await;
    let current = db.answers_of(student.id, Some(w.assignment_a)).await.unwrap();
    let c1 = current.iter().find(|c| c.student_id == student.id && c.comment == 1).unwrap();
    assert_eq!(c1.answer, encode_answers(&[reported()]));

    // Finishing twice: the first finish counts.
    let feed = w.app.state.assignment_feed(&db.class(w.class_a).await.unwrap().unwrap(), &db.assignment(w.assignment_a).await.unwrap().unwrap()).unwrap();
    let all_fine = encode_answers(&vec![fine.clone(); feed.comments.len()]);
    let all_right: Vec<Answer> = feed.comments.iter().map(|c| if c.is_spam() { reported() } else { fine.clone() }).collect();
    post(&w.app, &w.child_a, "/api/answers", &format!("f key-finish-1 {} {all_fine}", w.assignment_a)).await;
    post(&w.app, &w.child_a, "/api/answers", &format!("f key-finish-2 {} {}", w.assignment_a, encode_answers(&all_right))).await;
    let rounds = db.rounds_of_student(student.id).await.unwrap();
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0].answers, all_fine);
    assert_eq!(rounds[0].hits, 0);

    // Answers that cannot come from the feed are refused one by one; the good ones around them stay.
    let before = db.answer_count(student.id).await.unwrap();
    let hidden = Answer { hidden: true, ..Answer::default() };
    let batch = [
        answer_line("key-0000009", w.assignment_a, 999, 40, &fine),
        answer_line("key-0000010", w.assignment_a, 0, 41, &hidden),
        answer_line("key-0000011", w.assignment_a, 2, 42, &fine),
    ]
    .join("\n");
    let (status, _, body) = post(&w.app, &w.child_a, "/api/answers", &batch).await;
    assert_eq!((status, body.as_str()), (200, "ok 1 refused 2"), "moderator actions only in the moderator lesson, comments that exist");
    assert_eq!(db.answer_count(student.id).await.unwrap(), before + 1);
    let (status, _, _) = post(&w.app, &w.child_a, "/api/answers", "a bad").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn answers_queued_by_one_child_are_never_stored_as_another_childs() {
    let w = world().await;
    let db = &w.app.state.db;
    let a = db.students_of(w.class_a).await.unwrap()[0].clone();
    let cookie = w.child_a.cookie.clone().unwrap();
    let line = answer_line("key-0000001", w.assignment_a, 0, 1, &reported());
    // A's tab still holds lines when B signs in on the same browser: B's session, A's lines.
    let b = child(&w.app, "second child of A", &w.code_a, "Rode Kat").await;
    let b_cookie = b.cookie.clone().unwrap();
    let (status, _, _) = w.app.post("/api/answers", &[("Cookie", &b_cookie), ("X-Feedwise-Student", &a.id.to_string())], &line).await;
    assert_eq!(status, 409);
    let b_id = db.students_of(w.class_a).await.unwrap().into_iter().find(|s| s.pseudonym == "Rode Kat").unwrap().id;
    assert_eq!(db.answer_count(b_id).await.unwrap(), 0);
    let (status, _, _) = w.app.post("/api/answers", &[("Cookie", &cookie), ("X-Feedwise-Student", &a.id.to_string())], &line).await;
    assert_eq!(status, 200);
    assert_eq!(db.answer_count(a.id).await.unwrap(), 1);
}

#[tokio::test]
async fn a_removed_childs_device_never_becomes_the_next_child_who_joins() {
    let w = world().await;
    let db = &w.app.state.db;
    // The newest child, removed by the teacher while the device is still signed in.
    let late = child(&w.app, "late", &w.code_a, "Snelle Valk").await;
    let sid = db.students_of(w.class_a).await.unwrap().into_iter().find(|s| s.pseudonym == "Snelle Valk").unwrap().id;
    post(&w.app, &w.teacher_x, &format!("/do/classes/{}/students/{sid}/delete", w.class_a), "lang=nl").await;
    let next = child(&w.app, "next", &w.code_a, "Stille Uil").await;
    let (_, _, body) = get(&w.app, &next, "/nl/class").await;
    assert!(body.contains("Stille Uil"));
    let (status, h, body) = get(&w.app, &late, "/nl/class").await;
    assert_eq!((status, location(&h).as_str()), (302, "/nl/join"), "the old device is signed out");
    assert!(!body.contains("Stille Uil"));
    // Assignments: a removed one's id is not handed out again either.
    post(&w.app, &w.teacher_x, &format!("/do/classes/{}/unassign", w.class_a), &format!("lang=nl&assignment={}", w.assignment_a)).await;
    let again = assign(&w.app, &w.teacher_x, w.class_a, "check-the-profile").await;
    assert_ne!(again, w.assignment_a);
}

#[tokio::test]
async fn no_student_table_has_a_column_for_personal_data() {
    let app = TestApp::spawn().await;
    let forbidden = ["email", "mail", "name", "first", "last", "birth", "dob", "age", "ip", "address", "device", "agent", "fingerprint", "phone"];
    for table in ["students", "answers", "rounds", "attempts"] {
        let columns = app.state.db.columns(table).await.unwrap();
        assert!(!columns.is_empty(), "{table} exists");
        for c in &columns {
            // `pseudonym` and its lower-case `name_key` are the made-up name, the one thing kept.
            if c == "pseudonym" || c == "name_key" {
                continue;
            }
            assert!(!forbidden.iter().any(|f| c.to_lowercase().split('_').any(|part| part == *f)), "{table}.{c} looks like personal data");
        }
    }
}

#[tokio::test]
async fn login_gets_a_new_session() {
    let app = TestApp::spawn().await;
    teacher(&app, "t", "juf@school.example").await;
    // A device that was a child's session: logging in gives a new session id.
    let t = Who { name: "t", cookie: None };
    let (_, _, _) = post(&app, &t, "/do/logout", "lang=nl").await;
    let (_, h, _) = app.post("/do/login", &[], "lang=nl&email=juf%40school.example&password=correct-horse-1").await;
    let first = session_cookie(&h).expect("a session");
    let (_, h, _) = app.post("/do/login", &[("Cookie", &first)], "lang=nl&email=JUF%40school.example&password=correct-horse-1").await;
    let second = session_cookie(&h).expect("a new session");
    assert_ne!(first, second, "the session id changes at login");
    let set = header(&h, "set-cookie").unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax"), "{set}");
}

/// A teacher who came from the lesson's notes to log in goes back to the notes; a `next` that
/// points at another site is ignored.
#[tokio::test]
async fn logging_in_from_the_notes_goes_back_to_the_notes_and_never_to_another_site() {
    let app = TestApp::spawn().await;
    teacher(&app, "t", "juf@school.example").await;
    let notes = "/nl/lessons/what-is-spam/teacher?age=10-12";
    // The notes' login button carries where it came from, and the form keeps it.
    let (_, _, page) = app.get(notes).await;
    assert!(page.contains(&format!("/nl/teacher?next={}", feedwise::text::query_value(notes))), "the notes link to the login with their address");
    let (_, _, form) = app.get(&format!("/nl/teacher?next={}", feedwise::text::query_value(notes))).await;
    assert!(form.contains(&format!("name=\"next\" value=\"{}\"", notes.replace('&', "&amp;"))), "the login form keeps the page to go back to");
    // A wrong password keeps it too; the right one goes back to the notes.
    let body = |password: &str, next: &str| format!("lang=nl&email=juf%40school.example&password={password}&next={}", form_value(next));
    let (_, h, _) = app.post("/do/login", &[], &body("wrong-wrong", notes)).await;
    assert!(location(&h).ends_with(&format!("&next={}", feedwise::text::query_value(notes))), "{}", location(&h));
    let (status, h, _) = app.post("/do/login", &[], &body("correct-horse-1", notes)).await;
    assert_eq!((status, location(&h).as_str()), (303, notes));
    for elsewhere in ["//evil.example/nl/", "https://evil.example/", "/nl//evil.example", "/\\evil.example"] {
        let (_, h, _) = app.post("/do/login", &[], &body("correct-horse-1", elsewhere)).await;
        assert_eq!(location(&h), "/nl/teacher", "next={elsewhere}");
    }
}

async fn log_in(app: &TestApp, email: &str, password: &str) -> (String, Option<String>) {
    let (status, h, _) = app.post("/do/login", &[], &format!("lang=nl&email={}&password={}", form_value(email), form_value(password))).await;
    assert_eq!(status, 303);
    (location(&h), session_cookie(&h))
}

#[tokio::test]
async fn wrong_passwords_make_the_next_try_wait_longer_but_never_lock_out_the_right_password() {
    let app = TestApp::spawn().await;
    teacher(&app, "t", "juf@school.example").await;
    // A pupil who knows the teacher's address tries passwords: three are free, then a wait that
    // grows, said in so many seconds.
    for n in 1..=3 {
        let (to, _) = log_in(&app, "juf@school.example", "wrong-wrong").await;
        assert_eq!(to, "/nl/teacher?error=login&email=juf%40school.example", "try {n}");
    }
    let (to, _) = log_in(&app, "juf@school.example", "wrong-wrong").await;
    assert_eq!(to, "/nl/teacher?error=login&wait=2&email=juf%40school.example", "the fourth wrong try makes the next one wait");
    // Within the wait nothing is checked, not even the right password, and nothing is counted.
    let (to, cookie) = log_in(&app, "juf@school.example", "correct-horse-1").await;
    assert!(to.starts_with("/nl/teacher?error=wait&wait="), "{to}");
    assert!(cookie.is_none());
    // After the wait the right password works: there is no lock.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let (to, cookie) = log_in(&app, "juf@school.example", "correct-horse-1").await;
    assert_eq!(to, "/nl/teacher");
    assert!(cookie.is_some());
    // And the account starts afresh.
    let (to, _) = log_in(&app, "juf@school.example", "wrong-wrong").await;
    assert_eq!(to, "/nl/teacher?error=login&email=juf%40school.example");

    // An address without an account reads exactly the same, waits included.
    for n in 1..=4 {
        let (to, _) = log_in(&app, "nobody@school.example", "whatever-1").await;
        let wait = if n == 4 { "&wait=2" } else { "" };
        assert_eq!(to, format!("/nl/teacher?error=login{wait}&email=nobody%40school.example"), "try {n}");
    }
}

#[tokio::test]
async fn one_address_trying_many_accounts_slows_down_too() {
    let app = TestApp::spawn().await;
    teacher(&app, "t", "meester@school.example").await;
    let free = feedwise::server::throttle::PER_ADDRESS.free;
    // Two tries per account, so no account slows down on its own.
    for n in 0..free {
        let (to, _) = log_in(&app, &format!("guess{}@school.example", n / 2), "wrong-wrong").await;
        assert!(to.contains("error=login") && !to.contains("wait="), "try {n}: {to}");
    }
    let (to, _) = log_in(&app, "another@school.example", "wrong-wrong").await;
    assert!(to.contains("error=login&wait=2"), "{to}");
    let (to, _) = log_in(&app, "meester@school.example", "correct-horse-1").await;
    assert!(to.contains("error=wait"), "{to}");
}

#[tokio::test]
async fn whoever_runs_the_server_gives_a_teacher_a_one_time_reset_link() {
    let app = TestApp::spawn().await;
    let old_session = teacher(&app, "t", "juf@school.example").await;
    let (class_id, _) = class(&app, &old_session, "Groep 7B", Lang::Nl).await;
    // A pupil made the account wait; that does not stand in the way of the reset.
    for _ in 0..4 {
        log_in(&app, "juf@school.example", "wrong-wrong").await;
    }

    let (ok, stdout, stderr) = app.reset_password_command("Juf@School.example");
    assert!(ok, "{stderr}");
    let path = support::reset_path(&stdout, &app.base);
    assert!(path.starts_with("/nl/teacher?reset="), "{stdout}");
    let token = path.split("reset=").nth(1).unwrap().to_string();
    let (status, _, page) = app.get(&path).await;
    assert_eq!(status, 200);
    assert!(page.contains("action=\"/do/reset\"") && page.contains("Kies een nieuw wachtwoord"), "{page}");
    // The link made nothing happen yet: the old password still works.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let (to, _) = log_in(&app, "juf@school.example", "correct-horse-1").await;
    assert_eq!(to, "/nl/teacher");

    // A mistake keeps the link.
    let (_, h, _) = app.post("/do/reset", &[], &format!("lang=nl&token={token}&password=een-nieuwe-zin&password2=een-nieuwe-zi")).await;
    assert_eq!(location(&h), format!("/nl/teacher?reset={token}&error=password_mismatch"));
    let (_, h, _) = app.post("/do/reset", &[], &format!("lang=nl&token={token}&password=een-nieuwe-zin&password2=een-nieuwe-zin")).await;
    assert_eq!(location(&h), "/nl/teacher?done=password");
    let new_session = Who { name: "t, new", cookie: session_cookie(&h) };
    let (status, _, body) = get(&app, &new_session, &format!("/nl/teacher/classes/{class_id}")).await;
    assert_eq!(status, 200, "the classes are still there");
    assert!(body.contains("Groep 7B"));
    // The session of before the reset has ended; the old password is gone, the new one works.
    let (status, h, _) = get(&app, &old_session, &format!("/nl/teacher/classes/{class_id}")).await;
    assert_eq!((status, location(&h).as_str()), (302, "/nl/teacher"));
    let (to, _) = log_in(&app, "juf@school.example", "correct-horse-1").await;
    assert!(to.contains("error=login"), "{to}");
    let (to, _) = log_in(&app, "juf@school.example", "een-nieuwe-zin").await;
    assert_eq!(to, "/nl/teacher");
    // The link works once.
    let (_, h, _) = app.post("/do/reset", &[], &format!("lang=nl&token={token}&password=nog-een-andere&password2=nog-een-andere")).await;
    assert_eq!(location(&h), format!("/nl/teacher?reset={token}&error=reset_link"));

    // An address without an account is said so, and nothing is made.
    let (ok, _, stderr) = app.reset_password_command("nobody@school.example");
    assert!(!ok && stderr.contains("no teacher account has the address nobody@school.example"), "{stderr}");
}

#[tokio::test]
async fn wrong_codes_are_limited_per_address_without_locking_out_a_class() {
    let w = world().await;
    // A class of 30 behind one school address, several mistyping first.
    for n in 0..30 {
        if n % 3 == 0 {
            let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code=ZZZZZZ&name=Kid{n}")).await;
            assert!(location(&h).contains("error=wrong_code"), "{h:?}");
        }
        child(&w.app, "kid", &w.code_a.to_lowercase(), &format!("Kid {n}")).await;
    }
    // Someone guessing codes from that address is stopped.
    let mut stopped = false;
    for n in 0..120 {
        let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code=ZZZ{n:03}&name=Guess")).await;
        if location(&h).contains("error=too_many") {
            stopped = true;
            break;
        }
    }
    assert!(stopped, "guessing is limited");
}

#[tokio::test]
async fn guessing_a_rejoin_card_is_limited_per_class() {
    let w = world().await;
    let mut tries = 0;
    for n in 0..100 {
        tries += 1;
        let (_, h, _) = w.app.post("/do/rejoin", &[], &format!("lang=nl&code={}&personal=QQQ{n:03}", w.code_a)).await;
        if location(&h).contains("error=too_many") {
            break;
        }
        assert!(location(&h).contains("error=wrong_personal"), "{h:?}");
    }
    // Stopped by the class's limit, long before the address's.
    assert_eq!(tries, feedwise::server::WRONG_REJOIN_PER_CLASS + 1);
    // The real card still works for the child once the window has passed; other classes are not affected.
    let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code={}&name=Late%20Kid", w.code_a)).await;
    assert!(location(&h).ends_with("/nl/class"), "joining with a name still works: {h:?}");
}

#[tokio::test]
async fn a_rejoin_card_brings_the_same_pseudonym_back_on_another_device() {
    let w = world().await;
    let student = w.app.state.db.students_of(w.class_a).await.unwrap()[0].clone();
    let (_, h, _) = w.app.post("/do/rejoin", &[], &format!("lang=nl&code={}&personal={}", w.code_a.to_lowercase(), student.rejoin_code)).await;
    assert!(location(&h).ends_with("/nl/class"), "{h:?}");
    let other_device = Who { name: "child A, tablet", cookie: session_cookie(&h) };
    let (_, _, body) = get(&w.app, &other_device, "/nl/class").await;
    assert!(body.contains("Blue Fox"));
    // The name is taken by someone else in the class (in any case).
    let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code={}&name=blue%20fox", w.code_a)).await;
    assert!(location(&h).contains("error=name_taken"), "{h:?}");
    // Personal data as a pseudonym is refused.
    let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code={}&name=kim%40mail.example", w.code_a)).await;
    assert!(location(&h).contains("error=name_personal"));
    let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code={}&name={}", w.code_a, "a".repeat(31))).await;
    assert!(location(&h).contains("error=name_long"));
}

#[tokio::test]
async fn cross_site_form_posts_are_refused() {
    let w = world().await;
    let cookie = w.teacher_x.cookie.clone().unwrap();
    let path = format!("/do/classes/{}/archive", w.class_a);
    let (status, _, _) = w.app.post(&path, &[("Cookie", &cookie), ("Sec-Fetch-Site", "cross-site")], "lang=nl").await;
    assert_eq!(status, 403);
    let (status, _, _) = w.app.post(&path, &[("Cookie", &cookie), ("Origin", "http://evil.example")], "lang=nl").await;
    assert_eq!(status, 403);
    assert!(w.app.state.db.class(w.class_a).await.unwrap().unwrap().archived_at.is_none());
    let origin = format!("http://{}", w.app.addr);
    let (status, _, _) = w.app.post(&path, &[("Cookie", &cookie), ("Origin", &origin), ("Sec-Fetch-Site", "same-origin")], "lang=nl").await;
    assert_eq!(status, 303);
    // The headers that keep pages out of frames and away from other sites.
    let (_, h, _) = w.app.get("/nl/teacher").await;
    let csp = header(&h, "content-security-policy").unwrap();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'") && csp.contains("default-src 'self'"), "{csp}");
    assert_eq!(header(&h, "x-content-type-options"), Some("nosniff"));
    assert_eq!(header(&h, "referrer-policy"), Some("no-referrer"));
}

#[tokio::test]
async fn deleting_a_class_erases_its_children_and_answers_and_archived_classes_expire() {
    let w = world().await;
    let db = &w.app.state.db;
    let student = db.students_of(w.class_a).await.unwrap()[0].clone();
    post(&w.app, &w.child_a, "/api/answers", &answer_line("key-0000001", w.assignment_a, 0, 1, &reported())).await;
    assert_eq!(db.answer_count(student.id).await.unwrap(), 1);
    let (_, h, _) = post(&w.app, &w.teacher_x, &format!("/do/classes/{}/delete", w.class_a), "lang=nl&confirm=Groep%207").await;
    assert!(location(&h).contains("error=confirm"), "the name must be typed exactly");
    let (_, h, _) = post(&w.app, &w.teacher_x, &format!("/do/classes/{}/delete", w.class_a), "lang=nl&confirm=Groep%207B").await;
    assert!(location(&h).contains("done=deleted"));
    assert!(db.class(w.class_a).await.unwrap().is_none());
    assert!(db.student(student.id).await.unwrap().is_none());
    assert_eq!(db.answer_count(student.id).await.unwrap(), 0);
    // The child's device finds no class any more.
    let (status, h, _) = get(&w.app, &w.child_a, "/nl/class").await;
    assert_eq!((status, location(&h).as_str()), (302, "/nl/join"));

    // An archived class is erased after the retention period, not before.
    let (b, _) = class(&w.app, &w.teacher_y, "Old class", Lang::En).await;
    db.set_archived(b, Some(feedwise::server::db::now_ms() - 89 * 24 * 3600 * 1000)).await.unwrap();
    w.app.state.purge().await.unwrap();
    assert!(db.class(b).await.unwrap().is_some());
    db.set_archived(b, Some(feedwise::server::db::now_ms() - 91 * 24 * 3600 * 1000)).await.unwrap();
    w.app.state.purge().await.unwrap();
    assert!(db.class(b).await.unwrap().is_none());
}

#[tokio::test]
async fn the_csv_export_holds_a_row_per_child_and_lesson() {
    let w = world().await;
    let db = &w.app.state.db;
    let class = db.class(w.class_a).await.unwrap().unwrap();
    let feed = w.app.state.assignment_feed(&class, &db.assignment(w.assignment_a).await.unwrap().unwrap()).unwrap();
    let right: Vec<Answer> = feed.comments.iter().map(|c| if c.is_spam() { reported() } else { Answer { looks_fine: true, ..Answer::default() } }).collect();
    post(&w.app, &w.child_a, "/api/answers", &format!("f key-finish-1 {} {}", w.assignment_a, encode_answers(&right))).await;
    child(&w.app, "second", &w.code_a, "=cmd|' /C calc'!A0").await;
    let (status, h, body) = get(&w.app, &w.teacher_x, &format!("/teacher/classes/{}/export.csv", w.class_a)).await;
    assert_eq!(status, 200);
    assert!(header(&h, "content-type").unwrap().starts_with("text/csv"));
    let lines: Vec<&str> = body.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("pseudonym,lesson,lesson_title,status"), "{}", lines[0]);
    assert_eq!(lines.len(), 3, "{body}");
    let n = feed.comments.len();
    assert!(lines.iter().any(|l| l.starts_with(&format!("Blue Fox,what-is-spam,Wat is spam?,done,{n},{n},100,"))), "{body}");
    assert!(lines.iter().any(|l| l.starts_with("'=cmd") && l.contains("not_started")), "formulas are neutralised: {body}");
}

#[tokio::test]
async fn teacher_and_child_pages_speak_both_languages() {
    let w = world().await;
    let a = w.class_a;
    for (lang, words) in [("nl", ["Klascode", "Lessen voor deze klas", "Overzicht"]), ("en", ["Class code", "Lessons for this class", "Overview"])] {
        let (status, _, body) = get(&w.app, &w.teacher_x, &format!("/{lang}/teacher/classes/{a}")).await;
        assert_eq!(status, 200);
        for word in words {
            assert!(body.contains(word), "{lang}: {word}");
        }
        let (_, _, body) = get(&w.app, &w.anon, &format!("/{lang}/join")).await;
        assert!(body.contains(if lang == "nl" { "Naar je klas" } else { "Join your class" }));
    }
    // The class's language is the child's: a Dutch class reads Dutch even from /en/.
    let (_, _, body) = get(&w.app, &w.child_a, "/en/class").await;
    assert!(body.contains("Hoi Blue Fox!"), "{body}");
    let _ = (AgeBand::Age10To12, Difficulty::new(1));
}

#[tokio::test]
async fn only_teachers_create_classes_and_anyone_may_end_their_own_session() {
    let w = world().await;
    for who in w.everyone() {
        let (status, h, _) = post(&w.app, who, "/do/classes", "lang=en&name=New%20class&age=8-10&class_lang=en").await;
        match who.name {
            "teacher X" | "teacher Y" => assert!(status == 303 && location(&h).starts_with("/en/teacher/classes/"), "{}: {h:?}", who.name),
            _ => assert_eq!(status, 401, "{}", who.name),
        }
    }
    let (_, h, _) = post(&w.app, &w.teacher_x, "/do/classes", "lang=en&name=%20%20&age=8-10&class_lang=en").await;
    assert!(location(&h).contains("error=class_name"), "{h:?}");
    let (_, h, _) = post(&w.app, &w.teacher_x, "/do/classes", "lang=en&name=X&age=7-9&class_lang=en").await;
    assert!(location(&h).contains("error=class_settings"), "{h:?}");
    // Signing up: the same address twice, a short password, two different passwords.
    let (_, h, _) = w.app.post("/do/signup", &[], "lang=en&email=x%40school.example&password=correct-horse-1&password2=correct-horse-1").await;
    assert!(location(&h).contains("error=email_taken"));
    let (_, h, _) = w.app.post("/do/signup", &[], "lang=en&email=z%40school.example&password=short&password2=short").await;
    assert!(location(&h).contains("error=short_password"));
    let (_, h, _) = w.app.post("/do/signup", &[], "lang=en&email=z%40school.example&password=correct-horse-1&password2=correct-horse-2").await;
    assert!(location(&h).contains("error=password_mismatch"));
    // Logging out and leaving end the session on this device, whoever asks.
    for who in w.everyone() {
        let path = if who.name.starts_with("child") { "/do/leave" } else { "/do/logout" };
        let (status, _, _) = post(&w.app, who, path, "lang=en").await;
        assert_eq!(status, 303, "{}", who.name);
    }
    let (status, h, _) = get(&w.app, &w.teacher_x, "/en/teacher/classes/1").await;
    assert_eq!((status, location(&h).as_str()), (302, "/en/teacher"), "logged out");
    let (status, h, _) = get(&w.app, &w.child_a, "/en/class").await;
    assert_eq!((status, location(&h).as_str()), (302, "/en/join"), "left");
}

#[tokio::test]
async fn a_teacher_narrows_an_assignment_to_some_kinds_of_spam() {
    let w = world().await;
    let (status, h, _) = post(&w.app, &w.teacher_x, &format!("/do/classes/{}/assign", w.class_a), "lang=nl&lesson=final-challenge&level=2&due=&only_crypto=1&only_phishing=1").await;
    assert_eq!(status, 303, "{h:?}");
    let db = &w.app.state.db;
    let a = db.assignments_of(w.class_a).await.unwrap().into_iter().find(|a| a.lesson_id == "final-challenge").unwrap();
    assert_eq!(a.categories.as_deref(), Some(&[Category::Crypto, Category::Phishing][..]));
    let class = db.class(w.class_a).await.unwrap().unwrap();
    let feed = w.app.state.assignment_feed(&class, &a).unwrap();
    let spam: Vec<Category> = feed.comments.iter().filter(|c| c.is_spam()).map(|c| c.category).collect();
    assert!(!spam.is_empty() && spam.iter().all(|c| matches!(c, Category::Crypto | Category::Phishing)), "{spam:?}");
    assert_eq!(a.difficulty.level(), 2);
    // An 8-to-10 class cannot get the adult-bot kind.
    let (young, _) = class_of_age(&w.app, &w.teacher_x, "Groep 5", "8-10").await;
    let (_, h, _) = post(&w.app, &w.teacher_x, &format!("/do/classes/{young}/assign"), "lang=nl&lesson=final-challenge&level=1&due=&only_adult_bot=1").await;
    assert!(location(&h).contains("error=kinds_age"), "{h:?}");
}

async fn class_of_age(app: &TestApp, t: &Who, name: &str, age: &str) -> (i64, String) {
    let (_, h, _) = post(app, t, "/do/classes", &format!("lang=nl&name={}&age={age}&class_lang=nl", form_value(name))).await;
    let id: i64 = location(&h).rsplit('/').next().unwrap().parse().unwrap();
    (id, app.state.db.class(id).await.unwrap().unwrap().code)
}

#[tokio::test]
async fn only_the_own_teacher_removes_a_child_and_with_it_the_childs_answers() {
    let w = world().await;
    let db = &w.app.state.db;
    let student = db.students_of(w.class_a).await.unwrap()[0].clone();
    post(&w.app, &w.child_a, "/api/answers", &answer_line("key-0000001", w.assignment_a, 0, 1, &reported())).await;
    let path = format!("/do/classes/{}/students/{}/delete", w.class_a, student.id);
    for who in w.everyone() {
        if who.name == "teacher X" {
            continue;
        }
        let (status, _, _) = post(&w.app, who, &path, "lang=nl").await;
        assert_eq!(status, if who.name == "teacher Y" { 404 } else { 401 }, "{}", who.name);
    }
    assert!(db.student(student.id).await.unwrap().is_some());
    let (status, h, _) = post(&w.app, &w.teacher_x, &path, "lang=nl").await;
    assert_eq!((status, location(&h).contains("done=removed")), (303, true));
    assert!(db.student(student.id).await.unwrap().is_none());
    assert_eq!(db.answer_count(student.id).await.unwrap(), 0);
    // A child of another class cannot be removed through this class.
    let other = db.students_of(w.app.state.db.assignment(w.assignment_b).await.unwrap().unwrap().class_id).await.unwrap()[0].clone();
    let (status, _, _) = post(&w.app, &w.teacher_x, &format!("/do/classes/{}/students/{}/delete", w.class_a, other.id), "lang=nl").await;
    assert_eq!(status, 404);
    assert!(db.student(other.id).await.unwrap().is_some());
}

/// The opening tag of the first element that has `attr`, e.g. `value="check-the-profile"`.
fn tag_with<'a>(html: &'a str, attr: &str) -> &'a str {
    let at = html.find(attr).unwrap_or_else(|| panic!("no {attr}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

#[tokio::test]
async fn the_class_page_holds_the_answer_key_of_exactly_the_feed_the_class_gets() {
    let w = world().await;
    let db = &w.app.state.db;
    let class = db.class(w.class_a).await.unwrap().unwrap();
    let a = db.assignment(w.assignment_a).await.unwrap().unwrap();
    let feed = w.app.state.assignment_feed(&class, &a).unwrap();
    // The lesson's own feed (the teacher notes) is another one: the class has its own seed.
    let lesson_feed = w.app.state.library.exercise_feed(Lang::Nl, "what-is-spam", AgeBand::Age10To12).unwrap();
    assert_ne!(
        feed.comments.iter().map(|c| &c.author.username).collect::<Vec<_>>(),
        lesson_feed.comments.iter().map(|c| &c.author.username).collect::<Vec<_>>()
    );
    let (status, _, body) = get(&w.app, &w.teacher_x, &format!("/nl/teacher/classes/{}", w.class_a)).await;
    assert_eq!(status, 200);
    let key = &body[body.find(&format!("id=\"key-{}\"", w.assignment_a)).expect("an answer key for the assignment")..];
    let key = &key[..key.find("</details>").unwrap()];
    assert!(key.contains("Antwoorden: Wat is spam?"), "{key}");
    // Every comment of the class's feed, in the order the children see them, with its answer.
    let mut from = 0;
    for c in &feed.comments {
        let at = key[from..].find(&format!("@{}", c.author.username)).unwrap_or_else(|| panic!("@{} in order", c.author.username));
        from += at;
        let row = &key[from..from + key[from..].find("</tr>").unwrap()];
        // the answer is in the last column: a real warning's own text may hold a 🚩
        let answer = &row[row.rfind("<td").unwrap()..];
        assert_eq!(answer.contains("🚩"), c.is_spam(), "{row}");
    }
    // The notes of the lesson, as the teacher sees them, say where a class's key is; a visitor
    // who is not logged in is told too.
    let (_, _, notes) = get(&w.app, &w.teacher_x, "/nl/lessons/what-is-spam/teacher?age=10-12").await;
    assert!(notes.contains("de antwoorden daarvan staan op de klaspagina"), "the notes say their key is not the class's");
    let (_, _, notes) = w.app.get("/nl/lessons/what-is-spam/teacher?age=10-12").await;
    assert!(notes.contains("staan ook op de klaspagina"), "the login note says where a class's key is");
}

#[tokio::test]
async fn a_due_date_in_the_past_is_refused_until_the_teacher_says_it_is_meant_and_the_child_sees_it_is_late() {
    let w = world().await;
    let past = day_from_now(-59);
    let path = format!("/do/classes/{}/assign", w.class_a);
    let form = format!("lang=nl&lesson=check-the-profile&level=2&due={past}&only_phishing=1");
    let (_, h, _) = post(&w.app, &w.teacher_x, &path, &form).await;
    let back = location(&h);
    assert_eq!(back, format!("/nl/teacher/classes/{}?error=due_past&lesson=check-the-profile&level=2&due={past}&only_phishing=1#assign", w.class_a));
    assert_eq!(w.app.state.db.assignments_of(w.class_a).await.unwrap().len(), 1, "nothing assigned");
    // The form comes back with everything chosen, the reason, and a way to say it is meant.
    let (_, _, page) = get(&w.app, &w.teacher_x, back.split('#').next().unwrap()).await;
    assert!(page.contains("Die datum ligt in het verleden"), "the reason");
    assert!(tag_with(&page, "value=\"check-the-profile\"").contains("selected"));
    assert!(tag_with(&page, "<option value=\"2\"").contains("selected"), "the level stays chosen");
    assert!(tag_with(&page, "id=\"due\"").contains(&format!("value=\"{past}\"")));
    assert!(tag_with(&page, "name=\"only_phishing\"").contains("checked"));
    assert!(page.contains("name=\"past_ok\""));
    // Said to be meant: assigned with that date.
    let (_, h, _) = post(&w.app, &w.teacher_x, &path, &format!("{form}&past_ok=1")).await;
    assert!(location(&h).contains("done=assigned"), "{h:?}");
    let a = w.app.state.db.assignments_of(w.class_a).await.unwrap().into_iter().find(|a| a.lesson_id == "check-the-profile").unwrap();
    assert_eq!(a.due_on.as_deref(), Some(past.as_str()));
    // Today and later need no tick; a date that does not exist is still refused.
    let (_, h, _) = post(&w.app, &w.teacher_x, &path, &format!("lang=nl&lesson=too-good-to-be-true&level=0&due={}", day_from_now(0))).await;
    assert!(location(&h).contains("done=assigned"), "{h:?}");
    let (_, h, _) = post(&w.app, &w.teacher_x, &path, "lang=nl&lesson=look-alike-accounts&level=0&due=2026-02-30").await;
    assert!(location(&h).contains("error=due&lesson=look-alike-accounts"), "{h:?}");
    // The child sees which lesson is late, and which is not.
    let (_, _, class_page) = get(&w.app, &w.child_a, "/nl/class").await;
    let late: Vec<&str> = class_page.match_indices("Te laat!").map(|(i, _)| &class_page[i..i + 200]).collect();
    assert_eq!(late.len(), 1, "{class_page}");
    assert!(late[0].contains("Dit moest af zijn op"), "{}", late[0]);
}

/// Finishes a round for a child with these answers.
async fn finish(app: &TestApp, who: &Who, assignment: i64, answers: &[Answer]) {
    let (status, _, body) = app.post("/api/answers", &who.headers(), &format!("f key-finish-{assignment} {assignment} {}", encode_answers(answers))).await;
    assert_eq!((status, body.contains("refused 0")), (200, true), "{body}");
}

#[tokio::test]
async fn a_child_who_reports_every_comment_needs_help_and_the_overview_says_so_live() {
    let w = world().await;
    let db = &w.app.state.db;
    let class = db.class(w.class_a).await.unwrap().unwrap();
    let feed = w.app.state.assignment_feed(&class, &db.assignment(w.assignment_a).await.unwrap().unwrap()).unwrap();
    let live = format!("/api/classes/{}/live?lang=nl", w.class_a);
    let (_, _, before) = get(&w.app, &w.teacher_x, &live).await;
    assert!(before.contains("Zodra leerlingen een ronde afmaken"), "no insights yet");
    finish(&w.app, &w.child_a, w.assignment_a, &vec![reported(); feed.comments.len()]).await;
    let real = feed.comments.iter().filter(|c| !c.is_spam()).count();
    assert!(real >= 3);
    // The live part the page swaps in holds the insights too, not only the table.
    let (status, _, after) = get(&w.app, &w.teacher_x, &live).await;
    assert_eq!(status, 200);
    assert!(after.contains("id=\"categories-title\"") && !after.contains("Zodra leerlingen een ronde afmaken"), "{after}");
    // Not a green tick: reporting everything tells nothing apart.
    let cell = tag_with(&after, "data-state=\"done\"");
    assert!(cell.contains("weak"), "{cell}");
    assert!(after.contains("⚠"));
    // And "needs help" names the child for it.
    let help = &after[after.find("id=\"help-title\"").unwrap()..];
    let help = &help[..help.find("</section>").unwrap()];
    assert!(help.contains("Blue Fox") && help.contains(&format!("meldde {real} van de {real} echte reacties")), "{help}");
}

#[tokio::test]
async fn the_overview_rounds_percentages_counts_the_choices_made_and_sorts_by_a_lesson() {
    let w = world().await;
    let db = &w.app.state.db;
    let class = db.class(w.class_a).await.unwrap().unwrap();
    let feed = w.app.state.assignment_feed(&class, &db.assignment(w.assignment_a).await.unwrap().unwrap()).unwrap();
    let fine = Answer { looks_fine: true, ..Answer::default() };
    let right: Vec<Answer> = feed.comments.iter().map(|c| if c.is_spam() { reported() } else { fine.clone() }).collect();
    let n = feed.comments.len();
    // Blue Fox: every answer right but the first two left open.
    let mut partly = right.clone();
    partly[0] = Answer::default();
    partly[1] = Answer::default();
    // …and one spam comment let through, so the round is not perfect.
    let spam = (2..n).find(|&i| feed.comments[i].is_spam()).expect("spam after the first two");
    partly[spam] = fine.clone();
    finish(&w.app, &w.child_a, w.assignment_a, &partly).await;
    let c = child(&w.app, "C", &w.code_a, "Zebra Blauw").await;
    finish(&w.app, &c, w.assignment_a, &right).await;
    child(&w.app, "D", &w.code_a, "Aap Noot").await;

    let round = db.rounds_of_class(w.class_a).await.unwrap().into_iter().find(|r| r.answers == encode_answers(&partly)).unwrap();
    let total = (round.hits + round.misses + round.false_alarms + round.correct_rejections) as f64;
    let exact = (round.hits + round.correct_rejections) as f64 * 100.0 / total;
    let rounded = exact.round() as u32;
    // The CSV: the choices made, and the percentage rounded to the nearest.
    let (_, _, csv) = get(&w.app, &w.teacher_x, &format!("/teacher/classes/{}/export.csv", w.class_a)).await;
    let row = csv.lines().find(|l| l.starts_with("Blue Fox,what-is-spam")).unwrap();
    assert!(row.starts_with(&format!("Blue Fox,what-is-spam,Wat is spam?,done,{},{n},{rounded},", n - 2)), "{row} ({exact}%)");

    // By name, then by the lesson's result: best first, the child who has not started last.
    // The rows in the order of the links to each child's page.
    let students = db.students_of(w.class_a).await.unwrap();
    let names = |html: &str| -> Vec<String> {
        let row = |s: &feedwise::server::db::Student| html.find(&format!("/students/{}\"", s.id)).unwrap_or_else(|| panic!("{} in {html}", s.pseudonym));
        students.iter().map(|s| (row(s), s.pseudonym.clone())).collect::<std::collections::BTreeMap<_, _>>().into_values().collect()
    };
    let (_, _, by_name) = get(&w.app, &w.teacher_x, &format!("/api/classes/{}/live?lang=nl", w.class_a)).await;
    assert_eq!(names(&by_name), ["Aap Noot", "Blue Fox", "Zebra Blauw"]);
    assert!(by_name.contains(&format!("{rounded}%")), "{rounded}% in the table");
    let (_, _, page) = get(&w.app, &w.teacher_x, &format!("/nl/teacher/classes/{}?sort=a{}", w.class_a, w.assignment_a)).await;
    let header = tag_with(&page, "aria-sort=");
    assert!(header.contains("descending"), "{header}");
    let (_, _, by_result) = get(&w.app, &w.teacher_x, &format!("/api/classes/{}/live?lang=nl&sort=a{}", w.class_a, w.assignment_a)).await;
    assert_eq!(names(&by_result), ["Zebra Blauw", "Blue Fox", "Aap Noot"]);

    // The printed summary has no screen-only words.
    let (_, _, summary) = get(&w.app, &w.teacher_x, &format!("/nl/teacher/classes/{}/summary", w.class_a)).await;
    assert!(summary.contains("Blue Fox"));
    for screen_only in ["Klik op een resultaat", "Laatste antwoord", "zojuist"] {
        assert!(!summary.contains(screen_only), "{screen_only} on the printed summary");
    }
}

#[tokio::test]
async fn the_teacher_renames_a_child_and_the_answers_stay() {
    let w = world().await;
    let db = &w.app.state.db;
    let student = db.students_of(w.class_a).await.unwrap()[0].clone();
    post(&w.app, &w.child_a, "/api/answers", &answer_line("key-0000001", w.assignment_a, 0, 1, &reported())).await;
    let path = format!("/do/classes/{}/students/{}/rename", w.class_a, student.id);
    for who in w.everyone() {
        if who.name == "teacher X" {
            continue;
        }
        let (status, _, _) = post(&w.app, who, &path, "lang=nl&name=Rode%20Raaf").await;
        assert_eq!(status, if who.name == "teacher Y" { 404 } else { 401 }, "{}", who.name);
    }
    let (_, h, _) = post(&w.app, &w.teacher_x, &path, "lang=nl&name=Rode%20Raaf").await;
    assert_eq!(location(&h), format!("/nl/teacher/classes/{}/students/{}?done=renamed", w.class_a, student.id));
    assert_eq!(db.student(student.id).await.unwrap().unwrap().pseudonym, "Rode Raaf");
    assert_eq!(db.answer_count(student.id).await.unwrap(), 1, "the answers stay");
    let (_, _, body) = get(&w.app, &w.child_a, "/nl/class").await;
    assert!(body.contains("Hoi Rode Raaf!"), "the child's device carries on under the new name");
    // A name someone has, or that is not a game name, is refused with what was typed kept.
    child(&w.app, "E", &w.code_a, "Stille Uil").await;
    let (_, h, _) = post(&w.app, &w.teacher_x, &path, "lang=nl&name=stille%20uil").await;
    assert_eq!(location(&h), format!("/nl/teacher/classes/{}/students/{}?error=name_taken&name=stille%20uil#rename", w.class_a, student.id));
    let (_, _, page) = get(&w.app, &w.teacher_x, location(&h).split('#').next().unwrap()).await;
    assert!(page.contains("heeft die naam al") && tag_with(&page, "id=\"new-name\"").contains("value=\"stille uil\""), "{page}");
    let (_, h, _) = post(&w.app, &w.teacher_x, &path, "lang=nl&name=%20").await;
    assert!(location(&h).contains("error=name_empty"));
    assert_eq!(db.student(student.id).await.unwrap().unwrap().pseudonym, "Rode Raaf");
}

#[tokio::test]
async fn a_game_name_that_looks_like_a_real_name_gets_a_gentle_question_first() {
    let w = world().await;
    let db = &w.app.state.db;
    let before = db.students_of(w.class_a).await.unwrap().len();
    let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code={}&name=Sam%20de%20Vries", w.code_a)).await;
    assert_eq!(location(&h), format!("/nl/join?error=name_real&code={}&name=Sam%20de%20Vries", w.code_a));
    assert_eq!(db.students_of(w.class_a).await.unwrap().len(), before, "not joined yet");
    let (_, _, page) = w.app.get(&location(&h)).await;
    assert!(page.contains("Dat lijkt op een echte voornaam en achternaam") && page.contains("name=\"made_up\""), "{page}");
    assert!(tag_with(&page, "id=\"name\"").contains("value=\"Sam de Vries\""), "the name stays typed");
    // The child says it is made up: in.
    let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code={}&name=Sam%20de%20Vries&made_up=1", w.code_a)).await;
    assert!(location(&h).ends_with("/nl/class"), "{h:?}");
    // A made-up name goes straight in.
    let (_, h, _) = w.app.post("/do/join", &[], &format!("lang=nl&code={}&name=Paarse%20Komeet", w.code_a)).await;
    assert!(location(&h).ends_with("/nl/class"), "{h:?}");
}
