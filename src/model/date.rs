//! [`DateTime`]: an instant with the offset it was written in.

use std::fmt;

use jiff::{Timestamp, civil, fmt::temporal::Pieces, tz::Offset};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Error;

/// An RFC 3339 date-time with its UTC offset, such as `2026-01-05T09:30:00+09:00`.
///
/// The offset is kept, so a page shows the date its newsroom wrote, and the instant is
/// kept, so dates compare correctly across offsets. `Z` is read as `+00:00`.
///
/// ```
/// use dateline::DateTime;
///
/// let seoul: DateTime = "2026-01-05T09:30:00+09:00".parse()?;
/// let utc: DateTime = "2026-01-05T00:30:00Z".parse()?;
/// assert_eq!(seoul.timestamp(), utc.timestamp());
/// assert_eq!(seoul.to_string(), "2026-01-05T09:30:00+09:00");
/// assert_eq!(seoul.date().to_string(), "2026-01-05");
///
/// let err = "2026-13-01T00:00:00Z".parse::<DateTime>().unwrap_err();
/// assert!(err.to_string().starts_with("invalid date in `date`: `2026-13-01T00:00:00Z`: "));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime {
    timestamp: Timestamp,
    offset: Offset,
}

impl DateTime {
    /// Parses an RFC 3339 date-time; an offset (or `Z`) is required.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDate`] naming the field `date`; inside an article the error names
    /// the field's full path instead.
    pub fn parse(input: &str) -> crate::Result<DateTime> {
        DateTime::parse_field(input, "date")
    }

    pub(crate) fn parse_field(input: &str, field: &str) -> crate::Result<DateTime> {
        check(input).map_err(|reason| Error::InvalidDate {
            field: field.to_owned(),
            value: input.escape_debug().to_string(),
            reason,
        })
    }

    /// Makes a `DateTime` from an instant and the offset to show it in.
    pub fn from_parts(timestamp: Timestamp, offset: Offset) -> DateTime {
        DateTime { timestamp, offset }
    }

    /// The instant.
    pub fn timestamp(&self) -> Timestamp {
        self.timestamp
    }

    /// The offset the date was written with.
    pub fn offset(&self) -> Offset {
        self.offset
    }

    /// The civil date and time at the written offset.
    pub fn civil(&self) -> civil::DateTime {
        self.offset.to_datetime(self.timestamp)
    }

    /// The civil date at the written offset.
    pub fn date(&self) -> civil::Date {
        self.civil().date()
    }
}

fn check(input: &str) -> Result<DateTime, String> {
    let s = input.trim();
    let pieces = Pieces::parse(s).map_err(|e| e.to_string())?;
    if pieces.time().is_none() {
        return Err("a time and an offset are required, as in `2026-01-05T09:30:00+09:00`".into());
    }
    let offset = match pieces.offset() {
        None => {
            return Err(
                "an offset is required, as in `2026-01-05T09:30:00+09:00` or `...Z`".into(),
            );
        }
        Some(jiff::fmt::temporal::PiecesOffset::Zulu) => Offset::UTC,
        Some(_) => pieces
            .to_numeric_offset()
            .ok_or_else(|| "the offset must be numeric or `Z`".to_owned())?,
    };
    if pieces.time_zone_annotation().is_some() {
        return Err("a time zone annotation such as `[Asia/Seoul]` is not RFC 3339".into());
    }
    let timestamp: Timestamp = s.parse().map_err(|e: jiff::Error| e.to_string())?;
    Ok(DateTime { timestamp, offset })
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    /// Orders by instant, then by offset, so that equal instants in other offsets differ.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.timestamp
            .cmp(&other.timestamp)
            .then(self.offset.seconds().cmp(&other.offset.seconds()))
    }
}

