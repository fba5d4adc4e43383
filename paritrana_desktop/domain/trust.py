"""Trust in a panel file, as pure rules: the fingerprint of a judge's key, what a signature
covers, the key changes a file records, and what the chair's register says about a file.

The signatures themselves (Ed25519) are made and checked in ``storage``; here are only the
messages they cover and the decisions taken on what was found. Under Indonesian law these are
"tanda tangan elektronik tidak tersertifikasi" (uncertified electronic signatures); the wet
signatures on the papers remain the official record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .text import Text
from .verification_code import make_code, parse_code

LEGAL_NAME = Text(
    "tanda tangan elektronik tidak tersertifikasi",
    "uncertified electronic signature (tanda tangan elektronik tidak tersertifikasi)",
)

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def fingerprint(public_key_hex: str) -> str:
    """Four groups of four characters (Crockford base 32) of the key's SHA-256, to read aloud:
    ``7FK3-A9Q2-XM4D-R8TB``."""
    digest = hashlib.sha256(bytes.fromhex(public_key_hex)).digest()
    number = int.from_bytes(digest[:10], "big")
    chars = []
    for _ in range(16):
        number, low = divmod(number, 32)
        chars.append(_ALPHABET[low])
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def normalise_fingerprint(text: str) -> str:
    """What a person typed, in the printed form (case, spaces, O/I/L forgiven)."""
    plain = "".join(text.upper().split()).replace("-", "")
    plain = plain.translate(str.maketrans("OIL", "011"))
    return "-".join(plain[i : i + 4] for i in range(0, len(plain), 4))


def entry_message(entry_hash: str) -> bytes:
    """What an audit entry's signature covers: its hash (which chains to the file's creation,
    its judge, panel and event)."""
    return f"paritrana-entry:{entry_hash}".encode("ascii")


def head_message(panel_id: str, judge_id: str, entries: int, head_hash: str) -> bytes:
    """What the file's head signature covers: which file, whose, how long its chain is and its
    last hash. A chain cut short no longer matches it."""
    return f"paritrana-head:{panel_id}:{judge_id}:{entries}:{head_hash}".encode()


class Signing(StrEnum):
    SIGNED = "signed"  # every entry and the head signed, and all of it verifies
    UNSIGNED_EARLIER = "unsigned-earlier"  # a file of the earlier format, before signatures
    BROKEN = "broken"  # a file of the signed format whose signatures fail or are missing


@dataclass(frozen=True)
class KeyChange:
    """A change of laptop recorded in the chain: the old key, the new one, when and why."""

    seq: int
    at: str
    old_key: str
    new_key: str
    reason: str

    @property
    def old_fingerprint(self) -> str:
        return fingerprint(self.old_key)

    @property
    def new_fingerprint(self) -> str:
        return fingerprint(self.new_key)


@dataclass(frozen=True)
class FileTrust:
    """What a panel file's signatures say, as read by ``storage`` (the merge carries it)."""

    signing: Signing
    keys: tuple[str, ...] = ()  # public keys (hex) in the order the chain used them
    key_changes: tuple[KeyChange, ...] = ()
    entry_hashes: tuple[str, ...] = ()  # the chain's hashes, entry 1 first

    @property
    def fingerprints(self) -> tuple[str, ...]:
        return tuple(fingerprint(k) for k in self.keys)

    @property
    def current_fingerprint(self) -> str | None:
        return fingerprint(self.keys[-1]) if self.keys else None


@dataclass(frozen=True)
class RegisteredCode:
    code: str
    typed_by: str
    confirmed_by: str | None


@dataclass(frozen=True)
class RegisterView:
    """What the chair's register holds, as the rules need it."""

    keys: Mapping[str, str] = field(default_factory=dict)  # judge ID -> fingerprint
    accepted_changes: frozenset[tuple[str, str, str]] = frozenset()  # (judge, old fp, new fp)
    codes: tuple[RegisteredCode, ...] = ()

    def confirmed_codes(self, judge_id: str) -> list[str]:
        out = []
        for c in self.codes:
            parsed = parse_code(c.code)
            if c.confirmed_by and parsed is not None and parsed.judge_id == judge_id:
                out.append(c.code)
        return out


