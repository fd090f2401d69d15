//! The one error type of the crate.

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while reading or building an [`Article`](crate::Article).
///
/// Every variant names the field it is about, as a path such as `sources[1].url`, and says
/// what is wrong with it. Rendering a valid article never fails, so this type only comes
/// out of parsing and building.
///
/// ```
/// let err = dateline::Article::from_json(r#"{"title": "Hi", "body": "Text", "kind": "blog"}"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "unknown value `blog` in `kind`: expected one of `news`, `analysis`, `opinion`, \
///      `editorial`, `explainer`, `review`, `interview`, `feature`, `fact_check`, `obituary`",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not well-formed JSON or TOML.
    #[error("{format} syntax error at line {line}, column {column}: {message}")]
    Syntax {
        /// `JSON` or `TOML`.
        format: &'static str,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error, in characters.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// A Markdown file does not start with TOML front matter between `+++` lines.
    #[error("invalid front matter: {reason}")]
    FrontMatter {
        /// What is wrong with the front matter.
        reason: &'static str,
    },
    /// The input bytes are not UTF-8.
    #[error("input is not valid UTF-8: invalid byte at offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A field that the format does not define.
    #[error("unknown field `{name}` in {}", where_(.parent))]
    UnknownField {
        /// The path of the object that holds the field; empty for the article itself.
        parent: String,
        /// The unknown field's name.
        name: String,
    },
    /// A required field is missing.
    #[error("missing field `{field}`")]
    MissingField {
        /// Path of the field.
        field: String,
    },
    /// A required text field is empty or only white space.
    #[error("empty field `{field}`: it must contain text")]
    EmptyField {
        /// Path of the field.
        field: String,
    },
    /// A field has a value of the wrong type or shape.
    #[error("invalid value in {}: {message}", where_(.field))]
    InvalidValue {
        /// Path of the field; empty for the article itself (JSON that is not an object).
        field: String,
        /// What was found and what was expected.
        message: String,
    },
    /// A closed-set field (such as `kind` or `provenance`) has a value outside the set.
    #[error("unknown value `{value}` in `{field}`: expected one of {expected}")]
    UnknownValue {
        /// Path of the field.
        field: String,
        /// The value found.
        value: String,
        /// The values allowed, each in backticks.
        expected: String,
    },
    /// A URL that is not `http`, `https` or a relative reference.
    #[error("invalid URL in `{field}`: `{value}`: {reason}")]
    InvalidUrl {
        /// Path of the field.
        field: String,
        /// The URL found, with control characters escaped.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// A date that is not an RFC 3339 date-time with an offset.
    #[error("invalid date in `{field}`: `{value}`: {reason}")]
    InvalidDate {
        /// Path of the field.
        field: String,
        /// The date found.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// `updated` is earlier than `published`.
    #[error("`updated` ({updated}) is before `published` ({published})")]
    UpdatedBeforePublished {
        /// The publication date, RFC 3339.
        published: String,
        /// The update date, RFC 3339.
        updated: String,
    },
    /// A language tag that is not a well-formed BCP 47 tag.
    #[error("invalid language tag in `{field}`: `{value}`")]
    InvalidLanguage {
        /// Path of the field.
        field: String,
        /// The tag found.
        value: String,
    },
    /// A field or the whole input is larger than its limit.
    #[error("`{field}` is too large: {size} bytes, the limit is {limit}")]
    TooLarge {
        /// Path of the field, or `input` for the whole document.
        field: String,
        /// Size found, in bytes.
        size: usize,
        /// Limit, in bytes.
        limit: usize,
    },
    /// A list holds more entries than its limit.
    #[error("`{field}` has too many entries: {count}, the limit is {limit}")]
    TooMany {
        /// Path of the list.
        field: String,
        /// Entries found.
        count: usize,
        /// The limit.
        limit: usize,
    },
}

fn where_(parent: &str) -> String {
    if parent.is_empty() {
        "the article".to_owned()
    } else {
        format!("`{parent}`")
    }
}

impl Error {
    /// The path of the field this error is about, if it is about one field.
    ///
    /// ```
    /// let err = dateline::Article::from_json(r#"{"title": "", "body": "Text"}"#).unwrap_err();
    /// assert_eq!(err.field(), Some("title"));
    /// ```
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::UnknownField { parent, .. } => Some(parent),
            Error::MissingField { field }
            | Error::EmptyField { field }
            | Error::InvalidValue { field, .. }
            | Error::UnknownValue { field, .. }
            | Error::InvalidUrl { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::InvalidLanguage { field, .. }
            | Error::TooLarge { field, .. }
            | Error::TooMany { field, .. } => Some(field),
            Error::UpdatedBeforePublished { .. } => Some("updated"),
            Error::Syntax { .. } | Error::FrontMatter { .. } | Error::InvalidUtf8 { .. } => None,
        }
    }

    /// The 1-based line and column where the error is, for syntax errors.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Error::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }
}
