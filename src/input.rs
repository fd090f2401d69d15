//! Reading articles from JSON and from Markdown with TOML front matter, and checking them.
//!
//! # The format
//!
//! An article is an object with these fields (snake_case, as in JSON):
//!
//! | field | type | required | meaning |
//! |---|---|---|---|
//! | `title` | string | yes | the headline |
//! | `seo_title` | string | | headline for search results and the browser tab |
//! | `summary` | string | | the standfirst under the headline |
//! | `body` | string | yes | Markdown (CommonMark with GFM tables, strikethrough, autolinks, footnotes) |
//! | `url` | URL | | canonical URL |
//! | `language` | string | | BCP 47 tag; default `en` |
//! | `kind` | string | | one of [`ArticleKind`](crate::ArticleKind); default `news` |
//! | `provenance` | string | | `human` (default), `ai_assisted` or `ai_generated` |
//! | `label` | string | | content label that replaces the one made from kind and provenance |
//! | `category` | string or `{name, url}` | | the section the article is filed under |
//! | `published`, `updated` | RFC 3339 date-time with offset | | `updated` may not be before `published` |
//! | `authors` | list of `{name, url}` | | |
//! | `sources` | list of `{name, url}` | | what the article is based on |
//! | `image` | `{url, alt, caption, credit, width, height}` | | feature image; `alt` required |
//! | `tags` | list of strings | | |
//! | `disclaimer` | `{kind, text}` | | see [`Disclaimer`](crate::Disclaimer) |
//! | `related` | list of `{title, url, category, summary, published, image, reading_minutes}` | | |
//! | `comments` | list of `{author, posted, text}` | | plain text |
//! | `site` | `{name, url, section: {name, url}, logo}` | | the publication |
//!
//! A URL is an absolute `http` or `https` URL, or a relative reference. An optional field
//! may be left out or, in JSON, be `null`: both give its default. Unknown fields are
//! errors. A byte order mark at the start of the input, which some editors write, is
//! skipped in both formats. In Markdown files the fields are TOML between two `+++`
//! lines, and the Markdown after them is the body:
//!
//! ```
//! let article = dateline::Article::from_markdown(r#"+++
//! title = "Rail link approved"
//! category = { name = "Transport", url = "/transport" }
//! published = 2026-01-05T09:00:00+09:00
//! +++
//! The council voted for the new line.
//! "#)?;
//! assert_eq!(article.category().unwrap().name, "Transport");
//! assert_eq!(article.body(), "The council voted for the new line.\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Text that is cleaned
//!
//! Every text field, the body included, loses the characters that can hide or reorder
//! text without showing themselves: C0 and C1 control characters (tab, line feed and
//! carriage return are kept), the bidirectional embedding, override and isolate controls
//! (U+202A to U+202E, U+2066 to U+2069), the byte order mark and Unicode noncharacters.
//! A grapheme cluster longer than 32 code points (stacked combining marks) is cut to 32;
//! emoji sequences joined by ZWJ stay whole. Single-line fields (names, titles, tags) also
//! have their line breaks and tabs turned into spaces.

use serde::Deserialize as _;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Article, ArticleFields, DisclaimerKind};
use crate::{Error, Result};

/// Upper bounds on what an article may hold, so that hostile input has a bounded cost.
///
/// ```
/// use dateline::{Article, Limits};
///
/// let mut limits = Limits::default();
/// limits.body_bytes = 10;
/// let err = Article::from_json_with(r#"{"title": "T", "body": "Eleven bytes"}"#, &limits)
///     .unwrap_err();
/// assert_eq!(err.to_string(), "`body` is too large: 12 bytes, the limit is 10");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The whole input document, in bytes. Default 4 MiB.
    pub input_bytes: usize,
    /// The Markdown body, in bytes. Default 1 MiB.
    pub body_bytes: usize,
    /// Any other single text field (title, summary, a name, a comment), in bytes.
    /// Default 16 KiB.
    pub field_bytes: usize,
    /// Any URL, in bytes. Default 4096.
    pub url_bytes: usize,
    /// Entries in each of `authors`, `sources` and `tags`. Default 64.
    pub list_entries: usize,
    /// Related articles. Default 64.
    pub related: usize,
    /// Comments. Default 1000.
    pub comments: usize,
    /// Table cells in the body, counted as rendered: a GFM table fills every row up to
    /// its header's width, so a short body can hold a huge table. Default 100,000.
    pub table_cells: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            input_bytes: 4 * 1024 * 1024,
            body_bytes: 1024 * 1024,
            field_bytes: 16 * 1024,
            url_bytes: 4096,
            list_entries: 64,
            related: 64,
            comments: 1000,
            table_cells: 100_000,
        }
    }
}

