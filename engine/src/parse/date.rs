//! Dates as sources write them, to RFC 3339 in UTC for the export:
//! RFC 3339, RFC 2822 (feeds), ISO dates with or without a time, and the
//! spelled-out forms news sites use.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// The date as RFC 3339 (`2025-01-14T09:30:00Z`), or `None` when it is not
/// a date this understands.
pub fn normalize(text: &str) -> Option<String> {
    parse(text.trim()).map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true))
}

pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(text) {
        return Some(d.with_timezone(&Utc));
    }
    for format in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
        if let Ok(d) = NaiveDateTime::parse_from_str(text, format) {
            return Some(d.and_utc());
        }
    }
    for format in ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d", "%d/%m/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(text, format) {
            return d.and_hms_opt(0, 0, 0).map(|d| d.and_utc());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_date_forms_become_rfc3339_utc() {
        let cases = [
            ("2025-01-14T12:30:00+03:00", "2025-01-14T09:30:00Z"),
            ("Tue, 14 Jan 2025 09:30:00 GMT", "2025-01-14T09:30:00Z"),
            ("2025-01-14", "2025-01-14T00:00:00Z"),
            ("2025-01-14 09:30:00", "2025-01-14T09:30:00Z"),
            ("14 January 2025", "2025-01-14T00:00:00Z"),
            ("January 14, 2025", "2025-01-14T00:00:00Z"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input).as_deref(), Some(expected), "{input}");
        }
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert_eq!(normalize("last Tuesday"), None);
        assert_eq!(normalize("2025-13-45"), None);
    }
}
