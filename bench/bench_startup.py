"""How quickly the judge's window appears, and how quickly the scoring dialog opens.

    .venv/bin/python bench/bench_startup.py [--runs 7]

1. Start-up: the time from starting the process to the main window shown on the demo event,
   against a bare PySide6 window holding one empty QTableView started the same way (both as
   ``python`` subprocesses on the offscreen platform, runs alternating, medians compared).
   Target: at most 2x the bare window.
2. The scoring dialog: the time from asking the main window to open it to the dialog shown,
   on the demo event, in this process. Target: under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from startup_timing import child_environment, time_to_shown

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 720)
window.show()

def shown():
    app.processEvents()
    print(f"shown_at {time.time():.6f}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""


def bench_startup(runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bare = folder / "bare_window.py"
        bare.write_text(BARE_WINDOW, encoding="utf-8")
        env = child_environment(folder / "data")
        ours = [sys.executable, "-m", "paritrana_desktop", "--demo", "--judge", "J03"]
        theirs = [sys.executable, str(bare)]
        # once each to warm the disk cache and make the judge's demo panel file
        time_to_shown(ours, env, ROOT)
        time_to_shown(theirs, env, ROOT)
        ours_times, bare_times = [], []
        for _ in range(runs):
            ours_times.append(time_to_shown(ours, env, ROOT))
            bare_times.append(time_to_shown(theirs, env, ROOT))
    ours_median, bare_median = statistics.median(ours_times), statistics.median(bare_times)
    print(f"start-up, {runs} alternating runs each (offscreen):")
    print(
        f"  bare PySide6 window + empty QTableView: median {bare_median * 1000:.0f} ms "
        f"(min {min(bare_times) * 1000:.0f}, max {max(bare_times) * 1000:.0f})"
    )
    print(
        f"  Paritrana Desktop on the demo event:     median {ours_median * 1000:.0f} ms "
        f"(min {min(ours_times) * 1000:.0f}, max {max(ours_times) * 1000:.0f})"
    )
    ratio = ours_median / bare_median
    print(f"  ratio {ratio:.2f}x (target at most 2x): {'OK' if ratio <= 2.0 else 'TOO SLOW'}")
    print(
        f"  for scale, importing the storage layer's sqlite_utils alone: median "
        f"{_import_cost('sqlite_utils', runs) * 1000:.0f} ms"
    )
    return ours_median, bare_median


def _import_cost(module: str, runs: int) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(times)


def bench_scoring_dialog(runs: int) -> list[float]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PARITRANA_DATA_DIR"] = str(Path(tmp) / "data")
        from PySide6.QtWidgets import QApplication

        from paritrana_desktop.storage.panel_file import PanelFile
        from paritrana_desktop.ui.main_window import MainWindow
        from paritrana_desktop.ui.settings import Settings
        from paritrana_desktop.workflows.demo import demo_event

        app = QApplication.instance() or QApplication([])
        event = demo_event()
        panel = PanelFile.create(Path(tmp) / "bench.paritrana-panel", event, "J03")
        window = MainWindow(Settings())
        window.show()
        window.set_panel(panel)
        app.processEvents()
        times = []
        ids = [i.id for i in event.interviews]
        for n in range(runs + 1):
            started = time.perf_counter()
            dialog = window.open_scoring(ids[n % len(ids)])
            assert dialog is not None
            while not dialog.isVisible():
                app.processEvents()
            app.processEvents()
            times.append(time.perf_counter() - started)
            dialog.close()
            app.processEvents()
        window.close()
        app.processEvents()
    first, rest = times[0], times[1:]
    median = statistics.median(rest)
    print(f"scoring dialog, opened from the main window {runs} times (offscreen):")
    print(f"  first open (module import included): {first * 1000:.0f} ms")
    print(
        f"  median {median * 1000:.1f} ms, max {max(rest) * 1000:.1f} ms "
        f"(target under 100 ms): {'OK' if median < 0.1 else 'TOO SLOW'}"
    )
    return rest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bench_startup(args.runs)
    bench_scoring_dialog(max(args.runs, 10))
    return 0


if __name__ == "__main__":
    sys.exit(main())
