//! What the page says, decided once for every output: labels, dates, notices, the parsed
//! body and its reading time. The HTML and text renderers only decide how to show it.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use crate::locale::{Strings, direction, same_language};
use crate::markdown::{self, Arena, Body, Heading};
use crate::model::BaseUrl;
use crate::reading_time::{self, ReadingSpeed, ReadingTime};
use crate::{Article, ArticleKind, DateTime, DisclaimerKind, Provenance, RawHtml};

/// A notice to show beside the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Notice<'a> {
    pub(crate) kind: DisclaimerKind,
    pub(crate) text: Cow<'a, str>,
    /// Whether the text is the page's own (from its strings), not the article's.
    pub(crate) from_strings: bool,
    /// Whether the article's sources are listed with it.
    pub(crate) with_sources: bool,
}

/// Everything the renderers show besides the body itself, derived from one parse of it.
/// It owns no part of the parse, so it outlives it.
#[derive(Debug, Clone)]
pub(crate) struct View<'a> {
    pub(crate) article: &'a Article,
    pub(crate) strings: &'a Strings,
    /// The body's headings, shifted under the headline, with their ids.
    pub(crate) headings: Arc<[Heading]>,
    pub(crate) reading_time: ReadingTime,
    /// The content label; none for plain news written by people.
    pub(crate) label: Option<Cow<'a, str>>,
    pub(crate) notices: Vec<Notice<'a>>,
    /// The update date, when it is later than the publication date.
    pub(crate) shown_update: Option<DateTime>,
    /// The language of the page's own words (labels, dates, headings of its parts) when
    /// it is not the article's, so that they are marked as such: `en` for an article in
    /// a language without built-in strings, or the language of the host's strings.
    pub(crate) words_lang: Option<&'a str>,
    /// The direction of the page's own words when it is not the article's: English words
    /// on a Hebrew page, Arabic words on an English one.
    pub(crate) words_dir: Option<&'static str>,
    /// The start of the body's first paragraph, as a reader reads it.
    first_paragraph: Option<String>,
    /// That paragraph cut to a description's length, made when first asked for: a page
    /// with a summary needs it only when the host asks.
    excerpt: OnceLock<Option<String>>,
    /// The site's home page, made when a relative URL first needs it.
    base: OnceLock<Option<BaseUrl>>,
    /// Put before every id the HTML page writes, and every link to one.
    pub(crate) id_prefix: Cow<'a, str>,
}

/// Parses the body once and decides what the page says: the one entry to rendering.
/// `for_html` also makes what only the HTML page shows: heading ids and texts, and the
/// excerpt.
pub(crate) fn prepare<'a, 'b>(
    article: &'a Article,
    strings: Option<&'a Strings>,
    speed: &ReadingSpeed,
    raw_html: &RawHtml,
    for_html: bool,
    arena: &'b Arena<'b>,
) -> (View<'a>, Body<'b>) {
    let japanese = reading_time::is_japanese(article.language());
    let sanitizer = raw_html.sanitizer();
    let mut body = markdown::parse(
        arena,
        article.body(),
        japanese,
        sanitizer.as_ref(),
        for_html,
    );
    let headings = Arc::from(std::mem::take(&mut body.headings));
    let mut view = View::new(article, strings, speed, body.counts, headings);
    view.first_paragraph = body.first_paragraph.take();
    (view, body)
}

