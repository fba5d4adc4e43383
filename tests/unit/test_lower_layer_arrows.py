"""The lower layers do not lean sideways on each other: excel and storage share only domain.

(``test_architecture`` checks the arrows between the upper and the lower layers; this checks
the two lower layers that both turn files into domain objects.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_architecture import REPO, _files, _imports_of

SIDEWAYS = {
    "excel": ("paritrana_desktop.storage",),
    "storage": ("paritrana_desktop.excel",),
}


def _starts_with(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("path", _files("excel", "storage"), ids=lambda p: str(p.relative_to(REPO)))
def test_excel_and_storage_do_not_import_each_other(path: Path) -> None:
    layer = path.relative_to(REPO).parts[1]
    wrong = [name for name in _imports_of(path) if _starts_with(name, SIDEWAYS[layer])]
    assert wrong == [], f"{path.relative_to(REPO)} imports {wrong}"


def test_the_check_would_see_the_old_sideways_import() -> None:
    from tests.unit.test_architecture import imported_modules

    found = set(
        imported_modules("from ..storage.errors import cannot_write", "paritrana_desktop.excel.t")
    )
    assert _starts_with(next(iter(found)), SIDEWAYS["excel"])
