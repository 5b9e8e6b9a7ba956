"""The corpus root's files: install the shipped texts, pull the others from a mirror, say what is where, and
add a user's own text (a new version of a law) with its manifest entry.

Shipped texts live in the package (corpus/statutes/zh/, see corpus/__init__.py); `pull` copies them into the
corpus root beside what it pulls from a mirror, so the corpus root is the one folder ingest reads.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from corpus import CORPUS_DIR, MANIFEST_PATH
from ingest.manifest import (
    KINDS,
    Manifest,
    ManifestEntry,
    ManifestError,
    apply_user_entries,
    load_manifest,
    read_entries,
    sha256_file,
    user_manifest_path,
)

PULL_HINT = "pull them with `lexcite corpus pull --from DIR`"
# authority by kind, for a user's entry that does not inherit one (see the header of corpus/manifest.toml)
AUTHORITY = {"statute": 1, "regulation": 2, "judicial-interpretation": 2, "departmental-rule": 3, "guide": 4,
             "article": 5, "document": 5}


def shipped_file(entry: ManifestEntry) -> Path | None:
    """The copy of the entry's text that ships with LexCite, if there is one with the manifest's sha256."""
    if entry.origin != "reference":
        return None
    path = CORPUS_DIR / entry.path
    return path if path.is_file() and sha256_file(path) == entry.sha256 else None


def _kind_group(entry: ManifestEntry) -> str:
    if entry.translation_of:
        return "translation"
    return "guide" if entry.kind in ("guide", "article") else "document"


def missing_line(missing: list[ManifestEntry]) -> str:
    """One line for the optional documents not in the corpus root: "5 guides and 2 translations not available:
    pull them with `lexcite corpus pull --from DIR`"; "" when none is missing."""
    if not missing:
        return ""
    counts: dict[str, int] = {}
    for e in missing:
        counts[_kind_group(e)] = counts.get(_kind_group(e), 0) + 1
    parts = [f"{n} {group}{'s' if n != 1 else ''}" for group, n in
             sorted(counts.items(), key=lambda kv: ("guide", "translation", "document").index(kv[0]))]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{listed} not available: {PULL_HINT}"


@dataclass
class PullResult:
    installed: list[str] = field(default_factory=list)  # shipped texts copied into the corpus root
    copied: list[str] = field(default_factory=list)  # from the mirror (or a download address)
    unchanged: list[str] = field(default_factory=list)
    missing: list[ManifestEntry] = field(default_factory=list)  # optional: neither shipped nor in the mirror
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): a wrong digest or a read error

    def summary(self, root: Path) -> str:
        return (f"corpus at {root}: {len(self.installed)} shipped text(s) installed, {len(self.copied)} copied, "
                f"{len(self.unchanged)} already present, {len(self.missing)} not available, "
                f"{len(self.failed)} failed")


def _fetch(entry: ManifestEntry, mirror: Path | None, tmp: Path) -> str:
    """Put the entry's text at ``tmp``; say where it came from ("shipped", "mirror", "download") or ""."""
    shipped = shipped_file(entry)
    if shipped is not None:
        shutil.copyfile(shipped, tmp)
        return "shipped"
    if mirror is not None and (mirror / entry.path).is_file():
        shutil.copyfile(mirror / entry.path, tmp)
        return "mirror"
    if entry.download:
        with urllib.request.urlopen(entry.download, timeout=30) as resp, open(tmp, "wb") as out:  # noqa: S310
            shutil.copyfileobj(resp, out)
        return "download"
    return ""


