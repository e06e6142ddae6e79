//! A small HTTP/1.1 server on 127.0.0.1 for the subscription tests: each
//! test gives it a handler from request to reply, and reads back the
//! requests it got. Every connection is closed after one reply. A reply
//! may also never come (`Reply::Hang`) until the server is dropped.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};

/// A request as the server saw it: path and headers (names lower-case).
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

pub enum Reply {
    /// Status, extra headers, body.
    Full(u16, Vec<(String, String)>, Vec<u8>),
    /// Accept the request and never answer.
    Hang,
}

impl Reply {
    pub fn ok(body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full(200, vec![("Content-Type".into(), "application/rss+xml".into())], body.into())
    }
    pub fn status(code: u16) -> Reply {
        Reply::Full(code, Vec::new(), format!("status {code}").into_bytes())
    }
    pub fn with_header(self, name: &str, value: &str) -> Reply {
        match self {
            Reply::Full(code, mut headers, body) => {
                headers.push((name.into(), value.into()));
                Reply::Full(code, headers, body)
            }
            Reply::Hang => Reply::Hang,
        }
    }
}

type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

pub struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
    /// Set when the server is dropped: hanging connections are let go.
    stopped: Arc<(Mutex<bool>, Condvar)>,
    closing: Arc<AtomicBool>,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stopped = Arc::new((Mutex::new(false), Condvar::new()));
        let closing = Arc::new(AtomicBool::new(false));
        let handler: Arc<Handler> = Arc::new(handler);
        let (log, stop, close) = (Arc::clone(&requests), Arc::clone(&stopped), Arc::clone(&closing));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if close.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(stream) = stream else { continue };
                let (handler, log, stop) = (Arc::clone(&handler), Arc::clone(&log), Arc::clone(&stop));
                std::thread::spawn(move || serve(stream, &*handler, &log, &stop));
            }
        });
        Server { addr, requests, stopped, closing }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The requests for `path` so far.
    pub fn requests(&self, path: &str) -> Vec<Request> {
        self.requests.lock().unwrap().iter().filter(|r| r.path == path).cloned().collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.closing.store(true, Ordering::SeqCst);
        let (lock, wake) = &*self.stopped;
        *lock.lock().unwrap() = true;
        wake.notify_all();
        // Wake the accept loop so it sees `closing` and ends, closing the
        // listening socket: later requests are refused.
        let _ = TcpStream::connect(self.addr);
    }
}

fn serve(stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Request>>, stopped: &(Mutex<bool>, Condvar)) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let request = Request { path, headers };
    log.lock().unwrap().push(request.clone());
    match handler(&request) {
        Reply::Hang => {
            let (lock, wake) = stopped;
            let mut done = lock.lock().unwrap();
            while !*done {
                done = wake.wait(done).unwrap();
            }
        }
        Reply::Full(code, extra, body) => {
            let mut out = stream;
            let mut head = format!("HTTP/1.1 {code} {}\r\nConnection: close\r\n", reason(code));
            if code != 304 {
                head.push_str(&format!("Content-Length: {}\r\n", body.len()));
            }
            for (name, value) in extra {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = out.write_all(head.as_bytes());
            if code != 304 {
                let _ = out.write_all(&body);
            }
            let _ = out.flush();
        }
    }
}

fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Other",
    }
}

/// An RSS feed of `(guid, title, body)` items.
pub fn rss(title: &str, items: &[(&str, &str, &str)]) -> String {
    let mut out = format!("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>{title}</title>\n");
    for (guid, title, body) in items {
        out.push_str(&format!(
            "<item><guid>{guid}</guid><title>{title}</title><link>https://news.example/{guid}</link><description>{body}</description></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}