impl Article {
    /// Reads an article from JSON, with the default [`Limits`].
    ///
    /// ```
    /// let article = dateline::Article::from_json(r#"{
    ///     "title": "Rail link approved",
    ///     "body": "The council voted for the new line.",
    ///     "category": "Transport"
    /// }"#)?;
    /// assert_eq!(article.category().unwrap().name, "Transport");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A syntax error with its line and column, or the first field that is wrong.
    pub fn from_json(json: &str) -> Result<Article> {
        Article::from_json_with(json, &Limits::default())
    }

    /// Reads an article from JSON with the given limits.
    ///
    /// # Errors
    ///
    /// As [`Article::from_json`], and [`Error::TooLarge`] or [`Error::TooMany`] past a limit.
    pub fn from_json_with(json: &str, limits: &Limits) -> Result<Article> {
        check_input_size(json, limits)?;
        // Lines and columns of errors are then those an editor shows.
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        not_an_object(json)?;
        let mut de = serde_json::Deserializer::from_str(json);
        // Valid input is read once; the field an error is in is found by reading the input
        // again with its path tracked, which costs time only when there is an error.
        let fields = match ArticleFields::deserialize(&mut de) {
            Ok(fields) => fields,
            Err(error) => {
                let mut again = serde_json::Deserializer::from_str(json);
                let tracked = serde_path_to_error::deserialize::<_, ArticleFields>(&mut again);
                return Err(match tracked {
                    Err(e) => json_error(e.path().to_string(), e.into_inner()),
                    Ok(_) => json_error(String::new(), error),
                });
            }
        };
        de.end().map_err(|e| json_error(String::new(), e))?;
        validate(fields, limits)
    }

    /// Reads an article from JSON bytes, reporting bytes that are not UTF-8.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`], or as [`Article::from_json_with`].
    pub fn from_json_slice(json: &[u8], limits: &Limits) -> Result<Article> {
        Article::from_json_with(utf8(json)?, limits)
    }

    /// Reads an article from Markdown with TOML front matter between `+++` lines, with the
    /// default [`Limits`]. See [the format](crate::input).
    ///
    /// # Errors
    ///
    /// [`Error::FrontMatter`] when there is no front matter, a TOML syntax error with its
    /// line and column in the file, or the first field that is wrong.
    pub fn from_markdown(markdown: &str) -> Result<Article> {
        Article::from_markdown_with(markdown, &Limits::default())
    }

    /// Reads an article from Markdown with TOML front matter, with the given limits.
    ///
    /// # Errors
    ///
    /// As [`Article::from_markdown`], and [`Error::TooLarge`] or [`Error::TooMany`] past a
    /// limit.
    pub fn from_markdown_with(markdown: &str, limits: &Limits) -> Result<Article> {
        check_input_size(markdown, limits)?;
        let (front, body) = split_front_matter(markdown)?;
        let de = toml::de::Deserializer::parse(front).map_err(|e| toml_error(front, e))?;
        // As for JSON: the path of an error is tracked on a second reading.
        let mut fields = match ArticleFields::deserialize(de) {
            Ok(fields) => fields,
            Err(error) => {
                let tracked = toml::de::Deserializer::parse(front)
                    .map(serde_path_to_error::deserialize::<_, ArticleFields>);
                return Err(match tracked {
                    Ok(Err(e)) => {
                        let path = e.path().to_string();
                        let inner = e.into_inner();
                        match inner.span() {
                            // Errors about values keep the field path; the span only
                            // helps syntax.
                            Some(_) if path.is_empty() || path == "?" => toml_error(front, inner),
                            _ => serde_error(path, inner.message().to_owned()),
                        }
                    }
                    Ok(Ok(_)) | Err(_) => toml_error(front, error),
                });
            }
        };
        if fields.body.is_some() {
            return Err(Error::InvalidValue {
                field: "body".into(),
                message: "the body is the Markdown after the front matter, not a field".into(),
            });
        }
        fields.body = Some(body.to_owned());
        validate(fields, limits)
    }

