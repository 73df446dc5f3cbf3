"""Starts the built Athar desktop app under tauri-driver + WebKitWebDriver for each test.

Expects to run under an X server (the test runner script wraps pytest in xvfb-run).
Environment:
  ATHAR_APP             path to the built athar-desktop binary (required)
  ATHAR_SCREENSHOT_DIR  when set, tests save README screenshots there
  ATHAR_E2E_LOG         when set, the app's and the drivers' output is appended to this file
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.file_detector import UselessFileDetector

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port, proc, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"tauri-driver exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError("tauri-driver did not start listening")


@pytest.fixture
def workdir():
    d = Path(tempfile.mkdtemp(prefix="athar-e2e-"))
    (d / "config").mkdir()
    (d / "files").mkdir()
    yield d
    shutil.rmtree(d, ignore_errors=True)


class App:
    """One running app instance; `restart()` quits and starts it again (same config)."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.app = os.environ["ATHAR_APP"]
        self.driver = None
        self.proc = None

    def start(self, attempts=3):
        # tauri-driver now and then drops the first connection (seen in CI as
        # RemoteDisconnected on POST /session) when WebKitWebDriver is not yet up
        # behind it; waiting for both ports and starting afresh on such a failure
        # keeps a driver hiccup from failing a test before any step of it ran.
        for attempt in range(1, attempts + 1):
            try:
                return self._start_once()
            except (ConnectionError, OSError, RuntimeError, TimeoutError) as e:
                self.stop()
                if attempt == attempts:
                    raise
                print(f"driver start failed ({e!r}); starting again ({attempt}/{attempts})")
                time.sleep(1)
            except Exception as e:  # urllib3's ProtocolError is not a ConnectionError
                if "Connection aborted" not in str(e) and "RemoteDisconnected" not in str(e):
                    raise
                self.stop()
                if attempt == attempts:
                    raise
                print(f"driver start failed ({e!r}); starting again ({attempt}/{attempts})")
                time.sleep(1)

    def _start_once(self):
        port = _free_port()
        native_port = _free_port()
        env = dict(os.environ)
        env.update(
            ATHAR_CONFIG_DIR=str(self.workdir / "config"),
            ATHAR_DEFAULT_DIR=str(self.workdir / "files"),
            ATHAR_KEYCHAIN="mock",
            # No accessibility bus in CI; keep GTK from waiting for one.
            NO_AT_BRIDGE="1",
        )
        log = os.environ.get("ATHAR_E2E_LOG")
        out = open(log, "ab") if log else subprocess.DEVNULL
        self.proc = subprocess.Popen(
            [
                "tauri-driver",
                "--port", str(port),
                "--native-port", str(native_port),
                "--native-driver", shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver",
            ],
            env=env,
            stdout=out,
            stderr=out,
        )
        if log:
            out.close()
        _wait_port(port, self.proc)
        _wait_port(native_port, self.proc)
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": self.app})
        self.driver = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=opts)
        self.driver.implicitly_wait(0)
        # Paths typed into the app are paths on this machine, not files to upload.
        self.driver.file_detector = UselessFileDetector()
        return self.driver

    def stop(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None
        if self.proc is not None:
            # SIGTERM lets tauri-driver stop WebKitWebDriver; SIGKILL would orphan it.
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None

    def restart(self):
        self.stop()
        return self.start()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def app(request, workdir):
    a = App(workdir)
    a.start()
    yield a
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed and a.driver is not None and os.environ.get("ATHAR_SCREENSHOT_DIR"):
        # What the app showed when the test failed, for whoever reads the CI log.
        from ui import screenshot

        try:
            screenshot(a.driver, f"FAILED-{request.node.name}")
        except Exception:
            pass
    a.stop()
