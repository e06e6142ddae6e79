//! Copying to the clipboard through the terminal: the OSC 52 escape,
//! which works over ssh and inside tmux (`set-clipboard on`) with no
//! helper program and no shell.

/// The escape that puts `text` on the clipboard. The text is base64, so
/// nothing in it can reach the terminal as a control sequence.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn the_escape_carries_the_text_encoded() {
        let escape = osc52("“No.” — Ana\x1b[2J");
        assert!(escape.starts_with("\x1b]52;c;") && escape.ends_with('\x07'));
        let body = &escape[7..escape.len() - 1];
        assert!(body.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{body}");
    }
}
