"""What an event holds, in lines the secretariat can check without the window: ``event new``
prints it after reading the workbook, and ``verify`` prints it for an event file."""

from __future__ import annotations

from ..domain.event import Event, Role
from ..domain.numbers import format_number
from ..domain.text import Text
from ..domain.words import day_name, month_name


def event_summary(event: Event) -> list[Text]:
    """The event's name, its categories with their criteria and weights and scale, the
    interviews per day, the judges and the fingerprint, one line each."""
    demo = Text(" [demo]", " [demo]") if event.is_demo else Text.same("")
    lines = [Text.same(f"{event.name} ({event.code})") + demo]
    lines.append(
        Text(
            f"{len(event.categories)} kategori, {len(event.interviews)} wawancara, "
            f"{len(event.judges)} panelis",
            f"{len(event.categories)} categories, {len(event.interviews)} interviews, "
            f"{len(event.judges)} judges",
        )
    )
    for category in event.categories:
        lines.extend(_category_lines(event, category.code))
    for day in event.days():
        count = sum(1 for i in event.interviews if i.day == day)
        date_id = f"{day_name(day)}, {day.day} {month_name(day)} {day.year}"
        lines.append(
            Text(f"wawancara {date_id}: {count}", f"interviews on {day.isoformat()}: {count}")
        )
    for judge in event.judges:
        chair = Text(" (ketua)", " (chair)") if judge.role is Role.KETUA else Text.same("")
        lines.append(
            Text("panelis ", "judge ")
            + Text.same(f"{judge.id} {judge.name}, {judge.institution}")
            + chair
        )
    lines.append(Text("sidik jari ", "fingerprint ") + Text.same(event.fingerprint()[:16]))
    return lines


def _category_lines(event: Event, code: str) -> list[Text]:
    category = event.category(code)
    scale = category.scale
    low_id, high_id = format_number(scale.minimum, "id"), format_number(scale.maximum, "id")
    step_id = format_number(scale.step, "id")
    low, high, step = (format_number(x) for x in (scale.minimum, scale.maximum, scale.step))
    example = (
        Text(" (bobot contoh)", " (example weights)")
        if category.weights_are_examples
        else Text.same("")
    )
    lines = [
        Text(
            f"kategori {category.code} {category.name}: skala {low_id} sampai {high_id}, "
            f"langkah {step_id}",
            f"category {category.code} {category.name}: scale {low} to {high}, step {step}",
        )
        + example
    ]
    for criterion in category.criteria:
        weight_id, weight = format_number(criterion.weight, "id"), format_number(criterion.weight)
        lines.append(
            Text(
                f"  {criterion.code} {criterion.name}: bobot {weight_id} %",
                f"  {criterion.code} {criterion.name}: weight {weight} %",
            )
        )
    return lines
