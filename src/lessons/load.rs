//! Reading `lessons/`: front matter through serde, sections, Markdown, the item bank; every
//! mistake is reported with the file and the line, and all of them at once.

use super::markdown::render;
use super::{ChildText, Exercise, Lesson, Library};
use crate::domain::corpus::{BUILTIN_SLOTS, Corpus};
use crate::domain::itembank::{Item, NEWS_CREATOR, TestForm, item_avatar, items_for, test_feed};
use crate::domain::model::{Account, AgeBand, AvatarKind, Category, Difficulty, ExerciseKind, Lang, Platform, Tricky};
use crate::domain::slots::RESERVED_TLDS;
use crate::domain::template::Template;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// A mistake in a lesson file or the item bank.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LessonError {
    pub file: String,
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// Every mistake found in `lessons/`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct LessonErrors(pub Vec<LessonError>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Spanned<String>,
    order: u32,
    title: String,
    summary: String,
    ages: Spanned<Vec<AgeBand>>,
    duration: u32,
    goals: Vec<String>,
    exercise: Spanned<ExerciseDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseDef {
    kind: ExerciseKind,
    platform: Platform,
    categories: Option<Vec<Category>>,
    difficulty: Option<Difficulty>,
    comments: Option<u8>,
    spam_percent: Option<u8>,
    seed: Option<u64>,
}

/// One file's text, for turning positions into lines.
struct Source {
    file: String,
    text: String,
}

impl Source {
    /// Windows line ends are read as plain ones, so offsets and lines agree.
    fn new(file: String, text: &str) -> Source {
        Source { file, text: text.trim_start_matches('\u{feff}').replace("\r\n", "\n") }
    }

    fn line_of_offset(&self, offset: usize) -> usize {
        self.text.get(..offset).unwrap_or(&self.text).matches('\n').count() + 1
    }

    fn error(&self, line: usize, message: impl Into<String>) -> LessonError {
        LessonError { file: self.file.clone(), line, message: message.into() }
    }
}

const SECTION: &str = ":::";

impl Library {
    /// Loads and checks every lesson under `dir` (`en/`, `nl/`), the item bank (`item-bank/`)
    /// and the helplines of the parent guides (`help/`).
    pub fn load(dir: &Path) -> Result<Library, LessonErrors> {
        let mut errors = Vec::new();
        let mut lessons: HashMap<Lang, Vec<(Lesson, String)>> = HashMap::new();
        // Files that exist but are broken: already reported, so not "missing" in the other language.
        let mut broken: Vec<String> = Vec::new();
        for lang in Lang::ALL {
            let folder = dir.join(lang.code());
            let mut files: Vec<PathBuf> = match std::fs::read_dir(&folder) {
                Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")).collect(),
                Err(e) => {
                    errors.push(LessonError { file: folder.display().to_string(), line: 0, message: format!("cannot read the lessons folder: {e}") });
                    continue;
                }
            };
            files.sort();
            for path in files {
                let file = path.display().to_string();
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        let src = Source::new(file.clone(), &text);
                        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                        match parse_lesson(&src, stem, lang) {
                            Ok(lesson) => lessons.entry(lang).or_default().push((lesson, file)),
                            Err(mut e) => {
                                broken.push(stem.to_string());
                                errors.append(&mut e)
                            }
                        }
                    }
                    Err(e) => errors.push(LessonError { file, line: 0, message: format!("cannot read the file: {e}") }),
                }
            }
        }
        check_pairs(dir, &lessons, &broken, &mut errors);

        let mut banks = HashMap::new();
        let needs_bank = lessons.values().flatten().any(|(l, _)| l.exercise.kind.is_test());
        if needs_bank {
            for lang in Lang::ALL {
                let path = dir.join("item-bank").join(format!("{}.toml", lang.code()));
                match std::fs::read_to_string(&path) {
                    Ok(text) => match parse_bank(&Source::new(path.display().to_string(), &text), lang) {
                        Ok(bank) => {
                            banks.insert(lang, bank);
                        }
                        Err(mut e) => errors.append(&mut e),
                    },
                    Err(e) => errors.push(LessonError { file: path.display().to_string(), line: 0, message: format!("the tests need the item bank: {e}") }),
                }
            }
        }
        // The moderator and the tests need the news channel to have a post on the lesson's app.
        for (lang, list) in &lessons {
            let Ok(corpus) = Corpus::builtin(*lang) else { continue };
            for (lesson, file) in list.iter().filter(|(l, _)| l.exercise.kind != ExerciseKind::Feed) {
                let has_post = corpus.creators.iter().any(|c| c.id == NEWS_CREATOR && c.posts.iter().any(|p| p.platform == lesson.exercise.platform));
                if !has_post {
                    errors.push(LessonError { file: file.clone(), line: 1, message: format!("the news channel has no {} post for this exercise", lesson.exercise.platform.id()) });
                }
            }
        }
        // Every parent guide ends with where to get help, in the reader's language and country.
        let mut help = HashMap::new();
        for lang in Lang::ALL.into_iter().filter(|l| lessons.contains_key(l)) {
            let path = dir.join("help").join(format!("{}.md", lang.code()));
            let file = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) if text.trim().is_empty() => errors.push(LessonError { file, line: 1, message: "the list of helplines is empty".into() }),
                Ok(text) => match super::markdown::render(&text, lang) {
                    Ok(html) => {
                        help.insert(lang, html);
                    }
                    Err(e) => errors.push(LessonError { file, line: e.line + 1, message: e.message }),
                },
                Err(e) => errors.push(LessonError { file, line: 0, message: format!("the parent guides need this list of helplines: {e}") }),
            }
        }
        if !errors.is_empty() {
            return Err(LessonErrors(errors));
        }
        let lessons = lessons
            .into_iter()
            .map(|(lang, list)| {
                let mut list: Vec<Lesson> = list.into_iter().map(|(l, _)| l).collect();
                list.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.id.cmp(&b.id)));
                (lang, list)
            })
            .collect();
        Ok(Library { lessons, banks, help })
    }
}

