"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12 hands back ``None`` from every void method (``label.setText(...)``,
``widget.show()``, ``app.processEvents()``) and ``True`` from ``Signal.emit()`` and
``disconnect()`` without the reference that the caller is meant to own. From Python 3.12 on
these objects are immortal (PEP 683) and nothing shows; on Python 3.11 every such call takes
one reference away for good, and after some thousands of calls the interpreter aborts with
"Fatal Python error: none_dealloc: deallocating None" (or ``bool_dealloc``). A window that is
used for an afternoon makes far more calls than that.

:func:`protect` measures whether the running PySide6 does this and, only then, gives the three
objects so many extra references (2**40) that no session can use them up, which is what
Python 3.12 does for them anyway. On a PySide6 or a Python that behaves it changes nothing.
``paritrana_desktop.ui`` calls it on import, before any window exists.
"""

from __future__ import annotations

import ctypes
import sys

EXTRA_REFERENCES = 1 << 40
_PROBES = 16
_protected = False


def leaks() -> bool:
    """Whether this PySide6 loses references to ``None`` (void methods) or ``True`` (emit)."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
        probe.ping.emit()
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    # A binding that behaves loses nothing; this one loses one per call.
    return lost_none >= _PROBES // 2 or lost_true >= _PROBES // 2


def protect() -> bool:
    """Make ``None``, ``True`` and ``False`` effectively immortal if PySide6 needs it."""
    global _protected
    if _protected or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _protected
    if not leaks():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += EXTRA_REFERENCES
    _protected = True
    return True


def is_protected() -> bool:
    return _protected
