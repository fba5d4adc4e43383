"""Bench the chair's merge: 200 panel files, 40 interviews, 8 criteria (64,000 ratings).

    .venv/bin/python bench/bench_merge.py [--files 200] [--interviews 40] [--criteria 8]
                                          [--keep DIR]

The panel files are made with the real PanelFile API (each file's changes batched in one
transaction, which is what makes making them quick; the merge then reads them like any other
panel file). Then, each in a fresh child process so that the peak memory is its own:

1. the merge: ``inspect_inputs`` + ``write_merge`` (reading, checking, replaying every audit
   log, figures, the whole workbook, the read-back check);
2. the yardstick: openpyxl's write-only mode writing the same number of rows with the same
   18 columns as the "Data rinci" sheet, and nothing else.

Targets (issue 4): merge time at most 1.5x the yardstick, peak memory under 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.factories import large_event  # noqa: E402

TARGET_RATIO = 1.5
TARGET_MB = 300.0


def _make_panel(job: tuple[str, int, int, int, int]) -> None:
    from paritrana_desktop.storage.panel_file import PanelFile

    folder, index, judges, interviews, criteria = job
    event = large_event(judges, interviews, criteria)
    judge = event.judges[index]
    rng = random.Random(index)
    path = Path(folder) / f"{judge.id}.paritrana-panel"
    # One transaction for the whole file (the program commits each change on its own).
    with PanelFile.create(path, event, judge.id) as panel, panel._db.atomic():
        for interview in event.interviews:
            category = event.category(interview.category)
            for criterion in category.criteria:
                panel.rate(interview.id, criterion.code, float(rng.randint(2, 5)))
                if rng.random() < 0.25:
                    panel.note(interview.id, criterion.code, "Bukti dokumen lengkap.")
            panel.set_general_note(interview.id, "Presentasi jelas, data cakupan naik.")
            panel.finalise(interview.id)


def make_files(folder: Path, files: int, interviews: int, criteria: int) -> float:
    start = time.perf_counter()
    jobs = [(str(folder), n, files, interviews, criteria) for n in range(files)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_make_panel, jobs, chunksize=4)
    return time.perf_counter() - start


def child_merge(folder: Path, output: Path) -> dict[str, float]:
    from paritrana_desktop.workflows.merge import MergeOptions, inspect_inputs, write_merge

    cpu_start = time.process_time()
    start = time.perf_counter()
    plan = inspect_inputs([folder], MergeOptions())
    inspected = time.perf_counter()
    report = write_merge(plan, output, MergeOptions())
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "inspect_s": inspected - start,
        "write_s": done - inspected,
        "total_s": done - start,
        "cpu_s": time.process_time() - cpu_start,
        "rows": float(report.detail_rows),
        "peak_mb": usage.ru_maxrss / 1024.0,
    }


def child_yardstick(rows: int, output: Path) -> dict[str, float]:
    from openpyxl import Workbook

    rng = random.Random(1)
    stamp = dt.datetime(2025, 7, 28, 10, 15)
    cpu_start = time.process_time()
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data rinci")
    ws.append([f"Kolom {n}" for n in range(18)])
    for n in range(rows):
        rating = float(rng.randint(2, 5))
        ws.append(
            [
                "BENCH25",
                "Pemerintah Kabupaten/Kota",
                f"W{n % 40:03d}",
                f"Peserta Bench Nomor {n % 40:03d}",
                f"J{n % 200:03d}",
                f"Panelis Bench {n % 200:03d}",
                "Institusi Bench",
                f"K{n % 8}",
                f"Kriteria {n % 8} Pemerintah Kabupaten/Kota",
                12.0,
                rating,
                rating * 0.12,
                "Bukti dokumen lengkap." if n % 4 == 0 else None,
                "final",
                "Ya",
                17,
                stamp,
                f"J{n % 200:03d}.paritrana-panel",
            ]
        )
    wb.save(output)
    done = time.perf_counter()
    return {
        "total_s": done - start,
        "cpu_s": time.process_time() - cpu_start,
        "rows": float(rows),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }


def _in_child(*args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, *args], check=True, capture_output=True, text=True
    )
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--interviews", type=int, default=40)
    parser.add_argument("--criteria", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="make the files here and keep them")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, best one counts")
    parser.add_argument("--child-merge", nargs=2, metavar=("FOLDER", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--child-yardstick", nargs=2, metavar=("ROWS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child_merge:
        print(json.dumps(child_merge(Path(args.child_merge[0]), Path(args.child_merge[1]))))
        return 0
    if args.child_yardstick:
        rows, out = args.child_yardstick
        print(json.dumps(child_yardstick(int(rows), Path(out))))
        return 0

    with tempfile.TemporaryDirectory(prefix="paritrana-bench-") as tmp:
        folder = args.keep or Path(tmp) / "panels"
        folder.mkdir(parents=True, exist_ok=True)
        existing = list(folder.glob("*.paritrana-panel"))
        if len(existing) == args.files:
            made = 0.0
        else:
            made = make_files(folder, args.files, args.interviews, args.criteria)
        ratings = args.files * args.interviews * args.criteria
        merges: list[dict[str, float]] = []
        yards: list[dict[str, float]] = []
        for _ in range(args.repeat):  # interleaved, so that a busy moment hits both alike
            merges.append(_in_child("--child-merge", str(folder), str(Path(tmp) / "rekap.xlsx")))
            rows = str(int(merges[-1]["rows"]))
            yards.append(_in_child("--child-yardstick", rows, str(Path(tmp) / "y.xlsx")))
        merge = min(merges, key=lambda m: m["total_s"])
        yard = min(yards, key=lambda m: m["total_s"])
        ratio = merge["total_s"] / yard["total_s"]
        cpu_ratio = min(m["cpu_s"] for m in merges) / min(y["cpu_s"] for y in yards)
        peak = max(m["peak_mb"] for m in merges)
        print(
            f"panel files: {args.files} ({args.interviews} interviews x {args.criteria} "
            f"criteria = {ratings:,} ratings), made in {made:.1f} s"
        )
        print(f"best of {args.repeat} runs each, wall time (CPU time):")
        print(
            f"merge: {merge['total_s']:.2f} s ({min(m['cpu_s'] for m in merges):.2f} s); "
            f"inspect {merge['inspect_s']:.2f} s, write {merge['write_s']:.2f} s; "
            f"{int(merge['rows']):,} detail rows; peak {peak:.0f} MB"
        )
        print(
            f"openpyxl write-only, the same rows alone: {yard['total_s']:.2f} s "
            f"({min(y['cpu_s'] for y in yards):.2f} s); peak {yard['peak_mb']:.0f} MB"
        )
        print(
            "every run, merge / yardstick (s): "
            + ", ".join(
                f"{m['total_s']:.1f}/{y['total_s']:.1f}" for m, y in zip(merges, yards, strict=True)
            )
        )
        ok_time = ratio <= TARGET_RATIO
        ok_mem = peak < TARGET_MB
        print(
            f"ratio {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (target <= {TARGET_RATIO}x): "
            f"{'OK' if ok_time else 'MISSED'}"
        )
        print(f"peak {peak:.0f} MB (target < {TARGET_MB:.0f} MB): {'OK' if ok_mem else 'MISSED'}")
        return 0 if ok_time and ok_mem else 1


if __name__ == "__main__":
    sys.exit(main())
