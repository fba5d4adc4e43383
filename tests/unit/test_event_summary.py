"""``event new`` prints what it read and ``verify`` prints the same for an event file, so the
secretariat can check the event without opening the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from paritrana_desktop.cli import main
from paritrana_desktop.domain.errors import set_language


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    yield
    set_language("id")


def test_event_new_and_verify_print_what_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "jadwal.xlsx", tmp_path / "k.paritrana-kegiatan"
    assert main(["event", "template", str(source)]) == 0
    capsys.readouterr()
    assert main(["--lang", "id", "event", "new", str(source), "-o", str(target)]) == 0
    printed = capsys.readouterr()
    assert printed.err == ""
    lines = printed.out.splitlines()
    assert lines[-1] == str(target)
    for expected in (
        "Paritrana Award Tingkat Provinsi Kalimantan Timur 2025 (KALTIM25)",
        "3 kategori, 5 wawancara, 4 panelis",
        "kategori PEMKAB Pemerintah Kabupaten/Kota: skala 1 sampai 5, langkah 1",
        "  REG Regulasi: bobot 25 %",
        "kategori UMKM Usaha Kecil dan Mikro: skala 0 sampai 100, langkah 5",
        "wawancara Senin, 28 Juli 2025: 3",
        "wawancara Selasa, 29 Juli 2025: 2",
        "panelis J1 Nama Ketua (contoh), Sekretariat Daerah Provinsi (ketua)",
    ):
        assert expected in lines, printed.out
    fingerprint = next(line for line in lines if line.startswith("sidik jari "))
    assert main(["--lang", "id", "verify", str(target)]) == 0
    verified = [line.strip() for line in capsys.readouterr().out.splitlines()]
    assert verified[-1] == "OK"
    assert [line.strip() for line in lines[:-1]] == verified[2:-1]
    assert fingerprint in verified
