//! How long an article takes to read, right for every script.
//!
//! Readers of different scripts read at different rates, and a page can mix them, so the
//! text is counted per script and each part is timed at its own rate:
//!
//! - **words** of space-delimited scripts (Latin, Cyrillic, Greek, Arabic, Hebrew, Hangul,
//!   ...), found by the word boundaries of [UAX #29], as `unicode-segmentation` finds them;
//!   a word holds a letter or a digit. Hangul words are timed at the Korean rate. Thai,
//!   Lao, Khmer and Myanmar text, written without spaces between words, is split by UAX
//!   #29 (which has no dictionary for them) into pieces of about a character each: those
//!   words are timed at their own rate, about three to a word;
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
//! The counter gives the same word counts as `unicode-segmentation`'s `unicode_words()`
//! (a property test checks it on random text in every script above), at four to twenty
//! times its speed: ASCII text is counted 64 bytes at a time with SIMD comparisons (the
//! best instructions the machine has, chosen at run time by `fearless_simd`, with no
//! `unsafe` in this crate), and only tokens with other characters go through
//! `unicode-segmentation`. `benches/reading_time.rs` measures both in one run.
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
/// | `southeast_asian_words_per_minute` | 714 | No study we know of: 238 words a minute, at the three UAX #29 words that a word of Thai, Lao, Khmer or Myanmar text makes on average in our sample sentences. An approximation; set it from your own texts |
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
    /// UAX #29 words a minute in Thai, Lao, Khmer and Myanmar text, which UAX #29 splits
    /// into pieces of about a character each. Default 714 (see the table above).
    pub southeast_asian_words_per_minute: u32,
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
            southeast_asian_words_per_minute: 714,
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
    /// Words of Thai, Lao, Khmer or Myanmar letters ([`is_southeast_asian`]).
    pub(crate) southeast_asian_words: u64,
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
        let body = crate::markdown::parse(&arena, markdown, false, None, false);
        ReadingTime::from_counts(body.counts, speed)
    }

    /// Estimates an article as its reader reads it: the headline, the standfirst, the body
    /// with its images, and the feature image. A Japanese article (`language` `ja`) times
    /// its Han characters at the Japanese rate.
    pub fn of_article(article: &crate::Article, speed: &ReadingSpeed) -> ReadingTime {
        let arena = crate::markdown::Arena::new();
        let body = crate::markdown::parse(
            &arena,
            article.body(),
            is_japanese(article.language()),
            None,
            false,
        );
        ReadingTime::from_counts(article_counts(article, body.counts), speed)
    }

    pub(crate) fn from_counts(counts: Counts, speed: &ReadingSpeed) -> ReadingTime {
        let per_minute = |n: u64, rate: u32| n as f64 * 60.0 / f64::from(rate.max(1));
        let mut seconds = per_minute(counts.words, speed.words_per_minute)
            + per_minute(counts.korean_words, speed.korean_words_per_minute)
            + per_minute(
                counts.southeast_asian_words,
                speed.southeast_asian_words_per_minute,
            )
            + per_minute(counts.chinese_chars, speed.chinese_chars_per_minute)
            + per_minute(counts.japanese_chars, speed.japanese_chars_per_minute);
        seconds += image_seconds(counts.images, speed) as f64;
        // Whole milliseconds keep results exact and comparable.
        let duration = Duration::from_millis((seconds * 1000.0).round() as u64);
        ReadingTime { counts, duration }
    }

    /// Words of space-delimited scripts (Latin, Cyrillic, Greek, Arabic, Hebrew, Hangul,
    /// ...), by UAX #29 word boundaries; a word holds a letter or a digit. Thai, Lao, Khmer
    /// and Myanmar text counts as UAX #29 splits it, in pieces of about a character.
    pub fn words(&self) -> u64 {
        self.counts.words + self.counts.korean_words + self.counts.southeast_asian_words
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
    counts.southeast_asian_words += body.southeast_asian_words;
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

/// Whether `c` is counted as a CJK character: Han (with the ideographic iteration and
/// closing marks and the ideographic zero), Hiragana or Katakana.
///
/// ```
/// use dateline::reading_time::is_cjk;
/// assert!(is_cjk('漢') && is_cjk('か') && is_cjk('カ') && is_cjk('々'));
/// assert!(!is_cjk('한') && !is_cjk('a') && !is_cjk('。'));
/// ```
pub fn is_cjk(c: char) -> bool {
    cjk(c).is_some()
}

fn cjk(c: char) -> Option<Cjk> {
    match c {
        '\u{3005}'..='\u{3007}' | '\u{303b}' => Some(Cjk::Han),
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

/// Whether a CJK character always stands apart under UAX #29, so that a token can end at
/// it: Han ideographs and Hiragana do. Katakana joins Katakana and `_`, and the iteration
/// and closing marks and the ideographic zero can join letters, so those stay inside
/// tokens and are counted there.
fn splits(c: char) -> Option<Cjk> {
    match c {
        '\u{3041}'..='\u{3096}' => Some(Cjk::Kana),
        '\u{3005}'..='\u{3007}' | '\u{303b}' => None,
        c => cjk(c).filter(|kind| *kind == Cjk::Han),
    }
}

/// Chinese and Japanese punctuation that is part of no word and joins nothing under
/// UAX #29 (Word_Break Other, neither a letter nor a digit): the ideographic comma and
/// full stop, brackets and quotes, and the full-width and half-width forms of ASCII
/// punctuation other than those that join (`，`, `．`, `：`, `；`, `＇`, `＿`). A token can
/// end at it as at a space, so that a text of Han characters and punctuation is read a
/// character at a time, without a token for each punctuation mark.
#[inline]
fn cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301f}'
        | '\u{ff01}'..='\u{ff06}'
        | '\u{ff08}'..='\u{ff0b}'
        | '\u{ff0d}'
        | '\u{ff0f}'
        | '\u{ff1c}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff3e}'
        | '\u{ff40}'
        | '\u{ff5b}'..='\u{ff64}'
    )
}

pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}'
        | '\u{a960}'..='\u{a97f}' | '\u{d7b0}'..='\u{d7ff}' | '\u{ffa0}'..='\u{ffdc}')
}

/// Byte flags for the ASCII fast path, after the UAX #29 word-break classes.
const WORD: u16 = 1; // ALetter, Numeric or ExtendNumLet (`_`)
const ALNUM: u16 = 2; // a letter or a digit
const LETTER: u16 = 4;
const DIGIT: u16 = 8;
const SPACE: u16 = 16; // white space: always a boundary
const NON_ASCII: u16 = 32;
/// A Hangul syllable, in the bytes [`letter_token_words`] makes.
const HANGUL: u16 = 1 << 12;
/// Joins two letters (`:`, `.`, `'`); shifted right by 6 it is `LETTER`.
const JOINS_LETTERS: u16 = LETTER << 6;
/// Joins two digits (`.`, `'`, `,`, `;`); shifted right by 6 it is `DIGIT`.
const JOINS_DIGITS: u16 = DIGIT << 6;

const fn flag_table() -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            NON_ASCII
        } else if b.is_ascii_alphabetic() {
            WORD | ALNUM | LETTER
        } else if b.is_ascii_digit() {
            WORD | ALNUM | DIGIT
        } else if b == b'_' {
            WORD
        } else if b == b' ' || (b >= 0x09 && b <= 0x0d) {
            SPACE
        } else if b == b':' {
            JOINS_LETTERS
        } else if b == b'.' || b == b'\'' {
            JOINS_LETTERS | JOINS_DIGITS
        } else if b == b',' || b == b';' {
            JOINS_DIGITS
        } else {
            0
        };
        i += 1;
    }
    t
}

static FLAGS: [u16; 256] = flag_table();

/// Stands for a letter of another alphabet than Latin's ASCII, in the bytes
/// [`letter_token_words`] makes.
const OTHER_LETTER_BYTE: u8 = 0xFE;
/// Stands for a Hangul syllable, in the bytes [`letter_token_words`] makes.
const HANGUL_BYTE: u8 = 0xFF;

/// [`FLAGS`], with the two bytes that stand for letters of other alphabets.
static MARKED_FLAGS: [u16; 256] = {
    let mut t = flag_table();
    t[OTHER_LETTER_BYTE as usize] = WORD | ALNUM | LETTER;
    t[HANGUL_BYTE as usize] = WORD | ALNUM | LETTER | HANGUL;
    t
};

/// Letters outside ASCII that UAX #29 treats exactly as it treats ASCII letters (word
/// break class ALetter, and alphabetic): most of Latin-1 and Latin Extended-A and -B,
/// Greek, Cyrillic and Arabic letters, and Hangul syllables (`Some(true)`). Accents
/// written as combining marks, and every other character, are not in this set. For line
/// breaking (UAX #14) they are letters too (class AL, or H2 and H3 for Hangul), one
/// column wide, Hangul two.
#[inline]
pub(crate) fn plain_letter(c: char) -> Option<bool> {
    match c {
        '\u{ac00}'..='\u{d7a3}' => Some(true),
        '\u{c0}'..='\u{d6}'
        | '\u{d8}'..='\u{f6}'
        | '\u{f8}'..='\u{24f}'
        | '\u{386}'
        | '\u{388}'..='\u{38a}'
        | '\u{38c}'
        | '\u{38e}'..='\u{3a1}'
        | '\u{3a3}'..='\u{3f5}'
        | '\u{400}'..='\u{481}'
        | '\u{48a}'..='\u{52f}'
        | '\u{620}'..='\u{64a}'
        | '\u{671}'..='\u{6d3}' => Some(false),
        _ => None,
    }
}