impl<'a> View<'a> {
    pub(crate) fn new(
        article: &'a Article,
        strings: Option<&'a Strings>,
        speed: &ReadingSpeed,
        body_counts: reading_time::Counts,
        headings: Arc<[Heading]>,
    ) -> View<'a> {
        let strings = strings.unwrap_or_else(|| Strings::shared(article.language()));
        let words_lang =
            Some(strings.language.as_str()).filter(|w| !same_language(w, article.language()));
        let words_dir = words_lang
            .filter(|w| crate::locale::is_rtl(w) != crate::locale::is_rtl(article.language()))
            .map(direction);
        let counts = reading_time::article_counts(article, body_counts);
        let reading_time = ReadingTime::from_counts(counts, speed);
        let label = match article.label() {
            Some(label) => Some(Cow::Borrowed(label)),
            None => label(article, strings).map(Cow::Owned),
        };
        let notices = notices(article, strings);
        let shown_update = match (article.published(), article.updated()) {
            (Some(p), Some(u)) if u.timestamp() > p.timestamp() => Some(u),
            (None, Some(u)) => Some(u),
            _ => None,
        };
        View {
            base: OnceLock::new(),
            article,
            strings,
            headings,
            reading_time,
            label,
            notices,
            shown_update,
            words_lang,
            words_dir,
            first_paragraph: None,
            excerpt: OnceLock::new(),
            id_prefix: Cow::Borrowed(""),
        }
    }

    /// Sets the prefix of the page's ids, with only the characters that an id and a link
    /// to it can both hold as they are: letters, digits, `-`, `_`, `.` and `:`.
    pub(crate) fn set_id_prefix(&mut self, prefix: &'a str) {
        let kept = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':');
        self.id_prefix = if prefix.chars().all(kept) {
            Cow::Borrowed(prefix)
        } else {
            Cow::Owned(prefix.chars().filter(|&c| kept(c)).collect())
        };
    }

    /// What the body's HTML takes from the page around it.
    pub(crate) fn page_parts(&self) -> markdown::PageParts<'_> {
        markdown::PageParts {
            headings: &self.headings,
            strings: self.strings,
            words_lang: self.words_lang,
            id_prefix: &self.id_prefix,
        }
    }

    /// The article's language, to mark the article's own words (names, its label) inside
    /// the page's own when those are in another language ([`View::words_lang`]); none
    /// otherwise.
    pub(crate) fn content_lang(&self) -> Option<&'a str> {
        self.words_lang.map(|_| self.article.language())
    }

    /// The article's direction, for the article's own words inside the page's own when
    /// those go the other way ([`View::words_dir`]); none otherwise.
    pub(crate) fn content_dir(&self) -> Option<&'static str> {
        self.words_dir.map(|_| direction(self.article.language()))
    }

    /// What the page says it is about: the article's summary, or else an excerpt of the
    /// body.
    pub(crate) fn description(&self) -> Option<&str> {
        self.article.summary().or_else(|| self.excerpt())
    }

    /// The body's first paragraph on one line, cut to a description's length.
    pub(crate) fn excerpt(&self) -> Option<&str> {
        self.excerpt
            .get_or_init(|| {
                self.first_paragraph
                    .as_deref()
                    .map(|text| excerpt(text, EXCERPT_LENGTH))
            })
            .as_deref()
    }

    /// `url` made absolute against the site's home page when it is relative and the site's
    /// is absolute; otherwise as written.
    pub(crate) fn absolute<'u>(&self, url: &'u crate::Url) -> Cow<'u, str> {
        if url.is_absolute() {
            return Cow::Borrowed(url.as_str());
        }
        match self.base() {
            Some(base) => base.resolve(url.as_str()),
            None => Cow::Borrowed(url.as_str()),
        }
    }

    /// Whether [`View::absolute`] makes `url` absolute: it is, or there is a site URL to
    /// resolve it against.
    pub(crate) fn makes_absolute(&self, url: &crate::Url) -> bool {
        url.is_absolute() || self.base().is_some()
    }

    /// The site's home page, to make relative URLs absolute; none when the article has no
    /// site or its site's URL is relative. Made once, when first needed.
    pub(crate) fn base(&self) -> Option<&BaseUrl> {
        self.base
            .get_or_init(|| self.article.site().and_then(|site| BaseUrl::new(&site.url)))
            .as_ref()
    }

    pub(crate) fn reading_label(&self) -> String {
        self.strings.reading_time(self.reading_time.minutes())
    }

    /// Whether `updated` falls on the day the article was published: then its time is
    /// shown rather than its date.
    pub(crate) fn updated_on_publication_day(&self, updated: DateTime) -> bool {
        self.article
            .published()
            .is_some_and(|published| published.date() == updated.date())
    }
}

/// The longest excerpt, in characters: about what search engines show of a description.
pub(crate) const EXCERPT_LENGTH: usize = 160;

