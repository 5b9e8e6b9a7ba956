"""The register written out: a terminal table, CSV, JSON, Markdown or an Excel workbook."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from retrieval.register.records import RegisterRecord

FORMATS = ("table", "csv", "json", "md", "xlsx")
COLUMNS = ("law", "doc_id", "locator", "kind", "low", "high", "unit", "party", "tier", "duty_articles", "status",
           "figure", "english", "clause", "condition", "quote", "translation")
# what the terminal table and the memo show (the rest is in csv, json and xlsx)
SHORT_COLUMNS = ("law", "locator", "kind", "low", "high", "unit", "party", "tier", "status", "figure")


def number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def day(value: float | None, unit: str) -> str:
    """20210820 -> 2021-08-20; a day of every year (101) -> 01-01."""
    if value is None:
        return ""
    whole = int(value)
    if unit == "month-day":
        return f"{whole // 100:02d}-{whole % 100:02d}"
    year, month, date = whole // 10000, whole // 100 % 100, whole % 100
    return "-".join(f"{part:02d}" for part in (year, month, date) if part) if year else number(value)


def row(record: RegisterRecord, columns: tuple[str, ...] = COLUMNS) -> dict[str, str]:
    data = record.to_dict()
    out = {}
    for column in columns:
        value = data[column]
        if column in ("low", "high"):
            value = day(value, record.unit) if record.kind == "date" else number(value)
        elif column == "duty_articles":
            value = ", ".join(f"Art. {n}" for n in value)
        out[column] = "" if value is None else str(value)
    return out


def to_json(records: list[RegisterRecord]) -> str:
    return json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2)


def to_csv(records: list[RegisterRecord]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(COLUMNS))
    writer.writeheader()
    for record in records:
        writer.writerow(row(record))
    return buffer.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(records: list[RegisterRecord], columns: tuple[str, ...] = SHORT_COLUMNS) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for record in records:
        cells = row(record, columns)
        lines.append("| " + " | ".join(_cell(cells[c]) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def to_table(records: list[RegisterRecord], width: int = 200) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in SHORT_COLUMNS:
        table.add_column(column, overflow="fold")
    for record in records:
        cells = row(record, SHORT_COLUMNS)
        table.add_row(*(cells[c] for c in SHORT_COLUMNS))
    console = Console(file=io.StringIO(), width=width, record=True)
    console.print(table)
    return console.export_text()


def to_xlsx(records: list[RegisterRecord], path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Register"
    sheet.append(list(COLUMNS))
    for record in records:
        data = row(record)
        values = [record.low if c == "low" else record.high if c == "high" else data[c] for c in COLUMNS]
        sheet.append(values)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for i, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = 60 if column in ("quote", "condition",
                                                                                "translation") else 16
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def render(records: list[RegisterRecord], fmt: str) -> str:
    """Text formats; xlsx is written to a file by ``to_xlsx``."""
    if fmt == "json":
        return to_json(records)
    if fmt == "csv":
        return to_csv(records)
    if fmt == "md":
        return to_markdown(records)
    return to_table(records)