/// The ASCII character that typographic punctuation acts as in UAX #29: `’`, `‘` and
/// `․` join letters or digits as `.` does (MidNumLet), `·` and `‧` join letters as `:`
/// does (MidLetter), `⁄` joins digits as `,` does (MidNum); dashes, curly double
/// quotes, guillemets and the ellipsis join nothing, as `!` does.
#[inline]
fn punctuation_stand_in(c: char) -> Option<u8> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{2024}' => Some(b'.'),
        '\u{b7}' | '\u{2027}' => Some(b':'),
        '\u{2044}' => Some(b','),
        '\u{2010}'..='\u{2015}'
        | '\u{201a}'..='\u{201f}'
        | '\u{2026}'
        | '\u{ab}'
        | '\u{bb}'
        | '\u{2039}'
        | '\u{203a}' => Some(b'!'),
        _ => None,
    }
}

/// The words of a token (no white space) made of ASCII, [`plain_letter`]s and
/// [`punctuation_stand_in`]s, as (words, Korean words): each character becomes one byte
/// that stands for it, and the bytes are counted as ASCII is. `None` for a token with any
/// other character.
fn letter_token_words(token: &str, bytes: &mut Vec<u8>) -> Option<(u64, u64)> {
    bytes.clear();
    for c in token.chars() {
        bytes.push(if c.is_ascii() {
            c as u8
        } else {
            match plain_letter(c) {
                Some(true) => HANGUL_BYTE,
                Some(false) => OTHER_LETTER_BYTE,
                None => punctuation_stand_in(c)?,
            }
        });
    }
    Some(words_by(&MARKED_FLAGS, bytes))
}

/// Whether `mid` joins `before` and `after` into one word (UAX #29 WB6, WB7, WB11, WB12),
/// by their flags in `table`: `:` joins letters, `.` and `'` join letters or digits, `,`
/// and `;` join digits.
#[inline(always)]
fn joins(table: &[u16; 256], before: u8, mid: u8, after: u8) -> bool {
    let (b, m, a) = (
        table[before as usize],
        table[mid as usize],
        table[after as usize],
    );
    b & a & (m >> 6) & (LETTER | DIGIT) != 0
}

/// Counts words and characters across pieces of text, as a stream.
///
/// Pieces that touch (`foo` then `bar` from `foo**bar**`) join into one word; call
/// [`Counter::end_block`] between blocks that a reader sees apart.
///
/// ASCII text is counted in one pass over its bytes. Any other text is cut into tokens at
/// white space and at Han and Hiragana characters (which UAX #29 always sets apart), the
/// CJK characters are counted one by one, and each token's words are found as ASCII's
/// are when it holds only ASCII, [`plain_letter`]s and [`punctuation_stand_in`]s, and by
/// `unicode-segmentation` otherwise, so every path gives UAX #29 counts.
#[derive(Debug, Clone)]
pub(crate) struct Counter {
    counts: Counts,
    japanese: bool,
    /// The unfinished token carried over from the previous piece.
    carry: String,
    /// ASCII blocks not counted yet, each followed by a newline, then the text of the
    /// block being read.
    batch: String,
    /// Where the block being read starts in `batch`.
    block_start: usize,
    /// A block with other than ASCII in it, taken out of `batch` to be counted alone.
    scratch: String,
    /// A token of ASCII and other letters, one byte a character, kept for its allocation.
    letters: Vec<u8>,
    /// Han and kana characters in the current CJK run.
    run_han: u64,
    run_kana: u64,
    /// Whether all the text pushed is known to be ASCII, so blocks need no check.
    all_ascii: bool,
}

impl Counter {
    pub(crate) fn new(japanese: bool) -> Counter {
        Counter {
            counts: Counts::default(),
            japanese,
            carry: String::new(),
            batch: String::new(),
            block_start: 0,
            scratch: String::new(),
            letters: Vec::new(),
            run_han: 0,
            run_kana: 0,
            all_ascii: false,
        }
    }

    /// Tells the counter that all the text it will be given is ASCII, as it is when it
    /// comes from Markdown that can only make ASCII text: blocks are gathered and counted
    /// without being checked for other characters.
    pub(crate) fn all_ascii(&mut self) {
        self.all_ascii = true;
    }

    /// How many bytes of ASCII blocks are gathered before they are counted.
    pub(crate) const BATCH: usize = 16 * 1024;

    /// Makes room for `additional` bytes of gathered text.
    pub(crate) fn reserve(&mut self, additional: usize) {
        self.batch.reserve(additional);
    }

    pub(crate) fn image(&mut self) {
        self.counts.images += 1;
    }

