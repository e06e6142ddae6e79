//! Which addresses a link found in a feed may make byline connect to.
//!
//! A feed is written by someone else. Its items' links are fetched for
//! their full text, so a hostile feed could name `http://192.168.1.1/` or
//! `http://127.0.0.1:631/` and have byline read the user's own network.
//! Links from a feed are therefore fetched only from public addresses,
//! unless the subscription itself is on a private one (a feed served on the
//! home network links to pages there). The check is made on every address a
//! name resolves to, at each connection (redirects included), by the
//! resolver the page client connects through, so a name that resolves
//! differently the second time gains nothing.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, ToSocketAddrs};

use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// Where links from a feed may lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Public addresses only: the feed is on the internet.
    Public,
    /// Any address: the subscription itself is on the local network (or
    /// the user asked for this page).
    Any,
}

impl Reach {
    /// What a subscription at `feed_url` may reach: `Any` when its own host
    /// resolves to an address that is not public, else `Public`. A feed
    /// whose host cannot be resolved now gets `Public`.
    pub fn of_subscription(feed_url: &str) -> Reach {
        let addrs: Vec<IpAddr> =
            match url::Url::parse(feed_url).ok().and_then(|u| u.host().map(|h| h.to_owned())) {
                Some(url::Host::Ipv4(ip)) => vec![IpAddr::V4(ip)],
                Some(url::Host::Ipv6(ip)) => vec![IpAddr::V6(ip)],
                Some(url::Host::Domain(name)) => (name.as_str(), 80)
                    .to_socket_addrs()
                    .map(|a| a.map(|s| s.ip()).collect())
                    .unwrap_or_default(),
                None => Vec::new(),
            };
        if addrs.iter().any(|ip| !is_public(*ip)) { Reach::Any } else { Reach::Public }
    }

    /// Whether a connection to `addrs` (all that a name resolved to) is
    /// allowed; the reason in words when it is not.
    pub fn check(self, host: &str, addrs: &[IpAddr]) -> Result<(), String> {
        match (self, addrs.iter().find(|ip| !is_public(**ip))) {
            (Reach::Public, Some(ip)) => {
                Err(format!("refused: {host} is a local or private address ({ip}), and the feed is not"))
            }
            _ => Ok(()),
        }
    }
}

/// Whether `ip` is on the public internet: not loopback, private,
/// link-local, shared (carrier-grade NAT), unspecified, broadcast,
/// multicast, documentation or otherwise reserved. An IPv6 address that
/// carries an IPv4 one is judged by that.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240) // reserved
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    // NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits.
    if s[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        return is_public_v4(Ipv4Addr::from((u32::from(s[6]) << 16) | u32::from(s[7])));
    }
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link-local
        || (s[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
        || (s[0] == 0x2001 && s[1] == 0x0db8)) // documentation
}

/// A resolver that keeps to a `Reach`: names are resolved as usual, and a
/// name with an address the reach does not allow is refused with the
/// reason. A configured proxy is resolved as it is (the proxy then
/// resolves the page's name).
#[derive(Debug)]
pub struct KeepingTo {
    reach: Reach,
    inner: DefaultResolver,
}

impl KeepingTo {
    /// A resolver that allows what `reach` allows.
    pub fn new(reach: Reach) -> KeepingTo {
        KeepingTo { reach, inner: DefaultResolver::default() }
    }
}

impl Resolver for KeepingTo {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addrs = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or("");
        let is_proxy = config.proxy().is_some_and(|p| p.host().eq_ignore_ascii_case(host));
        if !is_proxy {
            let ips: Vec<IpAddr> = addrs.iter().map(|a| a.ip()).collect();
            self.reach.check(host, &ips).map_err(|reason| ureq::Error::Other(reason.into()))?;
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ips(list: &[&str]) -> Vec<IpAddr> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn loopback_link_local_and_private_addresses_are_refused_from_a_public_feed() {
        for local in [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.254",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "fc12::3",
            "::ffff:127.0.0.1",
            "::ffff:192.168.0.7",
            "64:ff9b::a00:1",
        ] {
            let err = Reach::Public.check("evil.example", &ips(&[local])).unwrap_err();
            assert!(err.starts_with("refused: evil.example is a local or private address"), "{err}");
            assert!(Reach::Any.check("home.lan", &ips(&[local])).is_ok(), "{local}");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for public in [
            "93.184.216.34",
            "8.8.8.8",
            "172.32.0.1",
            "2606:2800:220:1::1",
            "::ffff:1.1.1.1",
            "64:ff9b::808:808",
        ] {
            assert!(Reach::Public.check("news.example", &ips(&[public])).is_ok(), "{public}");
        }
    }

    #[test]
    fn one_private_address_among_public_ones_is_enough_to_refuse() {
        let mixed = ips(&["93.184.216.34", "10.0.0.5"]);
        assert!(Reach::Public.check("rebind.example", &mixed).is_err());
    }

    #[test]
    fn a_subscription_on_a_local_address_may_reach_local_pages() {
        assert_eq!(Reach::of_subscription("http://127.0.0.1:8080/rss"), Reach::Any);
        assert_eq!(Reach::of_subscription("http://[::1]:8080/rss"), Reach::Any);
        assert_eq!(Reach::of_subscription("http://192.168.0.10/feed"), Reach::Any);
        assert_eq!(Reach::of_subscription("https://93.184.216.34/feed"), Reach::Public);
    }
}
