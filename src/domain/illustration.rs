//! Deterministic, self-contained SVG illustrations for simulated posts and avatars.
//!
//! Everything in this module is pure: the same inputs always give the same
//! markup. The only source of variety is the caller-supplied `variant`, which is
//! mixed with a tiny splitmix64 generator to pick colours and small details.
//!
//! The SVGs are meant to be inlined into HTML: they carry a `viewBox` but no
//! `width`/`height` (so they scale), no `xmlns`, no ids, no CSS, no text in the
//! scenes and no external references of any kind.

use std::fmt::Write;

/// The illustration scenes a post can show.
pub const SCENES: &[&str] = &[
    "news_desk",
    "storm",
    "rocket",
    "volcano",
    "planet",
    "cake",
    "cookies",
    "puppy",
    "kitten",
    "football",
    "trophy",
    "block_castle",
    "race_game",
    "drawing",
    "treehouse",
    "beach",
    "snowman",
    "bike",
];

/// A complete, self-contained SVG (viewBox `0 0 400 300`, no width/height) for
/// `scene`, or `None` if the scene is not one of [`SCENES`].
///
/// `variant` changes colours and small details deterministically, so two posts
/// showing the same scene look a little different.
pub fn scene_svg(scene: &str, variant: u64) -> Option<String> {
    let draw: fn(&mut Rng) -> String = match scene {
        "news_desk" => news_desk,
        "storm" => storm,
        "rocket" => rocket,
        "volcano" => volcano,
        "planet" => planet,
        "cake" => cake,
        "cookies" => cookies,
        "puppy" => puppy,
        "kitten" => kitten,
        "football" => football,
        "trophy" => trophy,
        "block_castle" => block_castle,
        "race_game" => race_game,
        "drawing" => drawing,
        "treehouse" => treehouse,
        "beach" => beach,
        "snowman" => snowman,
        "bike" => bike,
        _ => return None,
    };
    Some(draw(&mut Rng::new(scene, variant)))
}

/// Kinds of avatar the generator can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AvatarStyle {
    /// A coloured circle showing the account's initial letter(s).
    Initial,
    /// A simple cute cartoon animal face (cat, dog, fox, bear, owl, rabbit, panda, frog, pig).
    Animal,
    /// Abstract geometric shapes on a coloured circle.
    Pattern,
    /// The grey default silhouette platforms show when there is no picture.
    Blank,
}

/// A self-contained round avatar SVG (viewBox `0 0 64 64`, no width/height).
///
/// `letters` is only used by [`AvatarStyle::Initial`]: the first one or two
/// characters (after trimming) are drawn, XML-escaped; if nothing is left the
/// blank silhouette is returned instead. `variant` picks colours, the animal or
/// the pattern layout deterministically.
pub fn avatar_svg(style: AvatarStyle, letters: &str, variant: u64) -> String {
    let mut rng = Rng::new("avatar", variant);
    let mut s = Svg::new(64, 64);
    match style {
        AvatarStyle::Initial => {
            let text: String = letters.trim().chars().take(2).collect();
            if text.is_empty() {
                return avatar_svg(AvatarStyle::Blank, "", variant);
            }
            let bg = rng.pick(&[
                "#e53935", "#d81b60", "#8e24aa", "#5e35b1", "#3949ab", "#1e88e5", "#00897b",
                "#2e7d32", "#ef6c00", "#6d4c41",
            ]);
            let size = if text.chars().count() > 1 { 24 } else { 30 };
            s.circle(32, 32, 32, bg);
            s.push(format_args!(
                "<text x=\"32\" y=\"32\" dy=\".35em\" text-anchor=\"middle\" \
                 font-family=\"sans-serif\" font-size=\"{size}\" font-weight=\"bold\" \
                 fill=\"#fff\">{}</text>",
                escape_xml(&text)
            ));
        }
        AvatarStyle::Animal => {
            let (name, animal) = ANIMALS[rng.below(ANIMALS.len() as u64) as usize];
            let mut bg = rng.pick(&[
                "#bae6fd", "#bbf7d0", "#fef08a", "#fecdd3", "#ddd6fe", "#a5f3fc", "#e9d5ff",
            ]);
            if name == "pig" && bg == "#fecdd3" {
                bg = "#bae6fd"; // keep the pink pig visible
            }
            s.circle(32, 32, 32, bg);
            animal(&mut s, &mut rng);
        }
        AvatarStyle::Pattern => pattern_avatar(&mut s, &mut rng),
        AvatarStyle::Blank => {
            s.circle(32, 32, 32, "#d1d5db");
            s.circle(32, 25, 12, "#f3f4f6");
            s.path(
                "M9.8 55A22.2 17 0 0 1 54.2 55A32 32 0 0 1 9.8 55z",
                "#f3f4f6",
            );
        }
    }
    s.finish()
}

/// Escapes the five XML special characters.
fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Small deterministic helpers
// ---------------------------------------------------------------------------

/// splitmix64 finaliser.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A tiny splitmix64 generator seeded from a salt string and the variant.
struct Rng(u64);

impl Rng {
    fn new(salt: &str, variant: u64) -> Self {
        // FNV-1a of the salt, so different scenes with the same variant differ.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in salt.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h ^ mix(variant.wrapping_add(0x9E37_79B9_7F4A_7C15)))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform-ish integer in `0..n` (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Integer in `lo..=hi`.
    fn range(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1) as u64) as i32
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

/// Minimal SVG writer: one method per basic shape, attributes only.
/// An empty `fill` omits the attribute (so a surrounding `<g fill=..>` applies).
struct Svg(String);

impl Svg {
    fn new(w: u32, h: u32) -> Self {
        Svg(format!("<svg viewBox=\"0 0 {w} {h}\">"))
    }

    fn push(&mut self, args: std::fmt::Arguments) {
        let _ = self.0.write_fmt(args);
    }

    fn close(&mut self, fill: &str) {
        if !fill.is_empty() {
            self.push(format_args!(" fill=\"{fill}\""));
        }
        self.0.push_str("/>");
    }

    fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, fill: &str) {
        self.push(format_args!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\""
        ));
        self.close(fill);
    }

    fn rrect(&mut self, x: i32, y: i32, w: i32, h: i32, rx: i32, fill: &str) {
        self.push(format_args!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{rx}\""
        ));
        self.close(fill);
    }

    fn circle(&mut self, cx: i32, cy: i32, r: i32, fill: &str) {
        self.push(format_args!("<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\""));
        self.close(fill);
    }

    fn ellipse(&mut self, cx: i32, cy: i32, rx: i32, ry: i32, fill: &str) {
        self.push(format_args!(
            "<ellipse cx=\"{cx}\" cy=\"{cy}\" rx=\"{rx}\" ry=\"{ry}\""
        ));
        self.close(fill);
    }

    fn path(&mut self, d: &str, fill: &str) {
        self.push(format_args!("<path d=\"{d}\""));
        self.close(fill);
    }

    fn poly(&mut self, points: &str, fill: &str) {
        self.push(format_args!("<polygon points=\"{points}\""));
        self.close(fill);
    }

    /// An unfilled, round-capped stroked path.
    fn line(&mut self, d: &str, stroke: &str, width: i32) {
        self.push(format_args!(
            "<path d=\"{d}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\" \
             stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
        ));
    }

    /// A filled and outlined path (crayon / cartoon style).
    fn shape(&mut self, d: &str, fill: &str, stroke: &str, width: i32) {
        self.push(format_args!(
            "<path d=\"{d}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\" \
             stroke-linejoin=\"round\"/>"
        ));
    }

    /// A straight-capped dashed stroke (`dash` is the dasharray).
    fn dashed(&mut self, d: &str, stroke: &str, width: i32, dash: &str) {
        self.push(format_args!(
            "<path d=\"{d}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\" \
             stroke-dasharray=\"{dash}\"/>"
        ));
    }

    /// Opens a `<g>` with the given raw attributes; close with [`Svg::end`].
    fn group(&mut self, attrs: &str) {
        self.push(format_args!("<g {attrs}>"));
    }

    fn end(&mut self) {
        self.0.push_str("</g>");
    }

    fn finish(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }
}

/// Points of an `n`-pointed star polygon.
fn star_points(cx: f64, cy: f64, outer: f64, inner: f64, n: u32) -> String {
    let mut out = String::new();
    for i in 0..n * 2 {
        let r = if i % 2 == 0 { outer } else { inner };
        let a = std::f64::consts::PI * (i as f64 / n as f64) - std::f64::consts::FRAC_PI_2;
        let _ = write!(out, "{},{} ", num(cx + r * a.cos()), num(cy + r * a.sin()));
    }
    out.pop();
    out
}

/// Formats a coordinate with at most one decimal.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Scatters `count` small dots of `fill` inside the rectangle.
fn dots(s: &mut Svg, rng: &mut Rng, fill: &str, count: u32, area: (i32, i32, i32, i32), rmax: i32) {
    let (x0, y0, x1, y1) = area;
    s.group(&format!("fill=\"{fill}\""));
    for _ in 0..count {
        let (x, y, r) = (rng.range(x0, x1), rng.range(y0, y1), rng.range(1, rmax));
        s.circle(x, y, r, "");
    }
    s.end();
}

