//! The results page of a round: totals, discernment, per-category results, and every comment with its
//! verdict and the cues highlighted and explained.

use crate::domain::model::{Category, Comment, Difficulty, Feed, FeedSettings};
use crate::domain::scoring::{Answer, Outcome, ReportReason, Score, outcome, score};
use crate::i18n::Locale;
use crate::text;
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_i18n::td_string;

fn percent(x: f64) -> String {
    format!("{:.0}", (x * 100.0).round())
}

/// The results of a round (rendered on the server only).
#[component]
pub fn Feedback(
    feed: Feed,
    answers: Vec<Answer>,
    next_seed: u64,
    next_lesson: Option<(String, String)>,
    /// A teacher looking at a child's round: no ways on for the child.
    #[prop(optional)]
    replay: bool,
) -> impl IntoView {
    let l = text::locale(feed.lang);
    let again = format!("/{}/play?{}", feed.lang.code(), feed.round_query());
    let lesson = feed.lesson.clone();
    let practice = feed.practice;
    let (comments, settings, lang) = (feed.comments, feed.settings, feed.lang);
    let s = score(&comments, &answers);
    let round_url = |level: u8| {
        let next = FeedSettings { difficulty: Difficulty::new(level).unwrap_or(settings.difficulty), ..settings.clone() };
        let practice = if practice { "&practice=1" } else { "" };
        format!("/{}/play?{}{practice}", lang.code(), next.round_query(next_seed))
    };
    let level = settings.difficulty.level();
    let underflag = !s.over_flagging && s.hits + s.misses > 0 && s.hit_rate < 0.6;
    let message = if s.over_flagging {
        (td_string!(l, overflag.title), td_string!(l, overflag.body))
    } else if underflag {
        (td_string!(l, underflag.title), td_string!(l, underflag.body))
    } else {
        (td_string!(l, well_done.title), td_string!(l, well_done.body))
    };
    view! {
        <section class="card results" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1">{if replay { td_string!(l, teach.replay_heading) } else { td_string!(l, results_title) }}</h1>
            <div class="message" class:overflag=s.over_flagging class:underflag=underflag role="status">
                <h2>{message.0}</h2>
                <p>{message.1}</p>
            </div>
            <Totals l s=s.clone() />
            <details class="per-category">
            <summary>{td_string!(l, results_per_category)}</summary>
            <table class="per-category">
                <thead><tr>
                    <th scope="col">{td_string!(l, results_category)}</th>
                    <th scope="col">{td_string!(l, results_correct)}</th>
                </tr></thead>
                <tbody>
                    {s.per_category.iter().map(|c| view! {
                        <tr>
                            <th scope="row">{text::category_name(l, c.category)}</th>
                            <td>{format!("{} / {}", c.correct, c.total)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </details>
            <details class="grown-ups">
                <summary>{td_string!(l, results_grown_ups)}</summary>
                <p>{text::fill(td_string!(l, results_teacher_numbers), &[("d", format!("{:.2}", s.d_prime)), ("c", format!("{:.2}", s.criterion))])}</p>
            </details>
            {match lesson {
                _ if replay => EitherOf3::A(().into_any()),
                Some(crate::domain::model::LessonRound { assignment: Some(_), .. }) => EitherOf3::A(view! {
                    <div class="next">
                        <a class="big-button primary" href=format!("/{}/class", lang.code())>{td_string!(l, pupil.back_to_class)}</a>
                    </div>
                }.into_any()),
                Some(_) => EitherOf3::B(view! {
                    <div class="next">
                        {next_lesson.map(|(url, title)| view! {
                            <a class="big-button primary" href=url>{text::fill(td_string!(l, lesson_next), &[("title", title)])}</a>
                        })}
                        <a class="big-button" href=again>{td_string!(l, lesson_again)}</a>
                        <a class="big-button" href=format!("/{}/lessons?age={}", lang.code(), settings.age_band.id())>{td_string!(l, lesson_all)}</a>
                    </div>
                }),
                None => EitherOf3::C(view! {
                    <div class="next">
                        <a class="big-button primary" href=round_url(level)>{td_string!(l, play_again)}</a>
                        {(level < 3).then(|| view! { <a class="big-button" href=round_url(level + 1)>{td_string!(l, play_harder)}</a> })}
                        <a class="big-button" href=format!("/{}/progress", lang.code())>{td_string!(l, see_progress)}</a>
                    </div>
                }),
            }}
        </section>
        <section class="card" aria-labelledby="list-title">
            <h2 id="list-title">{td_string!(l, results_comment_list)}</h2>
            <ol class="verdicts">
                {comments.into_iter().zip(answers).map(|(c, a)| view! { <li><Verdict l c a /></li> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Totals(l: Locale, s: Score) -> impl IntoView {
    let tile = |label: String, value: String, class: &'static str| view! {
        <div class=format!("tile {class}")><span class="value">{value}</span><span class="label">{label}</span></div>
    };
    // Coloured by how the child did, not by what the tile counts: "0 spam missed" is good news.
    let (spam, real) = (s.hits + s.misses, s.false_alarms + s.correct_rejections);
    let share = |right: u32, of: u32| match (right, of) {
        (_, 0) => "neutral",
        (r, o) if r == o => "good",
        (0, _) => "bad",
        _ => "neutral",
    };
    let none_is_good = |n: u32| if n == 0 { "good" } else { "bad" };
    view! {
        <div class="totals">
            {tile(td_string!(l, results_spam_caught).to_string(), s.hits.to_string(), share(s.hits, spam))}
            {tile(td_string!(l, results_spam_missed).to_string(), s.misses.to_string(), none_is_good(s.misses))}
            {tile(td_string!(l, results_false_alarms).to_string(), s.false_alarms.to_string(), none_is_good(s.false_alarms))}
            {tile(td_string!(l, results_correct_fine).to_string(), s.correct_rejections.to_string(), share(s.correct_rejections, real))}
            {tile(td_string!(l, results_risky).to_string(), s.risky_actions.to_string(), none_is_good(s.risky_actions))}
            {tile(td_string!(l, results_reasons).to_string(), format!("{} / {}", s.correct_reasons, s.spam_reports), share(s.correct_reasons, s.spam_reports))}
        </div>
        <div class="discernment">
            <p><strong>{td_string!(l, results_discernment)} ": " {percent(s.discernment.max(0.0))}</strong></p>
            // reporting everything scores 0, and 0 is an empty bar
            <meter min="0" max="100" low="30" high="70" optimum="100" value=percent(s.discernment.max(0.0))
                aria-label=td_string!(l, results_discernment)></meter>
            <p class="help">{td_string!(l, results_discernment_help)}</p>
        </div>
    }
}

#[component]
fn Verdict(l: Locale, c: Comment, a: Answer) -> impl IntoView {
    let o = outcome(&c, &a);
    let verdict = match o {
        Outcome::Hit => td_string!(l, verdict_hit),
        Outcome::Miss => td_string!(l, verdict_miss),
        Outcome::FalseAlarm => td_string!(l, verdict_false_alarm),
        Outcome::CorrectRejection => td_string!(l, verdict_correct),
    };
    let spam = c.is_spam();
    let better_reason = a.reported.filter(|r| spam && !r.fits_comment(&c)).map(|_| {
        let best = if c.category == Category::FakeGiveaway { ReportReason::Impersonation } else { ReportReason::SpamScam };
        text::fill(td_string!(l, feedback_reason_other), &[("reason", text::reason(l, best))])
    });
    view! {
        <article class="verdict" class:right=o.correct() class:wrong=!o.correct()>
            <p class="verdict-line"><span aria-hidden="true">{if o.correct() { "✅ " } else { "❌ " }}</span>{verdict}
                " " <span class="kind">{format!("({})", text::category_name(l, c.category))}</span></p>
            <p class="who">"@" {c.author.username.clone()}</p>
            <p class="comment-text">
                {c.spans.iter().map(|s| match s.cue {
                    Some(_) => view! { <mark>{s.text.clone()}</mark> }.into_any(),
                    None => view! { <span>{s.text.clone()}</span> }.into_any(),
                }).collect_view()}
            </p>
            {
                // what the comment is and its cues; folded when the child already got it right
                let explain = view! {
                    {spam.then(|| view! { <p class="what">{text::category_what(l, c.category)}</p> })}
                    {(!c.cues().is_empty()).then(|| view! {
                        <h3>{td_string!(l, feedback_text_cues)}</h3>
                        <ul class="cues">{c.cues().into_iter().map(|q| view! { <li>{text::cue(l, q)}</li> }).collect_view()}</ul>
                    })}
                    {(spam && !c.profile_cues.is_empty()).then(|| view! {
                        <h3>{td_string!(l, feedback_profile_cues)}</h3>
                        <ul class="cues profile">{c.profile_cues.iter().map(|&q| view! { <li>{text::profile(l, q)}</li> }).collect_view()}</ul>
                    })}
                    {(!c.tricks.is_empty()).then(|| view! {
                        <h3>{td_string!(l, feedback_tricks)}</h3>
                        <ul class="cues tricks">{c.tricks.iter().map(|&t| view! { <li>{text::trick(l, t)}</li> }).collect_view()}</ul>
                    })}
                    {c.tricky.map(|t| view! {
                        <h3>{td_string!(l, feedback_why_fine)}</h3>
                        <p>{text::tricky(l, t)}</p>
                    })}
                    // a plain real comment: what makes it fine, most of all when it was reported by mistake
                    {(!spam && c.tricky.is_none()).then(|| view! {
                        <h3>{td_string!(l, feedback_why_fine)}</h3>
                        <p class="why-real">{td_string!(l, feedback_why_real)}</p>
                    })}
                };
                if o.correct() {
                    Either::Left(view! { <details class="why"><summary>{td_string!(l, feedback_why)}</summary>{explain}</details> })
                } else {
                    Either::Right(view! { <div class="why">{explain}</div> })
                }
            }
            {a.reported.map(|r| view! {
                <p class="you">{text::fill(td_string!(l, feedback_you_reported), &[("reason", text::reason(l, r))])}
                    " " {if spam && r.fits_comment(&c) { td_string!(l, feedback_reason_fits).to_string() } else { better_reason.clone().unwrap_or_default() }}</p>
            })}
            {(spam && a.clicked_link).then(|| view! { <p class="you bad">{td_string!(l, feedback_clicked)}</p> })}
            {(spam && a.replied).then(|| view! { <p class="you bad">{td_string!(l, feedback_replied)}</p> })}
            {(a.hidden || a.deleted).then(|| view! { <p class="you">{td_string!(l, feedback_you_removed)}</p> })}
            {a.pinned.then(|| if spam {
                view! { <p class="you bad">{td_string!(l, feedback_pinned_spam)}</p> }
            } else {
                view! { <p class="you good">{td_string!(l, feedback_pinned_good)}</p> }
            })}
        </article>
    }
}