    /// Reads Markdown with front matter from bytes, reporting bytes that are not UTF-8.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUtf8`], or as [`Article::from_markdown_with`].
    pub fn from_markdown_slice(markdown: &[u8], limits: &Limits) -> Result<Article> {
        Article::from_markdown_with(utf8(markdown)?, limits)
    }
}

fn utf8(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })
}

fn check_input_size(input: &str, limits: &Limits) -> Result<()> {
    if input.len() > limits.input_bytes {
        return Err(Error::TooLarge {
            field: "input".into(),
            size: input.len(),
            limit: limits.input_bytes,
        });
    }
    Ok(())
}

/// Splits `+++\nTOML\n+++\nbody` into the TOML and the body.
fn split_front_matter(input: &str) -> Result<(&str, &str)> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    // The fences are `+++` lines, spaces after them allowed, as on the closing one.
    let first_line = input.split_inclusive('\n').next().unwrap_or("");
    if first_line.trim_end() != "+++" || !first_line.ends_with('\n') {
        return Err(Error::FrontMatter {
            reason: "the file must start with a `+++` line",
        });
    }
    let rest = &input[first_line.len()..];
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    Err(Error::FrontMatter {
        reason: "no closing `+++` line after the front matter",
    })
}

/// Line and column (1-based, in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn toml_error(front: &str, e: toml::de::Error) -> Error {
    let (line, column) = e
        .span()
        .map_or((1, 1), |span| line_column(front, span.start));
    // The front matter starts on the file's second line.
    Error::Syntax {
        format: "TOML",
        line: line + 1,
        column,
        message: e.message().trim_end().to_owned(),
    }
}

fn json_error(path: String, e: serde_json::Error) -> Error {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
    match e.classify() {
        serde_json::error::Category::Data => serde_error(path, message),
        _ => Error::Syntax {
            format: "JSON",
            line: e.line(),
            column: e.column(),
            message,
        },
    }
}

/// An error for JSON whose value is well formed but not an object, such as `[]` or
/// `"text"`, which serde would report against its own name for the article's fields.
/// Anything else, even if it is not JSON, is left to the parser.
fn not_an_object(json: &str) -> Result<()> {
    let found = match json
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .bytes()
        .next()
    {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b'-' | b'0'..=b'9') => "a number",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => return Ok(()),
    };
    // Only a value that parses is reported as the wrong kind; `nul` is a syntax error.
    if serde_json::from_str::<serde::de::IgnoredAny>(json).is_err() {
        return Ok(());
    }
    Err(Error::InvalidValue {
        field: String::new(),
        message: format!("an article is a JSON object, not {found}"),
    })
}

/// The kinds of our own checks that run inside deserialization and travel through serde as
/// text (see [`tagged`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Tag {
    Url,
    Date,
}

const TAG_MARK: char = '\u{0}';

/// Encodes one of our checks' errors as a serde message that [`serde_error`] turns back into
/// a typed [`Error`] with the field's path. NUL cannot appear in the escaped value.
pub(crate) fn tagged(tag: Tag, value: &str, reason: &str) -> String {
    let tag = match tag {
        Tag::Url => "url",
        Tag::Date => "date",
    };
    format!("{TAG_MARK}{tag}{TAG_MARK}{value}{TAG_MARK}{reason}")
}