/// A fluffy cloud made of circles, centred at (x, y) with size factor `k` (percent).
fn cloud(s: &mut Svg, x: i32, y: i32, k: i32, fill: &str) {
    let sc = |v: i32| v * k / 100;
    s.group(&format!("fill=\"{fill}\""));
    s.circle(x - sc(22), y + sc(4), sc(16), "");
    s.circle(x, y - sc(6), sc(22), "");
    s.circle(x + sc(24), y + sc(3), sc(16), "");
    s.rrect(x - sc(38), y + sc(2), sc(78), sc(18), sc(9), "");
    s.end();
}

const SKIN: &[&str] = &["#f8d5b0", "#e8b88a", "#c68642", "#8d5524", "#ffdbac"];
const HAIR: &[&str] = &["#3b2314", "#1f2937", "#b45309", "#facc15", "#7c2d12"];
const BRIGHT: &[&str] = &[
    "#ef4444", "#f97316", "#eab308", "#22c55e", "#06b6d4", "#3b82f6", "#8b5cf6", "#ec4899",
];

// ---------------------------------------------------------------------------
// Scenes (400 x 300)
// ---------------------------------------------------------------------------

fn news_desk(rng: &mut Rng) -> String {
    let wall = rng.pick(&["#1e3a8a", "#155e75", "#4c1d95", "#7f1d1d", "#14532d"]);
    let screen = rng.pick(&["#bae6fd", "#fde68a", "#c7d2fe", "#fbcfe8"]);
    let suit = rng.pick(&["#1f2937", "#334155", "#7c2d12", "#1e40af", "#be185d"]);
    let tie = rng.pick(&["#ef4444", "#f59e0b", "#22c55e", "#ec4899", "#06b6d4"]);
    let desk = rng.pick(&["#0ea5e9", "#f97316", "#e11d48", "#8b5cf6", "#10b981"]);
    let (skin, hair) = (rng.pick(SKIN), rng.pick(HAIR));
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, wall);
    s.group("fill=\"#fff\" opacity=\".12\"");
    s.poly("40,0 90,0 150,200 0,200", "");
    s.poly("310,0 360,0 400,200 250,200", "");
    s.end();
    // Screen with a globe.
    s.rrect(212, 38, 164, 116, 8, "#0f172a");
    s.rect(220, 46, 148, 100, screen);
    s.circle(294, 96, 38, "#3b82f6");
    s.path(
        "M268 80q12-12 26-4t-2 18q-10 8-18 0t-6-14zM300 106q14-8 20 4t-10 16q-10 0-10-20z",
        "#22c55e",
    );
    s.line(
        "M256 96h76M294 58v76M294 58q-26 38 0 76q26-38 0-76",
        "#e0f2fe",
        2,
    );
    // Presenter.
    s.rect(120, 146, 20, 22, skin);
    s.path("M66 240q0-76 64-76t64 76z", suit);
    s.poly("116,164 144,164 130,194", "#fff");
    s.path("M126 168h8l3 28-7 8-7-8z", tie);
    s.circle(98, 126, 7, skin);
    s.circle(162, 126, 7, skin);
    s.circle(130, 124, 32, skin);
    s.path("M97 122q-2-38 33-38t33 38q-8-20-33-20t-33 20z", hair);
    s.circle(119, 126, 4, "#1f2937");
    s.circle(141, 126, 4, "#1f2937");
    s.line("M119 140q11 9 22 0", "#7c2d12", 3);
    s.group("fill=\"#f472b6\" opacity=\".5\"");
    s.circle(110, 137, 5, "");
    s.circle(150, 137, 5, "");
    s.end();
    // Desk with papers, microphone and mug.
    s.rect(152, 182, 46, 12, "#fff");
    s.rect(156, 178, 40, 6, "#e2e8f0");
    s.line("M252 194v-24", "#374151", 4);
    s.ellipse(252, 164, 7, 10, "#111827");
    s.rrect(300, 172, 22, 24, 4, tie);
    s.line("M322 178q8 0 8 7t-8 7", tie, 3);
    s.poly("24,200 376,200 356,256 44,256", desk);
    s.rrect(14, 192, 372, 14, 5, "#e2e8f0");
    s.circle(200, 230, 14, "#fff");
    s.circle(200, 230, 8, desk);
    // Ticker.
    s.rect(0, 256, 400, 44, "#dc2626");
    s.rect(0, 256, 96, 44, "#facc15");
    s.circle(48, 278, 10, "#dc2626");
    s.rrect(112, 266, 180, 8, 4, "#fff");
    s.rrect(112, 280, rng.range(90, 150), 8, 4, "#fecaca");
    s.finish()
}

