"""`lexcite figures`, `lexcite transfer` and `lexcite check`: thin commands over retrieval/register,
retrieval/transfer.py and retrieval/policy_check.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _store(args: argparse.Namespace):
    from app.args import settings_from_args
    from retrieval.register.build import open_store_for_reading

    return open_store_for_reading(settings_from_args(args))


def cmd_figures(args: argparse.Namespace) -> int:
    from retrieval.register.build import RegisterError, build_register, check_date, select
    from retrieval.register.export import render, to_xlsx

    try:
        as_of = check_date(args.as_of)
        register = build_register(_store(args), as_of=as_of)
        records = select(register, args.law, args.kind, args.party, as_of)
    except RegisterError as exc:
        print(f"lexcite: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not records:
        print("no figures found", file=sys.stderr)
        return EXIT_FAIL
    if args.format == "xlsx":
        path = to_xlsx(records, Path(args.output or "figures.xlsx"))
        print(f"{len(records)} figures written to {path}")
    else:
        text = render(records, args.format)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def cmd_transfer(args: argparse.Namespace) -> int:
    from retrieval.transfer import Transfer, TransferError, count, route_in_store

    try:
        transfer = Transfer(count(args.individuals, "individuals"), count(args.sensitive, "sensitive"), args.cii,
                            args.important_data, args.purpose or "", args.free_trade_zone)
        decided = route_in_store(transfer, _store(args))
    except TransferError as exc:
        print(f"lexcite: {exc}", file=sys.stderr)
        return EXIT_USAGE if "must be" in str(exc) or "negative" in str(exc) else EXIT_FAIL
    if args.json:
        print(decided.to_json())
        return EXIT_OK
    print(f"route: {decided.route}")
    for n, step in enumerate(decided.steps, start=1):
        c = step.citation
        print(f"{n}. {step.text}\n   [{c.doc_id} {c.locator}] “{c.quote}”")
    for note in decided.notes:
        print(f"note: {note}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from retrieval.policy_check import CheckError, check_document, to_docx, to_markdown, to_table

    try:
        report = check_document(Path(args.document), _store(args))
    except CheckError as exc:
        print(f"lexcite: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not report.findings and not args.json:
        print(f"{args.document}: no figures found", file=sys.stderr)
        return EXIT_FAIL
    if args.json:
        print(report.to_json())
    elif args.format == "docx":
        print(f"memo written to {to_docx(report, Path(args.output or 'policy-check.docx'))}")
    else:
        sys.stdout.write(to_markdown(report) if args.format == "md" else to_table(report))
    return EXIT_OK


def add_commands(sub, add_store_options) -> None:
    from retrieval.register.export import FORMATS
    from retrieval.register.records import KINDS, PARTIES

    p = sub.add_parser("figures", help="the register of fines, deadlines, periods and thresholds",
                       description="Every figure the statutes and regulations of the store state, with its article, "
                                   "range, party, tier and status.")
    p.add_argument("--law", help="a doc_id or short name (PIPL, DSL, CSL: the text in force on --as-of)")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--party", choices=PARTIES)
    p.add_argument("--as-of", help="YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("-o", "--output", help="write to this file (xlsx: default figures.xlsx)")
    add_store_options(p)
    p.set_defaults(func=cmd_figures)

    p = sub.add_parser("transfer", help="which route the law requires for personal information sent abroad",
                       description="exempt, standard_contract_or_certification or security_assessment, each step "
                                   "cited from the 2024 Cross-border Data Flow Provisions and checked in the store.")
    p.add_argument("--individuals", required=True, help="individuals (not sensitive) sent abroad since 1 January")
    p.add_argument("--sensitive", default="0", help="individuals whose sensitive personal information is sent")
    p.add_argument("--cii", action="store_true", help="the sender is a critical information infrastructure operator")
    p.add_argument("--important-data", action="store_true", help="important data is sent")
    p.add_argument("--purpose", choices=("contract", "hr", "emergency"), help="an exempt purpose: contract, hr or emergency")
    p.add_argument("--free-trade-zone", action="store_true", help="sent from a pilot free trade zone, off its "
                                                                  "negative list")
    p.add_argument("--json", action="store_true")
    add_store_options(p)
    p.set_defaults(func=cmd_transfer)

    p = sub.add_parser("check", help="check a policy's figures against the law",
                       description="Each figure of the document beside the statutory figure of the same role: "
                                   "meets, falls_short or no_statutory_figure.")
    p.add_argument("document", help="the policy (.txt .md .html .pdf .docx)")
    p.add_argument("--json", action="store_true")
    p.add_argument("--format", choices=["table", "md", "docx"], default="table")
    p.add_argument("-o", "--output", help="docx: the memo's file (default policy-check.docx)")
    add_store_options(p)
    p.set_defaults(func=cmd_check)