    /// Ends the current word and CJK run.
    pub(crate) fn end_block(&mut self) {
        if !self.carry.is_empty() {
            let carry = std::mem::take(&mut self.carry);
            self.token(&carry);
            self.carry = carry;
            self.carry.clear();
        }
        self.end_run();
    }

    pub(crate) fn finish(mut self) -> Counts {
        self.close_block();
        self.flush();
        self.end_block();
        self.counts
    }

    /// Adds text to the block being read; [`Counter::close_block`] counts it. The text
    /// goes straight into the gathered text, so it is copied once.
    #[inline]
    pub(crate) fn push_str(&mut self, text: &str) {
        self.batch.push_str(text);
    }

    /// The text of the block being read, so far.
    pub(crate) fn current_block(&self) -> &str {
        &self.batch[self.block_start..]
    }

    /// Ends the block being read, as [`Counter::text`] then [`Counter::end_block`] would
    /// count it. ASCII blocks are gathered and counted together, a newline after each (a
    /// newline always ends a word, as the end of a block does, and ASCII text starts no
    /// Chinese or Japanese run), so that many short blocks, such as table cells, cost
    /// one vectorized pass.
    pub(crate) fn close_block(&mut self) {
        let block = &self.batch[self.block_start..];
        debug_assert!(
            !self.all_ascii || block.is_ascii(),
            "text said to be ASCII is not"
        );
        if block.is_empty() {
            // Nothing to count, and nothing left open: every block ends what it starts.
        } else if self.all_ascii || block.is_ascii() {
            self.batch.push('\n');
            self.block_start = self.batch.len();
            if self.batch.len() >= Counter::BATCH {
                self.flush();
            }
        } else {
            // The blocks gathered before this one, then this one on its own.
            let mut scratch = std::mem::take(&mut self.scratch);
            scratch.clear();
            scratch.push_str(block);
            self.batch.truncate(self.block_start);
            self.flush();
            self.text(&scratch);
            self.end_block();
            self.scratch = scratch;
        }
    }

    /// Counts the gathered ASCII blocks.
    fn flush(&mut self) {
        self.block_start = 0;
        if self.batch.is_empty() {
            return;
        }
        let batch = std::mem::take(&mut self.batch);
        self.text(&batch);
        self.end_block();
        self.batch = batch;
        self.batch.clear();
    }

    #[inline]
    fn end_run(&mut self) {
        if self.run_han | self.run_kana == 0 {
            return;
        }
        if self.run_kana > 0 || self.japanese {
            self.counts.japanese_chars += self.run_han + self.run_kana;
        } else {
            self.counts.chinese_chars += self.run_han;
        }
        self.run_han = 0;
        self.run_kana = 0;
    }

    /// Adds a piece of text.
    pub(crate) fn text(&mut self, text: &str) {
        let mut i = 0;
        if !self.carry.is_empty() {
            // The carried token goes on up to this piece's first boundary.
            let end = token_end(text, 0);
            self.carry.push_str(&text[..end]);
            if end == text.len() {
                return;
            }
            let carry = std::mem::take(&mut self.carry);
            self.token(&carry);
            self.carry = carry;
            self.carry.clear();
            i = end;
        }
        let bytes = text.as_bytes();
        let n = bytes.len();
        while i < n {
            // The ASCII run from `i`, and in it the tokens that end before the next
            // non-ASCII character: those are counted on the fast path.
            let non_ascii = if self.all_ascii || bytes[i..].is_ascii() {
                n
            } else {
                bytes[i..]
                    .iter()
                    .position(|b| *b >= 0x80)
                    .map_or(n, |p| i + p)
            };
            let fast_end = bytes[i..non_ascii]
                .iter()
                .rposition(|b| FLAGS[*b as usize] & SPACE != 0)
                .map_or(i, |p| i + p + 1);
            if fast_end > i {
                let words = ascii_region_words(&bytes[i..fast_end]);
                if words > 0 {
                    self.end_run();
                    self.counts.words += words;
                }
            }
            if non_ascii == n {
                // The last token may go on in the next piece.
                self.carry.push_str(&text[fast_end..]);
                return;
            }
            i = self.general(text, fast_end);
        }
    }