impl DateTime {
    /// Writes the date-time as [`Display`](fmt::Display) does into `out`, given its
    /// [`DateTime::civil`] (which a caller that also shows the date has at hand).
    pub(crate) fn write_rfc3339(&self, civil: civil::DateTime, out: &mut String) {
        debug_assert_eq!(civil, self.civil());
        match self.rfc3339_digits(civil, 9) {
            Some(text) => out.push_str(text.as_str()),
            None => {
                use fmt::Write as _;
                let _ = write!(out, "{}", self.timestamp.display_with_offset(self.offset));
            }
        }
    }

    /// [`DateTime::write_rfc3339`] for an HTML `datetime` attribute, which takes at most
    /// three digits of a second's fraction: the fraction is cut to milliseconds.
    pub(crate) fn write_html_datetime(&self, civil: civil::DateTime, out: &mut String) {
        debug_assert_eq!(civil, self.civil());
        match self.rfc3339_digits(civil, 3) {
            Some(text) => out.push_str(text.as_str()),
            None => {
                use fmt::Write as _;
                let shown = self.timestamp.display_with_offset(self.offset);
                let _ = if civil.subsec_nanosecond() == 0 {
                    write!(out, "{shown}")
                } else {
                    write!(out, "{shown:.3}")
                };
            }
        }
    }

    /// RFC 3339 written digit by digit, with at most `fraction_digits` (3 or 9) of a
    /// second's fraction, for every date read from RFC 3339; none for the rest (years
    /// outside 0000-9999, offsets with seconds), which jiff writes.
    fn rfc3339_digits(&self, civil: civil::DateTime, fraction_digits: u32) -> Option<Ascii> {
        let offset = self.offset.seconds();
        if !(0..=9999).contains(&civil.year()) || offset % 60 != 0 {
            return None;
        }
        let mut text = Ascii::default();
        text.number(civil.year().unsigned_abs().into(), 4);
        text.push(b'-');
        text.number(civil.month().unsigned_abs().into(), 2);
        text.push(b'-');
        text.number(civil.day().unsigned_abs().into(), 2);
        text.push(b'T');
        text.number(civil.hour().unsigned_abs().into(), 2);
        text.push(b':');
        text.number(civil.minute().unsigned_abs().into(), 2);
        text.push(b':');
        text.number(civil.second().unsigned_abs().into(), 2);
        let fraction = civil.subsec_nanosecond().unsigned_abs() / 10u32.pow(9 - fraction_digits);
        if fraction != 0 {
            // As few digits as the fraction needs.
            text.push(b'.');
            text.number(fraction, fraction_digits as usize);
            while text.bytes[text.len - 1] == b'0' {
                text.len -= 1;
            }
        }
        text.push(if offset < 0 { b'-' } else { b'+' });
        text.number(offset.unsigned_abs() / 3600, 2);
        text.push(b':');
        text.number(offset.unsigned_abs() / 60 % 60, 2);
        Some(text)
    }
}

impl fmt::Display for DateTime {
    /// RFC 3339, at the written offset, to whole seconds unless the input had a fraction.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rfc3339_digits(self.civil(), 9) {
            Some(text) => f.write_str(text.as_str()),
            None => fmt::Display::fmt(&self.timestamp.display_with_offset(self.offset), f),
        }
    }
}

/// A short ASCII text built on the stack: "2026-01-05T09:30:00.123456789+09:00" at most.
struct Ascii {
    bytes: [u8; 36],
    len: usize,
}

impl Default for Ascii {
    fn default() -> Ascii {
        Ascii {
            bytes: [0; 36],
            len: 0,
        }
    }
}

impl Ascii {
    fn push(&mut self, byte: u8) {
        self.bytes[self.len] = byte;
        self.len += 1;
    }

    /// `value` in `width` digits, with leading zeros.
    fn number(&mut self, mut value: u32, width: usize) {
        for place in (0..width).rev() {
            self.bytes[self.len + place] = b'0' + (value % 10) as u8;
            value /= 10;
        }
        self.len += width;
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTime({self})")
    }
}

