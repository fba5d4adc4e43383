"""The built-in demo: the Kalimantan Timur 2025 event, and panel files filled as judges fill them.

The event is data (``resources/demo/event.json``); its weights are examples, not official ones.
What the judges type is data too (``resources/demo/phrases.json``).

``write_demo`` writes the event file and one panel file per judge through the real
:class:`~paritrana_desktop.storage.panel_file.PanelFile` API. What each judge records comes from
a plan drawn from one seeded random generator:

- every participant has a "true quality" per criterion; every judge a leniency, a spread, a
  habit of writing much or little, and a few leanings (the union member is stricter on
  compliance, the employers' member milder with companies), so the panel disagrees as a real
  one does;
- notes are short phrases as judges type them, chosen to match what the participant showed;
- a few scorecards stay drafts, one judge declares a conflict of interest, one judge unlocks a
  finalised scorecard with a reason and corrects it, one judge leaves before the last interview;
- the clock walks through the two days in WITA (UTC+8), stored in UTC as every panel file does.

The same seed gives the same scorecards, notes, statuses, times and panel ids. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import secrets
import shutil
import uuid
from functools import cache
from pathlib import Path

from ..domain.errors import UserError
from ..domain.event import Event, event_from_dict
from ..domain.merge_reasons import os_reason
from ..domain.scorecard import Action
from ..domain.text import Text
from ..resources import resource
from ..storage.event_file import EXTENSION as EVENT_EXTENSION
from ..storage.event_file import write_event_file
from ..storage.panel_file import EXTENSION as PANEL_EXTENSION
from ..storage.panel_file import PanelFile
from .codes import panel_code
from .demo_judges import Step, broken_demo_data, plan_judges
from .register import EXTENSION as REGISTER_EXTENSION
from .register import add_code, confirm_code, write_demo_register

DEFAULT_SEED = 2025
# The two made-up people of the chair's office who type and confirm the codes read off the
# judges' signed papers (the register never lets one person do both).
DEMO_TYPIST = "Rina Marlina (sekretariat, demo)"
DEMO_CONFIRMER = "Yusuf Hidayat (sekretariat, demo)"
# The hidden folder a demo is written in before it appears (never mistaken for a demo).
STAGING_PREFIX = ".paritrana-demo-"

# --- the event ---------------------------------------------------------------------------


@cache
def demo_event() -> Event:
    """The demo event: Paritrana Award Tingkat Provinsi Kalimantan Timur 2025 (DEMO)."""
    path = resource("demo", "event.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise broken_demo_data(path) from exc
    return event_from_dict(data)


def write_demo_event_file(path: Path) -> Path:
    """Write the demo event to a new event file at ``path``."""
    return write_event_file(Path(path), demo_event())


def event_file_name(event: Event) -> str:
    return f"{event.code}{EVENT_EXTENSION}"


def panel_file_name(event: Event, judge_id: str) -> str:
    return f"{event.code}_{judge_id}{PANEL_EXTENSION}"


def register_file_name(event: Event) -> str:
    return f"{event.code}_register-ketua{REGISTER_EXTENSION}"


def demo_register_path(outdir: Path) -> Path:
    """Where :func:`write_demo` puts the chair's register of the demo's keys and codes."""
    return Path(outdir) / register_file_name(demo_event())


# --- writing the files ------------------------------------------------------------------


def _panel_id(seed: int, judge_id: str) -> str:
    """A version-4 uuid drawn from the seed, so the same seed gives the same files."""
    rng = random.Random(f"{seed}:{judge_id}")
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class _Clock:
    """A clock the demo sets by hand before each change, so timestamps follow the day."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def _record(panel: PanelFile, step: Step) -> None:
    """One change through the panel file's public operations, as the judge's window makes it."""
    c, iid = step.change, step.interview_id
    if c.action is Action.RATE:
        assert c.criterion is not None and not isinstance(c.value, str)
        panel.rate(iid, c.criterion, c.value)
    elif c.action is Action.CRITERION_NOTE:
        assert c.criterion is not None
        panel.note(iid, c.criterion, str(c.value))
    elif c.action is Action.GENERAL_NOTE:
        panel.set_general_note(iid, str(c.value))
    elif c.action is Action.RECOMMENDATION:
        panel.set_recommendation(iid, str(c.value))
    elif c.action is Action.FINALISE:
        panel.finalise(iid)
    elif c.action is Action.UNLOCK:
        panel.unlock(iid, c.reason)
    elif c.action is Action.DECLARE_CONFLICT:
        panel.declare_conflict(iid, c.reason)
    else:  # pragma: no cover - the plan makes no other change
        raise AssertionError(c.action)