    /// Reads `text` from `start` by characters until ASCII white space, and returns where
    /// it stopped: CJK characters are counted one by one and the tokens between them are
    /// counted whole. A token that reaches the end of the piece is carried.
    fn general(&mut self, text: &str, start: usize) -> usize {
        let bytes = text.as_bytes();
        let mut token: Option<usize> = None;
        // Whether the token so far is letters and digits alone (ASCII, [`plain_letter`]):
        // then it is one word, a Korean one when it has Hangul, counted without reading
        // it again.
        let mut letters_only = false;
        let mut has_hangul = false;
        for (offset, c) in text[start..].char_indices() {
            let at = start + offset;
            // Hangul syllables first: most of a Korean text.
            if ('\u{ac00}'..='\u{d7a3}').contains(&c) {
                if token.is_none() {
                    token = Some(at);
                    letters_only = true;
                }
                has_hangul = true;
                continue;
            }
            // Chinese and Japanese characters and punctuation are all from U+3000 on.
            let wide = c >= '\u{3000}';
            let kind = if wide { splits(c) } else { None };
            let boundary = kind.is_some() || (wide && cjk_punctuation(c)) || is_boundary_space(c);
            if boundary {
                if let Some(token_start) = token.take() {
                    if letters_only {
                        self.end_run();
                        if has_hangul {
                            self.counts.korean_words += 1;
                        } else {
                            self.counts.words += 1;
                        }
                    } else {
                        self.token(&text[token_start..at]);
                    }
                }
                if c.is_ascii_whitespace() {
                    // Text of a script written with spaces goes on here; ASCII after the
                    // space goes back to the vectorized path.
                    if bytes.get(at + 1).is_some_and(|b| *b >= 0x80) {
                        continue;
                    }
                    return at;
                }
                match kind {
                    Some(Cjk::Han) => self.run_han += 1,
                    Some(Cjk::Kana) => self.run_kana += 1,
                    None => {}
                }
            } else {
                let letter = c.is_ascii_alphanumeric() || plain_letter(c).is_some();
                if token.is_none() {
                    token = Some(at);
                    letters_only = letter;
                    has_hangul = false;
                } else {
                    letters_only &= letter;
                }
            }
        }
        if let Some(token_start) = token {
            self.carry.push_str(&text[token_start..]);
        }
        text.len()
    }

    /// Counts one token: text with no white space and no Han or Hiragana characters.
    fn token(&mut self, token: &str) {
        if token.is_ascii() {
            let words = ascii_words(token.as_bytes());
            if words > 0 {
                self.end_run();
                self.counts.words += words;
            }
            return;
        }
        let mut bytes = std::mem::take(&mut self.letters);
        let letter_words = letter_token_words(token, &mut bytes);
        self.letters = bytes;
        if let Some((words, korean)) = letter_words {
            if words + korean > 0 {
                self.end_run();
                self.counts.words += words;
                self.counts.korean_words += korean;
            }
            return;
        }
        let mut has_word_char = false;
        for c in token.chars() {
            match cjk(c) {
                Some(Cjk::Han) => self.run_han += 1,
                Some(Cjk::Kana) => self.run_kana += 1,
                None => has_word_char |= c.is_alphanumeric(),
            }
        }
        if !has_word_char {
            return;
        }
        let words = token
            .unicode_words()
            .filter(|w| w.chars().any(|c| c.is_alphanumeric() && cjk(c).is_none()));
        for word in words {
            self.end_run();
            if word.chars().any(is_hangul) {
                self.counts.korean_words += 1;
            } else if word.chars().any(is_southeast_asian) {
                self.counts.southeast_asian_words += 1;
            } else {
                self.counts.words += 1;
            }
        }
    }
}

/// The end of the token that starts at `start`: the next white space, Han or Hiragana.
fn token_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if FLAGS[b as usize] & SPACE != 0 {
                return i;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            if splits(c).is_some() || is_boundary_space(c) || cjk_punctuation(c) {
                return i;
            }
            i += c.len_utf8();
        }
    }
    bytes.len()
}

/// Whether `c` is in a script written without spaces between words that UAX #29 cannot
/// split into words (line-breaking class SA): Thai, Lao, Myanmar, Khmer, Tai Le, New Tai
/// Lue, Tai Tham and Tai Viet.
fn is_southeast_asian(c: char) -> bool {
    matches!(c,
        '\u{0e00}'..='\u{0eff}'
        | '\u{1000}'..='\u{109f}'
        | '\u{1780}'..='\u{17ff}'
        | '\u{1950}'..='\u{19ff}'
        | '\u{1a20}'..='\u{1aaf}'
        | '\u{a9e0}'..='\u{a9ff}'
        | '\u{aa60}'..='\u{aadf}')
}

/// White space that always ends a word. U+202F NARROW NO-BREAK SPACE is white space but
/// joins words in UAX #29 (it is ExtendNumLet), so it does not.
fn is_boundary_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{202f}'
}

