//! The classroom server under load: 1,000 simulated students each answer one comment every 5 s
//! and load a page every 10 s (alternately `/nl/class` and `/nl/play`), their start times spread
//! evenly, against the real server started in-process on a fresh durable SQLite database (WAL,
//! synchronous=FULL). Prints latency percentiles per kind of request, the errors, and checks that
//! every acknowledged answer is in the database. Aims (printed, not asserted): p95 ≤ 50 ms and no
//! errors. Exits non-zero only when the setup fails.
//!
//! Run: `make load` (or `cargo bench --features ssr --bench load`). Settings:
//! `LOAD_SECONDS` (default 60), `LOAD_STUDENTS` (default 1000), `LOAD_CLASSES` (default: as
//! few classes as hold them, at 200 a class; more spreads them round-robin), `LOAD_PAGES`
//! (default 1; 0 sends the answers only, to see the write path alone).

use feedwise::domain::scoring::{Answer, ReportReason, encode_answers};
use feedwise::server::AppState;
use feedwise::server::db::AnswerIn;
use feedwise::settings::Settings;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request, header};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::time::Instant;

type Http = Client<HttpConnector, Full<Bytes>>;

const ANSWER_EVERY: Duration = Duration::from_secs(5);
const PAGE_EVERY: Duration = Duration::from_secs(10);
const TIMEOUT: Duration = Duration::from_secs(5);
/// A request that starts this much after its planned time counts as late (the client fell behind).
const LATE: Duration = Duration::from_millis(100);
const TARGET_P95_MS: f64 = 50.0;
const LESSON: &str = "what-is-spam";
const JOIN_CONCURRENCY: usize = 16;

fn env_num(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) if !v.trim().is_empty() => v.trim().parse().unwrap_or_else(|_| {
            eprintln!("{name}={v} is not a number; using {default}");
            default
        }),
        _ => default,
    }
}

/// Percent-encodes a form value.
fn form_value(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

struct Reply {
    status: u16,
    headers: hyper::HeaderMap,
    body: Bytes,
}

impl Reply {
    fn location(&self) -> &str {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The session cookie the response sets, as `name=value` for a Cookie header.
    fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("feedwise="))
            .map(|v| v.split(';').next().unwrap_or("").to_string())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).to_string()
    }
}

/// One request, the whole body read.
async fn send(http: &Http, base: &str, method: Method, path: &str, cookie: Option<&str>, content_type: Option<&str>, body: String) -> Result<Reply, String> {
    let mut req = Request::builder().method(method).uri(format!("{base}{path}"));
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    if let Some(t) = content_type {
        req = req.header(header::CONTENT_TYPE, t);
    }
    // What a browser sends: the server compresses pages, as it would for a child's browser.
    req = req.header(header::ACCEPT_ENCODING, "gzip");
    let req = req.body(Full::new(Bytes::from(body))).map_err(|e| format!("request: {e}"))?;
    let res = http.request(req).await.map_err(|e| format!("connection: {e:?}"))?;
    let status = res.status().as_u16();
    let (parts, body) = res.into_parts();
    let body = body.collect().await.map_err(|e| format!("body: {e}"))?.to_bytes();
    Ok(Reply { status, headers: parts.headers, body })
}

async fn post_form(http: &Http, base: &str, path: &str, cookie: Option<&str>, body: String) -> Result<Reply, String> {
    send(http, base, Method::POST, path, cookie, Some("application/x-www-form-urlencoded"), body).await
}

struct ClassSetup {
    id: i64,
    assignment: i64,
    feed_len: usize,
}

struct Student {
    index: usize,
    cookie: String,
    class: usize,
}

struct Setup {
    classes: Vec<ClassSetup>,
    students: Vec<Student>,
}

fn check(what: &str, r: &Reply, ok: impl Fn(&Reply) -> bool) -> Result<(), String> {
    if ok(r) { Ok(()) } else { Err(format!("{what}: HTTP {} location '{}' body '{}'", r.status, r.location(), r.text().chars().take(200).collect::<String>())) }
}

