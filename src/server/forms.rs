//! The forms teachers and children send, the answers endpoint, the live overview and the CSV
//! export. Forms are plain HTML posts answered with a redirect (they work before, and without,
//! WebAssembly); a mistake sends the user back to the form with `?error=…`, which the page
//! explains in the user's language.

use crate::domain::answer_line::AnswerLine;
use super::auth::{self, MIN_PASSWORD_CHARS};
use super::throttle::{self, PER_ACCOUNT, PER_ADDRESS, Turn};
use super::codes::{self, CLASS_CODE_LEN, PseudonymError, REJOIN_CODE_LEN};
use super::db::{AnswerIn, Class, NewStudent, Round, Student, Teacher, now_ms};
use super::report::ClassReport;
use super::{ATTEMPT_WINDOW_MS, AppState, MAX_STUDENTS_PER_CLASS, WRONG_CODES_PER_ADDRESS, WRONG_REJOIN_PER_CLASS};
use crate::domain::model::{AgeBand, Category, Difficulty, Lang};
use std::collections::HashMap;
use crate::domain::scoring::{Answer, answers_fit, decode_answers, score};
use axum::Form;
use axum::extract::{ConnectInfo, FromRequestParts, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use std::net::SocketAddr;
use tower_sessions::Session;

pub fn routes(app: AppState) -> axum::Router {
    axum::Router::new()
        .route("/do/signup", post(sign_up))
        .route("/do/login", post(log_in))
        .route("/do/logout", post(log_out))
        .route("/do/reset", post(reset_password))
        .route("/do/classes", post(create_class))
        .route("/do/classes/{id}/code", post(rotate_code))
        .route("/do/classes/{id}/assign", post(assign))
        .route("/do/classes/{id}/unassign", post(unassign))
        .route("/do/classes/{id}/archive", post(archive))
        .route("/do/classes/{id}/students/{sid}/delete", post(remove_student))
        .route("/do/classes/{id}/students/{sid}/rename", post(rename_student))
        .route("/do/classes/{id}/delete", post(delete_class))
        .route("/do/join", post(join))
        .route("/do/rejoin", post(rejoin))
        .route("/do/leave", post(leave))
        .route("/api/answers", post(answers))
        .route("/api/classes/{id}/live", get(live))
        .route("/teacher/classes/{id}/export.csv", get(export_csv))
        .with_state(app)
}

/// Percent-encodes a value for a query string.
pub use crate::text::query_value as q;

/// Where a form may send the teacher after logging in: a page of Feedwise itself (`/en/…`,
/// `/nl/…`), never another site (`//evil.example`, `https://…`) and nothing that could be read
/// as one.
pub fn local_page(next: &str) -> Option<&str> {
    let ok = (next.starts_with("/en/") || next.starts_with("/nl/"))
        && !next.contains("//")
        && !next.contains('\\')
        && next.chars().all(|c| c.is_ascii_graphic());
    ok.then_some(next)
}

fn to(url: String) -> Response {
    Redirect::to(&url).into_response()
}

fn lang_of(s: &str) -> Lang {
    Lang::parse(s).unwrap_or(Lang::Nl)
}

/// Something went wrong on our side: logged, and a plain message for the user.
fn oops(e: impl std::fmt::Display) -> Response {
    tracing::error!("{e}");
    (StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on the Feedwise server. Nothing you entered was lost; please try again.").into_response()
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

fn peer(headers: &HeaderMap, info: Option<&ConnectInfo<SocketAddr>>, app: &AppState) -> String {
    app.address_counter(headers, info.map(|c| c.0))
}

// Teachers

/// What is wrong with a new password and its repetition, as the form's error code.
fn new_password_error(password: &str, again: &str) -> Option<&'static str> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Some("short_password")
    } else if password != again {
        Some("password_mismatch")
    } else {
        None
    }
}

#[derive(Deserialize)]
pub struct SignUp {
    lang: String,
    email: String,
    password: String,
    password2: String,
}

async fn sign_up(State(app): State<AppState>, session: Session, Form(f): Form<SignUp>) -> Response {
    let lang = lang_of(&f.lang);
    let back = |e: &str| to(format!("/{}/teacher/signup?error={e}&email={}", lang.code(), q(f.email.trim())));
    let Some(email) = codes::email(&f.email) else { return back("email") };
    if let Some(e) = new_password_error(&f.password, &f.password2) {
        return back(e);
    }
    let hash = match auth::hash_password(f.password.clone()).await {
        Ok(h) => h,
        Err(e) => return oops(e),
    };
    match app.db.create_teacher(&email, &hash, lang).await {
        Ok(Some(t)) => match auth::log_in_teacher(&session, &t).await {
            Ok(()) => to(format!("/{}/teacher", lang.code())),
            Err(e) => oops(e),
        },
        Ok(None) => back("email_taken"),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct LogIn {
    lang: String,
    email: String,
    password: String,
    /// The page that sent the teacher here (the teacher notes), to go back to.
    #[serde(default)]
    next: String,
}

async fn log_in(
    State(app): State<AppState>,
    session: Session,
    headers: HeaderMap,
    info: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    Form(f): Form<LogIn>,
) -> Response {
    let lang = lang_of(&f.lang);
    let next = local_page(&f.next).map(str::to_string);
    let back = |e: &str, wait_ms: i64| {
        let wait = if wait_ms > 0 { format!("&wait={}", throttle::seconds(wait_ms)) } else { String::new() };
        let next = next.as_deref().map(|n| format!("&next={}", q(n))).unwrap_or_default();
        to(format!("/{}/teacher?error={e}{wait}&email={}{next}", lang.code(), q(f.email.trim())))
    };
    let email = codes::email(&f.email).unwrap_or_default();
    let (account, address) = (app.account_counter(&email), peer(&headers, info.as_ref().map(|e| &e.0), &app));
    let next_wait_ms = match throttle::take_turn(&app.db, &[(&account, PER_ACCOUNT), (&address, PER_ADDRESS)], now_ms()).await {
        Ok(Turn::Go { next_wait_ms }) => next_wait_ms,
        Ok(Turn::Wait(ms)) => return back("wait", ms),
        Err(e) => return oops(e),
    };
    let creds = match app.db.credentials(&email).await {
        Ok(c) => c,
        Err(e) => return oops(e),
    };
    let Some(creds) = creds else {
        // As slow as a wrong password, so the answer does not tell which addresses have accounts.
        auth::verify_password(f.password, auth::DUMMY_HASH.into()).await;
        return back("login", next_wait_ms);
    };
    if !auth::verify_password(f.password, creds.password_hash.clone()).await {
        return back("login", next_wait_ms);
    }
    if let Err(e) = throttle::succeeded(&app.db, &account, &address).await {
        return oops(e);
    }
    match auth::log_in_teacher(&session, &creds.teacher).await {
        Ok(()) => to(next.clone().unwrap_or_else(|| format!("/{}/teacher", lang.code()))),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct Reset {
    lang: String,
    token: String,
    password: String,
    password2: String,
}

/// A new password through a link from `feedwise teacher reset-password`: the link works once.
async fn reset_password(State(app): State<AppState>, session: Session, Form(f): Form<Reset>) -> Response {
    let lang = lang_of(&f.lang);
    let back = |e: &str| to(format!("/{}/teacher?reset={}&error={e}", lang.code(), q(f.token.trim())));
    if let Some(e) = new_password_error(&f.password, &f.password2) {
        return back(e);
    }
    let hash = match auth::hash_password(f.password.clone()).await {
        Ok(h) => h,
        Err(e) => return oops(e),
    };
    let teacher = match app.db.reset_password(&auth::reset_token_hash(&f.token), &hash).await {
        Ok(Some(t)) => t,
        Ok(None) => return back("reset_link"),
        Err(e) => return oops(e),
    };
    if let Err(e) = app.db.forget_failures(&app.account_counter(&teacher.email)).await {
        return oops(e);
    }
    match auth::log_in_teacher(&session, &teacher).await {
        Ok(()) => to(format!("/{}/teacher?done=password", lang.code())),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct LangOnly {
    lang: String,
}

async fn log_out(session: Session, Form(f): Form<LangOnly>) -> Response {
    match auth::log_out(&session).await {
        Ok(()) => to(format!("/{}/teacher", lang_of(&f.lang).code())),
        Err(e) => oops(e),
    }
}

/// The logged-in teacher and one of their own classes; anyone else gets "not found".
async fn own_class(app: &AppState, session: &Session, id: i64) -> Result<(Teacher, Class), Response> {
    let teacher = auth::teacher(session, &app.db).await.map_err(oops)?.ok_or_else(|| (StatusCode::UNAUTHORIZED, "Please log in.").into_response())?;
    let class = app.db.class(id).await.map_err(oops)?.filter(|c| c.teacher_id == teacher.id).ok_or_else(not_found)?;
    Ok((teacher, class))
}

/// A logged-in teacher's own class, from the `{id}` in the path. Anyone else is turned away as
/// `own_class` does: 401 without a teacher, "not found" for someone else's class.
pub struct OwnClass(pub Class);

impl FromRequestParts<AppState> for OwnClass {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, app: &AppState) -> Result<Self, Response> {
        let session = Session::from_request_parts(parts, app).await.map_err(IntoResponse::into_response)?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, app).await.map_err(IntoResponse::into_response)?;
        let id = params.get("id").and_then(|v| v.parse().ok()).ok_or_else(not_found)?;
        own_class(app, &session, id).await.map(|(_, class)| OwnClass(class))
    }
}

#[derive(Deserialize)]
pub struct NewClass {
    lang: String,
    name: String,
    age: String,
    class_lang: String,
}

async fn create_class(State(app): State<AppState>, session: Session, Form(f): Form<NewClass>) -> Response {
    let lang = lang_of(&f.lang);
    let teacher = match auth::teacher(&session, &app.db).await {
        Ok(Some(t)) => t,
        Ok(None) => return (StatusCode::UNAUTHORIZED, "Please log in.").into_response(),
        Err(e) => return oops(e),
    };
    let name = f.name.split_whitespace().collect::<Vec<_>>().join(" ");
    let back = |e: &str| to(format!("/{}/teacher?error={e}&name={}", lang.code(), q(&name)));
    if name.is_empty() || name.chars().count() > 60 {
        return back("class_name");
    }
    let (Some(age), Some(class_lang)) = (AgeBand::parse(&f.age), Lang::parse(&f.class_lang)) else {
        return back("class_settings");
    };
    for _ in 0..8 {
        match app.db.create_class(teacher.id, &name, age, class_lang, &codes::new_class_code()).await {
            Ok(Some(id)) => return to(format!("/{}/teacher/classes/{id}", lang.code())),
            Ok(None) => continue,
            Err(e) => return oops(e),
        }
    }
    oops("no free class code after 8 tries")
}

async fn rotate_code(State(app): State<AppState>, OwnClass(class): OwnClass, Form(f): Form<LangOnly>) -> Response {
    let id = class.id;
    for _ in 0..8 {
        match app.db.set_class_code(class.id, &codes::new_class_code()).await {
            Ok(true) => return to(format!("/{}/teacher/classes/{id}?done=code#code", lang_of(&f.lang).code())),
            Ok(false) => continue,
            Err(e) => return oops(e),
        }
    }
    oops("no free class code after 8 tries")
}

/// The assignment form: `lang`, `lesson`, `level`, `due` and a tick box `only_<kind>` for each
/// kind of spam the teacher narrows the feed to (none ticked: the lesson's own kinds).
async fn assign(State(app): State<AppState>, OwnClass(class): OwnClass, Form(form): Form<HashMap<String, String>>) -> Response {
    let id = class.id;
    let field = |name: &str| form.get(name).cloned().unwrap_or_default();
    let f = (field("lang"), field("lesson"), field("level"), field("due"));
    let (lang, lesson_id, level, due) = (lang_of(&f.0), f.1, f.2, f.3);
    // A mistake goes back to the form with everything the teacher chose still in it.
    let typed: String = ["lesson", "level", "due"]
        .into_iter()
        .map(|k| (k.to_string(), field(k)))
        .chain(Category::SPAM.into_iter().map(|c| format!("only_{}", c.id())).filter(|k| form.contains_key(k)).map(|k| (k, "1".to_string())))
        .map(|(k, v)| format!("&{k}={}", q(v.trim())))
        .collect();
    let back = |e: &str| to(format!("/{}/teacher/classes/{id}?error={e}{typed}#assign", lang.code()));
    let Some(lesson) = app.library.lesson(class.lang, &lesson_id) else { return back("lesson") };
    if !lesson.ages.contains(&class.age_band) {
        return back("lesson_age");
    }
    // 0: the level the lesson was written for.
    let level = match level.parse::<u8>() {
        Ok(0) => Some(lesson.exercise.difficulty),
        Ok(n) => Difficulty::new(n),
        Err(_) => None,
    };
    let Some(level) = level else { return back("lesson") };
    let due = due.trim();
    if !due.is_empty() && !super::valid_day(due) {
        return back("due");
    }
    // A date in the past is most often a slip (a wrong month or year): it needs a tick to say
    // it is meant, for a class that catches up on a lesson.
    if !due.is_empty() && due < super::day_of(now_ms()).as_str() && field("past_ok") != "1" {
        return back("due_past");
    }
    let only: Vec<Category> = Category::SPAM.into_iter().filter(|c| form.contains_key(&format!("only_{}", c.id()))).collect();
    if only.iter().any(|c| !class.age_band.allows(*c)) {
        return back("kinds_age");
    }
    let only = (!only.is_empty() && !lesson.exercise.kind.is_test()).then_some(only);
    let seed = u64::from(rand::random::<u32>());
    match app.db.create_assignment(class.id, &lesson.id, class.age_band, level, seed, (!due.is_empty()).then_some(due), only.as_deref()).await {
        Ok(Some(_)) => to(format!("/{}/teacher/classes/{id}?done=assigned#assign", lang.code())),
        Ok(None) => back("already_assigned"),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct Unassign {
    lang: String,
    assignment: i64,
}

async fn unassign(State(app): State<AppState>, OwnClass(class): OwnClass, Form(f): Form<Unassign>) -> Response {
    let id = class.id;
    match app.db.assignment(f.assignment).await {
        Ok(Some(a)) if a.class_id == class.id => match app.db.delete_assignment(a.id).await {
            Ok(()) => to(format!("/{}/teacher/classes/{id}#assign", lang_of(&f.lang).code())),
            Err(e) => oops(e),
        },
        Ok(_) => not_found(),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct Archive {
    lang: String,
    #[serde(default)]
    restore: String,
}

async fn archive(State(app): State<AppState>, OwnClass(class): OwnClass, Form(f): Form<Archive>) -> Response {
    let id = class.id;
    let at = if f.restore == "1" { None } else { Some(now_ms()) };
    match app.db.set_archived(class.id, at).await {
        Ok(()) => to(format!("/{}/teacher/classes/{id}", lang_of(&f.lang).code())),
        Err(e) => oops(e),
    }
}

/// Takes a child out of the class, with their answers (a child who joined with a real or rude
/// name joins again with a made-up one).
async fn remove_student(
    State(app): State<AppState>,
    OwnClass(class): OwnClass,
    Path((_, sid)): Path<(i64, i64)>,
    Form(f): Form<LangOnly>,
) -> Response {
    let id = class.id;
    match app.db.student(sid).await {
        Ok(Some(s)) if s.class_id == class.id => match app.db.delete_student(s.id).await {
            Ok(()) => to(format!("/{}/teacher/classes/{id}?done=removed", lang_of(&f.lang).code())),
            Err(e) => oops(e),
        },
        Ok(_) => not_found(),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct Rename {
    lang: String,
    name: String,
}

/// Gives a child another game name (one that was real or not OK); their answers stay theirs.
async fn rename_student(State(app): State<AppState>, OwnClass(class): OwnClass, Path((_, sid)): Path<(i64, i64)>, Form(f): Form<Rename>) -> Response {
    let lang = lang_of(&f.lang);
    let page = format!("/{}/teacher/classes/{}/students/{sid}", lang.code(), class.id);
    let back = |e: &str| to(format!("{page}?error={e}&name={}#rename", q(f.name.trim())));
    match app.db.student(sid).await {
        Ok(Some(s)) if s.class_id == class.id => {}
        Ok(_) => return not_found(),
        Err(e) => return oops(e),
    }
    let name = match codes::pseudonym(&f.name) {
        Ok(n) => n,
        Err(PseudonymError::Empty) => return back("name_empty"),
        Err(PseudonymError::TooLong) => return back("name_long"),
        Err(PseudonymError::LooksPersonal) => return to(format!("{page}?error=name_personal#rename")),
    };
    match app.db.rename_student(sid, &name).await {
        Ok(true) => to(format!("{page}?done=renamed")),
        Ok(false) => back("name_taken"),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct Delete {
    lang: String,
    #[serde(default)]
    confirm: String,
}

async fn delete_class(State(app): State<AppState>, OwnClass(class): OwnClass, Form(f): Form<Delete>) -> Response {
    let id = class.id;
    let lang = lang_of(&f.lang);
    if f.confirm.trim().to_lowercase() != class.name.to_lowercase() {
        return to(format!("/{}/teacher/classes/{id}?error=confirm#delete", lang.code()));
    }
    match app.db.delete_class(class.id).await {
        Ok(()) => to(format!("/{}/teacher?done=deleted", lang.code())),
        Err(e) => oops(e),
    }
}

// Children

#[derive(Deserialize)]
pub struct Join {
    lang: String,
    code: String,
    name: String,
    /// `1`: the child says the name that looked real is made up.
    #[serde(default)]
    made_up: String,
}

/// The class a typed code opens, or why not (`too_many` wrong codes from this address, or a
/// `wrong_code`, which is counted against the address).
async fn class_for_code(app: &AppState, counter: &str, typed: &str) -> Result<Result<Class, &'static str>, Response> {
    if app.db.attempts(counter, ATTEMPT_WINDOW_MS).await.map_err(oops)? >= WRONG_CODES_PER_ADDRESS {
        return Ok(Err("too_many"));
    }
    let class = match codes::normalize(typed, CLASS_CODE_LEN) {
        Some(code) => app.db.class_by_code(&code).await.map_err(oops)?,
        None => None,
    };
    match class {
        Some(class) => Ok(Ok(class)),
        None => {
            app.db.count_attempt(counter, ATTEMPT_WINDOW_MS).await.map_err(oops)?;
            Ok(Err("wrong_code"))
        }
    }
}

async fn join(
    State(app): State<AppState>,
    session: Session,
    headers: HeaderMap,
    info: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    Form(f): Form<Join>,
) -> Response {
    let lang = lang_of(&f.lang);
    let back = |e: &str| to(format!("/{}/join?error={e}&code={}&name={}", lang.code(), q(f.code.trim()), q(f.name.trim())));
    let counter = peer(&headers, info.as_ref().map(|e| &e.0), &app);
    let class = match class_for_code(&app, &counter, &f.code).await {
        Ok(Ok(class)) => class,
        Ok(Err(refused)) => return back(refused),
        Err(r) => return r,
    };
    let name = match codes::pseudonym(&f.name) {
        Ok(n) => n,
        Err(PseudonymError::Empty) => return back("name_empty"),
        Err(PseudonymError::TooLong) => return back("name_long"),
        // Not echoed back into the address: it may be an e-mail address or a phone number.
        Err(PseudonymError::LooksPersonal) => return to(format!("/{}/join?error=name_personal&code={}", lang.code(), q(f.code.trim()))),
    };
    // A first name and a surname: probably the child's own (PRODUCT.md §6). A gentle question,
    // not a refusal: the child may say it is made up.
    if codes::looks_like_real_name(&name) && f.made_up != "1" {
        return back("name_real");
    }
    if class.students >= MAX_STUDENTS_PER_CLASS {
        return back("class_full");
    }
    for _ in 0..8 {
        match app.db.create_student(class.id, &name, &codes::new_rejoin_code()).await {
            Ok(NewStudent::Created(s)) => return welcome(&session, &s, class.lang).await,
            Ok(NewStudent::NameTaken) => return back("name_taken"),
            Ok(NewStudent::CodeTaken) => continue,
            Err(e) => return oops(e),
        }
    }
    oops("no free rejoin code after 8 tries")
}

async fn welcome(session: &Session, s: &Student, lang: Lang) -> Response {
    match auth::log_in_student(session, s).await {
        Ok(()) => to(format!("/{}/class", lang.code())),
        Err(e) => oops(e),
    }
}

#[derive(Deserialize)]
pub struct Rejoin {
    lang: String,
    code: String,
    personal: String,
}

async fn rejoin(
    State(app): State<AppState>,
    session: Session,
    headers: HeaderMap,
    info: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    Form(f): Form<Rejoin>,
) -> Response {
    let lang = lang_of(&f.lang);
    let back = |e: &str| to(format!("/{}/join?error={e}&code={}#rejoin", lang.code(), q(f.code.trim())));
    let counter = peer(&headers, info.as_ref().map(|e| &e.0), &app);
    let class = match class_for_code(&app, &counter, &f.code).await {
        Ok(Ok(class)) => class,
        Ok(Err(refused)) => return back(refused),
        Err(r) => return r,
    };
    let class_counter = format!("rejoin:{}", class.id);
    match app.db.attempts(&class_counter, ATTEMPT_WINDOW_MS).await {
        Ok(n) if n >= WRONG_REJOIN_PER_CLASS => return back("too_many"),
        Ok(_) => {}
        Err(e) => return oops(e),
    }
    let student = match codes::normalize(&f.personal, REJOIN_CODE_LEN) {
        Some(code) => match app.db.student_by_rejoin_code(class.id, &code).await {
            Ok(s) => s,
            Err(e) => return oops(e),
        },
        None => None,
    };
    match student {
        Some(s) => welcome(&session, &s, class.lang).await,
        None => {
            for key in [&counter, &class_counter] {
                if let Err(e) = app.db.count_attempt(key, ATTEMPT_WINDOW_MS).await {
                    return oops(e);
                }
            }
            back("wrong_personal")
        }
    }
}

async fn leave(session: Session, Form(f): Form<LangOnly>) -> Response {
    match auth::log_out(&session).await {
        Ok(()) => to(format!("/{}/join", lang_of(&f.lang).code())),
        Err(e) => oops(e),
    }
}

// Answers

/// The header a class round sends with its answers: the student they belong to.
pub const STUDENT_HEADER: &str = "x-feedwise-student";

/// At most this many answers in one request.
pub const MAX_BATCH: usize = 500;

/// One line of the answers body, for storing (`domain::answer_line` has the format).
#[derive(Debug, PartialEq)]
pub enum Message {
    /// A choice about one comment.
    Answer(AnswerIn),
    /// The round is finished with these answers (the key only tells the browser's lines apart:
    /// the first finish counts).
    Finish { assignment_id: i64, answers: String },
}

/// Reads the answers body: one `AnswerLine` a line.
pub fn parse_messages(body: &str) -> Result<Vec<Message>, String> {
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.len() > MAX_BATCH {
        return Err(format!("at most {MAX_BATCH} answers at a time"));
    }
    lines
        .iter()
        .enumerate()
        .map(|(n, line)| match line.parse::<AnswerLine>() {
            Ok(AnswerLine::Answer { key, assignment, comment, seq, answer }) => Ok(Message::Answer(AnswerIn { key, assignment_id: assignment, comment, seq, answer })),
            Ok(AnswerLine::Finish { assignment, answers, .. }) => Ok(Message::Finish { assignment_id: assignment, answers }),
            Err(_) => Err(format!("line {}: not an answer", n + 1)),
        })
        .collect()
}

/// `POST /api/answers`: a child's answers, sent as they are given and again after the
/// connection comes back. Each is stored once (by its key). 200 means stored on disk.
async fn answers(State(app): State<AppState>, session: Session, headers: HeaderMap, body: String) -> Response {
    let (student, class) = match auth::student(&session, &app.db).await {
        Ok(Some(x)) => x,
        Ok(None) => return (StatusCode::UNAUTHORIZED, "not in a class").into_response(),
        Err(e) => return oops(e),
    };
    // A shared device: answers queued by one child must not be stored as the next child's.
    let claimed = headers.get(STUDENT_HEADER).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<i64>().ok());
    if claimed.is_some_and(|c| c != student.id) {
        return (StatusCode::CONFLICT, "these answers belong to another child on this device").into_response();
    }
    let messages = match parse_messages(&body) {
        Ok(m) => m,
        Err(e) => return (StatusCode::BAD_REQUEST, e).into_response(),
    };
    if class.archived_at.is_some() {
        return (StatusCode::GONE, "the class is archived").into_response();
    }
    // A line that cannot be stored (an assignment since removed, an answer that does not fit its
    // feed) is refused on its own: the good lines around it are kept.
    let mut feeds: HashMap<i64, Option<std::sync::Arc<crate::domain::model::Feed>>> = HashMap::new();
    let (mut store, mut finishes, mut refused, mut foreign) = (Vec::new(), Vec::new(), 0, 0);
    for m in messages {
        let aid = match &m {
            Message::Answer(a) => a.assignment_id,
            Message::Finish { assignment_id, .. } => *assignment_id,
        };
        if !feeds.contains_key(&aid) {
            let feed = match app.db.assignment(aid).await {
                Ok(Some(a)) if a.class_id == class.id => app.assignment_feed(&class, &a),
                Ok(_) => None,
                Err(e) => return oops(e),
            };
            feeds.insert(aid, feed);
        }
        let Some(feed) = feeds[&aid].clone() else {
            foreign += 1;
            continue;
        };
        match m {
            Message::Answer(a) => {
                let i = a.comment as usize;
                let fits = i < feed.comments.len()
                    && decode_answers(&a.answer, 1).is_some_and(|one| {
                        let mut all = vec![Answer::default(); feed.comments.len()];
                        all[i] = one[0].clone();
                        answers_fit(&feed, &all)
                    });
                if fits {
                    store.push(a);
                } else {
                    refused += 1;
                }
            }
            Message::Finish { assignment_id, answers } => {
                let Some(decoded) = decode_answers(&answers, feed.comments.len()).filter(|d| answers_fit(&feed, d)) else {
                    refused += 1;
                    continue;
                };
                let s = score(&feed.comments, &decoded);
                finishes.push(Round {
                    student_id: student.id,
                    assignment_id,
                    answers,
                    hits: i64::from(s.hits),
                    misses: i64::from(s.misses),
                    false_alarms: i64::from(s.false_alarms),
                    correct_rejections: i64::from(s.correct_rejections),
                    discernment: s.discernment,
                    risky_actions: i64::from(s.risky_actions),
                    finished_at: now_ms(),
                });
            }
        }
    }
    if store.is_empty() && finishes.is_empty() && foreign > 0 {
        return (StatusCode::FORBIDDEN, "these assignments are not this class's").into_response();
    }
    let new = match app.db.save_answers(student.id, &store).await {
        Ok(n) => n,
        Err(e) => return oops(e),
    };
    for r in &finishes {
        if let Err(e) = app.db.finish_round(r).await {
            return oops(e);
        }
    }
    (StatusCode::OK, format!("ok {new} refused {}", refused + foreign)).into_response()
}

// Teacher views that are not pages

#[derive(Deserialize)]
pub struct LiveQuery {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    sort: String,
}

/// `GET /api/classes/{id}/live`: the class overview as HTML, for the page to swap in.
async fn live(State(app): State<AppState>, OwnClass(class): OwnClass, Query(query): Query<LiveQuery>) -> Response {
    let lang = lang_of(&query.lang);
    let report = match ClassReport::load(&app, class).await {
        Ok(r) => r,
        Err(e) => return oops(e),
    };
    let sort = crate::pages::teacher::Sort::parse(Some(&query.sort));
    let html = crate::pages::teacher::overview_html(lang, &report, sort);
    let mut res = html.into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// `GET /teacher/classes/{id}/export.csv`.
async fn export_csv(State(app): State<AppState>, OwnClass(class): OwnClass) -> Response {
    let file: String = class.name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let report = match ClassReport::load(&app, class).await {
        Ok(r) => r,
        Err(e) => return oops(e),
    };
    // The byte-order mark makes spreadsheet programs read the pseudonyms as UTF-8.
    let body = format!("\u{feff}{}", report.csv());
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"feedwise-{file}.csv\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_read_strictly() {
        let m = parse_messages("a key12345 7 3 12 QA\nf key67890 7 QAQA\n").unwrap();
        assert_eq!(m.len(), 2);
        assert!(matches!(&m[0], Message::Answer(a) if a.assignment_id == 7 && a.comment == 3 && a.seq == 12 && a.answer == "QA"));
        assert!(matches!(&m[1], Message::Finish { assignment_id: 7, answers, .. } if answers == "QAQA"));
        assert!(parse_messages("a short 7 3 12 QA").is_err());
        assert!(parse_messages("a key12345 x 3 12 QA").is_err());
        assert!(parse_messages("x key12345 7 3 12 QA").is_err());
        assert!(parse_messages(&"a key12345 7 3 12 QA\n".repeat(MAX_BATCH + 1)).is_err());
        assert_eq!(q("a b&c=ü"), "a%20b%26c%3D%C3%BC");
    }
}
