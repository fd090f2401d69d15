//! [`Url`]: a link target that is safe to put in an `href` or `src`.

use std::borrow::Cow;
use std::fmt;
use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

/// A checked link target: an absolute `http` or `https` URL, or a relative reference such
/// as `/politics` or `../img/a.jpg`.
///
/// Any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, `mailto:`, ...) is
/// refused, and so are control characters, white space inside the URL and backslashes,
/// which browsers read in surprising ways. Leading and trailing white space is trimmed.
/// Once made, a `Url` can be written into HTML attributes without further checks.
///
/// ```
/// use dateline::Url;
///
/// let url = Url::parse("https://example.com/a?b=1")?;
/// assert_eq!(url.as_str(), "https://example.com/a?b=1");
/// assert!(url.is_absolute());
/// assert!(Url::parse("/politics")?.is_relative());
///
/// let err = Url::parse("javaScript:alert(1)").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid URL in `url`: `javaScript:alert(1)`: the scheme `javascript` is not allowed, \
///      only `http` and `https`",
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Url {
    text: String,
    /// For an absolute URL whose text starts with its origin (`https://host:port`)
    /// written exactly as the `url` crate writes it, the origin's length: found when the
    /// URL is checked, so that a page can join plain paths to its site's URL without
    /// parsing that URL again. A cache of a function of `text`, left out of comparisons.
    origin: Option<usize>,
}

impl PartialEq for Url {
    fn eq(&self, other: &Url) -> bool {
        self.text == other.text
    }
}

impl Eq for Url {}

impl std::hash::Hash for Url {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl PartialOrd for Url {
    fn partial_cmp(&self, other: &Url) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Url {
    fn cmp(&self, other: &Url) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

/// Why a URL was refused, without the field it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UrlProblem(pub(crate) String);

impl Url {
    /// Checks `input` and makes a `Url` of it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidUrl`] naming the field `url`; inside an article the error names the
    /// field's full path instead.
    pub fn parse(input: &str) -> crate::Result<Url> {
        Url::parse_field(input, "url")
    }

    pub(crate) fn parse_field(input: &str, field: &str) -> crate::Result<Url> {
        check(input).map_err(|UrlProblem(reason)| Error::InvalidUrl {
            field: field.to_owned(),
            value: input.escape_debug().to_string(),
            reason,
        })
    }

    /// The URL as written (trimmed).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether this is an absolute `http` or `https` URL.
    pub fn is_absolute(&self) -> bool {
        has_scheme(&self.text)
    }

    /// Whether this is a relative reference, such as `/politics` or `//cdn.example/a.png`.
    pub fn is_relative(&self) -> bool {
        !self.is_absolute()
    }

    /// This URL made absolute against `base`, when `base` is absolute; otherwise unchanged.
    ///
    /// ```
    /// use dateline::Url;
    /// let base = Url::parse("https://news.example/world/")?;
    /// assert_eq!(Url::parse("../politics/a")?.resolve(&base).as_str(), "https://news.example/politics/a");
    /// assert_eq!(Url::parse("https://x.example/")?.resolve(&base).as_str(), "https://x.example/");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&self, base: &Url) -> Url {
        match BaseUrl::new(base) {
            // Joining a checked reference to an http(s) URL yields an http(s) URL.
            Some(base) => Url {
                text: base.resolve(&self.text).into_owned(),
                origin: None,
            },
            None => self.clone(),
        }
    }
}

/// An absolute site URL that makes relative link targets absolute: plain paths are
/// joined to its origin, found when the URL was checked; any other reference is joined by
/// the `url` crate, which parses the base when first needed.
#[derive(Debug, Clone)]
pub(crate) struct BaseUrl {
    url: Url,
    parsed: OnceLock<Option<url::Url>>,
}

impl BaseUrl {
    /// The base for `url`, when it is absolute.
    pub(crate) fn new(url: &Url) -> Option<BaseUrl> {
        if url.is_relative() {
            return None;
        }
        Some(BaseUrl {
            url: url.clone(),
            parsed: OnceLock::new(),
        })
    }

