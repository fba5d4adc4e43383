"""Signed panel files: the key, the fingerprint, and forgeries made with the project's own code."""

from __future__ import annotations

import base64
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from paritrana_desktop.domain.trust import Signing, fingerprint
from paritrana_desktop.storage import copies
from paritrana_desktop.storage.errors import StorageError
from paritrana_desktop.storage.keys import default_key_folder, load_key
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows import session
from paritrana_desktop.workflows.verify import describe_file
from tests.factories import small_event
from tests.unit.storage_helpers import TAMPER_PREAMBLE, filled_panel
from tests.unit.trust_helpers import as_format_1, change_last_rating, relabel, strip_signatures


def _usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir(exist_ok=True)
    return folder


def _verified(path: Path) -> tuple[bool, Signing, str]:
    with PanelFile.open(path, read_only=True) as panel:
        result = panel.verify()
    return result.ok, result.trust.signing, " ".join(p.en for p in result.problems)


def test_a_new_file_is_signed_and_shows_its_key_and_fingerprint(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.public_key is not None and len(panel.public_key) == 64
        fp = panel.key_fingerprint
        assert fp == fingerprint(panel.public_key)
        result = panel.verify()
    assert fp is not None and len(fp) == 19 and [len(g) for g in fp.split("-")] == [4] * 4
    assert result.ok and result.trust.signing is Signing.SIGNED
    assert result.trust.current_fingerprint == fp


def test_the_private_key_lives_in_the_key_folder_for_its_owner_only(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    with PanelFile.open(path, read_only=True) as panel:
        public = panel.public_key
    assert public is not None
    key = load_key(default_key_folder(), public)
    assert key is not None and key.public_hex == public
    assert not any(p.suffix == ".ed25519" for p in tmp_path.rglob("*"))
    if sys.platform != "win32":
        key_file = next(default_key_folder().glob(f"{public[:32]}*"))
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def _secret_forms(public: str) -> list[bytes]:
    key = load_key(default_key_folder(), public)
    assert key is not None
    (key_file,) = default_key_folder().glob(f"{public[:32]}*")
    return _forms_of(key_file)  # read back with the cryptography package, as other tools would


def test_no_private_key_in_the_file_or_its_copy(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    with PanelFile.open(path) as panel:
        copy = copies.export_copy(panel, _usb(tmp_path))
        public = panel.public_key
    assert public is not None
    assert _verified(copy)[:2] == (True, Signing.SIGNED)  # the copy carries the signatures
    for written in [path, copy]:
        data = written.read_bytes()
        assert all(form not in data for form in _secret_forms(public))


def test_a_rating_changed_and_the_chain_recomputed_is_refused_by_verify(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    change_last_rating(path, "W01", "COV", 5)
    ok, signing, problems = _verified(path)
    assert not ok and signing is Signing.BROKEN
    assert "electronic signature" in problems
    sound, lines = describe_file(path)
    assert not sound and any("tanda tangan elektronik" in line for line in lines)


def test_a_file_relabelled_as_another_judges_is_refused(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel", judge_id="J1")
    relabel(path, "J1", "J3")
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.judge.id == "J3"
    ok, signing, problems = _verified(path)
    assert not ok and signing is Signing.BROKEN and "signature" in problems


def test_one_byte_of_a_signature_flipped_is_refused(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    conn = sqlite3.connect(path)
    conn.executescript(TAMPER_PREAMBLE)
    (signature,) = conn.execute("SELECT signature FROM audit_log WHERE seq = 3").fetchone()
    flipped = ("0" if signature[10] != "0" else "1").join([signature[:10], signature[11:]])
    conn.execute("UPDATE audit_log SET signature = ? WHERE seq = 3", (flipped,))
    conn.commit()
    conn.close()
    ok, signing, problems = _verified(path)
    assert not ok and signing is Signing.BROKEN and "entry 3" in problems


def test_a_chain_cut_short_is_refused_by_its_head_signature(tmp_path: Path) -> None:
    """The last change removed and the scores put back as they were before it (taken from an
    earlier copy's rows): the chain and the scores agree, the head signature does not."""
    path = tmp_path / "p.paritrana-panel"
    with PanelFile.create(path, small_event(), "J2") as panel:
        panel.rate("W01", "REG", 3)
        earlier = copies.export_copy(panel, _usb(tmp_path))
        panel.rate("W01", "REG", 4)
    conn = sqlite3.connect(path)
    conn.executescript(TAMPER_PREAMBLE)
    conn.execute("ATTACH ? AS old", (str(earlier),))
    conn.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    conn.execute("DELETE FROM criterion_scores")
    conn.execute("DELETE FROM scorecards")
    conn.execute("INSERT INTO scorecards SELECT * FROM old.scorecards")
    conn.execute("INSERT INTO criterion_scores SELECT * FROM old.criterion_scores")
    conn.commit()
    conn.close()
    ok, signing, problems = _verified(path)
    assert not ok and signing is Signing.BROKEN and "cut short" in problems


def test_an_unsigned_file_of_the_earlier_format_is_named_unsigned_not_refused(
    tmp_path: Path,
) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    strip_signatures(path)
    ok, signing, _ = _verified(path)
    assert ok and signing is Signing.UNSIGNED_EARLIER
    sound, lines = describe_file(path)
    assert sound and any("tidak bertanda tangan" in line for line in lines)


def test_signatures_stripped_but_the_format_kept_is_refused(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    conn = sqlite3.connect(path)
    conn.executescript(TAMPER_PREAMBLE)
    conn.execute("UPDATE audit_log SET signature = NULL")
    conn.commit()
    conn.close()
    ok, signing, _ = _verified(path)
    assert not ok and signing is Signing.BROKEN


def test_a_file_whose_key_is_not_on_this_laptop_saves_nothing(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    with PanelFile.open(path, key_folder=tmp_path / "other-laptop") as panel:
        before = panel.audit_entries()
        with pytest.raises(StorageError) as caught:
            panel.rate("W02", "REG", 3)
        assert "signing key" in caught.value.message.en
        assert "Lanjutkan dari salinan" in caught.value.message.id
        assert panel.audit_entries() == before


def test_continuing_on_another_laptop_makes_a_new_key_recorded_with_the_reason(
    tmp_path: Path,
) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    with PanelFile.open(path) as panel:
        copy = copies.export_copy(panel, _usb(tmp_path))
        old = panel.key_fingerprint
    laptop = tmp_path / "laptop2"
    with PanelFile.open(copy, read_only=True) as opened:
        target = session.continue_from_copy(
            opened, laptop / "data", reason="Laptop lama rusak", key_folder=laptop / "keys"
        )
    with PanelFile.open(target, key_folder=laptop / "keys") as panel:
        panel.rate("W02", "REG", 3)  # goes on signing with the new key
        new = panel.key_fingerprint
        result = panel.verify()
    assert result.ok and new != old
    (change,) = result.trust.key_changes
    assert (change.old_fingerprint, change.new_fingerprint) == (old, new)
    assert change.reason == "Laptop lama rusak" and change.at


def test_a_file_of_format_1_is_verified_as_unsigned_and_left_untouched(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    as_format_1(path)
    before = path.read_bytes()
    sound, lines = describe_file(path)
    assert sound and any("tidak bertanda tangan" in line for line in lines)
    assert any("versi format 1" in line for line in lines)
    assert path.read_bytes() == before


def test_no_private_key_in_any_file_a_demo_export_merge_and_register_run_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paritrana_desktop.workflows import register as reg
    from paritrana_desktop.workflows.demo import write_demo
    from paritrana_desktop.workflows.merge import inspect_inputs, write_merge

    keys = tmp_path / "keys"
    monkeypatch.setenv("PARITRANA_KEY_DIR", str(keys))
    written = write_demo(tmp_path / "demo", key_folder=keys)
    usb = _usb(tmp_path)
    panels = [p for p in written if p.name.endswith(".paritrana-panel")]
    for path in panels:
        with PanelFile.open(path) as panel:
            copies.export_copy(panel, usb)
    register = reg.init_register(tmp_path / "ketua")
    reg.add_key(register, panels[0], _fingerprint_of(panels[0]))
    plan = inspect_inputs([usb], register=reg.register_view(register))
    write_merge(plan, tmp_path / "rekap.xlsx")
    # one per judge, one for the demo's register, one for the chair's register made here
    assert len(list(keys.iterdir())) == len(panels) + 2
    forms = [form for p in keys.iterdir() for form in _forms_of(p)]
    everything = [p for p in tmp_path.rglob("*") if p.is_file() and keys not in p.parents]
    assert len(everything) > 2 * len(panels)
    for path in everything:
        data = path.read_bytes()
        assert not any(form in data for form in forms), path


def _fingerprint_of(path: Path) -> str:
    with PanelFile.open(path, read_only=True) as panel:
        assert panel.key_fingerprint is not None
        return panel.key_fingerprint


def _forms_of(key_file: Path) -> list[bytes]:
    pem = key_file.read_bytes()
    key = serialization.load_pem_private_key(pem, password=None)
    raw = key.private_bytes(  # type: ignore[union-attr]
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    body = b"".join(pem.splitlines()[1:-1])
    return [raw, raw.hex().encode(), base64.b64encode(raw), pem, body, base64.b64decode(body)]


def test_verify_prints_the_fingerprint_and_that_the_signatures_verify(tmp_path: Path) -> None:
    path = filled_panel(tmp_path / "p.paritrana-panel")
    sound, lines = describe_file(path)
    with PanelFile.open(path, read_only=True) as panel:
        fp = panel.key_fingerprint
    assert sound
    assert f"sidik jari kunci {fp}" in lines
    assert "tanda tangan elektronik tidak tersertifikasi: cocok" in lines


def test_a_key_file_in_the_standard_pkcs8_form_loads_and_signs_as_other_tools_verify(
    tmp_path: Path,
) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from paritrana_desktop.storage.keys import signature_holds

    other = Ed25519PrivateKey.generate()  # a key made and saved by another tool
    public = other.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    pem = other.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    (tmp_path / f"{public.hex()[:32]}.ed25519").write_bytes(pem)
    key = load_key(tmp_path, public.hex())
    assert key is not None and key.public_hex == public.hex()
    signature = key.sign(b"message")
    other.public_key().verify(bytes.fromhex(signature), b"message")  # raises if it does not
    assert signature_holds(public.hex(), other.sign(b"message").hex(), b"message")
    assert not signature_holds(public.hex(), other.sign(b"other").hex(), b"message")