/// Counts UAX #29 words in ASCII text that starts and ends at token boundaries: each run
/// of letters and digits is a word, less the runs that a `:`, `.`, `'`, `,` or `;` joins
/// to the one before ([`joins`]), counted by [`ascii_vectorized_words`]. `_` also joins
/// runs, and runs of `_` alone are not words, so each token with a `_` takes the exact
/// path, and the text between them the vectorized one.
fn ascii_region_words(region: &[u8]) -> u64 {
    let space = |b: &u8| FLAGS[usize::from(*b)] & SPACE != 0;
    let mut words = 0;
    let mut rest = region;
    while let Some(underscore) = memchr::memchr(b'_', rest) {
        let start = rest[..underscore]
            .iter()
            .rposition(space)
            .map_or(0, |p| p + 1);
        let end = rest[underscore..]
            .iter()
            .position(space)
            .map_or(rest.len(), |p| underscore + p);
        words += ascii_vectorized_words(&rest[..start]) + ascii_words(&rest[start..end]);
        rest = &rest[end..];
    }
    words + ascii_vectorized_words(rest)
}

/// [`ascii_region_words`] for text without `_`, 64 bytes at a time with the best SIMD
/// instructions the machine has.
fn ascii_vectorized_words(region: &[u8]) -> u64 {
    // Short pieces, such as the text nodes of Markdown, are cheaper to count in one
    // scalar pass than to set up the vectorized classes for.
    if region.len() < 64 {
        return ascii_words(region);
    }
    fearless_simd::dispatch!(fearless_simd::Level::new(), simd => masked_words(simd, region))
}

/// The bytes of a 64-byte block in each class that counting words looks at, bit `i` for
/// byte `i`.
#[derive(Clone, Copy, Default)]
struct Classes {
    letters: u64,
    digits: u64,
    /// `.`, `'`, `:`, `,` and `;`, which may join two letters or two digits into one word.
    joiners: u64,
}

impl Classes {
    #[inline(always)]
    fn of<S: fearless_simd::Simd>(simd: S, block: &[u8; 64]) -> Classes {
        use fearless_simd::prelude::*;
        let bytes = fearless_simd::u8x64::from_slice(simd, block);
        let letters = ((bytes | 0x20) - b'a').simd_le(25);
        let digits = (bytes - b'0').simd_le(9);
        // `,` and `.` differ only in the bit that `| 2` sets, `:` and `;` in the bit that
        // `| 1` sets: five bytes in three comparisons.
        let joiners = (bytes | 2).simd_eq(b'.') | (bytes | 1).simd_eq(b';') | bytes.simd_eq(b'\'');
        Classes {
            letters: letters.to_bitmask(),
            digits: digits.to_bitmask(),
            joiners: joiners.to_bitmask(),
        }
    }
}

/// [`ascii_vectorized_words`]: a word starts at a letter or digit after neither; a
/// joining byte between two letters (`:`, `.`, `'`), or between two digits (`.`, `'`,
/// `,`, `;`), makes one word of two. Each block's classes are found side by side, and
/// the starts and joins of a block are counted once the next block's classes are known.
/// Joining bytes with a letter or digit on both sides are few (`don't`, `3.5`, `U.S.`):
/// they are looked at one by one.
#[inline(always)]
fn masked_words<S: fearless_simd::Simd>(simd: S, region: &[u8]) -> u64 {
    let (blocks, rest) = region.as_chunks::<64>();
    if blocks.is_empty() {
        return ascii_words(region);
    }
    // The last bytes go into a block of spaces, which are in no class.
    let mut last = [b' '; 64];
    last[..rest.len()].copy_from_slice(rest);
    let count = blocks.len() + usize::from(!rest.is_empty());
    let block = |i: usize| blocks.get(i).unwrap_or(&last);
    let mut starts = 0u64;
    let mut joined = 0u64;
    // The block being counted, and whether the byte before it is a letter, or a digit.
    let mut current = Classes::of(simd, block(0));
    let (mut letter_before, mut digit_before) = (0, 0);
    for i in 0..count {
        let following = if i + 1 < count {
            Classes::of(simd, block(i + 1))
        } else {
            Classes::default()
        };
        let alnum = current.letters | current.digits;
        let alnum_before_each = (alnum << 1) | letter_before | digit_before;
        starts += u64::from((alnum & !alnum_before_each).count_ones());
        let alnum_after_each = (alnum >> 1) | ((following.letters | following.digits) << 63);
        let between = current.joiners & alnum_before_each & alnum_after_each;
        if between != 0 {
            let letters_around = ((current.letters << 1) | letter_before)
                & ((current.letters >> 1) | (following.letters << 63));
            let digits_around = ((current.digits << 1) | digit_before)
                & ((current.digits >> 1) | (following.digits << 63));
            let bytes = block(i);
            let mut candidates = between & (letters_around | digits_around);
            while candidates != 0 {
                let bit = candidates & candidates.wrapping_neg();
                let b = bytes[candidates.trailing_zeros() as usize];
                let joins = if letters_around & bit != 0 {
                    !matches!(b, b',' | b';')
                } else {
                    b != b':'
                };
                joined += u64::from(joins);
                candidates &= candidates - 1;
            }
        }
        letter_before = current.letters >> 63;
        digit_before = current.digits >> 63;
        current = following;
    }
    starts - joined
}

