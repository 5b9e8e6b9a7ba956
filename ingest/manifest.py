"""The corpus manifest: the reference one (corpus/manifest.toml) with the user's additions over it
(user-manifest.toml in the corpus root, written by `lexcite corpus add`).

A user entry that ``supersedes`` another takes effect on its ``effective`` date: from then on the older text is
"amended", superseded by the newer, and its names (short name, aliases) belong to the newer text, so a question
naming the law is answered from the text in force. Before that date the newer text counts as not yet in force.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

from corpus import MANIFEST_PATH
from ingest.records import DocumentMeta

KINDS = ("statute", "regulation", "judicial-interpretation", "departmental-rule", "guide", "article", "document")
STATUSES = ("in-force", "draft", "amended", "repealed")
REQUIRED = ("id", "path", "sha256", "title", "kind", "authority", "language", "status")
USER_MANIFEST = "user-manifest.toml"  # in the corpus root: the user's own entries (`lexcite corpus add`)


class ManifestError(ValueError):
    pass


@dataclass(frozen=True)
class ManifestEntry:
    id: str
    path: str
    sha256: str
    title: str
    kind: str
    authority: int
    language: str
    status: str
    title_zh: str = ""
    short: str = ""
    aliases: tuple[str, ...] = ()
    issuer: str = ""
    jurisdiction: str = "CN"
    promulgated: str = ""
    effective: str = ""
    published: str = ""
    translation_of: str = ""
    superseded_by: str = ""
    superseded_on: str = ""
    partly_superseded_by: str = ""
    note: str = ""
    source: str = ""
    url: str = ""  # the official page the text is published on; "" = no recorded address
    download: str = ""  # a direct address of this very file (sha256-checked), where one is known
    supersedes: str = ""  # (user entries) the doc id of the text this one amends
    origin: str = "reference"  # reference | user
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def to_meta(self) -> DocumentMeta:
        return DocumentMeta(
            doc_id=self.id, title=self.title, kind=self.kind, authority=self.authority, status=self.status,
            language=self.language, source=self.path, short=self.short, title_zh=self.title_zh,
            effective=self.effective or self.published, promulgated=self.promulgated, issuer=self.issuer,
            translation_of=self.translation_of, note=self.note, aliases=self.aliases, in_manifest=True,
        )


@dataclass(frozen=True)
class Manifest:
    entries: tuple[ManifestEntry, ...]

    def by_id(self, doc_id: str) -> ManifestEntry | None:
        return next((e for e in self.entries if e.id == doc_id), None)

    def by_sha256(self, digest: str) -> ManifestEntry | None:
        return next((e for e in self.entries if e.sha256 == digest), None)

    def translations_of(self, doc_id: str) -> list[ManifestEntry]:
        return [e for e in self.entries if e.translation_of == doc_id]


def user_manifest_path(corpus_root: Path) -> Path:
    return Path(corpus_root) / USER_MANIFEST


@lru_cache(maxsize=8)
def _default_corpus_root(cwd: str, root_env: str | None, config_env: str | None) -> Path:
    from ingest.settings import Settings

    try:
        return Settings().corpus_root.resolve()
    except ValueError:  # invalid settings are reported where they are used, not here
        return Path(cwd, "corpus-data")


def default_corpus_root() -> Path:
    """The corpus root of the settings from the environment and ./lexcite.toml, as the CLI and the app see it."""
    return _default_corpus_root(os.getcwd(), os.environ.get("LEXCITE_CORPUS_ROOT"), os.environ.get("LEXCITE_CONFIG"))


@lru_cache(maxsize=16)
def _user_manifest_file(corpus_root: Path, cwd: str) -> str:
    return str(user_manifest_path(Path(cwd, corpus_root)).resolve())


def load_manifest(path: Path | None = None, corpus_root: Path | None = None) -> Manifest:
    """The reference manifest with the user manifest of ``corpus_root`` (default: the configured corpus root)
    over it. ``path`` alone (a manifest file given explicitly) reads that file and nothing else."""
    base = MANIFEST_PATH if path is None else Path(path).resolve()
    if path is not None and corpus_root is None:
        return _load_manifest(base, None, (0, 0), "")
    root = Path(corpus_root) if corpus_root is not None else default_corpus_root()
    user = _user_manifest_file(root, "" if root.is_absolute() else os.getcwd())
    try:
        stat = os.stat(user)
    except OSError:
        return _load_manifest(base, None, (0, 0), "")
    return _load_manifest(base, Path(user), (stat.st_mtime_ns, stat.st_size), dt.date.today().isoformat())


@lru_cache(maxsize=8)
def _load_manifest(path: Path, user: Path | None, version: tuple[int, int], today: str) -> Manifest:
    entries = read_entries(path, "reference")
    if user is None:
        return Manifest(tuple(entries))
    return Manifest(tuple(apply_user_entries(entries, read_entries(user, "user"), today, user)))


def read_entries(path: Path, origin: str) -> list[ManifestEntry]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from exc
    known = {f.name for f in fields(ManifestEntry)} - {"origin", "extra"}
    entries = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("documents", []), start=1):
        where = f"{path}: documents[{i}] ({raw.get('id', '?')})"
        missing = [k for k in REQUIRED if k not in raw]
        if missing:
            raise ManifestError(f"{where}: missing field(s) {', '.join(missing)}")
        if raw["kind"] not in KINDS:
            raise ManifestError(f"{where}: kind {raw['kind']!r} is not one of {', '.join(KINDS)}")
        if raw["status"] not in STATUSES:
            raise ManifestError(f"{where}: status {raw['status']!r} is not one of {', '.join(STATUSES)}")
        if raw["id"] in seen:
            raise ManifestError(f"{where}: duplicate id {raw['id']!r}")
        seen.add(raw["id"])
        kwargs = {k: v for k, v in raw.items() if k in known}
        kwargs["aliases"] = tuple(raw.get("aliases", ()))
        kwargs["extra"] = {k: v for k, v in raw.items() if k not in known}
        entries.append(ManifestEntry(**kwargs, origin=origin))
    return entries


def apply_user_entries(base: list[ManifestEntry], user: list[ManifestEntry], today: str,
                       where: Path | str = USER_MANIFEST) -> list[ManifestEntry]:
    """The user's entries first (their names win), then the reference ones, with each ``supersedes`` applied
    as of ``today`` (ISO date)."""
    ids = {e.id for e in base}
    for e in user:
        if e.id in ids:
            raise ManifestError(f"{where}: id {e.id!r} is already in the reference manifest; choose another --id")
    merged = {e.id: e for e in [*user, *base]}
    for e in sorted(user, key=lambda u: u.effective):  # a chain of amendments, oldest first
        if not e.supersedes:
            continue
        e = merged[e.id]
        old = merged.get(e.supersedes)
        if old is None:
            raise ManifestError(f"{where}: {e.id}: supersedes {e.supersedes!r}, which no manifest entry is")
        if e.effective and e.effective > today:  # promulgated, not yet in force: the older text still governs
            merged[e.id] = replace(e, status="draft", note=(e.note or f"In force from {e.effective}; "
                                                            f"until then {old.short or old.id} governs."))
            continue
        year = (old.promulgated or old.effective)[:4]
        old_short = f"{old.short or old.title} ({year} text)" if year else f"{old.short or old.title} (earlier text)"
        merged[e.id] = replace(e, short=e.short or old.short, title_zh=e.title_zh or old.title_zh,
                               aliases=e.aliases or old.aliases, issuer=e.issuer or old.issuer)
        merged[old.id] = replace(old, status="amended" if old.status == "in-force" else old.status,
                                 superseded_by=e.id, superseded_on=e.effective, short=old_short,
                                 aliases=(old_short,))
    return list(merged.values())


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
