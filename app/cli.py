"""The `lexcite` command line: thin entry points over ingest and the answering service."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _settings(args: argparse.Namespace):
    from ingest.settings import Settings

    overrides = {}
    if getattr(args, "store", None):
        overrides["store"] = Path(args.store)
    if getattr(args, "embedder", None):
        overrides["embedder"] = args.embedder
    return Settings(**overrides)


def _add_store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store folder (default: LEXCITE_STORE or ./.lexcite)")
    p.add_argument("--embedder", choices=["e5", "minilm"], help="embedding model (default: LEXCITE_EMBEDDER or e5)")


def add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--k", type=int, help="passages to cite at most (default 5)")
    p.add_argument("--kind", action="append", default=[], metavar="KIND",
                   help="only these document kinds (statute, regulation, judicial-interpretation, "
                        "departmental-rule, guide, article, document); repeatable")
    p.add_argument("--doc", action="append", default=[], metavar="DOC_ID", help="only these documents; repeatable")
    p.add_argument("--lang", action="append", default=[], choices=["zh", "en"], help="only passages in this language")
    p.add_argument("--in-force", action="store_true", help="only texts in force (no drafts or superseded texts)")


def options_from_args(args: argparse.Namespace):
    from retrieval.service import Options

    return Options(k=args.k, kinds=tuple(args.kind), doc_ids=tuple(args.doc), languages=tuple(args.lang),
                   in_force_only=args.in_force)


# ---------------------------------------------------------------------------- commands
def cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.pipeline import ingest_paths, open_store

    settings = _settings(args)
    paths = [Path(p) for p in args.paths] or [settings.corpus_root]
    if not args.paths and not settings.corpus_root.is_dir():
        print(f"lexcite: the corpus root {settings.corpus_root} does not exist; run `lexcite corpus pull --from DIR` "
              "or give the files or folders to ingest", file=sys.stderr)
        return EXIT_FAIL
    if args.rebuild:
        status = _rebuild(settings, args.yes)
        if status != EXIT_OK:
            return status
    store = open_store(settings)
    report = ingest_paths(paths, settings, store=store, progress=not args.quiet)
    for f in report.skipped:
        print(f"skipped: {f.path}: {f.reason}", file=sys.stderr)
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_FAIL


def _rebuild(settings, yes: bool) -> int:
    """Drop the store (whatever model built it) after confirming, so ingest rebuilds it with the settings' model."""
    from ingest.embedder import get_embedder
    from ingest.store import describe_existing, drop_store

    chunks, built_with = describe_existing(settings)
    if chunks:
        model = get_embedder(settings.embedder).model_id
        what = (f"--rebuild deletes the {chunks} chunk(s) of {settings.describe_store()} (built with "
                f"'{built_with or 'unknown'}') and embeds everything again with '{model}'")
        if not yes:
            if not sys.stdin.isatty():
                print(f"lexcite: {what}; add --yes to confirm", file=sys.stderr)
                return EXIT_USAGE
            if input(f"{what}. Continue? [y/N] ").strip().lower() not in ("y", "yes"):
                print("lexcite: nothing deleted", file=sys.stderr)
                return EXIT_FAIL
    drop_store(settings)
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    from ingest.pipeline import remove_documents

    removed = remove_documents(args.doc_ids, _settings(args))
    status = EXIT_OK
    for doc_id, n in removed.items():
        if n:
            print(f"removed {doc_id}: {n} chunk(s)")
        else:
            print(f"lexcite: no document {doc_id!r} in the store (see `lexcite stats`)", file=sys.stderr)
            status = EXIT_FAIL
    return status


def cmd_stats(args: argparse.Namespace) -> int:
    from ingest.embedder import get_embedder
    from ingest.pipeline import open_store
    from retrieval.service import store_stats

    settings = _settings(args)
    embedder = get_embedder(settings.embedder)
    stats = store_stats(open_store(settings, embedder, create=False), settings, embedder)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"store: {stats['store']}\nmodel: {stats['model']}\n"
          f"documents: {stats['documents']}  chunks: {stats['chunks']}")
    for title, table in (("by kind", stats["by_kind"]), ("by language", stats["by_language"])):
        print(f"{title}:")
        for key, row in sorted(table.items()):
            print(f"  {key:<26} {row['documents']:>4} docs {row['chunks']:>6} chunks")
    return EXIT_OK


