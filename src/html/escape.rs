//! HTML escaping that checks a whole text at once and copies it whole when nothing in
//! it needs escaping (names, titles, URLs, most of the body's text), and otherwise skips
//! from one character to escape to the next with a vectorized search. maud escapes byte
//! by byte; this gives the same output (held equal to maud's by a property test), for the
//! head, the components' texts and the body.

use maud::Render;

/// Writes `text` into `out` with `&`, `<`, `>` and `"` escaped: the same output as maud's
/// own escaping, safe in element content and in double-quoted attribute values.
pub(crate) fn escape_into(text: &str, out: &mut String) {
    escape_with::<false>(text, out);
}

/// [`escape_into`], with NUL characters also replaced by U+FFFD: the same output as
/// comrak's escaping of the body's text.
pub(crate) fn escape_markdown_text_into(text: &str, out: &mut String) {
    escape_with::<true>(text, out);
}

/// 1 for a byte that [`escape_with`] replaces, else 0, by comparisons that the compiler
/// runs on many bytes side by side.
#[inline(always)]
fn special<const NUL: bool>(b: u8) -> u8 {
    u8::from(b == b'&')
        | u8::from(b == b'<')
        | u8::from(b == b'>')
        | u8::from(b == b'"')
        | u8::from(NUL && b == 0)
}

/// [`special`] as a class of bytes, to be tested 64 at a time.
struct Special<const NUL: bool>;

impl<const NUL: bool> crate::bytes::ByteClass for Special<NUL> {
    #[inline(always)]
    fn test(b: u8) -> u8 {
        special::<NUL>(b)
    }

    #[inline(always)]
    fn test_simd<S: fearless_simd::Simd>(
        bytes: fearless_simd::u8x64<S>,
    ) -> fearless_simd::mask8x64<S> {
        use fearless_simd::prelude::*;
        let markup = bytes.simd_eq(b'&') | bytes.simd_eq(b'<') | bytes.simd_eq(b'>');
        let quote = bytes.simd_eq(b'"');
        if NUL {
            markup | quote | bytes.simd_eq(0)
        } else {
            markup | quote
        }
    }
}

fn escape_with<const NUL: bool>(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    // Most texts (names, titles, URLs) have nothing to escape: one branch-free pass, which
    // the compiler vectorizes, finds that out and the text is copied whole.
    if !crate::bytes::any_in::<Special<NUL>>(bytes) {
        out.push_str(text);
        return;
    }
    out.reserve(bytes.len());
    let mut copied = 0;
    // The next `&`, `<` or `>`, and the next `"` (or NUL), each found by a vectorized
    // search and searched for again only once passed.
    let find_other = |rest: &[u8]| {
        if NUL {
            memchr::memchr2(b'"', 0, rest)
        } else {
            memchr::memchr(b'"', rest)
        }
    };
    let mut next_markup = memchr::memchr3(b'&', b'<', b'>', bytes);
    let mut next_other = find_other(bytes);
    loop {
        let i = match (next_markup, next_other) {
            (Some(m), Some(q)) => m.min(q),
            (Some(i), None) | (None, Some(i)) => i,
            (None, None) => break,
        };
        out.push_str(&text[copied..i]);
        out.push_str(match bytes[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "\u{fffd}",
        });
        copied = i + 1;
        let rest = &bytes[copied..];
        if next_markup == Some(i) {
            next_markup = memchr::memchr3(b'&', b'<', b'>', rest).map(|p| copied + p);
        } else {
            next_other = find_other(rest).map(|p| copied + p);
        }
    }
    out.push_str(&text[copied..]);
}

/// Escapes, as [`escape_into`] does, the text written at the end of `out` from `start`:
/// for text that is made in place, such as a date from the page's strings.
pub(crate) fn escape_written(out: &mut String, start: usize) {
    let written = &out.as_bytes()[start..];
    if crate::bytes::any_in::<Special<false>>(written) {
        let text = out.split_off(start);
        escape_into(&text, out);
    }
}

/// Text for a maud template, escaped by [`escape_into`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Text<'a>(pub(crate) &'a str);

impl Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        escape_into(self.0, buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_is_one_class_both_ways() {
        crate::bytes::tests::check_byte_class::<Special<false>>();
        crate::bytes::tests::check_byte_class::<Special<true>>();
    }

    fn maud_escape(text: &str) -> String {
        maud::html! { (text) }.into_string()
    }

    #[test]
    fn escapes_like_maud() {
        for text in [
            "",
            "plain",
            "<script>alert(\"x\" & 'y')</script>",
            "\"\"<<>>&&",
            "é & ü < 한국어 > \"日本\"",
            "a&",
            "&a",
        ] {
            let mut ours = String::new();
            escape_into(text, &mut ours);
            assert_eq!(ours, maud_escape(text), "{text:?}");
        }
    }

    #[test]
    fn escapes_only_what_was_written() {
        for written in ["5 janvier 2026", "5 <b> & \"x\"", ""] {
            let mut out = String::from("<time>");
            out.push_str(written);
            escape_written(&mut out, "<time>".len());
            let mut expected = String::from("<time>");
            escape_into(written, &mut expected);
            assert_eq!(out, expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn escapes_like_maud_on_any_text(
            text in "[a&<>\"'é \u{2028}]{0,40}|\\PC{0,200}|[a-z é]{0,90}[&<>\"][a-z]{0,40}"
        ) {
            let mut ours = String::new();
            escape_into(&text, &mut ours);
            proptest::prop_assert_eq!(ours, maud_escape(&text));
        }

        #[test]
        fn escapes_body_text_like_comrak(
            text in "[a&<>\"'\\x00é ]{0,40}|\\PC{0,200}|[a-z é]{0,90}[&<>\"\\x00][a-z]{0,40}"
        ) {
            let mut ours = String::new();
            escape_markdown_text_into(&text, &mut ours);
            let mut theirs = String::new();
            comrak::html::escape(&mut theirs, &text).unwrap();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
