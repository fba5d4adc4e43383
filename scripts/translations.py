"""Keep the Qt Linguist translations up to date.

    python scripts/translations.py update [AREA...]
                                             extract every tr() string of each UI area into its
                                             resources/i18n/<area>_id.ts (translations kept)
    python scripts/translations.py compile [AREA...]
                                             compile every resources/i18n/*.ts into its .qm
    python scripts/translations.py check     list the messages still untranslated; exit 1 if any

Areas: ``scoring`` is ui/scoring*.py, ``merge`` is ui/merge*.py, ``main`` is every other module
in ui/. ``qtbase_extra_id.ts`` (Qt's own buttons and dialogs, which Qt does not translate into
Indonesian) is written by hand and only compiled. Translate new strings with
``pyside6-linguist resources/i18n/<area>_id.ts`` or in any text editor, then run ``compile``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "paritrana_desktop" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("id",)
HAND_WRITTEN = ("qtbase_extra",)


def area_sources() -> dict[str, list[Path]]:
    """Each area's Python sources, by the file-name convention above."""
    modules = sorted(p for p in UI.glob("*.py") if p.name != "__init__.py")
    scoring = [p for p in modules if p.name.startswith("scoring")]
    merge = [p for p in modules if p.name.startswith("merge")]
    main = [p for p in modules if p not in scoring and p not in merge]
    return {"main": main, "scoring": scoring, "merge": merge}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from this Python's environment, else from PATH."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .[test])")
    return found


def lupdate(sources: list[Path], ts: Path) -> None:
    """Extract ``sources``' strings into ``ts``, keeping existing translations."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *map(str, sources),
            "-ts",
            str(ts),
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
    )


def unfinished(ts: Path) -> list[str]:
    """``context: source`` of each message in ``ts`` without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = "" if translation is None else translation.get("type", "")
            if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def update(areas: list[str] | None = None) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    for area, sources in area_sources().items():
        if not sources or (areas and area not in areas):
            continue
        for language in LANGUAGES:
            ts = I18N / f"{area}_{language}.ts"
            lupdate(sources, ts)
            print(f"{ts.relative_to(ROOT)}: {len(unfinished(ts))} to translate")


def compile_all(
    folder: Path = I18N, out: Path | None = None, areas: list[str] | None = None
) -> list[Path]:
    written = []
    for ts in sorted(folder.glob("*.ts")):
        if areas and ts.stem.rsplit("_", 1)[0] not in areas:
            continue
        qm = (out or folder) / f"{ts.stem}.qm"
        lrelease(ts, qm)
        written.append(qm)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["update", "compile", "check"])
    parser.add_argument(
        "areas", nargs="*", help="only these areas (main, scoring, merge, qtbase_extra)"
    )
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.areas)
    elif args.command == "compile":
        for qm in compile_all(areas=args.areas):
            print(qm.relative_to(ROOT))
    else:
        problems = [f"{ts.name}: {m}" for ts in sorted(I18N.glob("*.ts")) for m in unfinished(ts)]
        print("\n".join(problems) or "every message is translated")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
