//! How long an article takes to read, right for every script.
//!
//! Readers of different scripts read at different rates, and a page can mix them, so the
//! text is counted per script and each part is timed at its own rate:
//!
//! - **words** of space-delimited scripts (Latin, Cyrillic, Greek, Arabic, Hebrew, Hangul,
//!   ...), found by the word boundaries of [UAX #29], as `unicode-segmentation` finds them;
//!   a word holds a letter or a digit. Hangul words are timed at the Korean rate;
//! - **CJK characters** (Han, Hiragana, Katakana), each one counted, since these scripts
//!   have no spaces between words. Han characters are timed at the Japanese rate when the
//!   run they stand in holds kana, or the article's language is Japanese, and at the
//!   Chinese rate otherwise;
//! - **images**, by Medium's rule.
//!
//! A page with English and Chinese paragraphs is timed as the sum of both parts at their
//! own rates. From Markdown, only what a reader reads counts: link text but not link URLs,
//! no markup, no HTML, no code blocks (see [`ReadingTime::of_markdown`]).
//!
//! ```
//! use dateline::reading_time::ReadingTime;
//!
//! let rt = ReadingTime::of_text("Reading time, counted per script: 東京は晴れです。");
//! assert_eq!(rt.words(), 5);
//! assert_eq!(rt.cjk_chars(), 7);
//! assert_eq!(rt.minutes(), 1);
//! ```
//!
//! The counter reads about a byte a cycle on ASCII text and does not allocate; it gives the
//! same word counts as `unicode_words().count()`, which is several times slower.
//!
//! [UAX #29]: https://www.unicode.org/reports/tr29/#Word_Boundaries

use std::time::Duration;

use unicode_segmentation::UnicodeSegmentation;

/// Reading rates, one per script, and the time given to images.
///
/// The defaults are silent-reading rates from research:
///
/// | field | default | source |
/// |---|---|---|
/// | `words_per_minute` | 238 | Brysbaert, M. (2019). How many words do we read per minute? A review and meta-analysis of reading rate. *Journal of Memory and Language*, 109, 104047: silent reading of non-fiction by adults in English |
/// | `korean_words_per_minute` | 202 | Song, Kim and Hyung (2016), silent reading rate of Korean adults, in words (어절) per minute |
/// | `chinese_chars_per_minute` | 439 | Wang et al. (2024), silent reading of simplified Chinese by adults, in characters per minute |
/// | `japanese_chars_per_minute` | 653 | Kobayashi, J. and Kawashima, T. (2018), silent reading of Japanese text (kanji and kana), in characters per minute |
/// | `first_image_seconds`, `min_image_seconds` | 12, 3 | Medium's reading-time rule: 12 s for the first image, one second less for each next one, and 3 s from the tenth on |
///
/// Code blocks are left out of the count: readers of an article skim them, and no
/// study gives a rate for reading code.
///
/// ```
/// use dateline::reading_time::{ReadingSpeed, ReadingTime};
///
/// let mut slow = ReadingSpeed::default();
/// slow.words_per_minute = 100;
/// let text = "word ".repeat(250);
/// assert_eq!(ReadingTime::estimate(&text, &slow).minutes(), 3);
/// assert_eq!(ReadingTime::of_text(&text).minutes(), 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ReadingSpeed {
    /// Words a minute for space-delimited scripts other than Hangul. Default 238.
    pub words_per_minute: u32,
    /// Words a minute for Korean (Hangul) words. Default 202.
    pub korean_words_per_minute: u32,
    /// Han characters a minute in Chinese text. Default 439.
    pub chinese_chars_per_minute: u32,
    /// Characters a minute in Japanese text (kana, and Han in a Japanese run). Default 653.
    pub japanese_chars_per_minute: u32,
    /// Seconds for the first image. Default 12; each next image gets one second less.
    pub first_image_seconds: u32,
    /// The fewest seconds any image gets. Default 3.
    pub min_image_seconds: u32,
}

impl Default for ReadingSpeed {
    fn default() -> ReadingSpeed {
        ReadingSpeed {
            words_per_minute: 238,
            korean_words_per_minute: 202,
            chinese_chars_per_minute: 439,
            japanese_chars_per_minute: 653,
            first_image_seconds: 12,
            min_image_seconds: 3,
        }
    }
}

/// What a text holds, counted per script.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Words that are not Hangul.
    pub(crate) words: u64,
    /// Words with Hangul in them.
    pub(crate) korean_words: u64,
    /// Han characters timed as Chinese.
    pub(crate) chinese_chars: u64,
    /// Kana, and Han characters timed as Japanese.
    pub(crate) japanese_chars: u64,
    pub(crate) images: u64,
}

