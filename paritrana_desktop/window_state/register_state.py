"""The rules of the chair's register page, without Qt: one row per judge from what the register
holds and what the files offered to the merge carry, and what each row lets the chair do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..domain.errors import UserError
from ..domain.text import Text
from ..domain.trust import KeyChange, RegisterView, Signing, allowed_fingerprints
from ..workflows.file_facts import OfferedKey


class KeyState(Enum):
    MATCHES = "matches"  # the file's key is the registered one (or an accepted change)
    NOT_REGISTERED = "not-registered"  # no key for this judge yet: register it from the lembar
    CHANGE_PENDING = "change-pending"  # the file records a change the chair has not accepted
    DIFFERS = "differs"  # signed with a key that is neither registered nor a recorded change
    UNSIGNED = "unsigned"  # a file of the earlier format, or one whose signatures fail
    NO_FILE = "no-file"  # registered, but no file of this judge is in the merge's list


@dataclass(frozen=True)
class JudgeRow:
    judge_id: str
    registered: str | None
    offered: str | None
    file: Path | None
    state: KeyState
    change: KeyChange | None = None  # the change awaiting the chair's acceptance

    @property
    def can_register(self) -> bool:
        return self.state is KeyState.NOT_REGISTERED and self.file is not None

    @property
    def can_accept(self) -> bool:
        return self.state is KeyState.CHANGE_PENDING and self.file is not None


def _state(offer: OfferedKey, view: RegisterView) -> tuple[KeyState, KeyChange | None]:
    judge = str(offer.judge_id)
    if offer.signing is not Signing.SIGNED or offer.fingerprint is None:
        return KeyState.UNSIGNED, None
    allowed = allowed_fingerprints(judge, view)
    if not allowed:
        return KeyState.NOT_REGISTERED, None
    if offer.fingerprint in allowed:
        return KeyState.MATCHES, None
    change = next((c for c in offer.key_changes if c.new_fingerprint == offer.fingerprint), None)
    if change is not None:
        return KeyState.CHANGE_PENDING, change
    return KeyState.DIFFERS, None


def judge_rows(view: RegisterView | None, offered: Sequence[OfferedKey]) -> list[JudgeRow]:
    """Every judge either registered or with a panel file in the list, by judge ID; a judge
    with several files gets one row per file."""
    view = view or RegisterView()
    rows: list[JudgeRow] = []
    seen: set[str] = set()
    for offer in offered:
        if offer.judge_id is None:
            continue  # not a readable panel file: the merge's table says why
        seen.add(offer.judge_id)
        state, change = _state(offer, view)
        registered = view.keys.get(offer.judge_id)
        rows.append(
            JudgeRow(offer.judge_id, registered, offer.fingerprint, offer.path, state, change)
        )
    for judge, fp in view.keys.items():
        if judge not in seen:
            rows.append(JudgeRow(judge, fp, None, None, KeyState.NO_FILE))
    return sorted(rows, key=lambda r: (r.judge_id, str(r.file or "")))


def check_name(name: str) -> None:
    """Who typed or confirms a code must be named."""
    if not " ".join(name.split()):
        raise UserError(
            Text(
                "Tuliskan nama Anda di kotak Nama: register mencatat siapa yang mengetik dan "
                "siapa yang mengonfirmasi setiap kode.",
                "Type your name in the Name box: the register records who typed and who "
                "confirmed each code.",
            )
        )


def check_fingerprint_typed(text: str) -> None:
    if not text.strip():
        raise UserError(
            Text(
                "Ketik sidik jari kunci yang tercetak di lembar penilaian bertanda tangan "
                "panelis, lalu tekan Daftarkan kunci.",
                "Type the key fingerprint printed on the judge's signed score sheet, then "
                "press Register key.",
            )
        )
