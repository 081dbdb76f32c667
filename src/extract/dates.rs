//! Relative dates of news text ("said Tuesday", "last month", "on Nov. 2"),
//! resolved against the dateline.
//!
//! The conventions are those of news writing: a weekday in the past tense is
//! the most recent such day on or before the dateline (a Tuesday article's
//! "said Tuesday" is that very day), "last week" is the previous
//! Monday–Sunday week, "last month" the previous calendar month, "in
//! September" the most recent September not after the dateline, and a day
//! of the month without a year ("on Nov. 2") the most recent such day on or
//! before the dateline.
//!
//! All arithmetic is checked: a dateline at the edge of the range `time`
//! supports gives `None`, never a panic.

use time::{Date, Duration, Month, Weekday};

use crate::model::DateRange;

/// Resolves a relative date phrase against `dateline`.
///
/// Understood phrases (case-insensitive, with an optional leading "on" or
/// "in", trailing punctuation ignored): "today", "tonight", "this morning",
/// "yesterday", a weekday ("Tuesday", "on Tuesday", "last Tuesday"), "last
/// week", "this week", "last month", "this month", "earlier this month",
/// "last year", "this year", a month ("September", "in September", "in
/// September 2024"), a day of a month ("Nov. 2", "November 2", "Nov. 2,
/// 2024") and a year ("2024"). "since" before any of these gives the range
/// from its first day up to the dateline ("since September").
///
/// Returns `None` for anything else, and when the result would fall outside
/// the range of dates `time` supports.
///
/// # Examples
///
/// ```
/// use according::extract::resolve_relative_date;
/// use time::macros::date;
///
/// let tuesday = date!(2025 - 11 - 04);
/// let said = resolve_relative_date("Tuesday", tuesday).unwrap();
/// assert_eq!(said.to_string(), "2025-11-04");
/// let month = resolve_relative_date("last month", tuesday).unwrap();
/// assert_eq!(month.to_string(), "2025-10-01/2025-10-31");
/// ```
///
/// # Complexity
///
/// **O(n)** in the length of `phrase`.
pub fn resolve_relative_date(phrase: &str, dateline: Date) -> Option<DateRange> {
    let mut words: Vec<String> = phrase
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '.' | ';' | ':' | '!' | '?'))
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if matches!(words.first().map(String::as_str), Some("on" | "in")) {
        words.remove(0);
    }
    // "since September": from the start of what follows up to the dateline.
    if words.first().map(String::as_str) == Some("since") {
        // One "since" only: the recursion below is then at most one level deep.
        if words.get(1).map(String::as_str) == Some("since") {
            return None;
        }
        let rest = words[1..].join(" ");
        let from = resolve_relative_date(&rest, dateline)?;
        return DateRange::new(from.start(), dateline).ok();
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    match words.as_slice() {
        ["today" | "tonight"] | ["this", "morning" | "afternoon" | "evening"] => {
            Some(DateRange::day(dateline))
        }
        ["yesterday"] => dateline.previous_day().map(DateRange::day),
        ["last", "night"] => dateline.previous_day().map(DateRange::day),
        ["last", "week"] => {
            let this_monday = monday_of(dateline)?;
            let start = this_monday.checked_sub(Duration::days(7))?;
            let end = this_monday.previous_day()?;
            DateRange::new(start, end).ok()
        }
        ["this", "week"] | ["earlier", "this", "week"] => {
            let start = monday_of(dateline)?;
            DateRange::new(start, dateline).ok()
        }
        ["last", "month"] => {
            let (year, month) = previous_month(dateline.year(), dateline.month())?;
            DateRange::month(year, month).ok()
        }
        ["this", "month"] => DateRange::month(dateline.year(), dateline.month()).ok(),
        ["earlier", "this", "month"] => {
            let start = Date::from_calendar_date(dateline.year(), dateline.month(), 1).ok()?;
            DateRange::new(start, dateline).ok()
        }
        ["last", "year"] => year_range(dateline.year().checked_sub(1)?),
        ["this", "year"] | ["earlier", "this", "year"] => {
            let start = Date::from_calendar_date(dateline.year(), Month::January, 1).ok()?;
            DateRange::new(start, dateline).ok()
        }
        ["last", day] => {
            let weekday = weekday_named(day)?;
            let before = dateline.previous_day()?;
            most_recent_weekday(weekday, before).map(DateRange::day)
        }
        [word] => {
            if let Some(weekday) = weekday_named(word) {
                return most_recent_weekday(weekday, dateline).map(DateRange::day);
            }
            if let Some(month) = month_named(word) {
                let year = if month as u8 <= dateline.month() as u8 {
                    dateline.year()
                } else {
                    dateline.year().checked_sub(1)?
                };
                return DateRange::month(year, month).ok();
            }
            let year = parse_year(word)?;
            year_range(year)
        }
        [month, number] => {
            let month = month_named(month)?;
            if let Some(year) = parse_year(number) {
                return DateRange::month(year, month).ok();
            }
            let day = parse_day(number)?;
            // The most recent such day on or before the dateline.
            let this_year = Date::from_calendar_date(dateline.year(), month, day).ok();
            match this_year {
                Some(date) if date <= dateline => Some(DateRange::day(date)),
                _ => Date::from_calendar_date(dateline.year().checked_sub(1)?, month, day)
                    .ok()
                    .map(DateRange::day),
            }
        }
        [month, number, year] => {
            let month = month_named(month)?;
            let day = parse_day(number)?;
            let year = parse_year(year)?;
            Date::from_calendar_date(year, month, day)
                .ok()
                .map(DateRange::day)
        }
        _ => None,
    }
}

