"""The built-in demo: the Kalimantan Timur 2025 event, and panel files filled as judges fill them.

The event is data (``resources/demo/event.json``); its weights are examples, not official ones.
No Qt here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .domain.errors import UserError
from .domain.event import Event, event_from_dict
from .resources import resource
from .storage.event_file import write_event_file


@cache
def demo_event() -> Event:
    """The demo event: Paritrana Award Tingkat Provinsi Kalimantan Timur 2025 (DEMO)."""
    path = resource("demo", "event.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Data demo bawaan tidak dapat dibaca ({path}): pasang ulang program.",
            f"The built-in demo data cannot be read ({path}): reinstall the program.",
        ) from exc
    return event_from_dict(data)


def write_demo_event_file(path: Path) -> Path:
    """Write the demo event to a new event file at ``path``."""
    return write_event_file(Path(path), demo_event())
