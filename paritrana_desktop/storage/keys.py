"""The judge's signing keys: Ed25519, one per judge per laptop, kept in the data folder.

Key files live in the ``keys`` folder of the judge's data folder (see
:func:`default_key_folder`), never beside the panel files that travel. Each is readable by its
owner alone (mode 0600 where the system has modes) and is named after the key's public half, so
a file finds the key that signs it. The private key is never written anywhere else: not into a
panel file, a copy for the chair, a register or a document.

The signing is PyNaCl's (libsodium): the ``cryptography`` package would add some 12 MB to the
bundle, which holds to 150 MB (docs/dev/packaging.md). A key file is the usual unencrypted
PKCS#8 PEM form of an Ed25519 key (RFC 8410), which other tools read: a fixed 16-byte DER
prefix and the key's 32-byte seed.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import CryptoError
from nacl.signing import SigningKey as Ed25519PrivateKey
from nacl.signing import VerifyKey

from ..domain.merge_reasons import os_reason
from ..domain.text import Text
from ..domain.trust import fingerprint
from .errors import StorageError, cannot_write

ENV_KEY_DIR = "PARITRANA_KEY_DIR"
_SUFFIX = ".ed25519"
# PKCS#8 v1 for Ed25519 (RFC 8410): SEQUENCE { version 0, AlgorithmIdentifier 1.3.101.112,
# OCTET STRING { OCTET STRING seed } }, before the 32 bytes of the seed.
_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
_PEM_BEGIN, _PEM_END = b"-----BEGIN PRIVATE KEY-----", b"-----END PRIVATE KEY-----"


@dataclass(frozen=True)
class SigningKey:
    """A private key in memory; ``public_hex`` is what files store."""

    private: Ed25519PrivateKey

    @property
    def public_hex(self) -> str:
        return bytes(self.private.verify_key).hex()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_hex)

    def sign(self, message: bytes) -> str:
        return self.private.sign(message).signature.hex()


def new_key() -> SigningKey:
    return SigningKey(Ed25519PrivateKey.generate())


def _pem(key: Ed25519PrivateKey) -> bytes:
    body = base64.b64encode(_PKCS8_PREFIX + bytes(key))
    return b"\n".join([_PEM_BEGIN, body, _PEM_END, b""])


def _from_pem(data: bytes) -> Ed25519PrivateKey | None:
    lines = data.strip().splitlines()
    if len(lines) < 3 or lines[0].strip() != _PEM_BEGIN or lines[-1].strip() != _PEM_END:
        return None
    try:
        der = base64.b64decode(b"".join(line.strip() for line in lines[1:-1]), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(der) != len(_PKCS8_PREFIX) + 32 or not der.startswith(_PKCS8_PREFIX):
        return None
    return Ed25519PrivateKey(der[len(_PKCS8_PREFIX) :])


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
    pem = _pem(key.private)
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
    private = _from_pem(data)
    if private is None:
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
        VerifyKey(bytes.fromhex(public_hex)).verify(message, bytes.fromhex(signature_hex))
    except (CryptoError, ValueError):
        return False
    return True


def remove_key(path: Path | None) -> None:
    """Remove a key saved for a file whose making failed afterwards."""
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


def _is_hex(text: str, size: int) -> bool:
    return len(text) == 2 * size and all(c in "0123456789abcdef" for c in text)
