"""What the windows show about trust in a file: "Tentang berkas saya" (the judge's own file,
its key and code) and, for the chair's register page, the keys the offered panel files carry.
Read only; nothing is written here."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..domain.trust import KeyChange, Signing
from ..storage.keys import default_key_folder, load_key
from ..storage.panel_file import PanelFile
from .codes import panel_code
from .merge_inputs import read_source

__all__ = ["AboutFile", "OfferedKey", "about_file", "offered_key"]


@dataclass(frozen=True)
class AboutFile:
    """ "Tentang berkas saya": the file, whose it is, its key and the code of its state."""

    path: Path
    judge_id: str
    judge_name: str
    panel_id: str
    fingerprint: str | None  # None: a file of the earlier, unsigned format
    key_here: bool  # the private key that signs it is on this laptop
    code: str


def about_file(panel: PanelFile, key_folder: Path | None = None) -> AboutFile:
    public = panel.public_key
    key_here = (
        public is not None and load_key(key_folder or default_key_folder(), public) is not None
    )
    return AboutFile(
        path=panel.path,
        judge_id=panel.judge.id,
        judge_name=panel.judge.name,
        panel_id=panel.panel_id,
        fingerprint=panel.key_fingerprint,
        key_here=key_here,
        code=panel_code(panel),
    )


@dataclass(frozen=True)
class OfferedKey:
    """The key a panel file offered to the merge carries, for the chair to compare with the
    register and the signed lembar."""

    path: Path
    judge_id: str | None
    fingerprint: str | None  # None: unsigned, or not a readable panel file
    signing: Signing | None
    key_changes: tuple[KeyChange, ...] = ()


def offered_key(path: Path) -> OfferedKey:
    """The judge and key of the panel file at ``path`` as the merge reads it (no judge when it
    is not a readable panel file)."""
    with tempfile.TemporaryDirectory(prefix="paritrana-keys-") as tmp:
        source = read_source(Path(path), Path(tmp))
    panel = source.panel
    if panel is None:
        return OfferedKey(Path(path), None, None, None)
    trust = panel.trust
    if trust is None:
        return OfferedKey(Path(path), panel.judge.id, None, None)
    return OfferedKey(
        Path(path), panel.judge.id, trust.current_fingerprint, trust.signing, trust.key_changes
    )