/// A teacher, `classes` classes each with the lesson assigned, and `students` children who joined.
async fn set_up(http: &Http, base: &str, state: &AppState, classes: usize, students: usize) -> Result<Setup, String> {
    let started = Instant::now();
    let pw = "correct-horse-battery-1";
    let r = post_form(http, base, "/do/signup", None, format!("lang=nl&email={}&password={pw}&password2={pw}", form_value("load@school.example"))).await?;
    check("teacher sign-up", &r, |r| r.status == 303 && r.location() == "/nl/teacher")?;
    let teacher = r.session_cookie().ok_or("sign-up set no session cookie")?;

    let mut made = Vec::new();
    let mut codes = Vec::new();
    for c in 0..classes {
        let r = post_form(http, base, "/do/classes", Some(&teacher), format!("lang=nl&name=Load+{c}&age=10-12&class_lang=nl")).await?;
        check("creating a class", &r, |r| r.status == 303 && r.location().starts_with("/nl/teacher/classes/"))?;
        let id: i64 = r.location().rsplit('/').next().and_then(|s| s.parse().ok()).ok_or("no class id in the redirect")?;
        let r = post_form(http, base, &format!("/do/classes/{id}/assign"), Some(&teacher), format!("lang=nl&lesson={LESSON}&level=1&due=")).await?;
        check("assigning the lesson", &r, |r| r.status == 303 && r.location().contains("done=assigned"))?;
        let class = state.db.class(id).await.map_err(|e| e.to_string())?.ok_or("the class is not in the database")?;
        let assignment = state
            .db
            .assignments_of(id)
            .await
            .map_err(|e| e.to_string())?
            .into_iter()
            .find(|a| a.lesson_id == LESSON)
            .ok_or("the assignment is not in the database")?;
        let feed_len = state.assignment_feed(&class, &assignment).ok_or("no feed for the assignment")?.comments.len();
        if feed_len == 0 {
            return Err("the assignment's feed has no comments".into());
        }
        codes.push(class.code.clone());
        made.push(ClassSetup { id, assignment: assignment.id, feed_len });
    }
    println!("setup: teacher, {classes} class(es) and assignment(s) in {:.2} s (includes one Argon2 hash)", started.elapsed().as_secs_f64());

    // Children join, a few at a time (as a class does when the teacher shows the code).
    let started = Instant::now();
    let codes = Arc::new(codes);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..JOIN_CONCURRENCY.min(students.max(1)) {
        let (http, base, codes, next) = (http.clone(), base.to_string(), codes.clone(), next.clone());
        workers.spawn(async move {
            let mut joined = Vec::new();
            loop {
                let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if index >= students {
                    return Ok::<_, String>(joined);
                }
                let class = index % codes.len();
                let t = Instant::now();
                let body = format!("lang=nl&code={}&name={}", form_value(&codes[class]), form_value(&format!("Load kid {index}")));
                let r = post_form(&http, &base, "/do/join", None, body).await?;
                check(&format!("joining as 'Load kid {index}'"), &r, |r| r.status == 303 && r.location() == "/nl/class")?;
                let cookie = r.session_cookie().ok_or("joining set no session cookie")?;
                joined.push((Student { index, cookie, class }, t.elapsed()));
            }
        });
    }
    let mut all = Vec::new();
    let mut join_times = Vec::new();
    while let Some(done) = workers.join_next().await {
        for (s, t) in done.map_err(|e| e.to_string())?? {
            all.push(s);
            join_times.push(t.as_micros() as u64);
        }
    }
    all.sort_by_key(|s| s.index);
    let secs = started.elapsed().as_secs_f64();
    join_times.sort_unstable();
    println!(
        "setup: {students} students joined in {secs:.2} s ({:.0} joins/s, {JOIN_CONCURRENCY} at a time; join latency p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms)",
        students as f64 / secs.max(1e-9),
        pct(&join_times, 0.50),
        pct(&join_times, 0.95),
        pct(&join_times, 1.0),
    );
    Ok(Setup { classes: made, students: all })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Answer,
    ClassPage,
    PlayPage,
}

struct Sample {
    kind: Kind,
    /// When it was sent, since the measured period started.
    at: Duration,
    micros: u64,
    ok: bool,
}

#[derive(Default)]
struct Tally {
    samples: Vec<Sample>,
    status_errors: u64,
    connection_errors: u64,
    timeouts: u64,
    bad_replies: u64,
    examples: Vec<String>,
    /// The sum of N over the `ok N` replies: answer rows the server says it stored.
    acknowledged: u64,
    late: u64,
    max_lag: Duration,
    page_bytes: u64,
}

impl Tally {
    fn error(&mut self, message: String) {
        if self.examples.len() < 5 {
            self.examples.push(message);
        }
    }

