"""The child process of the durability test: it records ratings until it is killed.

    python tests/unit/durability_child.py rate PATH SEED
        Opens the panel file PATH (creating it first if it does not exist), prints
        ``ready <number of audit entries>`` and records ratings in a loop. Before each rating it
        prints ``W <n> <interview> <criterion> <value>``, and
        after ``rate()`` returned ``OK <n>``, each line flushed at once: a rating with an
        ``OK`` line was saved; the one with only a ``W`` line may or may not have been.

    python tests/unit/durability_child.py changes PATH SEED
        The same with ratings and criterion notes mixed (``bench/bench_durability.py``): before
        each change ``W <n> <interview> <criterion> rate <value>`` or
        ``W <n> <interview> <criterion> note <text>`` (a note's text holds no spaces), and
        ``OK <n>`` after the call returned.

    python tests/unit/durability_child.py create PATH
        Prints ``ready`` and creates the panel file PATH, then prints ``created``.

The parent kills this process with SIGKILL at random moments and checks the file afterwards.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from paritrana_desktop.storage.panel_file import PanelFile
from tests.factories import small_event

JUDGE = "J2"


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def record(path: Path, seed: int, *, notes: bool = False) -> None:
    event = small_event()
    if not path.exists():
        PanelFile.create(path, event, JUDGE).close()
    rnd = random.Random(seed)
    targets = [(i.id, c.code) for i in event.interviews for c in event.category_of(i.id).criteria]
    with PanelFile.open(path) as panel:
        values = panel.event.categories[0].scale.values()
        _say(f"ready {len(panel.audit_entries())}")
        n = 0
        while True:
            interview, criterion = rnd.choice(targets)
            if notes and rnd.random() < 0.4:
                text = f"catatan-{seed}-{n}-" + "x" * rnd.randrange(200)
                _say(f"W {n} {interview} {criterion} note {text}")
                panel.note(interview, criterion, text)
            else:
                value = rnd.choice(values)
                kind = " rate" if notes else ""
                _say(f"W {n} {interview} {criterion}{kind} {value!r}")
                panel.rate(interview, criterion, value)
            _say(f"OK {n}")
            n += 1


def create(path: Path) -> None:
    event = small_event()
    _say("ready")
    PanelFile.create(path, event, JUDGE).close()
    _say("created")


def main(argv: list[str]) -> None:
    mode, path = argv[0], Path(argv[1])
    if mode == "rate":
        record(path, int(argv[2]))
    elif mode == "changes":
        record(path, int(argv[2]), notes=True)
    elif mode == "create":
        create(path)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
