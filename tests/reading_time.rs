//! Reading time against its definition: word counts equal UAX #29 (as
//! `unicode-segmentation` finds words) on any mix of scripts, and the label reads right in
//! every built-in language.

use dateline::locale::Strings;
use dateline::reading_time::{ReadingSpeed, ReadingTime, is_cjk};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// The definition: UAX #29 words with a letter or digit outside Han, Hiragana and Katakana.
fn reference_words(text: &str) -> u64 {
    text.unicode_words()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric() && !is_cjk(c)))
        .count() as u64
}

/// Of the reference words, those with Hangul in them.
fn reference_korean_words(text: &str) -> u64 {
    let hangul = |c: char| {
        matches!(c,
            '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}'
            | '\u{a960}'..='\u{a97f}' | '\u{d7b0}'..='\u{d7ff}' | '\u{ffa0}'..='\u{ffdc}')
    };
    text.unicode_words()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric() && !is_cjk(c)))
        .filter(|w| w.chars().any(hangul))
        .count() as u64
}

fn reference_cjk(text: &str) -> u64 {
    text.chars().filter(|c| is_cjk(*c)).count() as u64
}

/// Pieces that stress word boundaries: apostrophes, hyphens, digits with separators,
/// URLs, emoji, combining marks, and every script the estimator knows.
const PIECES: &[&str] = &[
    "word",
    "Word",
    "can't",
    "rock'n'roll",
    "e.g.",
    "U.S.A.",
    "well-known",
    "--",
    "-",
    "_",
    "__init__",
    "snake_case",
    "3.14",
    "1,000,000",
    "12:30",
    "1;2",
    "4'5",
    "v1.2.3",
    "a.1",
    "1.a",
    "x:y",
    ":",
    ".",
    ",",
    "'",
    "\"",
    "(",
    ")",
    "[1]",
    "https://example.com/a_b?c=1&d=2#e",
    "user@example.com",
    "#tag",
    "@name",
    "😀",
    "👨‍👩‍👧",
    "🇰🇷",
    "1️⃣",
    "👍🏽",
    "\u{200d}",
    "e\u{301}",
    "\u{301}",
    "\u{93f}",
    "a\u{308}\u{308}",
    "naïve",
    "café",
    "“quoted”",
    "don’t",
    "—",
    "–",
    "…",
    "Привет",
    "мир",
    "Καλημέρα",
    "κόσμε",
    "مرحبا",
    "بالعالم",
    "שלום",
    "עולם",
    "한국어",
    "읽기",
    "K-pop",
    "서울시",
    "ㄱㄴ",
    "中文",
    "汉字",
    "人々",
    "〇",
    "ひらがな",
    "カタカナ",
    "ｶﾀｶﾅ",
    "ー",
    "カ_a",
    "a_カ",
    "東京Tokyo",
    "한국abc",
    "。",
    "、",
    "，",
    "「",
    "」",
    "！",
    "？",
    "１２３",
    "ＡＢＣ",
    "ไทย",
    "नमस्ते",
    "\u{feff}",
    "\u{a0}",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u{3000}",
    "\u{2028}",
];

fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_owned),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[a-zA-Z0-9'.,:;_ -]{1,12}",
        // Letters of other alphabets next to ASCII joiners, digits and letters, from
        // whole blocks, so that the letters counted like ASCII and their neighbours
        // (signs, marks, punctuation) meet.
        2 => proptest::collection::vec(
            prop_oneof![
                proptest::char::range('\u{a0}', '\u{2ff}'),
                proptest::char::range('\u{370}', '\u{52f}'),
                proptest::char::range('\u{600}', '\u{6ff}'),
                proptest::char::range('\u{2000}', '\u{206f}'),
                proptest::char::range('\u{ab00}', '\u{d7ff}'),
                proptest::sample::select(&['.', ':', '\'', ',', ';', '_', '1', 'a', ' '][..]),
            ],
            1..10,
        )
        .prop_map(|chars| chars.into_iter().collect::<String>()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    // 4000 cases a run; set PROPTEST_CASES for a longer search.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(4000)
    ))]

    #[test]
    fn words_equal_uax29(text in mixed_text()) {
        let rt = ReadingTime::of_text(&text);
        prop_assert_eq!(rt.words(), reference_words(&text), "{:?}", text);
        prop_assert_eq!(rt.korean_words(), reference_korean_words(&text), "{:?}", text);
        prop_assert_eq!(rt.cjk_chars(), reference_cjk(&text), "{:?}", text);
    }

    /// Long ASCII text takes the vectorized path, and splits around each `_` token.
    #[test]
    fn long_ascii_words_equal_uax29(text in "[a-z0-9_ .,':;\n-]{0,600}") {
        let rt = ReadingTime::of_text(&text);
        prop_assert_eq!(rt.words(), reference_words(&text), "{:?}", text);
    }

    #[test]
    fn minutes_are_zero_only_for_nothing_to_read(text in mixed_text()) {
        let rt = ReadingTime::of_text(&text);
        let empty = rt.words() == 0 && rt.cjk_chars() == 0;
        prop_assert_eq!(rt.minutes() == 0, empty);
    }
}