/// `text` on one line of at most `max` characters: white space collapsed, cut before the
/// first word that does not fit, with `…` when cut. Text written without spaces (Chinese,
/// Japanese), and a word longer than half the excerpt, is cut between characters as the
/// reader sees them (grapheme clusters).
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let separator = usize::from(!out.is_empty());
        let length = word.chars().count();
        if used + separator + length <= max {
            if separator == 1 {
                out.push(' ');
            }
            out.push_str(word);
            used += separator + length;
            continue;
        }
        // Cut here, leaving room for the ellipsis.
        let room_for_part = separator == 0 || used + 2 < max;
        if (out.is_empty() || length > max / 2) && room_for_part {
            if separator == 1 {
                out.push(' ');
                used += 1;
            }
            for grapheme in word.graphemes(true) {
                let width = grapheme.chars().count();
                if used + width + 1 > max {
                    break;
                }
                out.push_str(grapheme);
                used += width;
            }
        } else if used + 1 > max {
            // No room for the ellipsis after the last word: it goes, or, when it is the
            // only one, its last character does.
            let keep = match out.rfind(' ') {
                Some(space) => space,
                None => {
                    let mut chars = 0;
                    out.grapheme_indices(true)
                        .find(|(_, grapheme)| {
                            chars += grapheme.chars().count();
                            chars + 1 > max
                        })
                        .map_or(out.len(), |(at, _)| at)
                }
            };
            out.truncate(keep);
        }
        let kept = out
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—')
            })
            .len();
        out.truncate(kept);
        out.push('…');
        return out;
    }
    out
}

/// The content label from kind and provenance: "Analysis", "AI Analysis", "AI News".
/// Plain news written by people has none: every other article is measured against it.
fn label(article: &Article, strings: &Strings) -> Option<String> {
    let kind = strings.kind(article.kind());
    let pattern = match article.provenance() {
        Provenance::AiGenerated => &strings.ai_generated_label,
        Provenance::AiAssisted => &strings.ai_assisted_label,
        _ if article.kind() == ArticleKind::News => return None,
        _ => return Some(kind.to_owned()),
    };
    Some(pattern.replace("{kind}", kind))
}

