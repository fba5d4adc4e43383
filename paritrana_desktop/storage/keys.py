"""The judge's signing keys: Ed25519, one per judge per laptop, kept in the data folder.

Key files live in the ``keys`` folder of the judge's data folder (see
:func:`default_key_folder`), never beside the panel files that travel. Each is readable by its
owner alone (mode 0600 where the system has modes) and is named after the key's public half, so
a file finds the key that signs it. The private key is never written anywhere else: not into a
panel file, a copy for the chair, a register or a document.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from ..domain.merge_reasons import os_reason
from ..domain.text import Text
from ..domain.trust import fingerprint
from .errors import StorageError, cannot_write

ENV_KEY_DIR = "PARITRANA_KEY_DIR"
_SUFFIX = ".ed25519"


@dataclass(frozen=True)
class SigningKey:
    """A private key in memory; ``public_hex`` is what files store."""

    private: Ed25519PrivateKey

    @property
    def public_hex(self) -> str:
        raw = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        return raw.hex()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_hex)

    def sign(self, message: bytes) -> str:
        return self.private.sign(message).hex()


def new_key() -> SigningKey:
    return SigningKey(Ed25519PrivateKey.generate())


def default_key_folder() -> Path:
    """The user's key folder on this laptop: ``keys`` in the judge's data folder (beside
    ``panels`` and ``logs``; ``ui.paths`` has the same data folder from Qt), or where
    ``PARITRANA_KEY_DIR`` or ``PARITRANA_DATA_DIR`` say."""
    chosen = os.environ.get(ENV_KEY_DIR)
    if chosen:
        return Path(chosen).expanduser()
    data = os.environ.get("PARITRANA_DATA_DIR")
    if data:
        return Path(data).expanduser() / "keys"
    appdata = os.environ.get("APPDATA")
    if os.name == "nt" and appdata:
        base = Path(appdata)
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "Paritrana" / "Paritrana Desktop" / "keys"


def _key_path(folder: Path, public_hex: str) -> Path:
    return folder / f"{public_hex[:32]}{_SUFFIX}"


def save_key(key: SigningKey, folder: Path) -> Path:
    """Write ``key`` into ``folder`` (made, owner-only, when missing); its path."""
    path = _key_path(folder, key.public_hex)
    pem = key.private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, pem)
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(OSError):  # a file system without modes
            os.chmod(path, 0o600)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    return path


def load_key(folder: Path, public_hex: str) -> SigningKey | None:
    """The private key whose public half is ``public_hex``, if it is in ``folder``."""
    path = _key_path(folder, public_hex)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(
            Text(
                f"Kunci tanda tangan {path} tidak dapat dibaca: {os_reason(exc).id}.",
                f"The signing key {path} cannot be read: {os_reason(exc).en}.",
            )
        ) from None
    try:
        private = serialization.load_pem_private_key(data, password=None)
    except ValueError:
        private = None
    if not isinstance(private, Ed25519PrivateKey):
        raise StorageError(
            Text(f"Kunci tanda tangan {path} rusak.", f"The signing key {path} is damaged.")
        )
    key = SigningKey(private)
    return key if key.public_hex == public_hex else None


def signature_holds(public_hex: str | None, signature_hex: str | None, message: bytes) -> bool:
    """Whether ``signature_hex`` is ``public_hex``'s signature of ``message``."""
    if not isinstance(public_hex, str) or not isinstance(signature_hex, str):
        return False
    if not (_is_hex(public_hex, 32) and _is_hex(signature_hex, 64)):
        return False  # only the exact form the program writes
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        public.verify(bytes.fromhex(signature_hex), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def remove_key(path: Path | None) -> None:
    """Remove a key saved for a file whose making failed afterwards."""
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def _is_hex(text: str, size: int) -> bool:
    return len(text) == 2 * size and all(c in "0123456789abcdef" for c in text)
