"""What the demo's judges record: a plan drawn from one seeded random generator.

Every participant has a "true quality" per criterion; every judge a leniency, a spread, a habit
of writing much or little, and a few leanings, so the panel disagrees as a real one does. Notes
are short phrases as judges type them (``resources/demo/phrases.json``), chosen to match what
the participant showed. The same seed gives the same plan. :mod:`.demo` writes it to files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..domain.errors import UserError
from ..domain.event import Category, Criterion, Event, Interview, Judge, Role
from ..domain.scorecard import Action, Change
from ..domain.text import Text
from ..resources import resource

# Samarinda keeps Central Indonesian Time (WITA, UTC+8) all year. A fixed offset rather than
# zoneinfo("Asia/Makassar"), which needs a time-zone database that Windows does not ship.
WITA = dt.timezone(dt.timedelta(hours=8), "WITA")

CONFLICT_JUDGE = "J07"  # Apindo Kalimantan Timur
CONFLICT_INTERVIEW = "D2-02"  # PT Sawit Lestari Mahakam
CONFLICT_REASON = (
    "Saya anggota tim penasihat HR PT Sawit Lestari Mahakam sejak 2023, jadi tidak ikut menilai."
)


# --- what the judges write -----------------------------------------------------------------

# What the judges type is data (``resources/demo/phrases.json``): per rubric group, criterion
# and band (low, mid, high) notes that agree within a band, general notes, recommendations, the
# reasons for the one unlock, and the abbreviations of a terse judge.
_Bands = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True)
class _Phrases:
    notes: dict[str, dict[str, _Bands]]  # group -> criterion -> bands
    general: dict[str, _Bands]  # group -> bands
    recommend: _Bands
    unlock_reasons: dict[str, str]  # criterion -> reason
    unlock_notes: dict[str, str]  # criterion -> note
    terse: dict[str, str]  # word -> abbreviation
    terse_re: re.Pattern[str]


def _bands(value: list[list[str]]) -> _Bands:
    low, mid, high = (tuple(band) for band in value)
    return (low, mid, high)


@cache
def _phrases() -> _Phrases:
    path = resource("demo", "phrases.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        terse = dict(data["terse"])
        return _Phrases(
            notes={
                group: {code: _bands(bands) for code, bands in criteria.items()}
                for group, criteria in data["notes"].items()
            },
            general={group: _bands(bands) for group, bands in data["general"].items()},
            recommend=_bands(data["recommend"]),
            unlock_reasons=dict(data["unlock_reasons"]),
            unlock_notes=dict(data["unlock_notes"]),
            terse=terse,
            terse_re=re.compile(r"\b(" + "|".join(terse) + r")\b"),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise broken_demo_data(path) from exc


def broken_demo_data(path: Path) -> UserError:
    return UserError(
        Text(
            f"Data demo bawaan tidak dapat dibaca ({path}): pasang ulang program.",
            f"The built-in demo data cannot be read ({path}): reinstall the program.",
        ),
    )


def _group(category: Category) -> str:
    if category.code in ("PB", "PM"):
        return "COMPANY"
    return category.code if category.code in _phrases().notes else "COMPANY"


def _band(x: float) -> int:
    return 0 if x < 0.45 else (1 if x < 0.72 else 2)


@dataclass(frozen=True)
class _Habits:
    """How one judge scores and writes."""

    leniency: float  # added to every rating, as a share of the scale
    spread: float  # how far a rating strays from the participant's quality
    verbosity: float  # how often a criterion gets a note
    terse: bool  # writes "sdh", "blm", "yg"
    leanings: dict[tuple[str, str], float]  # (group, criterion) -> extra leniency


@dataclass(frozen=True)
class Step:
    at: dt.datetime
    interview_id: str
    change: Change


@dataclass(frozen=True)
class _Participant:
    quality: dict[str, float]  # criterion -> 0..1
    head_present: bool
    head: str  # "Bupati Berau", or who came instead


def _participant(rng: random.Random, interview: Interview, category: Category) -> _Participant:
    base = rng.uniform(0.4, 0.92)
    first = interview.representatives.split(";")[0].strip()
    present = first.startswith(("Bupati ", "Wali Kota "))
    quality: dict[str, float] = {}
    for criterion in category.criteria:
        q = base + rng.gauss(0.0, 0.1)
        if category.code == "PEMKAB" and criterion.code == "WAW":
            q += 0.12 if present else -0.08
        quality[criterion.code] = min(1.0, max(0.0, q))
    return _Participant(quality, present, first)


def _habits(rng: random.Random, judge: Judge) -> _Habits:
    leanings: dict[tuple[str, str], float] = {}
    institution = judge.institution.lower()
    if "ksbsi" in institution or "serikat buruh" in institution:
        leanings = {("COMPANY", "KEP"): -0.08, ("COMPANY", "UPH"): -0.1, ("COMPANY", "VEN"): -0.06}
    elif "apindo" in institution:
        leanings = {("COMPANY", c): 0.05 for c in ("KEP", "UPH", "IUR", "REN", "VEN", "WAW")}
    elif "bpjs" in institution:
        leanings = {("PEMKAB", "CAK"): -0.05, ("COMPANY", "KEP"): -0.04}
    return _Habits(
        leniency=rng.gauss(0.0, 0.07),
        spread=rng.uniform(0.05, 0.12),
        verbosity=0.9 if judge.role is Role.KETUA else rng.uniform(0.2, 0.75),
        terse=judge.role is not Role.KETUA and rng.random() < 0.3,
        leanings=leanings,
    )


def _on_scale(category: Category, x: float) -> float:
    """The scale value nearest to the share ``x`` (0..1) of the scale."""
    scale = category.scale
    raw = scale.minimum + min(1.0, max(0.0, x)) * (scale.maximum - scale.minimum)
    return min(scale.values(), key=lambda v: abs(v - raw))


def _step_from(category: Category, value: float, direction: int) -> float:
    values = category.scale.values()
    i = values.index(value)
    j = i + direction if 0 <= i + direction < len(values) else i - direction
    return values[j]


def _phrase(rng: random.Random, options: tuple[str, ...], habits: _Habits, **fill: str) -> str:
    text = rng.choice(options).format(**fill)
    if habits.terse:
        phrases = _phrases()
        text = phrases.terse_re.sub(lambda m: phrases.terse[m.group(1)], text)
    return text


def _lower_first(name: str) -> str:
    """ "Pekerja rentan dan CSR" -> "pekerja rentan dan CSR", as it reads inside a sentence."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=WITA)


