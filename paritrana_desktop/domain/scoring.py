"""A judge's total for one interview.

    total = sum(weight x rating) / sum(weight)      over the rated criteria, on the scale
    percent = total / scale maximum x 100

A total over fewer criteria than the rubric has is marked incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass

from .event import Category
from .scorecard import Scorecard


@dataclass(frozen=True)
class Total:
    value: float
    percent: float
    complete: bool


def weighted_total(category: Category, card: Scorecard) -> Total | None:
    """The weighted mean of the card's ratings, or None when nothing is rated."""
    rated = [c for c in category.criteria if c.code in card.ratings]
    if not rated or card.conflict:
        return None
    weight = sum(c.weight for c in rated)
    value = sum(c.weight * card.ratings[c.code] for c in rated) / weight
    return Total(
        value=value,
        percent=value / category.scale.maximum * 100.0,
        complete=len(rated) == len(category.criteria),
    )
