"""The built-in demo: the Kalimantan Timur 2025 event, and panel files filled as judges fill them.

The event is data (``resources/demo/event.json``); its weights are examples, not official ones.

``write_demo`` writes the event file and one panel file per judge through the real
:class:`~paritrana_desktop.storage.panel_file.PanelFile` API. What each judge records comes from
a plan drawn from one seeded random generator:

- every participant has a "true quality" per criterion; every judge a leniency, a spread, a
  habit of writing much or little, and a few leanings (the union member is stricter on
  compliance, the employers' member milder with companies), so the panel disagrees as a real
  one does;
- notes are short phrases as judges type them, chosen to match what the participant showed;
- a few scorecards stay drafts, one judge declares a conflict of interest, one judge unlocks a
  finalised scorecard with a reason and corrects it, one judge leaves before the last interview;
- the clock walks through the two days in WITA (UTC+8), stored in UTC as every panel file does.

The same seed gives the same scorecards, notes, statuses, times and panel ids. No Qt here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import re
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .domain.errors import UserError
from .domain.event import Category, Event, Interview, Judge, Role, event_from_dict
from .domain.scorecard import Action, Change
from .domain.text import Text
from .resources import resource
from .storage.event_file import EXTENSION as EVENT_EXTENSION
from .storage.event_file import write_event_file
from .storage.panel_file import EXTENSION as PANEL_EXTENSION
from .storage.panel_file import PanelFile

DEFAULT_SEED = 2025

# Samarinda keeps Central Indonesian Time (WITA, UTC+8) all year. A fixed offset rather than
# zoneinfo("Asia/Makassar"), which needs a time-zone database that Windows does not ship.
WITA = dt.timezone(dt.timedelta(hours=8), "WITA")

CONFLICT_JUDGE = "J07"  # Apindo Kalimantan Timur
CONFLICT_INTERVIEW = "D2-02"  # PT Sawit Lestari Mahakam
CONFLICT_REASON = (
    "Saya anggota tim penasihat HR PT Sawit Lestari Mahakam sejak 2023, jadi tidak ikut menilai."
)


# --- the event ---------------------------------------------------------------------------


@cache
def demo_event() -> Event:
    """The demo event: Paritrana Award Tingkat Provinsi Kalimantan Timur 2025 (DEMO)."""
    path = resource("demo", "event.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            Text(
                f"Data demo bawaan tidak dapat dibaca ({path}): pasang ulang program.",
                f"The built-in demo data cannot be read ({path}): reinstall the program.",
            ),
        ) from exc
    return event_from_dict(data)


def write_demo_event_file(path: Path) -> Path:
    """Write the demo event to a new event file at ``path``."""
    return write_event_file(Path(path), demo_event())


def event_file_name(event: Event) -> str:
    return f"{event.code}{EVENT_EXTENSION}"


def panel_file_name(event: Event, judge_id: str) -> str:
    return f"{event.code}_{judge_id}{PANEL_EXTENSION}"


# --- what the judges write -----------------------------------------------------------------

# Phrases per rubric group, criterion and band (low, mid, high). Within one band the phrases
# agree with each other, so two judges never contradict each other about the same facts.
# {perkada} is Perbup or Perwali, {kepala} Bupati or Wali Kota.
_Bands = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]

_NOTES: dict[str, dict[str, _Bands]] = {
    "PEMKAB": {
        "REG": (
            (
                "Baru surat edaran, belum ada Perda maupun {perkada}",
                "Regulasi masih draf, belum ditetapkan",
            ),
            (
                "{perkada} perlindungan pekerja rentan sudah terbit, implementasi belum merata",
                "Ada {perkada}, Perda masih dibahas di DPRD",
            ),
            (
                "Perda sudah ada, {perkada} pelaksanaannya juga terbit",
                "Regulasi lengkap, kepesertaan jadi syarat perizinan",
            ),
        ),
        "CAK": (
            (
                "Cakupan masih rendah dibanding potensi tenaga kerja",
                "Angka cakupan yang dipaparkan tidak sama dengan data BPJS",
            ),
            (
                "Non-ASN sudah terdaftar, pekerja informal masih sedikit",
                "Cakupan sedang, BPU masih rendah",
            ),
            (
                "Cakupan tinggi, non-ASN dan perangkat desa sudah semua terdaftar",
                "Cakupan naik cukup tajam dibanding 2023, sesuai data Kanwil",
            ),
        ),
        "INO": (
            ("Belum terlihat inovasi, masih program rutin", "Inovasi belum jelas dampaknya"),
            (
                "Ada inovasi tapi baru uji coba di beberapa kecamatan",
                "Kerja sama CSR untuk iuran sudah mulai, belum luas",
            ),
            (
                "Pendaftaran pekerja rentan lewat desa/kelurahan, bagus",
                "Kepesertaan jadi syarat bantuan dan perizinan, bisa ditiru daerah lain",
            ),
        ),
        "ANG": (
            (
                "Belum ada alokasi APBD untuk iuran pekerja rentan",
                "Anggaran sangat kecil dibanding jumlah pekerja rentan",
            ),
            (
                "Ada alokasi APBD, realisasi baru sekitar separuh",
                "Anggaran ada tapi sasarannya masih sempit (marbot saja)",
            ),
            (
                "APBD untuk iuran pekerja rentan naik, realisasi hampir penuh",
                "Sasaran jelas: nelayan, petani, marbot, guru ngaji",
            ),
        ),
        "WAW": (
            ("Paparan kurang fokus, data tidak dibawa", "Jawaban tidak konsisten dengan paparan"),
            ("Paparan cukup jelas", "Tanya jawab lancar, beberapa data menyusul"),
            ("Paparan runtut, data lengkap", "Komitmen kuat, jawaban meyakinkan"),
        ),
    },
    "COMPANY": {
        "KEP": (
            (
                "Banyak pekerja harian belum didaftarkan",
                "Hanya JKK dan JKM, itu pun sebagian pekerja",
            ),
            (
                "Pekerja tetap lengkap, pekerja harian lepas belum semua",
                "JP belum untuk semua pekerja kontrak",
            ),
            (
                "Semua pekerja termasuk kontrak dan harian sudah ikut 5 program",
                "Kepesertaan lengkap JKK, JKM, JHT, JP, JKP",
            ),
        ),
        "UPH": (
            (
                "Upah dilaporkan jauh di bawah upah riil",
                "Semua level dilaporkan sebesar UMP, perlu dicek",
            ),
            (
                "Tunjangan tetap belum masuk upah yang dilaporkan",
                "Ada indikasi upah dilaporkan sebatas UMK",
            ),
            ("Upah yang dilaporkan sesuai slip gaji", "Upah dilaporkan sesuai, termasuk tunjangan"),
        ),
        "IUR": (
            ("Masih ada tunggakan iuran", "Sering terlambat bayar iuran"),
            ("Pernah terlambat 1-2 bulan, sudah dilunasi", "Ada denda keterlambatan kecil di 2024"),
            ("Iuran selalu tepat waktu sepanjang 2024", "Tidak ada tunggakan, bayar rutin"),
        ),
        "REN": (
            ("Belum ada program untuk pekerja rentan", "CSR tidak menyentuh jaminan sosial"),
            (
                "CSR ada, tapi untuk pekerja rentan masih kecil",
                "Baru rencana CSR iuran pekerja rentan tahun ini",
            ),
            (
                "CSR untuk iuran nelayan dan petani sekitar wilayah operasi",
                "Ratusan pekerja rentan didaftarkan lewat CSR",
            ),
        ),
        "VEN": (
            (
                "Tidak ada pengecekan kepesertaan vendor",
                "Subkontraktor banyak yang belum terdaftar",
            ),
            (
                "Vendor belum semua terdaftar JKK/JKM",
                "Syarat kepesertaan ada di kontrak, pengawasan belum rutin",
            ),
            (
                "Kepesertaan jadi syarat kontrak vendor, dicek tiap bulan",
                "Vendor wajib lampirkan sertifikat kepesertaan",
            ),
        ),
        "WAW": (
            ("Data tidak siap, jawaban tidak konsisten", "Perwakilan kurang menguasai materi"),
            ("Jawaban cukup, beberapa data belum dibawa", "Paparan normatif, kurang data"),
            ("Paparan jelas, data siap ditunjukkan", "Manajemen paham betul programnya"),
        ),
    },
    "UMKM": {
        "KEP": (
            ("Baru pemilik saja yang terdaftar", "Pekerja belum didaftarkan"),
            ("Pemilik sudah, sebagian pekerja belum", "Baru JKK dan JKM"),
            ("Pemilik dan semua pekerja sudah terdaftar", "Semua pekerja terdaftar"),
        ),
        "IUR": (
            ("Iuran sering putus", "Iuran berhenti beberapa bulan"),
            ("Sempat putus 2 bulan saat usaha sepi", "Kadang telat bayar"),
            ("Iuran rutin tiap bulan", "Bayar iuran rutin lewat agen"),
        ),
        "WAW": (
            ("Belum paham manfaat program", "Masih ragu manfaatnya"),
            ("Paham manfaat JKK, JKM belum terlalu", "Cukup paham"),
            ("Semangat, sudah ajak pelaku usaha lain ikut", "Paham betul manfaatnya"),
        ),
    },
}

_GENERAL: dict[str, _Bands] = {
    "PEMKAB": (
        ("Perlu pendampingan serius dari Disnakertrans dan BPJS", "Masih tahap awal"),
        ("Komitmen ada, perlu konsistensi anggaran", "Perlu sinkronisasi data dengan BPJS"),
        ("Layak jadi contoh kabupaten/kota lain", "Kuat di regulasi dan anggaran"),
    ),
    "COMPANY": (
        ("Kepatuhan dasar belum terpenuhi", "Perlu pemeriksaan kepatuhan oleh pengawas"),
        (
            "Minta bukti bayar iuran dan daftar vendor",
            "Perlu verifikasi lapangan sebelum penetapan",
        ),
        ("Patut jadi percontohan di sektornya", "Kepatuhan sangat baik"),
    ),
    "UMKM": (
        ("Perlu pendampingan agen BPJS", "Perlu sosialisasi lagi"),
        ("Perlu didorong daftarkan semua pekerja", "Sudah ada niat baik"),
        ("Usaha kecil tapi kepatuhan bagus, patut diapresiasi", "Bisa jadi contoh UMKM lain"),
    ),
}

_RECOMMEND: _Bands = (
    ("Belum direkomendasikan", "Belum layak, perlu pembinaan"),
    ("Layak diapresiasi; perbaiki {weakest}", "Dipertimbangkan, catatan: {weakest}"),
    ("Direkomendasikan maju ke tingkat nasional", "Layak juara kategori"),
)

_UNLOCK_REASONS: dict[str, str] = {
    "CAK": "Salah input nilai cakupan; dikoreksi setelah dicek dengan data Kanwil",
    "ANG": "Nilai anggaran tertukar dengan peserta sebelumnya; diperbaiki",
    "REG": "Perda yang ditunjukkan ternyata masih ranperda; nilai regulasi dikoreksi",
}
_UNLOCK_NOTES: dict[str, str] = {
    "CAK": "Dikoreksi: cakupan sesuai data Kanwil",
    "ANG": "Dikoreksi: anggaran sesuai dokumen APBD",
    "REG": "Dikoreksi: Perda belum ditetapkan",
}

_TERSE = {
    "sudah": "sdh",
    "belum": "blm",
    "yang": "yg",
    "dengan": "dgn",
    "tidak": "tdk",
    "untuk": "utk",
    "sebagian": "sbgn",
}
_TERSE_RE = re.compile(r"\b(" + "|".join(_TERSE) + r")\b")


def _group(category: Category) -> str:
    if category.code in ("PB", "PM"):
        return "COMPANY"
    return category.code if category.code in _NOTES else "COMPANY"


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
class _Step:
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
        text = _TERSE_RE.sub(lambda m: _TERSE[m.group(1)], text)
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
class _Plan:
    created: dict[str, dt.datetime]  # judge id -> when the panel file was made
    steps: dict[str, list[_Step]]  # judge id -> changes in the order made


def _plan(event: Event, seed: int) -> _Plan:
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
    unlock_criterion = rng.choice(sorted(_UNLOCK_REASONS))

    created: dict[str, dt.datetime] = {}
    steps: dict[str, list[_Step]] = {}
    for judge in event.judges:
        jid = judge.id
        h = habits[jid]
        created[jid] = _at(event.start_date, dt.time(7, 40)) + dt.timedelta(
            seconds=rng.randrange(40 * 60)
        )
        plan: list[_Step] = []
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
                plan.append(_Step(moment, iid, change))
            if jid == unlock_judge and iid == day1[-1]:
                plan.extend(
                    _unlock_steps(rng, event, plan, unlock_interview, unlock_criterion, window[1])
                )
        steps[jid] = plan
    return _Plan(created, steps)


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
        if criterion.code in skipped:
            continue
        x = (
            participant.quality[criterion.code]
            + habits.leniency
            + habits.leanings.get((group, criterion.code), 0.0)
            + rng.gauss(0.0, habits.spread)
        )
        shares[criterion.code] = x
        changes.append(Change(Action.RATE, criterion.code, _on_scale(category, x)))
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
                options = _NOTES[group][criterion.code][band]
            changes.append(
                Change(Action.CRITERION_NOTE, criterion.code, _phrase(rng, options, habits, **fill))
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
            Change(Action.GENERAL_NOTE, value=_phrase(rng, _GENERAL[group][band], habits))
        )
    if rng.random() < max(habits.verbosity, 0.5):
        weakest = min(shares, key=lambda c: (shares[c], c))
        changes.append(
            Change(
                Action.RECOMMENDATION,
                value=_phrase(
                    rng,
                    _RECOMMEND[band],
                    habits,
                    weakest=_lower_first(category.criterion(weakest).name),
                ),
            )
        )
    if draft is None:
        changes.append(Change(Action.FINALISE))
    return changes


def _unlock_steps(
    rng: random.Random,
    event: Event,
    done: list[_Step],
    interview_id: str,
    criterion: str,
    after: dt.datetime,
) -> list[_Step]:
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
        Change(Action.UNLOCK, reason=_UNLOCK_REASONS[criterion]),
        Change(Action.RATE, criterion, corrected),
        Change(Action.CRITERION_NOTE, criterion, _UNLOCK_NOTES[criterion]),
        Change(Action.FINALISE),
    ]
    return [_Step(m, interview_id, c) for m, c in zip(moments, changes, strict=True)]


# --- writing the files ------------------------------------------------------------------


def _panel_id(seed: int, judge_id: str) -> str:
    """A version-4 uuid drawn from the seed, so the same seed gives the same files."""
    rng = random.Random(f"{seed}:{judge_id}")
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class _Clock:
    """A clock the demo sets by hand before each change, so timestamps follow the day."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


