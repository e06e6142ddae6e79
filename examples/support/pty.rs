//! Starting byline in a pseudo-terminal for the timing examples: its
//! output arrives on a channel as it is written.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::Instant;

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// byline running in a pseudo-terminal.
pub struct Running {
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub output: Receiver<Vec<u8>>,
    /// When it was started.
    pub started: Instant,
}

/// Start `byline ARGS` in a terminal of `rows` by `cols`, with `env` set
/// on top of this process's environment.
pub fn start(
    byline: &str,
    args: &[String],
    (rows, cols): (u16, u16),
    env: &[(&str, String)],
) -> Option<Running> {
    let pty = native_pty_system();
    let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).ok()?;
    let mut cmd = CommandBuilder::new(byline);
    cmd.args(args);
    cmd.cwd(std::env::current_dir().ok()?);
    cmd.env("TERM", "xterm-256color");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let started = Instant::now();
    let child = pair.slave.spawn_command(cmd).ok()?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().ok()?;
    let writer = pair.master.take_writer().ok()?;
    let (tx, output) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    Some(Running { child, writer, output, started })
}