/// Turns a serde error message at `path` into a typed [`Error`].
fn serde_error(path: String, message: String) -> Error {
    let path = if path == "." || path == "?" {
        String::new()
    } else {
        path
    };
    if let Some(tagged) = message.strip_prefix(TAG_MARK) {
        let mut parts = tagged.splitn(3, TAG_MARK);
        let (tag, value, reason) = (parts.next(), parts.next(), parts.next());
        if let (Some(tag), Some(value), Some(reason)) = (tag, value, reason) {
            let (field, value, reason) = (path, value.to_owned(), reason.to_owned());
            return if tag == "url" {
                Error::InvalidUrl {
                    field,
                    value,
                    reason,
                }
            } else {
                Error::InvalidDate {
                    field,
                    value,
                    reason,
                }
            };
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default().to_owned();
        let parent = path
            .strip_suffix(&name)
            .map(|p| p.trim_end_matches('.').to_owned())
            .unwrap_or(path);
        return Error::UnknownField { parent, name };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let field = if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        };
        return Error::MissingField { field };
    }
    if let Some(rest) = message.strip_prefix("unknown variant `")
        && let Some((value, expected)) = rest.split_once("`, expected ")
    {
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        return Error::UnknownValue {
            field: path,
            value: value.to_owned(),
            expected: expected.replace(" or ", ", "),
        };
    }
    Error::InvalidValue {
        field: path,
        message,
    }
}

/// Checks `fields` against `limits`, cleans its text, and makes an [`Article`].
pub(crate) fn validate(mut f: ArticleFields, limits: &Limits) -> Result<Article> {
    let v = Validator { limits };

    let body = f.body.take().ok_or_else(|| Error::MissingField {
        field: "body".into(),
    })?;
    if body.len() > limits.body_bytes {
        return Err(Error::TooLarge {
            field: "body".into(),
            size: body.len(),
            limit: limits.body_bytes,
        });
    }
    let body = clean_body(body);
    if body.trim().is_empty() {
        return Err(Error::EmptyField {
            field: "body".into(),
        });
    }
    let cells = table_cells(&body);
    if cells > limits.table_cells {
        return Err(Error::TooMany {
            field: "body (table cells)".into(),
            count: cells,
            limit: limits.table_cells,
        });
    }
    f.body = Some(body);

    f.title = v.required_line(f.title, Path::Field("title"))?;
    f.seo_title = v.optional_line(f.seo_title, Path::Field("seo_title"))?;
    f.summary = v.optional_text(f.summary, Path::Field("summary"))?;
    f.label = v.optional_line(f.label, Path::Field("label"))?;
    if !crate::locale::is_language_tag(&f.language) {
        return Err(Error::InvalidLanguage {
            field: "language".into(),
            value: f.language,
        });
    }

    if let Some(url) = &f.url {
        v.url(url, Path::Field("url"))?;
    }
    if let Some(category) = &mut f.category {
        category.name = v.required_line(
            std::mem::take(&mut category.name),
            Path::Field("category.name"),
        )?;
        if let Some(url) = &category.url {
            v.url(url, Path::Field("category.url"))?;
        }
    }
    v.date(f.published, Path::Field("published"))?;
    v.date(f.updated, Path::Field("updated"))?;
    if let (Some(published), Some(updated)) = (f.published, f.updated)
        && updated.timestamp() < published.timestamp()
    {
        return Err(Error::UpdatedBeforePublished {
            published: published.to_string(),
            updated: updated.to_string(),
        });
    }

    v.count(f.authors.len(), limits.list_entries, Path::Field("authors"))?;
    for (i, author) in f.authors.iter_mut().enumerate() {
        let at = Path::Item("authors", i);
        author.name = v.required_line(std::mem::take(&mut author.name), at.child("name"))?;
        if let Some(url) = &author.url {
            v.url(url, at.child("url"))?;
        }
    }
    v.count(f.sources.len(), limits.list_entries, Path::Field("sources"))?;
    for (i, source) in f.sources.iter_mut().enumerate() {
        let at = Path::Item("sources", i);
        source.name = v.required_line(std::mem::take(&mut source.name), at.child("name"))?;
        if let Some(url) = &source.url {
            v.url(url, at.child("url"))?;
        }
    }
    v.count(f.tags.len(), limits.list_entries, Path::Field("tags"))?;
    for (i, tag) in f.tags.iter_mut().enumerate() {
        *tag = v.required_line(std::mem::take(tag), Path::Item("tags", i))?;
    }
    if let Some(image) = &mut f.image {
        v.image(image, Path::Field("image"), true)?;
    }
    if let Some(disclaimer) = &mut f.disclaimer {
        disclaimer.text =
            v.optional_text(disclaimer.text.take(), Path::Field("disclaimer.text"))?;
        if disclaimer.text.is_none()
            && matches!(
                disclaimer.kind,
                DisclaimerKind::Correction | DisclaimerKind::Notice
            )
        {
            return Err(Error::MissingField {
                field: "disclaimer.text".into(),
            });
        }
    }
    v.count(f.related.len(), limits.related, Path::Field("related"))?;
    for (i, related) in f.related.iter_mut().enumerate() {
        let at = Path::Item("related", i);
        related.title = v.required_line(std::mem::take(&mut related.title), at.child("title"))?;
        v.url(&related.url, at.child("url"))?;
        related.summary = v.optional_text(related.summary.take(), at.child("summary"))?;
        if let Some(category) = &mut related.category {
            category.name = v.required_line(
                std::mem::take(&mut category.name),
                at.child("category.name"),
            )?;
        }
        if let Some(image) = &mut related.image {
            v.image(image, at.child("image"), false)?;
        }
        v.date(related.published, at.child("published"))?;
        // "0 min read" tells a reader nothing: 0 is taken as not known.
        related.reading_minutes = related.reading_minutes.filter(|&m| m > 0);
    }
    v.count(f.comments.len(), limits.comments, Path::Field("comments"))?;
    for (i, comment) in f.comments.iter_mut().enumerate() {
        let at = Path::Item("comments", i);
        comment.author =
            v.required_line(std::mem::take(&mut comment.author), at.child("author"))?;
        comment.text = v.required_text(std::mem::take(&mut comment.text), at.child("text"))?;
        v.date(comment.posted, at.child("posted"))?;
    }
    if let Some(site) = &mut f.site {
        site.name = v.required_line(std::mem::take(&mut site.name), Path::Field("site.name"))?;
        v.url(&site.url, Path::Field("site.url"))?;
        if let Some(section) = &mut site.section {
            section.name = v.required_line(
                std::mem::take(&mut section.name),
                Path::Field("site.section.name"),
            )?;
        }
        if let Some(logo) = &site.logo {
            v.url(logo, Path::Field("site.logo"))?;
        }
    }
    Ok(Article(f))
}

