//! Days and inclusive ranges of days, with their ISO 8601 text forms.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::error::Error;

/// An inclusive range of days: when a report was made, as precisely as the
/// text says. "said Tuesday" is one day; "last month" is a whole month.
///
/// Prints as `2025-11-04` for a single day and as the ISO 8601 interval
/// `2025-10-01/2025-10-31` otherwise; [`FromStr`] reads both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateRange {
    start: Date,
    end: Date,
}

impl DateRange {
    /// The range `start..=end`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDateRange`] when `end` is before `start`.
    pub fn new(start: Date, end: Date) -> Result<DateRange, Error> {
        if end < start {
            return Err(Error::InvalidDateRange { start, end });
        }
        Ok(DateRange { start, end })
    }

    /// The single day `day`.
    pub fn day(day: Date) -> DateRange {
        DateRange {
            start: day,
            end: day,
        }
    }

    /// The whole calendar month `month` of `year`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidValue`] when the year is outside the range `time`
    /// supports.
    pub fn month(year: i32, month: Month) -> Result<DateRange, Error> {
        let invalid = || Error::InvalidValue {
            what: "month",
            value: format!("{year}-{:02}", month as u8),
        };
        let start = Date::from_calendar_date(year, month, 1).map_err(|_| invalid())?;
        let last = time::util::days_in_month(month, year);
        let end = Date::from_calendar_date(year, month, last).map_err(|_| invalid())?;
        Ok(DateRange { start, end })
    }

    /// The first day.
    pub fn start(self) -> Date {
        self.start
    }

    /// The last day (inclusive).
    pub fn end(self) -> Date {
        self.end
    }

    /// Whether the range is a single day.
    pub fn is_day(self) -> bool {
        self.start == self.end
    }

    /// Whether `day` lies in the range.
    pub fn contains(self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }

    /// Whether the two ranges share at least one day.
    pub fn overlaps(self, other: DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl From<Date> for DateRange {
    fn from(day: Date) -> DateRange {
        DateRange::day(day)
    }
}

impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        date_serde::write(f, self.start)?;
        if !self.is_day() {
            f.write_str("/")?;
            date_serde::write(f, self.end)?;
        }
        Ok(())
    }
}

impl FromStr for DateRange {
    type Err = Error;

    /// Reads `YYYY-MM-DD` or `YYYY-MM-DD/YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<DateRange, Error> {
        match s.split_once('/') {
            None => Ok(DateRange::day(date_serde::parse(s)?)),
            Some((a, b)) => DateRange::new(date_serde::parse(a)?, date_serde::parse(b)?),
        }
    }
}

impl Serialize for DateRange {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateRange {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DateRange, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// ISO 8601 calendar dates (`2025-11-04`) for `time::Date`, as text and
/// through serde.
pub(crate) mod date_serde {
    use std::fmt;

    use serde::Serializer;
    use time::{Date, Month};

    use crate::error::Error;

    /// Writes `YYYY-MM-DD` (years outside 0..=9999 with a sign, as ISO 8601
    /// expanded years).
    pub(crate) fn write(f: &mut impl fmt::Write, date: Date) -> fmt::Result {
        let year = date.year();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}-{:02}-{:02}", date.month() as u8, date.day())
        } else {
            write!(f, "{year:+05}-{:02}-{:02}", date.month() as u8, date.day())
        }
    }

    /// Formats a date as `YYYY-MM-DD`.
    pub(crate) fn format(date: Date) -> String {
        let mut out = String::with_capacity(10);
        // Writing to a String cannot fail.
        let _ = write(&mut out, date);
        out
    }

    /// Parses `YYYY-MM-DD` (with an optional sign on the year).
    pub(crate) fn parse(s: &str) -> Result<Date, Error> {
        let invalid = || Error::InvalidValue {
            what: "date",
            value: s.to_owned(),
        };
        let (sign, rest) = match s.as_bytes().first() {
            Some(b'-') => (-1, &s[1..]),
            Some(b'+') => (1, &s[1..]),
            _ => (1, s),
        };
        let mut parts = rest.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(invalid());
        };
        let digits = |t: &str, min: usize, max: usize| {
            t.len() >= min && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(y, 4, 6) || !digits(m, 2, 2) || !digits(d, 2, 2) {
            return Err(invalid());
        }
        let year: i32 = y.parse::<i32>().map_err(|_| invalid())? * sign;
        let month: u8 = m.parse().map_err(|_| invalid())?;
        let day: u8 = d.parse().map_err(|_| invalid())?;
        let month = Month::try_from(month).map_err(|_| invalid())?;
        Date::from_calendar_date(year, month, day).map_err(|_| invalid())
    }

    pub(crate) fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(*date))
    }

    /// The same for `Option<Date>`.
    pub(crate) mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::Date;

        pub(crate) fn serialize<S: Serializer>(
            date: &Option<Date>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => super::serialize(date, serializer),
                None => serializer.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Date>, D::Error> {
            let text = <Option<std::borrow::Cow<'de, str>>>::deserialize(deserializer)?;
            text.map(|t| super::parse(&t).map_err(serde::de::Error::custom))
                .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn ranges_print_as_iso_dates_and_intervals() {
        let day = DateRange::day(date!(2025 - 11 - 04));
        assert_eq!(day.to_string(), "2025-11-04");
        let month = DateRange::month(2025, Month::October).unwrap();
        assert_eq!(month.to_string(), "2025-10-01/2025-10-31");
        assert_eq!("2025-10-01/2025-10-31".parse::<DateRange>().unwrap(), month);
        assert_eq!("2025-11-04".parse::<DateRange>().unwrap(), day);
        assert_eq!(
            DateRange::month(2024, Month::February).unwrap().end(),
            date!(2024 - 02 - 29)
        );
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for bad in [
            "",
            "2025",
            "2025-13-01",
            "2025-02-30",
            "25-01-01",
            "2025-1-01",
            "x",
            "2025-10-31/2025-10-01",
        ] {
            assert!(bad.parse::<DateRange>().is_err(), "{bad}");
        }
        let err = "2025-10-31/2025-10-01".parse::<DateRange>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "date range ends (2025-10-01) before it starts (2025-10-31)"
        );
    }
}
