//! Publication dates as a reader wants them: compact and relative in the
//! story list (`14:05` today, `Mon` this week, `12 Nov` this year,
//! `2024-11-12` before), whole in the reader (`Mon 2 Dec 2026 14:05`), both
//! in the reader's time zone. The time zone and "now" are given, so the
//! same story always shows the same way in a test.

use chrono::{DateTime, Datelike, FixedOffset};

/// The current time in the local time zone.
pub fn local_now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// `published` (RFC 3339) in `now`'s time zone; `None` when it does not
/// parse.
fn local(published: &str, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(published).ok().map(|d| d.with_timezone(&now.timezone()))
}

/// The story list's date: the time today, the weekday this week, day and
/// month this year, the full date before. Empty when unknown.
pub fn short(published: Option<&str>, now: DateTime<FixedOffset>) -> String {
    let Some(when) = published.and_then(|p| local(p, now)) else {
        return String::new();
    };
    let days = (now.date_naive() - when.date_naive()).num_days();
    if days == 0 {
        when.format("%H:%M").to_string()
    } else if (1..7).contains(&days) {
        when.format("%a").to_string()
    } else if when.year() == now.year() {
        when.format("%-d %b").to_string()
    } else {
        when.format("%Y-%m-%d").to_string()
    }
}

/// The reader's date: `Mon 2 Dec 2026 14:05`. `None` when unknown.
pub fn long(published: Option<&str>, now: DateTime<FixedOffset>) -> Option<String> {
    published.and_then(|p| local(p, now)).map(|when| when.format("%a %-d %b %Y %H:%M").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wednesday 2 December 2026, 18:30 in Nairobi (UTC+3).
    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-02T18:30:00+03:00").unwrap()
    }

    #[test]
    fn recent_dates_are_short_and_old_ones_whole() {
        let short = |p: &str| short(Some(p), now());
        assert_eq!(short("2026-12-02T11:05:00Z"), "14:05", "today, in local time");
        assert_eq!(short("2026-11-30T09:00:00+03:00"), "Mon", "this week");
        assert_eq!(short("2026-11-12T09:00:00Z"), "12 Nov", "this year");
        assert_eq!(short("2024-11-12T09:00:00Z"), "2024-11-12", "before");
        assert_eq!(short("2026-12-01T22:30:00Z"), "01:30", "late last night UTC is today here");
    }

    #[test]
    fn an_unknown_or_broken_date_is_blank() {
        assert_eq!(short(None, now()), "");
        assert_eq!(short(Some("last Tuesday"), now()), "");
        assert_eq!(long(Some("last Tuesday"), now()), None);
    }

    #[test]
    fn the_reader_shows_the_whole_date_in_local_time() {
        assert_eq!(long(Some("2026-12-02T11:05:00Z"), now()).as_deref(), Some("Wed 2 Dec 2026 14:05"));
    }
}
