"""The Qt user interface: the only package that imports PySide6."""

from .pyside_refcounts import protect as _protect_singletons

# Before any window: PySide6 6.12 on Python 3.11 loses references to None/True/False.
_protect_singletons()
