//! A small JSON writer for the JSON-LD in a `<script>` element: compact, written straight
//! into the page, with strings escaped so that nothing in them can end the element.
//!
//! serde_json stays the crate's JSON reader. For the JSON-LD, building borrowed structs
//! for it, letting it escape each string and then escaping the result again for the
//! `<script>` element cost a fifth of a short article's page; this writer escapes each
//! string once, into the page. Its strings are held equal to serde_json's by a property
//! test.

/// `"name":`, a key with its quotes and colon, as one literal made at compile time: what
/// [`JsonWriter::key`] writes. Keys are the caller's constants and are not escaped.
macro_rules! key {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}
pub(crate) use key;

/// Writes one JSON value into a page, key by key. Keys come from [`key!`]; string values
/// are escaped by [`escape_json_into`].
pub(crate) struct JsonWriter<'o> {
    out: &'o mut String,
    /// Whether the next key or array element needs a comma before it.
    comma: bool,
}

impl<'o> JsonWriter<'o> {
    pub(crate) fn new(out: &'o mut String) -> JsonWriter<'o> {
        JsonWriter { out, comma: false }
    }

    fn separate(&mut self) {
        if self.comma {
            self.out.push(',');
        }
    }

    /// A key from [`key!`] (`"name":`), before a value.
    #[inline(always)]
    pub(crate) fn key(&mut self, key: &str) {
        debug_assert!(key.len() >= 3 && key.starts_with('"') && key.ends_with("\":"));
        debug_assert!(!key[1..key.len() - 2].contains(['"', '\\', '<', '>', '&']));
        self.separate();
        self.out.push_str(key);
        self.comma = false;
    }

    pub(crate) fn open_object(&mut self) {
        self.separate();
        self.out.push('{');
        self.comma = false;
    }

    pub(crate) fn close_object(&mut self) {
        self.out.push('}');
        self.comma = true;
    }

    pub(crate) fn open_array(&mut self) {
        self.separate();
        self.out.push('[');
        self.comma = false;
    }

    pub(crate) fn close_array(&mut self) {
        self.out.push(']');
        self.comma = true;
    }

    pub(crate) fn string(&mut self, value: &str) {
        self.separate();
        self.out.push('"');
        escape_json_into(value, self.out);
        self.out.push('"');
        self.comma = true;
    }

    /// A string that `write` writes in place, such as a date: escaped afterwards like any
    /// other string.
    pub(crate) fn string_with(&mut self, write: impl FnOnce(&mut String)) {
        self.separate();
        self.out.push('"');
        let start = self.out.len();
        write(self.out);
        if crate::bytes::any_in::<Special>(&self.out.as_bytes()[start..]) {
            let text = self.out.split_off(start);
            escape_json_into(&text, self.out);
        }
        self.out.push('"');
        self.comma = true;
    }

    pub(crate) fn number(&mut self, value: u64) {
        self.separate();
        crate::locale::push_decimal(self.out, value);
        self.comma = true;
    }

    /// `"key":"value"` for a value fixed when the crate is built (a schema.org type, a
    /// vocabulary URL), which needs no escaping: written as it is.
    pub(crate) fn field_static(&mut self, key: &str, value: &'static str) {
        debug_assert!(
            !crate::bytes::any_in::<Special>(value.as_bytes()),
            "{value}"
        );
        self.key(key);
        self.out.push('"');
        self.out.push_str(value);
        self.out.push('"');
        self.comma = true;
    }

    /// `"key":"value"`, with the key from [`key!`].
    #[inline(always)]
    pub(crate) fn field(&mut self, key: &str, value: &str) {
        self.key(key);
        self.string(value);
    }

    /// `"key":"value"` when there is a value; nothing otherwise.
    pub(crate) fn optional(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.field(key, value);
        }
    }
}

/// What each byte becomes in a string: 0 for itself, `u` for `\u00XX`, or the letter of
/// a short escape. `<`, `>` and `&` are escaped so that no string can close the
/// `<script>` element or open a comment; 0xE2 starts U+2028 and U+2029, which break
/// JavaScript parsers older than ES2019, and is looked at with the bytes after it.
static ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'<' as usize] = b'u';
    table[b'>' as usize] = b'u';
    table[b'&' as usize] = b'u';
    table[0xE2] = b'E';
    table
};

/// 1 for the bytes that [`ESCAPES`] escapes or looks at, else 0: the same test by
/// comparisons, which the compiler runs on many bytes side by side.
#[inline(always)]
fn special(b: u8) -> u8 {
    u8::from(b < 0x20)
        | u8::from(b == b'"')
        | u8::from(b == b'\\')
        | u8::from(b == b'<')
        | u8::from(b == b'>')
        | u8::from(b == b'&')
        | u8::from(b == 0xE2)
}

