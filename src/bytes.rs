//! Byte scans that the compiler vectorizes, for the checks that decide whether a fast path
//! applies to a text.

/// Whether `test` gives 1 for any byte of `bytes` (it must give 0 for a space, which pads
/// the last block). Tested in blocks with no early exit inside a block, so that the
/// compiler tests a block's bytes side by side; a short text costs one block.
#[inline(always)]
pub(crate) fn any_byte(bytes: &[u8], test: impl Fn(u8) -> u8) -> bool {
    const BLOCK: usize = 32;
    debug_assert_eq!(test(b' '), 0, "a space pads the last block");
    let (blocks, rest) = bytes.as_chunks::<BLOCK>();
    if blocks
        .iter()
        .any(|block| block.iter().fold(0, |found, &b| found | test(b)) != 0)
    {
        return true;
    }
    // The last bytes go into a block of spaces, tested the same way.
    let mut last = [b' '; BLOCK];
    last[..rest.len()].copy_from_slice(rest);
    block_has(&last, &test)
}

/// Whether `test` gives 1 for any byte of `block`: the padded last block of
/// [`any_byte`]. Kept out of line, so that the compiler vectorizes it as it does the test
/// of the other blocks, instead of unrolling it into byte-by-byte code for a block whose
/// bytes it partly knows.
#[inline(never)]
fn block_has<const N: usize>(block: &[u8; N], test: &impl Fn(u8) -> u8) -> bool {
    block.iter().fold(0, |found, &b| found | test(b)) != 0
}

/// Whether every byte of `text` is printable ASCII, from space to `~`.
#[inline]
pub(crate) fn is_printable_ascii(text: &str) -> bool {
    !any_byte(text.as_bytes(), |b| {
        u8::from(b.wrapping_sub(b' ') > b'~' - b' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_byte_wherever_it_is() {
        for len in 0..100 {
            let clean = vec![b'a'; len];
            assert!(!any_byte(&clean, |b| u8::from(b == b'x')));
            for at in 0..len {
                let mut bytes = clean.clone();
                bytes[at] = b'x';
                assert!(any_byte(&bytes, |b| u8::from(b == b'x')), "{len} {at}");
            }
        }
    }

    #[test]
    fn printable_ascii_is_space_to_tilde() {
        for b in 0..=127u8 {
            let text = char::from(b).to_string();
            assert_eq!(
                is_printable_ascii(&text),
                (b' '..=b'~').contains(&b),
                "{b:#x}"
            );
        }
        assert!(!is_printable_ascii("é") && is_printable_ascii(""));
    }
}
