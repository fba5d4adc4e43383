"""The pieces of the scoring dialog: the rating input and one card per criterion.

The widgets gather what the judge types or clicks and say so with signals; they never save.
The dialog hands each value to the panel file and tells the widget what happened: saved,
refused (with the rubric's reason) or not saved (the disk's reason).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import ValidationError
from ..domain.event import Criterion, Scale
from ..window_state.scoring_logic import fill, parse_rating, rating_decimals, single_keystroke
from .widgets import emphasise

# A scale with at most this many ratings gets one button per rating; a longer one a slider.
MAX_LEVEL_BUTTONS = 11

ERROR_STYLE = "color: #b3261e;"
FIELD_ERROR_STYLE = "QLineEdit { border: 2px solid #b3261e; }"
FIELD_UNSAVED_STYLE = "QLineEdit { border: 2px dashed #b26a00; }"
# The chosen level must stand out at a glance, also when the scorecard is locked (disabled).
LEVEL_BUTTON_STYLE = """
QToolButton#levelButton { border: 1px solid #a9b1bc; border-radius: 4px; background: #f7f8fa;
    padding: 2px 4px; color: #1f2328; }
QToolButton#levelButton:hover { background: #e6eefc; border-color: #4a7fd6; }
QToolButton#levelButton:checked { background: #1f5fbf; border-color: #174a96; color: white;
    font-weight: bold; }
QToolButton#levelButton:disabled { background: #eef0f2; color: #8a9099; border-color: #c9ced6; }
QToolButton#levelButton:checked:disabled { background: #5f7fae; border-color: #4d6a94;
    color: white; }
"""


def format_rating(value: float, scale: Scale, locale: QLocale) -> str:
    """A rating as the UI's locale writes it: ``8,5`` in Indonesian, ``8.5`` in English."""
    return locale.toString(float(value), "f", rating_decimals(value, scale))


class RatingEdit(QLineEdit):
    """The typed rating. It leaves Ctrl+Z and Ctrl+Y to the dialog, whose undo is the saved one.

    With ``one_key`` (a scale of single digits) a digit replaces whatever is in the field, so
    pressing ``5`` after clicking behind a ``4`` gives 5, not 45.
    """

    one_key = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if self.one_key and plain and len(text) == 1 and text.isdigit():
            self.selectAll()
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            combo = event.keyCombination().toCombined()
            for standard in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
                for key in QKeySequence.keyBindings(standard):
                    if key.count() == 1 and combo == key[0].toCombined():  # type: ignore[index]
                        event.ignore()
                        return False
        return super().event(event)


class LevelSlider(QSlider):
    """A slider whose groove, when clicked, jumps to the rating under the mouse."""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            style = self.style()
            control = QStyle.ComplexControl.CC_Slider
            handle = style.subControlRect(control, option, QStyle.SubControl.SC_SliderHandle, self)
            point = event.position().toPoint()
            if not handle.contains(point):
                groove = style.subControlRect(
                    control, option, QStyle.SubControl.SC_SliderGroove, self
                )
                span = max(1, groove.width() - handle.width())
                offset = point.x() - groove.x() - handle.width() // 2
                self.setValue(
                    QStyle.sliderValueFromPosition(
                        self.minimum(), self.maximum(), min(max(offset, 0), span), span
                    )
                )
                event.accept()
                return
        super().mousePressEvent(event)


