//! Signals, handled on the main thread. A handler only notes the signal and wakes whoever
//! waits for input (a self-pipe, part of every wait for a key or a line); the walk stops
//! between saves, never inside one (a signal that comes during a save ends the walk right
//! after it), so no answer is lost and no temporary file is left behind.

use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};

/// The signals that stop a walk: Ctrl-C outside a key read, a closed terminal, `kill`.
const STOPPING: [i32; 3] = [SIGINT, SIGHUP, SIGTERM];

pub struct Signals {
    /// The last stopping signal received, 0 for none.
    stop: Arc<AtomicUsize>,
    resized: Arc<AtomicBool>,
    /// Readable once a signal has arrived: a wait for input wakes up on it.
    wake: UnixStream,
}

impl Signals {
    pub fn install() -> io::Result<Signals> {
        let stop = Arc::new(AtomicUsize::new(0));
        let resized = Arc::new(AtomicBool::new(false));
        let (wake, waker) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        // Each flag is registered before the pipe's byte, so whoever the byte wakes sees it.
        for signal in STOPPING {
            signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)?;
            signal_hook::low_level::pipe::register(signal, waker.try_clone()?)?;
        }
        signal_hook::flag::register(SIGWINCH, Arc::clone(&resized))?;
        signal_hook::low_level::pipe::register(SIGWINCH, waker)?;
        Ok(Signals {
            stop,
            resized,
            wake,
        })
    }

    /// The stopping signal received, if any.
    pub fn stop(&self) -> Option<i32> {
        match self.stop.load(Ordering::SeqCst) {
            0 => None,
            // Only the three signal numbers above are ever stored.
            signal => i32::try_from(signal).ok(),
        }
    }

    /// Whether the terminal was resized since the last call.
    pub fn take_resized(&self) -> bool {
        self.resized.swap(false, Ordering::SeqCst)
    }

    /// Wait until `fd` has input, a stopping signal arrives (`Err` names it), or (when
    /// `resize` is true) the terminal is resized. A signal that came before the call, while
    /// an answer was saved or a screen drawn, is acted on at once: it is noted in a flag
    /// before its byte is written to the pipe this waits on.
    pub fn wait_for_input(&self, fd: RawFd, resize: bool) -> Result<Woke, i32> {
        loop {
            if let Some(signal) = self.stop() {
                return Err(signal);
            }
            if resize && self.take_resized() {
                return Ok(Woke::Resized);
            }
            let mut fds = [
                libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: self.wake.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            // SAFETY: `fds` is a valid array of two pollfd structures for the whole call.
            let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, -1) };
            if ready > 0 && fds[0].revents != 0 && fds[1].revents == 0 {
                return Ok(Woke::Input);
            }
            // A signal, a wake-up byte or an interrupted poll: drain the bytes, look again.
            let mut byte = [0u8; 64];
            while io::Read::read(&mut &self.wake, &mut byte).is_ok_and(|n| n > 0) {}
        }
    }
}

/// Why a wait for input ended, when no stopping signal ended it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woke {
    Input,
    Resized,
}
