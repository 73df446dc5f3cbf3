//! The application's side: start the worker, send it jobs, stream its progress, cancel by
//! killing it, and start a new one after a crash.
//!
//! The worker is started lazily by the first job and kept for the next ones (the model stays
//! loaded). When it dies mid-job, that job fails with [`WorkerError::Crashed`] and the next job
//! starts a fresh process; nothing else is lost. Cancelling kills the process: a model in the
//! middle of a token or Tesseract in the middle of a page cannot be interrupted any other way,
//! and killing it is safe because the worker holds no state worth keeping.
//!
//! The worker is started with `OMP_THREAD_LIMIT=1`: Tesseract's OpenMP threads make it 2–3 s a
//! page on two cores instead of about 0.4 s, and the variable only works if it is in the
//! environment when the process starts.

use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::error::WorkerError;
use crate::protocol::{Event, EventLine, Job, JobLine, JobOutput, Progress, PROTOCOL_VERSION};

/// The worker executable's file name on this platform.
pub fn binary_name() -> String {
    format!("athar-worker{}", std::env::consts::EXE_SUFFIX)
}

/// Overrides where the worker executable is (tests, unusual installs).
pub const WORKER_PATH_ENV: &str = "ATHAR_WORKER";

/// The first argument that makes an application executable (`athar`, `athar-desktop`) act as
/// the worker, when no `athar-worker` executable is installed beside it (see
/// [`crate::serve_if_asked`]).
pub const SELF_WORKER_ARG: &str = "--athar-worker";

/// How to start the worker.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    pub program: PathBuf,
    /// Arguments of the program ([`SELF_WORKER_ARG`] when the application is its own worker).
    pub args: Vec<OsString>,
    /// Extra environment variables. `OMP_THREAD_LIMIT=1` is always added.
    pub env: Vec<(OsString, OsString)>,
    /// A job that runs longer is killed and fails with [`WorkerError::Timeout`].
    pub job_timeout: Option<Duration>,
    /// How long the worker may take to say it is ready.
    pub start_timeout: Duration,
}

impl WorkerConfig {
    pub fn new(program: impl Into<PathBuf>) -> Self {
        WorkerConfig {
            program: program.into(),
            args: Vec::new(),
            env: Vec::new(),
            job_timeout: None,
            start_timeout: Duration::from_secs(30),
        }
    }

    /// The worker next to the running executable (`athar`, `athar-desktop`): both are built
    /// into the same directory by cargo and installed side by side. Without one there, the
    /// running executable itself with [`SELF_WORKER_ARG`] (it must call
    /// [`crate::serve_if_asked`] first thing in `main`). `ATHAR_WORKER` overrides.
    pub fn beside_current_exe() -> Result<Self, WorkerError> {
        if let Some(path) = std::env::var_os(WORKER_PATH_ENV) {
            return Ok(WorkerConfig::new(PathBuf::from(path)));
        }
        let exe = std::env::current_exe().map_err(|e| WorkerError::NotFound {
            path: PathBuf::from(binary_name()),
            detail: e.to_string(),
        })?;
        let dir = exe.parent().unwrap_or(Path::new("."));
        let beside = dir.join(binary_name());
        if beside.is_file() {
            return Ok(WorkerConfig::new(beside));
        }
        let mut config = WorkerConfig::new(exe);
        config.args.push(SELF_WORKER_ARG.into());
        Ok(config)
    }

    /// Adds an environment variable for the worker.
    pub fn with_env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn with_job_timeout(mut self, timeout: Duration) -> Self {
        self.job_timeout = Some(timeout);
        self
    }
}

/// Cancels the jobs of a [`Worker`] from another thread. Cancelling is sticky until
/// [`CancelToken::reset`]: every job started afterwards fails with [`WorkerError::Cancelled`]
/// at once, so a queue stops.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    pub fn new() -> Self {
        CancelToken::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    pub fn reset(&self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// What the reader thread passes on.
enum FromWorker {
    Line(String),
    Closed,
}

/// A started worker process.
struct Running {
    child: Child,
    stdin: ChildStdin,
    events: Receiver<FromWorker>,
    stderr_tail: Arc<Mutex<VecDeque<String>>>,
}

/// Lines of the worker's stderr kept for a crash report.
const STDERR_TAIL_LINES: usize = 20;
/// How often a waiting job looks at its cancel token.
const POLL: Duration = Duration::from_millis(25);

/// The worker process, started on demand.
pub struct Worker {
    config: WorkerConfig,
    running: Option<Running>,
    next_id: u64,
    starts: u32,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker")
            .field("config", &self.config)
            .field("pid", &self.pid())
            .field("starts", &self.starts)
            .finish()
    }
}

impl Worker {
    /// A worker that starts its process with the first job.
    pub fn new(config: WorkerConfig) -> Self {
        Worker {
            config,
            running: None,
            next_id: 1,
            starts: 0,
        }
    }

    /// The process id while a process is running.
    pub fn pid(&self) -> Option<u32> {
        self.running.as_ref().map(|r| r.child.id())
    }

    /// How many processes this worker has started (1 + restarts after crashes and cancels).
    pub fn starts(&self) -> u32 {
        self.starts
    }

