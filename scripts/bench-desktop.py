#!/usr/bin/env python3
"""Measures the desktop app: cold start to an interactive start screen, and the resident
memory of the idle app with a company open. Writes nothing; prints a Markdown table to paste
into docs/benchmarks.md.

Run it under an X server with the release build, e.g.:
    xvfb-run -a -s "-screen 0 1280x900x24" python3 scripts/bench-desktop.py \
        "$CARGO_TARGET_DIR/release/athar-desktop" "$CARGO_TARGET_DIR/release/athar"

Start-up: the app is launched with ATHAR_BENCH_READY=1 ATHAR_BENCH_EXIT=1; the UI calls
`ui_ready` once the start screen is drawn and wired, and the shell prints the wall-clock time
and exits. We time from just before exec to that moment, 7 runs, after one warm-up run
(the "cold" is the app's, not the disk cache's).

Memory: the app is driven through tauri-driver to open a company file, left idle 10 s, then
the resident memory of the app process and its WebKit helper processes is read from /proc
(RSS, and PSS which counts shared pages once).
"""

import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

APP, CLI = sys.argv[1], sys.argv[2]
PASS = "benchmark passphrase 2026"


def startup_ms(env):
    t0 = time.time()
    p = subprocess.run([APP], env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, timeout=60)
    for line in p.stderr.decode().splitlines():
        if line.startswith("ATHAR_READY_EPOCH_MS="):
            return int(line.split("=")[1]) - t0 * 1000
    raise RuntimeError("the app never reported ready:\n" + p.stderr.decode()[-2000:])


def kb(pid, field, file="status"):
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid):
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                ppid = int((p / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid:
                out.append(int(p.name))
                out.extend(children(int(p.name)))
    return out


def main():
    work = Path(tempfile.mkdtemp(prefix="athar-bench-"))
    env = dict(os.environ, ATHAR_CONFIG_DIR=str(work / "cfg"), ATHAR_DEFAULT_DIR=str(work / "files"),
               ATHAR_KEYCHAIN="none", NO_AT_BRIDGE="1")
    file = work / "files" / "bench.athar"
    subprocess.run([CLI, "demo", "--file", str(file), "--add-recent"],
                   env=dict(env, ATHAR_PASSPHRASE=PASS), check=True, stdout=subprocess.DEVNULL)

    bench_env = dict(env, ATHAR_BENCH_READY="1", ATHAR_BENCH_EXIT="1")
    startup_ms(bench_env)  # warm-up
    runs = [startup_ms(bench_env) for _ in range(7)]

    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.options import ArgOptions
    from selenium.webdriver.support.ui import WebDriverWait

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    drv = subprocess.Popen(["tauri-driver", "--port", str(port), "--native-port", str(port + 1)],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    opts = ArgOptions()
    opts.set_capability("browserName", "wry")
    opts.set_capability("tauri:options", {"application": APP})
    d = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=opts)
    try:
        wait = WebDriverWait(d, 30)
        wait.until(lambda x: x.find_elements(By.CSS_SELECTOR, ".recent-item"))[0].click()
        wait.until(lambda x: x.find_elements(By.CSS_SELECTOR, "#unlock-passphrase"))[0].send_keys(PASS)
        d.find_element(By.CSS_SELECTOR, "#unlock-submit").click()
        wait.until(lambda x: x.find_elements(By.CSS_SELECTOR, "#profile-screen"))
        time.sleep(10)
        app_pid = int(subprocess.check_output(["pgrep", "-n", "-f", f"^{APP}"]).split()[0])
        pids = [app_pid] + children(app_pid)
        names = {p: Path(f"/proc/{p}/comm").read_text().strip() for p in pids if Path(f"/proc/{p}").exists()}
        rss = {p: kb(p, "VmRSS") for p in names}
        pss = {p: kb(p, "Pss", "smaps_rollup") for p in names}
        private = {p: kb(p, "Private_Dirty", "smaps_rollup") + kb(p, "Private_Clean", "smaps_rollup") for p in names}
    finally:
        d.quit()
        drv.send_signal(signal.SIGTERM)
        drv.wait(timeout=15)
        shutil.rmtree(work, ignore_errors=True)

    print("| measure | result |")
    print("|---|---|")
    print(f"| cold start to interactive start screen, median of 7 | {statistics.median(runs):.0f} ms "
          f"(min {min(runs):.0f}, max {max(runs):.0f}) |")
    for p in names:
        role = "app" if p == app_pid else "WebKit helper"
        print(f"| `{names[p]}` ({role}): RSS / PSS / private | {rss[p] / 1024:.1f} / {pss[p] / 1024:.1f} / "
              f"{private[p] / 1024:.1f} MB |")
    print(f"| RSS, app + WebKit helpers | {sum(rss.values()) / 1024:.1f} MB |")
    print(f"| PSS, app + WebKit helpers (shared pages counted once) | {sum(pss.values()) / 1024:.1f} MB |")


if __name__ == "__main__":
    main()