/// An estimate of how long a text takes to read, with the counts it is made from.
///
/// ```
/// use dateline::reading_time::ReadingTime;
/// use std::time::Duration;
///
/// let rt = ReadingTime::of_markdown("# Title\n\nSee [the report](https://example.com/r).\n\n![Map](map.png)");
/// assert_eq!(rt.words(), 4);
/// assert_eq!(rt.images(), 1);
/// assert_eq!(rt.duration(), Duration::from_millis(13_008));
/// assert_eq!(rt.minutes(), 1);
/// assert_eq!(ReadingTime::of_text("").minutes(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadingTime {
    counts: Counts,
    duration: Duration,
}

impl ReadingTime {
    /// Estimates plain text at the default speeds.
    pub fn of_text(text: &str) -> ReadingTime {
        ReadingTime::estimate(text, &ReadingSpeed::default())
    }

    /// Estimates plain text at the given speeds.
    pub fn estimate(text: &str, speed: &ReadingSpeed) -> ReadingTime {
        let mut counter = Counter::new(false);
        counter.text(text);
        ReadingTime::from_counts(counter.finish(), speed)
    }

    /// Estimates Markdown at the default speeds, counting what a reader reads: the text of
    /// headings, paragraphs, lists, quotes, tables and footnotes, link text but not link
    /// URLs, and images as images. Markup, HTML, HTML comments and code blocks are left out.
    pub fn of_markdown(markdown: &str) -> ReadingTime {
        ReadingTime::of_markdown_with(markdown, &ReadingSpeed::default())
    }

    /// Estimates Markdown at the given speeds; see [`ReadingTime::of_markdown`].
    pub fn of_markdown_with(markdown: &str, speed: &ReadingSpeed) -> ReadingTime {
        let arena = crate::markdown::Arena::new();
        let body = crate::markdown::parse(&arena, markdown, false);
        ReadingTime::from_counts(body.counts, speed)
    }

    /// Estimates an article as its reader reads it: the headline, the standfirst, the body
    /// with its images, and the feature image. A Japanese article (`language` `ja`) times
    /// its Han characters at the Japanese rate.
    pub fn of_article(article: &crate::Article, speed: &ReadingSpeed) -> ReadingTime {
        let arena = crate::markdown::Arena::new();
        let body = crate::markdown::parse(&arena, article.body(), is_japanese(article.language()));
        ReadingTime::from_counts(article_counts(article, body.counts), speed)
    }

    pub(crate) fn from_counts(counts: Counts, speed: &ReadingSpeed) -> ReadingTime {
        let per_minute = |n: u64, rate: u32| n as f64 * 60.0 / f64::from(rate.max(1));
        let mut seconds = per_minute(counts.words, speed.words_per_minute)
            + per_minute(counts.korean_words, speed.korean_words_per_minute)
            + per_minute(counts.chinese_chars, speed.chinese_chars_per_minute)
            + per_minute(counts.japanese_chars, speed.japanese_chars_per_minute);
        seconds += image_seconds(counts.images, speed) as f64;
        // Whole milliseconds keep results exact and comparable.
        let duration = Duration::from_millis((seconds * 1000.0).round() as u64);
        ReadingTime { counts, duration }
    }

    /// Words of space-delimited scripts (Latin, Cyrillic, Greek, Arabic, Hebrew, Hangul,
    /// ...), by UAX #29 word boundaries; a word holds a letter or a digit.
    pub fn words(&self) -> u64 {
        self.counts.words + self.counts.korean_words
    }

    /// Of [`words`](Self::words), those in Hangul.
    pub fn korean_words(&self) -> u64 {
        self.counts.korean_words
    }

    /// Han, Hiragana and Katakana characters, each one counted.
    pub fn cjk_chars(&self) -> u64 {
        self.counts.chinese_chars + self.counts.japanese_chars
    }

    /// Images.
    pub fn images(&self) -> u64 {
        self.counts.images
    }

    /// The estimated time, to the millisecond.
    pub fn duration(&self) -> Duration {
        self.duration
    }

    /// Whole minutes, rounded up: 0 only for a text with nothing to read, at least 1
    /// otherwise.
    pub fn minutes(&self) -> u32 {
        let ms = self.duration.as_millis();
        if ms == 0 {
            let empty = self.words() == 0 && self.cjk_chars() == 0 && self.images() == 0;
            return u32::from(!empty);
        }
        u32::try_from(ms.div_ceil(60_000)).unwrap_or(u32::MAX)
    }
}