def _times(
    rng: random.Random, start: dt.datetime, end: dt.datetime, count: int
) -> list[dt.datetime]:
    """``count`` increasing moments (whole seconds) between ``start`` and ``end``."""
    span = int((end - start).total_seconds())
    seconds = sorted(rng.randrange(span) for _ in range(count))
    out: list[dt.datetime] = []
    for s in seconds:
        moment = start + dt.timedelta(seconds=s)
        if out and moment <= out[-1]:
            moment = out[-1] + dt.timedelta(seconds=1)
        out.append(moment)
    return out


@dataclass(frozen=True)
class JudgesPlan:
    created: dict[str, dt.datetime]  # judge id -> when the panel file was made
    steps: dict[str, list[Step]]  # judge id -> changes in the order made


def plan_judges(event: Event, seed: int) -> JudgesPlan:
    """Everything every judge records, drawn from ``seed`` alone."""
    rng = random.Random(seed)
    participants = {
        i.id: _participant(rng, i, event.category(i.category)) for i in event.interviews
    }
    judges = [j.id for j in event.judges]
    habits = {j.id: _habits(rng, j) for j in event.judges}

    day2 = [i.id for i in event.interviews if i.day == event.end_date]
    day1 = [i.id for i in event.interviews if i.day == event.start_date]
    others = [j for j in judges if j != CONFLICT_JUDGE]
    # Who leaves before the last interview, which scorecards stay drafts, who unlocks what.
    left_early = rng.choice(others[1:])
    last = day2[-1]
    draft_pairs: dict[tuple[str, str], str] = {}
    candidates = [(j, i) for j in others for i in day2[-3:] if not (j == left_early and i == last)]
    for n, pair in enumerate(rng.sample(candidates, 3)):
        draft_pairs[pair] = "complete" if n == 0 else "incomplete"
    unlock_judge = rng.choice(others[1:])
    unlock_interview = rng.choice(day1[:-1])
    unlock_criterion = rng.choice(sorted(_phrases().unlock_reasons))

    created: dict[str, dt.datetime] = {}
    steps: dict[str, list[Step]] = {}
    for judge in event.judges:
        jid = judge.id
        h = habits[jid]
        created[jid] = _at(event.start_date, dt.time(7, 40)) + dt.timedelta(
            seconds=rng.randrange(40 * 60)
        )
        plan: list[Step] = []
        for interview in event.interviews:
            iid = interview.id
            if jid == left_early and iid == last:
                continue
            window = (
                _at(interview.day, interview.start) + dt.timedelta(minutes=5),
                _at(interview.day, interview.end) + dt.timedelta(minutes=4),
            )
            changes = _scorecard_changes(
                rng, event, interview, participants[iid], h, jid, draft_pairs.get((jid, iid))
            )
            for moment, change in zip(_times(rng, *window, len(changes)), changes, strict=True):
                plan.append(Step(moment, iid, change))
            if jid == unlock_judge and iid == day1[-1]:
                plan.extend(
                    _unlock_steps(rng, event, plan, unlock_interview, unlock_criterion, window[1])
                )
        steps[jid] = plan
    return JudgesPlan(created, steps)


