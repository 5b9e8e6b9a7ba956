"""What the Register, Check-a-document and Transfer-route pages show: thin calls into retrieval/register,
retrieval/policy_check.py and retrieval/transfer.py, with the store named by the settings (LEXCITE_STORE)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ingest.settings import Settings
from retrieval.policy_check import CheckReport, check_document
from retrieval.register.build import build_register, check_date, open_store_for_reading, select
from retrieval.register.export import row
from retrieval.register.records import RegisterRecord
from retrieval.transfer import Route, Transfer, check, route_in_store

# the clause beside the locator: two figures of one paragraph (a filing's ten days, a change's ten days) are told
# apart by it before any column scrolls out of view
TABLE_COLUMNS = ("law", "locator", "kind", "clause", "low", "high", "unit", "party", "tier", "status", "figure",
                 "english")


def store():
    return open_store_for_reading(Settings())


def laws() -> dict[str, str]:
    """doc_id -> short name of every statute and regulation the store holds."""
    return build_register(store()).laws


def register_records(law: str | None, kind: str | None, party: str | None, as_of: str | None) -> list[RegisterRecord]:
    as_of = check_date(as_of)
    return select(build_register(store(), as_of=as_of), law or None, kind or None, party or None, as_of)


def table_rows(records: list[RegisterRecord]) -> list[dict[str, object]]:
    """Rows for a sortable table: numbers stay numbers."""
    out = []
    for record in records:
        cells: dict[str, object] = row(record, TABLE_COLUMNS)
        # numbers stay numbers; float noise from the readings (100000.00000000001) is not shown
        cells["low"], cells["high"] = (round(v, 4) if isinstance(v, float) else v for v in (record.low, record.high))
        out.append(cells)
    return out


def check_upload(name: str, data: bytes) -> CheckReport:
    """Check an uploaded policy; the file is kept only for the check."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(name).name
        path.write_bytes(data)
        return check_document(path, store())


def check_rows(report: CheckReport) -> list[dict[str, str]]:
    """The check as table rows, the verdict first."""
    return [{"verdict": f.verdict + (f" ({f.route})" if f.route else ""), "topic": f.topic, "binds": f.binds,
             "policy": f.policy.figure, "policy says": f.policy.quote, "where": f.policy.locator,
             "law": f.law.figure if f.law else "", "law says": f.law.quote if f.law else "",
             "article": f"{f.law.doc_id} {f.law.locator}" if f.law else ""} for f in report.findings]


def transfer_route(individuals: int, sensitive: int, cii: bool, important_data: bool, purpose: str,
                   free_trade_zone: bool) -> Route:
    transfer = check(Transfer(individuals, sensitive, cii, important_data, purpose, free_trade_zone))
    return route_in_store(transfer, store())