    /// Starts the process now, if it is not running, and waits until it is ready.
    pub fn start(&mut self) -> Result<(), WorkerError> {
        if self.running.is_some() {
            return Ok(());
        }
        let mut command = Command::new(&self.config.program);
        command
            .args(&self.config.args)
            .env("OMP_THREAD_LIMIT", "1")
            .envs(self.config.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().map_err(|e| WorkerError::NotFound {
            path: self.config.program.clone(),
            detail: e.to_string(),
        })?;
        self.starts += 1;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(WorkerError::Protocol {
                detail: "the worker's pipes are missing".into(),
            });
        };
        let (tx, events) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(line) => {
                        if tx.send(FromWorker::Line(line)).is_err() {
                            return;
                        }
                    }
                    Err(_) => break,
                }
            }
            let _ = tx.send(FromWorker::Closed);
        });
        let stderr_tail = Arc::new(Mutex::new(VecDeque::new()));
        let tail = Arc::clone(&stderr_tail);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Ok(mut tail) = tail.lock() {
                    if tail.len() == STDERR_TAIL_LINES {
                        tail.pop_front();
                    }
                    tail.push_back(line);
                }
            }
        });
        let mut running = Running {
            child,
            stdin,
            events,
            stderr_tail,
        };
        match running.events.recv_timeout(self.config.start_timeout) {
            Ok(FromWorker::Line(line)) => match serde_json::from_str::<EventLine>(&line) {
                Ok(EventLine {
                    event: Event::Ready { protocol, .. },
                    ..
                }) if protocol == PROTOCOL_VERSION => {
                    self.running = Some(running);
                    Ok(())
                }
                _ => {
                    stop(&mut running);
                    Err(WorkerError::Protocol {
                        detail: format!("unexpected first line from the worker: {line}"),
                    })
                }
            },
            Ok(FromWorker::Closed) | Err(RecvTimeoutError::Disconnected) => {
                let crash = crashed(&mut running);
                Err(crash)
            }
            Err(RecvTimeoutError::Timeout) => {
                stop(&mut running);
                Err(WorkerError::Timeout {
                    seconds: self.config.start_timeout.as_secs(),
                })
            }
        }
    }

    /// Runs one job, calling `progress` for each progress event, in order. A crash, a cancel
    /// or a timeout fails this job only: the process is gone and the next job starts another.
    pub fn run(
        &mut self,
        job: &Job,
        cancel: &CancelToken,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<JobOutput, WorkerError> {
        if cancel.is_cancelled() {
            return Err(WorkerError::Cancelled);
        }
        self.start()?;
        let id = self.next_id;
        self.next_id += 1;
        let line = serde_json::to_string(&JobLine {
            id,
            job: job.clone(),
        })
        .map_err(|e| WorkerError::Protocol {
            detail: e.to_string(),
        })?;
        let Some(running) = self.running.as_mut() else {
            return Err(WorkerError::Protocol {
                detail: "the worker is not running".into(),
            });
        };
        let sent = running
            .stdin
            .write_all(line.as_bytes())
            .and_then(|()| running.stdin.write_all(b"\n"))
            .and_then(|()| running.stdin.flush());
        if sent.is_err() {
            // The process died before or while reading the job.
            return Err(self.take_crash());
        }
        let deadline = self.config.job_timeout.map(|t| Instant::now() + t);
        loop {
            if cancel.is_cancelled() {
                self.kill();
                return Err(WorkerError::Cancelled);
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                self.kill();
                return Err(WorkerError::Timeout {
                    seconds: self.config.job_timeout.map_or(0, |t| t.as_secs()),
                });
            }
            let Some(running) = self.running.as_mut() else {
                return Err(WorkerError::Protocol {
                    detail: "the worker is not running".into(),
                });
            };
            let line = match running.events.recv_timeout(POLL) {
                Ok(FromWorker::Line(line)) => line,
                Err(RecvTimeoutError::Timeout) => continue,
                Ok(FromWorker::Closed) | Err(RecvTimeoutError::Disconnected) => {
                    // Killed by a cancel that raced with the end of the output?
                    if cancel.is_cancelled() {
                        self.kill();
                        return Err(WorkerError::Cancelled);
                    }
                    return Err(self.take_crash());
                }
            };
            let event: EventLine = match serde_json::from_str(&line) {
                Ok(e) => e,
                Err(e) => {
                    self.kill();
                    return Err(WorkerError::Protocol {
                        detail: format!("{e}: {line}"),
                    });
                }
            };
            if event.id != Some(id) {
                continue;
            }
            match event.event {
                Event::Progress(p) => progress(&p),
                Event::Done { output } => return Ok(output),
                Event::Failed { failure } => return Err(WorkerError::Job(failure)),
                Event::Ready { .. } => {}
            }
        }
    }

    /// Stops the process now (the next job starts another).
    pub fn kill(&mut self) {
        if let Some(mut running) = self.running.take() {
            stop(&mut running);
        }
    }

    /// The process ended on its own: collect how, and forget it.
    fn take_crash(&mut self) -> WorkerError {
        match self.running.take() {
            Some(mut running) => crashed(&mut running),
            None => WorkerError::Protocol {
                detail: "the worker is not running".into(),
            },
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill();
    }
}

fn stop(running: &mut Running) {
    let _ = running.child.kill();
    let _ = running.child.wait();
}

/// Waits for a process whose output has ended and describes how it ended.
fn crashed(running: &mut Running) -> WorkerError {
    // The output is closed, so the process is exiting; give it a moment, then make sure.
    let started = Instant::now();
    let status = loop {
        match running.child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < Duration::from_secs(2) => {
                std::thread::sleep(Duration::from_millis(10))
            }
            _ => {
                stop(running);
                break running.child.try_wait().ok().flatten();
            }
        }
    };
    // Let the stderr reader catch the last lines.
    std::thread::sleep(Duration::from_millis(20));
    let stderr = running
        .stderr_tail
        .lock()
        .map(|t| t.iter().cloned().collect::<Vec<_>>().join("\n"))
        .unwrap_or_default();
    WorkerError::Crashed {
        status: status.map_or_else(|| "unknown".to_string(), describe_status),
        stderr,
    }
}

fn describe_status(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("signal {signal}");
        }
    }
    match status.code() {
        Some(code) => format!("exit code {code}"),
        None => status.to_string(),
    }
}