struct Validator<'a> {
    limits: &'a Limits,
}

impl Validator<'_> {
    fn size(&self, s: &str, field: Path<'_>) -> Result<()> {
        if s.len() > self.limits.field_bytes {
            return Err(Error::TooLarge {
                field: field.to_string(),
                size: s.len(),
                limit: self.limits.field_bytes,
            });
        }
        Ok(())
    }

    fn count(&self, count: usize, limit: usize, field: Path<'_>) -> Result<()> {
        if count > limit {
            return Err(Error::TooMany {
                field: field.to_string(),
                count,
                limit,
            });
        }
        Ok(())
    }

    fn url(&self, url: &crate::Url, field: Path<'_>) -> Result<()> {
        let len = url.as_str().len();
        if len > self.limits.url_bytes {
            return Err(Error::TooLarge {
                field: field.to_string(),
                size: len,
                limit: self.limits.url_bytes,
            });
        }
        Ok(())
    }

    fn required_text(&self, s: String, field: Path<'_>) -> Result<String> {
        self.size(&s, field)?;
        let s = clean_text(s, false);
        if s.trim().is_empty() {
            return Err(Error::EmptyField {
                field: field.to_string(),
            });
        }
        Ok(s)
    }

    fn required_line(&self, s: String, field: Path<'_>) -> Result<String> {
        self.size(&s, field)?;
        let s = clean_text(s, true);
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(Error::EmptyField {
                field: field.to_string(),
            });
        }
        Ok(if trimmed.len() == s.len() {
            s
        } else {
            trimmed.to_owned()
        })
    }

    /// Optional text: empty or blank means absent.
    fn optional_text(&self, s: Option<String>, field: Path<'_>) -> Result<Option<String>> {
        match s {
            Some(s) if !s.trim().is_empty() => self.required_text(s, field).map(Some),
            _ => Ok(None),
        }
    }

    fn optional_line(&self, s: Option<String>, field: Path<'_>) -> Result<Option<String>> {
        match s {
            Some(s) if !s.trim().is_empty() => self.required_line(s, field).map(Some),
            _ => Ok(None),
        }
    }

    /// A date that a page can write: RFC 3339 reads years from 0000 and offsets in whole
    /// minutes, and `DateTime::from_parts` takes any, but HTML's `datetime` takes years
    /// from 1 and whole minutes only.
    fn date(&self, date: Option<crate::DateTime>, field: Path<'_>) -> Result<()> {
        let Some(date) = date else {
            return Ok(());
        };
        let reason = if date.civil().year() < 1 {
            "the year must be 1 or later"
        } else if date.offset().seconds() % 60 != 0 {
            "the offset must be whole minutes"
        } else {
            return Ok(());
        };
        Err(Error::InvalidDate {
            field: field.to_string(),
            value: date.to_string(),
            reason: reason.into(),
        })
    }

    fn image(&self, image: &mut crate::Image, field: Path<'_>, alt_required: bool) -> Result<()> {
        self.url(&image.url, field.child("url"))?;
        for (name, size) in [("width", image.width), ("height", image.height)] {
            if size == Some(0) {
                return Err(Error::InvalidValue {
                    field: field.child(name).to_string(),
                    message: "an image is at least 1 pixel wide and high".into(),
                });
            }
        }
        image.alt = if alt_required {
            self.required_line(std::mem::take(&mut image.alt), field.child("alt"))?
        } else {
            self.size(&image.alt, field.child("alt"))?;
            clean_text(std::mem::take(&mut image.alt), true)
                .trim()
                .to_owned()
        };
        image.caption = self.optional_text(image.caption.take(), field.child("caption"))?;
        image.credit = self.optional_line(image.credit.take(), field.child("credit"))?;
        Ok(())
    }
}

