//! A pseudo-terminal session with the real `byline` binary: keys go in as
//! bytes; what comes out is fed to a terminal emulator (vt100), and waits
//! are for conditions on the screen, with a deadline, never fixed sleeps.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const DEADLINE: Duration = Duration::from_secs(15);

pub struct Session {
    /// Config, state and data directories of this session alone.
    pub home: tempfile::TempDir,
    pub parser: vt100::Parser,
    pub output: Receiver<Vec<u8>>,
    pub writer: Box<dyn Write + Send>,
    pub master: Box<dyn MasterPty + Send>,
    pub child: Running,
    /// Every byte byline wrote, as written.
    pub raw: Vec<u8>,
    pub frames: super::frames::Frames,
}

/// The byline process of a session. A test that fails before byline ends
/// must not leave it running through the rest of the run: it is killed
/// when dropped, unless it has ended.
pub struct Running(Box<dyn Child + Send + Sync>);

impl Drop for Running {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

impl std::ops::Deref for Running {
    type Target = Box<dyn Child + Send + Sync>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Running {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_in(tempfile::tempdir().unwrap(), args, cols, rows)
    }

    /// Start byline with `home` holding its XDG directories.
    pub fn start_in(home: tempfile::TempDir, args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with_env(home, args, cols, rows, &[])
    }

    pub fn start_with_env(
        home: tempfile::TempDir,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system();
        let size = PtySize { rows, cols, pixel_width: 0, pixel_height: 0 };
        let pair = pty.openpty(size).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (var, dir) in [
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_STATE_HOME", "state"),
            ("XDG_DATA_HOME", "data"),
        ] {
            cmd.env(var, home.path().join(dir));
        }
        for (var, value) in env {
            cmd.env(var, value);
        }
        let child = Running(pair.slave.spawn_command(cmd).unwrap());
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let parser = vt100::Parser::new(NonZeroU16::new(rows).unwrap(), NonZeroU16::new(cols).unwrap(), 0);
        Session {
            home,
            parser,
            output,
            writer,
            master: pair.master,
            child,
            raw: Vec::new(),
            frames: Default::default(),
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
        self.frames.feed(bytes);
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feed output to the emulator until `done` holds for the screen, as
    /// a whole frame shows it.
    pub fn wait_until(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while self.frames.drawing() || !done(self.parser.screen()) {
            let left = DEADLINE.checked_sub(start.elapsed()).unwrap_or_default();
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.take(&bytes),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; screen:\n{}", self.screen())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    assert!(
                        done(self.parser.screen()),
                        "byline exited before {what}; screen:\n{}",
                        self.screen()
                    );
                    return;
                }
            }
        }
    }

    /// Read output until `done` holds for the bytes written since `from`.
    pub fn wait_for_bytes(&mut self, from: usize, what: &str, done: impl Fn(&[u8]) -> bool) {
        let start = Instant::now();
        while !done(&self.raw[from..]) {
            let left = DEADLINE.checked_sub(start.elapsed()).unwrap_or_default();
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.take(&bytes),
                Err(_) => panic!("no {what}; output: {:?}", String::from_utf8_lossy(&self.raw[from..])),
            }
        }
    }

    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Wait for the process to end and read everything it wrote.
    pub fn finish(self) -> (portable_pty::ExitStatus, vt100::Parser) {
        let (status, parser, _) = self.finish_keeping_home();
        (status, parser)
    }

    /// As `finish`, handing back the session's directories for a next run.
    pub fn finish_keeping_home(mut self) -> (portable_pty::ExitStatus, vt100::Parser, tempfile::TempDir) {
        let status = self.wait_for_exit();
        (status, self.parser, self.home)
    }

    /// As `finish`, with every byte byline wrote.
    pub fn finish_raw(mut self) -> (portable_pty::ExitStatus, vt100::Parser, Vec<u8>) {
        let status = self.wait_for_exit();
        (status, self.parser, self.raw)
    }

    fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            match self.output.recv_timeout(Duration::from_millis(100)) {
                Ok(bytes) => self.take(&bytes),
                Err(_) => {
                    assert!(start.elapsed() < DEADLINE, "byline did not exit; screen:\n{}", self.screen())
                }
            }
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
            self.take(&bytes);
        }
        status
    }
}
