"""argparse's own usage errors come in Bahasa Indonesia first, then in argparse's English,
with exit status 2."""

from __future__ import annotations

import pytest

from paritrana_desktop import cli


@pytest.mark.parametrize(
    ("argv", "indonesian", "english"),
    [
        (
            ["event", "new", "t.xlsx"],
            "paritrana event new: argumen wajib belum diberikan: -o/--output",
            "paritrana event new: the following arguments are required: -o/--output",
        ),
        (
            ["frob"],
            "paritrana: pilihan 'frob' untuk COMMAND tidak dikenal; pilih salah satu dari "
            "'event', 'demo', 'verify', 'merge', 'register', 'score-sheet'",
            "paritrana: argument COMMAND: invalid choice: 'frob'",
        ),
        (
            ["merge", "d", "-o", "r.xlsx", "--bogus"],
            "paritrana: argumen atau opsi tidak dikenal: --bogus",
            "paritrana: unrecognized arguments: --bogus",
        ),
        (
            ["demo", "x", "--seed", "abc"],
            "paritrana demo: --seed harus berupa bilangan bulat, bukan 'abc'",
            "paritrana demo: argument --seed: invalid int value: 'abc'",
        ),
        (
            ["--lang", "fr", "demo", "x"],
            "paritrana: pilihan 'fr' untuk --lang tidak dikenal; pilih salah satu dari 'id', 'en'",
            "paritrana: argument --lang: invalid choice: 'fr'",
        ),
        (
            ["merge", "d", "-o"],
            "paritrana merge: -o/--output memerlukan satu nilai",
            "paritrana merge: argument -o/--output: expected one argument",
        ),
    ],
)
def test_usage_errors_are_in_indonesian_then_english(
    argv: list[str],
    indonesian: str,
    english: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PARITRANA_LANG", raising=False)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    with pytest.raises(SystemExit) as caught:
        cli.main(argv)
    assert caught.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("usage: ")
    assert lines[-2] == indonesian
    assert lines[-1].startswith(english)


def test_an_english_environment_gets_argparse_english_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PARITRANA_LANG", "en")
    with pytest.raises(SystemExit) as caught:
        cli.main(["event", "new", "t.xlsx"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "the following arguments are required: -o/--output" in err
    assert "belum diberikan" not in err


def test_a_rare_message_stays_english_only() -> None:
    assert cli.usage_message_id("argument -x: not allowed with argument -y") is None
