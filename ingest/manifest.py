"""The reference-corpus manifest (corpus/manifest.toml): load it, match files to entries, pull files."""

from __future__ import annotations

import hashlib
import shutil
import tomllib
import urllib.request
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from corpus import MANIFEST_PATH
from ingest.records import DocumentMeta

KINDS = ("statute", "regulation", "judicial-interpretation", "departmental-rule", "guide", "article", "document")
STATUSES = ("in-force", "draft", "amended", "repealed")
REQUIRED = ("id", "path", "sha256", "title", "kind", "authority", "language", "status")


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
    url: str = ""
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


def load_manifest(path: Path | None = None) -> Manifest:
    return _load_manifest(Path(path or MANIFEST_PATH).resolve())


@lru_cache(maxsize=4)
def _load_manifest(path: Path) -> Manifest:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from exc
    known = {f.name for f in fields(ManifestEntry)}
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
        entries.append(ManifestEntry(**kwargs))
    return Manifest(tuple(entries))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class PullResult:
    copied: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


def pull_corpus(root: Path, mirror: Path | None, manifest: Manifest | None = None) -> PullResult:
    """Fill ``root`` with the manifest's documents from ``mirror`` (or their URL), checking sha256.

    A file already present with the right digest is left alone; a wrong digest is never installed.
    """
    manifest = manifest or load_manifest()
    result = PullResult()
    root.mkdir(parents=True, exist_ok=True)
    for entry in manifest.entries:
        target = root / entry.path
        if target.is_file() and sha256_file(target) == entry.sha256:
            result.unchanged.append(entry.path)
            continue
        tmp = target.with_name(target.name + ".part")
        tmp.parent.mkdir(parents=True, exist_ok=True)
        try:
            if mirror is not None and (mirror / entry.path).is_file():
                shutil.copyfile(mirror / entry.path, tmp)
            elif entry.url:
                with urllib.request.urlopen(entry.url, timeout=30) as resp, open(tmp, "wb") as out:  # noqa: S310
                    shutil.copyfileobj(resp, out)
            else:
                where = f"mirror {mirror}" if mirror else "no mirror given (--from or LEXCITE_CORPUS_MIRROR)"
                result.failed.append((entry.path, f"not found: {where}, and the manifest has no URL"))
                continue
            digest = sha256_file(tmp)
            if digest != entry.sha256:
                tmp.unlink(missing_ok=True)
                result.failed.append((entry.path, f"sha256 mismatch: expected {entry.sha256[:12]}…, got {digest[:12]}…"))
                continue
            tmp.replace(target)
            result.copied.append(entry.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            result.failed.append((entry.path, str(exc)))
    return result
