//! Reading-time counting speed against `unicode_words().count()`, in the same run.
//!
//! Targets: at least 1 GB/s on English prose and 300 MB/s on CJK text; Korean, Russian and
//! French text (letters outside ASCII, between spaces) are measured too.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::reading_time::ReadingTime;
use std::hint::black_box;
use unicode_segmentation::UnicodeSegmentation;

const SAMPLE: &str = include_str!("../examples/articles/regional-development.md");
const CHINESE: &str = "朝鲜再次把地方发展政策放在首位：十年内每年在二十个市、郡建设现代化工厂。内阁总理在平安南道平原郡的开工仪式上作出上述表态。分析人士认为，这与即将召开的党代会有关，不过电力和原材料短缺可能让目标难以实现。\n\n";
const JAPANESE: &str = "北朝鮮は、毎年二十の市や郡に新しい工場を建てる政策を改めて前面に打ち出した。首相はこの政策を党と国家の最優先課題だと述べた。ただし、電力や資材の不足を考えると、目標の達成は容易ではないという見方が多い。\n\n";

const KOREAN: &str = "북한이 지역 발전 정책을 다시 앞세웠다. 십 년 동안 해마다 스무 개 시와 군에 현대적인 공장을 짓겠다는 것이다. 총리는 평안남도 평원군 착공식에서 이 정책을 당과 국가의 최우선 과제라고 말했다. 다만 전력과 자재가 부족해 목표를 이루기는 쉽지 않다는 분석이 많다.\n\n";
const RUSSIAN: &str = "Северная Корея снова поставила на первое место политику развития регионов: каждый год в двадцати городах и уездах должны появляться новые фабрики. Премьер назвал эту задачу главной для партии и государства, но нехватка электроэнергии и сырья может помешать.\n\n";
const FRENCH: &str = "La Corée du Nord remet en avant sa politique de développement régional : chaque année, vingt villes et districts doivent accueillir une usine moderne. Le Premier ministre l’a qualifiée de priorité absolue, même si les pénuries d’électricité et de matériaux rendent l’objectif difficile à atteindre.\n\n";

/// About 256 KiB of text made by repeating `unit`.
fn corpus(unit: &str) -> String {
    unit.repeat(256 * 1024 / unit.len() + 1)
}

fn english_prose() -> String {
    // The sample's body: plain English prose with punctuation.
    let body = SAMPLE.rsplit("+++\n").next().unwrap_or(SAMPLE);
    corpus(&body.replace("## ", ""))
}

fn bench(c: &mut Criterion, name: &str, text: &str) {
    let mut group = c.benchmark_group(format!("count/{name}"));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("dateline", |b| {
        b.iter(|| ReadingTime::of_text(black_box(text)).words())
    });
    group.bench_function("unicode_words", |b| {
        b.iter(|| black_box(text).unicode_words().count())
    });
    group.finish();
}

fn counting(c: &mut Criterion) {
    bench(c, "english", &english_prose());
    // The same prose as a publishing system types it: curly apostrophes and em dashes.
    bench(
        c,
        "english_typographic",
        &english_prose()
            .replace('\'', "\u{2019}")
            .replace(" - ", " \u{2014} "),
    );
    bench(c, "chinese", &corpus(CHINESE));
    bench(c, "japanese", &corpus(JAPANESE));
    bench(c, "korean", &corpus(KOREAN));
    bench(c, "russian", &corpus(RUSSIAN));
    bench(c, "french", &corpus(FRENCH));
}

criterion_group!(benches, counting);
criterion_main!(benches);