    fn parsed(&self) -> Option<&url::Url> {
        self.parsed
            .get_or_init(|| url::Url::parse(&self.url.text).ok())
            .as_ref()
    }

    /// `reference` (a checked link target from the body or the model) made absolute when
    /// it is relative; otherwise as written.
    pub(crate) fn resolve<'r>(&self, reference: &'r str) -> Cow<'r, str> {
        if has_scheme(reference) {
            return Cow::Borrowed(reference);
        }
        if let Some(joined) = self.join_plain_path(reference) {
            return Cow::Owned(joined);
        }
        self.parsed()
            .and_then(|base| base.join(reference).ok())
            .map_or(Cow::Borrowed(reference), |u| Cow::Owned(u.into()))
    }

    /// The common case without parsing: a path such as `/politics/story-1`, of letters,
    /// digits, `-`, `_`, `.`, `~` and `/` with no `.` or `..` segment, which joining
    /// leaves as it is after the base's origin.
    fn join_plain_path(&self, reference: &str) -> Option<String> {
        if !is_plain_path(reference.as_bytes()) {
            return None;
        }
        let origin = match self.url.origin {
            Some(len) => &self.url.text[..len],
            None => {
                let parsed = self.parsed().filter(|p| p.has_authority())?;
                &parsed[..url::Position::BeforePath]
            }
        };
        let mut joined = String::with_capacity(origin.len() + reference.len());
        joined.push_str(origin);
        joined.push_str(reference);
        Some(joined)
    }
}

/// Whether `bytes` is a path that [`BaseUrl::join_plain_path`] joins as it is: `/` and no
/// second `/` after it, then letters, digits, `-`, `_`, `.`, `~` and `/`, with no segment
/// of one or two dots. The characters are checked in one pass with no early exit, which
/// the compiler vectorizes, and only the dots are looked at one by one.
fn is_plain_path(bytes: &[u8]) -> bool {
    if bytes.first() != Some(&b'/') || bytes.get(1) == Some(&b'/') {
        return false;
    }
    let other = |b: u8| {
        let letter = (b | 0x20).wrapping_sub(b'a') < 26;
        let digit = b.wrapping_sub(b'0') < 10;
        let punctuation = b == b'-' || b == b'_' || b == b'.' || b == b'~' || b == b'/';
        u8::from(!(letter || digit || punctuation))
    };
    if bytes.iter().fold(0, |found, &b| found | other(b)) != 0 {
        return false;
    }
    // A segment of dots starts after a `/` (the path starts with one) and ends at the
    // next `/` or the end.
    let ends_segment = |i: usize| bytes.get(i).is_none_or(|&b| b == b'/');
    !memchr::memchr_iter(b'.', bytes).any(|i| {
        bytes[i - 1] == b'/'
            && (ends_segment(i + 1) || (bytes.get(i + 1) == Some(&b'.') && ends_segment(i + 2)))
    })
}

/// Whether `s` starts with a scheme (RFC 3986 `scheme ":"`).
fn has_scheme(s: &str) -> bool {
    // The scheme's characters from the start, then a `:`; no search through the rest of
    // a relative reference.
    let bytes = s.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && bytes
            .iter()
            .find(|&&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))
            == Some(&b':')
}

