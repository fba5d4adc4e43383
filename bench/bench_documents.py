"""Bench the papers: a judge's lembar penilaian for a full day, and the demo's whole set.

    .venv/bin/python bench/bench_documents.py [--runs 5]

1. one judge's lembar penilaian for a day of 16 interviews (the demo's schedule moved onto one
   day; one draft, one conflict of interest): target under 1 s;
2. the berita acara and the nine judges' lembar penilaian of the demo event: target under 3 s.

The inputs are made-up scorecards over the demo's rubric (``documents.sample``), built before
the clock starts; what is timed is the rendering and the writing. The first run includes loading
the fonts; the RESULT line judges the median of the runs, each run in its own fresh folder.
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

from paritrana_desktop.documents.berita_acara import write_berita_acara  # noqa: E402
from paritrana_desktop.documents.sample import (  # noqa: E402
    sample_berita_acara,
    sample_score_sheet,
)
from paritrana_desktop.documents.score_sheet import write_score_sheet  # noqa: E402
from paritrana_desktop.workflows.demo import demo_event  # noqa: E402

TARGET_DAY_S = 1.0
TARGET_SET_S = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    event = demo_event()
    day_sheet = sample_score_sheet(event, 1, one_day=True)
    sheets = [sample_score_sheet(event, n, seed=n) for n in range(len(event.judges))]
    minutes = sample_berita_acara(event)

    day_times: list[float] = []
    set_times: list[float] = []
    pages = 0
    with tempfile.TemporaryDirectory(prefix="bench-documents-") as tmp:
        for run in range(args.runs):
            folder = Path(tmp) / f"run{run}"
            folder.mkdir()
            start = time.perf_counter()
            pages = write_score_sheet(day_sheet, folder / "lembar-hari.pdf")
            day_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            write_berita_acara(minutes, folder / "berita-acara.docx")
            for sheet in sheets:
                write_score_sheet(sheet, folder / f"lembar-{sheet.judge.judge_id}.pdf")
            set_times.append(time.perf_counter() - start)

    day, whole = statistics.median(day_times), statistics.median(set_times)
    print(f"lembar for one day ({pages} pages): first {day_times[0]:.3f} s, median {day:.3f} s")
    print(f"berita acara + {len(sheets)} lembar: first {set_times[0]:.3f} s, median {whole:.3f} s")
    ok = day < TARGET_DAY_S and whole < TARGET_SET_S
    verdict = "PASS" if ok else "FAIL"
    print(
        f"RESULT {verdict}: day {day:.3f} s (target < {TARGET_DAY_S:.0f} s), "
        f"set {whole:.3f} s (target < {TARGET_SET_S:.0f} s)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
