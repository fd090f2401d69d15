//! Byte scans that the compiler vectorizes, for the checks that decide whether a fast path
//! applies to a text: texts of 64 bytes or more with the best SIMD instructions the
//! machine has, chosen at run time by `fearless_simd`.

use fearless_simd::{Simd, mask8x64, u8x64};

/// A class of bytes, told apart one byte at a time or 64 at a time, the same way (a test
/// holds the two equal on every byte).
pub(crate) trait ByteClass {
    /// 1 for a byte in the class, else 0. A space is never in it: it pads blocks.
    fn test(b: u8) -> u8;
    /// The bytes of `bytes` in the class.
    fn test_simd<S: Simd>(bytes: u8x64<S>) -> mask8x64<S>;
}

/// Whether any byte of `bytes` is in the class `C`: 64 bytes at a time with SIMD
/// instructions, or by [`any_byte`] for text too short to gain from them.
#[inline]
pub(crate) fn any_in<C: ByteClass>(bytes: &[u8]) -> bool {
    if bytes.len() < 64 {
        return any_byte(bytes, C::test);
    }
    fearless_simd::dispatch!(fearless_simd::Level::new(), simd => any_in_blocks::<_, C>(simd, bytes))
}

/// [`any_in`] with the instructions of `simd`, for 64 bytes or more: the last bytes are
/// tested in the last 64, which overlap the block before them.
#[inline(always)]
fn any_in_blocks<S: Simd, C: ByteClass>(simd: S, bytes: &[u8]) -> bool {
    use fearless_simd::prelude::*;
    let (blocks, rest) = bytes.as_chunks::<64>();
    if blocks
        .iter()
        .any(|block| C::test_simd(u8x64::from_slice(simd, block)).any_true())
    {
        return true;
    }
    match bytes.last_chunk::<64>() {
        Some(last) if !rest.is_empty() => C::test_simd(u8x64::from_slice(simd, last)).any_true(),
        _ => false,
    }
}

/// Whether `test` gives 1 for any byte of `bytes` (it must give 0 for a space, which pads
/// a short text). Tested in blocks with no early exit inside a block, so that the
/// compiler tests a block's bytes side by side: the last block overlaps the one before
/// it, and a text shorter than a block goes into a block of spaces.
#[inline(always)]
fn any_byte(bytes: &[u8], test: impl Fn(u8) -> u8) -> bool {
    const BLOCK: usize = 32;
    debug_assert_eq!(test(b' '), 0, "a space pads a short text");
    let Some(last) = bytes.last_chunk::<BLOCK>() else {
        let mut block = [b' '; BLOCK];
        block[..bytes.len()].copy_from_slice(bytes);
        return block_has(&block, &test);
    };
    let (blocks, _) = bytes.as_chunks::<BLOCK>();
    blocks
        .iter()
        .any(|block| block.iter().fold(0, |found, &b| found | test(b)) != 0)
        || block_has(last, &test)
}

/// Whether `test` gives 1 for any byte of `block`. Kept out of line, so that the
/// compiler vectorizes it as it does the test of the other blocks, instead of unrolling
/// it into byte-by-byte code for a block whose bytes it partly knows.
#[inline(never)]
fn block_has<const N: usize>(block: &[u8; N], test: &impl Fn(u8) -> u8) -> bool {
    block.iter().fold(0, |found, &b| found | test(b)) != 0
}

/// Bytes outside printable ASCII (space to `~`).
struct NotPrintable;

impl ByteClass for NotPrintable {
    #[inline(always)]
    fn test(b: u8) -> u8 {
        u8::from(b.wrapping_sub(b' ') > b'~' - b' ')
    }

    #[inline(always)]
    fn test_simd<S: Simd>(bytes: u8x64<S>) -> mask8x64<S> {
        use fearless_simd::prelude::*;
        (bytes - b' ').simd_gt(b'~' - b' ')
    }
}

/// Whether every byte of `text` is printable ASCII, from space to `~`.
#[inline]
pub(crate) fn is_printable_ascii(text: &str) -> bool {
    !any_in::<NotPrintable>(text.as_bytes())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks that `C`'s two tests agree on every byte, at every place in a block, with
    /// every x86 instruction set the machine has, and through [`any_in`].
    pub(crate) fn check_byte_class<C: ByteClass>() {
        assert_eq!(C::test(b' '), 0, "a space pads the last block");
        // Every byte value once, 64 to a block, at each of 64 offsets.
        let all: Vec<u8> = (0..=255u8).collect();
        let expected = |bytes: &[u8]| -> u64 {
            bytes
                .iter()
                .enumerate()
                .map(|(i, &b)| u64::from(C::test(b)) << i)
                .sum()
        };
        for shift in 0..64 {
            let mut bytes = all.clone();
            bytes.rotate_left(shift);
            for block in bytes.as_chunks::<64>().0 {
                check_levels::<C>(block, expected(block));
            }
        }
        for b in 0..=255u8 {
            for len in [64, 65, 100, 128, 200] {
                let mut bytes = vec![b' '; len];
                for at in [0, len / 2, len - 1] {
                    bytes[at] = b;
                    assert_eq!(
                        any_in::<C>(&bytes),
                        C::test(b) != 0,
                        "{b:#x} at {at} of {len}"
                    );
                    bytes[at] = b' ';
                }
            }
        }
    }

    /// Checks `C`'s SIMD test on one block against `expected`, with each x86 level.
    #[cfg_attr(
        not(any(target_arch = "x86", target_arch = "x86_64")),
        allow(unused_variables, reason = "checked through `any_in` elsewhere")
    )]
    fn check_levels<C: ByteClass>(block: &[u8; 64], expected: u64) {
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        {
            use fearless_simd::prelude::*;
            let level = fearless_simd::Level::new();
            if let Some(sse2) = level.as_sse2() {
                let bits = C::test_simd(u8x64::from_slice(sse2, block)).to_bitmask();
                assert_eq!(bits, expected, "SSE2");
            }
            if let Some(sse4_2) = level.as_sse4_2() {
                let bits = C::test_simd(u8x64::from_slice(sse4_2, block)).to_bitmask();
                assert_eq!(bits, expected, "SSE4.2");
            }
            if let Some(avx2) = level.as_avx2() {
                let bits = C::test_simd(u8x64::from_slice(avx2, block)).to_bitmask();
                assert_eq!(bits, expected, "AVX2");
            }
        }
    }

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
    fn printable_is_one_class_both_ways() {
        check_byte_class::<NotPrintable>();
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