/// Adds the headline, standfirst and feature image to the body's counts.
pub(crate) fn article_counts(article: &crate::Article, body: Counts) -> Counts {
    let mut counter = Counter::new(is_japanese(article.language()));
    counter.text(article.title());
    counter.end_block();
    if let Some(summary) = article.summary() {
        counter.text(summary);
    }
    let mut counts = counter.finish();
    counts.words += body.words;
    counts.korean_words += body.korean_words;
    counts.chinese_chars += body.chinese_chars;
    counts.japanese_chars += body.japanese_chars;
    counts.images = body.images + u64::from(article.image().is_some());
    counts
}

pub(crate) fn is_japanese(language: &str) -> bool {
    language.eq_ignore_ascii_case("ja")
        || language
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("ja-"))
}

fn image_seconds(images: u64, speed: &ReadingSpeed) -> u64 {
    let first = u64::from(speed.first_image_seconds);
    let min = u64::from(speed.min_image_seconds.min(speed.first_image_seconds));
    // first, first - 1, ... down to min, then min for each of the rest.
    let stepped = (first - min).min(images);
    let sum_stepped = stepped * first - stepped * stepped.saturating_sub(1) / 2;
    sum_stepped + (images - stepped) * min
}

/// A Han, Hiragana or Katakana character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cjk {
    Han,
    Kana,
}

fn cjk(c: char) -> Option<Cjk> {
    match c {
        '\u{3041}'..='\u{3096}' | '\u{309d}'..='\u{309f}' => Some(Cjk::Kana),
        '\u{30a1}'..='\u{30fa}' | '\u{30fc}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' => {
            Some(Cjk::Kana)
        }
        '\u{ff66}'..='\u{ff9d}' => Some(Cjk::Kana),
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' => {
            Some(Cjk::Han)
        }
        '\u{20000}'..='\u{3ffff}' => Some(Cjk::Han),
        _ => None,
    }
}

pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}'
        | '\u{a960}'..='\u{a97f}' | '\u{d7b0}'..='\u{d7ff}' | '\u{ffa0}'..='\u{ffdc}')
}

/// Word-boundary class of an ASCII byte under UAX #29.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Space, tab, line feed, carriage return and other separators.
    Space,
    Letter,
    Digit,
    /// `_` (ExtendNumLet).
    Underscore,
    /// `:` (MidLetter): joins letters.
    MidLetter,
    /// `.` and `'` (MidNumLet): joins letters, and digits.
    MidNumLet,
    /// `,` and `;` (MidNum): joins digits.
    MidNum,
    /// Any other ASCII punctuation.
    Other,
}

const fn class_table() -> [Class; 128] {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphabetic() {
            Class::Letter
        } else if b.is_ascii_digit() {
            Class::Digit
        } else if b == b' ' || (b >= 0x09 && b <= 0x0d) {
            Class::Space
        } else if b == b'_' {
            Class::Underscore
        } else if b == b':' {
            Class::MidLetter
        } else if b == b'.' || b == b'\'' {
            Class::MidNumLet
        } else if b == b',' || b == b';' {
            Class::MidNum
        } else {
            Class::Other
        };
        i += 1;
    }
    t
}

static CLASS: [Class; 128] = class_table();

/// Counts words and characters across pieces of text, as a stream.
///
/// Pieces that touch (`foo` then `bar` from `foo**bar**`) join into one word; call
/// [`Counter::end_block`] between blocks that a reader sees apart.
#[derive(Debug, Clone)]
pub(crate) struct Counter {
    counts: Counts,
    japanese: bool,
    /// The unfinished non-CJK token carried over from the previous piece.
    carry: String,
    /// Han and kana characters in the current CJK run.
    run_han: u64,
    run_kana: u64,
}

impl Counter {
    pub(crate) fn new(japanese: bool) -> Counter {
        Counter {
            counts: Counts::default(),
            japanese,
            carry: String::new(),
            run_han: 0,
            run_kana: 0,
        }
    }

    pub(crate) fn image(&mut self) {
        self.counts.images += 1;
    }

    /// Ends the current word and CJK run.
    pub(crate) fn end_block(&mut self) {
        self.flush_carry();
        self.end_run();
    }

    pub(crate) fn finish(mut self) -> Counts {
        self.end_block();
        self.counts
    }

