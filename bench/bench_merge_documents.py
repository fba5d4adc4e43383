"""Bench the papers as the chair makes them: ``merge --documents`` on the demo's real files.

    .venv/bin/python bench/bench_merge_documents.py [--runs 5]

The demo's event and nine panel files are written and merged once (the workbook too) before the
clock starts; what is timed is ``workflows.documents.write_merge_documents``: building the
inputs from the merge's plan, the berita acara and the nine lembar penilaian, written into a
fresh folder all or nothing. Target: under 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from paritrana_desktop.workflows.demo import write_demo  # noqa: E402
from paritrana_desktop.workflows.documents import write_merge_documents  # noqa: E402
from paritrana_desktop.workflows.merge import inspect_inputs, write_merge  # noqa: E402

TARGET_S = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-merge-documents-") as tmp:
        written = write_demo(Path(tmp) / "demo")
        plan = inspect_inputs(written[:-1])  # the last is the chair's register
        report = write_merge(plan, Path(tmp) / "rekap.xlsx")
        count = 0
        for run in range(args.runs):
            start = time.perf_counter()
            done = write_merge_documents(report.plan, report.output, Path(tmp) / f"run{run}")
            times.append(time.perf_counter() - start)
            count = len(done.files)
    median = statistics.median(times)
    print(f"{count} papers from the demo's merge: first {times[0]:.3f} s, median {median:.3f} s")
    verdict = "PASS" if median < TARGET_S else "FAIL"
    print(f"RESULT {verdict}: {median:.3f} s (target < {TARGET_S:.0f} s)")
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
