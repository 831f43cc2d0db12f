//! The small template language the corpus is written in (see `corpus/README.md`):
//! `{slot}`, `{a|b|c}` alternatives, `[text](cue)` cue spans, `\` escapes, and optional headers
//! `(for: baking, space)` and `(age: 12-14)` that say where a template fits, and `(kind: recovery)`
//! that says which kind of scam within its category it belongs to, and `(tone: down)` for a
//! comment that is sad, cross or worried.

use super::model::{AgeBand, Cue, Span};
use rand::Rng;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Node {
    Text(String),
    Slot(String),
    Alt(Vec<Vec<Node>>),
    Cue(Cue, Vec<Node>),
}

/// A parsed template, ready to expand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    nodes: Vec<Node>,
    /// `(for: …)`: creator ids or post tags this template fits under; empty = any post.
    pub tags: Vec<String>,
    /// `(age: …)`: the age bands it may be shown to; empty = every band.
    pub ages: Vec<AgeBand>,
    /// `(kind: …)`: the kind of scam within its category ("recovery" among crypto spam), so
    /// that its replies, its account and its link tell the same story; `None` = the category's
    /// usual kind.
    pub kind: Option<String>,
    /// `(tone: …)`: how the comment feels, for the emoji at its end and the replies under it.
    pub tone: Tone,
}

/// How a comment feels. A sad, cross or worried comment ("rotten day", "I don't get it") ends
/// with no happy emoji and gets replies that fit it ("aw, hope it gets better"), never a
/// cheerful "same!!"; and such a reply goes only under such a comment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    Plain,
    /// `(tone: down)`
    Down,
}

/// A template that does not parse, with the character position of the problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at character {position})")]
pub struct TemplateError {
    pub position: usize,
    pub message: String,
}

/// What a slot expands to.
pub enum SlotValue<'a> {
    Text(String),
    /// A web address: becomes its own clickable span, marked as a `link` cue when `true`
    /// (spam) and left unmarked otherwise (a classmate's link).
    Link(String, bool),
    /// Text that is a cue of its own (a handle, a link in pieces) unless inside another cue.
    Marked(Cue, String),
    /// Another template (a list item), expanded in place.
    Template(&'a Template),
}

/// Supplies slot values while a template expands.
pub trait Slots<'c> {
    fn slot<R: Rng>(&mut self, name: &str, rng: &mut R) -> SlotValue<'c>;
}

impl Template {
    pub fn parse(src: &str) -> Result<Template, TemplateError> {
        let chars: Vec<char> = src.chars().collect();
        let mut p = Parser { chars: &chars, pos: 0 };
        let Headers { tags, ages, kind, tone } = p.headers()?;
        let nodes = p.sequence(Context::Top)?;
        Ok(Template { nodes, tags, ages, kind, tone })
    }

    /// The text of a template that is only text (no slot, alternative or cue).
    pub fn plain_text(&self) -> Option<&str> {
        match self.nodes.as_slice() {
            [Node::Text(t)] => Some(t),
            _ => None,
        }
    }

    /// Whether the template may be used under a post with these tags, for this age band.
    pub fn fits(&self, post_tags: &[String], age: AgeBand) -> bool {
        (self.ages.is_empty() || self.ages.contains(&age))
            && (self.tags.is_empty() || self.tags.iter().any(|t| post_tags.contains(t)))
    }

    /// The kind this template names, or "" for the category's usual kind.
    pub fn kind(&self) -> &str {
        self.kind.as_deref().unwrap_or("")
    }