    fn merge(&mut self, other: Tally) {
        self.samples.extend(other.samples);
        self.status_errors += other.status_errors;
        self.connection_errors += other.connection_errors;
        self.timeouts += other.timeouts;
        self.bad_replies += other.bad_replies;
        for e in other.examples {
            self.error(e);
        }
        self.acknowledged += other.acknowledged;
        self.late += other.late;
        self.max_lag = self.max_lag.max(other.max_lag);
        self.page_bytes += other.page_bytes;
    }

    fn errors(&self) -> u64 {
        self.status_errors + self.connection_errors + self.timeouts + self.bad_replies
    }
}

/// Sends one request at its planned time and records how it went.
async fn timed(kind: Kind, planned: Instant, t0: Instant, tally: &mut Tally, request: impl Future<Output = Result<Reply, String>>) -> Option<Reply> {
    let start = Instant::now();
    let lag = start.saturating_duration_since(planned);
    tally.max_lag = tally.max_lag.max(lag);
    if lag > LATE {
        tally.late += 1;
    }
    let result = tokio::time::timeout(TIMEOUT, request).await;
    let micros = start.elapsed().as_micros() as u64;
    let at = start.saturating_duration_since(t0);
    match result {
        Err(_) => {
            tally.timeouts += 1;
            tally.error(format!("{kind:?}: no reply within {} s", TIMEOUT.as_secs()));
            tally.samples.push(Sample { kind, at, micros, ok: false });
            None
        }
        Ok(Err(e)) => {
            tally.connection_errors += 1;
            tally.error(format!("{kind:?}: {e}"));
            tally.samples.push(Sample { kind, at, micros, ok: false });
            None
        }
        Ok(Ok(r)) if !(200..300).contains(&r.status) => {
            tally.status_errors += 1;
            tally.error(format!("{kind:?}: HTTP {} {}", r.status, r.text().chars().take(120).collect::<String>()));
            tally.samples.push(Sample { kind, at, micros, ok: false });
            None
        }
        Ok(Ok(r)) => {
            tally.samples.push(Sample { kind, at, micros, ok: true });
            Some(r)
        }
    }
}

/// A student's answers: one every `ANSWER_EVERY`, round-robin over the feed's comments.
async fn answer_loop(http: Http, base: String, s: Arc<Student>, class: Arc<ClassSetup>, n_students: usize, t0: Instant, end: Instant) -> Tally {
    let mut tally = Tally::default();
    let fine = encode_answers(&[Answer { looks_fine: true, ..Answer::default() }]);
    let report = encode_answers(&[Answer { reported: Some(ReportReason::SpamScam), ..Answer::default() }]);
    let mut planned = t0 + ANSWER_EVERY.mul_f64(s.index as f64 / n_students as f64);
    let mut n: u64 = 0;
    while planned < end {
        tokio::time::sleep_until(planned).await;
        let comment = n as usize % class.feed_len;
        let answer = if (n + s.index as u64).is_multiple_of(3) { &report } else { &fine };
        let line = format!("a ld{:05}n{n:06} {} {comment} {} {answer}", s.index, class.assignment, n + 1);
        let req = send(&http, &base, Method::POST, "/api/answers", Some(&s.cookie), Some("text/plain; charset=utf-8"), line);
        if let Some(r) = timed(Kind::Answer, planned, t0, &mut tally, req).await {
            match r.text().strip_prefix("ok ").and_then(|n| n.split_whitespace().next()?.parse::<u64>().ok()) {
                Some(stored) => tally.acknowledged += stored,
                None => {
                    tally.bad_replies += 1;
                    tally.error(format!("Answer: unexpected reply '{}'", r.text()));
                    if let Some(last) = tally.samples.last_mut() {
                        last.ok = false;
                    }
                }
            }
        }
        n += 1;
        planned += ANSWER_EVERY;
    }
    tally
}

/// A student's page loads: one every `PAGE_EVERY`, the class page and the round in turn.
async fn page_loop(http: Http, base: String, s: Arc<Student>, class: Arc<ClassSetup>, n_students: usize, t0: Instant, end: Instant) -> Tally {
    let mut tally = Tally::default();
    let mut planned = t0 + PAGE_EVERY.mul_f64(s.index as f64 / n_students as f64);
    let mut k = s.index;
    while planned < end {
        tokio::time::sleep_until(planned).await;
        let (kind, path) = if k.is_multiple_of(2) { (Kind::ClassPage, "/nl/class".to_string()) } else { (Kind::PlayPage, format!("/nl/play?assignment={}", class.assignment)) };
        let req = send(&http, &base, Method::GET, &path, Some(&s.cookie), None, String::new());
        if let Some(r) = timed(kind, planned, t0, &mut tally, req).await {
            tally.page_bytes += r.body.len() as u64;
        }
        k += 1;
        planned += PAGE_EVERY;
    }
    tally
}