class RatingInput(QWidget):
    """A rating on ``scale``: typed in a field, or clicked on a level button (or slider).

    ``committed(value)`` asks to save ``value`` (a float, or None to clear); ``advance`` asks
    for the next criterion after Enter. The owner answers with :meth:`set_saved`,
    :meth:`refuse` or :meth:`mark_unsaved`.
    """

    committed = Signal(object)
    advance = Signal()

    def __init__(
        self, scale: Scale, criterion_name: str, locale: QLocale, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.scale = scale
        self._locale = locale
        self._values = scale.values()
        self._saved: float | None = None
        self._state = ""  # "", "refused", "unsaved" or "flagged"
        self._one_key = single_keystroke(scale)
        self._make_edit(criterion_name)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.edit)
        self.buttons: list[QToolButton] = []
        self._button_texts: list[tuple[str, str]] = []  # (number and label, number only)
        self._compact = False
        self._measured = False  # the full row measured on the styled buttons (first resize)
        self._full_widths: list[int] = []  # each button's width with its label, in bold
        self.slider: QSlider | None = None
        if len(self._values) <= MAX_LEVEL_BUTTONS:
            self._make_level_buttons(row, criterion_name)
        else:
            self._make_slider(row, criterion_name)
        self._make_clear_and_level(row, criterion_name)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("ratingError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self._show_value(None)

    def _make_edit(self, criterion_name: str) -> None:
        scale, locale = self.scale, self._locale
        self.edit = RatingEdit(self)
        self.edit.one_key = self._one_key
        self.edit.setObjectName("ratingEdit")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.edit.setMaxLength(12)
        widest = max(
            (format_rating(v, scale, locale) for v in (scale.minimum, scale.maximum)), key=len
        )
        width = self.edit.fontMetrics().horizontalAdvance(widest + "0,0") + 24
        self.edit.setFixedWidth(max(width, 56))
        self.edit.setAccessibleName(fill(self.tr("Rating for %1"), criterion_name))
        self.edit.setAccessibleDescription(self._range_text())
        self.edit.setToolTip(self._range_text())
        self.edit.setPlaceholderText("–")
        self.edit.textEdited.connect(self._on_text_edited)
        self.edit.returnPressed.connect(self._on_return)
        self.edit.editingFinished.connect(self.commit_text)

    def _make_level_buttons(self, row: QHBoxLayout, criterion_name: str) -> None:
        """One button per level of a short scale (1–5, say), its label under the number."""
        scale, locale = self.scale, self._locale
        for value in self._values:
            button = QToolButton(self)
            button.setObjectName("levelButton")
            label = scale.label_for(value)
            number = format_rating(value, scale, locale)
            button.setText(f"{number}\n{label}" if label else number)
            self._button_texts.append((button.text(), number))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(36)
            button.setAccessibleName(
                fill(self.tr("%1: rating %2 %3"), criterion_name, number, label).strip()
            )
            button.setToolTip(f"{number} – {label}" if label else number)
            button.clicked.connect(lambda _checked=False, v=value: self._on_level(v))
            self.buttons.append(button)
            row.addWidget(button, 1)

    def _make_slider(self, row: QHBoxLayout, criterion_name: str) -> None:
        """A slider for a long scale (0–100, say); the field is the precise way."""
        slider = LevelSlider(Qt.Orientation.Horizontal, self)
        slider.setRange(0, len(self._values) - 1)
        slider.setPageStep(max(1, len(self._values) // 10))
        slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        slider.setAccessibleName(fill(self.tr("Rating for %1 (slider)"), criterion_name))
        slider.setMinimumWidth(160)
        slider.valueChanged.connect(self._on_slider_moved)
        slider.sliderReleased.connect(self._on_slider_released)
        self.slider = slider
        row.addWidget(slider, 1)

    def _make_clear_and_level(self, row: QHBoxLayout, criterion_name: str) -> None:
        scale = self.scale
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setToolTip(
            self.tr("Clear this rating (or empty the field and press Enter)")
        )
        self.clear_button.setAccessibleName(
            fill(self.tr("Clear the rating for %1"), criterion_name)
        )
        self.clear_button.clicked.connect(self._on_clear)
        row.addWidget(self.clear_button)

        self.level_label = QLabel(self)
        self.level_label.setObjectName("levelLabel")
        self.level_label.setTextFormat(Qt.TextFormat.PlainText)
        longest = max((lv.label for lv in scale.levels), key=len, default="")
        self.level_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(longest))
        row.addWidget(self.level_label)
        # With buttons, a checked button names its level; the label is only for narrow rows.
        self.level_label.setVisible(not self.buttons)
        self._wide_enough = 0  # the row's need with every label: measured at the first resize

    # --- what the owner tells us -------------------------------------------------------
    @property
    def saved(self) -> float | None:
        return self._saved

    def set_saved(self, value: float | None) -> None:
        """``value`` is what the panel file holds now: show it, forget any error."""
        self._saved = value
        self._show_value(value)
        self._set_state("", "")

    def refuse(self, reason: str) -> None:
        """The typed value broke the rubric: keep the saved one, say why, let the judge retype."""
        self._show_value(self._saved)
        self._set_state("refused", reason)
        if self.edit.hasFocus():
            self.edit.selectAll()

    def mark_unsaved(self, reason: str) -> None:
        """The value could not be written: keep what was typed so it can be saved again."""
        self._set_state("unsaved", reason)

    def flag(self, reason: str) -> None:
        """Draw attention to this rating (it is missing when locking) without changing it."""
        self._set_state("flagged", reason)

    def error(self) -> str:
        """The sentence shown under the rating, or "" when all is well."""
        return self.error_label.text() if self._state else ""

    @property
    def unsaved(self) -> bool:
        """The last attempt to save failed; the typed value is kept for the next try."""
        return self._state == "unsaved"

    @property
    def refused(self) -> bool:
        """The last value typed broke the rubric and was not saved."""
        return self._state == "refused"

    # --- pending input -------------------------------------------------------------------
    def pending(self) -> bool:
        """True when the field holds text that is not the saved rating (or a failed save)."""
        if self._state == "unsaved":
            return True
        try:
            value = parse_rating(self.edit.text())
        except ValidationError:
            return True
        return not _same(value, self._saved)

    def commit_text(self) -> None:
        """Save what is typed if it is not what is saved (Enter, Tab, leaving the field)."""
        if not self.isEnabled():
            return
        try:
            value = parse_rating(self.edit.text())
        except ValidationError as error:
            self.refuse(error.text())
            return
        if _same(value, self._saved) and self._state != "unsaved":
            self._show_value(self._saved)  # tidy "4.0" into "4"
            return
        self.committed.emit(value)

    # --- events --------------------------------------------------------------------------
    def _on_text_edited(self, text: str) -> None:
        if self._one_key and re.fullmatch(r"\s*[+-]?\d\s*", text):
            self.commit_text()
            self.edit.selectAll()

    def _on_return(self) -> None:
        self.commit_text()
        if self._state in ("", "unsaved"):
            self.advance.emit()

    def _on_level(self, value: float) -> None:
        self.edit.setText(format_rating(value, self.scale, self._locale))
        self._commit_value(value)

    def _on_slider_moved(self, index: int) -> None:
        assert self.slider is not None
        value = self._values[index]
        self.level_label.setText(self.scale.label_for(value))
        self.edit.setText(format_rating(value, self.scale, self._locale))
        if not self.slider.isSliderDown():
            self._commit_value(value)

    def _on_slider_released(self) -> None:
        assert self.slider is not None
        self._commit_value(self._values[self.slider.value()])

    def _on_clear(self) -> None:
        self.edit.clear()
        self._commit_value(None)

    def _commit_value(self, value: float | None) -> None:
        if not _same(value, self._saved) or self._state == "unsaved":
            self.committed.emit(value)
        if self._state != "unsaved":
            self._show_value(self._saved)  # saved: shows the new value; refused: the old one

    # --- drawing -------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A margin between the two thresholds: the switch itself may show or hide the
        # criteria's scroll bar, and must not make the row flip back and forth.
        width = event.size().width()
        if self.buttons and not self._compact and not self._measured:
            self._measure_full_row()
        threshold = self._wide_enough + (24 if self._compact else 0)
        compact = bool(self.buttons) and width < threshold
        if compact != self._compact:
            self._set_compact(compact)

    def _measure_full_row(self) -> None:
        """The row's need with every label, measured on the styled buttons in bold (a guess from
        the font fell short at 150 %: "Sang…rang"); while labels show, none is cut."""
        self._measured = True
        bold = QFont(self.font())
        bold.setBold(True)
        bold_metrics, metrics = QFontMetrics(bold), self.fontMetrics()
        for button, (full, _number) in zip(self.buttons, self._button_texts, strict=True):
            line = max(full.split("\n"), key=metrics.horizontalAdvance)
            extra = max(0, bold_metrics.horizontalAdvance(line) - metrics.horizontalAdvance(line))
            self._full_widths.append(max(36, button.sizeHint().width() + extra))
        fixed = self.edit.minimumWidth() + self.clear_button.sizeHint().width()
        needed = fixed + sum(self._full_widths) + 4 * (len(self.buttons) + 2)  # + spacing
        self._wide_enough = needed
        self._keep_labels_whole()

    def _keep_labels_whole(self) -> None:
        for button, full_width in zip(self.buttons, self._full_widths, strict=False):
            button.setMinimumWidth(36 if self._compact else full_width)

    def _set_compact(self, compact: bool) -> None:
        """Too narrow for "4 Baik" on every button: numbers only, the level named beside."""
        self._compact = compact
        for button, (full, number) in zip(self.buttons, self._button_texts, strict=True):
            button.setText(number if compact else full)
        self._keep_labels_whole()
        self.level_label.setVisible(compact)

    @property
    def compact(self) -> bool:
        return self._compact

    def _show_value(self, value: float | None) -> None:
        text = "" if value is None else format_rating(value, self.scale, self._locale)
        if self.edit.text() != text:
            self.edit.setText(text)
        for button, level in zip(self.buttons, self._values, strict=False):
            button.setChecked(value is not None and _same(level, value))
        if self.slider is not None:
            index = 0
            if value is not None:
                index = min(range(len(self._values)), key=lambda i: abs(self._values[i] - value))
            self.slider.blockSignals(True)
            self.slider.setValue(index)
            self.slider.blockSignals(False)
        self.level_label.setText("" if value is None else self.scale.label_for(value))
        self.clear_button.setEnabled(value is not None)

    def _set_state(self, state: str, reason: str) -> None:
        self._state = state if reason else ""
        self.error_label.setText(reason)
        self.error_label.setVisible(bool(reason))
        style = FIELD_UNSAVED_STYLE if state == "unsaved" else FIELD_ERROR_STYLE
        self.edit.setStyleSheet(style if reason else "")
        self.edit.setAccessibleDescription(reason or self._range_text())

    def _range_text(self) -> str:
        lo = format_rating(self.scale.minimum, self.scale, self._locale)
        hi = format_rating(self.scale.maximum, self.scale, self._locale)
        step = format_rating(self.scale.step, self.scale, self._locale)
        return fill(self.tr("From %1 to %2 in steps of %3"), lo, hi, step)


class CriterionCard(QFrame):
    """One criterion: name, weight, description, the rating and a short note."""

    def __init__(
        self,
        number: int,
        criterion: Criterion,
        scale: Scale,
        locale: QLocale,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.setObjectName("criterionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.title = QLabel(f"{number}. {criterion.name}", self)
        emphasise(self.title)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)

        weight = locale.toString(
            float(criterion.weight), "f", 0 if criterion.weight.is_integer() else 1
        )
        self.weight = QLabel(fill(self.tr("Weight %1%"), weight), self)
        self.weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)

        self.description = QLabel(criterion.description, self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setStyleSheet("color: palette(placeholder-text);")
        self.description.setVisible(bool(criterion.description.strip()))

        self.rating = RatingInput(scale, criterion.name, locale, self)

        self.levels: QLabel | None = None
        if not self.rating.buttons and scale.levels:
            shown = " · ".join(
                f"{format_rating(lv.value, scale, locale)} {lv.label}" for lv in scale.levels
            )
            self.levels = QLabel(shown, self)
            self.levels.setWordWrap(True)
            self.levels.setTextFormat(Qt.TextFormat.PlainText)

        self.note = QLineEdit(self)
        self.note.setObjectName("criterionNote")
        self.note.setPlaceholderText(fill(self.tr("Note on %1"), criterion.name))
        self.note.setAccessibleName(fill(self.tr("Note on %1"), criterion.name))
        self.note.setClearButtonEnabled(False)

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        top.addWidget(self.weight, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.description)
        if self.levels is not None:
            layout.addWidget(self.levels)
        layout.addWidget(self.rating)
        layout.addWidget(self.note)
        layout.addStretch(1)  # any spare height goes below the note, not into the title


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) < 1e-9