/// The scheme of `s` if it starts with one, lowercased (RFC 3986 `scheme ":"`).
fn scheme_of(s: &str) -> Option<String> {
    let colon = s.find(':')?;
    let candidate = &s[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    Some(candidate.to_ascii_lowercase())
}

pub(crate) fn check(input: &str) -> Result<Url, UrlProblem> {
    let s = input.trim_matches(|c: char| c.is_ascii_whitespace());
    if s.is_empty() {
        return Err(UrlProblem("it is empty".into()));
    }
    // Printable ASCII without spaces (most URLs) needs no look at each character: one
    // vectorized pass and a search for a space tell.
    let plain = crate::bytes::is_printable_ascii(s) && memchr::memchr(b' ', s.as_bytes()).is_none();
    if !plain
        && let Some(c) = s
            .chars()
            .find(|c| c.is_control() || c.is_whitespace() || is_invisible(*c))
    {
        return Err(UrlProblem(format!(
            "it contains the character {}",
            c.escape_unicode()
        )));
    }
    if s.contains('\\') {
        return Err(UrlProblem("it contains a backslash".into()));
    }
    match scheme_of(s) {
        Some(scheme) if scheme == "http" || scheme == "https" => {
            let parsed = url::Url::parse(s).map_err(|e| UrlProblem(e.to_string()))?;
            if parsed.host_str().is_none_or(str::is_empty) {
                return Err(UrlProblem("it has no host".into()));
            }
            let origin = &parsed[..url::Position::BeforePath];
            return Ok(Url {
                text: s.to_owned(),
                origin: s.starts_with(origin).then_some(origin.len()),
            });
        }
        Some(scheme) => {
            return Err(UrlProblem(format!(
                "the scheme `{scheme}` is not allowed, only `http` and `https`"
            )));
        }
        None => {
            // A relative reference; a colon in its first segment would make it a scheme
            // in some parsers, so such references are refused.
            let first_segment = s.split(['/', '?', '#']).next().unwrap_or("");
            if first_segment.contains(':') {
                return Err(UrlProblem(
                    "a relative URL must not have a colon in its first segment".into(),
                ));
            }
            // Any absolute base shows whether the reference joins; one is parsed once.
            static BASE: LazyLock<Option<url::Url>> =
                LazyLock::new(|| url::Url::parse("https://base.invalid/").ok());
            // The base is a constant that parses; were it not to, every relative
            // reference would be refused rather than let through unchecked.
            let base = BASE
                .as_ref()
                .ok_or_else(|| UrlProblem("relative URLs cannot be checked".into()))?;
            base.join(s).map_err(|e| UrlProblem(e.to_string()))?;
        }
    }
    Ok(Url {
        text: s.to_owned(),
        origin: None,
    })
}

/// Invisible formatting characters that can make a URL read as another one: zero-width
/// characters, bidirectional controls, line separators and the byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Url({:?})", self.text)
    }
}

impl AsRef<str> for Url {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl std::str::FromStr for Url {
    type Err = Error;
    fn from_str(s: &str) -> crate::Result<Url> {
        Url::parse(s)
    }
}

impl Serialize for Url {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Url {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Url, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        check(&s).map_err(|UrlProblem(reason)| {
            serde::de::Error::custom(crate::input::tagged(
                crate::input::Tag::Url,
                &s.escape_debug().to_string(),
                &reason,
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn refused(input: &str) -> String {
        check(input).expect_err(input).0
    }

    #[test]
    fn accepts_http_https_and_relative_references() {
        for ok in [
            "https://example.com",
            "HTTP://EXAMPLE.COM/a",
            "/politics",
            "politics/kim",
            "../a.png",
            "?page=2",
            "#top",
            "//cdn.example/a.jpg",
            "  https://example.com/padded  ",
            "https://example.com/a:b",
            "/a:b",
        ] {
            assert!(check(ok).is_ok(), "{ok}");
        }
        assert_eq!(check("  /x ").unwrap().as_str(), "/x");
    }

    #[test]
    fn refuses_script_and_local_schemes_in_any_case() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<b>",
            "file:///etc/passwd",
            "mailto:a@b.c",
        ] {
            assert!(refused(bad).starts_with("the scheme"), "{bad}");
        }
    }

    #[test]
    fn refuses_obfuscated_schemes() {
        assert_eq!(
            refused("java\tscript:alert(1)"),
            "it contains the character \\u{9}"
        );
        assert_eq!(
            refused("java\nscript:x"),
            "it contains the character \\u{a}"
        );
        assert_eq!(
            refused("\u{1}javascript:x"),
            "it contains the character \\u{1}"
        );
        assert_eq!(
            refused("jav ascript:x"),
            "it contains the character \\u{20}"
        );
        assert_eq!(
            refused("javascript&colon;x:y"),
            "a relative URL must not have a colon in its first segment"
        );
        assert_eq!(refused("/\\evil.example"), "it contains a backslash");
        assert_eq!(
            refused("/\u{202e}gnp.exe"),
            "it contains the character \\u{202e}"
        );
        assert_eq!(
            refused("https://exa\u{200b}mple.com"),
            "it contains the character \\u{200b}"
        );
        assert_eq!(refused("https://"), "empty host");
        assert_eq!(refused(""), "it is empty");
    }

    #[test]
    fn every_ascii_control_and_space_is_refused() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            let url = format!("/a{c}b");
            let refused_char = match check(&url) {
                Err(UrlProblem(message)) => message.starts_with("it contains the character"),
                Ok(_) => false,
            };
            assert_eq!(refused_char, c.is_control() || c.is_whitespace(), "{b:#x}");
        }
    }

