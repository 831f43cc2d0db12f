//! How long generating a 40-comment feed takes (target: 200 µs or less).
//! Run: `make bench` (or `cargo bench --features ssr --bench generate_feed`).

use criterion::{Criterion, criterion_group, criterion_main};
use feedwise::domain::corpus::Corpus;
use feedwise::domain::generator::generate;
use feedwise::domain::model::{AgeBand, Difficulty, FeedSettings, Lang, Platform};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    for lang in Lang::ALL {
        let corpus = Corpus::builtin(lang).expect("corpus");
        let mut settings = FeedSettings::home(Platform::Video, AgeBand::Age12To14, Difficulty::new(3).unwrap());
        settings.comment_count = 40;
        let mut seed = 0u64;
        c.bench_function(&format!("generate 40-comment feed ({})", lang.code()), |b| {
            b.iter(|| {
                seed += 1;
                black_box(generate(corpus, &settings, black_box(seed)))
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