    fn end_run(&mut self) {
        if self.run_kana > 0 || self.japanese {
            self.counts.japanese_chars += self.run_han + self.run_kana;
        } else {
            self.counts.chinese_chars += self.run_han;
        }
        self.run_han = 0;
        self.run_kana = 0;
    }

    fn flush_carry(&mut self) {
        if !self.carry.is_empty() {
            let carry = std::mem::take(&mut self.carry);
            self.token(&carry);
            self.carry = carry;
            self.carry.clear();
        }
    }

    /// Adds a piece of text.
    pub(crate) fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut start = 0;
        // A token is a run without white space or CJK characters. The last one may go on
        // in the next piece, so it is carried.
        if !self.carry.is_empty() {
            let end = token_end(text, 0);
            let mut carry = std::mem::take(&mut self.carry);
            carry.push_str(&text[..end]);
            if end == text.len() {
                self.carry = carry;
                return;
            }
            self.token(&carry);
            carry.clear();
            self.carry = carry;
            start = end;
        }
        while start < bytes.len() {
            let b = bytes[start];
            if b < 0x80 {
                if CLASS[b as usize] == Class::Space {
                    start += 1;
                    if matches!(b, b'\n' | b'\r') {
                        // A line break is not a break in a CJK run; only letters end it.
                        continue;
                    }
                    continue;
                }
            } else {
                let c = text[start..].chars().next().unwrap_or_default();
                if let Some(kind) = cjk(c) {
                    match kind {
                        Cjk::Han => self.run_han += 1,
                        Cjk::Kana => self.run_kana += 1,
                    }
                    start += c.len_utf8();
                    continue;
                }
                if c.is_whitespace() {
                    start += c.len_utf8();
                    continue;
                }
            }
            let end = token_end(text, start);
            if end == text.len() {
                self.carry.push_str(&text[start..]);
                return;
            }
            self.token(&text[start..end]);
            start = end;
        }
    }

    /// Counts the words of one token: text with no white space and no CJK characters.
    fn token(&mut self, token: &str) {
        if token.is_ascii() {
            let words = ascii_words(token.as_bytes());
            if words > 0 {
                self.end_run();
                self.counts.words += words;
            }
            return;
        }
        if !token.chars().any(char::is_alphanumeric) {
            return;
        }
        for word in token.unicode_words() {
            self.end_run();
            if word.chars().any(is_hangul) {
                self.counts.korean_words += 1;
            } else {
                self.counts.words += 1;
            }
        }
    }
}

/// The end of the token that starts at `start`: the next white space or CJK character.
fn token_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if CLASS[b as usize] == Class::Space {
                return i;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            if cjk(c).is_some() || c.is_whitespace() {
                return i;
            }
            i += c.len_utf8();
        }
    }
    bytes.len()
}

