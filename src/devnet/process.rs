//! Background processes the devnet starts and stops by PID.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Starts `cmd` detached from cohort (its own session, so it outlives the command and is not
/// hit by the terminal's Ctrl-C), with stdout and stderr appended to `log`. Returns its PID.
pub fn spawn_detached(mut cmd: Command, log: &Path) -> Result<u32> {
    let out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| Error::io("open log", log, e))?;
    let err = out.try_clone().map_err(|e| Error::io("open log", log, e))?;
    cmd.stdin(Stdio::null()).stdout(out).stderr(err);
    // SAFETY: setsid is async-signal-safe and takes no locks.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    let program = cmd.get_program().to_string_lossy().into_owned();
    let child = cmd
        .spawn()
        .map_err(|e| Error::failed("devnet.spawn", format!("could not start {program}: {e}")))?;
    let pid = child.id();
    // The child is reaped by init once we exit; dropping the handle does not kill it.
    std::mem::forget(child);
    Ok(pid)
}

/// Whether `pid` is alive and its command line contains `marker` (guards against PID reuse).
///
/// A process whose threads still exit counts as alive: after SIGKILL its main thread can be a
/// zombie (state Z, its command line gone) while other threads still hold its files, its
/// listening sockets among them (a thread in the middle of a disk write on a loaded machine,
/// say); only once every thread has exited is its port free to listen on again.
pub fn is_running(pid: u32, marker: &str) -> bool {
    let exited = |stat: &str| matches!(stat_state(stat), Some('Z' | 'X'));
    let live_threads: Vec<std::path::PathBuf> = match std::fs::read_dir(format!("/proc/{pid}/task"))
    {
        Ok(tasks) => tasks
            .flatten()
            .map(|t| t.path())
            .filter(|t| std::fs::read_to_string(t.join("stat")).is_ok_and(|stat| !exited(&stat)))
            .collect(),
        Err(_) => vec![],
    };
    // The command line as a live thread sees it (the main thread's is empty once it exited).
    live_threads.iter().any(|t| {
        std::fs::read(t.join("cmdline")).is_ok_and(|c| {
            String::from_utf8_lossy(&c)
                .replace('\0', " ")
                .contains(marker)
        })
    })
}

/// The state letter of a `/proc/…/stat` line (after the command name in parentheses).
fn stat_state(stat: &str) -> Option<char> {
    stat.rsplit(')')
        .next()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.chars().next())
}

/// Sends `signal`, waits up to `grace` for the process to exit, then kills it.
pub fn stop(pid: u32, marker: &str, signal: i32, grace: Duration) {
    if !is_running(pid, marker) {
        return;
    }
    // SAFETY: plain syscall on a PID we verified belongs to our process.
    unsafe {
        libc::kill(pid as i32, signal);
    }
    let start = Instant::now();
    while start.elapsed() < grace {
        if !is_running(pid, marker) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    unsafe {
        libc::kill(pid as i32, libc::SIGKILL);
    }
    let start = Instant::now();
    while is_running(pid, marker) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A free TCP port on 127.0.0.1.
pub fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| Error::failed("devnet.port", format!("no free port on 127.0.0.1: {e}")))?;
    Ok(l.local_addr()
        .map_err(|e| Error::failed("devnet.port", e.to_string()))?
        .port())
}

/// Fails with a clear error when `port` is taken.
pub fn check_port_free(port: u16) -> Result<()> {
    TcpListener::bind(("127.0.0.1", port)).map(|_| ()).map_err(|_| {
        Error::usage("devnet.port_in_use", format!("port {port} on 127.0.0.1 is already in use"))
            .hint("stop whatever listens there, or choose another port with --port (0 picks a free one)")
    })
}

/// Whether a server can listen on `port` of 127.0.0.1 now. Like the servers themselves (tokio
/// sets SO_REUSEADDR), it ignores connections of a killed server still in TIME_WAIT there.
pub fn port_usable(port: u16) -> bool {
    let Ok(s) = tokio::net::TcpSocket::new_v4() else {
        return false;
    };
    if s.set_reuseaddr(true).is_err() {
        return false;
    }
    s.bind(std::net::SocketAddr::from(([127, 0, 0, 1], port)))
        .is_ok()
}
