//! The teacher's side: log in and sign up (`/{lang}/teacher…`), the classes, one class with its
//! code, assignments, live overview and insights, the printable join sheet, rejoin cards and
//! summary, a child's rounds and the replay of exactly the feed they saw. Server only.

use super::classroom::{app, go_to, page, query, session, trouble};
use super::home::AgeChoices;
use super::not_found::NotFound;
use super::teacher_notes::KeyTable;
use crate::components::feedback::Feedback;
use crate::components::layout::Layout;
use crate::components::live::live_region;
use crate::domain::model::{Category, Comment, Difficulty, Lang};
use crate::i18n::Locale;
use crate::server::auth::{self, MIN_PASSWORD_CHARS};
use crate::server::codes;
use crate::server::db::{Class, Teacher};
use crate::server::report::{Cell, ClassReport, CommentStat, Trouble, answers_so_far, correct_percent, percent, round_answers};
use crate::server::{day_of, erase_day, human_date};
use crate::text::{self, locale};
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_router::hooks::use_params_map;

fn param_i64(name: &str) -> Option<i64> {
    use_params_map().get_untracked().get(name)?.parse().ok()
}

pub(crate) async fn current_teacher() -> Result<Option<Teacher>, crate::server::db::DbError> {
    match session().await {
        Some(s) => auth::teacher(&s, &app().db).await,
        None => Ok(None),
    }
}

/// The logged-in teacher's class from the path, or the page to show instead.
async fn own_class(lang: Lang) -> Result<(Teacher, Class), AnyView> {
    let teacher = match current_teacher().await {
        Ok(Some(t)) => t,
        Ok(None) => {
            go_to(&format!("/{}/teacher", lang.code()));
            return Err(().into_any());
        }
        Err(e) => return Err(trouble(lang, e)),
    };
    let class = match param_i64("id") {
        Some(id) => app().db.class(id).await.map_err(|e| trouble(lang, e))?,
        None => None,
    };
    match class.filter(|c| c.teacher_id == teacher.id) {
        Some(c) => Ok((teacher, c)),
        // Someone else's class looks exactly like one that does not exist.
        None => Err(view! { <NotFound /> }.into_any()),
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Nederlands",
        Lang::En => "English",
    }
}

fn error_text(l: Locale, e: &str) -> Option<&'static str> {
    Some(match e {
        "email" => td_string!(l, teach.error_email),
        "short_password" => td_string!(l, teach.error_short_password),
        "password_mismatch" => td_string!(l, teach.error_password_mismatch),
        "email_taken" => td_string!(l, teach.error_email_taken),
        "login" => td_string!(l, teach.error_login),
        "wait" => td_string!(l, teach.error_wait),
        "reset_link" => td_string!(l, teach.error_reset_link),
        "class_name" => td_string!(l, teach.error_class_name),
        "class_settings" => td_string!(l, teach.error_class_settings),
        "lesson" => td_string!(l, teach.error_lesson),
        "lesson_age" => td_string!(l, teach.error_lesson_age),
        "due" => td_string!(l, teach.error_due),
        "due_past" => td_string!(l, teach.error_due_past),
        "name_empty" => td_string!(l, teach.error_rename_empty),
        "name_long" => td_string!(l, teach.error_rename_long),
        "name_personal" => td_string!(l, teach.error_rename_personal),
        "name_taken" => td_string!(l, teach.error_rename_taken),
        "already_assigned" => td_string!(l, teach.error_already_assigned),
        "confirm" => td_string!(l, teach.error_confirm),
        "kinds_age" => td_string!(l, teach.error_kinds_age),
        _ => return None,
    })
}

/// The errors of the assignment form, shown in the form itself.
const ASSIGN_ERRORS: [&str; 6] = ["lesson", "lesson_age", "due", "due_past", "already_assigned", "kinds_age"];

fn error_view(l: Locale) -> impl IntoView {
    // After a wrong password that makes the next try wait, or a try that came too soon.
    let wait = query("wait").and_then(|w| w.parse::<u32>().ok()).filter(|w| *w > 0);
    query("error").and_then(|e| error_text(l, &e)).map(|e| {
        let text = match (e, wait) {
            (_, Some(w)) if e == td_string!(l, teach.error_wait) => text::fill(e, &[("seconds", w.to_string())]),
            (_, Some(w)) => format!("{e} {}", text::fill(td_string!(l, teach.error_next_wait), &[("seconds", w.to_string())])),
            _ => e.to_string(),
        };
        view! { <p class="form-error" role="alert">{text}</p> }
    })
}

page!(TeacherHomePage, teacher_home);
page!(SignUpPage, sign_up);
page!(ClassPage, class_page);
page!(JoinSheetPage, join_sheet);
page!(RejoinCardsPage, rejoin_cards);
page!(StudentPage, student_page);
page!(ReplayPage, replay_page);
page!(SummaryPage, summary_page);

// Log in, sign up, the list of classes