def _refuse(args: argparse.Namespace, exc: BaseException, code: int) -> int:
    """Say why on stderr; with --json also print {"error", "code"} on stdout so a script always reads JSON."""
    print(f"lexcite: {exc}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"error": str(exc), "code": code}, ensure_ascii=False))
    return code


def format_answer(answer) -> str:
    lines = [answer.text, ""]
    if answer.abstained:
        if answer.closest:
            lines.append("Closest passages:")
            for c in answer.closest:
                lines.append(f"  - {c.title} — {c.locator}: {c.text[:160].strip()}…")
        return "\n".join(lines)
    badge = "✓ all figures verified against the cited text" if answer.verified else \
        "⚠ NOT VERIFIED: " + ", ".join(answer.unsupported_figures)
    lines.append(badge)
    for w in answer.warnings:
        if not w.startswith("Not verified"):
            lines.append(f"note: {w}")
    lines.append("")
    for c in answer.citations:
        status = f" · {c.status_label}" if c.status_label else ""
        effective = f" · in force since {c.effective}" if c.effective and c.status == "in-force" else ""
        lines.append(f"[{c.n}] {c.title} — {c.locator} ({c.kind}{effective}{status})")
        lines.append(f"    “{c.quote or c.text[:300]}”")
        if c.linked:
            lines.append(f"    {c.linked.language.upper()}: {c.linked.text[:400]}")
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    from retrieval.service import AnswerService, EmptyStoreError, QuestionError

    settings = _settings(args)
    try:
        service = AnswerService(settings)
        answer = service.answer(" ".join(args.question), options_from_args(args))
    except (QuestionError, EmptyStoreError) as exc:
        code = EXIT_USAGE if isinstance(exc, QuestionError) else EXIT_FAIL
        return _refuse(args, exc, code)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_answer(answer))
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from app.batch import run_batch

    return run_batch(args, _settings(args))


def cmd_eval(args: argparse.Namespace) -> int:
    from evals.runner import run_from_args

    return run_from_args(args, _settings(args))


def cmd_bench(args: argparse.Namespace) -> int:
    from evals.bench import run_from_args

    return run_from_args(args, _settings(args))


def cmd_app(args: argparse.Namespace) -> int:
    import subprocess

    script = Path(__file__).with_name("chat.py")
    env = dict(os.environ)
    if args.store:
        env["LEXCITE_STORE"] = args.store
    if args.embedder:
        env["LEXCITE_EMBEDDER"] = args.embedder
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.address", args.address,
               "--server.port", str(args.port), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    return subprocess.call(command, env=env)


def cmd_corpus(args: argparse.Namespace) -> int:
    from ingest.manifest import load_manifest, pull_corpus, sha256_file

    settings = _settings(args)
    manifest = load_manifest()
    if args.corpus_command == "pull":
        mirror = Path(args.mirror) if args.mirror else settings.corpus_mirror
        root = Path(args.root) if args.root else settings.corpus_root
        result = pull_corpus(root, mirror, manifest)
        for path, reason in result.failed:
            print(f"failed: {path}: {reason}", file=sys.stderr)
        print(f"corpus at {root}: {len(result.copied)} copied, {len(result.unchanged)} already present, "
              f"{len(result.failed)} failed")
        return EXIT_OK if not result.failed else EXIT_FAIL
    if args.corpus_command == "list":
        for e in manifest.entries:
            print(f"{e.id:<26} {e.kind:<24} {e.language}  {e.status:<9} {e.effective or '':<10}  {e.title}")
        return EXIT_OK
    root = Path(args.root) if args.root else settings.corpus_root
    bad = 0
    for e in manifest.entries:
        path = root / e.path
        state = "missing" if not path.is_file() else ("ok" if sha256_file(path) == e.sha256 else "sha256 MISMATCH")
        bad += state != "ok"
        print(f"{state:<16} {e.id:<26} {path}")
    return EXIT_OK if not bad else EXIT_FAIL