/// Counts UAX #29 words in ASCII text with no white space.
///
/// A word is a run of letters, digits and `_`, where one `:` may join two letters, one `.`
/// or `'` two letters or two digits, and one `,` or `;` two digits. A run counts when it
/// holds a letter or a digit.
fn ascii_words(token: &[u8]) -> u64 {
    let mut words = 0;
    let mut in_word = false;
    let mut has_alnum = false;
    let n = token.len();
    let mut i = 0;
    while i < n {
        let class = CLASS[token[i] as usize];
        match class {
            Class::Letter | Class::Digit | Class::Underscore => {
                if !in_word {
                    in_word = true;
                    has_alnum = false;
                }
                has_alnum |= class != Class::Underscore;
            }
            Class::MidLetter | Class::MidNumLet | Class::MidNum if in_word && i + 1 < n => {
                let before = CLASS[token[i - 1] as usize];
                let after = CLASS[token[i + 1] as usize];
                let joins = match class {
                    Class::MidLetter => before == Class::Letter && after == Class::Letter,
                    Class::MidNumLet => {
                        (before == Class::Letter && after == Class::Letter)
                            || (before == Class::Digit && after == Class::Digit)
                    }
                    _ => before == Class::Digit && after == Class::Digit,
                };
                if !joins {
                    words += u64::from(has_alnum);
                    in_word = false;
                }
            }
            _ => {
                if in_word {
                    words += u64::from(has_alnum);
                    in_word = false;
                }
            }
        }
        i += 1;
    }
    words + u64::from(in_word && has_alnum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn counts(text: &str) -> (u64, u64, u64) {
        let rt = ReadingTime::of_text(text);
        (rt.words(), rt.korean_words(), rt.cjk_chars())
    }

    #[test]
    fn counts_words_per_script() {
        let cases: &[(&str, (u64, u64, u64))] = &[
            ("", (0, 0, 0)),
            ("   \n\t ", (0, 0, 0)),
            ("The quick brown fox", (4, 0, 0)),
            ("can't won't e.g. 3.14 1,000,000 a_b", (6, 0, 0)),
            ("http://example.com/a-b", (4, 0, 0)),
            ("-- ... !!! ___", (0, 0, 0)),
            ("naïve café déjà-vu", (4, 0, 0)),
            ("“Quoted,” she said—twice.", (4, 0, 0)),
            ("Привет мир", (2, 0, 0)),
            ("Καλημέρα κόσμε", (2, 0, 0)),
            ("مرحبا بالعالم", (2, 0, 0)),
            ("שלום עולם", (2, 0, 0)),
            ("북한은 지역 발전을 강조했다", (4, 4, 0)),
            ("평양에서 K-pop 공연", (4, 2, 0)),
            ("我们的城市正在发展。", (0, 0, 9)),
            ("東京はきれいです。", (0, 0, 8)),
            ("カタカナのテスト", (0, 0, 8)),
            ("The 北京 summit", (2, 0, 2)),
            ("👨‍👩‍👧 emoji 🎉", (1, 0, 0)),
        ];
        for (text, expected) in cases {
            assert_eq!(counts(text), *expected, "{text:?}");
            let reference = text
                .unicode_words()
                .filter(|w| !w.chars().any(|c| cjk(c).is_some()))
                .count() as u64;
            assert_eq!(counts(text).0, reference, "{text:?} against unicode_words");
        }
    }

    #[test]
    fn times_each_script_at_its_own_rate() {
        let speed = ReadingSpeed::default();
        let english = "word ".repeat(238);
        assert_eq!(
            ReadingTime::of_text(&english).duration(),
            Duration::from_secs(60)
        );
        let korean = "한국어 ".repeat(202);
        assert_eq!(
            ReadingTime::of_text(&korean).duration(),
            Duration::from_secs(60)
        );
        let chinese = "中".repeat(439);
        assert_eq!(
            ReadingTime::of_text(&chinese).duration(),
            Duration::from_secs(60)
        );
        let japanese = "日本語の".repeat(653 / 4) + "日";
        assert_eq!(ReadingTime::of_text(&japanese).cjk_chars(), 653);
        assert_eq!(
            ReadingTime::of_text(&japanese).duration(),
            Duration::from_secs(60)
        );
        // Mixed: one minute of each is two minutes, not one page-wide rate.
        let mixed = format!("{english}\n\n{chinese}");
        assert_eq!(
            ReadingTime::estimate(&mixed, &speed).duration(),
            Duration::from_secs(120)
        );
        assert_eq!(ReadingTime::estimate(&mixed, &speed).minutes(), 2);
    }

    #[test]
    fn han_without_kana_is_chinese_unless_the_article_is_japanese() {
        let mut zh = Counter::new(false);
        zh.text("経済新聞");
        assert_eq!(zh.finish().chinese_chars, 4);
        let mut ja = Counter::new(true);
        ja.text("経済新聞");
        assert_eq!(ja.finish().japanese_chars, 4);
        let mut kana_run = Counter::new(false);
        kana_run.text("経済新聞を読む");
        let c = kana_run.finish();
        assert_eq!((c.chinese_chars, c.japanese_chars), (0, 7));
    }

    #[test]
    fn pieces_that_touch_join_into_one_word() {
        let mut c = Counter::new(false);
        c.text("foo");
        c.text("bar baz");
        c.end_block();
        c.text("qux");
        assert_eq!(c.finish().words, 3);
    }

    #[test]
    fn images_follow_medium() {
        let speed = ReadingSpeed::default();
        assert_eq!(image_seconds(0, &speed), 0);
        assert_eq!(image_seconds(1, &speed), 12);
        assert_eq!(image_seconds(2, &speed), 23);
        assert_eq!(image_seconds(9, &speed), (4..=12).sum::<u64>());
        assert_eq!(image_seconds(10, &speed), (3..=12).sum::<u64>());
        assert_eq!(image_seconds(12, &speed), (3..=12).sum::<u64>() + 6);
    }

    #[test]
    fn minutes_round_up_and_never_zero_for_text() {
        assert_eq!(ReadingTime::of_text("one").minutes(), 1);
        assert_eq!(ReadingTime::of_text(&"w ".repeat(239)).minutes(), 2);
        assert_eq!(ReadingTime::of_text("...").minutes(), 0);
    }
}