/// Where a value sits in an article, as errors name it (`related[2].image.alt`): written
/// out only when an error needs it, not for every field that is fine.
#[derive(Debug, Clone, Copy)]
enum Path<'a> {
    /// A field by its name, or its dotted path such as `site.url`.
    Field(&'a str),
    /// An entry of a list: `authors[0]`.
    Item(&'a str, usize),
    /// A field of a value: `{path}.{name}`.
    Child(&'a Path<'a>, &'a str),
}

impl<'a> Path<'a> {
    fn child(&'a self, name: &'a str) -> Path<'a> {
        Path::Child(self, name)
    }
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Field(name) => f.write_str(name),
            Path::Item(list, i) => write!(f, "{list}[{i}]"),
            Path::Child(path, name) => write!(f, "{path}.{name}"),
        }
    }
}

/// An upper estimate of the table cells the body renders: for each GFM delimiter row
/// (such as `|---|:--:|`, also inside quotes and lists), its column count times the rows
/// that follow it up to a blank line, header included. One pass over the lines.
fn table_cells(body: &str) -> usize {
    let mut cells = 0usize;
    let mut columns = 0usize;
    let mut previous_blank = true;
    for line in body.lines() {
        let content = line.trim_start_matches([' ', '\t', '>']);
        let blank = content.trim().is_empty();
        if blank {
            columns = 0;
        } else if columns > 0 {
            cells = cells.saturating_add(columns);
        } else if !previous_blank && is_delimiter_row(content) {
            columns = content.trim().trim_matches('|').split('|').count();
            // The header row and the delimiter row.
            cells = cells.saturating_add(2 * columns);
        }
        previous_blank = blank;
    }
    cells
}

/// A GFM table delimiter row: cells of `-` with optional `:` at either end, between pipes.
fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|')
        && line.trim_matches('|').split('|').all(|cell| {
            let cell = cell.trim().trim_start_matches(':').trim_end_matches(':');
            !cell.is_empty() && cell.bytes().all(|b| b == b'-')
        })
}

/// The longest grapheme cluster kept, in code points.
const MAX_CLUSTER_CHARS: usize = 32;

/// Whether cleaning removes `c` from text (see [the module docs](self)).
pub(crate) fn is_removed(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' => true,
        '\u{fdd0}'..='\u{fdef}' => true,
        c => (c as u32) & 0xfffe == 0xfffe,
    }
}

