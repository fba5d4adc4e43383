"""The event file: written whole, read back equal, and every wrong file refused in a sentence."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from paritrana_desktop.domain.errors import UserError
from paritrana_desktop.domain.event import Scale, ScaleLevel
from paritrana_desktop.storage.database import FileKind, current_version, read_header
from paritrana_desktop.storage.errors import (
    DamagedFileError,
    NewerFormatError,
    NotOurFileError,
    StorageError,
    TamperedError,
    WrongKindError,
)
from paritrana_desktop.storage.event_file import read_event_file, write_event_file
from tests.factories import small_event
from tests.unit.storage_helpers import filled_panel, pragma, tamper

PAGE = 4096


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    return write_event_file(tmp_path / "kaltim.paritrana-kegiatan", small_event())


def _sentence(error: UserError) -> None:
    """One clear sentence in each language, no Python in it."""
    for text in (error.message.id, error.message.en):
        assert text.strip() and "Traceback" not in text and "sqlite3." not in text
    assert error.message.id != error.message.en


def test_round_trip_gives_back_the_same_event(event_file: Path) -> None:
    event = small_event()
    again = read_event_file(event_file)
    assert again == event
    assert again.fingerprint() == event.fingerprint()
    assert again.content_digest() == event.content_digest()


@pytest.mark.parametrize(
    "scale",
    [
        Scale(0, 100, 5),
        Scale(0, 10, 0.5),
        Scale(1, 3, 1, (ScaleLevel(3, "Baik"), ScaleLevel(2, "Cukup"), ScaleLevel(1, "Kurang"))),
    ],
)
def test_round_trip_keeps_every_scale_as_written(tmp_path: Path, scale: Scale) -> None:
    event = small_event(scale=scale)
    path = write_event_file(tmp_path / "e.paritrana-kegiatan", event)
    again = read_event_file(path)
    assert again == event
    assert again.categories[0].scale.levels == scale.levels


def test_the_file_says_what_it_is_in_its_header(event_file: Path) -> None:
    head = event_file.read_bytes()[:100]
    assert head.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(head[68:72], "big") == FileKind.EVENT.value
    assert int.from_bytes(head[60:64], "big") == current_version(FileKind.EVENT) == 2
    assert pragma(event_file, "application_id") == FileKind.EVENT.value
    assert pragma(event_file, "user_version") == 2
    header = read_header(event_file)
    assert header.kind is FileKind.EVENT and header.user_version == 2


def test_the_event_file_is_one_self_contained_file(event_file: Path) -> None:
    assert pragma(event_file, "journal_mode") == "delete"
    siblings = sorted(p.name for p in event_file.parent.iterdir())
    assert siblings == [event_file.name]


def test_an_existing_file_is_not_overwritten(event_file: Path) -> None:
    before = event_file.read_bytes()
    with pytest.raises(StorageError) as caught:
        write_event_file(event_file, small_event("LAIN"))
    _sentence(caught.value)
    assert caught.value.message.id == (
        f"{event_file} sudah ada; berkas itu dibiarkan utuh, tidak ada yang ditimpa. "
        "Pilih nama lain."
    )
    assert caught.value.message.en == (
        f"{event_file} already exists; it was left as it was and nothing was overwritten. "
        "Choose another name."
    )
    assert event_file.read_bytes() == before
    assert sorted(p.name for p in event_file.parent.iterdir()) == [event_file.name]
    write_event_file(event_file, small_event("LAIN"), overwrite=True)
    assert read_event_file(event_file).code == "LAIN"


def test_a_missing_folder_is_a_sentence_and_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        write_event_file(tmp_path / "nope" / "e.paritrana-kegiatan", small_event())
    _sentence(caught.value)
    assert list(tmp_path.iterdir()) == []


# --- refusals -------------------------------------------------------------------------------


def test_a_missing_file_or_a_folder_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        read_event_file(tmp_path / "hilang.paritrana-kegiatan")
    assert "not found" in caught.value.message.en
    with pytest.raises(StorageError) as caught:
        read_event_file(tmp_path)
    assert "folder" in caught.value.message.en


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kosong.paritrana-kegiatan"
    path.touch()
    with pytest.raises(NotOurFileError) as caught:
        read_event_file(path)
    _sentence(caught.value)
    assert "empty" in caught.value.message.en and "kosong" in caught.value.message.id


@pytest.mark.parametrize("size", [1, 99, 100, 5000])
def test_random_bytes_are_refused(tmp_path: Path, size: int) -> None:
    path = tmp_path / "acak.paritrana-kegiatan"
    path.write_bytes(random.Random(size).randbytes(size))
    with pytest.raises(NotOurFileError) as caught:
        read_event_file(path)
    _sentence(caught.value)
    assert "is not a file made by Paritrana Desktop" in caught.value.message.en
    assert "bukan berkas yang dibuat Paritrana Desktop" in caught.value.message.id
    assert "SQLite" not in caught.value.message.id + caught.value.message.en
    assert caught.value.message.en.endswith("Ask the secretariat to send the event file again.")


def test_a_text_file_renamed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "catatan.paritrana-kegiatan"
    path.write_text("Jadwal wawancara hari pertama\n" * 20, encoding="utf-8")
    with pytest.raises(NotOurFileError):
        read_event_file(path)
    other = tmp_path / "catatan.txt"
    path.rename(other)
    with pytest.raises(NotOurFileError) as caught:
        read_event_file(other)
    assert caught.value.message.id == (
        "catatan.txt bukan berkas yang dibuat Paritrana Desktop (mungkin rusak, atau berkas "
        "jenis lain). Pilih berkas kegiatan berakhiran .paritrana-kegiatan."
    )
    assert caught.value.message.en.endswith("Choose an event file ending in .paritrana-kegiatan.")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.paritrana-kegiatan"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE event (code TEXT)")
    conn.execute("INSERT INTO event VALUES ('X')")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurFileError) as caught:
        read_event_file(path)
    _sentence(caught.value)
    assert "another program's database" in caught.value.message.en


def test_a_panel_file_is_not_an_event_file(tmp_path: Path) -> None:
    panel = filled_panel(tmp_path / "j2.paritrana-panel")
    with pytest.raises(WrongKindError) as caught:
        read_event_file(panel)
    _sentence(caught.value)
    assert "is a panel file, not an event file" in caught.value.message.en
    assert "berkas panel, bukan berkas kegiatan" in caught.value.message.id


def test_a_newer_format_is_refused_with_both_versions(event_file: Path) -> None:
    conn = sqlite3.connect(event_file)
    conn.execute("PRAGMA user_version=7")
    conn.commit()
    conn.close()
    with pytest.raises(NewerFormatError) as caught:
        read_event_file(event_file)
    _sentence(caught.value)
    english = caught.value.message.en
    assert "format 7" in english and "Update this program" in english
    assert "Perbarui program" in caught.value.message.id


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_a_truncated_copy_is_refused(tmp_path: Path, event_file: Path, keep: float) -> None:
    data = event_file.read_bytes()
    cut = tmp_path / "potong.paritrana-kegiatan"
    cut.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(DamagedFileError) as caught:
        read_event_file(cut)
    _sentence(caught.value)
    assert "damaged" in caught.value.message.en


def test_a_copy_cut_inside_the_header_is_refused(tmp_path: Path, event_file: Path) -> None:
    cut = tmp_path / "potong.paritrana-kegiatan"
    cut.write_bytes(event_file.read_bytes()[:60])
    with pytest.raises(NotOurFileError):
        read_event_file(cut)


def test_damaged_pages_are_refused(tmp_path: Path, event_file: Path) -> None:
    data = bytearray(event_file.read_bytes())
    noise = random.Random(7)
    for page in range(1, len(data) // PAGE):
        start = page * PAGE
        data[start : start + PAGE] = noise.randbytes(PAGE)
    bad = tmp_path / "rusak.paritrana-kegiatan"
    bad.write_bytes(bytes(data))
    with pytest.raises(DamagedFileError) as caught:
        read_event_file(bad)
    _sentence(caught.value)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE criteria SET name = 'Regulasi daerah' WHERE code = 'REG'",
        "UPDATE interviews SET room = 'Ruang Lain' WHERE id = 'W01'",
        "UPDATE scale_levels SET label = 'Bagus' WHERE value = 4 AND category = 'PB'",
        "UPDATE judges SET name = 'Orang Lain' WHERE id = 'J3'",
        "UPDATE event SET fingerprint = 'abc'",
    ],
)
def test_an_event_file_edited_outside_the_program_is_refused(event_file: Path, sql: str) -> None:
    assert tamper(event_file, sql) == 1
    with pytest.raises(TamperedError) as caught:
        read_event_file(event_file)
    _sentence(caught.value)
    assert "changed outside the program" in caught.value.message.en


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM event",
        "UPDATE event SET level = 'kabupaten'",
        "UPDATE event SET period_start = '31/12/2024'",
        "UPDATE criteria SET weight = 55 WHERE code = 'REG'",
        "UPDATE judges SET role = 'bos' WHERE id = 'J1'",
    ],
)
def test_an_event_file_with_nonsense_rows_is_refused(event_file: Path, sql: str) -> None:
    tamper(event_file, sql)
    with pytest.raises(DamagedFileError) as caught:
        read_event_file(event_file)
    _sentence(caught.value)
    assert "not valid" in caught.value.message.en


def test_reading_never_writes(event_file: Path) -> None:
    before = (event_file.read_bytes(), event_file.stat().st_mtime_ns)
    read_event_file(event_file)
    assert (event_file.read_bytes(), event_file.stat().st_mtime_ns) == before


def test_a_read_only_event_file_can_be_read(tmp_path: Path, event_file: Path) -> None:
    copy = tmp_path / "salinan.paritrana-kegiatan"
    shutil.copy(event_file, copy)
    os.chmod(copy, 0o444)
    try:
        assert read_event_file(copy) == small_event()
    finally:
        os.chmod(copy, 0o644)
