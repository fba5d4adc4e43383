"""Photograph the program's real windows on the demo event for the guides in docs/.

    python scripts/make_screenshots.py [--out docs/img] [--keep]

(``./dev screenshots`` runs it.) Everything happens in a throwaway folder: the data folder
(``PARITRANA_DATA_DIR``), the settings, the "USB stick" and the judges' files for the merge are
made in a temporary directory and removed at the end (``--keep`` leaves it and prints where).
No file of a real user is read or written.

The windows run on Qt's offscreen platform with one screen of 1600x900 at 100 %, in Bahasa
Indonesia, with the clock fixed at Monday 28 July 2025, 10.20 WITA (Kabupaten Kutai Timur is
presenting). The script drives the windows only through what a user has: the constructors the
program itself uses, menu actions found by their objectName, buttons clicked and keys typed
with QTest, and the modal boxes answered when they appear. Each picture is ``grab()`` of one
window, so the images hold the window's content without the desktop's frame.

The pictures (docs/img/):
    siapa-anda.png           "Siapa Anda?" on the first start
    jadwal.png               the schedule, with a final, a draft and a conflict of interest
    penilaian-draf.png       the scoring window, part-way (Draf)
    kunci-konfirmasi.png     the question before locking
    penilaian-final.png      the scoring window, locked (Final)
    konflik-alasan.png       the reason box for a conflict of interest
    penilaian-konflik.png    the scoring window with a conflict of interest
    ekspor-selesai.png       the message after "Ekspor berkas untuk ketua"
    salinan-baca-saja.png    that copy opened from the stick: read-only, with the blue bar
    gabung-berkas.png        the merge window: nine judges' files and one refused file
    gabung-selesai.png       the merge window after writing the workbook
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1600, 900)
NOW = dt.datetime(2025, 7, 28, 10, 20)
MAIN_SIZE = (1280, 720)
SCORING_SIZE = (1200, 760)
MERGE_SIZE = (1120, 680)


def prepare_environment(work: Path) -> None:
    """A private data folder and an offscreen screen of fixed size, before Qt starts."""
    screen = {
        "screens": [
            {
                "name": "shots",
                "x": 0,
                "y": 0,
                "width": SCREEN[0],
                "height": SCREEN[1],
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ]
    }
    config = work / "screen.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    for name in list(os.environ):
        if name.startswith(("QT_", "PARITRANA_")):
            del os.environ[name]
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["PARITRANA_DATA_DIR"] = str(work / "data")
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")


def _quiet_offscreen(_kind: Any, _context: Any, message: str) -> None:
    """Qt's messages, less the offscreen platform's note that it cannot resize to hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