fn clean_body(body: String) -> String {
    clean_text(body, false)
}

/// The bytes that [`clean_text`] may have to remove or change: control characters (but
/// tabs and line breaks in text of more than one line), DEL, and every byte outside
/// ASCII, which takes the slower checks.
struct Special<const SINGLE_LINE: bool>;

impl<const SINGLE_LINE: bool> crate::bytes::ByteClass for Special<SINGLE_LINE> {
    #[inline(always)]
    fn test(b: u8) -> u8 {
        let line_break = u8::from(b == b'\t') | u8::from(b == b'\n') | u8::from(b == b'\r');
        (u8::from(b < 0x20) & !(u8::from(!SINGLE_LINE) & line_break)) | u8::from(b >= 0x7f)
    }

    #[inline(always)]
    fn test_simd<S: fearless_simd::Simd>(
        bytes: fearless_simd::u8x64<S>,
    ) -> fearless_simd::mask8x64<S> {
        use fearless_simd::prelude::*;
        let control = bytes.simd_lt(0x20);
        let removed = if SINGLE_LINE {
            control
        } else {
            let line_break = bytes.simd_eq(b'\t') | bytes.simd_eq(b'\n') | bytes.simd_eq(b'\r');
            control & !line_break
        };
        removed | bytes.simd_ge(0x7f)
    }
}

/// Removes the characters listed in [the module docs](self); with `single_line`, also turns
/// tabs and line breaks into spaces. Returns the input untouched when nothing changes.
pub(crate) fn clean_text(s: String, single_line: bool) -> String {
    // Most text is ASCII with nothing to remove: one branch-free pass, which the compiler
    // vectorizes, finds that out; anything else takes the checks below.
    let nothing_to_do = if single_line {
        !crate::bytes::any_in::<Special<true>>(s.as_bytes())
    } else {
        !crate::bytes::any_in::<Special<false>>(s.as_bytes())
    };
    if nothing_to_do {
        return s;
    }
    let ascii = s.is_ascii();
    let needs = if ascii {
        s.bytes().any(|b| {
            (b < 0x20 && (single_line || !matches!(b, b'\t' | b'\n' | b'\r'))) || b == 0x7f
        })
    } else {
        s.chars()
            .any(|c| is_removed(c) || (single_line && matches!(c, '\t' | '\n' | '\r')))
            || has_long_cluster(&s)
    };
    if !needs {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for cluster in s.graphemes(true) {
        let mut kept = 0;
        for c in cluster.chars() {
            if is_removed(c) {
                continue;
            }
            if kept == MAX_CLUSTER_CHARS {
                break;
            }
            kept += 1;
            out.push(if single_line && matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            });
        }
    }
    out
}

