"""bench_durability's own check: an acknowledged change missing from the log is counted lost,
so that its "0 lost" means something. The bench itself (1,000 kills) is run by hand."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event
from tests.unit.storage_helpers import REPO


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_durability", REPO / "bench" / "bench_durability.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _recorded(path: Path) -> list[str]:
    """The lines a child would print for two changes, a rating and a note."""
    event = small_event()
    interview = event.interviews[0]
    criterion = event.category_of(interview.id).criteria[0].code
    value = event.categories[0].scale.values()[-1]
    with PanelFile.create(path, event, "J2") as panel:
        panel.rate(interview.id, criterion, value)
        panel.note(interview.id, criterion, "catatan-0-1-xx")
    return [
        "ready 1",
        f"W 0 {interview.id} {criterion} rate {value!r}",
        "OK 0",
        f"W 1 {interview.id} {criterion} note catatan-0-1-xx",
        "OK 1",
    ]


def test_the_acknowledged_changes_in_the_log_count_as_kept(tmp_path: Path) -> None:
    bench = _bench()
    path = tmp_path / "J2.paritrana-panel"
    run = bench._parse(_recorded(path))
    figures = bench.Figures(files=1)
    bench._check(path, [run], figures)
    assert len(run.saved) == 2
    assert (figures.lost, figures.integrity_failed, figures.chain_failed) == (0, 0, 0)


def test_an_acknowledged_change_missing_from_the_log_counts_as_lost(tmp_path: Path) -> None:
    bench = _bench()
    path = tmp_path / "J2.paritrana-panel"
    lines = _recorded(path)
    lines += [lines[1].replace("W 0", "W 2"), "OK 2"]  # acknowledged, never written
    figures = bench.Figures(files=1)
    bench._check(path, [bench._parse(lines)], figures)
    assert figures.lost == 1 and figures.problems
    missing = bench.Figures(files=1)
    bench._check(tmp_path / "gone.paritrana-panel", [bench._parse(lines)], missing)
    assert missing.lost == 3
