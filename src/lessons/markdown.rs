//! Lesson Markdown to safe HTML: pulldown-cmark renders, raw HTML is turned into text, only links
//! to Feedwise's own pages are allowed, ```` ```comment ```` blocks become example comments, and
//! ammonia cleans the result once more with a short list of allowed tags.

use crate::domain::model::Lang;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::sync::OnceLock;

/// A mistake in a section, at a line counted from the start of the section.
#[derive(Debug)]
pub struct MarkdownError {
    pub line: usize,
    pub message: String,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An example comment, as in the app: the account on the first line, the comment below.
fn example_comment(kind: &str, body: &str, lang: Lang) -> Result<String, String> {
    let label = match (kind, lang) {
        ("spam", _) => "Spam",
        ("fine", Lang::En) => "Real comment",
        ("fine", Lang::Nl) => "Echte reactie",
        _ => return Err(format!("an example comment is `comment spam` or `comment fine`, not `comment {kind}`")),
    };
    let mut lines = body.lines();
    let who = lines.next().unwrap_or("").trim();
    if who.is_empty() {
        return Err("the first line of an example comment is the account (@name or display name)".into());
    }
    let text = lines.map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err("an example comment needs its text below the account".into());
    }
    Ok(format!(
        "<figure class=\"example-comment {kind}\"><div class=\"who\">{}</div><p class=\"text\">{}</p><figcaption>{label}</figcaption></figure>",
        escape(who),
        escape(&text)
    ))
}

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        b.add_tags([
            "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "del", "blockquote", "code", "pre", "br", "hr", "a",
            "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "div",
        ])
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("ol", ["start"])
        .add_allowed_classes("figure", ["example-comment", "spam", "fine"])
        .add_allowed_classes("div", ["who"])
        .add_allowed_classes("p", ["text"])
        .url_schemes(std::collections::HashSet::new())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None);
        b
    })
}

/// Renders one section. `src` is the section's Markdown.
pub fn render(src: &str, lang: Lang) -> Result<String, MarkdownError> {
    let line_at = |offset: usize| src[..offset.min(src.len())].matches('\n').count();
    let mut events: Vec<Event> = Vec::new();
    let mut example: Option<(String, String, usize)> = None;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        let fail = |message: String| MarkdownError { line: line_at(range.start), message };
        if let Some((kind, body, start)) = example.as_mut() {
            match event {
                Event::Text(t) => body.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let html = example_comment(kind, body, lang).map_err(|message| MarkdownError { line: line_at(*start), message })?;
                    events.push(Event::Html(CowStr::from(html)));
                    example = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if info.starts_with("comment") => {
                let kind = info.trim_start_matches("comment").trim().to_string();
                example = Some((kind, String::new(), range.start));
            }
            // Raw HTML is shown as the text it is, never passed through.
            Event::Html(s) | Event::InlineHtml(s) => events.push(Event::Text(s)),
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                // Browsers read `//x`, `/\x` and `/<tab>/x` as another site: only plain paths pass.
                let plain = dest_url.chars().all(|c| !c.is_whitespace() && !c.is_control() && c != '\\');
                if !plain || !dest_url.starts_with('/') || dest_url.starts_with("//") {
                    return Err(fail(format!("links may only go to pages of Feedwise (starting with /), not `{dest_url}`")));
                }
                events.push(event);
            }
            Event::Start(Tag::Image { .. }) => return Err(fail("lessons have no images".into())),
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => {
                return Err(fail("use ## or ### for headings: the page shows the title as its main heading".into()));
            }
            other => events.push(other),
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    Ok(cleaner().clean(&out).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_and_scripts_never_reach_the_page() {
        let html = render("Hello <script>alert(1)</script> there\n\n<div onclick=\"x()\">hi</div>\n", Lang::En).unwrap();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div onclick"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "shown as text: {html}");
    }

    #[test]
    fn only_links_to_feedwise_pages_are_allowed() {
        assert!(render("See [the lessons](/en/lessons).", Lang::En).unwrap().contains("href=\"/en/lessons\""));
        let e = render("Intro\n\nGo to [this](https://evil.example/x) now", Lang::En).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("https://evil.example/x"));
        assert!(render("<https://x.example>", Lang::En).is_err());
        assert!(render("[x](/\\evil.example)", Lang::En).is_err(), "a backslash makes it another site");
        assert!(render("[x](/&#9;/evil.example)", Lang::En).is_err(), "so does a tab");
        assert!(render("[x](//evil.example)", Lang::En).is_err());
        assert!(render("![cat](/img/cat.svg)", Lang::En).is_err());
    }

    #[test]
    fn example_comments_look_like_comments() {
        let html = render("```comment spam\n@bl0xy_77\nFREE <b>Bloxies</b> 👉 free.example\n```\n", Lang::Nl).unwrap();
        assert!(html.contains("class=\"example-comment spam\""), "{html}");
        assert!(html.contains("@bl0xy_77"));
        assert!(html.contains("FREE &lt;b&gt;Bloxies&lt;/b&gt;"), "{html}");
        let e = render("text\n\n```comment maybe\n@x\nhi\n```\n", Lang::En).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(render("```comment fine\nno account here\n```\n", Lang::En).is_err());
    }
}