fn has_long_cluster(s: &str) -> bool {
    // A cluster of more than 32 code points is at least 33 bytes long, so only long
    // clusters need counting.
    s.graphemes(true)
        .any(|g| g.len() > MAX_CLUSTER_CHARS && g.chars().count() > MAX_CLUSTER_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_is_a_field_left_out() {
        let optional = [
            "seo_title",
            "summary",
            "url",
            "language",
            "kind",
            "provenance",
            "label",
            "category",
            "published",
            "updated",
            "authors",
            "sources",
            "image",
            "tags",
            "disclaimer",
            "related",
            "comments",
            "site",
        ];
        let nulls: String = optional.iter().map(|f| format!(",\"{f}\":null")).collect();
        let with_nulls = Article::from_json(&format!("{{\"title\":\"T\",\"body\":\"B\"{nulls}}}"));
        let left_out = Article::from_json("{\"title\":\"T\",\"body\":\"B\"}");
        assert_eq!(with_nulls.unwrap(), left_out.unwrap());
        // Every optional field of the format is in the list above: the fixture with every
        // field filled has no other.
        let full: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/full.json")).unwrap();
        for field in full.as_object().unwrap().keys() {
            assert!(
                ["title", "body"].contains(&field.as_str()) || optional.contains(&field.as_str()),
                "{field}"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_in_both_formats() {
        let json = "\u{feff}{\"title\": \"T\", \"body\": \"B\"}";
        assert_eq!(Article::from_json(json).unwrap().title(), "T");
        let markdown = "\u{feff}+++\ntitle = \"T\"\n+++\nB\n";
        assert_eq!(Article::from_markdown(markdown).unwrap().title(), "T");
        // Columns count from after the mark, as an editor shows them.
        let error = Article::from_json("\u{feff}{\"title\" 1}").unwrap_err();
        assert!(error.to_string().contains("line 1, column 10"), "{error}");
    }

    #[test]
    fn special_is_one_class_both_ways() {
        crate::bytes::tests::check_byte_class::<Special<true>>();
        crate::bytes::tests::check_byte_class::<Special<false>>();
    }

    #[test]
    fn paths_name_fields_as_errors_show_them() {
        let related = Path::Item("related", 2);
        let image = related.child("image");
        assert_eq!(image.child("alt").to_string(), "related[2].image.alt");
        assert_eq!(Path::Item("tags", 0).to_string(), "tags[0]");
        assert_eq!(Path::Field("site.url").to_string(), "site.url");
    }

    proptest::proptest! {
        /// ASCII text, with or without characters to remove, comes out as a filter of its
        /// characters says: the quick check lets through only text with none.
        #[test]
        fn ascii_text_is_cleaned_character_by_character(
            text in "[\\x00-\\x7f]{0,40}|[ -~]{0,80}",
            single_line: bool,
        ) {
            let expected: String = text
                .chars()
                .filter(|&c| !is_removed(c))
                .map(|c| if single_line && matches!(c, '\t' | '\n' | '\r') { ' ' } else { c })
                .collect();
            proptest::prop_assert_eq!(clean_text(text, single_line), expected);
        }
    }

    #[test]
    fn cleans_hiding_characters_and_keeps_emoji_sequences() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
        let s = format!("a\u{202e}b\u{0}c\u{85}d\u{feff}e\u{fdd0}f\u{2066}g {family}");
        assert_eq!(clean_text(s, false), format!("abcdefg {family}"));
        assert_eq!(clean_text("one\ntwo\tthree".into(), true), "one two three");
        assert_eq!(clean_text("one\ntwo".into(), false), "one\ntwo");
    }

    #[test]
    fn caps_stacked_combining_marks() {
        let zalgo = format!("Z{}", "\u{301}".repeat(100));
        let cleaned = clean_text(zalgo, false);
        assert_eq!(cleaned.chars().count(), MAX_CLUSTER_CHARS);
    }

    #[test]
    fn splits_front_matter() {
        assert_eq!(
            split_front_matter("+++\na = 1\n+++\nbody").unwrap(),
            ("a = 1\n", "body")
        );
        assert_eq!(
            split_front_matter("+++\r\na = 1\r\n+++\r\nbody").unwrap(),
            ("a = 1\r\n", "body")
        );
        // Spaces after a fence, as editors leave them.
        assert_eq!(
            split_front_matter("+++ \t\na = 1\n+++  \nbody").unwrap(),
            ("a = 1\n", "body")
        );
        assert!(split_front_matter("a = 1").is_err());
        assert!(split_front_matter("+++").is_err());
        assert!(split_front_matter("+++ a\n+++\n").is_err());
        assert!(split_front_matter("++++\na = 1\n+++\n").is_err());
        assert!(split_front_matter("+++\na = 1\n").is_err());
    }

    #[test]
    fn counts_table_cells_as_rendered() {
        assert_eq!(table_cells("| a | b |\n|---|--:|\n| 1 | 2 |\n| 3 |\n"), 8);
        assert_eq!(table_cells("> | a |\n> |:-:|\n> | 1 |\n\nafter\n"), 3);
        assert_eq!(table_cells("No table - here | really\n---\n"), 0);
        let wide = format!(
            "|{}\n|{}\n{}",
            "a|".repeat(700),
            "-|".repeat(700),
            "|x\n".repeat(70)
        );
        assert_eq!(table_cells(&wide), 700 * 72);
    }

    #[test]
    fn line_columns_count_characters() {
        assert_eq!(line_column("ab\ncd", 4), (2, 2));
        assert_eq!(line_column("한국\nx", 6), (1, 3));
    }
}
