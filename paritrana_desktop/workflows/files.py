"""The one door from the windows and the command line to the program's files.

The windows hold an open judge's file (``PanelFile``), read event files, and hand a snapshot of
the judge's file to the copy for the chair; they reach all of it here, never ``storage`` itself,
so that what opening, checking and copying a file means is decided below the windows.
"""

from __future__ import annotations

from pathlib import Path

from ..domain.event import Event
from ..storage.copies import Snapshot, deliver, discard, take_snapshot
from ..storage.event_file import EXTENSION as EVENT_EXTENSION
from ..storage.event_file import read_event_file, write_event_file
from ..storage.kinds import FileKind
from ..storage.panel_file import EXTENSION as PANEL_EXTENSION
from ..storage.panel_file import PanelFile
from .paths import check_output_name

__all__ = [
    "EVENT_EXTENSION",
    "PANEL_EXTENSION",
    "FileKind",
    "PanelFile",
    "Snapshot",
    "deliver",
    "discard",
    "make_event_file",
    "read_event_file",
    "take_snapshot",
    "write_template",
]


def make_event_file(source: Path, output: Path) -> Event:
    """The secretariat's workbook read (every problem listed at once) and written as an event
    file at ``output``; nothing is written while the workbook has a problem."""
    from ..excel.event_workbook import read_event_workbook  # openpyxl: not on the window's path

    check_output_name(output)
    event = read_event_workbook(source)
    write_event_file(output, event)
    return event


def write_template(path: Path) -> Path:
    """The blank workbook for the secretariat at ``path`` (``.xlsx`` added when the name has
    no extension); never overwrites, and a name that cannot be written is a sentence."""
    from ..excel.template import write_template as write  # openpyxl: not on the window's path

    check_output_name(path)
    return write(path)