/// [`special`] as a class of bytes, to be tested 64 at a time.
struct Special;

impl crate::bytes::ByteClass for Special {
    #[inline(always)]
    fn test(b: u8) -> u8 {
        special(b)
    }

    #[inline(always)]
    fn test_simd<S: fearless_simd::Simd>(
        bytes: fearless_simd::u8x64<S>,
    ) -> fearless_simd::mask8x64<S> {
        use fearless_simd::prelude::*;
        bytes.simd_lt(0x20)
            | bytes.simd_eq(b'"')
            | bytes.simd_eq(b'\\')
            | bytes.simd_eq(b'<')
            | bytes.simd_eq(b'>')
            | bytes.simd_eq(b'&')
            | bytes.simd_eq(0xE2)
    }
}

/// Writes the contents of a JSON string (without the quotes) into `out`: the escapes
/// serde_json writes, and `\uXXXX` for `<`, `>`, `&`, U+2028 and U+2029.
pub(crate) fn escape_json_into(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    // Most strings need no escape: one vectorized pass finds that out.
    if !crate::bytes::any_in::<Special>(bytes) {
        out.push_str(text);
        return;
    }
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = bytes[at..]
        .iter()
        .position(|&b| ESCAPES[usize::from(b)] != 0)
    {
        let i = at + found;
        at = i + 1;
        let b = bytes[i];
        let (escape, skip): (&str, usize) = match ESCAPES[usize::from(b)] {
            b'E' => match bytes.get(i + 1..i + 3) {
                Some([0x80, 0xA8]) => ("\\u2028", 3),
                Some([0x80, 0xA9]) => ("\\u2029", 3),
                _ => continue,
            },
            b'u' => {
                out.push_str(&text[copied..i]);
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xF)]));
                copied = i + 1;
                continue;
            }
            b'"' => ("\\\"", 1),
            b'\\' => ("\\\\", 1),
            b'b' => ("\\b", 1),
            b't' => ("\\t", 1),
            b'n' => ("\\n", 1),
            b'f' => ("\\f", 1),
            _ => ("\\r", 1),
        };
        out.push_str(&text[copied..i]);
        out.push_str(escape);
        copied = i + skip;
        at = copied;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_is_one_class_both_ways() {
        crate::bytes::tests::check_byte_class::<Special>();
    }

    /// serde_json's string, with `<`, `>`, `&`, U+2028 and U+2029 escaped after it.
    fn reference(text: &str) -> String {
        serde_json::to_string(text)
            .unwrap()
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
    }

    fn ours(text: &str) -> String {
        let mut out = String::new();
        JsonWriter::new(&mut out).string(text);
        out
    }

    #[test]
    fn strings_cannot_end_the_script_element() {
        let text =
            "</script><!-- \u{2028}\u{2029} & > \"q\" \\ \n\t\r\u{8}\u{c}\u{1}\u{7f} é \u{e2}";
        assert_eq!(ours(text), reference(text));
        assert!(!ours(text).contains(['<', '>', '&', '\u{2028}', '\u{2029}']));
        let back: String = serde_json::from_str(&ours(text)).unwrap();
        assert_eq!(back, text);
    }

    #[test]
    fn writes_nested_values_with_commas() {
        let mut out = String::new();
        let mut json = JsonWriter::new(&mut out);
        json.open_object();
        json.field(key!("a"), "1");
        json.key(key!("b"));
        json.open_array();
        json.number(2);
        json.open_object();
        json.optional(key!("c"), None);
        json.optional(key!("d"), Some("<"));
        json.close_object();
        json.string_with(|out| out.push_str("3.5"));
        json.string_with(|out| out.push_str("a\"<"));
        json.number(u64::MAX);
        json.close_array();
        json.key(key!("e"));
        json.open_object();
        json.close_object();
        json.close_object();
        assert_eq!(
            out,
            r#"{"a":"1","b":[2,{"d":"\u003c"},"3.5","a\"\u003c",18446744073709551615],"e":{}}"#
        );
    }

    #[test]
    fn the_quick_check_finds_every_byte_the_table_escapes() {
        for b in 0..=255u8 {
            assert_eq!(special(b) == 1, ESCAPES[usize::from(b)] != 0, "{b:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn escapes_like_serde_json_then_for_script(text in "\\PC{0,80}|[\u{0}-\u{7f}\u{2028}\u{2029}é]{0,80}") {
            proptest::prop_assert_eq!(ours(&text), reference(&text));
        }
    }
}
