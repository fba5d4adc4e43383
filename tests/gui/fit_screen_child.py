"""Run under Xvfb by test_windows_fit_xvfb.py: open the main, scoring and merge windows as a
new user would and write down where each window and each of its buttons landed.

    python tests/gui/fit_screen_child.py REPORT.json SHOT_PREFIX [PANEL_FOLDER]

The data folder (PARITRANA_DATA_DIR) is fresh; QT_SCALE_FACTOR sets the scaling.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget


def _rect(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def settle(app: QApplication, milliseconds: int = 600) -> None:
    clock = QElapsedTimer()
    clock.start()
    while clock.elapsed() < milliseconds:
        app.processEvents()


def where(window: QWidget) -> dict[str, Any]:
    """The window's frame, its screen's available area, and every visible button."""
    screen = window.screen()
    buttons = []
    for button in window.findChildren(QAbstractButton):
        if _in_a_scroll_area(button, window):
            continue  # the criteria's level buttons scroll: only the window's own buttons count
        if button.isVisibleTo(window) and button.window() is window and button.text():
            top_left = button.mapToGlobal(button.rect().topLeft())
            buttons.append(
                {
                    "text": button.text().replace("&", ""),
                    "rect": _rect(QRect(top_left, button.size())),
                    "visible": button.isVisible() and not button.visibleRegion().isEmpty(),
                }
            )
    return {
        "frame": _rect(window.frameGeometry()),
        "available": _rect(screen.availableGeometry()),
        "buttons": buttons,
    }


def _in_a_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def shoot(window: QWidget, prefix: Path, name: str) -> None:
    window.grab().save(str(prefix.with_name(f"{prefix.name}-{name}.png")))
    screen = window.screen()
    screen.grabWindow(0).save(str(prefix.with_name(f"{prefix.name}-{name}-screen.png")))


def main(argv: list[str]) -> int:
    report_path, prefix = Path(argv[1]), Path(argv[2])
    panels = Path(argv[3]) if len(argv) > 3 else None
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(["paritrana-desktop"])
    app.setStyle("Fusion")
    from paritrana_desktop.ui.i18n import install_language
    from paritrana_desktop.ui.main_window import MainWindow
    from paritrana_desktop.ui.merge_dialog import MergeDialog
    from paritrana_desktop.ui.settings import Settings

    install_language(app, "id")
    settings = Settings()
    report: dict[str, Any] = {}
    window = MainWindow(settings)
    window.show()
    window.open_demo(judge_id="J05")
    settle(app)
    report["main"] = where(window)
    header = window.table.horizontalHeader()
    viewport = window.table.viewport()
    report["main"]["columns_cut"] = [
        column
        for column in range(header.count())
        if header.sectionViewportPosition(column) + header.sectionSize(column) > viewport.width()
    ]
    shoot(window, prefix, "main")

    scoring = window.open_scoring()
    assert scoring is not None
    settle(app)
    report["scoring"] = where(scoring)
    shoot(scoring, prefix, "scoring")
    scoring.accept()
    settle(app, 200)

    window.open_merge()
    merge = window.merge_dialog
    assert isinstance(merge, MergeDialog)
    if panels is not None:
        merge.add_paths([panels])
        clock = QElapsedTimer()
        clock.start()
        while merge.is_busy() and clock.elapsed() < 30_000:
            app.processEvents()
    settle(app)
    report["merge"] = where(merge)
    shoot(merge, prefix, "merge")
    merge.reject()
    settle(app, 200)

    if panels is not None:  # a judge's copy, opened read-only: the bar and its buttons
        window.open_path(panels / "KALTIM25-DEMO_J05.paritrana-panel")
        settle(app)
        report["main_copy"] = where(window)
        shoot(window, prefix, "main-copy")
    window.close()
    report_path.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
