"""The rubric: a category's criteria and weights, and the rating scale its judges score on."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from .errors import ValidationError
from .numbers import format_number
from .text import Text

WEIGHT_TOTAL = 100.0
_EPS = 1e-9
# A rating scale holds at most this many ratings (0 to 1000 in steps of 1, or 0 to 100 in steps
# of 0.1), its bounds lie within +-SCALE_LIMIT and its step is at least MIN_STEP: ratings are
# rounded to 9 decimals, and a judge picks one rating from a list.
MAX_LEVELS = 1001
SCALE_LIMIT = 1_000_000.0
MIN_STEP = 0.0001


@dataclass(frozen=True)
class ScaleLevel:
    """One named level of a rating scale, e.g. 1 = "Sangat kurang"."""

    value: float
    label: str


@dataclass(frozen=True)
class Scale:
    """Ratings run from ``minimum`` to ``maximum`` in steps of ``step``."""

    minimum: float
    maximum: float
    step: float
    levels: tuple[ScaleLevel, ...] = ()

    def __post_init__(self) -> None:
        self._check_size()
        if not self.maximum > self.minimum:
            low_id, high_id, _ = self._numbers("id")
            low, high, _ = self._numbers("en")
            raise ValidationError(
                Text(
                    f"Skala tidak sah: maksimum ({high_id}) harus lebih besar dari minimum "
                    f"({low_id}).",
                    f"Invalid scale: the maximum ({high}) must be greater than the minimum "
                    f"({low}).",
                ),
            )
        if not self.step > 0:
            raise ValidationError(
                Text(
                    f"Skala tidak sah: langkah harus lebih dari 0, bukan "
                    f"{format_number(self.step, 'id')}.",
                    f"Invalid scale: the step must be more than 0, not {format_number(self.step)}.",
                ),
            )
        if not _is_multiple(self.maximum - self.minimum, self.step):
            low_id, high_id, step_id = self._numbers("id")
            low, high, step = self._numbers("en")
            raise ValidationError(
                Text(
                    f"Skala tidak sah: dari {low_id} ke {high_id} tidak habis dibagi langkah "
                    f"{step_id}.",
                    f"Invalid scale: {low} to {high} is not a whole number of steps of {step}.",
                ),
            )
        values = [level.value for level in self.levels]
        doubled = sorted({v for v in values if values.count(v) > 1})
        if doubled:
            # "1,5; 2" in Indonesian: a comma there is the decimal separator
            listed_id = "; ".join(format_number(v, "id") for v in doubled)
            listed = ", ".join(format_number(v) for v in doubled)
            raise ValidationError(
                Text(
                    f"Skala tidak sah: keterangan ganda untuk nilai {listed_id}.",
                    f"Invalid scale: more than one descriptor for {listed}.",
                ),
            )
        for level in self.levels:
            self.check(level.value)

    def _check_size(self) -> None:
        """Finite bounds within ``SCALE_LIMIT`` and at most ``MAX_LEVELS`` ratings: a judge picks
        one of them, and a scale of a billion steps would only exhaust the memory."""
        bounds = (self.minimum, self.maximum, self.step)
        if not all(math.isfinite(x) and abs(x) <= SCALE_LIMIT for x in bounds):
            limit_id, limit = format_number(SCALE_LIMIT, "id"), format_number(SCALE_LIMIT)
            raise ValidationError(
                Text(
                    f"Skala tidak sah: minimum, maksimum dan langkah harus angka antara "
                    f"-{limit_id} dan {limit_id}.",
                    f"Invalid scale: the minimum, maximum and step must be numbers from "
                    f"-{limit} to {limit}.",
                ),
            )
        if self.step > 0 and self.step < MIN_STEP:
            raise ValidationError(
                Text(
                    f"Skala tidak sah: langkah {format_number(self.step, 'id')} terlalu kecil; "
                    f"paling kecil {format_number(MIN_STEP, 'id')}.",
                    f"Invalid scale: a step of {format_number(self.step)} is too small; the "
                    f"smallest is {format_number(MIN_STEP)}.",
                ),
            )
        if self.step > 0 and (self.maximum - self.minimum) / self.step > MAX_LEVELS - 1 + 1e-6:
            count = (self.maximum - self.minimum) / self.step + 1
            raise ValidationError(
                Text(
                    f"Skala tidak sah: {format_number(math.floor(count), 'id')} nilai "
                    f"terlalu banyak; paling banyak {MAX_LEVELS} nilai. Perbesar langkahnya "
                    "atau persempit rentangnya (misalnya 1 sampai 5, atau 0 sampai 100 dengan "
                    "langkah 5).",
                    f"Invalid scale: {format_number(math.floor(count))} ratings are too many; "
                    f"at most {MAX_LEVELS}. Use a larger step or a narrower range (for "
                    "example 1 to 5, or 0 to 100 in steps of 5).",
                ),
            )

    def _numbers(self, language: str) -> tuple[str, str, str]:
        """The minimum, the maximum and the step as ``language`` writes them."""
        return (
            format_number(self.minimum, language),
            format_number(self.maximum, language),
            format_number(self.step, language),
        )

    def check(self, value: float) -> None:
        """Raise ``ValidationError`` saying why ``value`` is not a rating on this scale."""
        outside = value != value or value < self.minimum - _EPS or value > self.maximum + _EPS
        if not outside and _is_multiple(value - self.minimum, self.step):
            return
        low_id, high_id, step_id = self._numbers("id")
        low, high, step = self._numbers("en")
        value_id, value_en = format_number(value, "id"), format_number(value)
        if outside:
            raise ValidationError(
                Text(
                    f"Nilai {value_id} di luar skala: isi antara {low_id} dan {high_id}.",
                    f"{value_en} is outside the scale: enter a value from {low} to {high}.",
                ),
            )
        raise ValidationError(
            Text(
                f"Nilai {value_id} tidak sesuai langkah skala: gunakan kelipatan {step_id} mulai "
                f"dari {low_id}.",
                f"{value_en} is off the scale's step: use steps of {step} from {low}.",
            ),
        )

    def values(self) -> list[float]:
        """Every rating the scale allows, lowest first."""
        count = round((self.maximum - self.minimum) / self.step)
        return [_clean(self.minimum + i * self.step) for i in range(count + 1)]

    def label_for(self, value: float) -> str:
        for level in self.levels:
            if abs(level.value - value) < _EPS:
                return level.label
        return ""


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    description: str
    weight: float


@dataclass(frozen=True)
class Category:
    """A category of participants and the rubric its judges score with."""

    code: str
    name: str
    criteria: tuple[Criterion, ...]
    scale: Scale
    weights_are_examples: bool = False

    def __post_init__(self) -> None:
        if not self.criteria:
            raise ValidationError(
                Text(
                    f"Kategori {self.name} belum punya kriteria.",
                    f"Category {self.name} has no criteria.",
                ),
            )
        codes = [c.code for c in self.criteria]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        if duplicates:
            raise ValidationError(
                Text(
                    f"Kategori {self.name}: kode kriteria ganda {', '.join(duplicates)}.",
                    f"Category {self.name}: duplicate criterion codes {', '.join(duplicates)}.",
                ),
            )
        for criterion in self.criteria:
            if not criterion.weight > 0:
                raise ValidationError(
                    Text(
                        f"Kategori {self.name}: bobot kriteria {criterion.code} harus lebih dari "
                        "0.",
                        f"Category {self.name}: the weight of {criterion.code} must be above 0.",
                    ),
                )
        total = sum(c.weight for c in self.criteria)
        if abs(total - WEIGHT_TOTAL) > 1e-6:
            raise ValidationError(
                Text(
                    f"Kategori {self.name}: jumlah bobot {format_number(round(total, 6), 'id')}, "
                    "seharusnya 100.",
                    f"Category {self.name}: the weights add up to "
                    f"{format_number(round(total, 6))}, not 100.",
                ),
            )

    def criterion(self, code: str) -> Criterion:
        for c in self.criteria:
            if c.code == code:
                return c
        raise KeyError(code)

    def criteria_by_weight(self) -> list[Criterion]:
        """Highest weight first; equal weights keep the rubric's order (used to break ties)."""
        return sorted(self.criteria, key=lambda c: -c.weight)


def _is_multiple(value: float, step: float) -> bool:
    quotient = Decimal(repr(value)) / Decimal(repr(step))
    return abs(quotient - round(quotient)) < Decimal("1e-6")


def _clean(value: float) -> float:
    return float(round(value, 9))
