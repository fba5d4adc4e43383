"""One way for every window to remember its size, place and splitters, and to stay on screen.

``WindowMemory(window, settings, geometry_setting, default_size, splitters)`` restores what was
saved (or gives the default size), then keeps the window inside the available geometry of the
screen it is on: a geometry saved on a bigger screen, at another scaling, or a default larger
than a small laptop's screen is shrunk and moved, never shown partly off-screen. ``save()``
writes the geometry and the splitters back.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from ..window_state.geometry import Box, Frame, fit_on_screen, largest_size
from .settings import Setting, Settings

# Before a window is first shown its frame is unknown; a usual title bar and border are assumed
# (logical pixels), and the real frame is used once the window is on screen.
ASSUMED_FRAME = Frame(left=8, top=34, right=8, bottom=8)


def available_box(widget: QWidget) -> Box | None:
    """The available geometry of the screen ``widget`` is on (its parent's, before it is)."""
    owner = widget.parentWidget()
    screen = widget.screen() if owner is None else owner.screen()
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return None
    return _box(screen.availableGeometry())


def frame_of(widget: QWidget) -> Frame:
    outer, inner = widget.frameGeometry(), widget.geometry()
    if not widget.isVisible() or outer == inner:
        return ASSUMED_FRAME if not widget.isVisible() else Frame()
    return Frame(
        left=inner.x() - outer.x(),
        top=inner.y() - outer.y(),
        right=outer.right() - inner.right(),
        bottom=outer.bottom() - inner.bottom(),
    )


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move ``widget`` just enough for its frame to lie on its screen."""
    available = available_box(widget)
    if available is None:
        return
    fitted = fit_on_screen(_box(widget.geometry()), available, frame_of(widget))
    if fitted != _box(widget.geometry()):
        widget.setGeometry(fitted.x, fitted.y, fitted.width, fitted.height)


class WindowMemory(QObject):
    """Restore, keep on screen and save one window's geometry and splitters."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings | None,
        geometry: Setting[bytes] | None,
        default_size: tuple[int, int],
        splitters: dict[Setting[bytes], QSplitter] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._geometry = geometry
        self._default = default_size
        self._splitters = dict(splitters or {})
        window.installEventFilter(self)

    def restore(self) -> None:
        """The saved geometry and splitters, or the default size; then on screen."""
        window = self._window
        saved = self._read(self._geometry)
        restored = bool(saved) and window.restoreGeometry(QByteArray(saved))
        if not restored:  # the default size, no larger than the screen; placed as usual
            available = available_box(window)
            width, height = self._default
            if available is not None:
                fitted = largest_size(width, height, available, ASSUMED_FRAME)
                width, height = fitted.width, fitted.height
            window.resize(width, height)
        for setting, splitter in self._splitters.items():
            state = self._read(setting)
            if state:
                splitter.restoreState(QByteArray(state))
        keep_on_screen(window)

    def save(self) -> None:
        if self._settings is None:
            return
        if self._geometry is not None:
            self._settings.set(self._geometry, bytes(self._window.saveGeometry().data()))
        for setting, splitter in self._splitters.items():
            self._settings.set(setting, bytes(splitter.saveState().data()))
        self._settings.sync()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Show:
            # once the window manager has framed it: its real frame on its real screen
            QTimer.singleShot(0, self, lambda: keep_on_screen(self._window))
        return False

    def _read(self, setting: Setting[bytes] | None) -> bytes:
        if setting is None or self._settings is None:
            return b""
        return self._settings.get(setting)


def _box(rect: QRect) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())
