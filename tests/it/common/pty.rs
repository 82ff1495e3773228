//! Running `cohort` under a pseudo-terminal and reading the final screen as a terminal
//! emulator shows it.

use std::io::Read;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::Home;

pub const ROWS: u16 = 60;
pub const COLS: u16 = 120;

/// Runs `cohort ARGS` in `home` under a pseudo-terminal of ROWS×COLS; returns the exit code,
/// the final screen as text, and the raw bytes written to the terminal.
pub fn run_in_pty(home: &Home, args: &[&str]) -> (u32, String, Vec<u8>) {
    let pty = native_pty_system();
    let pair = pty
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(assert_cmd::cargo::cargo_bin("cohort"));
    cmd.args(args);
    for (k, _) in std::env::vars() {
        if k.starts_with("COHORT_") && k != "COHORT_ANVIL" {
            cmd.env_remove(&k);
        }
    }
    cmd.env("COHORT_HOME", home.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    cmd.cwd(home.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    // The child holds the terminal now; the reader sees end of file once it exits.
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let collect = std::thread::spawn(move || {
        let mut raw = Vec::new();
        let mut buf = [0u8; 8192];
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => raw.extend_from_slice(&buf[..n]),
            }
        }
        raw
    });
    let status = child.wait().unwrap();
    drop(pair.master);
    let raw = collect.join().unwrap();
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);
    parser.process(&raw);
    // Row by row: `contents()` joins rows that were written up to the last column.
    let screen = parser
        .screen()
        .rows(0, COLS)
        .map(|r| r.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    (status.exit_code(), screen.trim_end().to_string(), raw)
}
