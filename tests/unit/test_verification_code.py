"""The verification code: made, read back as typed, and compared with a file's state."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from paritrana_desktop.domain.verification_code import (
    ALPHABET,
    Outcome,
    compare,
    make_code,
    parse_code,
)

HEAD = "9f2c" * 16
PANEL = "b1946ac9-2d4e-4a0e-9a2f-0c3b8f1e5d77"


def test_the_code_names_the_judge_and_the_entries() -> None:
    code = make_code("J03", PANEL, 139, HEAD)
    assert re.fullmatch(r"J03-0139-[0-9A-HJKMNP-TV-Z]{7}", code)
    assert not set(code.split("-")[2]) & set("ILOU")
    assert make_code("J03", PANEL, 139, HEAD) == code  # the same state, the same code
    assert make_code("J03", PANEL, 12345, HEAD).split("-")[1] == "12345"


def test_a_different_state_gives_a_different_code() -> None:
    codes = {
        make_code("J03", PANEL, 139, HEAD),
        make_code("J03", PANEL, 140, HEAD),
        make_code("J03", PANEL, 139, "0" * 64),
        make_code("J03", PANEL.replace("b", "c"), 139, HEAD),
        make_code("J04", PANEL, 139, HEAD),
    }
    assert len(codes) == 5


def test_the_code_is_read_back_however_it_is_typed() -> None:
    code = make_code("J03", PANEL, 139, HEAD)
    parsed = parse_code(code)
    assert parsed is not None and parsed.judge_id == "J03" and parsed.entries == 139
    assert parse_code(code.lower()) == parsed
    assert parse_code("  " + code.replace("-", " - ") + " ") == parsed
    looks_alike = code.replace("0", "O").replace("1", "l")
    assert parse_code(looks_alike) == parsed


def test_same_state() -> None:
    code = make_code("J03", PANEL, 139, HEAD)
    result = compare(code.lower(), "J03", PANEL, 139, HEAD)
    assert result.outcome is Outcome.SAME
    assert result.difference == 0


def test_the_file_changed_since() -> None:
    code = make_code("J03", PANEL, 139, HEAD)
    result = compare(code, "J03", PANEL, 142, "a" * 64)
    assert result.outcome is Outcome.CHANGED_SINCE
    assert result.difference == 3
    assert "3 perubahan" in result.message.id and "3 changes" in result.message.en
    confirmed = compare(code, "J03", PANEL, 142, "a" * 64, head_at={139: HEAD})
    assert confirmed.outcome is Outcome.CHANGED_SINCE
    rewritten = compare(code, "J03", PANEL, 142, "a" * 64, head_at={139: "b" * 64})
    assert rewritten.outcome is Outcome.OTHER_FILE


def test_an_older_copy_of_the_file() -> None:
    code = make_code("J03", PANEL, 139, HEAD)
    result = compare(code, "J03", PANEL, 130, "c" * 64)
    assert result.outcome is Outcome.OLDER
    assert result.difference == -9


def test_another_file_or_another_judge() -> None:
    code = make_code("J03", PANEL, 139, HEAD)
    assert compare(code, "J04", PANEL, 139, HEAD).outcome is Outcome.OTHER_FILE
    other_panel = "0d6a3e1f-0000-4000-8000-000000000001"
    assert compare(code, "J03", other_panel, 139, HEAD).outcome is Outcome.OTHER_FILE
    # the same number of entries but another head: the history was rewritten
    assert compare(code, "J03", PANEL, 139, "e" * 64).outcome is Outcome.OTHER_FILE


def test_mistyped() -> None:
    code = make_code("J03", PANEL, 139, HEAD)
    for typo in (
        "",
        "J03",
        "J03-0139",
        code[:-1],
        code + "7",
        "J03-139-" + code.split("-")[2],
        code[:-1] + "U",
    ):
        result = compare(typo, "J03", PANEL, 139, HEAD)
        assert result.outcome is Outcome.MISTYPED, typo
        assert "salah ketik" in result.message.id


def test_a_judge_id_with_a_hyphen() -> None:
    code = make_code("PB-07", PANEL, 5, HEAD)
    assert compare(code, "pb-07", PANEL, 5, HEAD).outcome is Outcome.SAME


@given(
    st.integers(0, 9999), st.text(alphabet="0123456789abcdef", min_size=64, max_size=64), st.data()
)
def test_any_single_wrong_character_is_caught(entries: int, head: str, data: st.DataObject) -> None:
    code = make_code("J03", PANEL, entries, head)
    positions = [i for i, c in enumerate(code) if c != "-" and i >= 4]
    i = data.draw(st.sampled_from(positions))
    replacement = data.draw(st.sampled_from([c for c in ALPHABET if c != code[i]]))
    typo = code[:i] + replacement + code[i + 1 :]
    assert compare(typo, "J03", PANEL, entries, head).outcome is Outcome.MISTYPED


@given(
    st.integers(0, 9999), st.text(alphabet="0123456789abcdef", min_size=64, max_size=64), st.data()
)
def test_swapped_neighbours_are_caught(entries: int, head: str, data: st.DataObject) -> None:
    code = make_code("J03", PANEL, entries, head)
    body = code.replace("-", "")
    pairs = [i for i in range(3, len(body) - 1) if body[i] != body[i + 1]]
    if not pairs:
        return
    i = data.draw(st.sampled_from(pairs))
    swapped = body[:i] + body[i + 1] + body[i] + body[i + 2 :]
    n = len(str(entries).rjust(4, "0"))
    typo = f"{swapped[:3]}-{swapped[3 : 3 + n]}-{swapped[3 + n :]}"
    result = compare(typo, "J03", PANEL, entries, head)
    assert result.outcome in (Outcome.MISTYPED, Outcome.OTHER_FILE)
    assert result.outcome is not Outcome.SAME