def _scorecard_changes(
    rng: random.Random,
    event: Event,
    interview: Interview,
    participant: _Participant,
    habits: _Habits,
    judge_id: str,
    draft: str | None,
) -> list[Change]:
    category = event.category(interview.category)
    group = _group(category)
    if judge_id == CONFLICT_JUDGE and interview.id == CONFLICT_INTERVIEW:
        return [
            Change(Action.DECLARE_CONFLICT, reason=CONFLICT_REASON),
            Change(Action.GENERAL_NOTE, value="Keluar ruangan selama sesi ini"),
            Change(Action.FINALISE),
        ]
    is_kota = interview.participant.startswith("Kota ")
    fill = {
        "perkada": "Perwali" if is_kota else "Perbup",
        "kepala": "Wali Kota" if is_kota else "Bupati",
    }
    changes: list[Change] = []
    shares: dict[str, float] = {}
    criteria = list(category.criteria)
    skipped: set[str] = set()
    if draft == "incomplete":
        skipped = set(rng.sample([c.code for c in criteria], rng.choice((1, 2))))
    for criterion in criteria:
        if criterion.code not in skipped:
            changes.extend(
                _criterion_changes(rng, category, criterion, participant, habits, fill, shares)
            )
    # Now and then a judge thinks again about one rating before moving on.
    if shares and rng.random() < 0.12:
        code = rng.choice(sorted(shares))
        value = _on_scale(category, shares[code])
        changes.append(Change(Action.RATE, code, _step_from(category, value, rng.choice((-1, 1)))))
    if not shares:
        return changes
    weights = {c.code: c.weight for c in criteria if c.code in shares}
    total = sum(weights[c] * shares[c] for c in weights) / sum(weights.values())
    band = _band(total)
    if rng.random() < habits.verbosity:
        changes.append(
            Change(Action.GENERAL_NOTE, value=_phrase(rng, _phrases().general[group][band], habits))
        )
    if rng.random() < max(habits.verbosity, 0.5):
        weakest = min(shares, key=lambda c: (shares[c], c))
        changes.append(
            Change(
                Action.RECOMMENDATION,
                value=_phrase(
                    rng,
                    _phrases().recommend[band],
                    habits,
                    weakest=_lower_first(category.criterion(weakest).name),
                ),
            )
        )
    if draft is None:
        changes.append(Change(Action.FINALISE))
    return changes


def _criterion_changes(
    rng: random.Random,
    category: Category,
    criterion: Criterion,
    participant: _Participant,
    habits: _Habits,
    fill: dict[str, str],
    shares: dict[str, float],
) -> list[Change]:
    """One criterion's rating (its share kept in ``shares``) and, now and then, a note."""
    group = _group(category)
    x = (
        participant.quality[criterion.code]
        + habits.leniency
        + habits.leanings.get((group, criterion.code), 0.0)
        + rng.gauss(0.0, habits.spread)
    )
    shares[criterion.code] = x
    changes = [Change(Action.RATE, criterion.code, _on_scale(category, x))]
    if rng.random() < habits.verbosity:
        options: tuple[str, ...]
        if group == "PEMKAB" and criterion.code == "WAW" and rng.random() < 0.7:
            options = (
                (f"{participant.head} hadir langsung", f"{participant.head} memaparkan sendiri")
                if participant.head_present
                else (
                    f"Kepala daerah tidak hadir, diwakili {participant.head}",
                    f"Diwakili {participant.head}",
                )
            )
        else:
            band = _band(participant.quality[criterion.code])
            options = _phrases().notes[group][criterion.code][band]
        changes.append(
            Change(Action.CRITERION_NOTE, criterion.code, _phrase(rng, options, habits, **fill))
        )
    return changes


def _unlock_steps(
    rng: random.Random,
    event: Event,
    done: list[Step],
    interview_id: str,
    criterion: str,
    after: dt.datetime,
) -> list[Step]:
    """Unlock an earlier scorecard with a reason, correct one rating, lock it again."""
    category = event.category_of(interview_id)
    current = [
        s.change.value
        for s in done
        if s.interview_id == interview_id
        and s.change.action is Action.RATE
        and s.change.criterion == criterion
    ]
    value = current[-1]
    assert isinstance(value, float)
    direction = -1 if criterion == "REG" else rng.choice((-1, 1))
    corrected = _step_from(category, value, direction)
    start = after + dt.timedelta(minutes=6)
    moments = _times(rng, start, start + dt.timedelta(minutes=12), 4)
    changes = [
        Change(Action.UNLOCK, reason=_phrases().unlock_reasons[criterion]),
        Change(Action.RATE, criterion, corrected),
        Change(Action.CRITERION_NOTE, criterion, _phrases().unlock_notes[criterion]),
        Change(Action.FINALISE),
    ]
    return [Step(m, interview_id, c) for m, c in zip(moments, changes, strict=True)]