/// Counts UAX #29 words in ASCII text with no white space: runs of letters, digits and
/// `_` joined as [`joins`] says, that hold a letter or a digit.
fn ascii_words(token: &[u8]) -> u64 {
    words_by(&FLAGS, token).0
}

/// [`ascii_words`] with the flags of `table`, as (words, words with a [`HANGUL`] byte).
#[inline(always)]
fn words_by(table: &[u16; 256], token: &[u8]) -> (u64, u64) {
    let n = token.len();
    let mut words = 0;
    let mut korean = 0;
    let mut i = 0;
    while i < n {
        let flags = table[token[i] as usize];
        if flags & WORD == 0 {
            i += 1;
            continue;
        }
        let mut alnum = flags;
        i += 1;
        loop {
            while i < n && table[token[i] as usize] & WORD != 0 {
                alnum |= table[token[i] as usize];
                i += 1;
            }
            if i + 1 < n && joins(table, token[i - 1], token[i], token[i + 1]) {
                i += 1;
                continue;
            }
            break;
        }
        if alnum & HANGUL != 0 {
            korean += 1;
        } else if alnum & ALNUM != 0 {
            words += 1;
        }
    }
    (words, korean)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter counted like an ASCII letter is one for UAX #29 too: it joins
    /// letters and digits, and `:`, `.`, `'` and `_` join it to another, as they join
    /// ASCII letters; and it is a Korean word's letter only when it is Hangul.
    #[test]
    fn plain_letters_are_letters_to_uax29() {
        use unicode_segmentation::UnicodeSegmentation;
        let mut checked = 0;
        for c in (0x80..=0xFFFF).filter_map(char::from_u32) {
            let Some(korean) = plain_letter(c) else {
                continue;
            };
            checked += 1;
            assert!(c.is_alphabetic(), "{c:?}");
            assert_eq!(korean, is_hangul(c), "{c:?}");
            for text in [
                format!("{c}"),
                format!("a{c}1{c}"),
                format!("{c}:{c}"),
                format!("{c}.{c}"),
                format!("{c}'{c}"),
                format!("{c}_{c}"),
                format!("1{c}"),
            ] {
                assert_eq!(text.unicode_words().count(), 1, "{text:?}");
                let rt = ReadingTime::of_text(&text);
                assert_eq!(rt.words(), 1, "{text:?}");
                assert_eq!(rt.korean_words(), u64::from(korean), "{text:?}");
            }
        }
        assert!(checked > 12_000, "{checked}");
    }

    /// Typographic punctuation splits and joins words as the ASCII character that stands
    /// in for it, in every context the counter meets.
    #[test]
    fn punctuation_acts_as_its_stand_in() {
        use unicode_segmentation::UnicodeSegmentation;
        let mut checked = 0;
        for c in (0x80..=0xFFFF).filter_map(char::from_u32) {
            let Some(ascii) = punctuation_stand_in(c) else {
                continue;
            };
            checked += 1;
            assert!(!c.is_alphanumeric(), "{c:?}");
            for context in [
                "{}", "a{}a", "1{}1", "a{}1", "1{}a", "{}a", "a{}", "a{}{}a", "é{}é", "가{}가",
                "a_{}_a", "{}1", "1{}",
            ] {
                let text = context.replace("{}", &c.to_string());
                let stand_in = context.replace("{}", &char::from(ascii).to_string());
                let expected = stand_in.unicode_words().count();
                assert_eq!(text.unicode_words().count(), expected, "{text:?}");
                assert_eq!(
                    ReadingTime::of_text(&text).words(),
                    expected as u64,
                    "{text:?}"
                );
            }
        }
        assert_eq!(checked, 23);
    }

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
            // UAX #29 splits Thai, Lao, Khmer and Myanmar into pieces: they are its words.
            ("สภาอนุมัติแผน", (10, 0, 0)),
            ("Thai ไทย text", (5, 0, 0)),
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
        // Thai, Lao, Khmer and Myanmar words as UAX #29 counts them: pieces, timed as such.
        for piece in ["ก", "ລ", "ក្", "က"] {
            let text = format!("{piece} ").repeat(714);
            let rt = ReadingTime::of_text(&text);
            assert_eq!(rt.words(), 714, "{piece}");
            assert_eq!(rt.duration(), Duration::from_secs(60), "{piece}");
        }
        // Mixed: one minute of each is two minutes, not one page-wide rate.
        let mixed = format!("{english}\n\n{chinese}");
        assert_eq!(
            ReadingTime::estimate(&mixed, &speed).duration(),
            Duration::from_secs(120)
        );
        assert_eq!(ReadingTime::estimate(&mixed, &speed).minutes(), 2);
    }

    #[test]
    fn southeast_asian_scripts_read_at_about_a_word_for_three_pieces() {
        // Twelve words of Thai: UAX #29 gives 36 pieces, timed as about 12 words.
        let thai = "สภาอนุมัติแผนสร้างโรงงานใหม่ในทุกอำเภอในปีนี้";
        let rt = ReadingTime::of_text(thai);
        assert_eq!(rt.words(), thai.unicode_words().count() as u64);
        assert_eq!(rt.words(), 36);
        let english_of_12_words = ReadingTime::of_text(&"word ".repeat(12)).duration();
        assert_eq!(rt.duration(), english_of_12_words);
        // Every character of those scripts is one; no other script's is.
        for c in [
            'ก', '\u{e4f}', 'ລ', 'က', 'ក', '\u{1950}', '\u{1a20}', '\u{aa80}',
        ] {
            assert!(is_southeast_asian(c), "{c:?}");
        }
        for c in ['a', 'é', 'ا', '한', '中', 'क', '\u{0d80}'] {
            assert!(!is_southeast_asian(c), "{c:?}");
        }
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

    proptest::proptest! {
        #[test]
        fn pieces_that_touch_count_as_one_text(text in "[ a-z.'_é한中か]{0,24}", cut in 0usize..24) {
            let cut = (0..=cut.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let mut whole = Counter::new(false);
            whole.text(&text);
            let mut pieces = Counter::new(false);
            pieces.text(&text[..cut]);
            pieces.text(&text[cut..]);
            proptest::prop_assert_eq!(pieces.finish(), whole.finish());
        }
    }

    proptest::proptest! {
        /// Gathering ASCII blocks counts the same as counting each block on its own.
        #[test]
        fn gathered_blocks_count_as_blocks_one_by_one(
            blocks in proptest::collection::vec("[ a-z.'_é한中かカ]{0,30}|[a-z ,.]{0,200}", 0..30),
            japanese: bool,
        ) {
            let mut gathered = Counter::new(japanese);
            let mut one_by_one = Counter::new(japanese);
            for block in &blocks {
                gathered.push_str(block);
                gathered.close_block();
                one_by_one.text(block);
                one_by_one.end_block();
            }
            proptest::prop_assert_eq!(gathered.finish(), one_by_one.finish());
        }
    }

    proptest::proptest! {
        /// The vectorized count equals the scalar one, token by token, on text long
        /// enough to take it, thick with the bytes that join words.
        #[test]
        fn vectorized_words_equal_scalar_words(text in "[a-b0-1 .,:;'!]{0,700}") {
            let scalar: u64 = text.split(' ').map(|token| ascii_words(token.as_bytes())).sum();
            proptest::prop_assert_eq!(ascii_vectorized_words(text.as_bytes()), scalar);
        }

        /// Every x86 instruction set the machine has counts as the scalar count does, with
        /// the bytes on either side of each class's edges (`@`, `[`, `` ` ``, `{`, `/`,
        /// `:`) and blocks cut anywhere.
        #[test]
        fn every_instruction_set_counts_alike(
            text in "[abyzAZ0189@\\[`{/:.,;'!+< -]{0,300}",
        ) {
            let scalar: u64 = text.split(' ').map(|token| ascii_words(token.as_bytes())).sum();
            let bytes = text.as_bytes();
            proptest::prop_assert_eq!(ascii_vectorized_words(bytes), scalar);
            #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
            {
                let level = fearless_simd::Level::new();
                if let Some(sse2) = level.as_sse2() {
                    proptest::prop_assert_eq!(masked_words(sse2, bytes), scalar);
                }
                if let Some(sse4_2) = level.as_sse4_2() {
                    proptest::prop_assert_eq!(masked_words(sse4_2, bytes), scalar);
                }
                if let Some(avx2) = level.as_avx2() {
                    proptest::prop_assert_eq!(masked_words(avx2, bytes), scalar);
                }
            }
        }
    }

    #[test]
    fn cjk_punctuation_joins_nothing_and_is_no_word() {
        let mut seen = 0;
        for c in ('\u{3000}'..='\u{303f}').chain('\u{ff00}'..='\u{ffef}') {
            if !cjk_punctuation(c) {
                continue;
            }
            seen += 1;
            assert!(!c.is_alphanumeric(), "{c:?}");
            // Between letters, digits or Katakana, it parts them, as a space does.
            for around in ["a", "1", "１", "ア", "ｱ", "_", "＿"] {
                let text = format!("{around}{c}{around}");
                let pieces: Vec<&str> = text.split_word_bounds().collect();
                assert_eq!(pieces, [around, &c.to_string(), around], "{text:?}");
            }
        }
        assert_eq!(seen, 57);
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