/// Every lesson exists in both languages, with the same kind of exercise and the same ages.
fn check_pairs(dir: &Path, lessons: &HashMap<Lang, Vec<(Lesson, String)>>, broken: &[String], errors: &mut Vec<LessonError>) {
    for lang in Lang::ALL {
        let other = if lang == Lang::En { Lang::Nl } else { Lang::En };
        for (lesson, file) in lessons.get(&lang).into_iter().flatten() {
            let twin = lessons.get(&other).into_iter().flatten().find(|(l, _)| l.id == lesson.id);
            match twin {
                None if broken.contains(&lesson.id) => {}
                None => errors.push(LessonError {
                    file: file.clone(),
                    line: 1,
                    message: format!("this lesson is missing in the other language: expected {}", dir.join(other.code()).join(format!("{}.md", lesson.id)).display()),
                }),
                Some((twin, twin_file)) if lang == Lang::En && (twin.exercise.kind != lesson.exercise.kind || twin.ages != lesson.ages) => {
                    errors.push(LessonError { file: file.clone(), line: 1, message: format!("the exercise kind and ages must be the same as in {twin_file}") });
                }
                _ => {}
            }
        }
    }
}

fn parse_lesson(src: &Source, stem: &str, lang: Lang) -> Result<Lesson, Vec<LessonError>> {
    let Some(rest) = src.text.strip_prefix("+++\n") else {
        return Err(vec![src.error(1, "a lesson starts with its front matter: a line `+++`, TOML, and `+++` again")]);
    };
    let Some(end) = rest.find("\n+++\n").map(|i| i + 1).or_else(|| rest.ends_with("\n+++").then(|| rest.len() - 3)) else {
        return Err(vec![src.error(1, "the front matter is not closed with a line `+++`")]);
    };
    let front_src = &rest[..end];
    let front_offset = 4;
    let body_start_line = 1 + front_src.matches('\n').count() + 2;
    let body = rest.get(end + 4..).unwrap_or("");

    let front: FrontMatter = toml::from_str(front_src).map_err(|e| {
        let line = e.span().map_or(1, |s| src.line_of_offset(front_offset + s.start));
        vec![src.error(line, e.message().to_string())]
    })?;
    let line_of = |span: std::ops::Range<usize>| src.line_of_offset(front_offset + span.start);
    let mut errors = Vec::new();
    let id_ok = front.id.get_ref().split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    if !id_ok {
        errors.push(src.error(line_of(front.id.span()), format!("the id `{}` may use only a-z, 0-9 and single dashes (it is part of web addresses)", front.id.get_ref())));
    } else if front.id.get_ref() != stem {
        errors.push(src.error(line_of(front.id.span()), format!("the id `{}` must be the file name `{stem}`", front.id.get_ref())));
    }
    if front.ages.get_ref().is_empty() {
        errors.push(src.error(line_of(front.ages.span()), "name at least one age band"));
    }
    if front.title.trim().is_empty() || front.goals.is_empty() {
        errors.push(src.error(1, "a lesson needs a title and at least one goal"));
    }
    let exercise_line = line_of(front.exercise.span());
    let exercise = match exercise(front.exercise.into_inner()) {
        Ok(e) => {
            for &age in front.ages.get_ref() {
                if !e.categories.iter().any(|c| age.allows(*c)) {
                    errors.push(src.error(exercise_line, format!("no spam category of the exercise is shown to ages {}", age.id())));
                }
            }
            Some(e)
        }
        Err(message) => {
            errors.push(src.error(exercise_line, message));
            None
        }
    };

    // Sections: `::: child [ages]`, `::: teacher`, `::: parent`.
    let mut child: Vec<(Vec<AgeBand>, usize, String)> = Vec::new();
    let mut teacher: Option<(usize, String)> = None;
    let mut parent: Option<(usize, String)> = None;
    let mut current: Option<(String, Vec<AgeBand>, usize, String)> = None;
    let mut finish = |s: Option<(String, Vec<AgeBand>, usize, String)>, errors: &mut Vec<LessonError>| {
        let Some((name, ages, line, text)) = s else { return };
        if text.trim().is_empty() {
            errors.push(src.error(line, format!("the `{SECTION} {name}` section is empty")));
        }
        match name.as_str() {
            "child" => child.push((ages, line, text)),
            "teacher" if teacher.is_none() => teacher = Some((line, text)),
            "parent" if parent.is_none() => parent = Some((line, text)),
            _ => errors.push(src.error(line, format!("the `{SECTION} {name}` section comes twice"))),
        }
    };
    // A `:::` line inside a fenced code block is text, not a new section.
    let mut fence: Option<(char, usize, usize)> = None;
    for (i, line) in body.split('\n').enumerate() {
        let n = body_start_line + i;
        if let Some(domain) = live_domain(line) {
            errors.push(src.error(n, format!("`{domain}` could be a real web address: use .example, .test or .invalid")));
        }
        fence = next_fence(fence, line, n);
        if let Some(head) = line.strip_prefix(SECTION).filter(|_| fence.is_none()) {
            let mut words = head.split_whitespace();
            let name = words.next().unwrap_or("").to_string();
            if !["child", "teacher", "parent"].contains(&name.as_str()) {
                errors.push(src.error(n, format!("unknown section `{}`: use `{SECTION} child`, `{SECTION} teacher` or `{SECTION} parent`", line.trim())));
                continue;
            }
            let mut ages = Vec::new();
            for w in words {
                match AgeBand::parse(w) {
                    Some(a) if name == "child" => ages.push(a),
                    _ => errors.push(src.error(n, format!("`{w}` is not an age band (8-10, 10-12, 12-14) of a child section"))),
                }
            }
            finish(current.take(), &mut errors);
            current = Some((name, ages, n + 1, String::new()));
        } else if let Some((_, _, _, text)) = current.as_mut() {
            text.push_str(line);
            text.push('\n');
        } else if !line.trim().is_empty() {
            errors.push(src.error(n, format!("text before the first section: start a section with `{SECTION} child`")));
        }
    }
    finish(current.take(), &mut errors);
    if let Some((_, _, opened)) = fence {
        errors.push(src.error(opened, "this code block is never closed"));
    }
    let last_line = body_start_line + body.split('\n').count().saturating_sub(1);
    if child.is_empty() {
        errors.push(src.error(last_line, format!("the `{SECTION} child` section is missing")));
    }
    for name in ["teacher", "parent"] {
        let missing = if name == "teacher" { teacher.is_none() } else { parent.is_none() };
        if missing {
            errors.push(src.error(last_line, format!("the `{SECTION} {name}` section is missing")));
        }
    }
    for &age in front.ages.get_ref() {
        let covering = child.iter().filter(|(ages, _, _)| ages.is_empty() || ages.contains(&age)).count();
        if covering == 0 && !child.is_empty() {
            errors.push(src.error(line_of(front.ages.span()), format!("no child section for ages {}: add `{SECTION} child {}`", age.id(), age.id())));
        } else if covering > 1 {
            errors.push(src.error(line_of(front.ages.span()), format!("more than one child section for ages {}", age.id())));
        }
    }

    let mut md = |(line, text): (usize, String)| match render(&text, lang) {
        Ok(html) => html,
        Err(e) => {
            errors.push(src.error(line + e.line, e.message));
            String::new()
        }
    };
    let lesson_ages = front.ages.get_ref().clone();
    let child: Vec<ChildText> = child
        .into_iter()
        .map(|(ages, line, text)| ChildText { ages: if ages.is_empty() { lesson_ages.clone() } else { ages }, html: md((line, text)) })
        .collect();
    let teacher = teacher.map(&mut md).unwrap_or_default();
    let parent = parent.map(&mut md).unwrap_or_default();
    match exercise {
        Some(exercise) if errors.is_empty() => Ok(Lesson {
            id: front.id.into_inner(),
            order: front.order,
            title: front.title,
            summary: front.summary,
            ages: lesson_ages,
            duration: front.duration,
            goals: front.goals,
            exercise,
            child,
            teacher,
            parent,
        }),
        _ => Err(errors),
    }
}

