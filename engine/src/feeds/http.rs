//! HTTP for feeds, through ureq with rustls: http and https only, a time
//! limit and a size limit on every response, gzip, redirects, a User-Agent
//! naming byline, conditional requests, and a few retries with growing
//! pauses when a failure came fast and may pass (a refused or dropped
//! connection, 408, 429 or a 5xx answer). The time limit is for the whole
//! fetch, retries and pauses included: a server that never answers costs
//! one time limit, not one a try.

use std::time::{Duration, Instant};

use super::store::Validators;

/// How the client behaves; `Default` is what byline uses unless the config
/// says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// For a whole fetch, connecting to the last byte, retries included.
    pub timeout: Duration,
    /// Further attempts after a failure that may pass.
    pub retries: u32,
    /// The pause before the first retry; it doubles each time.
    pub backoff: Duration,
    /// Larger responses (after decompression) are refused.
    pub max_bytes: u64,
}

/// Responses larger than this are refused unless the config says otherwise.
pub const MAX_RESPONSE_MIB: u32 = 32;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout: Duration::from_secs(30),
            retries: 2,
            backoff: Duration::from_millis(500),
            max_bytes: u64::from(MAX_RESPONSE_MIB) * 1024 * 1024,
        }
    }
}

/// What a server answered.
#[derive(Debug)]
pub enum Response {
    /// 304: the feed has not changed since the validators were given.
    NotModified,
    /// A body (200), with the validators for next time.
    Body {
        /// The body, at most the response size limit.
        bytes: Vec<u8>,
        /// `ETag` and `Last-Modified`, for the next conditional request.
        validators: Validators,
    },
}

/// Why a fetch failed, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong, in words for the user.
    pub message: String,
    /// Whether trying again at once may work (a retry within the fetch).
    transient: bool,
    /// Whether trying again at a later fetch may work: what is transient,
    /// and a timeout or a name not found (the network may be down).
    later: bool,
    /// How long the server asked us to wait first (`Retry-After`).
    retry_after: Option<Duration>,
}

impl Failure {
    /// Whether trying again at a later fetch may work (a timeout, a name
    /// not found, a refused or dropped connection, 408, 429, a 5xx answer).
    pub fn may_pass(&self) -> bool {
        self.transient || self.later
    }
}

/// The longest `Retry-After` a fetch waits for; a server asking for more
/// is tried again at the next fetch instead.
const LONGEST_WAIT: Duration = Duration::from_secs(30);

/// How byline names itself to servers: its version and where it lives.
pub const USER_AGENT: &str = concat!(
    "byline/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; +https://crates.io/crates/byline)"
);

/// One agent shared by every fetch of a run (connections are reused).
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    limits: Limits,
    accept: &'static str,
}

impl Client {
    /// A client for feeds that keeps to `limits` (time, size, redirects).
    pub fn new(limits: Limits) -> Client {
        Client { agent: config(limits).into(), limits, accept: ACCEPT }
    }

    /// A client for web pages linked from feeds: the same limits, asking
    /// for HTML, and connecting only where `reach` allows (checked at every
    /// connection, redirects included).
    pub fn for_pages(limits: Limits, reach: super::address::Reach) -> Client {
        let connector = ureq::unversioned::transport::DefaultConnector::default();
        let agent = ureq::Agent::with_parts(config(limits), connector, super::address::KeepingTo::new(reach));
        Client { agent, limits, accept: ACCEPT_PAGE }
    }

    /// The limits it keeps to.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// GET `url`, conditionally when validators are known, retrying
    /// failures that came fast and may pass, all within the time limit.
    pub fn get(&self, url: &str, known: &Validators) -> Result<Response, Failure> {
        let deadline = Instant::now() + self.limits.timeout;
        let mut pause = self.limits.backoff;
        let mut attempt = 0;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.attempt(url, known, left) {
                Err(failure)
                    if failure.transient
                        && attempt < self.limits.retries
                        && failure.retry_after.is_none_or(|wait| wait <= LONGEST_WAIT) =>
                {
                    let wait = pause.max(failure.retry_after.unwrap_or_default());
                    // No time left after the pause: this failure is the answer.
                    if deadline.saturating_duration_since(Instant::now()) <= wait {
                        return Err(tried(failure, attempt));
                    }
                    attempt += 1;
                    std::thread::sleep(wait);
                    pause = pause.saturating_mul(2);
                }
                Err(failure) => return Err(tried(failure, attempt)),
                other => return other,
            }
        }
    }

    /// One try, given `left` of the time limit.
    fn attempt(&self, url: &str, known: &Validators, left: Duration) -> Result<Response, Failure> {
        let mut request =
            self.agent.get(url).config().timeout_global(Some(left)).build().header("Accept", self.accept);
        if let Some(etag) = &known.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &known.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| self.failure(&e))?;
        let status = response.status();
        if status.as_u16() == 304 {
            return Ok(Response::NotModified);
        }
        if !status.is_success() {
            let code = status.as_u16();
            let reason = status.canonical_reason().unwrap_or("");
            // Only the seconds form: a date would need a clock to agree with.
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            let mut message = format!("HTTP {code} {reason}").trim_end().to_string();
            if let Some(wait) = retry_after.filter(|wait| *wait > LONGEST_WAIT) {
                message.push_str(&format!(", asked to wait {} s", wait.as_secs()));
            }
            return Err(Failure {
                message,
                transient: code == 408 || code == 429 || (500..600).contains(&code),
                later: false,
                retry_after,
            });
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
                .filter(|v| !v.is_empty())
        };
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.limits.max_bytes)
            .read_to_vec()
            .map_err(|e| self.failure(&e))?;
        Ok(Response::Body { bytes, validators })
    }

    fn failure(&self, err: &ureq::Error) -> Failure {
        use ureq::Error;
        let later = matches!(err, Error::Timeout(_) | Error::HostNotFound);
        let (message, transient) = match err {
            // The time limit is spent: no time is left to try again.
            Error::Timeout(_) => (format!("no answer within {} s", self.limits.timeout.as_secs_f32()), false),
            Error::BodyExceedsLimit(_) => (
                format!(
                    "the response is larger than {} (max_response_mib in the config)",
                    mib(self.limits.max_bytes)
                ),
                false,
            ),
            Error::HostNotFound => ("host not found".to_string(), false),
            Error::TooManyRedirects => ("too many redirects".to_string(), false),
            Error::Io(io) => (format!("connection failed: {io}"), true),
            Error::ConnectionFailed => ("connection failed".to_string(), true),
            Error::BadUri(uri) => {
                (format!("cannot fetch `{uri}`: only http and https URLs are fetched"), false)
            }
            // Our own refusals (`address::KeepingTo`) say why themselves.
            Error::Other(reason) => (reason.to_string(), false),
            other => (other.to_string(), false),
        };
        Failure { message: crate::parse::clean::one_line(&message), transient, later, retry_after: None }
    }
}

/// `failure`, saying how many tries it took when more than one.
fn tried(mut failure: Failure, retries: u32) -> Failure {
    if retries > 0 {
        failure.message = format!("{} (tried {} times)", failure.message, retries + 1);
    }
    failure
}

/// The agent's settings: the whole time limit, byline's name, a few
/// redirects, and error statuses returned as answers (to say which).
fn config(limits: Limits) -> ureq::config::Config {
    ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .user_agent(USER_AGENT)
        .max_redirects(5)
        .http_status_as_error(false)
        .build()
}

const ACCEPT_PAGE: &str = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

const ACCEPT: &str = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes / (1024 * 1024))
}
