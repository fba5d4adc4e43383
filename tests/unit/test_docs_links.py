"""The README and the guides hold together: every relative link and picture points at a file
that exists (and at a heading that exists, when it names one), every picture in docs/img/ is
shown somewhere, and the guides carry no raw HTML (the program's help renders them with Qt's
Markdown reader)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGES = sorted([REPO / "README.md", *(REPO / "docs").rglob("*.md")])
GUIDES = ("panduan-panelis.md", "panduan-ketua.md", "panduan-sekretariat.md")

LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
CODE_SPAN = re.compile(r"`[^`\n]*`")


def prose(text: str) -> str:
    """The page without fenced blocks and code spans, where links and HTML would be literal."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to '-'."""
    text = re.sub(r"[*_`]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6} +(.+?) *$", text, re.M)}


def links(page: Path) -> list[tuple[bool, str]]:
    found = LINK.findall(prose(page.read_text(encoding="utf-8")))
    return [(bang == "!", target) for bang, _label, target in found]


def test_the_pages_are_there() -> None:
    names = {page.name for page in PAGES}
    assert set(GUIDES) <= names
    assert {"layout.md", "file-formats.md", "scripting.md", "packaging.md"} <= names
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "./dev test" in readme  # CI runs the README's own command
    assert len(readme.splitlines()) <= 320
    for guide in GUIDES:
        assert f"docs/{guide}" in readme, guide


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_relative_link_and_picture_resolves(page: Path) -> None:
    broken = []
    for is_image, target in links(page):
        if re.match(r"^[a-z]+:", target):
            continue  # http:, mailto: ...: not a file of the project
        path_part, _, anchor = target.partition("#")
        destination = (page.parent / path_part).resolve() if path_part else page
        if not destination.is_file():
            broken.append(target)
            continue
        if is_image and destination.suffix.lower() != ".png":
            broken.append(f"{target} (not a PNG)")
        if anchor and destination.suffix == ".md" and anchor not in anchors(destination):
            broken.append(f"{target} (no such heading)")
    assert not broken, broken


def test_every_picture_is_shown_somewhere() -> None:
    shown = {
        (page.parent / target).resolve()
        for page in PAGES
        for is_image, target in links(page)
        if is_image
    }
    pictures = set((REPO / "docs" / "img").glob("*.png"))
    assert pictures, "docs/img/ is empty: run ./dev screenshots"
    assert not pictures - shown, sorted(p.name for p in pictures - shown)


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guides_have_no_raw_html(guide: str) -> None:
    text = prose((REPO / "docs" / guide).read_text(encoding="utf-8"))
    assert not re.findall(r"<[A-Za-z/!][^>]*>", text)


def test_a_broken_link_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Judul\n\n[ada](page.md#judul) [tidak](hilang.md) `[kode](x.md)`\n")
    assert links(page) == [(False, "page.md#judul"), (False, "hilang.md")]
    assert anchors(page) == {"judul"}
    assert slug("1. Mendapatkan program") == "1-mendapatkan-program"