/// The Monday on or before `date`.
fn monday_of(date: Date) -> Option<Date> {
    let back = i64::from(date.weekday().number_days_from_monday());
    date.checked_sub(Duration::days(back))
}

/// The most recent `weekday` on or before `date`.
fn most_recent_weekday(weekday: Weekday, date: Date) -> Option<Date> {
    let today = i64::from(date.weekday().number_days_from_monday());
    let wanted = i64::from(weekday.number_days_from_monday());
    let back = (today - wanted).rem_euclid(7);
    date.checked_sub(Duration::days(back))
}

fn previous_month(year: i32, month: Month) -> Option<(i32, Month)> {
    if month == Month::January {
        Some((year.checked_sub(1)?, Month::December))
    } else {
        Some((year, month.previous()))
    }
}

fn year_range(year: i32) -> Option<DateRange> {
    let start = Date::from_calendar_date(year, Month::January, 1).ok()?;
    let end = Date::from_calendar_date(year, Month::December, 31).ok()?;
    DateRange::new(start, end).ok()
}

/// A weekday by its English name or usual abbreviation.
pub(crate) fn weekday_named(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// A month by its English name or usual abbreviation ("sept", "nov").
pub(crate) fn month_named(word: &str) -> Option<Month> {
    Some(match word {
        "january" | "jan" => Month::January,
        "february" | "feb" => Month::February,
        "march" | "mar" => Month::March,
        "april" | "apr" => Month::April,
        "may" => Month::May,
        "june" | "jun" => Month::June,
        "july" | "jul" => Month::July,
        "august" | "aug" => Month::August,
        "september" | "sep" | "sept" => Month::September,
        "october" | "oct" => Month::October,
        "november" | "nov" => Month::November,
        "december" | "dec" => Month::December,
        _ => return None,
    })
}

fn parse_day(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn parse_year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TUESDAY: Date = date!(2025 - 11 - 04);

    fn resolved(phrase: &str, dateline: Date) -> String {
        resolve_relative_date(phrase, dateline).map_or_else(|| "none".to_owned(), |r| r.to_string())
    }

    #[test]
    fn weekday_is_the_most_recent_such_day_on_or_before_the_dateline() {
        assert_eq!(resolved("Tuesday", TUESDAY), "2025-11-04");
        assert_eq!(resolved("on Monday", TUESDAY), "2025-11-03");
        assert_eq!(resolved("Wednesday", TUESDAY), "2025-10-29");
        assert_eq!(resolved("Sunday,", TUESDAY), "2025-11-02");
        assert_eq!(resolved("last Tuesday", TUESDAY), "2025-10-28");
    }

    #[test]
    fn last_week_is_the_previous_monday_to_sunday_week() {
        assert_eq!(resolved("last week", TUESDAY), "2025-10-27/2025-11-02");
        assert_eq!(
            resolved("last week", date!(2025 - 11 - 02)),
            "2025-10-20/2025-10-26"
        );
        assert_eq!(resolved("this week", TUESDAY), "2025-11-03/2025-11-04");
    }

    #[test]
    fn last_month_is_the_previous_calendar_month() {
        assert_eq!(resolved("last month", TUESDAY), "2025-10-01/2025-10-31");
        assert_eq!(
            resolved("last month", date!(2025 - 01 - 15)),
            "2024-12-01/2024-12-31"
        );
        assert_eq!(
            resolved("last month", date!(2024 - 03 - 31)),
            "2024-02-01/2024-02-29"
        );
        assert_eq!(resolved("this month", TUESDAY), "2025-11-01/2025-11-30");
        assert_eq!(
            resolved("earlier this month", TUESDAY),
            "2025-11-01/2025-11-04"
        );
    }

    #[test]
    fn a_month_name_is_the_most_recent_such_month_not_after_the_dateline() {
        assert_eq!(resolved("in September", TUESDAY), "2025-09-01/2025-09-30");
        assert_eq!(
            resolved("since September", TUESDAY),
            "2025-09-01/2025-11-04"
        );
        assert_eq!(resolved("since since", TUESDAY), "none");
        assert_eq!(resolved("November", TUESDAY), "2025-11-01/2025-11-30");
        assert_eq!(resolved("December", TUESDAY), "2024-12-01/2024-12-31");
        assert_eq!(
            resolved("in September 2023", TUESDAY),
            "2023-09-01/2023-09-30"
        );
    }

    #[test]
    fn days_of_months_yesterday_and_today() {
        assert_eq!(resolved("on Nov. 2", TUESDAY), "2025-11-02");
        assert_eq!(resolved("November 2", TUESDAY), "2025-11-02");
        assert_eq!(resolved("Dec. 25", TUESDAY), "2024-12-25");
        assert_eq!(resolved("Nov. 2, 2019", TUESDAY), "2019-11-02");
        assert_eq!(resolved("Feb. 30", TUESDAY), "none");
        assert_eq!(resolved("yesterday", TUESDAY), "2025-11-03");
        assert_eq!(resolved("today", TUESDAY), "2025-11-04");
        assert_eq!(resolved("last year", TUESDAY), "2024-01-01/2024-12-31");
        assert_eq!(resolved("in 2019", TUESDAY), "2019-01-01/2019-12-31");
    }

    #[test]
    fn unknown_phrases_give_none() {
        for phrase in [
            "",
            "soon",
            "next week",
            "the other day",
            "on",
            "Nov. 45",
            "last fortnight",
        ] {
            assert_eq!(resolved(phrase, TUESDAY), "none", "{phrase}");
        }
    }

    #[test]
    fn datelines_at_the_limits_never_panic() {
        for dateline in [Date::MIN, Date::MAX] {
            for phrase in [
                "yesterday",
                "today",
                "Tuesday",
                "last Tuesday",
                "last week",
                "this week",
                "last month",
                "this month",
                "last year",
                "December",
                "January",
                "Dec. 31",
                "Jan. 1",
                "earlier this month",
            ] {
                let _ = resolve_relative_date(phrase, dateline);
            }
        }
        assert_eq!(resolved("yesterday", Date::MIN), "none");
        assert_eq!(resolved("last week", Date::MIN), "none");
    }
}
