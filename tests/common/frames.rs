//! Where the reader is in drawing a frame. It wraps every frame in the
//! marks of a synchronized update (DEC mode 2026), so a screen looked at
//! between a frame's two marks may be half drawn: the top rows new and
//! the status bar still the last frame's. Waits look only at whole frames.

const BEGIN: &[u8] = b"\x1b[?2026h";
const END: &[u8] = b"\x1b[?2026l";

/// Follows the marks in output that arrives in pieces of any size.
#[derive(Debug, Default)]
pub struct Frames {
    drawing: bool,
    /// The last bytes seen, in case a mark is split between two pieces.
    tail: Vec<u8>,
}

impl Frames {
    /// Take the next piece of output into account.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.tail.extend_from_slice(bytes);
        let last = |mark: &[u8]| self.tail.windows(mark.len()).rposition(|w| w == mark);
        match (last(BEGIN), last(END)) {
            (Some(begin), end) if end.is_none_or(|end| begin > end) => self.drawing = true,
            (_, Some(_)) => self.drawing = false,
            _ => {}
        }
        let keep = self.tail.len().saturating_sub(BEGIN.len() - 1);
        self.tail.drain(..keep);
    }

    /// A frame has begun and not ended: the screen is half drawn.
    pub fn drawing(&self) -> bool {
        self.drawing
    }
}