async fn teacher_home(lang: Lang) -> AnyView {
    let l = locale(lang);
    let teacher = match current_teacher().await {
        Ok(t) => t,
        Err(e) => return trouble(lang, e),
    };
    if let Some(token) = query("reset") {
        return reset_form(lang, token);
    }
    let Some(teacher) = teacher else { return login(lang) };
    let app = app();
    let classes = match app.db.classes_of(teacher.id).await {
        Ok(c) => c,
        Err(e) => return trouble(lang, e),
    };
    let (active, archived): (Vec<Class>, Vec<Class>) = classes.into_iter().partition(|c| c.archived_at.is_none());
    let name = query("name").unwrap_or_default();
    let archive_days = app.archive_days;
    view! {
        <Layout lang title=td_string!(l, teach.classes_title).to_string()>
            <section class="hero teacher-hero">
                <h1>{td_string!(l, teach.classes_title)}</h1>
                <form method="post" action="/do/logout" class="inline account">
                    <input type="hidden" name="lang" value=lang.code() />
                    <span>{text::fill(td_string!(l, teach.logged_in_as), &[("email", teacher.email.clone())])}</span>
                    <button type="submit" class="big-button">{td_string!(l, teach.log_out)}</button>
                </form>
            </section>
            {(query("done").as_deref() == Some("deleted")).then(|| view! { <p class="card notice" role="status">{td_string!(l, teach.class_deleted)}</p> })}
            {(query("done").as_deref() == Some("password")).then(|| view! { <p class="card notice" role="status">{td_string!(l, teach.password_reset_done)}</p> })}
            {active.is_empty().then(|| view! { <p class="card">{td_string!(l, teach.no_classes)}</p> })}
            <ul class="class-list">
                {active.into_iter().map(|c| view! {
                    <li class="card class-item">
                        <h2><a href=format!("/{}/teacher/classes/{}", lang.code(), c.id)>{c.name.clone()}</a></h2>
                        <p>{text::age_band(l, c.age_band)} " · " {lang_name(c.lang)} " · "
                            {text::fill(td_string!(l, teach.student_count), &[("count", c.students.to_string())])} " · "
                            {td_string!(l, teach.code)} " " <strong class="code">{codes::display(&c.code)}</strong></p>
                    </li>
                }).collect_view()}
            </ul>
            <section class="card" aria-labelledby="new-class">
                <h2 id="new-class">{td_string!(l, teach.new_class)}</h2>
                {error_view(l)}
                <form method="post" action="/do/classes" class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <label for="class-name">{td_string!(l, teach.class_name)}</label>
                    <input id="class-name" name="name" required maxlength="60" value=name placeholder=td_string!(l, teach.class_name_example) />
                    <fieldset>
                        <legend>{td_string!(l, teach.age_band)}</legend>
                        <AgeChoices l />
                    </fieldset>
                    <fieldset>
                        <legend>{td_string!(l, teach.class_language)}</legend>
                        <div class="choices">
                            {Lang::ALL.into_iter().map(|x| view! {
                                <label class="choice">
                                    <input type="radio" name="class_lang" value=x.code() checked=x == lang />
                                    <span lang=x.code()>{lang_name(x)}</span>
                                </label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <button type="submit" class="big-button primary">{td_string!(l, teach.create_class)}</button>
                </form>
            </section>
            {(!archived.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="archived-title">
                    <h2 id="archived-title">{td_string!(l, teach.archived_title)}</h2>
                    <ul>
                        {archived.into_iter().map(|c| view! {
                            <li><a href=format!("/{}/teacher/classes/{}", lang.code(), c.id)>{c.name.clone()}</a> " · "
                                {text::fill(td_string!(l, teach.erased_on), &[("date", human_date(lang, &erase_day(c.archived_at.unwrap_or(0), archive_days)))])}</li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </Layout>
    }
    .into_any()
}

fn login(lang: Lang) -> AnyView {
    let l = locale(lang);
    let email = query("email").unwrap_or_default();
    // the page that sent the teacher here, to go back to after logging in
    let next = query("next").filter(|n| crate::server::forms::local_page(n).is_some()).unwrap_or_default();
    view! {
        <Layout lang title=td_string!(l, teach.login_title).to_string()>
            <section class="card narrow">
                <h1>{td_string!(l, teach.login_title)}</h1>
                <p>{td_string!(l, teach.login_intro)}</p>
                {error_view(l)}
                <form method="post" action="/do/login" class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <input type="hidden" name="next" value=next />
                    <label for="email">{td_string!(l, teach.email)}</label>
                    <input id="email" name="email" type="email" required autocomplete="username" value=email />
                    <label for="password">{td_string!(l, teach.password)}</label>
                    <input id="password" name="password" type="password" required autocomplete="current-password" />
                    <button type="submit" class="big-button primary">{td_string!(l, teach.log_in)}</button>
                </form>
                <p>{td_string!(l, teach.no_account)} " " <a href=format!("/{}/teacher/signup", lang.code())>{td_string!(l, teach.sign_up_link)}</a></p>
                <details class="forgot">
                    <summary>{td_string!(l, teach.forgot_title)}</summary>
                    <p>{td_string!(l, teach.forgot_body)}</p>
                </details>
            </section>
            <section class="card narrow">
                <h2>{td_string!(l, teach.children_title)}</h2>
                <p>{td_string!(l, teach.children_body)}</p>
                <a class="big-button" href=format!("/{}/join", lang.code())>{td_string!(l, pupil.join_title)}</a>
            </section>
        </Layout>
    }
    .into_any()
}

/// The form behind a reset link: a new password, twice.
fn reset_form(lang: Lang, token: String) -> AnyView {
    let l = locale(lang);
    view! {
        <Layout lang title=td_string!(l, teach.reset_title).to_string()>
            <section class="card narrow">
                <h1>{td_string!(l, teach.reset_title)}</h1>
                <p>{td_string!(l, teach.reset_intro)}</p>
                {error_view(l)}
                <form method="post" action="/do/reset" class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <input type="hidden" name="token" value=token />
                    <label for="password">{td_string!(l, teach.new_password)}</label>
                    <input id="password" name="password" type="password" required autocomplete="new-password"
                        minlength=MIN_PASSWORD_CHARS.to_string() aria-describedby="password-hint" />
                    <p class="hint" id="password-hint">{text::fill(td_string!(l, teach.password_hint), &[("count", MIN_PASSWORD_CHARS.to_string())])}</p>
                    <label for="password2">{td_string!(l, teach.password_again)}</label>
                    <input id="password2" name="password2" type="password" required autocomplete="new-password" minlength=MIN_PASSWORD_CHARS.to_string() />
                    <button type="submit" class="big-button primary">{td_string!(l, teach.reset_button)}</button>
                </form>
            </section>
        </Layout>
    }
    .into_any()
}

async fn sign_up(lang: Lang) -> AnyView {
    let l = locale(lang);
    let email = query("email").unwrap_or_default();
    view! {
        <Layout lang title=td_string!(l, teach.signup_title).to_string()>
            <section class="card narrow">
                <h1>{td_string!(l, teach.signup_title)}</h1>
                <p>{td_string!(l, teach.signup_intro)}</p>
                {error_view(l)}
                <form method="post" action="/do/signup" class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <label for="email">{td_string!(l, teach.email)}</label>
                    <input id="email" name="email" type="email" required autocomplete="username" value=email />
                    <label for="password">{td_string!(l, teach.password)}</label>
                    <input id="password" name="password" type="password" required autocomplete="new-password"
                        minlength=MIN_PASSWORD_CHARS.to_string() aria-describedby="password-hint" />
                    <p class="hint" id="password-hint">{text::fill(td_string!(l, teach.password_hint), &[("count", MIN_PASSWORD_CHARS.to_string())])}</p>
                    <label for="password2">{td_string!(l, teach.password_again)}</label>
                    <input id="password2" name="password2" type="password" required autocomplete="new-password" minlength=MIN_PASSWORD_CHARS.to_string() />
                    <button type="submit" class="big-button primary">{td_string!(l, teach.sign_up)}</button>
                </form>
                <p><a href=format!("/{}/teacher", lang.code())>{td_string!(l, teach.have_account)}</a></p>
            </section>
        </Layout>
    }
    .into_any()
}

// One class

/// Where children join, as the teacher's browser reached this server.
fn join_url(lang: Lang) -> String {
    if let Some(origin) = app().public_origin.clone() {
        return format!("{}/{}/join", origin.trim_end_matches('/'), lang.code());
    }
    let host = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.headers.get(axum::http::header::HOST).and_then(|h| h.to_str().ok()).map(str::to_string))
        .unwrap_or_else(|| "localhost".into());
    format!("http://{host}/{}/join", lang.code())
}

fn crumbs(lang: Lang, class: &Class) -> impl IntoView + use<> {
    let l = locale(lang);
    view! {
        <p class="crumbs">
            <a href=format!("/{}/teacher", lang.code())>{td_string!(l, teach.classes_title)}</a>
            " › "
            <a href=format!("/{}/teacher/classes/{}", lang.code(), class.id)>{class.name.clone()}</a>
        </p>
    }
}

async fn class_page(lang: Lang) -> AnyView {
    let l = locale(lang);
    let (_, class) = match own_class(lang).await {
        Ok(x) => x,
        Err(v) => return v,
    };
    let app = app();
    let report = match ClassReport::load(&app, class.clone()).await {
        Ok(r) => r,
        Err(e) => return trouble(lang, e),
    };
    let base = format!("/{}/teacher/classes/{}", lang.code(), class.id);
    let assigned: Vec<String> = report.assignments.iter().map(|a| a.assignment.lesson_id.clone()).collect();
    let lessons: Vec<_> = app
        .library
        .lessons(class.lang)
        .iter()
        .filter(|x| x.ages.contains(&class.age_band) && !assigned.contains(&x.id))
        .map(|x| (x.id.clone(), x.title.clone()))
        .collect();
    let archived = class.archived_at;
    let students = report.students.len();
    let sort = Sort::parse(query("sort").as_deref());
    let live_url = format!("/api/classes/{}/live?lang={}&sort={}", class.id, lang.code(), sort.id());
    let code_done = query("done").as_deref() == Some("code");
    // A mistake in the assignment form is explained in the form, which keeps what was chosen.
    let error = query("error");
    let assign_error = error.as_deref().filter(|e| ASSIGN_ERRORS.contains(e)).and_then(|e| error_text(l, e));
    let due_past = error.as_deref() == Some("due_past");
    let typed_lesson = query("lesson");
    let typed_level = query("level").and_then(|v| v.parse::<u8>().ok()).filter(|v| *v > 0);
    let typed_due = query("due").unwrap_or_default();
    let typed_kinds: Vec<Category> = Category::SPAM.into_iter().filter(|c| query(&format!("only_{}", c.id())).is_some()).collect();
    let today = day_of(crate::server::db::now_ms());
    let overview = report.clone();
    view! {
        <Layout lang title=class.name.clone() wide=true>
            {crumbs(lang, &class)}
            <section class="hero teacher-hero">
                <h1>{class.name.clone()}</h1>
                <p>{text::age_band(l, class.age_band)} " · " {lang_name(class.lang)} " · "
                    {text::fill(td_string!(l, teach.student_count), &[("count", students.to_string())])}</p>
            </section>
            {archived.map(|at| view! {
                <section class="card notice" role="status">
                    <p>{text::fill(td_string!(l, teach.archived_notice), &[("date", human_date(lang, &erase_day(at, app.archive_days)))])}</p>
                    <form method="post" action=format!("/do/classes/{}/archive", class.id) class="inline">
                        <input type="hidden" name="lang" value=lang.code() />
                        <input type="hidden" name="restore" value="1" />
                        <button type="submit" class="big-button">{td_string!(l, teach.restore)}</button>
                    </form>
                </section>
            })}
            {(assign_error.is_none()).then(|| error_view(l))}
            {(query("done").as_deref() == Some("removed")).then(|| view! { <p class="card notice" role="status">{td_string!(l, teach.student_removed)}</p> })}
            <div class="class-grid">
                <section class="card code-card" id="code" aria-labelledby="code-title">
                    <h2 id="code-title">{td_string!(l, teach.code)}</h2>
                    <p class="big-code" data-code=class.code.clone()>{codes::display(&class.code)}</p>
                    <p>{td_string!(l, teach.code_where)} " " <strong>{join_url(class.lang)}</strong></p>
                    {code_done.then(|| view! { <p role="status">{td_string!(l, teach.code_rotated)}</p> })}
                    <p class="lesson-buttons">
                        <a class="big-button" href=format!("{base}/sheet")>{td_string!(l, teach.print_sheet)}</a>
                        <a class="big-button" href=format!("{base}/cards")>{td_string!(l, teach.print_cards)}</a>
                    </p>
                    <form method="post" action=format!("/do/classes/{}/code", class.id) class="inline">
                        <input type="hidden" name="lang" value=lang.code() />
                        <button type="submit" class="big-button">{td_string!(l, teach.rotate_code)}</button>
                        <span class="hint">{td_string!(l, teach.rotate_hint)}</span>
                    </form>
                </section>
                <section class="card" id="assign" aria-labelledby="assign-title">
                    <h2 id="assign-title">{td_string!(l, teach.assignments_title)}</h2>
                    {(query("done").as_deref() == Some("assigned")).then(|| view! { <p role="status">{td_string!(l, teach.assigned)}</p> })}
                    {report.assignments.is_empty().then(|| view! { <p>{td_string!(l, teach.no_assignments)}</p> })}
                    <ul class="assignment-list">
                        {report.assignments.iter().map(|a| {
                            let done = report.finished(a.assignment.id);
                            view! {
                                <li>
                                    <strong>{a.title.clone()}</strong>
                                    " · " {text::level(l, a.assignment.difficulty.level())}
                                    {a.assignment.due_on.clone().map(|d| {
                                        let past = d < today;
                                        view! { " · " <span class:late=past>{text::fill(if past { td_string!(l, teach.due_passed) } else { td_string!(l, teach.due) }, &[("date", human_date(lang, &d))])}</span> }
                                    })}
                                    {a.assignment.categories.clone().map(|kinds| view! { " · " {text::fill(td_string!(l, teach.only_kinds), &[
                                        ("kinds", kinds.iter().map(|c| text::category_name(l, *c)).collect::<Vec<_>>().join(", ")),
                                    ])} })}
                                    " · " {text::fill(td_string!(l, teach.finished_count), &[("done", done.to_string()), ("total", students.to_string())])}
                                    // The key of exactly the feed this class gets (its own seed); the tests keep theirs.
                                    {a.feed.clone().filter(|_| !a.kind.is_test()).map(|feed| view! {
                                        <details class="answer-key" id=format!("key-{}", a.assignment.id)>
                                            <summary>{text::fill(td_string!(l, teach.answer_key), &[("title", a.title.clone())])}</summary>
                                            <p class="hint">{td_string!(l, teach.answer_key_help)}</p>
                                            <KeyTable lang feed />
                                        </details>
                                    })}
                                    <details class="confirm">
                                        <summary aria-label=text::fill(td_string!(l, teach.unassign_label), &[("title", a.title.clone())])>{td_string!(l, teach.unassign)}</summary>
                                        <form method="post" action=format!("/do/classes/{}/unassign", class.id) class="stack">
                                            <input type="hidden" name="lang" value=lang.code() />
                                            <input type="hidden" name="assignment" value=a.assignment.id.to_string() />
                                            <p>{td_string!(l, teach.unassign_explain)}</p>
                                            <button type="submit" class="big-button danger">{text::fill(td_string!(l, teach.unassign_confirm), &[("title", a.title.clone())])}</button>
                                        </form>
                                    </details>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(!lessons.is_empty()).then(|| view! {
                        <form method="post" action=format!("/do/classes/{}/assign", class.id) class="stack assign-form">
                            <input type="hidden" name="lang" value=lang.code() />
                            {assign_error.map(|e| view! { <p class="form-error" role="alert" id="assign-error">{e}</p> })}
                            <label for="lesson">{td_string!(l, teach.lesson)}</label>
                            <select id="lesson" name="lesson" required>
                                {lessons.iter().map(|(id, title)| view! { <option value=id.clone() selected=typed_lesson.as_deref() == Some(id.as_str())>{title.clone()}</option> }).collect_view()}
                            </select>
                            <label for="level">{td_string!(l, teach.level)}</label>
                            <select id="level" name="level">
                                <option value="0" selected=typed_level.is_none()>{td_string!(l, teach.level_lesson)}</option>
                                {Difficulty::ALL.into_iter().map(|d| view! {
                                    <option value=d.level().to_string() selected=typed_level == Some(d.level())>{text::level(l, d.level())}</option>
                                }).collect_view()}
                            </select>
                            <p class="hint">{td_string!(l, teach.level_hint)}</p>
                            <label for="due">{td_string!(l, teach.due_label)}</label>
                            <input id="due" name="due" type="date" value=typed_due.clone() aria-describedby=due_past.then_some("assign-error") />
                            {due_past.then(|| view! {
                                <label class="choice">
                                    <input type="checkbox" name="past_ok" value="1" />
                                    <span>{td_string!(l, teach.due_past_ok)}</span>
                                </label>
                            })}
                            <details class="kinds" open=!typed_kinds.is_empty()>
                                <summary>{td_string!(l, teach.kinds_summary)}</summary>
                                <fieldset>
                                    <legend>{td_string!(l, teach.kinds_legend)}</legend>
                                    <div class="choices">
                                        {Category::SPAM.into_iter().filter(|c| class.age_band.allows(*c)).map(|c| view! {
                                            <label class="choice">
                                                <input type="checkbox" name=format!("only_{}", c.id()) value="1" checked=typed_kinds.contains(&c) />
                                                <span>{text::category_name(l, c)}</span>
                                            </label>
                                        }).collect_view()}
                                    </div>
                                </fieldset>
                            </details>
                            <button type="submit" class="big-button primary">{td_string!(l, teach.assign)}</button>
                        </form>
                    })}
                </section>
            </div>
            // The table and everything learnt from it follow the class live.
            {live_region(live_url, 5, td_string!(l, teach.live_pause).to_string(), td_string!(l, teach.live_resume).to_string(), view! {
                <LiveReport lang report=overview sort />
            })}
            <section class="card danger-zone" id="delete" aria-labelledby="danger-title">
                <h2 id="danger-title">{td_string!(l, teach.end_title)}</h2>
                {archived.is_none().then(|| view! {
                    <form method="post" action=format!("/do/classes/{}/archive", class.id) class="stack">
                        <input type="hidden" name="lang" value=lang.code() />
                        <p>{text::fill(td_string!(l, teach.archive_explain), &[("days", app.archive_days.to_string())])}</p>
                        <button type="submit" class="big-button">{td_string!(l, teach.archive)}</button>
                    </form>
                })}
                <form method="post" action=format!("/do/classes/{}/delete", class.id) class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <p>{td_string!(l, teach.delete_explain)}</p>
                    <label for="confirm">{text::fill(td_string!(l, teach.delete_confirm), &[("name", class.name.clone())])}</label>
                    <input id="confirm" name="confirm" required autocomplete="off" />
                    <button type="submit" class="big-button danger">{td_string!(l, teach.delete)}</button>
                </form>
            </section>
        </Layout>
    }
    .into_any()
}

/// The live part of the class page, as HTML for `/api/classes/{id}/live`.
pub fn overview_html(lang: Lang, report: &ClassReport, sort: Sort) -> String {
    view! { <LiveReport lang report=report.clone() sort /> }.to_html()
}

/// How the overview's rows are ordered: by name, or by the result of one assignment (best
/// first, then busy, then not started).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Name,
    Assignment(i64),
}

impl Sort {
    /// `name` or `a<assignment id>`; anything else is by name.
    pub fn parse(s: Option<&str>) -> Sort {
        s.and_then(|s| s.strip_prefix('a')).and_then(|id| id.parse().ok()).map_or(Sort::Name, Sort::Assignment)
    }

    pub fn id(self) -> String {
        match self {
            Sort::Name => "name".into(),
            Sort::Assignment(id) => format!("a{id}"),
        }
    }
}

/// A cell's place when sorting by its assignment: finished best first, then by answers given.
fn rank(cell: &Cell) -> (u8, i64) {
    match cell {
        Cell::Done { correct_percent, discernment, .. } => (0, -(i64::from(*correct_percent) * 1000 + (discernment * 100.0) as i64)),
        Cell::Playing { answered, .. } => (1, -i64::from(*answered)),
        Cell::NotStarted => (2, 0),
    }
}

/// The overview card and the insights under it: what the class page swaps in live.
#[component]
fn LiveReport(lang: Lang, report: ClassReport, sort: Sort) -> impl IntoView {
    let l = locale(lang);
    let base = format!("/{}/teacher/classes/{}", lang.code(), report.class.id);
    view! {
        <section class="card" id="overview" aria-labelledby="overview-title">
            <h2 id="overview-title">{td_string!(l, teach.overview_title)}</h2>
            <p class="hint">{td_string!(l, teach.overview_live)}</p>
            <ClassOverview lang report=report.clone() sort print=false />
            <p class="lesson-buttons">
                <a class="big-button" href=format!("/teacher/classes/{}/export.csv", report.class.id) download="">{td_string!(l, teach.export_csv)}</a>
                <a class="big-button" href=format!("{base}/summary")>{td_string!(l, teach.summary)}</a>
            </p>
        </section>
        <Insights lang report />
    }
}

/// Students × assignments: done with score and discernment, playing (answered of total), or
/// not started. On screen the column headers sort the rows and a result opens the child's feed;
/// `print` leaves out what only works on a screen.
#[component]
pub fn ClassOverview(lang: Lang, report: ClassReport, sort: Sort, print: bool) -> impl IntoView {
    let l = locale(lang);
    if report.students.is_empty() {
        return view! { <p class="empty">{td_string!(l, teach.no_students)}</p> }.into_any();
    }
    let base = format!("/{}/teacher/classes/{}", lang.code(), report.class.id);
    let updated = (!print).then(|| report.last_answer_at.map(|t| text::fill(td_string!(l, teach.last_answer), &[("time", ago(l, t))]))).flatten();
    let mut students = report.students.clone();
    if let Sort::Assignment(aid) = sort {
        students.sort_by_cached_key(|s| (rank(&report.cell(s.id, aid)), s.pseudonym.to_lowercase()));
    }
    // A column header: a link that sorts by it (on screen), with the order it is in for readers.
    let page = base.clone();
    let header = move |label: String, by: Sort| {
        let current = by == sort;
        let aria_sort = current.then_some(if by == Sort::Name { "ascending" } else { "descending" });
        let link = (!print).then(|| format!("{page}?sort={}#overview", by.id()));
        view! {
            <th scope="col" aria-sort=aria_sort>
                {match link {
                    Some(href) => view! { <a href=href class="sort" class:current=current>{label} {current.then_some(if by == Sort::Name { " ▴" } else { " ▾" })}</a> }.into_any(),
                    None => view! { {label} }.into_any(),
                }}
            </th>
        }
    };
    view! {
        <div class="table-scroll overview-scroll">
            <table class="overview">
                <thead>
                    <tr>
                        {header(td_string!(l, teach.student).to_string(), Sort::Name)}
                        {report.assignments.iter().map(|a| header(a.title.clone(), Sort::Assignment(a.assignment.id))).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {students.iter().map(|s| view! {
                        <tr>
                            <th scope="row"><a href=format!("{base}/students/{}", s.id)>{s.pseudonym.clone()}</a></th>
                            {report.assignments.iter().map(|a| {
                                let cell = report.cell(s.id, a.assignment.id);
                                let replay = format!("{base}/replay/{}/{}", s.id, a.assignment.id);
                                match cell {
                                    Cell::Done { correct_percent, discernment, weak, .. } => view! {
                                        <td class="done" class:weak=weak data-state="done"><a href=replay>{format!("{} {correct_percent}%", if weak { "⚠" } else { "✓" })}</a>
                                            <span class="sub">{format!(" · {:+.2}", discernment)}</span></td>
                                    }.into_any(),
                                    Cell::Playing { answered, total } => view! {
                                        <td class="playing" data-state="playing"><a href=replay>{format!("{answered}/{total}")}</a>
                                            <span class="sub">" " {td_string!(l, teach.playing)}</span></td>
                                    }.into_any(),
                                    Cell::NotStarted => view! { <td class="not-started" data-state="none"><span aria-label=td_string!(l, teach.not_started)>"–"</span></td> }.into_any(),
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{td_string!(l, teach.finished_row)}</th>
                        {report.assignments.iter().map(|a| view! {
                            <td>{format!("{} / {}", report.finished(a.assignment.id), report.students.len())}</td>
                        }).collect_view()}
                    </tr>
                </tfoot>
            </table>
        </div>
        <p class="hint">{td_string!(l, teach.overview_key)} {(!print).then(|| view! { " " {td_string!(l, teach.overview_click)} })} {updated.map(|u| view! { " " {u} })}</p>
    }
    .into_any()
}

/// One line of "needs help".
fn help_text(l: Locale, t: &Trouble) -> String {
    match t {
        Trouble::Misses { category, missed, rounds } => text::fill(td_string!(l, teach.help_line), &[
            ("category", text::category_name(l, *category)),
            ("missed", missed.to_string()),
            ("rounds", rounds.to_string()),
        ]),
        Trouble::ReportsReal { false_alarms, real } => {
            text::fill(td_string!(l, teach.help_over_flagging), &[("reported", false_alarms.to_string()), ("real", real.to_string())])
        }
    }
}

/// How long ago a time was, as a teacher glancing at the table reads it.
fn ago(l: Locale, ms: i64) -> String {
    let seconds = (crate::server::db::now_ms() - ms).max(0) / 1000;
    match seconds {
        0..60 => td_string!(l, teach.just_now).to_string(),
        _ => text::time_ago(l, (seconds / 60) as u32),
    }
}

/// What the class falls for: categories, comments, who needs help, pre/post.
#[component]
fn Insights(lang: Lang, report: ClassReport) -> impl IntoView {
    let l = locale(lang);
    if report.rounds.is_empty() {
        return view! {
            <section class="card" aria-labelledby="insights-title">
                <h2 id="insights-title">{td_string!(l, teach.insights_title)}</h2>
                <p>{td_string!(l, teach.no_rounds)}</p>
            </section>
        }
        .into_any();
    }
    let base = format!("/{}/teacher/classes/{}", lang.code(), report.class.id);
    view! {
        <section class="card" aria-labelledby="categories-title">
            <h2 id="categories-title">{td_string!(l, teach.categories_title)}</h2>
            <p class="hint">{td_string!(l, teach.categories_hint)}</p>
            <CategoryChart lang report=report.clone() />
        </section>
        <div class="class-grid">
            <section class="card" aria-labelledby="missed-title">
                <h2 id="missed-title">{td_string!(l, teach.most_missed)}</h2>
                <CommentStats lang stats=report.most_missed.clone() empty=td_string!(l, teach.none_missed) />
            </section>
            <section class="card" aria-labelledby="wrong-title">
                <h2 id="wrong-title">{td_string!(l, teach.wrongly_reported)}</h2>
                <CommentStats lang stats=report.wrongly_reported.clone() empty=td_string!(l, teach.none_wrong) />
            </section>
        </div>
        <section class="card" aria-labelledby="help-title">
            <h2 id="help-title">{td_string!(l, teach.needs_help)}</h2>
            <p class="hint">{td_string!(l, teach.needs_help_hint)}</p>
            {if report.needs_help.is_empty() {
                view! { <p>{td_string!(l, teach.nobody_needs_help)}</p> }.into_any()
            } else {
                view! {
                    <ul class="help-list">
                        {report.needs_help.iter().map(|h| view! {
                            <li><a href=format!("{base}/students/{}", h.student_id)>{h.pseudonym.clone()}</a> ": "
                                {help_text(l, &h.trouble)}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        {report.prepost.is_some().then(|| view! { <PrePost lang report=report.clone() /> })}
    }
    .into_any()
}

/// Horizontal bars: share of each kind of spam the class caught.
#[component]
fn CategoryChart(lang: Lang, report: ClassReport) -> impl IntoView {
    let l = locale(lang);
    let rows = report.categories.clone();
    let height = 34 * rows.len() as u32 + 10;
    let summary: Vec<String> = rows
        .iter()
        .map(|c| format!("{}: {} / {}", text::category_name(l, c.category), c.caught, c.seen))
        .collect();
    view! {
        <svg class="chart" viewBox=format!("0 0 720 {height}") width="100%" role="img" aria-label=summary.join("; ")>
            {rows.iter().enumerate().map(|(i, c)| {
                let y = 10 + 34 * i as u32;
                let pct = percent(u64::from(c.caught), u64::from(c.seen));
                let w = pct * 300 / 100;
                let weak = pct < 60;
                view! {
                    <g>
                        <text x="0" y=y + 18 class="chart-label">{text::category_name(l, c.category)}</text>
                        <rect x="250" y=y width="300" height="24" class="chart-track" rx="4" />
                        <rect x="250" y=y width=w height="24" class=if weak { "chart-bar weak" } else { "chart-bar" } rx="4" />
                        <text x="560" y=y + 18 class="chart-value">{format!("{pct}% ({}/{})", c.caught, c.seen)}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
    }
}

/// A few comments with how many children got them wrong.
#[component]
fn CommentStats(lang: Lang, stats: Vec<CommentStat>, empty: &'static str) -> impl IntoView {
    let l = locale(lang);
    if stats.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <ol class="comment-stats">
            {stats.into_iter().map(|s| view! {
                <li>
                    <p class="who">"@" {s.comment.author.username.clone()} " · " <span class="kind">{text::category_name(l, s.comment.category)}</span></p>
                    <p class="comment-text">{comment_plain(&s.comment)}</p>
                    <p class="hint">{text::fill(td_string!(l, teach.wrong_of), &[("wrong", s.wrong.to_string()), ("of", s.of.to_string()), ("lesson", s.lesson_title.clone())])}</p>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}

fn comment_plain(c: &Comment) -> String {
    c.spans.iter().map(|s| s.text.as_str()).collect()
}

/// The class before and after: average bars, and every child's two scores.
#[component]
fn PrePost(lang: Lang, report: ClassReport) -> impl IntoView {
    let l = locale(lang);
    let rows = report.prepost.clone().unwrap_or_default();
    let avg = report.prepost_average();
    view! {
        <section class="card" aria-labelledby="prepost-title">
            <h2 id="prepost-title">{td_string!(l, teach.prepost_title)}</h2>
            {match avg {
                Some((pre, post, n)) => view! {
                    <svg class="chart prepost-chart" viewBox="0 0 400 170" width="100%" role="img"
                        aria-label=text::fill(td_string!(l, teach.prepost_summary), &[("pre", pre.to_string()), ("post", post.to_string()), ("count", n.to_string())])>
                        <line x1="40" y1="140" x2="380" y2="140" class="chart-axis" />
                        <rect x="80" y=140 - pre * 120 / 100 width="100" height=pre * 120 / 100 class="chart-bar pre" rx="4" />
                        <rect x="240" y=140 - post * 120 / 100 width="100" height=post * 120 / 100 class="chart-bar" rx="4" />
                        <text x="130" y=132 - pre * 120 / 100 class="chart-value" text-anchor="middle">{format!("{pre}%")}</text>
                        <text x="290" y=132 - post * 120 / 100 class="chart-value" text-anchor="middle">{format!("{post}%")}</text>
                        <text x="130" y="162" class="chart-label" text-anchor="middle">{td_string!(l, teach.pretest)}</text>
                        <text x="290" y="162" class="chart-label" text-anchor="middle">{td_string!(l, teach.posttest)}</text>
                    </svg>
                    <p>{text::fill(td_string!(l, teach.prepost_summary), &[("pre", pre.to_string()), ("post", post.to_string()), ("count", n.to_string())])}</p>
                }.into_any(),
                None => view! { <p>{td_string!(l, teach.prepost_waiting)}</p> }.into_any(),
            }}
            <div class="table-scroll">
                <table class="prepost-table">
                    <thead><tr>
                        <th scope="col">{td_string!(l, teach.student)}</th>
                        <th scope="col">{td_string!(l, teach.pretest)}</th>
                        <th scope="col">{td_string!(l, teach.posttest)}</th>
                        <th scope="col">{td_string!(l, teach.change)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| {
                            let fmt = |x: Option<u32>| x.map_or("–".to_string(), |x| format!("{x}%"));
                            let change = match (r.pre, r.post) {
                                (Some(a), Some(b)) => format!("{:+}", i64::from(b) - i64::from(a)),
                                _ => "–".to_string(),
                            };
                            view! { <tr><th scope="row">{r.pseudonym}</th><td>{fmt(r.pre)}</td><td>{fmt(r.post)}</td><td>{change}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

// Printables

async fn join_sheet(lang: Lang) -> AnyView {
    let (_, class) = match own_class(lang).await {
        Ok(x) => x,
        Err(v) => return v,
    };
    // The sheet is for the children: in the class's language.
    let cl = locale(class.lang);
    let l = locale(lang);
    view! {
        <Layout lang title=td_string!(l, teach.print_sheet).to_string()>
            <div class="no-print">{crumbs(lang, &class)}<PrintButton l /></div>
            <section class="sheet" lang=class.lang.code()>
                <h1>{text::fill(td_string!(cl, teach.sheet_title), &[("class", class.name.clone())])}</h1>
                <ol class="sheet-steps">
                    <li>{td_string!(cl, teach.sheet_step_open)} <br /><strong class="sheet-url">{join_url(class.lang)}</strong></li>
                    <li>{td_string!(cl, teach.sheet_step_code)} <br /><strong class="big-code">{codes::display(&class.code)}</strong></li>
                    <li>{td_string!(cl, teach.sheet_step_name)}</li>
                </ol>
                <p class="sheet-note">{td_string!(cl, teach.sheet_note)}</p>
            </section>
        </Layout>
    }
    .into_any()
}

#[component]
fn PrintButton(l: Locale) -> impl IntoView {
    view! { <button type="button" class="big-button primary" onclick="window.print()">{td_string!(l, teach.print)}</button> }
}

async fn rejoin_cards(lang: Lang) -> AnyView {
    let l = locale(lang);
    let (_, class) = match own_class(lang).await {
        Ok(x) => x,
        Err(v) => return v,
    };
    let students = match app().db.students_of(class.id).await {
        Ok(s) => s,
        Err(e) => return trouble(lang, e),
    };
    let cl = locale(class.lang);
    let url = join_url(class.lang);
    view! {
        <Layout lang title=td_string!(l, teach.print_cards).to_string() wide=true>
            <div class="no-print">
                {crumbs(lang, &class)}
                <h1>{td_string!(l, teach.print_cards)}</h1>
                <p>{td_string!(l, teach.cards_intro)}</p>
                <PrintButton l />
            </div>
            {students.is_empty().then(|| view! { <p class="card">{td_string!(l, teach.no_students)}</p> })}
            <div class="cards" lang=class.lang.code()>
                {students.into_iter().map(|s| view! {
                    <section class="rejoin-card">
                        <h2>{s.pseudonym.clone()}</h2>
                        <p>{td_string!(cl, teach.card_text)}</p>
                        <p>{url.clone()}</p>
                        <p>{td_string!(cl, pupil.class_code)} ": " <strong class="code">{codes::display(&class.code)}</strong></p>
                        <p>{td_string!(cl, pupil.personal_code)} ": " <strong class="code">{codes::display(&s.rejoin_code)}</strong></p>
                    </section>
                }).collect_view()}
            </div>
        </Layout>
    }
    .into_any()
}

async fn summary_page(lang: Lang) -> AnyView {
    let l = locale(lang);
    let (_, class) = match own_class(lang).await {
        Ok(x) => x,
        Err(v) => return v,
    };
    let report = match ClassReport::load(&app(), class.clone()).await {
        Ok(r) => r,
        Err(e) => return trouble(lang, e),
    };
    let today = human_date(lang, &day_of(crate::server::db::now_ms()));
    view! {
        <Layout lang title=td_string!(l, teach.summary).to_string() wide=true>
            <div class="no-print">{crumbs(lang, &class)}<PrintButton l /></div>
            <section class="card summary">
                <h1>{class.name.clone()} " · " {td_string!(l, teach.summary)}</h1>
                <p>{text::age_band(l, class.age_band)} " · " {text::fill(td_string!(l, teach.student_count), &[("count", report.students.len().to_string())])} " · " {today}</p>
                <ClassOverview lang report=report.clone() sort=Sort::Name print=true />
            </section>
            <Insights lang report />
        </Layout>
    }
    .into_any()
}

// One child

async fn student_page(lang: Lang) -> AnyView {
    let l = locale(lang);
    let (_, class) = match own_class(lang).await {
        Ok(x) => x,
        Err(v) => return v,
    };
    let app = app();
    let student = match param_i64("sid") {
        Some(id) => match app.db.student(id).await {
            Ok(s) => s.filter(|s| s.class_id == class.id),
            Err(e) => return trouble(lang, e),
        },
        None => None,
    };
    let Some(student) = student else { return view! { <NotFound /> }.into_any() };
    let report = match ClassReport::load(&app, class.clone()).await {
        Ok(r) => r,
        Err(e) => return trouble(lang, e),
    };
    let base = format!("/{}/teacher/classes/{}", lang.code(), class.id);
    let help: Vec<_> = report.needs_help.iter().filter(|h| h.student_id == student.id).cloned().collect();
    view! {
        <Layout lang title=student.pseudonym.clone() wide=true>
            {crumbs(lang, &class)}
            <section class="card">
                <h1>{student.pseudonym.clone()}</h1>
                <p>{td_string!(l, pupil.personal_code)} ": " <strong class="code">{codes::display(&student.rejoin_code)}</strong>
                    " · " {text::fill(td_string!(l, teach.joined_on), &[("date", human_date(lang, &day_of(student.created_at)))])}</p>
                {(!help.is_empty()).then(|| view! {
                    <div class="notice">
                        <h2>{td_string!(l, teach.needs_help)}</h2>
                        <ul>{help.into_iter().map(|h| view! {
                            <li>{help_text(l, &h.trouble)}</li>
                        }).collect_view()}</ul>
                    </div>
                })}
                <table class="overview">
                    <thead><tr>
                        <th scope="col">{td_string!(l, teach.lesson)}</th>
                        <th scope="col">{td_string!(l, teach.result)}</th>
                        <th scope="col">{td_string!(l, teach.replay)}</th>
                    </tr></thead>
                    <tbody>
                        {report.assignments.iter().map(|a| {
                            let result = match report.cell(student.id, a.assignment.id) {
                                Cell::Done { correct_percent, discernment, risky, .. } => text::fill(td_string!(l, teach.result_done), &[
                                    ("percent", correct_percent.to_string()),
                                    ("discernment", format!("{discernment:+.2}")),
                                    ("risky", risky.to_string()),
                                ]),
                                Cell::Playing { answered, total } => text::fill(td_string!(l, teach.result_playing), &[("done", answered.to_string()), ("total", total.to_string())]),
                                Cell::NotStarted => td_string!(l, teach.not_started).to_string(),
                            };
                            let started = report.cell(student.id, a.assignment.id) != Cell::NotStarted;
                            view! {
                                <tr>
                                    <th scope="row">{a.title.clone()}</th>
                                    <td>{result}</td>
                                    <td>{started.then(|| view! { <a href=format!("{base}/replay/{}/{}", student.id, a.assignment.id)>{td_string!(l, teach.replay_link)}</a> })}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <section class="card" id="rename" aria-labelledby="rename-title">
                <h2 id="rename-title">{td_string!(l, teach.rename_title)}</h2>
                {(query("done").as_deref() == Some("renamed")).then(|| view! { <p role="status" class="notice">{td_string!(l, teach.renamed)}</p> })}
                {error_view(l)}
                <p>{td_string!(l, teach.rename_explain)}</p>
                <form method="post" action=format!("/do/classes/{}/students/{}/rename", class.id, student.id) class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <label for="new-name">{td_string!(l, teach.new_name)}</label>
                    <input id="new-name" name="name" required autocomplete="off" spellcheck="false" maxlength=codes::MAX_PSEUDONYM_CHARS.to_string()
                        value=query("name").unwrap_or_else(|| student.pseudonym.clone()) />
                    <button type="submit" class="big-button primary">{td_string!(l, teach.rename)}</button>
                </form>
            </section>
            <section class="card danger-zone" aria-labelledby="remove-title">
                <h2 id="remove-title">{text::fill(td_string!(l, teach.remove_title), &[("name", student.pseudonym.clone())])}</h2>
                <p>{td_string!(l, teach.remove_explain)}</p>
                <form method="post" action=format!("/do/classes/{}/students/{}/delete", class.id, student.id) class="inline">
                    <input type="hidden" name="lang" value=lang.code() />
                    <button type="submit" class="big-button danger">{td_string!(l, teach.remove)}</button>
                </form>
            </section>
        </Layout>
    }
    .into_any()
}

async fn replay_page(lang: Lang) -> AnyView {
    let l = locale(lang);
    let (_, class) = match own_class(lang).await {
        Ok(x) => x,
        Err(v) => return v,
    };
    let app = app();
    let (student, assignment) = match (param_i64("sid"), param_i64("aid")) {
        (Some(sid), Some(aid)) => match tokio::try_join!(app.db.student(sid), app.db.assignment(aid)) {
            Ok((s, a)) => (s.filter(|s| s.class_id == class.id), a.filter(|a| a.class_id == class.id)),
            Err(e) => return trouble(lang, e),
        },
        _ => (None, None),
    };
    let (Some(student), Some(assignment)) = (student, assignment) else { return view! { <NotFound /> }.into_any() };
    let Some(feed) = app.assignment_feed(&class, &assignment) else { return view! { <NotFound /> }.into_any() };
    let rounds = match app.db.rounds_of_student(student.id).await {
        Ok(r) => r,
        Err(e) => return trouble(lang, e),
    };
    let finished = rounds.into_iter().find(|r| r.assignment_id == assignment.id);
    let (answers, note) = match &finished {
        Some(r) => (
            round_answers(&feed, r).unwrap_or_default(),
            text::fill(td_string!(l, teach.replay_done), &[("name", student.pseudonym.clone()), ("date", human_date(lang, &day_of(r.finished_at))), ("percent", correct_percent(r).to_string())]),
        ),
        None => {
            let current = match app.db.answers_of(student.id, Some(assignment.id)).await {
                Ok(c) => c,
                Err(e) => return trouble(lang, e),
            };
            (answers_so_far(&current, student.id, assignment.id, feed.comments.len()), text::fill(td_string!(l, teach.replay_playing), &[("name", student.pseudonym.clone())]))
        }
    };
    if answers.len() != feed.comments.len() {
        return trouble(lang, "a stored round does not fit its feed");
    }
    let title = text::fill(td_string!(l, teach.replay_title), &[("name", student.pseudonym.clone())]);
    view! {
        <Layout lang title=title.clone()>
            {crumbs(lang, &class)}
            <p class="card notice">{note}</p>
            <Feedback feed=(*feed).clone() answers next_seed=0 next_lesson=None replay=true />
        </Layout>
    }
    .into_any()
}
