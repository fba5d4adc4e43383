"""The workflows layer's own small rules: paths, the output name, cancelling, planning again."""

from __future__ import annotations

from pathlib import Path

import pytest

from paritrana_desktop.domain.errors import Cancelled, UserError
from paritrana_desktop.domain.merge_model import MergeOptions, MergePlan
from paritrana_desktop.workflows import merge
from paritrana_desktop.workflows.paths import output_path, path_key, same_path, with_xlsx_suffix


@pytest.mark.parametrize(
    ("given", "expected"),
    [("rekap", "rekap.xlsx"), ("rekap.xlsx", "rekap.xlsx"), ("REKAP.XLSX", "REKAP.XLSX"),
     ("rekap.hari1", "rekap.hari1.xlsx"), ("rekap.xls", "rekap.xls.xlsx")],
)  # fmt: skip
def test_a_missing_xlsx_is_added_once(given: str, expected: str) -> None:
    assert with_xlsx_suffix(Path("/tmp") / given) == Path("/tmp") / expected


def test_two_names_of_one_file_are_the_same_path(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    target = tmp_path / "a" / "J1.paritrana-panel"
    target.write_bytes(b"x")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "a")
    assert same_path(target, link / "J1.paritrana-panel")
    assert same_path(target, tmp_path / "a" / ".." / "a" / "J1.paritrana-panel")
    assert not same_path(target, tmp_path / "J1.paritrana-panel")
    assert path_key(target) == path_key(link / "J1.paritrana-panel")


def test_the_output_is_a_workbook_in_a_folder_that_exists(tmp_path: Path) -> None:
    assert output_path(tmp_path / "rekap") == tmp_path / "rekap.xlsx"
    (tmp_path / "folder.xlsx").mkdir()
    with pytest.raises(UserError, match="adalah folder") as raised:
        output_path(tmp_path / "folder.xlsx")
    assert "is a folder" in raised.value.text("en")
    with pytest.raises(UserError, match="tidak ada"):
        output_path(tmp_path / "nowhere" / "rekap.xlsx")


def test_cancelling_the_merge_is_no_user_error() -> None:
    cancelled = merge.MergeCancelled()
    assert isinstance(cancelled, Cancelled) and not isinstance(cancelled, UserError)
    assert "nothing was written" in cancelled.message.en
    assert issubclass(merge.MergeRefused, UserError)


def test_a_plan_not_made_by_inspecting_cannot_be_planned_again() -> None:
    bare = MergePlan(files=(), event=None, decisions=())
    assert merge.plan_with_options(bare, MergeOptions()) is bare
    with pytest.raises(ValueError, match="inspect_inputs"):
        merge.plan_with_options(bare, MergeOptions(include_drafts=True))