def allowed_fingerprints(judge_id: str, view: RegisterView) -> set[str]:
    """The registered key of the judge and every key the chair accepted a change to from it."""
    start = view.keys.get(judge_id)
    if start is None:
        return set()
    allowed = {start}
    grew = True
    while grew:
        grew = False
        for judge, old, new in view.accepted_changes:
            if judge == judge_id and old in allowed and new not in allowed:
                allowed.add(new)
                grew = True
    return allowed


def register_refusals(
    name: str, judge_id: str, panel_id: str, trust: FileTrust, view: RegisterView
) -> list[Text]:
    """Why the register refuses a file (empty when it is accepted). Signatures that do not
    verify are the file's own check's business; here the keys and codes are compared."""
    allowed = allowed_fingerprints(judge_id, view)
    if not allowed:
        return []
    if trust.signing is not Signing.SIGNED:
        return [
            Text(
                f"{name} ({judge_id}): berkas tidak bertanda tangan, padahal kunci panelis ini "
                "terdaftar di register. Minta salinan baru dari laptop panelisnya.",
                f"{name} ({judge_id}): the file is unsigned, yet this judge's key is in the "
                "register. Ask for a fresh copy from the judge's laptop.",
            )
        ]
    # The key that signs the file now must be registered, or reached by accepted key changes;
    # the keys before it are its history, each change signed with the key it brings.
    current = trust.current_fingerprint
    if current not in allowed:
        return [_unknown_key(name, judge_id, str(current), trust)]
    return _code_refusals(name, judge_id, panel_id, trust, view)


def _unknown_key(name: str, judge_id: str, fp: str, trust: FileTrust) -> Text:
    change = next((c for c in trust.key_changes if c.new_fingerprint == fp), None)
    if change is not None:
        return Text(
            f"{name} ({judge_id}): kunci panelis berganti ke {fp} pada {change.at} (alasan: "
            f"{change.reason!r}) dan pergantian itu belum diterima ketua. Jalankan "
            "'paritrana register accept-key-change' bila panelis membenarkannya.",
            f"{name} ({judge_id}): the judge's key changed to {fp} at {change.at} (reason: "
            f"{change.reason!r}) and the chair has not accepted the change. Run "
            "'paritrana register accept-key-change' if the judge confirms it.",
        )
    return Text(
        f"{name} ({judge_id}): ditandatangani dengan kunci {fp}, bukan kunci yang terdaftar "
        "untuk panelis ini.",
        f"{name} ({judge_id}): signed with key {fp}, not the key registered for this judge.",
    )


def _code_refusals(
    name: str, judge_id: str, panel_id: str, trust: FileTrust, view: RegisterView
) -> list[Text]:
    length = len(trust.entry_hashes)
    for code in view.confirmed_codes(judge_id):
        parsed = parse_code(code)
        if parsed is None or parsed.panel_part != _panel_part_of(judge_id, panel_id):
            continue  # a code of another of the judge's files
        if parsed.entries > length:
            return [
                Text(
                    f"{name} ({judge_id}): berkas ini lebih lama daripada kode {code} dari "
                    f"lembar bertanda tangan panelis (berkas berisi {length} entri, kode "
                    f"{parsed.entries}). Minta salinan yang lebih baru, sekurang-kurangnya "
                    "sampai kode itu.",
                    f"{name} ({judge_id}): this file is older than code {code} from the judge's "
                    f"signed paper (the file holds {length} entries, the code {parsed.entries}). "
                    "Ask for a newer copy, at least as new as that code.",
                )
            ]
        at = trust.entry_hashes[parsed.entries - 1] if parsed.entries else "0" * 64
        if parse_code(make_code(judge_id, panel_id, parsed.entries, at)) != parsed:
            return [
                Text(
                    f"{name} ({judge_id}): berkas tidak melewati keadaan yang dicetak sebagai "
                    f"kode {code} pada lembar bertanda tangan panelis.",
                    f"{name} ({judge_id}): the file never passed through the state printed as "
                    f"code {code} on the judge's signed paper.",
                )
            ]
    return []


