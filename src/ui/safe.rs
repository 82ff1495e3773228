//! Text from the chain or from storage (paths, names, descriptions, reasons) is anyone's to write;
//! before it reaches a terminal, control characters become visible escapes so that it cannot
//! retitle, clear or recolour the reader's terminal, or reorder what they see.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        // Bidirectional overrides and isolates reorder the text around them.
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character other than newline and tab (C0, DEL, C1) and every
/// bidirectional override written as a visible escape (`\x1b`, `\u{202e}`).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) {
            out.push(c);
        } else if (c as u32) < 0x100 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn escapes_and_overrides_become_visible() {
        assert_eq!(
            terminal_safe("a\x1b]0;pwned\x07b\x1b[2J"),
            "a\\x1b]0;pwned\\x07b\\x1b[2J"
        );
        assert_eq!(terminal_safe("x\u{9b}31m\u{7f}"), "x\\x9b31m\\x7f");
        assert_eq!(terminal_safe("txt.\u{202e}gpj"), "txt.\\u{202e}gpj");
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        let t = "poems/ünïcödé 文字.txt\n\tsecond line";
        assert!(matches!(terminal_safe(t), std::borrow::Cow::Borrowed(_)));
    }
}
