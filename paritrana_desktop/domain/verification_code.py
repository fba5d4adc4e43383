"""The verification code printed on the papers: a panel file's exact state, short enough to type.

Form: ``J03-0139-7FK3A9Q``, in three parts separated by hyphens:
- the judge's ID (``J03``);
- the number of entries in the file's audit chain, at least four digits (``0139``);
- seven characters: two derived from the file's panel ID (which file), four from the panel ID,
  the number of entries and the chain's head hash (which exact state), and one check character
  over everything before it (Luhn mod 32), so a mistyped code is told apart from another one.

The characters come from Crockford's base 32 (digits and letters without I, L, O, U), so nothing
looks like something else; on input the code is case-insensitive, O is read as 0 and I or L as 1,
and spaces are ignored. The code identifies a state; it is not a signature (the audit chain and
the file's signatures are what resist tampering).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from paritrana_desktop.domain.text import Text

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_INDEX = {c: i for i, c in enumerate(ALPHABET)}
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_PANEL_CHARS = 2
_STATE_CHARS = 4
_TAIL = re.compile(rf"^[0-9]{{4,}}-[{ALPHABET}]{{{_PANEL_CHARS + _STATE_CHARS + 1}}}$")


def _encode(digest: bytes, chars: int) -> str:
    number = int.from_bytes(digest, "big") >> (len(digest) * 8 - 5 * chars)
    out = []
    for _ in range(chars):
        number, low = divmod(number, 32)
        out.append(ALPHABET[low])
    return "".join(reversed(out))


def _panel_part(panel_id: str) -> str:
    return _encode(hashlib.sha256(f"paritrana-panel\0{panel_id}".encode()).digest(), _PANEL_CHARS)


def _state_part(panel_id: str, entries: int, head_hash: str) -> str:
    data = f"paritrana-state\0{panel_id}\0{entries}\0{head_hash}".encode()
    return _encode(hashlib.sha256(data).digest(), _STATE_CHARS)


def _value(char: str) -> int:
    return _INDEX.get(char, ord(char) % 32)


def _check_char(body: str) -> str:
    """Luhn mod 32 over ``body``: catches any one wrong character and most swapped pairs."""
    total = 0
    factor = 2
    for char in reversed(body):
        addend = factor * _value(char)
        total += addend // 32 + addend % 32
        factor = 1 if factor == 2 else 2
    return ALPHABET[(32 - total % 32) % 32]


def normalise_judge_id(judge_id: str) -> str:
    """A judge ID as codes compare it: upper case, O as 0, I and L as 1, no spaces."""
    return "".join(judge_id.split()).upper().translate(_READ_AS)


def make_code(judge_id: str, panel_id: str, entries: int, head_hash: str) -> str:
    """The code of a panel file in the state with ``entries`` audit entries ending in
    ``head_hash``."""
    if entries < 0:
        raise ValueError(f"entries must be >= 0, got {entries}")
    judge = normalise_judge_id(judge_id)
    if not judge:
        raise ValueError("a verification code needs the judge's ID")
    digest = _panel_part(panel_id) + _state_part(panel_id, entries, head_hash)
    count = f"{entries:04d}"
    return f"{judge}-{count}-{digest}{_check_char(judge + count + digest)}"


@dataclass(frozen=True, slots=True)
class ParsedCode:
    judge_id: str
    entries: int
    panel_part: str
    state_part: str


def parse_code(text: str) -> ParsedCode | None:
    """The parts of a code as typed, or ``None`` when it is not a well-formed code with a good
    check character (a mistyped one)."""
    cleaned = "".join(text.split()).upper()
    judge, sep, tail = cleaned.rpartition("-")
    judge, sep2, count = judge.rpartition("-")
    if not (sep and sep2 and judge):
        return None
    tail = tail.translate(_READ_AS)
    count = count.translate(_READ_AS)
    if not _TAIL.match(f"{count}-{tail}"):
        return None
    judge = normalise_judge_id(judge)
    if _check_char(judge + count + tail[:-1]) != tail[-1]:
        return None
    return ParsedCode(
        judge, int(count), tail[:_PANEL_CHARS], tail[_PANEL_CHARS : _PANEL_CHARS + _STATE_CHARS]
    )


class Outcome(StrEnum):
    SAME = "same"  # the file is in exactly the state the code names
    CHANGED_SINCE = "changed_since"  # the same file, with more entries than when printed
    OLDER = "older"  # the same file, with fewer entries than the code names (an older copy)
    OTHER_FILE = "other_file"  # another file, another judge's, or a different history
    MISTYPED = "mistyped"  # not a code: a character is wrong, missing or extra


@dataclass(frozen=True, slots=True)
class Comparison:
    outcome: Outcome
    difference: int  # entries in the file minus entries in the code (0 unless same file)
    message: Text


def compare(
    code_text: str,
    judge_id: str,
    panel_id: str,
    entries: int,
    head_hash: str,
    *,
    head_at: Mapping[int, str] | None = None,
) -> Comparison:
    """Which holds between a typed code and a file's current state.

    ``head_at`` maps an earlier number of entries to the chain's head hash then; with it a code
    printed from an earlier state of this very file is confirmed, without it the file's panel ID
    and judge decide that it is the same file."""
    parsed = parse_code(code_text)
    if parsed is None:
        return Comparison(
            Outcome.MISTYPED,
            0,
            Text(
                f"Kode {code_text.strip()!r} salah ketik: periksa lagi setiap hurufnya.",
                f"The code {code_text.strip()!r} is mistyped: check each character again.",
            ),
        )
    same_file = parsed.judge_id == normalise_judge_id(
        judge_id
    ) and parsed.panel_part == _panel_part(panel_id)
    if same_file and parsed.entries == entries:
        if parsed.state_part == _state_part(panel_id, entries, head_hash):
            return Comparison(
                Outcome.SAME,
                0,
                Text(
                    "Berkas ini tepat dalam keadaan yang disebut kode.",
                    "The file is exactly in the state the code names.",
                ),
            )
        same_file = False
    elif same_file and head_at is not None and parsed.entries in head_at:
        earlier = _state_part(panel_id, parsed.entries, head_at[parsed.entries])
        same_file = parsed.state_part == earlier
    if not same_file:
        return Comparison(
            Outcome.OTHER_FILE,
            0,
            Text(
                "Kode ini milik berkas lain, panelis lain, atau riwayat yang berbeda.",
                "The code belongs to another file, another judge, or a different history.",
            ),
        )
    difference = entries - parsed.entries
    if difference > 0:
        return Comparison(
            Outcome.CHANGED_SINCE,
            difference,
            Text(
                f"Berkas ini berubah sejak kode dicetak: {difference} perubahan sesudahnya.",
                f"The file has changed since the code was printed: {difference} changes since.",
            ),
        )
    return Comparison(
        Outcome.OLDER,
        difference,
        Text(
            f"Berkas ini salinan lama: {-difference} perubahan lebih sedikit dari kode itu.",
            f"The file is an older copy: {-difference} changes fewer than the code names.",
        ),
    )