/// The notices: the AI notice for AI-made articles (it cannot be turned off), then the
/// article's own notice if it is of another kind.
fn notices<'a>(article: &'a Article, strings: &Strings) -> Vec<Notice<'a>> {
    let given = article.disclaimer();
    let mut notices = Vec::new();
    let ai_kind = match article.provenance() {
        Provenance::AiGenerated => Some(DisclaimerKind::AiGenerated),
        Provenance::AiAssisted => Some(DisclaimerKind::AiAssisted),
        _ => None,
    };
    // The article's own text for a notice of this kind, or else the page's.
    let text_for = |kind: DisclaimerKind| -> (Cow<'a, str>, bool) {
        match given {
            Some(d) if d.kind == kind && d.text.is_some() => {
                (Cow::Borrowed(d.text.as_deref().unwrap_or_default()), false)
            }
            _ => (Cow::Owned(strings.notice_text(kind).to_owned()), true),
        }
    };
    if let Some(kind) = ai_kind {
        let (text, from_strings) = text_for(kind);
        notices.push(Notice {
            kind,
            text,
            from_strings,
            with_sources: true,
        });
    }
    if let Some(d) = given
        && Some(d.kind) != ai_kind
    {
        let with_sources = matches!(
            d.kind,
            DisclaimerKind::AiGenerated | DisclaimerKind::AiAssisted
        );
        let (text, from_strings) = text_for(d.kind);
        notices.push(Notice {
            kind: d.kind,
            text,
            from_strings,
            with_sources,
        });
    }
    notices.retain(|n| !n.text.trim().is_empty());
    notices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Disclaimer;

    fn view_of(article: &Article, f: impl FnOnce(&View<'_>)) {
        let arena = Arena::new();
        let (view, _body) = prepare(
            article,
            None,
            &ReadingSpeed::default(),
            &RawHtml::Omit,
            true,
            &arena,
        );
        f(&view);
    }

    #[test]
    fn excerpts_cut_at_a_word_or_between_characters() {
        assert_eq!(excerpt("  Short\n text. ", 160), "Short text.");
        assert_eq!(excerpt("one two three", 9), "one two…");
        assert_eq!(excerpt("one two, three", 12), "one two…");
        assert_eq!(excerpt("one two three", 13), "one two three");
        assert_eq!(excerpt("aaaa bbbb", 4), "aaa…");
        assert_eq!(excerpt("我们的城市正在发展。", 6), "我们的城市…");
        assert_eq!(
            excerpt("The 北京城市正在发展很快很快很快", 10),
            "The 北京城市正…"
        );
        assert_eq!(excerpt("", 10), "");
        for (text, max) in [("a b c d e f g", 5), ("aa bb cc", 3), ("x y", 1)] {
            let cut = excerpt(text, max);
            assert!(cut.chars().count() <= max, "{text:?} {max}: {cut:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn excerpts_are_never_longer_than_asked(
            text in "[ a-z,é\u{301}北京\n]{0,60}|\\PC{0,80}",
            max in 1usize..30,
        ) {
            let cut = excerpt(&text, max);
            proptest::prop_assert!(cut.chars().count() <= max, "{:?}", cut);
            let words: Vec<&str> = text.split_whitespace().collect();
            if words.join(" ").chars().count() <= max {
                proptest::prop_assert_eq!(cut, words.join(" "));
            } else {
                proptest::prop_assert!(cut.ends_with('…'));
            }
        }
    }

    #[test]
    fn description_is_the_summary_or_an_excerpt() {
        let long = "word ".repeat(100);
        let a = Article::builder("T", format!("![image](a.png)\n\n# Heading\n\n{long}"))
            .build()
            .unwrap();
        view_of(&a, |v| {
            let description = v.description().unwrap();
            assert!(description.starts_with("word word"));
            assert!(description.ends_with("word…"));
            assert!(description.chars().count() <= EXCERPT_LENGTH);
        });
        let a = Article::builder("T", "Body text.")
            .summary("The summary.")
            .build()
            .unwrap();
        view_of(&a, |v| assert_eq!(v.description(), Some("The summary.")));
        let a = Article::builder("T", "```\ncode only\n```")
            .build()
            .unwrap();
        view_of(&a, |v| assert_eq!(v.description(), None));
    }

    #[test]
    fn label_comes_from_kind_and_provenance() {
        let a = Article::builder("T", "B")
            .kind(ArticleKind::Analysis)
            .provenance(Provenance::AiGenerated)
            .build()
            .unwrap();
        view_of(&a, |v| assert_eq!(v.label.as_deref(), Some("AI Analysis")));
        let a = Article::builder("T", "B")
            .kind(ArticleKind::Analysis)
            .label("Deep dive")
            .build()
            .unwrap();
        view_of(&a, |v| assert_eq!(v.label.as_deref(), Some("Deep dive")));
        let a = Article::builder("T", "B")
            .language("ko")
            .kind(ArticleKind::Analysis)
            .provenance(Provenance::AiGenerated)
            .build()
            .unwrap();
        view_of(&a, |v| assert_eq!(v.label.as_deref(), Some("AI 분석")));
        let a = Article::builder("T", "B").build().unwrap();
        view_of(&a, |v| assert_eq!(v.label, None));
    }

    #[test]
    fn ai_notice_is_always_shown_and_its_text_can_be_replaced() {
        let a = Article::builder("T", "B")
            .provenance(Provenance::AiGenerated)
            .build()
            .unwrap();
        view_of(&a, |v| {
            assert_eq!(v.notices.len(), 1);
            assert!(
                v.notices[0]
                    .text
                    .starts_with("This article was generated by AI")
            );
        });
        let a = Article::builder("T", "B")
            .provenance(Provenance::AiGenerated)
            .disclaimer(Disclaimer::with_text(
                DisclaimerKind::AiGenerated,
                "Made by a model.",
            ))
            .build()
            .unwrap();
        view_of(&a, |v| assert_eq!(v.notices[0].text, "Made by a model."));
        let a = Article::builder("T", "B")
            .provenance(Provenance::AiGenerated)
            .disclaimer(Disclaimer::new(DisclaimerKind::Sponsored))
            .build()
            .unwrap();
        view_of(&a, |v| {
            let kinds: Vec<_> = v.notices.iter().map(|n| n.kind).collect();
            assert_eq!(
                kinds,
                [DisclaimerKind::AiGenerated, DisclaimerKind::Sponsored]
            );
        });
        let a = Article::builder("T", "B").build().unwrap();
        view_of(&a, |v| assert!(v.notices.is_empty()));
    }
}
