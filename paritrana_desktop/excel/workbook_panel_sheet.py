"""The Panel sheet: the judges, with their institution and role (chair or member)."""

from __future__ import annotations

from ..domain.event import Judge, Role
from ..domain.text import Text
from .workbook_layout import PANEL
from .workbook_reading import JudgeDraft, ProblemLog
from .workbook_sheets import Grid, find_table
from .workbook_values import normalize_key

_KETUA = {
    "ketua",
    "ketuatim",
    "ketuapanel",
    "ketuatimpenilai",
    "ketuajuri",
    "chair",
    "chairperson",
    "chairman",
    "chairwoman",
    "head",
    "ketuamerangkapanggota",
}
_ANGGOTA = {
    "anggota",
    "anggotatim",
    "anggotapanel",
    "anggotatimpenilai",
    "member",
    "panelis",
    "penilai",
    "juri",
    "judge",
    "anggotajuri",
}


class PanelSheet:
    """Reads the Panel sheet into the judges."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log

    def read_panel(self, grid: Grid) -> list[Judge]:
        table = find_table(grid, PANEL)
        if table is None:
            self.log.no_table(grid, Text("Nama, Instansi, Peran", "Name, Institution, Role"))
            return []
        self.log.doubled_headings(table)
        if "name" not in table.columns:
            self.log.problem(
                grid.title,
                Text(
                    "kolom Nama tidak ada; tambahkan di baris judul.",
                    "there is no Name column; add it to the header row.",
                ),
                row=table.header_row,
            )
            return []
        drafts: list[JudgeDraft] = []
        for row in table.rows():
            if row.banner is not None:
                continue
            name = row.text("name")
            role_text = row.text("role")
            role = _role(role_text)
            columns = {k: table.where(k) for k in table.columns}
            if not name:
                self.log.cell_problem(
                    table,
                    row.number,
                    "name",
                    Text(
                        "nama panelis kosong; isi namanya, atau hapus baris ini.",
                        "the judge's name is empty; fill it in, or delete this row.",
                    ),
                )
            if role is None:
                self.log.cell_problem(
                    table,
                    row.number,
                    "role",
                    Text(
                        f"peran '{role_text}' tidak dikenal; tulis ketua, anggota, atau "
                        "sekretaris merangkap anggota.",
                        f"role '{role_text}' is not known; write ketua (chair), anggota "
                        "(member) or sekretaris merangkap anggota (secretary and member).",
                    ),
                )
            drafts.append(
                JudgeDraft(
                    row.text("id"),
                    name,
                    row.text("institution"),
                    role,
                    grid.title,
                    row.number,
                    columns,
                    nip=row.text("nip"),
                    secretary=normalize_key(role_text).startswith("sekretaris"),
                )
            )
        if not drafts:
            self.log.problem(
                grid.title,
                Text(
                    "belum ada panelis; isi satu baris per panelis di bawah baris judul.",
                    "there are no judges; fill in one row per judge below the header row.",
                ),
            )
            return []
        self._check_panel(drafts)
        return [
            Judge(d.id, d.name, d.institution, d.role, nip=d.nip, secretary=d.secretary)
            for d in drafts
            if d.name and d.role is not None
        ]

    def _check_panel(self, drafts: list[JudgeDraft]) -> None:
        taken: dict[str, JudgeDraft] = {}
        for d in drafts:
            key = normalize_key(d.id) or d.id
            if not d.id:
                continue
            if key in taken:
                other = taken[key]
                column, heading = d.columns.get("id", (None, ""))
                self.log.problem(
                    d.sheet,
                    Text(
                        f"ID panelis '{d.id}' sudah dipakai di baris {other.row}; beri ID lain "
                        "atau kosongkan.",
                        f"judge ID '{d.id}' is already used in row {other.row}; give another ID or "
                        "leave it empty.",
                    ),
                    row=d.row,
                    column=column,
                    heading=heading,
                )
            else:
                taken[key] = d
        counter = 0
        for d in drafts:
            if d.id:
                continue
            counter += 1
            while normalize_key(f"P{counter:02d}") in taken:
                counter += 1
            d.id = f"P{counter:02d}"
            taken[normalize_key(d.id)] = d
        chairs = [d for d in drafts if d.role is Role.KETUA]
        sheet = drafts[0].sheet
        column, heading = drafts[0].columns.get("role", (None, ""))
        if not chairs and all(d.role is not None for d in drafts):
            self.log.problem(
                sheet,
                Text(
                    "belum ada ketua; tulis ketua di kolom peran untuk tepat satu panelis.",
                    "there is no chair; write ketua in the role column for exactly one judge.",
                ),
                column=column,
                heading=heading,
            )
        for extra in chairs[1:]:
            self.log.problem(
                extra.sheet,
                Text(
                    f"ketua hanya boleh satu orang, dan {chairs[0].name} (baris {chairs[0].row}) "
                    "sudah ketua; ubah salah satunya menjadi anggota.",
                    f"there can be only one chair and {chairs[0].name} (row {chairs[0].row}) "
                    "already is; make one of them anggota (member).",
                ),
                row=extra.row,
                column=column,
                heading=heading,
            )


def _role(text: str) -> Role | None:
    key = normalize_key(text)
    if not key:
        return Role.ANGGOTA
    if key in _KETUA or (key.startswith("ketua") and "merangkap" in key):
        return Role.KETUA
    if key in _ANGGOTA or key.endswith("merangkapanggota") or key.startswith("sekretaris"):
        return Role.ANGGOTA
    return None