    #[test]
    fn resolves_against_an_absolute_base() {
        let base = check("https://a.example/x/").unwrap();
        assert_eq!(
            check("y").unwrap().resolve(&base).as_str(),
            "https://a.example/x/y"
        );
        let rel = check("/x/").unwrap();
        assert_eq!(check("y").unwrap().resolve(&rel).as_str(), "y");
    }

    #[test]
    fn the_origin_is_kept_when_written_as_url_writes_it() {
        let origin = |s: &str| {
            let url = check(s).unwrap();
            url.origin.map(|len| url.text[..len].to_owned())
        };
        assert_eq!(
            origin("https://a.example/x?y").as_deref(),
            Some("https://a.example")
        );
        assert_eq!(
            origin("http://a.example:8080").as_deref(),
            Some("http://a.example:8080")
        );
        assert_eq!(
            origin("https://u@a.example/").as_deref(),
            Some("https://u@a.example")
        );
        // Written otherwise than `url` writes it: the base is parsed when used.
        assert_eq!(origin("https://A.example/"), None);
        assert_eq!(origin("https://b\u{fc}cher.example/"), None);
        // The default port is dropped: the text still starts with the origin.
        assert_eq!(
            origin("https://a.example:443/").as_deref(),
            Some("https://a.example")
        );
        assert_eq!(origin("/relative"), None);
        let base = check("HTTPS://A.example:443/news/").unwrap();
        assert_eq!(
            check("/b").unwrap().resolve(&base).as_str(),
            "https://a.example/b"
        );
    }

    proptest::proptest! {
        /// The scheme check reads only the scheme: the same answer as finding the first
        /// `:` and checking what comes before it.
        #[test]
        fn has_scheme_is_a_scheme_before_the_first_colon(s in "[a-zA-Z0-9+.:/ -]{0,12}|\\PC{0,12}") {
            let reference = s.find(':').is_some_and(|colon| {
                let mut bytes = s[..colon].bytes();
                bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
                    && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
            });
            proptest::prop_assert_eq!(has_scheme(&s), reference);
        }
    }

    proptest::proptest! {
        /// The one-pass check of plain paths answers as checking the characters and then
        /// splitting at each `/` does.
        #[test]
        fn plain_paths_are_found_in_one_pass(path in "[/.a~%]{0,10}|/[a-z./]{0,12}") {
            let bytes = path.as_bytes();
            let reference = bytes.first() == Some(&b'/')
                && bytes.get(1) != Some(&b'/')
                && bytes.iter().all(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/')
                })
                && !path.split('/').any(|segment| matches!(segment, "." | ".."));
            proptest::prop_assert_eq!(is_plain_path(bytes), reference);
        }

        /// The shortcut for plain paths gives what `url` gives.
        #[test]
        fn plain_paths_join_as_url_joins_them(
            base in "https?://(a\\.example|EXAMPLE\\.org|user@b\\.example:8080|c\\.example:443)(/[a-z.]{0,6}){0,3}/?(\\?q=1)?(#f)?",
            reference in "/[a-zA-Z0-9/._~%? #-]{0,30}",
        ) {
            let parsed = url::Url::parse(&base).unwrap();
            let checked = check(&base).unwrap();
            let ours = BaseUrl::new(&checked).unwrap().resolve(&reference).into_owned();
            let theirs = parsed.join(&reference).map_or(reference.clone(), String::from);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