    /// Every slot name the template uses.
    pub fn slots(&self) -> Vec<&str> {
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a str>) {
            for n in nodes {
                match n {
                    Node::Text(_) => {}
                    Node::Slot(s) => out.push(s),
                    Node::Alt(alts) => alts.iter().for_each(|a| walk(a, out)),
                    Node::Cue(_, inner) => walk(inner, out),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }

    pub fn has_cue(&self) -> bool {
        fn walk(nodes: &[Node]) -> bool {
            nodes.iter().any(|n| match n {
                Node::Cue(..) => true,
                Node::Alt(alts) => alts.iter().any(|a| walk(a)),
                _ => false,
            })
        }
        walk(&self.nodes)
    }

    /// Expands the template into spans; adjacent spans of the same kind are merged.
    /// A template written in capitals shouts its slots too: "FREE 10000 BLOXIES", never
    /// "FREE 10000 Bloxies" (links and handles keep their case).
    pub fn expand<'c, S: Slots<'c>, R: Rng>(&self, slots: &mut S, rng: &mut R) -> Vec<Span> {
        let mut out = Vec::new();
        expand_nodes(&self.nodes, None, slots, rng, &mut out, 0);
        if self.shouts() {
            for s in out.iter_mut().filter(|s| !s.link && !matches!(s.cue, Some(Cue::Handle | Cue::Link))) {
                s.text = shout(&s.text);
            }
        }
        out.retain(|s| !s.text.is_empty());
        out
    }

    /// Whether the template's own words are all capitals (six letters or more).
    fn shouts(&self) -> bool {
        fn letters(nodes: &[Node], upper: &mut usize, lower: &mut usize) {
            for n in nodes {
                match n {
                    Node::Text(t) => {
                        *upper += t.chars().filter(|c| c.is_uppercase()).count();
                        *lower += t.chars().filter(|c| c.is_lowercase()).count();
                    }
                    Node::Slot(_) => {}
                    Node::Alt(alts) => alts.iter().for_each(|a| letters(a, upper, lower)),
                    Node::Cue(_, inner) => letters(inner, upper, lower),
                }
            }
        }
        let (mut upper, mut lower) = (0, 0);
        letters(&self.nodes, &mut upper, &mut lower);
        upper >= 6 && lower == 0
    }
}

/// Capitals, except in a handle ("DM @mila_22 NOW").
fn shout(text: &str) -> String {
    text.split(' ').map(|w| if w.starts_with('@') { w.to_string() } else { w.to_uppercase() }).collect::<Vec<_>>().join(" ")
}

fn push(out: &mut Vec<Span>, text: &str, cue: Option<Cue>, link: bool) {
    if let Some(last) = out.last_mut()
        && last.cue == cue
        && !last.link
        && !link
    {
        last.text.push_str(text);
        return;
    }
    out.push(Span { text: text.to_string(), cue, link });
}

fn expand_nodes<'c, S: Slots<'c>, R: Rng>(
    nodes: &[Node],
    cue: Option<Cue>,
    slots: &mut S,
    rng: &mut R,
    out: &mut Vec<Span>,
    depth: u8,
) {
    for n in nodes {
        match n {
            Node::Text(t) => push(out, t, cue, false),
            Node::Alt(alts) => {
                let pick = &alts[rng.random_range(0..alts.len())];
                expand_nodes(pick, cue, slots, rng, out, depth);
            }
            Node::Cue(c, inner) => expand_nodes(inner, Some(*c), slots, rng, out, depth),
            Node::Slot(name) => match slots.slot(name, rng) {
                SlotValue::Text(t) => push(out, &t, cue, false),
                SlotValue::Link(url, marked) => push(out, &url, cue.or(marked.then_some(Cue::Link)), true),
                SlotValue::Marked(c, t) => push(out, &t, Some(cue.unwrap_or(c)), false),
                SlotValue::Template(t) => {
                    // List items may name other lists; the depth limit stops a list that names itself.
                    if depth < 4 {
                        expand_nodes(&t.nodes, cue, slots, rng, out, depth + 1);
                    }
                }
            },
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Top,
    Brace,
    Cue,
}

/// The templates of one kind (`""` = the usual kind), or, where none names that kind, those of
/// the usual kind: a recovery scam gets recovery replies and a recovery account wherever the
/// corpus has them, and the category's plain ones otherwise.
pub fn of_kind<'t>(templates: &'t [Template], kind: &str) -> Vec<&'t Template> {
    let own: Vec<&Template> = templates.iter().filter(|t| t.kind() == kind).collect();
    if own.is_empty() { templates.iter().filter(|t| t.kind.is_none()).collect() } else { own }
}

#[derive(Default)]
struct Headers {
    tags: Vec<String>,
    ages: Vec<AgeBand>,
    kind: Option<String>,
    tone: Tone,
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Parser<'_> {
    /// `(for: a, b)`, `(age: 10-12, 12-14)`, `(kind: k)` and `(tone: down)` groups at the very start, each
    /// followed by a space.
    fn headers(&mut self) -> Result<Headers, TemplateError> {
        let mut h = Headers::default();
        loop {
            let rest: String = self.chars[self.pos..].iter().take(6).collect();
            let Some(key) = ["for", "age", "kind", "tone"].into_iter().find(|k| rest.starts_with(&format!("({k}:"))) else {
                break;
            };
            let open = self.pos;
            let Some(len) = self.chars[open..].iter().position(|&c| c == ')') else {
                return self.err(format!("'({key}:' is never closed with ')'"));
            };
            let body: String = self.chars[open + key.len() + 2..open + len].iter().collect();
            for item in body.split(',').map(str::trim) {
                match key {
                    "for" if is_slot_name(&item.replace('-', "_")) => h.tags.push(item.to_string()),
                    "for" => return self.err(format!("'(for: …)' lists creator ids or post tags (a-z, 0-9, '-', '_'), not '{item}'")),
                    "age" => match AgeBand::parse(item) {
                        Some(a) => h.ages.push(a),
                        None => return self.err(format!("'(age: …)' lists age bands such as 8-10, 10-12, 12-14, not '{item}'")),
                    },
                    "tone" if item == "down" => h.tone = Tone::Down,
                    "tone" => return self.err(format!("'(tone: …)' is 'down' (a sad, cross or worried comment), not '{item}'")),
                    _ if h.kind.is_none() && is_slot_name(item) => h.kind = Some(item.to_string()),
                    _ => return self.err(format!("'(kind: …)' names one kind of scam (a-z, 0-9, '_'), not '{body}'")),
                }
            }
            self.pos = open + len + 1;
            while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
                self.pos += 1;
            }
        }
        Ok(h)
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, TemplateError> {
        Err(TemplateError { position: self.pos, message: message.into() })
    }

    fn sequence(&mut self, ctx: Context) -> Result<Vec<Node>, TemplateError> {
        let mut nodes = Vec::new();
        let mut text = String::new();
        while let Some(&c) = self.chars.get(self.pos) {
            match c {
                '\\' => {
                    let Some(&next) = self.chars.get(self.pos + 1) else {
                        return self.err("a backslash at the end escapes nothing");
                    };
                    text.push(next);
                    self.pos += 2;
                }
                '{' => {
                    flush(&mut text, &mut nodes);
                    self.pos += 1;
                    nodes.push(self.brace()?);
                }
                '[' => {
                    if ctx == Context::Cue {
                        return self.err("cues do not nest: '[' inside '[…]'");
                    }
                    flush(&mut text, &mut nodes);
                    self.pos += 1;
                    nodes.push(self.cue()?);
                }
                '|' | '}' if ctx == Context::Brace => break,
                ']' if ctx == Context::Cue => break,
                '}' => return self.err("'}' without '{' (write \\} for a literal brace)"),
                ']' => return self.err("']' without '[' (write \\] for a literal bracket)"),
                _ => {
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
        flush(&mut text, &mut nodes);
        Ok(nodes)
    }

    /// After '{': a slot name or alternatives, up to the closing '}'.
    fn brace(&mut self) -> Result<Node, TemplateError> {
        let start = self.pos;
        let mut alts = Vec::new();
        loop {
            alts.push(self.sequence(Context::Brace)?);
            match self.chars.get(self.pos) {
                Some('|') => self.pos += 1,
                Some('}') => {
                    self.pos += 1;
                    break;
                }
                _ => {
                    self.pos = start;
                    return self.err("'{' is never closed with '}'");
                }
            }
        }
        if alts.len() == 1 {
            return match alts.pop().unwrap_or_default().as_slice() {
                [Node::Text(name)] if is_slot_name(name) => Ok(Node::Slot(name.clone())),
                _ => {
                    self.pos = start;
                    self.err("'{…}' holds a slot name (lower case, digits, '_') or alternatives with '|'")
                }
            };
        }
        Ok(Node::Alt(alts))
    }

    /// After '[': the cue text, then `(cue_name)`.
    fn cue(&mut self) -> Result<Node, TemplateError> {
        let start = self.pos;
        let inner = self.sequence(Context::Cue)?;
        if self.chars.get(self.pos) != Some(&']') {
            self.pos = start;
            return self.err("'[' is never closed with ']'");
        }
        self.pos += 1;
        if self.chars.get(self.pos) != Some(&'(') {
            return self.err("'[text]' must be followed by '(cue)'");
        }
        let name_start = self.pos + 1;
        let Some(len) = self.chars[name_start..].iter().position(|&c| c == ')') else {
            return self.err("'(' after ']' is never closed with ')'");
        };
        let name: String = self.chars[name_start..name_start + len].iter().collect();
        let Some(cue) = Cue::parse(name.trim()) else {
            self.pos = name_start;
            return self.err(format!("unknown cue '{name}'"));
        };
        self.pos = name_start + len + 1;
        Ok(Node::Cue(cue, inner))
    }
}

fn flush(text: &mut String, nodes: &mut Vec<Node>) {
    if !text.is_empty() {
        nodes.push(Node::Text(std::mem::take(text)));
    }
}

fn is_slot_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    struct Fixed;
    impl Slots<'static> for Fixed {
        fn slot<R: Rng>(&mut self, name: &str, _: &mut R) -> SlotValue<'static> {
            match name {
                "link" => SlotValue::Link("https://x.example/a".into(), true),
                other => SlotValue::Text(other.to_uppercase()),
            }
        }
    }

    fn expand(src: &str) -> Vec<Span> {
        Template::parse(src).unwrap().expand(&mut Fixed, &mut ChaCha8Rng::seed_from_u64(1))
    }

    #[test]
    fn slots_cues_and_links_become_spans() {
        let spans = expand("hi {name}! [check my profile](profile_bait) {link} :)");
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "hi NAME! check my profile https://x.example/a :)");
        assert_eq!(spans[1].cue, Some(Cue::ProfileBait));
        assert!(spans[3].link);
        assert_eq!(spans[3].cue, Some(Cue::Link));
    }

    struct Named;
    impl Slots<'static> for Named {
        fn slot<R: Rng>(&mut self, name: &str, _: &mut R) -> SlotValue<'static> {
            match name {
                "link" => SlotValue::Link("https://free-bloxies.example/claim".into(), true),
                "handle" => SlotValue::Marked(Cue::Handle, "@mila_22".into()),
                _ => SlotValue::Text("Bloxies".into()),
            }
        }
    }

    #[test]
    fn a_template_in_capitals_shouts_its_slots_but_not_its_links_and_handles() {
        let text = |src: &str| -> String {
            let spans = Template::parse(src).unwrap().expand(&mut Named, &mut ChaCha8Rng::seed_from_u64(1));
            spans.iter().map(|s| s.text.as_str()).collect()
        };
        assert_eq!(text("FREE {currency} NOW {link} DM {handle}"), "FREE BLOXIES NOW https://free-bloxies.example/claim DM @mila_22");
        assert_eq!(text("free {currency} now"), "free Bloxies now");
        // a template with any lower-case word of its own is no shouting one
        assert!(text("WIN {currency} {today|}").starts_with("WIN Bloxies"));
    }

    #[test]
    fn alternatives_choose_one_and_may_be_empty() {
        for seed in 0..20 {
            let t = Template::parse("{a|b|}x").unwrap();
            let s = t.expand(&mut Fixed, &mut ChaCha8Rng::seed_from_u64(seed));
            let text: String = s.iter().map(|s| s.text.as_str()).collect();
            assert!(["ax", "bx", "x"].contains(&text.as_str()), "{text}");
        }
    }

    #[test]
    fn broken_templates_say_what_is_wrong() {
        let cases = [
            ("{oops", "never closed"),
            ("oops}", "without '{'"),
            ("[free](nope)", "unknown cue 'nope'"),
            ("[free]", "followed by '(cue)'"),
            ("[a [b](link)](link)", "do not nest"),
            ("{Not A Slot}", "slot name"),
        ];
        for (src, expected) in cases {
            let err = Template::parse(src).unwrap_err();
            assert!(err.message.contains(expected), "{src}: {err}");
        }
    }

    #[test]
    fn headers_say_which_posts_and_ages_a_template_fits() {
        let t = Template::parse("(for: baking, food) (age: 12-14) the icing (looks) great").unwrap();
        assert_eq!(t.tags, ["baking", "food"]);
        assert_eq!(t.ages, [AgeBand::Age12To14]);
        assert!(t.fits(&["food".into()], AgeBand::Age12To14));
        assert!(!t.fits(&["food".into()], AgeBand::Age10To12));
        assert!(!t.fits(&["space".into()], AgeBand::Age12To14));
        let spans = t.expand(&mut Fixed, &mut ChaCha8Rng::seed_from_u64(1));
        assert_eq!(spans[0].text, "the icing (looks) great");
        let plain = Template::parse("(not a header) hi").unwrap();
        assert!(plain.tags.is_empty() && plain.fits(&[], AgeBand::Age8To10));
        assert!(Template::parse("(age: 7-9) x").unwrap_err().message.contains("age bands"));
        assert!(Template::parse("(for: Baking!) x").unwrap_err().message.contains("creator ids"));
    }

    #[test]
    fn a_kind_header_keeps_a_scam_and_its_helpers_together() {
        let list: Vec<Template> = ["(kind: recovery) a", "b", "(age: 12-14) (kind: mule) c"].iter().map(|s| Template::parse(s).unwrap()).collect();
        assert_eq!(list[2].kind(), "mule");
        assert_eq!(list[2].ages, vec![AgeBand::Age12To14]);
        let texts = |kind| of_kind(&list, kind).iter().map(|t| t.plain_text().unwrap()).collect::<Vec<_>>();
        assert_eq!(texts("recovery"), ["a"]);
        assert_eq!(texts(""), ["b"]);
        // a kind nobody wrote helpers for gets the usual ones
        assert_eq!(texts("badge"), ["b"]);
        assert!(Template::parse("(kind: a, b) x").unwrap_err().message.contains("one kind"));
    }

    #[test]
    fn a_tone_header_marks_a_sad_comment_and_refuses_other_tones() {
        let t = Template::parse("(for: shelter) (tone: down) my cat is ill").unwrap();
        assert_eq!(t.tone, Tone::Down);
        assert_eq!(t.tags, ["shelter"]);
        assert_eq!(t.plain_text(), Some("my cat is ill"));
        assert_eq!(Template::parse("so cool").unwrap().tone, Tone::Plain);
        assert!(Template::parse("(tone: happy) x").unwrap_err().message.contains("'down'"));
    }

    #[test]
    fn escapes_and_smileys_are_text() {
        let spans = expand(r"a \{b\} :( :) \[c\]");
        assert_eq!(spans[0].text, "a {b} :( :) [c]");
    }
}