impl std::str::FromStr for DateTime {
    type Err = Error;
    fn from_str(s: &str) -> crate::Result<DateTime> {
        DateTime::parse(s)
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 date-time with an offset")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<DateTime, E> {
                check(s).map_err(|reason| {
                    E::custom(crate::input::tagged(
                        crate::input::Tag::Date,
                        &s.escape_debug().to_string(),
                        &reason,
                    ))
                })
            }
            /// TOML's own date-times arrive as a one-entry map holding their text.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<DateTime, A::Error> {
                match map.next_entry::<String, String>()? {
                    Some((_, text)) => self.visit_str(&text),
                    None => Err(serde::de::Error::invalid_length(0, &self)),
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_written_offset() {
        let d = check("2026-01-05T09:30:00+09:00").unwrap();
        assert_eq!(d.to_string(), "2026-01-05T09:30:00+09:00");
        assert_eq!(d.date(), civil::date(2026, 1, 5));
        assert_eq!(
            check("2026-01-04T23:00:00-05:00").unwrap().date(),
            civil::date(2026, 1, 4)
        );
        assert_eq!(
            check("2026-01-05T00:30:00Z").unwrap().to_string(),
            "2026-01-05T00:30:00+00:00"
        );
    }

    #[test]
    fn refuses_dates_without_time_or_offset() {
        assert!(
            check("2026-01-05")
                .unwrap_err()
                .contains("a time and an offset are required")
        );
        assert!(
            check("2026-01-05T09:30:00")
                .unwrap_err()
                .contains("an offset is required")
        );
        assert!(
            check("2026-01-05T09:30:00+09:00[Asia/Seoul]")
                .unwrap_err()
                .contains("annotation")
        );
        assert!(check("2026-02-30T00:00:00Z").is_err());
        assert!(check("yesterday").is_err());
    }

    #[test]
    fn orders_by_instant() {
        let a = check("2026-01-05T09:00:00+09:00").unwrap();
        let b = check("2026-01-05T01:00:00+00:00").unwrap();
        assert!(a < b);
    }

    use proptest::prelude::{Just, Strategy as _};

    proptest::proptest! {
        /// Written digit by digit, a date reads as jiff writes it.
        #[test]
        fn displays_as_jiff_does(
            seconds in -377_705_116_800i64..253_402_300_799,
            nanos in proptest::prop_oneof![Just(0i32), 0i32..1_000_000_000, Just(500_000_000), Just(1_000)],
            offset in proptest::prop_oneof![Just(0i32), -93_599i32..93_599, (-25i32..=25).prop_map(|h| h * 3600), (-1559i32..=1559).prop_map(|m| m * 60)],
        ) {
            let timestamp = Timestamp::from_second(seconds)
                .unwrap()
                .checked_add(jiff::SignedDuration::new(0, nanos));
            proptest::prop_assume!(timestamp.is_ok());
            let timestamp = timestamp.unwrap();
            let offset = Offset::from_seconds(offset).unwrap();
            let date = DateTime::from_parts(timestamp, offset);
            proptest::prop_assert_eq!(
                date.to_string(),
                timestamp.display_with_offset(offset).to_string()
            );
            // Written into a page, after its text, it reads the same.
            let mut page = String::from("<time datetime=\"");
            date.write_rfc3339(date.civil(), &mut page);
            proptest::prop_assert_eq!(page, format!("<time datetime=\"{date}"));
            // In an HTML attribute, the same instant to the millisecond, with at most
            // three digits of fraction.
            let mut html = String::new();
            date.write_html_datetime(date.civil(), &mut html);
            let fraction = html.split_once('.').map_or("", |(_, rest)| {
                rest.split(['+', '-', 'Z']).next().unwrap_or("")
            });
            proptest::prop_assert!(fraction.len() <= 3, "{}", html);
            // (An offset with seconds, which RFC 3339 cannot write, loses them.)
            if offset.seconds() % 60 == 0 {
                let read: jiff::Timestamp = html.parse().unwrap();
                let behind = timestamp.duration_since(read);
                proptest::prop_assert!(
                    behind >= jiff::SignedDuration::ZERO
                        && behind < jiff::SignedDuration::from_millis(1),
                    "{} for {}", html, date
                );
            }
        }
    }
}
