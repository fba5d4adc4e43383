"""Writing a document all or nothing: into a temporary file beside it, then renamed over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.merge_reasons import os_reason
from paritrana_desktop.domain.text import Text


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` with a temporary path in ``path``'s folder, then rename it to ``path``.

    A reader never sees half a document, and a failure leaves whatever was at ``path`` before.
    A folder that cannot be written (missing, read-only, full) is the user's to fix."""
    path = Path(path)
    try:
        handle, name = tempfile.mkstemp(
            prefix=f".{path.stem}-", suffix=path.suffix + ".tmp", dir=path.parent
        )
    except OSError as error:
        raise _cannot_write(path, error) from error
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise _cannot_write(path, error) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


def _cannot_write(path: Path, error: OSError) -> UserError:
    reason = os_reason(error)
    return UserError(
        Text(
            f"Dokumen {path} tidak dapat ditulis ({reason.id}); pilih folder lain atau kosongkan "
            "ruang disk.",
            f"The document {path} cannot be written ({reason.en}); choose another folder or "
            "free some disk space.",
        )
    )
