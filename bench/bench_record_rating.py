"""Bench one recorded rating: ``PanelFile.rate()`` on a real panel file, commit included.

    .venv/bin/python bench/bench_record_rating.py [--changes 1000] [--dir DIR]

Each call validates the rating, stores the scorecard and appends its audit entry in one
transaction, committed in WAL mode with ``synchronous=FULL`` (so it waits for the disk) before
it returns. The panel file lives in a temporary folder (on this machine's disk unless ``--dir``
says otherwise) and is deleted afterwards; nothing is written into the repository.

Target (issue 2): median under 10 ms on this machine's disk. Exit status 0 when met, else 1.
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

from paritrana_desktop.storage.panel_file import PanelFile  # noqa: E402
from paritrana_desktop.workflows.demo import demo_event  # noqa: E402

TARGET_MEDIAN_MS = 10.0


def percentile(sorted_values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of the sorted values lie (nearest rank)."""
    rank = max(1, round(fraction * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def bench(folder: Path, changes: int) -> list[float]:
    event = demo_event()
    judge = event.judges[0].id
    targets = [
        (interview.id, criterion.code, event.category(interview.category).scale.values())
        for interview in event.interviews
        for criterion in event.category(interview.category).criteria
    ]
    times_ms: list[float] = []
    with PanelFile.create(
        folder / "bench.paritrana-panel", event, judge, key_folder=folder / "keys"
    ) as panel:
        with panel.connection_for_backup() as conn:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            sync = conn.execute("PRAGMA synchronous").fetchone()[0]
        print(f"panel file in {folder} (journal_mode={mode}, synchronous={sync}; 2 = FULL)")
        for n in range(changes):
            interview, criterion, values = targets[n % len(targets)]
            value = values[(n * 7 + n // len(targets)) % len(values)]
            started = time.perf_counter()
            panel.rate(interview, criterion, value)
            times_ms.append((time.perf_counter() - started) * 1000.0)
        assert len(panel.audit_entries()) == changes + 1
        assert panel.verify().ok
    return times_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--dir", type=Path, help="folder for the panel file (default: temp)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="paritrana-bench-") as folder:
        times_ms = bench(Path(folder), args.changes)
    ordered = sorted(times_ms)
    median = statistics.median(ordered)
    p95 = percentile(ordered, 0.95)
    print(
        f"{len(ordered)} ratings: median {median:.2f} ms, 95th percentile {p95:.2f} ms, "
        f"max {ordered[-1]:.2f} ms, mean {statistics.fmean(ordered):.2f} ms, "
        f"min {ordered[0]:.2f} ms"
    )
    met = median < TARGET_MEDIAN_MS
    verdict = "MET" if met else "MISSED"
    print(f"RESULT {verdict}: median {median:.2f} ms against the target of {TARGET_MEDIAN_MS:g} ms")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
