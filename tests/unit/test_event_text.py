"""What text an event may hold, decided once (``domain.text_rules``): control characters are
refused when the event is made, naming the field; text that looks like Excel's escapes is
ordinary text and survives the merged workbook; a note that cannot be saved is a sentence."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]

from paritrana_desktop.domain.errors import ValidationError
from paritrana_desktop.domain.event import Event, ScaleLevel
from paritrana_desktop.domain.text_rules import NOT_IN_A_CELL
from paritrana_desktop.excel.rekap_check import excel_unescape, read_sheet
from paritrana_desktop.excel.rekap_sheet import xml_text
from paritrana_desktop.storage.panel_file import PanelFile
from paritrana_desktop.workflows.merge import MergeOptions, inspect_inputs, write_merge
from tests.factories import small_event
from tests.unit.merge_helpers import make_panel


def _with_participant(name: str) -> Event:
    event = small_event()
    interviews = list(event.interviews)
    interviews[0] = dataclasses.replace(interviews[0], participant=f"Kabupaten {name} Berau")
    return dataclasses.replace(event, interviews=tuple(interviews))


@pytest.mark.parametrize("char", ["\x0b", "\x00", "\x1b", "\ufffe", "\ud800"])
def test_an_event_with_a_control_character_is_refused_naming_the_field(char: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _with_participant(char)
    assert caught.value.message.id.startswith("wawancara W01 peserta: teks berisi karakter")
    assert f"U+{ord(char):04X}" in caught.value.message.en


def test_a_scale_label_and_a_judge_name_are_checked_too() -> None:
    event = small_event()
    category = event.categories[0]
    scale = dataclasses.replace(category.scale, levels=(ScaleLevel(1, "Sangat\x07kurang"),))
    with pytest.raises(ValidationError) as caught:
        dataclasses.replace(
            event, categories=(dataclasses.replace(category, scale=scale), *event.categories[1:])
        )
    assert "kategori PEMKAB skala keterangan skala 1 keterangan" in caught.value.message.id
    judges = (dataclasses.replace(event.judges[0], name="Dr.\x1b Siti"), *event.judges[1:])
    with pytest.raises(ValidationError, match="panelis"):
        dataclasses.replace(event, judges=judges)


def test_tab_and_line_breaks_stay_allowed() -> None:
    assert _with_participant("A\tB\nC").interviews[0].participant == "Kabupaten A\tB\nC Berau"


@pytest.mark.parametrize(
    "name", ["_x0000__x001B_", "_x0041_", "_x0041_x0042_", "_x005F_x0041_", "_X00e9_"]
)
def test_text_that_looks_like_excels_escapes_survives_the_merge(tmp_path: Path, name: str) -> None:
    event = _with_participant(name)
    for judge in ("J1", "J2", "J3"):
        make_panel(tmp_path / "in", event, judge, {i.id: 4 for i in event.interviews})
    plan = inspect_inputs([tmp_path / "in"])
    write_merge(plan, tmp_path / "rekap.xlsx", MergeOptions())  # its read-back check passes
    participants = [row[1] for row in read_sheet(tmp_path / "rekap.xlsx", "Matriks nilai")[1:]]
    assert f"Kabupaten {name} Berau" in participants


@given(st.text(alphabet=st.characters(codec="utf-8")).filter(lambda t: not NOT_IN_A_CELL.search(t)))
def test_every_text_an_event_can_hold_round_trips_through_the_cell_xml(text: str) -> None:
    element = etree.fromstring(f"<t>{xml_text(text)}</t>".encode())
    assert excel_unescape(element.text or "") == text


def test_a_lone_surrogate_in_a_note_is_a_sentence_and_nothing_is_saved(tmp_path: Path) -> None:
    with PanelFile.create(tmp_path / "J2.paritrana-panel", small_event(), "J2") as panel:
        panel.note("W01", "REG", "catatan pertama")
        for write in (
            lambda: panel.note("W01", "REG", "rusak \ud800"),
            lambda: panel.set_general_note("W01", "\udfff"),
            lambda: panel.declare_conflict("W01", "saudara \ud83d"),
        ):
            with pytest.raises(ValidationError) as caught:
                write()
            assert "tidak dapat disimpan" in caught.value.message.id
            assert "cannot be saved" in caught.value.message.en
        card = panel.scorecard("W01")
    assert card.criterion_notes["REG"] == "catatan pertama"
    assert card.general_note == ""
    assert not card.conflict


def test_judge_names_used_as_column_headings_keep_the_quote_prefix(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    event = small_event()
    names = ("=Dr. Siti", "+Budi", "@Eka")
    pairs = zip(event.judges, names, strict=True)
    judges = tuple(dataclasses.replace(judge, name=name) for judge, name in pairs)
    event = dataclasses.replace(event, judges=judges)
    for judge in event.judges:
        make_panel(tmp_path / "in", event, judge.id, {i.id: 4 for i in event.interviews})
    write_merge(inspect_inputs([tmp_path / "in"]), tmp_path / "rekap.xlsx", MergeOptions())
    wb = load_workbook(tmp_path / "rekap.xlsx")
    try:
        for title in ("Matriks nilai", "Nilai per kriteria", "Kelengkapan"):
            headings = [c for c in wb[title][1] if isinstance(c.value, str)]
            named = [c for c in headings if any(n in c.value for n in names)]
            assert named, (title, [c.value for c in headings])
            for cell in named:
                assert cell.data_type == "s", (title, cell.coordinate)
                if cell.value[:1] in "=+-@":
                    assert cell.quotePrefix, (title, cell.coordinate, cell.value)
    finally:
        wb.close()


def test_escapes_typed_into_the_workbooks_xml_pass_event_new_and_the_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import zipfile

    from paritrana_desktop.cli import main
    from paritrana_desktop.excel.template import build_event_workbook, example_event
    from paritrana_desktop.workflows.files import read_event_file

    wb = build_event_workbook(example_event())
    wb["Jadwal"]["E3"] = "PLACEHOLDER"
    buffer = io.BytesIO()
    wb.save(buffer)
    source = tmp_path / "jadwal.xlsx"
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(source, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, data.replace(b"PLACEHOLDER", b"Kabupaten _x0000__x001B_ Berau"))
    target = tmp_path / "k.paritrana-kegiatan"
    assert main(["event", "new", str(source), "-o", str(target)]) == 0
    event = read_event_file(target)
    for judge in event.judges:
        make_panel(tmp_path / "in", event, judge.id, {i.id: 5 for i in event.interviews})
    capsys.readouterr()
    assert main(["merge", str(tmp_path / "in"), "-o", str(tmp_path / "rekap.xlsx")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    participants = [row[1] for row in read_sheet(tmp_path / "rekap.xlsx", "Matriks nilai")[1:]]
    assert "Kabupaten _x0000__x001B_ Berau" in participants