fn storm(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#334155", "#1e293b", "#3f3f5a", "#475569", "#312e81"]);
    let cloud_c = rng.pick(&["#64748b", "#6b7280", "#71717a", "#57534e"]);
    let wall = rng.pick(&["#f59e0b", "#ef4444", "#0ea5e9", "#a855f7"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    s.path("M0 242q100-20 200 0t200-4v62H0z", "#166534");
    // House with a lit window.
    s.rect(282, 190, 70, 56, wall);
    s.poly("272,194 317,152 362,194", "#7f1d1d");
    s.rect(296, 204, 20, 18, "#fde047");
    s.line("M306 204v18M296 213h20", "#92400e", 2);
    s.rect(326, 214, 16, 32, "#451a03");
    // Tree bending in the wind.
    s.line("M60 246q-4-36 14-62", "#78350f", 9);
    s.ellipse(88, 174, 32, 22, "#15803d");
    s.ellipse(70, 186, 20, 14, "#166534");
    // Rain.
    let mut d = String::new();
    for _ in 0..26 {
        let _ = write!(d, "M{} {}l-6 14", rng.range(10, 400), rng.range(100, 250));
    }
    s.line(&d, "#93c5fd", 3);
    // Lightning.
    let dx = rng.range(-20, 20);
    s.group(&format!("transform=\"translate({dx} 0)\""));
    s.poly(
        "212,98 178,170 204,170 184,238 246,150 218,150 238,98",
        "#facc15",
    );
    s.end();
    // Clouds.
    s.group(&format!("fill=\"{cloud_c}\""));
    s.circle(120, 80, 40, "");
    s.circle(172, 58, 48, "");
    s.circle(228, 74, 42, "");
    s.circle(274, 92, 32, "");
    s.ellipse(196, 102, 104, 24, "");
    s.end();
    cloud(&mut s, 340, 46, 80, "#94a3b8");
    s.group("fill=\"#60a5fa\" opacity=\".7\"");
    s.ellipse(150, 268, 30, 6, "");
    s.ellipse(236, 282, 22, 5, "");
    s.end();
    s.finish()
}

fn rocket(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#0b1026", "#1e1b4b", "#0f172a", "#172554", "#2e1065"]);
    let nose = rng.pick(&["#ef4444", "#f97316", "#ec4899", "#8b5cf6", "#0ea5e9"]);
    let fin = rng.pick(&["#3b82f6", "#ef4444", "#22c55e", "#f59e0b"]);
    let planet_c = rng.pick(BRIGHT);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    dots(&mut s, rng, "#fff", 28, (4, 4, 396, 296), 2);
    s.circle(70, 62, 28, "#fef3c7");
    s.group("fill=\"#fde68a\"");
    s.circle(60, 54, 6, "");
    s.circle(80, 72, 5, "");
    s.circle(74, 48, 3, "");
    s.end();
    s.circle(338, 232, 22, planet_c);
    s.line("M306 238q32-22 64-12", "#fef9c3", 4);
    s.line("M300 40l40 18", "#fef9c3", 2);
    // Smoke.
    s.group("fill=\"#e2e8f0\" opacity=\".8\"");
    s.circle(140, 262, 20, "");
    s.circle(112, 280, 16, "");
    s.circle(168, 286, 18, "");
    s.end();
    // The rocket, tilted up and to the right.
    let tilt = rng.range(15, 35);
    s.group(&format!("transform=\"rotate({tilt} 200 150)\""));
    s.path("M182 212q18 70 36 0z", "#f97316");
    s.path("M190 212q10 46 20 0z", "#fde047");
    s.path("M176 166l-28 48 32-8z", fin);
    s.path("M224 166l28 48-32-8z", fin);
    s.path("M200 46q42 52 30 166h-60q-12-114 30-166z", "#f1f5f9");
    s.path("M200 46q22 22 28 48h-56q6-26 28-48z", nose);
    s.circle(200, 130, 18, "#475569");
    s.circle(200, 130, 12, "#7dd3fc");
    s.circle(195, 125, 4, "#fff");
    s.rrect(170, 198, 60, 12, 3, nose);
    s.rect(196, 170, 8, 44, fin);
    s.end();
    s.finish()
}

fn volcano(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#fde68a", "#fdba74", "#bae6fd", "#fecaca", "#c4b5fd"]);
    let rock = rng.pick(&["#78350f", "#57534e", "#7c2d12", "#44403c"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    s.group("fill=\"#6b7280\" opacity=\".85\"");
    for (x, y, r) in [(170, 44, 24), (202, 58, 30), (236, 42, 26), (214, 22, 22)] {
        s.circle(x, y, r, "");
    }
    s.end();
    s.path("M0 270q60-70 130-10zM280 262q60-60 120-20v30z", "#a3e635");
    s.poly("56,272 176,106 224,106 344,272", rock);
    s.group("fill=\"#000\" opacity=\".18\"");
    s.poly("204,106 224,106 344,272 262,272", "");
    s.end();
    s.ellipse(200, 108, 25, 7, "#ef4444");
    s.path(
        "M184 108q-10 34 0 54q6 16-8 42q16-12 20-38q4-26-2-58z",
        "#f97316",
    );
    s.path(
        "M212 108q12 42 28 62q10 14 4 36q14-20 4-46q-16-30-24-52z",
        "#fb923c",
    );
    s.path(
        "M178 110l-16-40 24 18 8-40 10 36 22-32-6 42 22-16-20 32z",
        "#f97316",
    );
    s.path("M190 110l-4-24 12 10 5-26 7 26 12-12-8 26z", "#facc15");
    s.group("fill=\"#ef4444\"");
    for _ in 0..6 {
        let x = if rng.coin() {
            rng.range(110, 170)
        } else {
            rng.range(230, 300)
        };
        s.circle(x, rng.range(30, 100), rng.range(4, 8), "");
    }
    s.end();
    s.rect(0, 264, 400, 36, "#65a30d");
    // Palm tree.
    s.line("M40 268q-6-44 10-76", "#92400e", 8);
    s.group("fill=\"#16a34a\"");
    s.path("M50 192q-26-20-46-4q24-4 46 4z", "");
    s.path("M50 192q24-22 48-6q-26-2-48 6z", "");
    s.path("M50 192q-10-28-36-30q22 10 36 30z", "");
    s.path("M50 192q14-30 40-28q-24 8-40 28z", "");
    s.end();
    s.ellipse(330, 272, 18, 9, "#78716c");
    s.ellipse(356, 276, 10, 6, "#a8a29e");
    s.finish()
}

fn planet(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#0b1026", "#1e1b4b", "#0f172a", "#2e1065", "#082f49"]);
    let body = rng.pick(&[
        "#f59e0b", "#fb7185", "#60a5fa", "#a78bfa", "#34d399", "#f97316",
    ]);
    let ring = rng.pick(&["#fde68a", "#e9d5ff", "#bae6fd", "#fecdd3"]);
    let tilt = rng.range(-22, -8);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    dots(&mut s, rng, "#fff", 30, (4, 4, 396, 296), 2);
    // Comet.
    s.group("opacity=\".6\"");
    s.path("M40 250l74-42-4 12z", "#bae6fd");
    s.end();
    s.circle(112, 212, 6, "#f0f9ff");
    // Moon.
    s.circle(336, 66, 16, "#cbd5e1");
    s.circle(331, 62, 4, "#94a3b8");
    s.circle(342, 72, 3, "#94a3b8");
    // Ringed planet.
    s.group(&format!("transform=\"rotate({tilt} 200 150)\""));
    s.line("M78 150a122 30 0 0 1 244 0", ring, 10);
    s.circle(200, 150, 70, body);
    s.group("fill=\"none\" stroke=\"#fff\" opacity=\".3\" stroke-width=\"9\"");
    s.path("M137 122q63 14 126 0", "");
    s.path("M131 168q69 14 138 0", "");
    s.end();
    s.circle(176, 118, 10, "#fff7");
    s.line("M78 150a122 30 0 0 0 244 0", ring, 10);
    s.end();
    s.poly(&star_points(62.0, 80.0, 9.0, 4.0, 4), "#fef08a");
    s.poly(&star_points(300.0, 250.0, 7.0, 3.0, 4), "#fef08a");
    s.finish()
}

fn cake(rng: &mut Rng) -> String {
    let wall = rng.pick(&["#fce7f3", "#e0f2fe", "#ede9fe", "#dcfce7", "#fef9c3"]);
    let tier = rng.pick(&[
        "#f9a8d4", "#fcd34d", "#c4b5fd", "#fdba74", "#86efac", "#7dd3fc",
    ]);
    let icing = rng.pick(&["#fff", "#fdf2f8", "#fef3c7"]);
    let candle = rng.pick(&["#60a5fa", "#f472b6", "#a78bfa", "#34d399"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, wall);
    // Bunting.
    s.line("M0 30q100 60 200 0t200 0", "#9ca3af", 2);
    let off = rng.below(8) as usize;
    for (i, x) in (20..400).step_by(40).enumerate() {
        let t = (x % 200) as f64 / 200.0;
        let y = 30.0 + 60.0 * t * (1.0 - t);
        let p = format!(
            "{},{} {},{} {},{}",
            x - 12,
            num(y),
            x + 12,
            num(y),
            x,
            num(y + 22.0)
        );
        s.poly(&p, BRIGHT[(i + off) % BRIGHT.len()]);
    }
    // Balloons.
    s.line("M52 148q-8 40 4 90M348 138q8 40-4 100", "#9ca3af", 2);
    s.ellipse(52, 120, 22, 28, rng.pick(BRIGHT));
    s.ellipse(348, 110, 22, 28, rng.pick(BRIGHT));
    // Table and plate.
    s.rect(0, 240, 400, 60, "#b45309");
    s.rect(0, 236, 400, 8, "#d97706");
    s.ellipse(200, 238, 124, 12, "#f8fafc");
    // Tiers.
    s.rrect(100, 170, 200, 66, 8, tier);
    s.rect(100, 206, 200, 8, "#fff8");
    s.rrect(136, 124, 128, 50, 8, tier);
    s.group(&format!("fill=\"{icing}\""));
    s.rrect(98, 164, 204, 14, 7, "");
    s.rrect(134, 118, 132, 12, 6, "");
    for x in (112..300).step_by(26) {
        s.ellipse(x, 178, 6, 6 + (x % 7), "");
    }
    for x in (148..264).step_by(24) {
        s.ellipse(x, 130, 5, 4 + (x % 5), "");
    }
    s.end();
    for _ in 0..3 {
        s.group(&format!("fill=\"{}\"", rng.pick(BRIGHT)));
        for _ in 0..5 {
            if rng.coin() {
                s.circle(rng.range(110, 290), rng.range(186, 228), 3, "");
            } else {
                s.circle(rng.range(146, 254), rng.range(140, 166), 3, "");
            }
        }
        s.end();
    }
    // Candles: bodies, stripes, wicks, flames.
    let n = rng.range(3, 5);
    let gap = 100 / n;
    let xs: Vec<i32> = (0..n).map(|i| 154 + gap / 2 + i * gap).collect();
    let (mut stripes, mut wicks, mut flames, mut cores) =
        (String::new(), String::new(), String::new(), String::new());
    s.group(&format!("fill=\"{candle}\""));
    for &x in &xs {
        s.rect(x - 4, 88, 8, 32, "");
        let _ = write!(stripes, "M{} 98l8-6M{} 110l8-6", x - 4, x - 4);
        let _ = write!(wicks, "M{x} 88v-5");
        let _ = write!(flames, "M{x} 62q10 14 0 20q-10-6 0-20z");
        let _ = write!(cores, "M{x} 70q4 6 0 10q-4-4 0-10z");
    }
    s.end();
    s.line(&stripes, "#fff", 2);
    s.line(&wicks, "#374151", 2);
    s.path(&flames, "#f97316");
    s.path(&cores, "#fde047");
    s.finish()
}

fn cookies(rng: &mut Rng) -> String {
    let wall = rng.pick(&["#fef3c7", "#e0f2fe", "#fce7f3", "#dcfce7"]);
    let cloth = rng.pick(&["#ef4444", "#3b82f6", "#22c55e", "#f97316", "#a855f7"]);
    let (dough, edge) = if rng.coin() {
        ("#f5b971", "#d08a3c")
    } else {
        ("#e8a85a", "#b86f2c")
    };
    let chip = rng.pick(&["#3f1d0b", "#4a2511", "#ec4899"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, wall);
    s.rect(0, 170, 400, 130, cloth);
    s.group("fill=\"#fff\" opacity=\".55\"");
    for row in 0..4 {
        for col in 0..10 {
            if (row + col) % 2 == 0 {
                s.rect(col * 40, 170 + row * 33, 40, 33, "");
            }
        }
    }
    s.end();
    // Glass of milk.
    s.rrect(306, 96, 64, 120, 8, "#cbd5e1");
    s.rrect(310, 120, 56, 92, 6, "#fff");
    s.line("M318 128v70", "#e2e8f0", 5);
    // Plate and cookies.
    s.ellipse(170, 226, 140, 40, "#cbd5e1");
    s.ellipse(170, 222, 124, 32, "#f8fafc");
    for (cx, cy) in [(100, 206), (176, 192), (246, 210), (160, 236)] {
        let jx = cx + rng.range(-4, 4);
        s.circle(jx, cy, 38, edge);
        s.circle(jx, cy - 2, 34, dough);
        s.group(&format!("fill=\"{chip}\""));
        for _ in 0..6 {
            s.ellipse(jx + rng.range(-22, 22), cy + rng.range(-22, 18), 5, 4, "");
        }
        s.end();
    }
    s.group(&format!("fill=\"{edge}\""));
    for _ in 0..5 {
        s.circle(rng.range(60, 280), rng.range(250, 262), 3, "");
    }
    s.end();
    s.finish()
}

fn puppy(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#bae6fd", "#7dd3fc", "#c7d2fe", "#a5f3fc"]);
    let fur = rng.pick(&["#d6a26b", "#f2d7a6", "#a0673a", "#e8dcc8", "#c97c3d"]);
    let ear = rng.pick(&["#7c4a21", "#5b3716", "#9a5b2a", "#3f2a1c"]);
    let collar = rng.pick(&["#ef4444", "#3b82f6", "#22c55e", "#a855f7"]);
    let ball = rng.pick(BRIGHT);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    s.circle(350, 50, 28, "#fde047");
    cloud(&mut s, 80, 56, 100, "#fff");
    s.rect(0, 210, 400, 90, "#4ade80");
    s.line("M0 212q100-14 200 0t200 0", "#22c55e", 6);
    // Puppy.
    s.line("M258 222q40-12 34-52", fur, 13);
    s.ellipse(222, 228, 56, 42, fur);
    s.ellipse(200, 234, 22, 28, "#fff7ed");
    s.ellipse(184, 264, 18, 10, fur);
    s.ellipse(244, 264, 18, 10, fur);
    s.circle(190, 150, 50, fur);
    if rng.coin() {
        s.ellipse(210, 138, 17, 15, ear);
    }
    s.group(&format!("fill=\"{ear}\""));
    s.ellipse(145, 154, 15, 34, "");
    s.ellipse(235, 154, 15, 34, "");
    s.end();
    s.ellipse(190, 174, 26, 20, "#fff7ed");
    s.circle(172, 142, 7, "#1f2937");
    s.circle(208, 142, 7, "#1f2937");
    s.circle(174, 139, 2, "#fff");
    s.circle(210, 139, 2, "#fff");
    s.ellipse(190, 164, 9, 6, "#1f2937");
    s.ellipse(190, 186, 6, 8, "#f472b6");
    s.line("M178 176q6 6 12-2q6 8 12 2", "#1f2937", 3);
    s.line("M162 196q28 14 56 0", collar, 8);
    s.circle(190, 206, 6, "#facc15");
    // Toys.
    let bx = rng.range(310, 350);
    s.circle(bx, 256, 18, ball);
    s.line(&format!("M{} 244q14 12 0 24", bx - 6), "#fff", 4);
    s.line("M60 262l40-8", "#fff", 8);
    s.group("fill=\"#fff\"");
    s.circle(58, 256, 6, "");
    s.circle(60, 268, 6, "");
    s.circle(100, 248, 6, "");
    s.circle(102, 260, 6, "");
    s.end();
    s.finish()
}

fn kitten(rng: &mut Rng) -> String {
    let wall = rng.pick(&["#fde68a", "#bfdbfe", "#fbcfe8", "#c7d2fe", "#bbf7d0"]);
    let rug = rng.pick(&["#f472b6", "#60a5fa", "#a78bfa", "#34d399"]);
    let (fur, dark) = [
        ("#f59e0b", "#b45309"),
        ("#9ca3af", "#4b5563"),
        ("#fb923c", "#c2410c"),
        ("#f5f5f4", "#a8a29e"),
        ("#57534e", "#292524"),
    ][rng.below(5) as usize];
    let yarn = rng.pick(&["#ef4444", "#3b82f6", "#a855f7", "#22c55e"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, wall);
    // Window with sun.
    s.rect(34, 34, 120, 96, "#fff");
    s.rect(42, 42, 104, 80, "#7dd3fc");
    s.circle(118, 70, 14, "#fde047");
    s.line("M94 42v80M42 82h104", "#fff", 6);
    s.rect(0, 220, 400, 80, "#d4a373");
    s.line("M0 250h400M0 280h400", "#b08968", 2);
    s.ellipse(220, 266, 150, 26, rug);
    // Yarn.
    s.line("M300 252q-20 24-64 18", yarn, 3);
    s.circle(318, 240, 24, yarn);
    s.line(
        "M300 228q18 6 30 30M306 222q24 10 32 28M298 248q14-14 38-12",
        "#fff8",
        3,
    );
    // Kitten.
    s.line("M252 256q46-8 40-50q-4-20 12-28", fur, 12);
    s.ellipse(214, 234, 48, 38, fur);
    s.ellipse(200, 240, 18, 24, "#fff8");
    s.ellipse(194, 268, 14, 8, fur);
    s.ellipse(236, 268, 14, 8, fur);
    s.poly("160,146 164,94 198,128", fur);
    s.poly("240,146 236,94 202,128", fur);
    s.poly("168,136 170,108 188,128", "#f9a8d4");
    s.poly("232,136 230,108 212,128", "#f9a8d4");
    s.ellipse(200, 166, 48, 42, fur);
    if rng.coin() {
        s.line("M190 130v12M200 127v14M210 130v12", dark, 4);
    }
    s.ellipse(182, 164, 7, 10, "#1f2937");
    s.ellipse(218, 164, 7, 10, "#1f2937");
    s.circle(184, 160, 3, "#fff");
    s.circle(220, 160, 3, "#fff");
    s.poly("194,180 206,180 200,187", "#f472b6");
    s.line("M200 187q-6 8-13 3M200 187q6 8 13 3", "#1f2937", 2);
    s.line(
        "M170 184h-30M170 191l-28 6M230 184h30M230 191l28 6",
        dark,
        2,
    );
    s.finish()
}

fn football(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#7dd3fc", "#93c5fd", "#bae6fd", "#fdba74"]);
    let grass = rng.pick(&["#16a34a", "#15803d", "#22a34a"]);
    let flag = rng.pick(BRIGHT);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    // Stands with a crowd (round dots from dashed strokes).
    s.rect(0, 36, 400, 74, "#475569");
    for (i, y) in [50, 66, 82, 98].into_iter().enumerate() {
        let c = rng.pick(BRIGHT);
        let d = format!("M{} {y}H400", 6 + (i as i32 % 2) * 8);
        s.push(format_args!(
            "<path d=\"{d}\" stroke=\"{c}\" stroke-width=\"10\" stroke-linecap=\"round\" stroke-dasharray=\"0 16\"/>"
        ));
    }
    // Pitch with mowing stripes.
    s.rect(0, 110, 400, 190, grass);
    s.group("fill=\"#fff\" opacity=\".12\"");
    for x in (0..400).step_by(100) {
        s.rect(x, 110, 50, 190, "");
    }
    s.end();
    // Goal and net.
    let mut net = String::new();
    for x in (125..290).step_by(15) {
        let _ = write!(net, "M{x} 120v80");
    }
    for y in (130..200).step_by(14) {
        let _ = write!(net, "M110 {y}h180");
    }
    s.line(&net, "#e2e8f0", 2);
    s.line("M110 200V112h180v88", "#fff", 8);
    s.line("M30 200h340M80 200l-30 80M320 200l30 80", "#fff", 4);
    // Corner flag.
    s.line("M376 204v-40", "#fff", 3);
    s.poly("377,164 396,171 377,178", flag);
    // Ball.
    let bx = rng.range(170, 240);
    s.ellipse(bx + 6, 282, 28, 6, "#0003");
    s.circle(bx, 248, 30, "#fff");
    s.group("fill=\"#1f2937\"");
    s.poly(&star_points(bx as f64, 248.0, 11.0, 11.0 * 0.81, 5), "");
    for i in 0..5 {
        let a = std::f64::consts::PI * (i as f64 * 0.4 - 0.5);
        let (x, y) = (bx as f64 + 25.0 * a.cos(), 248.0 + 25.0 * a.sin());
        let _ = write!(s.0, "<circle cx=\"{}\" cy=\"{}\" r=\"5\"/>", num(x), num(y));
    }
    s.end();
    s.push(format_args!(
        "<circle cx=\"{bx}\" cy=\"248\" r=\"30\" fill=\"none\" stroke=\"#1f2937\" stroke-width=\"2\"/>"
    ));
    s.finish()
}

fn trophy(rng: &mut Rng) -> String {
    let bg = rng.pick(&["#7c3aed", "#2563eb", "#db2777", "#0d9488", "#ea580c"]);
    let podium = rng.pick(&["#1e3a8a", "#7f1d1d", "#14532d", "#312e81"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, bg);
    // Rays.
    let spin = rng.below(30) as f64;
    let mut d = String::new();
    for k in 0..8 {
        let a0 = (k as f64 * 45.0 + spin).to_radians();
        let a1 = a0 + 22.5f64.to_radians();
        let _ = write!(
            d,
            "M200 130L{} {}L{} {}z",
            num(200.0 + 400.0 * a0.cos()),
            num(130.0 + 400.0 * a0.sin()),
            num(200.0 + 400.0 * a1.cos()),
            num(130.0 + 400.0 * a1.sin())
        );
    }
    s.group("opacity=\".15\"");
    s.path(&d, "#fff");
    s.end();
    // Podium.
    s.rect(110, 236, 180, 64, podium);
    s.rect(110, 236, 180, 8, "#fff4");
    s.poly(&star_points(200.0, 270.0, 14.0, 6.0, 5), "#fde047");
    // Cup.
    s.line(
        "M144 86q-44-2-34 36q8 20 42 18M256 86q44-2 34 36q-8 20-42 18",
        "#f59e0b",
        10,
    );
    s.rrect(160, 214, 80, 22, 4, "#92400e");
    s.rect(182, 221, 36, 8, "#fbbf24");
    s.path("M188 214l6-36h12l6 36z", "#f59e0b");
    s.ellipse(200, 178, 16, 6, "#fbbf24");
    s.path("M140 70h120q0 100-60 106q-60-6-60-106z", "#fbbf24");
    s.rrect(134, 62, 132, 14, 7, "#f59e0b");
    s.poly(&star_points(200.0, 112.0, 20.0, 9.0, 5), "#fff7ae");
    s.group("opacity=\".6\"");
    s.line("M160 86q-2 44 18 70", "#fff", 6);
    s.end();
    // Confetti.
    for _ in 0..16 {
        let x = if rng.coin() {
            rng.range(20, 120)
        } else {
            rng.range(280, 380)
        };
        let (y, c, r) = (rng.range(20, 220), rng.pick(BRIGHT), rng.range(0, 90));
        s.push(format_args!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"5\" fill=\"{c}\" transform=\"rotate({r} {x} {y})\"/>"
        ));
    }
    s.finish()
}

fn block_castle(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#7dd3fc", "#93c5fd", "#a5f3fc", "#c4b5fd"]);
    let (stone, mortar, shade) = [
        ("#9ca3af", "#6b7280", "#8b919a"),
        ("#a8a29e", "#78716c", "#96908b"),
        ("#94a3b8", "#64748b", "#8696ab"),
        ("#d6c7a1", "#a8976b", "#c5b58e"),
    ][rng.below(4) as usize];
    let flag = rng.pick(BRIGHT);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    // Pixel sun and clouds.
    s.rect(324, 24, 44, 44, "#fde047");
    s.rect(332, 32, 28, 28, "#facc15");
    let cx = rng.range(20, 120);
    s.group("fill=\"#fff\"");
    s.rect(cx, 40, 72, 16, "");
    s.rect(cx + 16, 28, 32, 12, "");
    s.rect(cx + 150, 64, 56, 12, "");
    s.rect(cx + 162, 54, 24, 10, "");
    s.end();
    // Castle: towers 65..140 and 260..335, wall between, 15px blocks.
    s.group(&format!("fill=\"{stone}\""));
    s.rect(65, 100, 75, 140, "");
    s.rect(260, 100, 75, 140, "");
    s.rect(140, 150, 120, 90, "");
    for x in [65, 95, 125, 260, 290, 320] {
        s.rect(x, 85, 15, 15, "");
    }
    for x in [155, 185, 215, 245] {
        s.rect(x - 5, 135, 15, 15, "");
    }
    s.end();
    s.group(&format!("fill=\"{shade}\""));
    for _ in 0..6 {
        let (col, row) = (rng.range(0, 17), rng.range(4, 9));
        s.rect(65 + col * 15, 105 + row * 15, 15, 15, "");
    }
    s.end();
    let mut d = String::new();
    for y in (115..240).step_by(15) {
        if y < 150 {
            let _ = write!(d, "M65 {y}h75M260 {y}h75");
        } else {
            let _ = write!(d, "M65 {y}h270");
        }
        let off = if (y / 15) % 2 == 0 { 0 } else { 15 };
        let mut x = 65 + off;
        while x < 335 {
            if y >= 150 || !(140..260).contains(&x) {
                let _ = write!(d, "M{x} {y}v-15");
            }
            x += 30;
        }
    }
    s.line(&d, mortar, 2);
    // Door, windows, flags.
    s.rect(180, 195, 40, 45, "#5b3716");
    s.rect(188, 187, 24, 8, "#5b3716");
    s.line("M193 197v43M207 197v43", "#3f2a1c", 2);
    s.group("fill=\"#1e293b\"");
    for x in [95, 290] {
        s.rect(x, 125, 15, 25, "");
    }
    s.end();
    s.rect(161, 165, 15, 15, "#fbbf24");
    s.rect(224, 165, 15, 15, "#fbbf24");
    s.rect(100, 40, 4, 45, "#374151");
    s.rect(296, 40, 4, 45, "#374151");
    s.rect(104, 40, 30, 18, flag);
    s.rect(300, 40, 30, 18, flag);
    // Grass and dirt blocks.
    s.rect(0, 240, 400, 60, "#92400e");
    s.rect(0, 240, 400, 12, "#4ade80");
    s.group("fill=\"#4ade80\"");
    for x in (10..400).step_by(40) {
        s.rect(x, 252, 10, 6, "");
    }
    s.end();
    let mut g = String::from("M0 270h400");
    for x in (25..400).step_by(25) {
        let _ = write!(g, "M{x} 252v48");
    }
    s.group("opacity=\".25\"");
    s.line(&g, "#000", 2);
    s.end();
    s.finish()
}

fn race_game(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#38bdf8", "#818cf8", "#f472b6", "#fb923c"]);
    let car = rng.pick(&["#ef4444", "#3b82f6", "#f59e0b", "#22c55e", "#a855f7"]);
    let rival = rng.pick(&["#f472b6", "#06b6d4", "#facc15", "#f97316"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, "#111827");
    s.rrect(20, 20, 360, 260, 12, "#22c55e");
    s.rect(28, 28, 344, 110, sky);
    s.poly("28,138 90,80 150,138", "#6366f1");
    s.poly("120,138 200,70 280,138", "#4f46e5");
    s.poly("250,138 320,90 372,130 372,138", "#6366f1");
    s.rect(28, 136, 344, 136, "#22c55e");
    // Road with kerbs and centre line.
    s.poly("186,138 214,138 350,272 50,272", "#4b5563");
    s.line("M186 138L50 272M214 138l136 134", "#ef4444", 8);
    s.dashed("M186 138L50 272M214 138l136 134", "#fff", 8, "10 10");
    s.dashed("M200 140v132", "#fff", 4, "14 12");
    // Trees.
    for (x, y, r) in [
        (60, 170, 14),
        (110, 150, 10),
        (340, 176, 14),
        (292, 152, 10),
    ] {
        s.rect(x - 2, y, 4, r, "#78350f");
        s.circle(x, y, r, "#15803d");
    }
    // Finish banner.
    s.line("M150 162V128M250 162V128", "#e5e7eb", 4);
    s.rect(150, 126, 100, 16, "#fff");
    s.dashed("M150 130h100", "#111827", 8, "8 8");
    s.push(format_args!(
        "<path d=\"M150 138h100\" stroke=\"#111827\" stroke-width=\"8\" stroke-dasharray=\"8 8\" stroke-dashoffset=\"8\"/>"
    ));
    // Rival car ahead.
    let rx = rng.range(196, 216);
    s.rrect(rx - 14, 164, 28, 14, 4, rival);
    s.rect(rx - 17, 172, 6, 8, "#111827");
    s.rect(rx + 11, 172, 6, 8, "#111827");
    // Player car from behind.
    s.rrect(138, 234, 26, 30, 5, "#111827");
    s.rrect(236, 234, 26, 30, 5, "#111827");
    s.rrect(150, 212, 100, 42, 10, car);
    s.rrect(170, 196, 60, 24, 8, "#93c5fd");
    s.rect(142, 204, 116, 8, "#1f2937");
    s.rect(168, 210, 6, 8, "#1f2937");
    s.rect(226, 210, 6, 8, "#1f2937");
    s.rrect(160, 230, 18, 8, 3, "#fde047");
    s.rrect(222, 230, 18, 8, 3, "#fde047");
    s.rect(192, 244, 16, 6, "#374151");
    // HUD: lap blocks and speedometer.
    let laps = rng.range(1, 3);
    for i in 0..3 {
        s.rrect(
            40 + i * 22,
            38,
            16,
            16,
            3,
            if i < laps { "#facc15" } else { "#fff6" },
        );
    }
    s.line("M312 78a25 25 0 0 1 50 0", "#fff8", 6);
    let a = std::f64::consts::PI * (1.0 + rng.range(30, 90) as f64 / 100.0);
    let (nx, ny) = (num(337.0 + 25.0 * a.cos()), num(78.0 + 25.0 * a.sin()));
    s.line(&format!("M312 78A25 25 0 0 1 {nx} {ny}"), "#f97316", 6);
    s.line(&format!("M337 78L{nx} {ny}"), "#fff", 3);
    s.circle(337, 78, 4, "#fff");
    s.finish()
}

fn drawing(rng: &mut Rng) -> String {
    let table = rng.pick(&["#c08552", "#deb887", "#a47148", "#d4a373"]);
    const CRAYON: &[(&str, &str)] = &[
        ("#fecaca", "#ef4444"),
        ("#bfdbfe", "#3b82f6"),
        ("#fde68a", "#f59e0b"),
        ("#ddd6fe", "#8b5cf6"),
        ("#bbf7d0", "#22c55e"),
        ("#fbcfe8", "#ec4899"),
    ];
    let pick = |rng: &mut Rng| CRAYON[rng.below(CRAYON.len() as u64) as usize];
    let (house, roof, petal) = (pick(rng), pick(rng), pick(rng));
    let tilt = rng.range(-5, 3);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, table);
    s.group("opacity=\".2\"");
    s.line(
        "M0 20q200 14 400 0M0 120q200-12 400 4M0 280q200 10 400-6",
        "#5b3716",
        3,
    );
    s.end();
    s.group(&format!("transform=\"rotate({tilt} 200 150)\""));
    s.rect(66, 38, 280, 224, "#0002");
    s.rect(60, 30, 280, 224, "#fff");
    // Sun and cloud.
    s.line(
        "M300 44v-8M300 100v8M272 72h-8M328 72h8M281 53l-6-6M319 53l6-6M281 91l-6 6M319 91l6 6",
        "#f59e0b",
        4,
    );
    s.circle(300, 72, 18, "#facc15");
    s.shape(
        "M90 70q5-15 20-8q8-14 24-4q16-4 16 12q-4 10-20 8q-10 8-24 2q-18 4-16-10z",
        "#e0f2fe",
        "#3b82f6",
        3,
    );
    // House.
    s.shape("M100 214l2-62 76-2 2 64z", house.0, house.1, 4);
    s.shape("M92 154l48-46 48 44z", roof.0, roof.1, 4);
    s.shape("M130 214v-34h20v34", "#fed7aa", "#c2410c", 3);
    s.shape(
        "M108 164h18v18h-18zM117 164v18M108 173h18",
        "#e0f2fe",
        "#0ea5e9",
        3,
    );
    // Flower and stick-figure kid.
    s.line("M230 218q4-30-2-56M230 196q14-12 22-4", "#22c55e", 4);
    s.group(&format!(
        "fill=\"{}\" stroke=\"{}\" stroke-width=\"3\"",
        petal.0, petal.1
    ));
    for (x, y) in [(228, 138), (240, 150), (228, 162), (216, 150)] {
        s.circle(x, y, 9, "");
    }
    s.end();
    s.circle(228, 150, 7, "#facc15");
    s.shape("M284 148a12 12 0 1 0 0.1 0z", "#fde68a", "#f59e0b", 3);
    s.line(
        "M284 172v24M284 180l-16-8M284 180l16-10M284 196l-10 20M284 196l10 20M279 163q5 5 10 0",
        "#1f2937",
        3,
    );
    s.circle(280, 156, 2, "#1f2937");
    s.circle(288, 156, 2, "#1f2937");
    let mut grass = String::from("M70 232");
    for _ in 0..16 {
        grass.push_str("l8-10 8 10");
    }
    s.line(&grass, "#16a34a", 4);
    s.end();
    // Crayons.
    for (i, (y, rot)) in [(268, -18), (282, -6)].into_iter().enumerate() {
        let c = CRAYON[(rng.below(6) as usize + i * 3) % CRAYON.len()].1;
        s.group(&format!("transform=\"rotate({rot} 330 {y})\""));
        s.rrect(290, y - 7, 80, 14, 3, c);
        s.poly(&format!("370,{} 386,{y} 370,{}", y - 7, y + 7), c);
        s.rect(302, y - 7, 50, 14, "#fff6");
        s.end();
    }
    s.finish()
}

fn treehouse(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#bae6fd", "#7dd3fc", "#c7d2fe", "#fed7aa"]);
    let (leaf, leaf2) = [
        ("#16a34a", "#22c55e"),
        ("#15803d", "#4ade80"),
        ("#65a30d", "#84cc16"),
    ][rng.below(3) as usize];
    let wall = rng.pick(&["#d97706", "#ef4444", "#3b82f6", "#a855f7", "#0d9488"]);
    let roof = rng.pick(&["#7f1d1d", "#1e3a8a", "#78350f", "#be185d"]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    s.circle(rng.range(40, 80), 46, 24, "#fde047");
    s.rect(0, 250, 400, 50, "#4ade80");
    // Trunk and canopy.
    s.path("M168 300q14-80 8-190h48q-6 110 12 190z", "#92400e");
    s.group(&format!("fill=\"{leaf}\""));
    for (x, y, r) in [
        (120, 96, 56),
        (200, 62, 62),
        (280, 96, 56),
        (150, 140, 44),
        (250, 140, 44),
    ] {
        s.circle(x, y, r, "");
    }
    s.end();
    s.group(&format!("fill=\"{leaf2}\""));
    for (x, y, r) in [(110, 80, 20), (196, 40, 24), (292, 80, 20)] {
        s.circle(x, y, r, "");
    }
    s.end();
    // Swing hanging from a branch.
    s.line("M228 214q50-12 110-34", "#92400e", 10);
    s.line("M300 196v62M330 184v74", "#d6d3d1", 3);
    s.rect(294, 256, 42, 7, "#78350f");
    // House on its platform.
    s.rect(116, 186, 168, 10, "#78350f");
    s.rect(144, 130, 112, 56, wall);
    s.line("M144 148h112M144 166h112", "#0002", 2);
    s.poly("134,134 200,96 266,134", roof);
    s.rect(160, 146, 26, 22, "#fde68a");
    s.line("M173 146v22M160 157h26", "#78350f", 3);
    s.rect(216, 148, 24, 38, "#5b3716");
    s.circle(234, 168, 2, "#fde047");
    s.line("M200 96V76", "#374151", 2);
    s.poly("200,76 218,81 200,86", rng.pick(BRIGHT));
    // Ladder.
    let mut d = String::from("M128 196l-8 56M150 196l-8 56");
    for y in (206..252).step_by(12) {
        let dx = (y - 196) / 7;
        let _ = write!(d, "M{} {y}h22", 128 - dx);
    }
    s.line(&d, "#a16207", 4);
    s.group("fill=\"#fff\"");
    for _ in 0..6 {
        s.circle(rng.range(10, 390), rng.range(262, 292), 3, "");
    }
    s.end();
    s.finish()
}

fn beach(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#7dd3fc", "#93c5fd", "#bae6fd", "#fdba74"]);
    let sea = rng.pick(&["#0ea5e9", "#06b6d4", "#3b82f6"]);
    let shade = rng.pick(&["#ef4444", "#f97316", "#ec4899", "#8b5cf6", "#22c55e"]);
    let towel = rng.pick(&["#3b82f6", "#f59e0b", "#14b8a6", "#e11d48"]);
    let bucket = rng.pick(BRIGHT);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    s.circle(330, 58, 32, "#fde047");
    cloud(&mut s, rng.range(120, 220), 50, 70, "#fff");
    s.line(
        "M150 90q8-8 16 0q8-8 16 0M200 72q6-6 12 0q6-6 12 0",
        "#334155",
        3,
    );
    s.rect(0, 140, 400, 70, sea);
    s.rect(0, 140, 400, 10, "#0284c7");
    let mut waves = String::new();
    for y in [166, 186] {
        let _ = write!(waves, "M{} {y}", if y == 166 { 0 } else { 12 });
        for _ in 0..16 {
            waves.push_str("q6-6 12 0t12 0");
        }
    }
    s.line(&waves, "#e0f2fe", 3);
    // Sailboat.
    let bx = rng.range(230, 300);
    s.path(&format!("M{bx} 146h50l-10 12h-30z"), "#7c2d12");
    s.poly(
        &format!("{},144 {},104 {},144", bx + 26, bx + 26, bx + 48),
        "#fff",
    );
    s.path("M0 202q200-22 400 0v98H0z", "#fde68a");
    // Parasol and towel.
    s.poly("40,252 150,236 176,272 62,292", towel);
    s.line("M56 262l104-16M66 278l104-16", "#fff", 5);
    s.line("M120 270V128", "#78350f", 5);
    s.path("M54 150a66 42 0 0 1 132 0z", shade);
    s.poly("120,108 86,150 120,150", "#fff");
    s.poly("120,108 154,150 186,150", "#fff");
    // Beach ball.
    s.circle(236, 262, 20, "#fff");
    s.path("M236 242a20 20 0 0 0-20 20h20z", "#ef4444");
    s.path("M256 262a20 20 0 0 1-20 20v-20z", "#3b82f6");
    // Sandcastle with bucket.
    s.group("fill=\"#eab308\"");
    s.rect(304, 222, 72, 44, "");
    s.rect(298, 202, 24, 64, "");
    s.rect(358, 202, 24, 64, "");
    for x in [298, 314, 358, 374] {
        s.rect(x, 194, 8, 8, "");
    }
    s.end();
    s.path("M332 266v-18a8 8 0 0 1 16 0v18z", "#a16207");
    s.line("M310 202v-22", "#374151", 2);
    s.poly("311,180 326,185 311,190", shade);
    s.poly("270,236 294,236 290,266 274,266", bucket);
    s.line("M270 236q12-18 24 0", "#374151", 2);
    s.poly(&star_points(190.0, 282.0, 11.0, 5.0, 5), "#fb7185");
    s.finish()
}

fn snowman(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#60a5fa", "#3b82f6", "#1e3a8a", "#6366f1", "#0ea5e9"]);
    let scarf = rng.pick(&["#ef4444", "#22c55e", "#f59e0b", "#ec4899", "#8b5cf6"]);
    let band = rng.pick(BRIGHT);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    dots(&mut s, rng, "#fff", 30, (4, 4, 396, 196), 3);
    s.path("M0 200q100-40 220-6t180-12v118H0z", "#e2e8f0");
    s.path("M0 226q100-26 200-6t200-8v88H0z", "#f8fafc");
    // Pine trees.
    for (x, h) in [(52, 120), (340, 140), (376, 90)] {
        let top = 230 - h;
        s.rect(x - 5, 222, 10, 14, "#78350f");
        s.poly(
            &format!("{},{} {x},{top} {},{}", x - 32, 224, x + 32, 224),
            "#166534",
        );
        s.poly(
            &format!("{},{} {x},{top} {},{}", x - 12, top + 26, x + 12, top + 26),
            "#fff",
        );
    }
    // Snowman.
    s.line(
        "M162 158l-42-26M130 138l-12-14M238 158l44-30M270 136l14-12",
        "#78350f",
        5,
    );
    s.group("fill=\"#fff\" stroke=\"#cbd5e1\" stroke-width=\"2\"");
    s.circle(200, 234, 55, "");
    s.circle(200, 160, 40, "");
    s.circle(200, 100, 30, "");
    s.end();
    s.group("fill=\"#1f2937\"");
    for (x, y, r) in [
        (190, 94, 4),
        (210, 94, 4),
        (200, 152, 4),
        (200, 172, 4),
        (200, 220, 5),
        (200, 246, 5),
    ] {
        s.circle(x, y, r, "");
    }
    for x in [188, 194, 200, 206, 212] {
        s.circle(x, 120 - (x - 200).abs() / 4, 2, "");
    }
    s.end();
    s.poly("200,100 234,106 200,110", "#f97316");
    s.rrect(166, 124, 68, 12, 6, scarf);
    s.rrect(206, 130, 14, 40, 4, scarf);
    s.rrect(176, 44, 48, 42, 3, "#1f2937");
    s.rect(176, 72, 48, 8, band);
    s.rrect(164, 82, 72, 8, 3, "#1f2937");
    s.finish()
}

fn bike(rng: &mut Rng) -> String {
    let sky = rng.pick(&["#bae6fd", "#7dd3fc", "#fde68a", "#c7d2fe"]);
    let frame = rng.pick(&[
        "#ef4444", "#3b82f6", "#22c55e", "#a855f7", "#f97316", "#ec4899",
    ]);
    let mut s = Svg::new(400, 300);
    s.rect(0, 0, 400, 300, sky);
    s.circle(60, 54, 26, "#fde047");
    cloud(&mut s, rng.range(200, 320), 56, 90, "#fff");
    s.rect(0, 200, 400, 100, "#4ade80");
    for (x, r) in [(30, 30), (370, 36)] {
        s.rect(x - 5, 180, 10, 40, "#78350f");
        s.circle(x, 170, r, "#16a34a");
    }
    s.rect(0, 250, 400, 30, "#d1d5db");
    // Wheels with spokes.
    let spin = rng.below(30) as f64;
    let mut spokes = String::new();
    for cx in [110.0, 290.0] {
        for k in 0..6 {
            let a = (k as f64 * 30.0 + spin).to_radians();
            let (dx, dy) = (50.0 * a.cos(), 50.0 * a.sin());
            let _ = write!(
                spokes,
                "M{} {}L{} {}",
                num(cx - dx),
                num(195.0 - dy),
                num(cx + dx),
                num(195.0 + dy)
            );
        }
    }
    s.line(&spokes, "#9ca3af", 2);
    s.group("fill=\"none\" stroke=\"#1f2937\" stroke-width=\"10\"");
    s.circle(110, 195, 55, "");
    s.circle(290, 195, 55, "");
    s.end();
    s.group("fill=\"#6b7280\"");
    s.circle(110, 195, 7, "");
    s.circle(290, 195, 7, "");
    s.end();
    // Frame.
    s.line(
        "M190 200h-80l56-90zM190 200l-24-90M190 200l78-78M166 110l102-4",
        frame,
        9,
    );
    s.line("M268 104l22 91", "#4b5563", 7);
    s.line("M166 110l-4-18M268 104l-4-20", "#4b5563", 5);
    s.path("M140 90q22-10 46 0q-22 8-46 0z", "#1f2937");
    s.line("M250 86q14-8 30 0", "#1f2937", 6);
    // Basket and chain set.
    s.path("M276 70h44l-6 30h-32z", "#d97706");
    s.line("M282 80h34M284 90h30", "#92400e", 2);
    s.push(format_args!(
        "<circle cx=\"190\" cy=\"200\" r=\"14\" fill=\"#e5e7eb\" stroke=\"#6b7280\" stroke-width=\"3\"/>"
    ));
    s.line("M190 200l14 24", "#374151", 5);
    s.rrect(196, 222, 18, 6, 2, "#1f2937");
    s.finish()
}

// ---------------------------------------------------------------------------
// Avatars (64 x 64)
// ---------------------------------------------------------------------------

type AnimalFn = fn(&mut Svg, &mut Rng);

const ANIMALS: &[(&str, AnimalFn)] = &[
    ("cat", cat),
    ("dog", dog),
    ("fox", fox),
    ("bear", bear),
    ("owl", owl),
    ("rabbit", rabbit),
    ("panda", panda),
    ("frog", frog),
    ("pig", pig),
];

/// Two dark eyes with highlights.
fn eyes(s: &mut Svg, y: i32, gap: i32, r: i32) {
    s.circle(32 - gap, y, r, "#1f2937");
    s.circle(32 + gap, y, r, "#1f2937");
    s.circle(33 - gap, y - 1, 1, "#fff");
    s.circle(33 + gap, y - 1, 1, "#fff");
}

fn cat(s: &mut Svg, rng: &mut Rng) {
    let fur = rng.pick(&["#f59e0b", "#9ca3af", "#fb923c", "#57534e"]);
    s.poly("12,28 16,8 30,18", fur);
    s.poly("52,28 48,8 34,18", fur);
    s.poly("16,24 18,13 26,19", "#f9a8d4");
    s.poly("48,24 46,13 38,19", "#f9a8d4");
    s.circle(32, 36, 20, fur);
    eyes(s, 34, 8, 3);
    s.poly("29,40 35,40 32,43", "#f472b6");
    s.line("M22 42H11M22 46l-10 3M42 42h11M42 46l10 3", "#374151", 1);
}

fn dog(s: &mut Svg, rng: &mut Rng) {
    let fur = rng.pick(&["#d6a26b", "#f2d7a6", "#c97c3d"]);
    s.circle(32, 36, 19, fur);
    s.ellipse(14, 34, 6, 12, "#7c4a21");
    s.ellipse(50, 34, 6, 12, "#7c4a21");
    s.ellipse(32, 44, 10, 8, "#fff7ed");
    eyes(s, 32, 7, 3);
    s.ellipse(32, 40, 4, 3, "#1f2937");
    s.ellipse(32, 49, 3, 4, "#f472b6");
}

fn fox(s: &mut Svg, _rng: &mut Rng) {
    s.poly("12,30 16,8 30,20", "#ea580c");
    s.poly("52,30 48,8 34,20", "#ea580c");
    s.poly("17,24 18,14 25,20", "#1f2937");
    s.poly("47,24 46,14 39,20", "#1f2937");
    s.path("M10 28q22-12 44 0q-4 16-22 26q-18-10-22-26z", "#f97316");
    s.path(
        "M14 36q12 2 18 18q-12-6-18-18zM50 36q-12 2-18 18q12-6 18-18z",
        "#fff",
    );
    eyes(s, 34, 8, 3);
    s.circle(32, 51, 3, "#1f2937");
}

fn bear(s: &mut Svg, rng: &mut Rng) {
    let fur = rng.pick(&["#92400e", "#a16207", "#78350f"]);
    s.circle(16, 20, 7, fur);
    s.circle(48, 20, 7, fur);
    s.circle(16, 20, 3, "#fcd34d");
    s.circle(48, 20, 3, "#fcd34d");
    s.circle(32, 36, 20, fur);
    s.ellipse(32, 43, 9, 7, "#fde68a");
    eyes(s, 33, 8, 3);
    s.ellipse(32, 40, 4, 3, "#1f2937");
}

fn owl(s: &mut Svg, rng: &mut Rng) {
    let fur = rng.pick(&["#a16207", "#7c3aed", "#0f766e"]);
    s.poly("14,16 22,24 14,28", fur);
    s.poly("50,16 42,24 50,28", fur);
    s.ellipse(32, 36, 20, 22, fur);
    s.circle(24, 32, 9, "#fef3c7");
    s.circle(40, 32, 9, "#fef3c7");
    eyes(s, 32, 8, 5);
    s.poly("29,38 35,38 32,44", "#f97316");
    s.line("M26 50q3 3 6 0q3 3 6 0", "#fef3c7", 2);
}

fn rabbit(s: &mut Svg, rng: &mut Rng) {
    let fur = rng.pick(&["#f5f5f4", "#d6d3d1", "#fde68a"]);
    s.ellipse(24, 18, 5, 14, fur);
    s.ellipse(40, 18, 5, 14, fur);
    s.ellipse(24, 18, 2, 10, "#f9a8d4");
    s.ellipse(40, 18, 2, 10, "#f9a8d4");
    s.circle(32, 40, 17, fur);
    eyes(s, 38, 7, 3);
    s.ellipse(32, 44, 3, 2, "#f472b6");
    s.circle(22, 46, 3, "#fbcfe8");
    s.circle(42, 46, 3, "#fbcfe8");
}

fn panda(s: &mut Svg, _rng: &mut Rng) {
    s.circle(17, 19, 7, "#1f2937");
    s.circle(47, 19, 7, "#1f2937");
    s.circle(32, 36, 20, "#fff");
    s.ellipse(24, 35, 5, 7, "#1f2937");
    s.ellipse(40, 35, 5, 7, "#1f2937");
    s.circle(24, 34, 2, "#fff");
    s.circle(40, 34, 2, "#fff");
    s.ellipse(32, 44, 4, 3, "#1f2937");
}

fn frog(s: &mut Svg, rng: &mut Rng) {
    let skin = rng.pick(&["#4ade80", "#22c55e", "#84cc16"]);
    s.circle(21, 24, 9, skin);
    s.circle(43, 24, 9, skin);
    s.ellipse(32, 40, 22, 16, skin);
    s.circle(21, 24, 5, "#fff");
    s.circle(43, 24, 5, "#fff");
    s.circle(21, 25, 3, "#1f2937");
    s.circle(43, 25, 3, "#1f2937");
    s.line("M22 44q10 8 20 0", "#14532d", 2);
    s.circle(17, 42, 3, "#f9a8d4");
    s.circle(47, 42, 3, "#f9a8d4");
}

fn pig(s: &mut Svg, _rng: &mut Rng) {
    s.poly("14,14 26,20 16,28", "#f9a8d4");
    s.poly("50,14 38,20 48,28", "#f9a8d4");
    s.circle(32, 36, 20, "#fbcfe8");
    eyes(s, 31, 8, 3);
    s.ellipse(32, 42, 8, 6, "#f472b6");
    s.ellipse(29, 42, 1, 2, "#9d174d");
    s.ellipse(35, 42, 1, 2, "#9d174d");
}

fn pattern_avatar(s: &mut Svg, rng: &mut Rng) {
    let bg = rng.pick(&[
        "#1e40af", "#7c3aed", "#be185d", "#0f766e", "#c2410c", "#15803d",
    ]);
    let a = rng.pick(&["#fde047", "#f9a8d4", "#a5f3fc", "#bbf7d0"]);
    let b = rng.pick(&["#fff", "#fb923c", "#60a5fa", "#f472b6"]);
    s.circle(32, 32, 32, bg);
    match rng.below(4) {
        0 => {
            s.circle(32, 32, 24, a);
            s.circle(32, 32, 16, b);
            s.circle(32, 32, 8, bg);
        }
        1 => {
            s.poly("32,32 32,6 54,20", a);
            s.poly("32,32 58,32 44,54", b);
            s.poly("32,32 32,58 10,44", a);
            s.poly("32,32 6,32 20,10", b);
        }
        2 => {
            for (i, (x, y)) in [
                (32, 32),
                (32, 14),
                (48, 23),
                (48, 41),
                (32, 50),
                (16, 41),
                (16, 23),
            ]
            .into_iter()
            .enumerate()
            {
                s.circle(x, y, 6, if i % 2 == 0 { a } else { b });
            }
        }
        _ => {
            let (x, y) = (rng.range(16, 26), rng.range(16, 26));
            s.circle(x, y, 9, a);
            s.poly("28,50 40,30 52,50", b);
            s.rect(18, 34, 14, 14, b);
            s.circle(44, 20, 5, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_clean(svg: &str) {
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.ends_with("</svg>"), "{svg}");
        for bad in ["href", "<script", "http", "<image", "<style", "<text"] {
            assert!(!svg.contains(bad), "found {bad:?} in {svg}");
        }
        assert!(!svg.contains("\n"), "output should be compact");
        assert_eq!(
            svg.matches("<g").count(),
            svg.matches("</g>").count(),
            "unbalanced groups"
        );
    }

    #[test]
    fn every_scene_renders_clean_svg() {
        for &scene in SCENES {
            for variant in (0..64).chain([u64::MAX]) {
                let svg = scene_svg(scene, variant).expect(scene);
                assert_clean(&svg);
                assert!(svg.starts_with("<svg viewBox=\"0 0 400 300\">"));
                assert!(svg.len() < 4096, "{scene} is {} bytes", svg.len());
                let shapes = ["<rect", "<circle", "<ellipse", "<path", "<polygon"]
                    .iter()
                    .map(|t| svg.matches(t).count())
                    .sum::<usize>();
                assert!(shapes >= 10, "{scene} has only {shapes} shapes");
            }
        }
    }

    #[test]
    fn scenes_are_deterministic() {
        for &scene in SCENES {
            assert_eq!(scene_svg(scene, 7), scene_svg(scene, 7));
        }
    }

    #[test]
    fn variants_differ() {
        let differing = SCENES
            .iter()
            .filter(|&&sc| scene_svg(sc, 1) != scene_svg(sc, 2))
            .count();
        assert!(
            differing >= SCENES.len() - 2,
            "only {differing} scenes differ"
        );
        for &scene in SCENES {
            let mut seen: Vec<String> = (0..8).map(|v| scene_svg(scene, v).unwrap()).collect();
            seen.sort();
            seen.dedup();
            assert!(seen.len() >= 4, "{scene} has only {} looks", seen.len());
        }
    }

    #[test]
    fn unknown_scene_is_none() {
        assert_eq!(scene_svg("dragon", 0), None);
        assert_eq!(scene_svg("", 0), None);
        assert_eq!(scene_svg("Rocket", 0), None);
    }

    #[test]
    fn avatars_render_clean_svg() {
        for style in [
            AvatarStyle::Initial,
            AvatarStyle::Animal,
            AvatarStyle::Pattern,
            AvatarStyle::Blank,
        ] {
            for variant in 0..20 {
                let svg = avatar_svg(style, "AB", variant);
                assert!(svg.starts_with("<svg viewBox=\"0 0 64 64\">"), "{svg}");
                assert!(svg.ends_with("</svg>"));
                for bad in ["href", "<script", "http", "<image", "<style", "\n"] {
                    assert!(!svg.contains(bad), "found {bad:?} in {svg}");
                }
                assert_eq!(svg, avatar_svg(style, "AB", variant));
            }
        }
    }

    #[test]
    fn avatar_letters_are_escaped_and_truncated() {
        let svg = avatar_svg(AvatarStyle::Initial, "<&x", 3);
        assert!(svg.contains(">&lt;&amp;</text>"), "{svg}");
        assert!(!svg.contains("<&"));
        let svg = avatar_svg(AvatarStyle::Initial, "\"'", 3);
        assert!(svg.contains(">&quot;&#39;</text>"), "{svg}");
        let svg = avatar_svg(AvatarStyle::Initial, " Zoë ", 3);
        assert!(svg.contains(">Zo</text>"), "{svg}");
        // Nothing to show falls back to the blank silhouette.
        assert_eq!(
            avatar_svg(AvatarStyle::Initial, "  ", 5),
            avatar_svg(AvatarStyle::Blank, "", 5)
        );
    }

    #[test]
    fn animal_avatars_vary() {
        let mut seen: Vec<String> = (0..40)
            .map(|v| avatar_svg(AvatarStyle::Animal, "", v))
            .collect();
        seen.sort();
        seen.dedup();
        assert!(seen.len() >= 12);
    }
}