def pull_corpus(root: Path, mirror: Path | None, manifest: Manifest | None = None,
                shipped_only: bool = False) -> PullResult:
    """Fill ``root`` with the manifest's documents: the shipped texts from the package, the others from
    ``mirror`` (or their download address), checking sha256. A file already present with the right digest is
    left alone; a wrong digest is never installed. Documents found nowhere are ``missing``, which is not an
    error: ingest goes on with what is there."""
    manifest = manifest or load_manifest(corpus_root=root)
    result = PullResult()
    root.mkdir(parents=True, exist_ok=True)
    for entry in manifest.entries:
        target = root / entry.path
        if target.is_file() and sha256_file(target) == entry.sha256:
            result.unchanged.append(entry.path)
            continue
        if entry.origin == "user" or (shipped_only and shipped_file(entry) is None):
            if entry.origin != "user":
                result.missing.append(entry)
            continue
        tmp = target.with_name(target.name + ".part")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        try:
            came_from = _fetch(entry, None if shipped_only else mirror, tmp)
            if not came_from:
                result.missing.append(entry)
                continue
            digest = sha256_file(tmp)
            if digest != entry.sha256:
                tmp.unlink(missing_ok=True)
                result.failed.append((entry.path, f"sha256 mismatch in the {came_from} copy: expected "
                                                  f"{entry.sha256[:12]}…, got {digest[:12]}…"))
                continue
            tmp.replace(target)
            (result.installed if came_from == "shipped" else result.copied).append(entry.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            result.failed.append((entry.path, str(exc)))
    return result


@dataclass(frozen=True)
class DocumentState:
    entry: ManifestEntry
    state: str  # shipped | pulled | added | missing | sha256 mismatch
    in_root: bool


def document_states(root: Path, manifest: Manifest | None = None) -> list[DocumentState]:
    """Each manifest document as shipped (its text comes with LexCite), pulled (in the corpus root, from a
    mirror), added (a user's own, in the corpus root) or missing."""
    manifest = manifest or load_manifest(corpus_root=root)
    out = []
    for e in manifest.entries:
        path = root / e.path
        present = path.is_file()
        good = present and sha256_file(path) == e.sha256
        if shipped_file(e) is not None:
            state = "shipped"
        elif good:
            state = "added" if e.origin == "user" else "pulled"
        else:
            state = "sha256 mismatch" if present else "missing"
        out.append(DocumentState(e, state, good))
    return out


# ---------------------------------------------------------------------------- a user's own text
def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _check_date(value: str, name: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ManifestError(f"--{name} {value!r} is not a date (YYYY-MM-DD)") from None


def add_document(file: Path, root: Path, *, doc_id: str, kind: str, effective: str = "", supersedes: str = "",
                 title: str = "", language: str = "", promulgated: str = "", note: str = "") -> ManifestEntry:
    """Copy ``file`` into the corpus root (unless it is already under it) and append its entry to the user
    manifest there: sha256, kind, status, dates and the text it amends. Returns the entry as loaded."""
    if not file.is_file():
        raise ManifestError(f"{file}: no such file")
    if kind not in KINDS:
        raise ManifestError(f"--kind {kind!r} is not one of {', '.join(KINDS)}")
    if not doc_id or any(c.isspace() or c in '"\\' for c in doc_id):
        raise ManifestError(f"--id {doc_id!r}: give a short id without spaces or quotes, e.g. pipl-2027")
    manifest = load_manifest(corpus_root=root)
    if manifest.by_id(doc_id) is not None:
        raise ManifestError(f"--id {doc_id!r} is already in the manifest (see `lexcite corpus list`)")
    old = manifest.by_id(supersedes) if supersedes else None
    if supersedes and old is None:
        raise ManifestError(f"--supersedes {supersedes!r}: no such document (see `lexcite corpus list`)")
    root = root.resolve()
    try:
        rel = file.resolve().relative_to(root).as_posix()
    except ValueError:
        rel = f"added/{doc_id}{file.suffix.lower()}"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, root / rel)
    fields = {
        "id": doc_id, "path": rel, "sha256": sha256_file(root / rel),
        "title": title or (old.title if old else file.stem), "kind": kind,
        "authority": old.authority if old and old.kind == kind else AUTHORITY[kind],
        "language": language or (old.language if old else "zh"), "status": "in-force",
        "jurisdiction": old.jurisdiction if old else "CN",
        "promulgated": _check_date(promulgated, "promulgated") if promulgated else "",
        "effective": _check_date(effective, "effective") if effective else "",
        "supersedes": supersedes, "note": note,
        "source": f"added by the user on {dt.date.today().isoformat()} from {file.name}",
        "url": "",
    }
    lines = ["", "[[documents]]"] + [f"{k} = {_toml_value(v)}" for k, v in fields.items()
                                     if v != "" or k in ("url",)]
    target = user_manifest_path(root)
    before = target.read_text(encoding="utf-8") if target.is_file() else (
        "# Documents added with `lexcite corpus add`; paths are relative to this folder (the corpus root).\n"
        "# Read over corpus/manifest.toml; see its header for the fields.\n")
    tmp = target.with_name(target.name + ".part")
    tmp.write_text(before + "\n".join(lines) + "\n", encoding="utf-8")
    try:  # the new user manifest must load over the reference one before it replaces the old
        apply_user_entries(list(load_manifest(MANIFEST_PATH).entries), read_entries(tmp, "user"), dt.date.today().isoformat(), target)
    except ManifestError:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(target)
    entry = load_manifest(corpus_root=root).by_id(doc_id)
    assert entry is not None
    return entry
