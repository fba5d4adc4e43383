"""The chair's register, end to end: make it, register a judge's key from a panel file and the
fingerprint on the judge's signed lembar, accept a key change, type and confirm the codes read
off the papers, show it; and the view the merge checks files against."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..domain.errors import UserError
from ..domain.text import Text
from ..domain.trust import (
    FileTrust,
    RegisterView,
    Signing,
    allowed_fingerprints,
    normalise_fingerprint,
)
from ..domain.trust_register import Step, canonical_code, key_payload, show_lines
from ..storage.register import EXTENSION, Register
from .merge_inputs import read_source

__all__ = [
    "EXTENSION",
    "accept_key_change",
    "add_code",
    "add_key",
    "confirm_code",
    "init_register",
    "register_view",
    "show_register",
    "write_demo_register",
]


def init_register(path: Path, key_folder: Path | None = None) -> Path:
    """A new, empty register at ``path`` (``.paritrana-register`` added), signed with a new key
    of the chair's."""
    path = Path(path)
    if not path.name.endswith(EXTENSION):
        path = path.with_name(path.name + EXTENSION)
    Register.create(path, key_folder=key_folder).close()
    return path


def register_view(path: Path | None, key_folder: Path | None = None) -> RegisterView | None:
    """What the register says, for the merge; None without a register."""
    if path is None:
        return None
    with Register.open(path, key_folder=key_folder) as register:
        return register.view


def _file_trust(panel_path: Path) -> tuple[str, FileTrust]:
    """The judge and the signatures of a panel file, read as the merge reads it."""
    with tempfile.TemporaryDirectory(prefix="paritrana-register-") as tmp:
        source = read_source(Path(panel_path), Path(tmp))
    if source.error is not None:
        raise source.error
    panel = source.panel
    if panel is None or panel.trust is None:
        raise UserError(
            Text(
                f"{Path(panel_path).name} bukan berkas panel.",
                f"{Path(panel_path).name} is not a panel file.",
            )
        )
    if panel.problems:
        raise panel.problems[0]
    if panel.trust.signing is not Signing.SIGNED:
        raise UserError(
            Text(
                f"{Path(panel_path).name} tidak bertanda tangan (format lama); tidak ada kunci "
                "untuk didaftarkan.",
                f"{Path(panel_path).name} is unsigned (earlier format); there is no key to "
                "register.",
            )
        )
    return panel.judge.id, panel.trust


def add_key(
    register: Path, panel_path: Path, paper_fingerprint: str, key_folder: Path | None = None
) -> Text:
    """Register the key of the judge of ``panel_path``, once it equals the fingerprint the chair
    reads off the judge's signed lembar."""
    judge_id, trust = _file_trust(panel_path)
    on_paper = normalise_fingerprint(paper_fingerprint)
    if trust.current_fingerprint != on_paper:
        raise UserError(
            Text(
                f"Sidik jari kunci {Path(panel_path).name} ({trust.current_fingerprint}) tidak "
                f"sama dengan yang di lembar ({on_paper}); kunci tidak didaftarkan.",
                f"The key fingerprint of {Path(panel_path).name} ({trust.current_fingerprint}) "
                f"differs from the one on the paper ({on_paper}); the key was not registered.",
            )
        )
    with Register.open(register, key_folder=key_folder) as reg:
        reg.add(Step.ADD_KEY, key_payload(judge_id, on_paper, Path(panel_path).name))
    return Text(
        f"Kunci panelis {judge_id} ({on_paper}) terdaftar.",
        f"Judge {judge_id}'s key ({on_paper}) is registered.",
    )


def accept_key_change(register: Path, panel_path: Path, key_folder: Path | None = None) -> Text:
    """Accept the key changes recorded in ``panel_path`` that start from a registered key."""
    judge_id, trust = _file_trust(panel_path)
    accepted: list[str] = []
    with Register.open(register, key_folder=key_folder) as reg:
        for change in trust.key_changes:
            allowed = allowed_fingerprints(judge_id, reg.view)
            if change.new_fingerprint in allowed:
                continue
            payload = {
                "judge_id": judge_id,
                "old": change.old_fingerprint,
                "new": change.new_fingerprint,
                "reason": change.reason,
                "at": change.at,
            }
            reg.add(Step.ACCEPT_KEY_CHANGE, payload)
            accepted.append(f"{change.old_fingerprint} -> {change.new_fingerprint}")
    if not accepted:
        return Text(
            f"Tidak ada pergantian kunci baru di {Path(panel_path).name}.",
            f"No new key change in {Path(panel_path).name}.",
        )
    done = ", ".join(accepted)
    return Text(
        f"Pergantian kunci panelis {judge_id} diterima: {done}.",
        f"Judge {judge_id}'s key change accepted: {done}.",
    )


def _code(text: str) -> str:
    code = canonical_code(text)
    if code is None:
        raise UserError(
            Text(
                f"Kode {text.strip()!r} salah ketik: periksa lagi setiap hurufnya.",
                f"The code {text.strip()!r} is mistyped: check each character again.",
            )
        )
    return code


def add_code(register: Path, code: str, by: str, key_folder: Path | None = None) -> Text:
    """A code read off a signed paper, typed by ``by``; it counts once someone else confirms."""
    canonical = _code(code)
    with Register.open(register, key_folder=key_folder) as reg:
        reg.add(Step.ADD_CODE, {"code": canonical, "by": by.strip()})
    return Text(
        f"Kode {canonical} dicatat; minta orang lain mengonfirmasinya (confirm-code).",
        f"Code {canonical} recorded; ask someone else to confirm it (confirm-code).",
    )


def confirm_code(register: Path, code: str, by: str, key_folder: Path | None = None) -> Text:
    canonical = _code(code)
    with Register.open(register, key_folder=key_folder) as reg:
        reg.add(Step.CONFIRM_CODE, {"code": canonical, "by": by.strip()})
    return Text(f"Kode {canonical} dikonfirmasi.", f"Code {canonical} confirmed.")


def show_register(register: Path, key_folder: Path | None = None) -> list[Text]:
    with Register.open(register, key_folder=key_folder) as reg:
        return show_lines(reg.view)


def write_demo_register(folder: Path, panels: list[Path], key_folder: Path | None = None) -> Path:
    """For the demo: a register in ``folder`` holding the key of every judge of ``panels`` (as
    the chair would register them from the signed papers). ``workflows.demo`` may call it."""
    path = init_register(Path(folder) / "Register-demo", key_folder)
    for panel in panels:
        _judge_id, trust = _file_trust(panel)
        add_key(path, panel, str(trust.current_fingerprint), key_folder)
    return path