/// The p-th percentile (0..=1) of sorted microseconds, in milliseconds.
fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i] as f64 / 1000.0
}

fn latencies<'a>(samples: impl Iterator<Item = &'a Sample>) -> Vec<u64> {
    let mut v: Vec<u64> = samples.filter(|s| s.ok).map(|s| s.micros).collect();
    v.sort_unstable();
    v
}

/// This process's CPU time (user + system), from /proc (Linux; 100 ticks a second).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // Fields 14 and 15 of the file; `rest` starts at field 3.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Median of `runs` timings of `f`, in milliseconds.
async fn median_ms<F, Fut>(runs: usize, mut f: F) -> f64
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut t = Vec::new();
    for i in 0..runs {
        let start = Instant::now();
        f(i).await;
        t.push(start.elapsed().as_micros() as u64);
    }
    t.sort_unstable();
    pct(&t, 0.5)
}

fn row(name: &str, all: usize, errors: u64, rate: f64, planned: f64, lat: &[u64]) -> String {
    format!(
        "  {name:<16} {all:>8} {rate:>9.1} {planned:>9.1} {:>8.1} {:>8.1} {:>8.1} {:>8.1} {errors:>7}",
        pct(lat, 0.50),
        pct(lat, 0.95),
        pct(lat, 0.99),
        pct(lat, 1.0)
    )
}