def _record(panel: PanelFile, step: _Step) -> None:
    """One change through the panel file's public operations, as the judge's window makes it."""
    c, iid = step.change, step.interview_id
    if c.action is Action.RATE:
        assert c.criterion is not None and not isinstance(c.value, str)
        panel.rate(iid, c.criterion, c.value)
    elif c.action is Action.CRITERION_NOTE:
        assert c.criterion is not None
        panel.note(iid, c.criterion, str(c.value))
    elif c.action is Action.GENERAL_NOTE:
        panel.set_general_note(iid, str(c.value))
    elif c.action is Action.RECOMMENDATION:
        panel.set_recommendation(iid, str(c.value))
    elif c.action is Action.FINALISE:
        panel.finalise(iid)
    elif c.action is Action.UNLOCK:
        panel.unlock(iid, c.reason)
    elif c.action is Action.DECLARE_CONFLICT:
        panel.declare_conflict(iid, c.reason)
    else:  # pragma: no cover - the plan makes no other change
        raise AssertionError(c.action)


def write_demo(outdir: Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write the demo event file and one filled panel file per judge into ``outdir``.

    Returns the paths written, the event file first. Refuses (``UserError``) when ``outdir``
    already holds any of these files: a judge's file is never overwritten.
    """
    outdir = Path(outdir)
    event = demo_event()
    event_path = outdir / event_file_name(event)
    panel_paths = {j.id: outdir / panel_file_name(event, j.id) for j in event.judges}
    targets = [event_path, *panel_paths.values()]

    if outdir.exists() and not outdir.is_dir():
        raise UserError(
            Text(
                f"{outdir} adalah berkas, bukan folder. Pilih folder untuk data demo.",
                f"{outdir} is a file, not a folder. Choose a folder for the demo data.",
            ),
        )
    present = [p.name for p in targets if p.exists()]
    if present:
        raise UserError(
            Text(
                f"Folder {outdir} sudah berisi berkas demo ({', '.join(present[:3])}"
                f"{', ...' if len(present) > 3 else ''}); berkas panelis tidak akan ditimpa. "
                "Pilih folder lain atau kosongkan folder itu dulu.",
                f"The folder {outdir} already holds demo files ({', '.join(present[:3])}"
                f"{', ...' if len(present) > 3 else ''}); a judge's file is never overwritten. "
                "Choose another folder or empty that one first.",
            ),
        )
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            Text(
                f"Folder {outdir} tidak dapat dibuat ({exc.strerror or exc}). Pilih folder lain.",
                f"The folder {outdir} cannot be created ({exc.strerror or exc}). Choose another "
                "one.",
            ),
        ) from exc

    plan = _plan(event, seed)
    written: list[Path] = []
    try:
        written.append(write_event_file(event_path, event))
        for judge in event.judges:
            clock = _Clock(plan.created[judge.id])
            panel = PanelFile.create(
                panel_paths[judge.id],
                event,
                judge.id,
                clock=clock,
                panel_id=_panel_id(seed, judge.id),
            )
            written.append(panel.path)
            try:
                for step in plan.steps[judge.id]:
                    clock.moment = step.at
                    _record(panel, step)
            finally:
                panel.close()
    except BaseException:
        # Only the files this call made: they hold nothing but generated demo data.
        for path in written:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        raise
    return written