/// Whether a line opens or closes a fenced code block (CommonMark: up to three spaces of indent,
/// three or more backticks or tildes; closed by the same character, at least as many, alone).
fn next_fence(open: Option<(char, usize, usize)>, line: &str, n: usize) -> Option<(char, usize, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let Some(c) = rest.chars().next().filter(|c| (*c == '`' || *c == '~') && indent <= 3) else { return open };
    let run = rest.chars().take_while(|x| *x == c).count();
    if run < 3 {
        return open;
    }
    match open {
        None => Some((c, run, n)),
        Some((oc, orun, _)) if oc == c && run >= orun && rest[run..].trim().is_empty() => None,
        other => other,
    }
}

fn exercise(def: ExerciseDef) -> Result<Exercise, String> {
    if def.kind.is_test() {
        // The tests take their comments from the item bank.
        return Ok(Exercise {
            kind: def.kind,
            platform: def.platform,
            categories: Category::SPAM.to_vec(),
            difficulty: def.difficulty.unwrap_or(Difficulty::ALL[1]),
            comments: 0,
            spam_percent: 0,
            seed: 0,
        });
    }
    let (Some(categories), Some(difficulty), Some(comments), Some(spam_percent), Some(seed)) =
        (def.categories, def.difficulty, def.comments, def.spam_percent, def.seed)
    else {
        return Err("a feed exercise needs categories, difficulty, comments, spam_percent and seed".into());
    };
    if categories.is_empty() || categories.contains(&Category::Legit) {
        return Err("categories lists spam categories (adult_bot, fake_giveaway, free_currency, crypto, self_promo, phishing, chain_letter, romance)".into());
    }
    if !(4..=40).contains(&comments) {
        return Err(format!("comments must be between 4 and 40, not {comments}"));
    }
    if !(10..=80).contains(&spam_percent) {
        return Err(format!("spam_percent must be between 10 and 80, not {spam_percent}"));
    }
    Ok(Exercise { kind: def.kind, platform: def.platform, categories, difficulty, comments, spam_percent, seed })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BankFile {
    item: Vec<Spanned<ItemDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemDef {
    form: TestForm,
    category: Category,
    difficulty: Difficulty,
    ages: Option<Vec<AgeBand>>,
    text: Spanned<String>,
    username: String,
    display_name: String,
    avatar: AvatarKind,
    age_days: u32,
    posts: u32,
    followers: u32,
    following: u32,
    bio: String,
    bio_link: Option<String>,
    verified: bool,
    tricky: Option<Tricky>,
}

/// Fewest spam and real comments a test has for every age band.
const MIN_PER_KIND: usize = 5;

fn parse_bank(src: &Source, lang: Lang) -> Result<Vec<Item>, Vec<LessonError>> {
    let file: BankFile = toml::from_str(&src.text).map_err(|e| {
        let line = e.span().map_or(1, |s| src.line_of_offset(s.start));
        vec![src.error(line, e.message().to_string())]
    })?;
    let mut errors = Vec::new();
    let mut items = Vec::new();
    for spanned in file.item {
        let item_line = src.line_of_offset(spanned.span().start);
        let def = spanned.into_inner();
        let text_line = src.line_of_offset(def.text.span().start);
        let template = match Template::parse(def.text.get_ref()) {
            Ok(t) => t,
            Err(e) => {
                errors.push(src.error(text_line, format!("in the text: {e}")));
                continue;
            }
        };
        if let Some(slot) = template.slots().into_iter().find(|s| !BUILTIN_SLOTS.contains(s)) {
            errors.push(src.error(text_line, format!("unknown slot {{{slot}}}: the item bank uses the built-in slots only")));
        }
        for t in [def.text.get_ref(), &def.bio, def.bio_link.as_deref().unwrap_or("")] {
            if let Some(domain) = live_domain(t) {
                errors.push(src.error(text_line, format!("`{domain}` could be a real web address: use .example, .test or .invalid")));
            }
        }
        if def.category.is_spam() == def.tricky.is_some() && def.tricky.is_some() {
            errors.push(src.error(item_line, "only real comments (category = \"legit\") can be tricky"));
        }
        items.push(Item {
            form: def.form,
            category: def.category,
            difficulty: def.difficulty,
            ages: def.ages.unwrap_or_else(|| AgeBand::ALL.to_vec()),
            text: template,
            account: Account {
                avatar: item_avatar(def.avatar, &def.display_name, &def.username),
                username: def.username,
                display_name: def.display_name,
                age_days: def.age_days,
                posts: def.posts,
                followers: def.followers,
                following: def.following,
                bio: def.bio,
                bio_link: def.bio_link.filter(|l| !l.is_empty()),
                verified: def.verified,
                is_creator: false,
            },
            tricky: def.tricky,
        });
    }
    if errors.is_empty() {
        for form in [TestForm::Pre, TestForm::Post] {
            for age in AgeBand::ALL {
                let (spam, real) = items_for(&items, form, age).fold((0, 0), |(s, r), i| if i.category.is_spam() { (s + 1, r) } else { (s, r + 1) });
                if spam < MIN_PER_KIND || real < MIN_PER_KIND {
                    errors.push(src.error(1, format!("the {form:?} test for ages {} has {spam} spam and {real} real comments; it needs at least {MIN_PER_KIND} of each", age.id())));
                }
                if age == AgeBand::Age8To10 && items_for(&items, form, age).any(|i| i.category == Category::AdultBot) {
                    errors.push(src.error(1, "adult_bot items are not for ages 8-10: give them ages = [\"10-12\", \"12-14\"]"));
                }
            }
        }
        let corpus = Corpus::builtin(lang).map_err(|e| vec![src.error(1, e.to_string())])?;
        for form in [TestForm::Pre, TestForm::Post] {
            for age in AgeBand::ALL {
                if test_feed(corpus, &items, form, age, Platform::Video).is_none() {
                    errors.push(src.error(1, "the news channel has no video post to put the test under"));
                }
            }
        }
    }
    if errors.is_empty() { Ok(items) } else { Err(errors) }
}

/// A web address in the text that is not on a reserved domain.
fn live_domain(text: &str) -> Option<String> {
    const TLDS: [&str; 14] = ["com", "nl", "net", "org", "io", "gg", "ly", "co", "me", "xyz", "app", "tv", "be", "uk"];
    text.split(|c: char| c.is_whitespace() || "()[]{}<>\"',!?".contains(c)).find_map(|word| {
        let word = word.trim_end_matches(['.', ':', ';']);
        let host = word.split("://").last()?.split('/').next()?;
        let tld = host.rsplit('.').next()?.to_ascii_lowercase();
        let looks_like_url = word.contains("://") || word.starts_with("www.") || (host.contains('.') && TLDS.contains(&tld.as_str()));
        (looks_like_url && !RESERVED_TLDS.contains(&tld.as_str())).then(|| word.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_domains_are_caught_and_reserved_ones_pass() {
        assert_eq!(live_domain("go to free-bloxies.com/claim now"), Some("free-bloxies.com/claim".into()));
        assert_eq!(live_domain("see https://x.example/a and www.y.test"), None);
        assert_eq!(live_domain("https://real.site/login"), Some("https://real.site/login".into()));
        assert_eq!(live_domain("I like it.So much"), None);
    }
}