def _panel_part_of(judge_id: str, panel_id: str) -> str | None:
    parsed = parse_code(make_code(judge_id, panel_id, 0, "0" * 64))
    return parsed.panel_part if parsed else None


def trust_notices(
    files: Iterable[tuple[str, str, FileTrust]], view: RegisterView | None
) -> list[Text]:
    """Lines for the merge's report: unsigned files named, key changes shown, and whether the
    keys were checked against paper. ``files`` are (file name, judge ID, trust)."""
    lines: list[Text] = []
    for name, judge_id, trust in files:
        if trust.signing is Signing.UNSIGNED_EARLIER:
            lines.append(
                Text(
                    f"{name} ({judge_id}): tidak bertanda tangan (format lama).",
                    f"{name} ({judge_id}): unsigned (earlier format).",
                )
            )
        elif trust.signing is Signing.SIGNED:
            checked = view is not None and trust.current_fingerprint in allowed_fingerprints(
                judge_id, view
            )
            lines.append(
                Text(
                    f"{name} ({judge_id}): {LEGAL_NAME.id}, kunci {trust.current_fingerprint}"
                    + (", dicocokkan dengan register" if checked else ", belum dicocokkan"),
                    f"{name} ({judge_id}): uncertified electronic signature, key "
                    f"{trust.current_fingerprint}"
                    + (", checked against the register" if checked else ", not checked"),
                )
            )
        for change in trust.key_changes:
            lines.append(
                Text(
                    f"{name} ({judge_id}): kunci berganti {change.old_fingerprint} -> "
                    f"{change.new_fingerprint} pada {change.at}; alasan: {change.reason!r}.",
                    f"{name} ({judge_id}): key changed {change.old_fingerprint} -> "
                    f"{change.new_fingerprint} at {change.at}; reason: {change.reason!r}.",
                )
            )
    if view is None:
        lines.append(
            Text(
                "Tanpa register ketua: kunci berkas-berkas ini tidak dicocokkan dengan sidik "
                "jari pada lembar bertanda tangan.",
                "No chair's register: the files' keys were not checked against the "
                "fingerprints on the signed papers.",
            )
        )
    return lines


def signature_lines(trust: FileTrust) -> list[Text]:
    """What ``paritrana verify`` says about a file's signatures and key."""
    if trust.signing is Signing.UNSIGNED_EARLIER:
        return [
            Text(
                "tidak bertanda tangan (format lama): perubahan sesudah laptop panelis tidak "
                "dapat dibuktikan",
                "unsigned (earlier format): a change after the judge's laptop cannot be shown",
            )
        ]
    lines = [
        Text("sidik jari kunci ", "key fingerprint ") + Text.same(fp)
        for fp in trust.fingerprints[-1:]
    ]
    for change in trust.key_changes:
        lines.append(
            Text(
                f"kunci berganti pada {change.at}: {change.old_fingerprint} -> "
                f"{change.new_fingerprint} (alasan: {change.reason!r})",
                f"key changed at {change.at}: {change.old_fingerprint} -> "
                f"{change.new_fingerprint} (reason: {change.reason!r})",
            )
        )
    verdict = (
        Text("cocok", "verify")
        if trust.signing is Signing.SIGNED
        else Text("TIDAK cocok", "do NOT verify")
    )
    lines.append(
        Text(
            f"{LEGAL_NAME.id}: ",
            "uncertified electronic signatures (tanda tangan elektronik tidak tersertifikasi): ",
        )
        + verdict
    )
    return lines
