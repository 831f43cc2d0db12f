//! The child's side of a class: `/{lang}/join` (class code and pseudonym, or a rejoin card),
//! `/{lang}/class` (what the teacher assigned), and the assigned rounds themselves, which
//! `play.rs` and `results.rs` hand over here. Rendered on the server only: they read the
//! database.

use super::not_found::NotFound;
use super::play::BadRound;
use crate::components::feed_game::{ClassRound, Round};
use crate::components::feedback::Feedback;
use crate::components::layout::Layout;
use crate::components::outbox::outbox_status;
use crate::domain::model::Lang;
use crate::domain::scoring::{answers_fit, decode_answers};
use crate::i18n::Locale;
use crate::server::{AppState, human_date};
use crate::server::auth;
use crate::server::codes::MAX_PSEUDONYM_CHARS;
use crate::server::db::{Class, Student};
use crate::server::report::{answers_so_far, correct_percent};
use crate::text::{self, locale};
use leptos::prelude::*;
use leptos_i18n::td_string;
use leptos_router::hooks::use_query_map;
use tower_sessions::Session;

pub fn app() -> AppState {
    expect_context::<AppState>()
}

pub async fn session() -> Option<Session> {
    leptos_axum::extract::<Session>().await.ok()
}

pub fn query(name: &str) -> Option<String> {
    use_query_map().get_untracked().get(name)
}

/// Sends the browser elsewhere (302). Unlike `leptos_axum::redirect` this does not depend on
/// the request's Accept header: a page is a page.
pub fn go_to(path: &str) {
    if let (Some(res), Ok(location)) = (use_context::<leptos_axum::ResponseOptions>(), axum::http::HeaderValue::from_str(path)) {
        res.set_status(axum::http::StatusCode::FOUND);
        res.insert_header(axum::http::header::LOCATION, location);
    }
}

/// A page that failed on our side: logged, and a kind message.
pub fn trouble(lang: Lang, e: impl std::fmt::Display) -> AnyView {
    tracing::error!("{e}");
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        resp.set_status(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    let l = locale(lang);
    view! {
        <Layout lang title=td_string!(l, trouble_title).to_string()>
            <section class="card narrow" role="alert">
                <h1>{td_string!(l, trouble_title)}</h1>
                <p>{td_string!(l, trouble_body)}</p>
            </section>
        </Layout>
    }
    .into_any()
}

/// The child on this device, with their class.
pub async fn current_student() -> Result<Option<(Student, Class)>, crate::server::db::DbError> {
    match session().await {
        Some(s) => auth::student(&s, &app().db).await,
        None => Ok(None),
    }
}

/// The message for an `?error=` of the join forms.
fn join_error(l: Locale, e: &str) -> Option<&'static str> {
    Some(match e {
        "wrong_code" => td_string!(l, pupil.error_wrong_code),
        "name_empty" => td_string!(l, pupil.error_name_empty),
        "name_long" => td_string!(l, pupil.error_name_long),
        "name_personal" => td_string!(l, pupil.error_name_personal),
        "name_taken" => td_string!(l, pupil.error_name_taken),
        "wrong_personal" => td_string!(l, pupil.error_wrong_personal),
        "too_many" => td_string!(l, pupil.error_too_many),
        "class_full" => td_string!(l, pupil.error_class_full),
        "name_real" => td_string!(l, pupil.error_name_real),
        _ => return None,
    })
}

/// Three made-up names to pick from: animals and colours, never a real name.
fn name_ideas(lang: Lang) -> Vec<String> {
    use rand::seq::IndexedRandom;
    let (adjectives, animals): (&[&str], &[&str]) = match lang {
        Lang::Nl => (
            &["Blauwe", "Snelle", "Stille", "Gouden", "Paarse", "Slimme", "Vrolijke", "Groene"],
            &["Vos", "Otter", "Uil", "Das", "Valk", "Egel", "Panda", "Komeet"],
        ),
        Lang::En => (
            &["Blue", "Quick", "Quiet", "Golden", "Purple", "Clever", "Happy", "Green"],
            &["Fox", "Otter", "Owl", "Badger", "Falcon", "Hedgehog", "Panda", "Comet"],
        ),
    };
    let mut rng = rand::rng();
    (0..3)
        .map(|_| format!("{} {} {}", adjectives.choose(&mut rng).unwrap_or(&"Blue"), animals.choose(&mut rng).unwrap_or(&"Fox"), rand::random_range(2..99)))
        .collect()
}