class Shots:
    """The running application, the pictures it saves and the helpers to drive it."""

    def __init__(self, out: Path, work: Path) -> None:
        from PySide6.QtCore import QStandardPaths, Qt, qInstallMessageHandler
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        from paritrana_desktop.ui import paths
        from paritrana_desktop.ui.i18n import install_language

        QStandardPaths.setTestModeEnabled(True)
        qInstallMessageHandler(_quiet_offscreen)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        QApplication.setOrganizationName(paths.ORGANISATION)
        QApplication.setApplicationName(paths.APPLICATION)
        self.app = QApplication(["paritrana-desktop"])
        self.app.setStyle("Fusion")
        install_language(self.app, "id")
        self.out = out
        self.work = work
        self.saved: list[Path] = []

    # --- driving -------------------------------------------------------------------------
    def wait(self, ms: int = 150) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def wait_until(self, condition: Callable[[], bool], what: str, seconds: float = 20) -> None:
        deadline = dt.datetime.now() + dt.timedelta(seconds=seconds)
        while not condition():
            if dt.datetime.now() > deadline:
                raise SystemExit(f"make_screenshots: gave up waiting for {what}")
            self.wait(50)

    def save(self, widget: Any, name: str) -> None:
        self.wait(300)
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"make_screenshots: could not write {path}")
        self.saved.append(path)
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def when_modal(self, handle: Callable[[Any], None]) -> None:
        """Call ``handle(box)`` once the next modal window is up (a QMessageBox.question,
        a reason box), from inside its own event loop."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        before = QApplication.activeModalWidget()
        timer = QTimer(self.app)

        def look() -> None:
            modal = QApplication.activeModalWidget()
            if modal is not None and modal is not before and modal.isVisible():
                timer.stop()
                timer.deleteLater()
                self.wait(300)
                handle(modal)

        timer.timeout.connect(look)
        timer.start(100)

    def press(self, widget: Any, key: Any, modifier: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.wait(60)

    def click(self, button: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.wait(100)

    def answer_yes(self, box: Any) -> None:
        from PySide6.QtWidgets import QMessageBox

        box.button(QMessageBox.StandardButton.Yes).click()

    # --- the scenes ----------------------------------------------------------------------
    def run(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from paritrana_desktop.ui.app import open_initial
        from paritrana_desktop.ui.main_window import MainWindow
        from paritrana_desktop.ui.settings import Settings

        window = MainWindow(Settings(), clock=lambda: NOW)
        window.resize(*MAIN_SIZE)
        window.show()
        open_initial(window, window.settings)  # a first start: the demo, and "who are you"
        self.wait_until(
            lambda: window.judge_chooser is not None and window.judge_chooser.isVisible(),
            '"Siapa Anda?"',
        )
        chooser = window.judge_chooser
        self.wait(300)
        focus = QApplication.focusWidget() or chooser
        self.press(focus, Qt.Key.Key_Down)
        self.press(focus, Qt.Key.Key_Down)  # the third judge, J03
        self.save(chooser, "siapa-anda")
        self.press(QApplication.focusWidget() or chooser, Qt.Key.Key_Return)
        self.wait_until(lambda: window.panel is not None, "the panel file")
        self.wait(300)

        self.score_and_lock(window)
        self.declare_conflict(window)
        self.draft_left_open(window)
        window.table.setFocus()
        self.save(window, "jadwal")
        copy = self.export(window)
        self.read_only_copy(window, copy)
        self.merge(window)
        window.close()

    def open_scoring(self, window: Any, interview_id: str) -> Any:
        window.select_interview(interview_id)
        self.wait(100)
        dialog = window.open_scoring(interview_id)
        self.wait_until(lambda: dialog is not None and dialog.isVisible(), "the scoring window")
        dialog.resize(*SCORING_SIZE)
        self.wait(300)
        return dialog

    def type_text(self, text: str) -> None:
        """Type into the widget that has the keyboard focus, as a judge would."""
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if focus is None:
            raise SystemExit("make_screenshots: no widget has the keyboard focus")
        QTest.keyClicks(focus, text)
        self.wait(60)

    def type_ratings(self, digits: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        for digit in digits:
            self.type_text(digit)
            self.press(QApplication.focusWidget(), Qt.Key.Key_Return)

    def close_scoring(self, window: Any, dialog: Any) -> None:
        from PySide6.QtCore import Qt

        self.press(dialog, Qt.Key.Key_Escape)
        self.wait_until(lambda: window.scoring_dialog is None, "the scoring window to close")

    def score_and_lock(self, window: Any) -> None:
        """Kabupaten Kutai Timur (D1-03): three ratings and a note, then all, then locked."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QPushButton

        dialog = self.open_scoring(window, "D1-03")
        self.type_ratings("435")
        self.press(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Catatan umum
        self.type_text("Bupati hadir langsung; data kepesertaan 2024 lengkap.")
        self.save(dialog, "penilaian-draf")
        self.press(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # the first criterion
        self.type_ratings("43542")

        def confirm(box: Any) -> None:
            self.save(box, "kunci-konfirmasi")
            self.answer_yes(box)

        self.when_modal(confirm)
        self.click(dialog.findChild(QPushButton, "lock"))
        self.wait_until(lambda: window.scoring_dialog is dialog, "the lock")
        self.save(dialog, "penilaian-final")
        self.close_scoring(window, dialog)

    def declare_conflict(self, window: Any) -> None:
        """Kabupaten Paser (D1-02): a conflict of interest with its reason."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QPlainTextEdit, QPushButton

        dialog = self.open_scoring(window, "D1-02")

        def give_reason(box: Any) -> None:
            edit = box.findChild(QPlainTextEdit)
            reason = "Adik kandung saya bekerja di Dinas Tenaga Kerja Kabupaten Paser."
            QTest.keyClicks(edit, reason)
            self.save(box, "konflik-alasan")
            self.press(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

        self.when_modal(give_reason)
        self.click(dialog.findChild(QPushButton, "conflict"))
        self.wait(300)
        self.save(dialog, "penilaian-konflik")
        self.close_scoring(window, dialog)

    def draft_left_open(self, window: Any) -> None:
        """Kabupaten Berau (D1-01): two ratings, left as a draft."""
        dialog = self.open_scoring(window, "D1-01")
        self.type_ratings("45")
        self.close_scoring(window, dialog)
        window.select_interview("D1-03")
        self.wait(200)

    def export(self, window: Any) -> Path:
        """Ekspor berkas untuk ketua onto a "USB stick" (a folder in the throwaway place)."""
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QFileDialog

        usb = self.work / "FLASHDISK"
        usb.mkdir()
        # The folder dialog is the desktop's own; the script answers it with the "stick".
        original = QFileDialog.getExistingDirectory
        QFileDialog.getExistingDirectory = staticmethod(lambda *_a, **_k: str(usb))  # type: ignore[method-assign]
        try:

            def done(box: Any) -> None:
                self.save(box, "ekspor-selesai")
                box.accept()

            def drafts_first(box: Any) -> None:
                # With a draft left open the program first says so and asks whether to go on.
                self.save(box, "ekspor-draf")
                self.when_modal(done)
                self.answer_yes(box)

            self.when_modal(drafts_first)
            window.findChild(QAction, "exportAction").trigger()
            self.wait_until(lambda: any(usb.iterdir()), "the copy for the chair", 30)
            self.wait_until(lambda: window.export_task is None, "the export to finish", 30)
            self.wait(500)
        finally:
            QFileDialog.getExistingDirectory = original  # type: ignore[method-assign]
        (copy,) = usb.glob("*.paritrana-panel")
        return copy

    def read_only_copy(self, window: Any, copy: Path) -> None:
        """The exported copy opened from the stick: read-only, with the blue bar; then back to
        the judge's own file with the bar's button."""
        from PySide6.QtWidgets import QPushButton

        own = window.panel.path
        window.open_path(copy)
        self.wait_until(lambda: window.panel is not None and window.panel.path == copy, "the copy")
        self.wait(300)
        self.save(window, "salinan-baca-saja")
        self.click(window.findChild(QPushButton, "openOwnButton"))
        self.wait_until(lambda: window.panel is not None and window.panel.path == own, "own file")
        self.wait(300)

    def merge(self, window: Any) -> None:
        """The chair's merge: the nine demo judges' files and one that is not a panel file."""
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QPushButton

        folder = self.work / "rekap-senin"
        subprocess.run(
            [sys.executable, "-m", "paritrana_desktop.cli", "demo", str(folder)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        (folder / "KALTIM25-DEMO.paritrana-kegiatan").unlink()
        stray = folder / "KALTIM25-DEMO_J10_salinan.paritrana-panel"
        stray.write_text("bukan berkas panel\n", encoding="utf-8")
        window.findChild(QAction, "mergeAction").trigger()
        self.wait_until(lambda: window.merge_dialog is not None, "the merge window")
        dialog = window.merge_dialog
        dialog.resize(*MERGE_SIZE)
        dialog.add_paths([folder])
        self.wait_until(lambda: dialog.plan() is not None and not dialog.is_busy(), "the check", 90)
        self.save(dialog, "gabung-berkas")
        skip = next(
            b
            for b in dialog.findChildren(QPushButton)
            if b.text().replace("&", "").startswith("Lanjut tanpa")
        )
        self.click(skip)
        self.wait_until(
            lambda: dialog.written_workbook() is not None and not dialog.is_busy(),
            "the workbook",
            120,
        )
        self.save(dialog, "gabung-selesai")
        dialog.close()
        self.wait(200)


def main(argv: list[str] | None = None) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # the program of this checkout, also without PYTHONPATH
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    # A fixed name, so that the paths the windows show are the same at every run.
    work = Path(tempfile.gettempdir()) / "paritrana-contoh"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    try:
        prepare_environment(work)
        shots = Shots(out, work)
        shots.run()
        print(f"{len(shots.saved)} pictures in {out}")
    finally:
        if args.keep:
            print(f"throwaway folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