#[tokio::main]
async fn main() -> ExitCode {
    let seconds = env_num("LOAD_SECONDS", 60).max(1);
    let n_students = env_num("LOAD_STUDENTS", 1000).max(1) as usize;
    // A class takes at most MAX_STUDENTS_PER_CLASS children: by default as few classes as hold them.
    let fewest = n_students.div_ceil(feedwise::server::MAX_STUDENTS_PER_CLASS as usize);
    let n_classes = (env_num("LOAD_CLASSES", fewest as u64) as usize).clamp(fewest, n_students.max(1));
    let pages_on = env_num("LOAD_PAGES", 1) != 0;
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());

    // The real server, in this process, on a fresh data folder.
    let data = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot make a temporary data folder: {e}");
            return ExitCode::FAILURE;
        }
    };
    let settings = Settings::local("127.0.0.1:0".parse().unwrap(), data.path().join("data"), "lessons".into(), "target/site".into());
    let (router, state) = match feedwise::startup::build_with_state(&settings).await {
        Ok(x) => x,
        Err(e) => {
            eprintln!("the server does not start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(settings.addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).await });
    let base = format!("http://{addr}");
    let http: Http = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(4 * n_students + 64)
        .pool_idle_timeout(Duration::from_secs(90))
        .build_http();

    println!("Feedwise load test: {n_students} students, {seconds} s, {cores} cores, database in {}", data.path().display());
    let setup = match set_up(&http, &base, &state, n_classes, n_students).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("setup failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let feed_lens: Vec<usize> = setup.classes.iter().map(|c| c.feed_len).collect();
    println!(
        "lesson '{LESSON}' level 1: a feed of {} comments; each student answers one every {} s and loads a page every {} s",
        feed_lens[0],
        ANSWER_EVERY.as_secs(),
        PAGE_EVERY.as_secs()
    );

    // The measured period.
    let duration = Duration::from_secs(seconds);
    let t0 = Instant::now() + Duration::from_millis(500);
    let end = t0 + duration;
    let classes: Vec<Arc<ClassSetup>> = setup.classes.into_iter().map(Arc::new).collect();
    let class_ids: Vec<i64> = classes.iter().map(|c| c.id).collect();
    let mut tasks = tokio::task::JoinSet::new();
    for s in setup.students {
        let s = Arc::new(s);
        let class = classes[s.class].clone();
        tasks.spawn(answer_loop(http.clone(), base.clone(), s.clone(), class.clone(), n_students, t0, end));
        if pages_on {
            tasks.spawn(page_loop(http.clone(), base.clone(), s, class, n_students, t0, end));
        }
    }
    tokio::time::sleep_until(t0).await;
    let cpu_before = cpu_seconds();
    let mut tally = Tally::default();
    while let Some(t) = tasks.join_next().await {
        match t {
            Ok(t) => tally.merge(t),
            Err(e) => tally.error(format!("a student task failed: {e}")),
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_before.zip(cpu_seconds()).map(|(a, b)| b - a);
    let secs = duration.as_secs_f64();

    // The report.
    let of = |k: Kind| tally.samples.iter().filter(move |s| s.kind == k);
    let answers = latencies(of(Kind::Answer));
    let class_pages = latencies(of(Kind::ClassPage));
    let play_pages = latencies(of(Kind::PlayPage));
    let pages = latencies(tally.samples.iter().filter(|s| s.kind != Kind::Answer));
    let overall = latencies(tally.samples.iter());
    let count = |k: Kind| tally.samples.iter().filter(|s| s.kind == k).count();
    let failed = |f: &dyn Fn(&Sample) -> bool| tally.samples.iter().filter(|s| !s.ok && f(s)).count() as u64;
    let n = tally.samples.len();
    let n_pages = count(Kind::ClassPage) + count(Kind::PlayPage);
    let students = n_students as f64;
    let page_share = if pages_on { 1.0 } else { 0.0 };
    println!();
    println!("== Feedwise load test ==");
    println!("machine:   {cores} cores (server and simulated students share them)");
    println!(
        "students:  {n_students} in {n_classes} class(es), feed of {} comments{}",
        feed_lens[0],
        if pages_on { "" } else { "; LOAD_PAGES=0: answers only" }
    );
    println!("duration:  {seconds} s measured (all replies in after {wall:.1} s)");
    println!("latency:   send → whole body read, successful requests, milliseconds");
    println!();
    println!("  {:<16} {:>8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7}", "kind", "requests", "rate/s", "planned/s", "p50", "p95", "p99", "max", "errors");
    println!("{}", row("answers", count(Kind::Answer), failed(&|s| s.kind == Kind::Answer), count(Kind::Answer) as f64 / secs, students / 5.0, &answers));
    println!("{}", row("pages", n_pages, failed(&|s| s.kind != Kind::Answer), n_pages as f64 / secs, page_share * students / 10.0, &pages));
    println!("{}", row("  /nl/class", count(Kind::ClassPage), failed(&|s| s.kind == Kind::ClassPage), count(Kind::ClassPage) as f64 / secs, page_share * students / 20.0, &class_pages));
    println!("{}", row("  /nl/play", count(Kind::PlayPage), failed(&|s| s.kind == Kind::PlayPage), count(Kind::PlayPage) as f64 / secs, page_share * students / 20.0, &play_pages));
    println!("{}", row("overall", n, failed(&|_| true), n as f64 / secs, students * (0.2 + 0.1 * page_share), &overall));
    println!();
    println!(
        "errors:    {} (non-2xx: {}, connection: {}, timeouts > {} s: {}, unexpected answer replies: {})",
        tally.errors(),
        tally.status_errors,
        tally.connection_errors,
        TIMEOUT.as_secs(),
        tally.timeouts,
        tally.bad_replies
    );
    for e in &tally.examples {
        println!("           e.g. {e}");
    }
    println!("schedule:  {} requests started more than {} ms late; the latest {:.0} ms late", tally.late, LATE.as_millis(), tally.max_lag.as_secs_f64() * 1000.0);
    if n_pages > 0 {
        println!("pages:     {:.1} KB a page on average (gzip)", tally.page_bytes as f64 / (n_pages - failed(&|s| s.kind != Kind::Answer) as usize).max(1) as f64 / 1024.0);
    }
    if let Some(cpu) = cpu {
        println!("CPU:       {cpu:.1} s in {wall:.1} s = {:.2} of {cores} cores busy ({:.0}%), server and clients together", cpu / wall, 100.0 * cpu / wall / cores.max(1) as f64);
    }

    println!();
    println!("over time (10 s windows, p50 / p95 ms):");
    println!("  {:>9} {:>8} {:>17} {:>8} {:>17}", "window", "answers", "p50 / p95", "pages", "p50 / p95");
    let mut w = 0;
    while w * 10 < seconds {
        let range = Duration::from_secs(w * 10)..Duration::from_secs((w + 1) * 10);
        let a = latencies(tally.samples.iter().filter(|s| s.kind == Kind::Answer && range.contains(&s.at)));
        let p = latencies(tally.samples.iter().filter(|s| s.kind != Kind::Answer && range.contains(&s.at)));
        println!(
            "  {:>3}-{:>3} s {:>8} {:>7.1} / {:>7.1} {:>8} {:>7.1} / {:>7.1}",
            range.start.as_secs(),
            range.end.as_secs(),
            a.len(),
            pct(&a, 0.5),
            pct(&a, 0.95),
            p.len(),
            pct(&p, 0.5),
            pct(&p, 0.95)
        );
        w += 1;
    }

    // Every acknowledged answer must be on disk, once.
    let mut stored: i64 = 0;
    let mut student_ids = Vec::new();
    let mut db_error = None;
    for &id in &class_ids {
        match state.db.students_of(id).await {
            Ok(list) => student_ids.extend(list.iter().map(|s| s.id)),
            Err(e) => db_error = Some(e.to_string()),
        }
    }
    for &id in &student_ids {
        match state.db.answer_count(id).await {
            Ok(c) => stored += c,
            Err(e) => db_error = Some(e.to_string()),
        }
    }
    println!();
    let verdict = if db_error.is_none() && stored as u64 == tally.acknowledged { "MATCH" } else { "MISMATCH" };
    println!("database:  {stored} answer rows for {} students; {} acknowledged (sum of 'ok N') → {verdict}", student_ids.len(), tally.acknowledged);
    let unanswered = failed(&|s| s.kind == Kind::Answer);
    match (stored as u64).cmp(&tally.acknowledged) {
        std::cmp::Ordering::Greater => println!(
            "           {} rows more than acknowledged: stored answers whose reply never arrived ({unanswered} answer requests failed). \
             A browser resends those under the same key, so each would still be stored once.",
            stored as u64 - tally.acknowledged
        ),
        std::cmp::Ordering::Less => println!("           {} ACKNOWLEDGED ANSWERS ARE NOT IN THE DATABASE", tally.acknowledged - stored as u64),
        std::cmp::Ordering::Equal => {}
    }
    if let Some(e) = db_error {
        println!("           reading the database failed: {e}");
    }

    let p95 = |v: &[u64]| pct(v, 0.95);
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    let aim = |v: &[u64]| if v.is_empty() { "none succeeded: MISSED".to_string() } else { format!("{:.1} ms {}", p95(v), verdict(p95(v) <= TARGET_P95_MS)) };
    println!(
        "aims:      p95 ≤ {TARGET_P95_MS} ms: answers {}, pages {}, overall {}; zero errors: {}",
        aim(&answers),
        if pages_on { aim(&pages) } else { "not loaded".to_string() },
        aim(&overall),
        verdict(tally.errors() == 0)
    );

    // Where the time goes: the database calls behind the requests, one at a time on the idle
    // server, at the size the database has now (run after the count above: they add rows).
    if let (Some(&class_id), Some(&student_id)) = (class_ids.first(), student_ids.first()) {
        let db = &state.db;
        let rows = db.answers_in_progress(class_id).await.map(|c| c.len()).unwrap_or(0);
        println!();
        println!("diagnostics (median of direct calls on the idle server, ms):");
        let t = median_ms(20, |_| async move { let _ = db.student(student_id).await; let _ = db.class(class_id).await; }).await;
        println!("  student + class lookup (every student request) {t:>8.3}");
        let assignment = classes[0].assignment;
        let t = median_ms(20, |_| async move { let _ = db.assignment(assignment).await; }).await;
        println!("  assignment lookup (every answer)               {t:>8.3}");
        let t = median_ms(20, |i| async move {
            let a = AnswerIn { key: format!("diag-{i:08}"), assignment_id: assignment, comment: 0, seq: 1_000_000 + i as i64, answer: encode_answers(&[Answer::default()]) };
            let _ = db.save_answers(student_id, &[a]).await;
        })
        .await;
        println!("  save_answers, 1 row (a durable commit)         {t:>8.3}");
        let t = median_ms(20, |_| async move { let _ = db.assignments_of(class_id).await; let _ = db.rounds_of_student(student_id).await; }).await;
        println!("  assignments_of + rounds_of_student (pages)     {t:>8.3}");
        let t = median_ms(20, |_| async move { let _ = db.answers_of(student_id, None).await; }).await;
        println!("  answers_of(student) (the child's pages)        {t:>8.3}");
        let t = median_ms(10, |_| async move { let _ = db.answers_in_progress(class_id).await; }).await;
        println!("  {:<46} {t:>8.3}", format!("answers_in_progress(class): {rows} rows (live view)"));
    }

    server.abort();
    state.db.sqlite_pool().close().await;
    drop(data);
    ExitCode::SUCCESS
}
