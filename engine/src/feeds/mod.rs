//! Subscriptions: feeds the user follows by URL, fetched over HTTP into a
//! store in the data directory, from which the library reads them like any
//! other files - so fetched stories open instantly and offline, and stay
//! after they drop out of their feed.
//!
//! - [`subscriptions`]: the human-editable `feeds.toml`.
//! - [`opml`]: OPML 2.0 and newsboat `urls` files in and out.
//! - [`http`]: the HTTP client and its limits.
//! - [`store`]: items merged by id, written atomically under a lock.
//! - [`fetch`]: every feed at once, a few at a time.
//! - [`pages`]: the full text of items, from their web pages.
//! - [`address`]: where links found in a feed may lead.
//! - [`discover`]: the feeds a web page names.
//! - [`gate`]: requests at once, in all and to a host.

pub mod address;
pub mod discover;
pub mod fetch;
pub mod gate;
pub mod http;
pub mod opml;
pub mod pages;
pub mod store;
pub mod subscriptions;

pub use fetch::{FeedResult, Outcome, fetch_all};
pub use store::Store;
pub use subscriptions::{Subscription, SubscriptionFile};
