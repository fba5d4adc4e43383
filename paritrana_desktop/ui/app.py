"""``paritrana-desktop``: set up Qt, the language, the log and the crash handler; open a file.

What is opened at start:
1. the FILE given on the command line (an event file or a panel file), or
2. the demo event with ``--demo``, or
3. the file opened last time, or
4. on a first start, the built-in demo event, marked DEMO.

SIGTERM (a shutdown, ``kill``) and Ctrl+C close the window as the judge would and exit with 0
(see ``quit_signals``). The log says ``window shown`` once the event loop runs.

A few environment variables exist for tests and the bench only: ``PARITRANA_NOW`` (an ISO time
used as the clock), ``PARITRANA_SCREENSHOT`` (save screenshots to this path prefix and quit; it
chooses the first judge, so without ``PARITRANA_DATA_DIR`` it works in a throwaway data folder),
``PARITRANA_OPEN_FIRST_INTERVIEW`` (open the scoring dialog on the selected interview) and
``PARITRANA_EXIT_WHEN_SHOWN`` (print the time since process start when the window is shown,
then quit).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..domain.errors import UserError
from ..domain.text import language_from_environment

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .settings import Settings

log = logging.getLogger(__name__)

ENV_NOW = "PARITRANA_NOW"
ENV_SCREENSHOT = "PARITRANA_SCREENSHOT"
ENV_OPEN_FIRST = "PARITRANA_OPEN_FIRST_INTERVIEW"
ENV_EXIT_WHEN_SHOWN = "PARITRANA_EXIT_WHEN_SHOWN"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paritrana-desktop",
        description=(
            "Paritrana Desktop: penilaian wawancara Paritrana Award tanpa internet. "
            "(Offline scoring of the Paritrana Award interviews.)"
        ),
    )
    parser.add_argument("--version", action="version", version=f"paritrana-desktop {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="buka kegiatan demo bawaan / open the built-in demo event",
    )
    parser.add_argument(
        "--lang",
        choices=["id", "en"],
        help="bahasa tampilan untuk sesi ini / interface language for this session (default: id)",
    )
    parser.add_argument(
        "--judge",
        metavar="ID",
        help="buka kegiatan sebagai panelis ini (mis. J03) / open the event as this judge",
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        metavar="FILE",
        help="berkas kegiatan (.paritrana-kegiatan) atau berkas panel (.paritrana-panel) / "
        "an event file or a panel file",
    )
    return parser


def _clock_from_environment() -> dt.datetime | None:
    text = os.environ.get(ENV_NOW)
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def run(argv: Sequence[str]) -> int:
    started = time.perf_counter()
    args = build_parser().parse_args(list(argv[1:]))

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ..resources import DESKTOP_ID
    from ..window_state.data_folder import DataFolderError
    from . import paths
    from .crash import CrashHandler, setup_logging
    from .i18n import choose_language, install_language
    from .main_window import MainWindow, local_now
    from .quit_signals import QuitOnSignals
    from .settings import Settings

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QApplication.setOrganizationName(paths.ORGANISATION)
    QApplication.setApplicationName(paths.APPLICATION)
    QApplication.setApplicationVersion(__version__)
    app = QApplication([argv[0] if argv else "paritrana-desktop"])
    # The desktop entry and AppStream id (packaging/linux): Wayland shows its name and icon.
    QGuiApplication.setDesktopFileName(DESKTOP_ID)
    if sys.platform.startswith("linux"):
        # Fusion reads well on every Linux desktop; Windows and macOS keep their own style.
        app.setStyle("Fusion")

    throwaway = _screenshot_data_folder()
    try:
        paths.check_folders()  # before anything is written, so nothing is written elsewhere
    except DataFolderError as exc:
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)
        return refuse_start(exc, args.lang)
    setup_logging(paths.log_file())
    settings = Settings()
    language = choose_language(args.lang, settings)
    install_language(app, language)
    log.info("Paritrana Desktop %s starting, language %s", __version__, language)

    fixed_now = _clock_from_environment()
    clock = (lambda: fixed_now) if fixed_now is not None else local_now
    window = MainWindow(settings, clock=clock)
    crash = CrashHandler(paths.log_file(), lambda: window)
    crash.install()
    # SIGTERM (shutdown, kill) or Ctrl+C: close the window as the judge would (the note being
    # typed is saved, the panel file closed), then exit with 0.
    quitter = QuitOnSignals(window.close)
    quitter.install()

    try:
        window.show()
        open_initial(window, settings, file=args.file, demo=args.demo, judge=args.judge)
        if quitter.quitting:
            # A signal arrived while the start-up waited in a message box ("already open"):
            # the window is closed and QCoreApplication.exit ended only that box's loop, so the
            # main loop must not start, or the process would live on with no window.
            return 0
        QTimer.singleShot(0, lambda: log.info("window shown"))
        if os.environ.get(ENV_EXIT_WHEN_SHOWN):
            QTimer.singleShot(0, lambda: _report_shown(app, started))
        screenshot = os.environ.get(ENV_SCREENSHOT)
        if screenshot:
            QTimer.singleShot(800, lambda: _screenshots(app, window, Path(screenshot)))
        return app.exec()
    finally:
        quitter.uninstall()
        crash.uninstall()
        settings.sync()
        if throwaway is not None:
            window.close()  # the panel file closed before its folder goes
            shutil.rmtree(throwaway, ignore_errors=True)


def _screenshot_data_folder() -> Path | None:
    """Screenshot mode picks a judge by itself and writes a panel file: without
    PARITRANA_DATA_DIR it works in a throwaway data folder (returned, removed at the end), never
    in the judge's own."""
    from .paths import ENV_DATA_DIR

    if not os.environ.get(ENV_SCREENSHOT) or os.environ.get(ENV_DATA_DIR):
        return None
    folder = Path(tempfile.mkdtemp(prefix="paritrana-screenshot-"))
    os.environ[ENV_DATA_DIR] = str(folder)
    return folder


