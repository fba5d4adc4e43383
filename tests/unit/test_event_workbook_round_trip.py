"""Writing an event to the secretariat's workbook and reading it back keeps every field: the
demo flag and "the weights are examples" included, so the fingerprint stays the same."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paritrana_desktop.domain.event import Event
from paritrana_desktop.excel.event_workbook import read_event_workbook
from paritrana_desktop.excel.template import example_event, write_event_workbook
from paritrana_desktop.workflows.demo import demo_event

# Words as a secretary types them, some that look like formulas or Excel's escapes.
_WORD = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéü0123456789", min_size=1,
            max_size=8),
    st.sampled_from(["=SUM(A1)", "+62", "-5%", "@cek", "_x0041_", "_x005F_x0000_", "Kab.", "PT"]),
)  # fmt: skip
_TEXT = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)


@st.composite
def events(draw: st.DrawFn) -> Event:
    base = draw(st.sampled_from([example_event(), demo_event()]))
    categories = tuple(
        dataclasses.replace(
            c,
            name=draw(_TEXT),
            weights_are_examples=draw(st.booleans()),
            criteria=tuple(
                dataclasses.replace(k, name=draw(_TEXT), description=draw(_TEXT))
                for k in c.criteria
            ),
        )
        for c in base.categories
    )
    interviews = tuple(
        dataclasses.replace(i, participant=draw(_TEXT), room=draw(_TEXT)) for i in base.interviews
    )
    judges = tuple(
        dataclasses.replace(j, name=draw(_TEXT), institution=draw(_TEXT)) for j in base.judges
    )
    return dataclasses.replace(
        base,
        name=draw(_TEXT),
        venue=draw(_TEXT),
        is_demo=draw(st.booleans()),
        categories=categories,
        interviews=interviews,
        judges=judges,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events())
def test_the_workbook_round_trip_keeps_every_field(event: Event) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_event_workbook(Path(tmp) / "jadwal.xlsx", event)
        back = read_event_workbook(path)
    assert back == event
    assert back.fingerprint() == event.fingerprint()


def test_the_demo_event_round_trips() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        back = read_event_workbook(write_event_workbook(Path(tmp) / "demo.xlsx", demo_event()))
    assert back.is_demo
    assert all(c.weights_are_examples for c in back.categories)
    assert back == demo_event()


def test_a_fingerprint_mismatch_over_example_weights_names_them() -> None:
    from paritrana_desktop.domain.event_differences import rubric_differences

    ref = demo_event()
    official = dataclasses.replace(
        ref,
        categories=tuple(
            dataclasses.replace(c, weights_are_examples=False) for c in ref.categories
        ),
    )
    parts = rubric_differences(ref, official)
    assert parts and all("urutan" not in p.id for p in parts), [p.id for p in parts]
    code = min(c.code for c in ref.categories)
    assert parts[0].id == f"bobot {code}: resmi"
    assert parts[0].en == f"the weights of {code}: official"