/// A page component that waits for its async body (`async fn(Lang) -> AnyView`) on the server.
macro_rules! page {
    ($name:ident, $body:ident) => {
        #[component]
        pub fn $name() -> impl IntoView {
            let lang = $crate::pages::home::lang_param();
            view! {
                <Suspense fallback=|| ()>
                    {Suspend::new(async move {
                        match lang {
                            Some(lang) => $body(lang).await,
                            None => view! { <$crate::pages::not_found::NotFound /> }.into_any(),
                        }
                    })}
                </Suspense>
            }
        }
    };
}
pub(crate) use page;

page!(JoinPage, join_page);
page!(ClassHomePage, class_home);

async fn join_page(lang: Lang) -> AnyView {
    let l = locale(lang);
    let current = match current_student().await {
        Ok(c) => c,
        Err(e) => return trouble(lang, e),
    };
    let error = query("error").and_then(|e| join_error(l, &e));
    let code = query("code").unwrap_or_default();
    let name = query("name").unwrap_or_default();
    let name_real = query("error").as_deref() == Some("name_real");
    let ideas = name_ideas(lang).join(" · ");
    view! {
        <Layout lang title=td_string!(l, pupil.join_title).to_string()>
            <section class="card narrow join">
                <h1>{td_string!(l, pupil.join_title)}</h1>
                {current.map(|(s, c)| view! {
                    <div class="already">
                        <p>{text::fill(td_string!(l, pupil.already_in), &[("name", s.pseudonym.clone()), ("class", c.name.clone())])}</p>
                        <a class="big-button primary" href=format!("/{}/class", c.lang.code())>{td_string!(l, pupil.to_my_lessons)} " →"</a>
                        <form method="post" action="/do/leave" class="inline">
                            <input type="hidden" name="lang" value=lang.code() />
                            <button type="submit" class="big-button">{td_string!(l, pupil.not_me)}</button>
                        </form>
                    </div>
                })}
                {error.map(|e| view! { <p class="form-error" role="alert" id="join-error">{e}</p> })}
                <form method="post" action="/do/join" class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <label for="code">{td_string!(l, pupil.class_code)}</label>
                    <input id="code" name="code" class="code-input" required autocomplete="off" autocapitalize="characters" spellcheck="false"
                        maxlength="12" value=code.clone() aria-describedby="code-hint" />
                    <p class="hint" id="code-hint">{td_string!(l, pupil.class_code_hint)}</p>
                    <label for="name">{td_string!(l, pupil.game_name)}</label>
                    <input id="name" name="name" required autocomplete="off" spellcheck="false" maxlength=MAX_PSEUDONYM_CHARS.to_string()
                        value=name aria-describedby=if name_real { "join-error name-hint" } else { "name-hint" } />
                    <p class="hint" id="name-hint">{td_string!(l, pupil.game_name_hint)} " " {text::fill(td_string!(l, pupil.name_ideas), &[("ideas", ideas)])}</p>
                    {name_real.then(|| view! {
                        <label class="choice">
                            <input type="checkbox" name="made_up" value="1" />
                            <span>{td_string!(l, pupil.name_made_up)}</span>
                        </label>
                    })}
                    <button type="submit" class="big-button primary">{td_string!(l, pupil.join_button)}</button>
                </form>
            </section>
            <section class="card narrow" id="rejoin" aria-labelledby="rejoin-title">
                <h2 id="rejoin-title">{td_string!(l, pupil.rejoin_title)}</h2>
                <p>{td_string!(l, pupil.rejoin_intro)}</p>
                <form method="post" action="/do/rejoin" class="stack">
                    <input type="hidden" name="lang" value=lang.code() />
                    <label for="rejoin-code">{td_string!(l, pupil.class_code)}</label>
                    <input id="rejoin-code" name="code" class="code-input" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" value=code />
                    <label for="personal">{td_string!(l, pupil.personal_code)}</label>
                    <input id="personal" name="personal" class="code-input" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="12" />
                    <button type="submit" class="big-button">{td_string!(l, pupil.rejoin_button)}</button>
                </form>
            </section>
        </Layout>
    }
    .into_any()
}