# Qt platforms that show no window to a person: there the sentence goes to stderr only.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc")


def refuse_start(error: UserError, language: str | None = None) -> int:
    """The program cannot start (its data folder cannot be used): one sentence on stderr in
    both languages and, where a window can be shown, a dialog in the chosen one; exit 1."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    print(f"paritrana-desktop: {error.text('id')}", file=sys.stderr)
    print(f"paritrana-desktop: {error.text('en')}", file=sys.stderr)
    if QGuiApplication.platformName() not in HEADLESS_PLATFORMS:
        language = language or language_from_environment()
        title = (
            "Paritrana Desktop cannot start"
            if language == "en"
            else "Paritrana Desktop tidak dapat dibuka"
        )
        QMessageBox.critical(None, title, error.text(language))
    return 1


def open_initial(
    window: MainWindow,
    settings: Settings,
    *,
    file: Path | None = None,
    demo: bool = False,
    judge: str | None = None,
) -> None:
    """Open what the start-up asks for: FILE, the demo, the last file, or the demo at first."""
    if file is not None:
        window.open_path(file, judge_id=judge)
        return
    if demo:
        window.open_demo(judge_id=judge)
        return
    recent = settings.recent_files()
    if recent and recent[0].exists():
        window.open_path(recent[0], judge_id=judge)
        return
    window.open_demo(judge_id=judge)


def _report_shown(app: object, started: float) -> None:
    """For the bench: print when the window is on screen (wall clock), then quit."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    app.processEvents()
    print(f"shown_at {time.time():.6f} after {time.perf_counter() - started:.4f}", flush=True)
    app.quit()


def _screenshots(app: object, window: object, prefix: Path) -> None:
    """Save PNGs of what a judge sees, then quit: ``<prefix>-judges.png`` (the "who are you"
    dialog, if it is open), ``<prefix>-main.png`` and, with PARITRANA_OPEN_FIRST_INTERVIEW,
    ``<prefix>-scoring.png`` (the scoring dialog on the selected interview)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    assert isinstance(app, QApplication) and isinstance(window, MainWindow)
    prefix.parent.mkdir(parents=True, exist_ok=True)

    def save(widget: object, suffix: str) -> None:
        from PySide6.QtWidgets import QWidget

        assert isinstance(widget, QWidget)
        widget.grab().save(str(prefix.with_name(f"{prefix.name}-{suffix}.png")))

    def main_and_scoring() -> None:
        save(window, "main")
        dialog = window.open_scoring() if os.environ.get(ENV_OPEN_FIRST) else None
        if dialog is None:
            app.quit()
            return

        def shoot_dialog() -> None:
            save(dialog, "scoring")
            app.quit()

        QTimer.singleShot(800, shoot_dialog)

    chooser = window.judge_chooser
    if chooser is not None and chooser.isVisible():
        save(chooser, "judges")
        chooser.table.selectRow(0)  # nobody is preselected; the first judge, in this data folder
        chooser.accept()
        QTimer.singleShot(800, main_and_scoring)
    else:
        main_and_scoring()