def write_demo(
    outdir: Path, seed: int = DEFAULT_SEED, *, key_folder: Path | None = None
) -> list[Path]:
    """Write the demo event file, one filled panel file per judge and the chair's register of
    their keys and codes into ``outdir``.

    The made-up judges' and chair's signing keys are thrown away once the files are written,
    unless ``key_folder`` asks to keep them there (a test that edits a file as its judge).

    Returns the paths written: the event file first, then the panel files, the register last
    (:func:`demo_register_path`). Refuses (``UserError``) when ``outdir``
    already holds any of these files: a judge's file is never overwritten. The files are written
    in a hidden folder first and appear only when the demo is whole, so a demo stopped part-way
    (a signal, a full disk, a power cut) leaves no file that looks like a demo.
    """
    outdir = Path(outdir)
    event = demo_event()
    event_path = outdir / event_file_name(event)
    panel_paths = {j.id: outdir / panel_file_name(event, j.id) for j in event.judges}
    targets = [event_path, *panel_paths.values(), demo_register_path(outdir)]

    if outdir.exists() and not outdir.is_dir():
        raise UserError(
            Text(
                f"{outdir} adalah berkas, bukan folder. Pilih folder untuk data demo.",
                f"{outdir} is a file, not a folder. Choose a folder for the demo data.",
            ),
        )
    present = [p.name for p in targets if p.exists()]
    if present:
        raise UserError(
            Text(
                f"Folder {outdir} sudah berisi berkas demo ({', '.join(present[:3])}"
                f"{', ...' if len(present) > 3 else ''}); berkas panelis tidak akan ditimpa. "
                "Pilih folder lain atau kosongkan folder itu dulu.",
                f"The folder {outdir} already holds demo files ({', '.join(present[:3])}"
                f"{', ...' if len(present) > 3 else ''}); a judge's file is never overwritten. "
                "Choose another folder or empty that one first.",
            ),
        )
    try:
        outdir.parent.mkdir(parents=True, exist_ok=True)
        staging = _staging_folder(outdir)
    except OSError as exc:
        why = os_reason(exc)  # in the user's language, never the system's English
        raise UserError(
            Text(
                f"Folder {outdir} tidak dapat dibuat ({why.id}). Pilih folder lain.",
                f"The folder {outdir} cannot be created ({why.en}). Choose another one.",
            ),
        ) from exc
    try:
        _fill(staging, event, seed, key_folder)
        return _move_into_place(staging, outdir, targets)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _staging_folder(outdir: Path) -> Path:
    """A hidden folder where the demo is written before it appears: inside ``outdir`` when that
    exists, beside it otherwise (then the whole folder is renamed into place)."""
    # os.mkdir, not mkdtemp: the folder gets the user's usual permissions, as ``outdir`` would.
    if outdir.is_dir():
        folder = outdir / f"{STAGING_PREFIX}{secrets.token_hex(4)}"
    else:
        folder = outdir.parent / f".{outdir.name}{STAGING_PREFIX}{secrets.token_hex(4)}"
    folder.mkdir()
    return folder


def _fill(folder: Path, event: Event, seed: int, key_folder: Path | None = None) -> None:
    """The event file, one filled panel file per judge and the chair's register, in
    ``folder``."""
    plan = plan_judges(event, seed)
    write_event_file(folder / event_file_name(event), event)
    codes: list[str] = []
    # The made-up people's signing keys are kept only while the files are written (in the
    # staging folder, which goes): nothing lands in the user's own key folder.
    keys = key_folder or folder / ".demo-keys"
    for judge in event.judges:
        clock = _Clock(plan.created[judge.id])
        panel = PanelFile.create(
            folder / panel_file_name(event, judge.id),
            event,
            judge.id,
            clock=clock,
            panel_id=_panel_id(seed, judge.id),
            key_folder=keys,
        )
        try:
            for step in plan.steps[judge.id]:
                clock.moment = step.at
                _record(panel, step)
            codes.append(panel_code(panel))  # the code the judge's signed lembar prints
        finally:
            panel.close()
    _write_register(folder, event, codes, keys)
    if key_folder is None:
        shutil.rmtree(keys, ignore_errors=True)


def _write_register(folder: Path, event: Event, codes: list[str], keys: Path) -> None:
    """The chair's register as the chair would keep it after the interviews: every judge's key
    registered from the fingerprint on the signed lembar, and the code on each lembar typed by
    one person and confirmed by another."""
    panels = [folder / panel_file_name(event, j.id) for j in event.judges]
    made = write_demo_register(folder, panels, keys)
    register = made.rename(folder / register_file_name(event))
    for code in codes:
        add_code(register, code, DEMO_TYPIST, keys)
        confirm_code(register, code, DEMO_CONFIRMER, keys)


def _move_into_place(staging: Path, outdir: Path, targets: list[Path]) -> list[Path]:
    """Only a finished demo appears: the staging folder renamed to ``outdir``, or (into a folder
    that exists) the panel files moved first and the event file last."""
    if not outdir.exists():
        try:
            os.rename(staging, outdir)
        except OSError:
            outdir.mkdir(parents=True, exist_ok=True)  # made meanwhile: move file by file
        else:
            return targets
    for target in [*targets[1:], targets[0]]:
        os.rename(staging / target.name, target)
    return targets