async fn class_home(lang: Lang) -> AnyView {
    let app = app();
    let (student, class) = match current_student().await {
        Ok(Some(x)) => x,
        Ok(None) => {
            go_to(&format!("/{}/join", lang.code()));
            return ().into_any();
        }
        Err(e) => return trouble(lang, e),
    };
    // The class's language is the child's language here.
    let lang = class.lang;
    let l = locale(lang);
    let (assignments, rounds, current) = match tokio::try_join!(
        app.db.assignments_of(class.id),
        app.db.rounds_of_student(student.id),
        app.db.answers_of(student.id, None)
    ) {
        Ok(x) => x,
        Err(e) => return trouble(lang, e),
    };
    let archived = class.archived_at.is_some();
    let today = crate::server::day_of(crate::server::db::now_ms());
    let items = assignments
        .into_iter()
        .filter_map(|a| {
            let lesson = app.library.lesson(lang, &a.lesson_id)?.clone();
            let feed = app.assignment_feed(&class, &a)?;
            let round = rounds.iter().find(|r| r.assignment_id == a.id).cloned();
            let answered = current.iter().filter(|c| c.student_id == student.id && c.assignment_id == a.id).filter(|c| decode_answers(&c.answer, 1).is_some_and(|x| x[0].decided())).count();
            Some((a, lesson, feed, round, answered))
        })
        .collect::<Vec<_>>();
    view! {
        <Layout lang title=td_string!(l, pupil.class_title).to_string()>
            <section class="hero">
                <h1>{text::fill(td_string!(l, pupil.hello), &[("name", student.pseudonym.clone())])}</h1>
                <p class="lead">{text::fill(td_string!(l, pupil.your_class), &[("class", class.name.clone())])}</p>
            </section>
            {outbox_status(student.id, td_string!(l, sync_sending), td_string!(l, sync_waiting_offline))}
            {class.archived_at.is_some().then(|| view! { <p class="card notice" role="status">{td_string!(l, pupil.class_archived)}</p> })}
            {items.is_empty().then(|| view! { <p class="card">{td_string!(l, pupil.nothing_yet)}</p> })}
            <ol class="assigned">
                {items.into_iter().map(|(a, lesson, feed, round, answered)| {
                    let n = feed.comments.len();
                    let status = match &round {
                        Some(r) => text::fill(td_string!(l, pupil.status_done), &[("right", (r.hits + r.correct_rejections).to_string()), ("total", n.to_string())]),
                        None if answered > 0 => text::fill(td_string!(l, pupil.status_playing), &[("done", answered.to_string()), ("total", n.to_string())]),
                        None => td_string!(l, pupil.status_new).to_string(),
                    };
                    let play = format!("/{}/play?assignment={}", lang.code(), a.id);
                    let results = round.as_ref().map(|r| format!("/{}/results?assignment={}&a={}", lang.code(), a.id, r.answers));
                    let read = format!("/{}/lessons/{}?age={}&assignment={}", lang.code(), lesson.id, a.age_band.id(), a.id);
                    let test = lesson.exercise.kind.is_test();
                    view! {
                        <li class="card assignment" class:done=round.is_some()>
                            <h2>{lesson.title.clone()}</h2>
                            <p>{lesson.summary.clone()}</p>
                            {a.due_on.clone().map(|d| {
                                // Late: the date has passed and the round is not finished.
                                let late = round.is_none() && d < today;
                                view! {
                                    <p class="due" class:late=late>
                                        {late.then(|| view! { <strong>{td_string!(l, pupil.late)}</strong> " " })}
                                        {text::fill(if late { td_string!(l, pupil.due_passed) } else { td_string!(l, pupil.due) }, &[("date", human_date(lang, &d))])}
                                    </p>
                                }
                            })}
                            <p class="status"><strong>{status}</strong></p>
                            <p class="lesson-buttons">
                                {match results {
                                    Some(url) => view! { <a class="big-button primary" href=url>{td_string!(l, pupil.see_results)}</a> }.into_any(),
                                    // An archived class is closed: results only.
                                    None if archived => ().into_any(),
                                    None => view! {
                                        {(!test).then(|| view! { <a class="big-button" href=read.clone()>{td_string!(l, pupil.read_lesson)}</a> })}
                                        <a class="big-button primary" href=play>{if answered > 0 { td_string!(l, pupil.continue_round) } else { td_string!(l, pupil.start_round) }} " →"</a>
                                    }.into_any(),
                                }}
                            </p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <section class="card">
                <form method="post" action="/do/leave" class="inline">
                    <input type="hidden" name="lang" value=lang.code() />
                    <p>{td_string!(l, pupil.leave_intro)}</p>
                    <button type="submit" class="big-button">{td_string!(l, pupil.leave_button)}</button>
                </form>
            </section>
        </Layout>
    }
    .into_any()
}

/// `/{lang}/play?assignment=…` and `/{lang}/results?assignment=…&a=…`: an assigned round, for
/// the child of the class only.
#[component]
pub fn AssignmentRound(results: bool) -> impl IntoView {
    let lang = super::home::lang_param();
    view! { <Suspense fallback=|| ()>{Suspend::new(async move { assignment_round(lang, results).await })}</Suspense> }
}

async fn assignment_round(lang: Option<Lang>, results: bool) -> AnyView {
    let Some(lang) = lang else { return view! { <NotFound /> }.into_any() };
    let app = app();
    let l = locale(lang);
    let title = if results { td_string!(l, results_title) } else { td_string!(l, play_title) }.to_string();
    let (student, class) = match current_student().await {
        Ok(Some(x)) => x,
        Ok(None) => {
            go_to(&format!("/{}/join", lang.code()));
            return ().into_any();
        }
        Err(e) => return trouble(lang, e),
    };
    let assignment = match query("assignment").and_then(|a| a.parse::<i64>().ok()) {
        Some(id) => match app.db.assignment(id).await {
            Ok(a) => a.filter(|a| a.class_id == class.id),
            Err(e) => return trouble(lang, e),
        },
        None => None,
    };
    // Another class's assignment looks exactly like one that does not exist.
    let Some((assignment, feed)) = assignment.and_then(|a| app.assignment_feed(&class, &a).map(|f| (a, f))) else {
        return view! { <NotFound /> }.into_any();
    };
    let lang = class.lang;
    let l = locale(lang);
    let rounds = match app.db.rounds_of_student(student.id).await {
        Ok(r) => r,
        Err(e) => return trouble(lang, e),
    };
    let finished = rounds.into_iter().find(|r| r.assignment_id == assignment.id);
    let back = view! { <p class="crumbs"><a href=format!("/{}/class", lang.code())>{td_string!(l, pupil.back_to_class)}</a></p> };
    if results {
        let answers = query("a").and_then(|a| decode_answers(&a, feed.comments.len())).filter(|a| answers_fit(&feed, a));
        let Some(answers) = answers else {
            return view! { <BadRound lang title /> }.into_any();
        };
        let counted = finished.as_ref().map(correct_percent);
        return view! {
            <Layout lang title>
                {back}
                {counted.map(|p| view! { <p class="card notice" role="status">{text::fill(td_string!(l, pupil.counted), &[("percent", p.to_string())])}</p> })}
                <Feedback feed=(*feed).clone() answers next_seed=0 next_lesson=None />
            </Layout>
        }
        .into_any();
    }
    if class.archived_at.is_some() {
        go_to(&format!("/{}/class", lang.code()));
        return ().into_any();
    }
    // Played already: the first try counts, so the child sees those results.
    if let Some(r) = finished {
        go_to(&format!("/{}/results?assignment={}&a={}", lang.code(), assignment.id, r.answers));
        return ().into_any();
    }
    let current = match app.db.answers_of(student.id, Some(assignment.id)).await {
        Ok(c) => c,
        Err(e) => return trouble(lang, e),
    };
    let answers = answers_so_far(&current, student.id, assignment.id, feed.comments.len());
    let class_round = ClassRound { student: student.id, assignment: assignment.id, answers: crate::domain::scoring::encode_answers(&answers) };
    view! {
        <Layout lang title>
            {back}
            <Round feed=(*feed).clone() class_round />
        </Layout>
    }
    .into_any()
}
