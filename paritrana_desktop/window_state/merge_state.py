"""The merge window's button rules: what the chair can press, decided from what the window
holds (a plan, a chosen output, a workbook written, work running), not from widget flags."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class MergeTask(Enum):
    """The work the merge window runs off the UI thread."""

    INSPECT = "inspect"  # reading and checking the files, or recomputing the figures
    WRITE = "write"  # writing the merged workbook
    PAPERS = "papers"  # writing the berita acara and the score sheets, after the workbook


@dataclass(frozen=True)
class PlanFacts:
    """What the window needs to know about the current plan and inputs."""

    has_plan: bool = False
    refused: bool = False  # some file was refused
    can_write: bool = False  # the plan allows writing with the refused files counted
    can_write_skipping: bool = False  # ... and with the refused files left out
    has_output: bool = False  # a workbook path is typed or chosen
    selected: bool = False  # rows of the file list are selected
    # the one selected row is a file of a judge who handed in two unrelated files, and it is
    # not yet the one chosen for that judge
    choosable: bool = False
    hand_copies: bool = False  # some file was copied by hand without its -wal


@dataclass(frozen=True)
class MergeButtons:
    """Which of the merge window's controls are on and shown."""

    inputs_enabled: bool  # add files, add folder, the drafts option, the output
    remove_enabled: bool
    merge_enabled: bool
    skip_visible: bool
    skip_enabled: bool
    open_visible: bool  # open the workbook, open its folder
    open_enabled: bool
    busy_visible: bool  # the progress row and the cancel button
    skip_takes_focus: bool  # Merge is blocked by refused files: the keyboard goes to "skip"
    use_file_enabled: bool = False  # "use this file for its judge"
    hand_copy_visible: bool = False  # the choice to go on with hand copies


@dataclass
class MergeState:
    """The merge window's state between the chair's steps."""

    task: MergeTask | None = None
    written: Path | None = None  # the last workbook written in this window
    # The workbook of these files, options and output is written: merging again is off until
    # one of them changes.
    written_as_is: bool = False
    output_chosen: bool = False  # the chair typed or chose the output: no more suggestions
    overwrite_confirmed: Path | None = None  # the existing workbook the chair agreed to replace
    close_when_idle: bool = False

    @property
    def busy(self) -> bool:
        return self.task is not None

    # --- what happens -----------------------------------------------------------------------
    def start(self, task: MergeTask) -> None:
        self.task = task

    def finish(self) -> bool:
        """The work ended (however); True when it wrote the workbook just now."""
        wrote = self.task is MergeTask.WRITE and self.written_as_is
        self.task = None
        return wrote

    def plan_changed(self) -> None:
        self.written_as_is = False

    def output_typed(self) -> None:
        self.output_chosen = True
        self.overwrite_confirmed = None
        self.written_as_is = False

    def output_picked(self, path: Path, *, exists: bool) -> None:
        """Chosen in the file dialog, which has asked already whether to replace it."""
        self.output_chosen = True
        self.overwrite_confirmed = path if exists else None
        self.written_as_is = False

    def must_ask_to_replace(self, output: Path, *, exists: bool) -> bool:
        return exists and output != self.overwrite_confirmed

    def wrote(self, path: Path) -> None:
        self.written = path
        self.written_as_is = True

    def failure_is_about_writing(self) -> bool:
        """A failure of the running work is said as "the workbook was not written"."""
        return self.task is MergeTask.WRITE

    # --- the buttons ------------------------------------------------------------------------
    def buttons(self, facts: PlanFacts) -> MergeButtons:
        busy = self.busy
        can_merge = not busy and facts.has_plan and facts.has_output and not self.written_as_is
        written = self.written is not None
        return MergeButtons(
            inputs_enabled=not busy,
            remove_enabled=not busy and facts.selected,
            merge_enabled=can_merge and facts.can_write,
            skip_visible=facts.refused,
            skip_enabled=can_merge and facts.refused and facts.can_write_skipping,
            open_visible=written,
            open_enabled=written and not busy,
            busy_visible=busy,
            skip_takes_focus=facts.refused and not busy,
            use_file_enabled=not busy and facts.choosable,
            hand_copy_visible=facts.hand_copies,
        )
