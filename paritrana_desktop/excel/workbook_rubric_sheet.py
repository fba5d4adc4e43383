"""The Rubrik sheets: each category's criteria and weights, and the categories they make."""

from __future__ import annotations

import re
from collections import defaultdict

from ..domain.errors import ValidationError
from ..domain.event import Category, Criterion
from ..domain.numbers import format_number
from ..domain.text import Text
from .workbook_categories import CategoryMatcher
from .workbook_layout import RUBRIC
from .workbook_reading import CategoryDraft, CriterionDraft, ProblemLog
from .workbook_sheets import DataRow, Grid, Table, find_table
from .workbook_values import ValueProblem, normalize_key, parse_number

_EPS = 1e-6


class RubricSheet:
    """Reads the Rubrik sheets and builds the categories from the drafts."""

    def __init__(self, log: ProblemLog) -> None:
        self.log = log

    def read_rubric(
        self, grids: list[Grid], matcher: CategoryMatcher | None
    ) -> dict[str, list[CriterionDraft]]:
        result: dict[str, list[CriterionDraft]] = defaultdict(list)
        for grid in grids:
            table = find_table(grid, RUBRIC)
            if table is None:
                self.log.no_table(
                    grid,
                    Text(
                        "Kategori, Kode kriteria, Kriteria, Deskripsi, Bobot",
                        "Category, Criterion code, Criterion, Description, Weight",
                    ),
                )
                continue
            self.log.doubled_headings(table)
            for key, id_name, en_name in (
                ("name", "Kriteria", "Criterion"),
                ("weight", "Bobot", "Weight"),
            ):
                if key not in table.columns:
                    self.log.problem(
                        grid.title,
                        Text(
                            f"kolom {id_name} tidak ada; tambahkan di baris judul.",
                            f"there is no {en_name} column; add it to the header row.",
                        ),
                        row=table.header_row,
                    )
            if "name" not in table.columns or "weight" not in table.columns:
                continue
            current = self._category_from_title(grid.title, matcher)
            for row in table.rows():
                if row.banner is not None:  # a title row naming the category below it
                    current = self._try_match(matcher, row.banner) or current
                    continue
                category: str | None = None
                text = row.text("category")
                if text and matcher is not None:
                    try:
                        category = matcher.match(text)
                    except ValueProblem as exc:
                        self.log.value_problem(table, row.number, "category", exc)
                elif text:
                    category = None
                elif current is not None:
                    category = current
                elif matcher is not None and len(matcher.categories) == 1:
                    category = matcher.categories[0].code
                elif matcher is not None:
                    self.log.cell_problem(
                        table,
                        row.number,
                        "category",
                        Text(
                            f"kategori kosong; pilih salah satu: {matcher.choices()}.",
                            f"the category is empty; choose one of: {matcher.choices()}.",
                        ),
                    )
                if category is not None:
                    current = category
                draft = self._criterion(table, row, category or "")
                if draft is not None and category is not None:
                    result[category].append(draft)
        return result

    def _category_from_title(self, title: str, matcher: CategoryMatcher | None) -> str | None:
        rest = title
        for name in RUBRIC.sheet_keys():
            if normalize_key(title).startswith(name):
                rest = re.sub(r"^\W*\w+\W*", "", title, count=1)
                break
        return self._try_match(matcher, rest) if rest and rest != title else None

    @staticmethod
    def _try_match(matcher: CategoryMatcher | None, text: str) -> str | None:
        if matcher is None or not text:
            return None
        try:
            return matcher.match(text)
        except ValueProblem:
            return None

    def _criterion(self, table: Table, row: DataRow, category: str) -> CriterionDraft | None:
        name = row.text("name")
        if not name:
            self.log.cell_problem(
                table,
                row.number,
                "name",
                Text(
                    "nama kriteria kosong; isi namanya, atau hapus baris ini.",
                    "the criterion name is empty; fill it in, or delete this row.",
                ),
            )
        weight: float | None = None
        percent = False
        found = row.found("weight")
        if found is None:
            self.log.cell_problem(
                table,
                row.number,
                "weight",
                Text(
                    "bobot kosong; isi bobot kriteria dalam persen, misalnya 30.",
                    "the weight is empty; enter the criterion's weight in percent, for example 30.",
                ),
            )
        else:
            try:
                weight, percent = parse_number(found.value, found.number_format)
                if not weight > 0:
                    weight = None
                    self.log.cell_problem(
                        table,
                        row.number,
                        "weight",
                        Text(
                            f"bobot {found.text} harus lebih dari 0.",
                            f"the weight {found.text} must be more than 0.",
                        ),
                    )
            except ValueProblem as exc:
                self.log.value_problem(table, row.number, "weight", exc)
        if not name:
            return None
        code_column, code_heading = table.where("code")
        weight_column, weight_heading = table.where("weight")
        return CriterionDraft(
            category=category,
            code=row.text("code"),
            name=name,
            description=row.text("description", multiline=True),
            weight=weight,
            percent=percent,
            sheet=table.grid.title,
            row=row.number,
            code_column=code_column,
            code_heading=code_heading,
            weight_column=weight_column,
            weight_heading=weight_heading,
        )

    def build_categories(
        self, drafts: list[CategoryDraft], criteria: dict[str, list[CriterionDraft]]
    ) -> list[Category]:
        built: list[Category] = []
        for draft in drafts:
            items = criteria.get(draft.code, [])
            if not items:
                self.log.problem(
                    draft.sheet,
                    Text(
                        f"kategori {draft.code} belum punya kriteria; tambahkan kriterianya di "
                        f"sheet {RUBRIC.name}, atau hapus baris ini.",
                        f"category {draft.code} has no criteria; add them in the {RUBRIC.name} "
                        "sheet, or delete this row.",
                    ),
                    row=draft.row,
                )
                continue
            weights = [c.weight for c in items]
            if any(w is None for w in weights):
                continue  # each already reported
            values = [float(w) for w in weights if w is not None]
            if (
                not any(c.percent for c in items)
                and all(w <= 1 for w in values)
                and abs(sum(values) - 1) < _EPS
            ):  # typed as fractions: 0.3, 0.7
                values = [float(round(w * 100, 9)) for w in values]
            total = sum(values)
            if abs(total - 100) > _EPS:
                first, last = items[0], items[-1]
                rows = f"{first.row}" if first.row == last.row else f"{first.row}-{last.row}"
                self.log.problem(
                    first.sheet,
                    Text(
                        f"bobot kriteria kategori {draft.code} (baris {rows}) berjumlah "
                        f"{format_number(round(total, 6), 'id')}, harus 100; sesuaikan bobotnya.",
                        f"the weights of category {draft.code} (rows {rows}) add up to "
                        f"{format_number(round(total, 6))}, not 100; adjust them.",
                    ),
                    row=first.row,
                    column=first.weight_column,
                    heading=first.weight_heading,
                )
            codes = self._criterion_codes(draft.code, items)
            if draft.scale is None or codes is None or abs(total - 100) > _EPS:
                continue
            try:
                built.append(
                    Category(
                        code=draft.code,
                        name=draft.name,
                        criteria=tuple(
                            Criterion(code, c.name, c.description, w)
                            for code, c, w in zip(codes, items, values, strict=True)
                        ),
                        scale=draft.scale,
                        weights_are_examples=draft.weights_are_examples,
                    )
                )
            except ValidationError as exc:
                self.log.problem(draft.sheet, exc.message, row=draft.row)
        return built

    def _criterion_codes(self, category: str, items: list[CriterionDraft]) -> list[str] | None:
        seen: dict[str, int] = {}
        ok = True
        for item in items:
            if not item.code:
                continue
            key = normalize_key(item.code) or item.code
            if key in seen:
                ok = False
                self.log.problem(
                    item.sheet,
                    Text(
                        f"kode kriteria '{item.code}' sudah dipakai di kategori {category} (baris "
                        f"{seen[key]}); beri kode yang berbeda.",
                        f"criterion code '{item.code}' is already used in category {category} "
                        f"(row {seen[key]}); give each criterion its own code.",
                    ),
                    row=item.row,
                    column=item.code_column,
                    heading=item.code_heading,
                )
            else:
                seen[key] = item.row
        if not ok:
            return None
        codes: list[str] = []
        taken = set(seen)
        counter = 1
        for item in items:
            if item.code:
                codes.append(item.code)
                continue
            while normalize_key(f"K{counter}") in taken:
                counter += 1
            codes.append(f"K{counter}")
            taken.add(normalize_key(f"K{counter}"))
        return codes