# ---------------------------------------------------------------------------- parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lexcite",
        description="Cited, figure-verified answers from Chinese data-protection and cybersecurity law.",
        epilog="Settings: LEXCITE_* environment variables or ./lexcite.toml (see README).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("ingest", help="ingest files or folders (default: the corpus root)",
                       description="Load, chunk, embed and store documents (.txt .md .html .pdf). "
                                   "Incremental: unchanged files write nothing; changed files replace their chunks.")
    p.add_argument("paths", nargs="*", help="files or folders (default: LEXCITE_CORPUS_ROOT)")
    p.add_argument("--rebuild", action="store_true",
                   help="drop the store first and rebuild it with the settings' model (e.g. after changing the model)")
    p.add_argument("--yes", action="store_true", help="do not ask before --rebuild deletes the store")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_store_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("remove", help="remove documents from the store", description="Delete documents by doc id.")
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    _add_store_options(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("stats", help="what the store holds", description="Documents and chunks by kind and language.")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _add_store_options(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("ask", help="answer one question with citations",
                       description="Answer a question from the store, citing the passages it relies on.")
    p.add_argument("question", nargs="+", help="the question (quote it)")
    p.add_argument("--json", action="store_true", help="print the Answer record as JSON")
    add_filter_options(p)
    _add_store_options(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("batch", help="answer a file of questions (.txt .csv .jsonl)",
                       description="Answer every question in INPUT into OUTPUT (.jsonl, .csv or .md), resumably.")
    p.add_argument("input", help="questions: .txt (one per line), .csv (question column) or .jsonl")
    p.add_argument("-o", "--output", required=True, help="answers: .jsonl, .csv or .md")
    p.add_argument("--resume", action="store_true", help="skip ids already in OUTPUT")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_filter_options(p)
    _add_store_options(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("eval", help="evaluate on the gold set (and baselines)",
                       description="Score LexCite on gold questions; write results.json, report.md, report.html.")
    p.add_argument("--gold", help="gold JSONL (default: evals/gold/gold.jsonl)")
    p.add_argument("--split", choices=["all", "dev", "test"], default="all", help="which gold split")
    p.add_argument("--baselines", action="store_true", help="also run the baselines side by side")
    p.add_argument("--embedders", metavar="LIST",
                   help="also compare LexCite and the tutorial pipeline by language pairing with each of these "
                        "embedders, e.g. e5,minilm (others than the store's get their own store under OUT/stores)")
    p.add_argument("--benchmark", choices=["legalbench-privacyqa"], help="run an external benchmark instead")
    p.add_argument("--benchmark-dir", help="benchmark folder (default: ../shared/benchmarks/...)")
    p.add_argument("--out", default="out/eval", help="output folder")
    p.add_argument("--check-floors", action="store_true", help="exit 1 if metrics fall below evals/floors.toml")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_store_options(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("bench", help="speed and memory benchmarks", description="Measure ingest, query, batch, "
                       "cold start and scale; write bench.json, bench.md and plots.")
    p.add_argument("--quick", action="store_true", help="a run under a minute")
    p.add_argument("--out", default="out/bench", help="output folder")
    p.add_argument("--corpus", help="documents to benchmark on (default: the corpus root)")
    p.add_argument("--server", action="store_true",
                   help="also measure through a Chroma server in --quick (the full run always does): "
                        "LEXCITE_CHROMA_HOST if set, else a `chroma run` the bench starts on 127.0.0.1")
    _add_store_options(p)
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("app", help="start the chat UI", description="Start the Streamlit chat UI on the store.")
    p.add_argument("--address", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8501)
    _add_store_options(p)
    p.set_defaults(func=cmd_app)

    p = sub.add_parser("corpus", help="the reference corpus: pull, list, verify",
                       description="Manage the reference corpus described by corpus/manifest.toml.")
    csub = p.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    pull = csub.add_parser("pull", help="copy the documents from a mirror folder, checking sha256")
    pull.add_argument("--from", dest="mirror", help="mirror folder (default: LEXCITE_CORPUS_MIRROR)")
    pull.add_argument("--root", help="corpus root (default: LEXCITE_CORPUS_ROOT or ./corpus-data)")
    csub.add_parser("list", help="list the manifest's documents")
    verify = csub.add_parser("verify", help="check the corpus root against the manifest")
    verify.add_argument("--root", help="corpus root")
    for cp in (pull, verify):
        cp.set_defaults(store=None, embedder=None)
    p.set_defaults(func=cmd_corpus, store=None, embedder=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from ingest.manifest import ManifestError
    from ingest.store import StoreError

    try:
        return args.func(args)
    except (StoreError, ManifestError) as exc:
        return _refuse(args, exc, EXIT_FAIL)
    except KeyboardInterrupt:
        print("lexcite: interrupted; run the same command again to continue", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `lexcite stats --json | head`: the reader has gone; say nothing more and let the interpreter's final
        # flush write to nowhere instead of printing a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAIL


if __name__ == "__main__":
    sys.exit(main())
