"""Signing a panel file's changes: each audit entry, and the file's head, with the judge's key.

``PanelFile`` holds a :class:`Signer`; a file of the earlier, unsigned format gets one that signs
nothing (its entries stay unsigned, as they always were). The key is looked up in the key folder
by the public key the file names, the first time a change is signed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import sqlite_utils

from ..domain.text import Text
from ..domain.trust import entry_message, head_message
from .audit import AuditEntry
from .errors import StorageError
from .keys import SigningKey, load_key


class Signer:
    """Signs the entries of one panel file with the key whose public half is ``public_hex``."""

    def __init__(self, public_hex: str | None, key_folder: Path, file_name: str) -> None:
        self.public_hex = public_hex
        self.key_folder = key_folder
        self._file_name = file_name
        self._key: SigningKey | None = None

    @property
    def signs(self) -> bool:
        return self.public_hex is not None

    def use(self, key: SigningKey) -> None:
        """Sign from now on with ``key`` (a new file, or a key change on a new laptop)."""
        self._key = key
        self.public_hex = key.public_hex

    def _loaded(self) -> SigningKey:
        if self._key is None and self.public_hex is not None:
            self._key = load_key(self.key_folder, self.public_hex)
        if self._key is None:
            raise StorageError(
                Text(
                    f"Kunci tanda tangan untuk {self._file_name} tidak ada di laptop ini, jadi "
                    "tidak ada perubahan yang disimpan. Bila Anda pindah laptop, pakai 'Lanjutkan "
                    "dari salinan' agar berkas mendapat kunci baru.",
                    f"The signing key of {self._file_name} is not on this laptop, so nothing was "
                    "saved. If you moved to another laptop, use 'Continue from a copy' so that "
                    "the file gets a new key.",
                )
            )
        return self._key

    def sign(self, entry: AuditEntry, panel_id: str, judge_id: str) -> tuple[AuditEntry, str]:
        """``entry`` with its signature, and the head signature for the chain ending in it;
        unchanged and empty for an unsigned file."""
        if not self.signs:
            return entry, ""
        key = self._loaded()
        signed = replace(entry, signature=key.sign(entry_message(entry.hash)))
        return signed, key.sign(head_message(panel_id, judge_id, entry.seq, entry.hash))

    def store(self, db: sqlite_utils.Database, entry: AuditEntry, head: str) -> None:
        """Append ``entry`` and, for a signed file, the new head signature (inside the caller's
        transaction)."""
        db.table("audit_log").insert(entry.to_row())
        if self.signs:
            db.execute(
                "UPDATE panel SET head_signature = ?, public_key = ?", [head, self.public_hex]
            )
