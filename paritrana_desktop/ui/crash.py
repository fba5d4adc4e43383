"""When the program itself fails: a log file, and a dialog with details to copy.

Two kinds of failure reach the top:
- a :class:`UserError` that escaped a slot: the user's environment, shown as a plain warning;
- anything else is a bug: it is written to the log (a rotating file in the data folder) and a
  crash dialog says so, with the details to copy. The judge's scores are safe either way:
  every change was committed to the panel file when it was made.

Qt's own warnings go to the same log through a message handler.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.errors import UserError
from .errors import show_user_error

log = logging.getLogger("paritrana_desktop")

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def rotate(log_file: Path, max_bytes: int = LOG_BYTES, backups: int = LOG_BACKUPS) -> None:
    """Keep the log small: a log over ``max_bytes`` becomes ``.1`` (``.1`` becomes ``.2``...)."""
    try:
        if log_file.stat().st_size <= max_bytes:
            return
    except OSError:
        return
    for n in range(backups - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{n}")
        if older.exists():
            with contextlib.suppress(OSError):
                os.replace(older, log_file.with_name(f"{log_file.name}.{n + 1}"))
    with contextlib.suppress(OSError):
        os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))


class QuietFileHandler(logging.FileHandler):
    """A log file that never disturbs the judge: when a record cannot be written (a full disk,
    a folder gone) it says so in one line on stderr, the first time only, and then stays silent;
    the window has its own sentence for the full disk."""

    def __init__(self, filename: Path, encoding: str = "utf-8") -> None:
        super().__init__(filename, encoding=encoding)
        self.failed = False

    def flush(self) -> None:
        try:
            super().flush()
        except OSError:
            self.handleError(None)

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the last buffered lines could not be written: said once already
            self.handleError(None)

    def handleError(self, record: logging.LogRecord | None) -> None:
        if self.failed:
            return
        self.failed = True
        reason = sys.exc_info()[1]
        detail = getattr(reason, "strerror", None) or reason
        with contextlib.suppress(Exception):
            sys.stderr.write(
                f"paritrana-desktop: log {self.baseFilename} tidak dapat ditulis / cannot be "
                f"written ({detail}); logging stops.\n"
            )


def setup_logging(log_file: Path) -> logging.Handler:
    """Log the program's messages (INFO and up) to a file rotated at each start when it has
    grown past LOG_BYTES, keeping LOG_BACKUPS older ones; returns the handler."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    rotate(log_file)
    handler = QuietFileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def crash_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    import platform
    import traceback

    lines = [
        f"Paritrana Desktop {__version__}",
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    """Says the program hit a bug, that the scores are safe, and where the log is."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Paritrana Desktop: unexpected error"))
        self.quit_requested = False
        text = self.tr(
            "<p><b>Something went wrong inside the program.</b></p>"
            "<p>Your scores are safe: every change was saved the moment you made it.</p>"
            "<p>You can keep working, or close the program and start it again. Please tell the "
            "secretariat and send them the details below.</p>"
        )
        if log_file is not None:
            text += self.tr("<p>The details are also in the log file:<br>{path}</p>").format(
                path=str(log_file).replace("&", "&amp;").replace("<", "&lt;")
            )
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details, self)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setMinimumHeight(160)

        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        self.keep_button = QPushButton(self.tr("&Keep working"), self)
        self.quit_button = QPushButton(self.tr("Close the &program"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.keep_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self._quit)
        self.keep_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 440)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))

    def _quit(self) -> None:
        self.quit_requested = True
        self.reject()
        app = QApplication.instance()
        if app is not None:
            app.quit()


class CrashHandler(QObject):
    """Installs ``sys.excepthook`` and a Qt message handler; shows the dialogs."""

    def __init__(
        self,
        log_file: Path | None,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self._parent_widget = parent_widget
        self._previous_hook: ExceptHook | None = None
        self._installed_qt_handler = False
        self._previous_qt_handler: Any = None
        self._handling = False
        self.dialogs: list[CrashDialog] = []

    def install(self, *, qt_messages: bool = True) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.handle
        if qt_messages:
            self._previous_qt_handler = qInstallMessageHandler(self._qt_message)
            self._installed_qt_handler = True

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        if self._installed_qt_handler:
            qInstallMessageHandler(self._previous_qt_handler)
            self._previous_qt_handler = None
            self._installed_qt_handler = False

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            app = QApplication.instance()
            if app is not None:
                app.quit()
            return
        if self._handling:  # a failure while showing the dialog: do not loop
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._handling = True
        try:
            if isinstance(exc, UserError):
                log.warning("user error reached the top: %s", exc.text("en"))
                show_user_error(self._parent_widget(), exc)
                return
            details = crash_details(exc_type, exc, tb)
            log.error("unexpected error\n%s", details)
            for handler in log.handlers:
                handler.flush()
            dialog = CrashDialog(details, self.log_file, self._parent_widget())
            dialog.finished.connect(lambda _result: self._forget(dialog))
            self.dialogs.append(dialog)
            dialog.open()
        except Exception:  # pragma: no cover - the last line of defence
            sys.__excepthook__(exc_type, exc, tb)
        finally:
            self._handling = False

    def _forget(self, dialog: CrashDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    @staticmethod
    def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }.get(mode, logging.WARNING)
        logging.getLogger("paritrana_desktop.qt").log(level, "%s", message)
        if level >= logging.WARNING:
            print(message, file=sys.stderr)