#[test]
fn scripts_are_counted_apart() {
    let cases: &[(&str, u64, u64, u64)] = &[
        // text, words, Korean words, CJK characters
        ("The council voted nine to two.", 6, 0, 0),
        ("북한은 지방 발전을 최우선 과제로 삼았다.", 6, 6, 0),
        ("朝鲜强调地方发展。", 0, 0, 8),
        ("北朝鮮は地方の工場建設を強調した。", 0, 0, 16),
        ("Kim visited 平壤 and 서울 on Monday.", 6, 1, 2),
        // "https" and "example.com" are words too, as UAX #29 splits the URL.
        ("Read [this](https://example.com) now", 5, 0, 0),
    ];
    for &(text, words, korean, cjk) in cases {
        let rt = ReadingTime::of_text(text);
        assert_eq!(
            (rt.words(), rt.korean_words(), rt.cjk_chars()),
            (words, korean, cjk),
            "{text}"
        );
    }
}

#[test]
fn markdown_counts_what_a_reader_reads() {
    let md = "# Heading here\n\nSee [the full report](https://example.com/a/very/long/path?x=1) \
              and **bold** text. <span>raw</span>\n\n<div>block html</div>\n\n<!-- comment words -->\n\n\
              ```rust\nfn main() { let code = 1; }\n```\n\n| a | b |\n|---|---|\n| cell | two words |\n\n\
              ![alt text is not read](x.png) ![two](y.png)\n";
    let rt = ReadingTime::of_markdown(md);
    // Heading here, See the full report and bold text, raw, a b cell two words
    assert_eq!(rt.words(), 2 + 7 + 1 + 5);
    assert_eq!(rt.images(), 2);
    assert_eq!(
        rt.duration().as_millis(),
        (15.0 * 60_000.0 / 238.0 + 23_000.0_f64).round() as u128
    );
}

#[test]
fn mixed_page_is_timed_as_the_sum_of_its_parts() {
    let english = "word ".repeat(238);
    let chinese = "字".repeat(439);
    let korean = "한국 ".repeat(202);
    let page = format!("{english}\n\n{chinese}\n\n{korean}");
    let rt = ReadingTime::of_text(&page);
    assert_eq!(rt.duration().as_secs(), 180);
    assert_eq!(rt.minutes(), 3);
}

#[test]
fn speeds_are_configurable() {
    let mut speed = ReadingSpeed::default();
    speed.chinese_chars_per_minute = 100;
    speed.first_image_seconds = 0;
    assert_eq!(
        ReadingTime::estimate(&"字".repeat(100), &speed)
            .duration()
            .as_secs(),
        60
    );
}

#[test]
fn a_500_word_article_reads_in_3_minutes() {
    // Headline, standfirst and body of about 500 words, as on the reference page.
    let body = "Officials said the plan would take years to complete. ".repeat(54);
    let article = dateline::Article::builder("A headline of about eight words in all", body)
        .summary("A standfirst of a couple of dozen words that sets out what the article is about and why a reader should care.")
        .build()
        .unwrap();
    let rt = ReadingTime::of_article(&article, &ReadingSpeed::default());
    assert!((480..=520).contains(&rt.words()), "{}", rt.words());
    assert_eq!(rt.minutes(), 3);
}

#[test]
fn label_in_every_language() {
    let mut labels = String::new();
    for lang in [
        "en", "ko", "ja", "zh", "zh-Hant", "es", "fr", "de", "ar", "pt", "it", "nl", "ru", "pl",
        "he",
    ] {
        let strings = Strings::for_language(lang);
        for minutes in [0, 1, 2, 3, 5, 11, 100] {
            labels.push_str(&format!(
                "{lang} {minutes}: {}\n",
                strings.reading_time(minutes)
            ));
        }
    }
    insta::assert_snapshot!(labels);
}

#[test]
fn caller_strings_replace_the_label() {
    let mut strings = Strings::for_language("en");
    strings.min_read = dateline::locale::PluralText::new("{n} minutes").one("one minute");
    assert_eq!(strings.reading_time(1), "one minute");
    assert_eq!(strings.reading_time(4), "4 minutes");
}
