"""The register of a store, built once per store generation, and the selections `lexcite figures` makes of it."""

from __future__ import annotations

import datetime as dt
import threading

from ingest.manifest import Manifest, ManifestEntry, load_manifest
from ingest.store import ChunkStore
from retrieval.register.read import Unit, records_of_unit, stitch_units, vocabulary
from retrieval.register.records import KINDS, PARTIES, Register, RegisterRecord

_CACHE: dict[tuple[str, str, str], Register] = {}
_UNITS: dict[tuple[str, str], list[Unit]] = {}
_LOCK = threading.Lock()


class RegisterError(ValueError):
    """A selection the register cannot make (an unknown law, kind or party); str() says what is held."""


def today() -> str:
    return dt.date.today().isoformat()


def check_date(value: str | None) -> str:
    if not value:
        return today()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise RegisterError(f"--as-of {value!r} is not a date (use YYYY-MM-DD)") from None


def store_units(store: ChunkStore) -> list[Unit]:
    """The articles of the statutes and regulations in the store, stitched from their chunks, once per generation."""
    key = (store.settings.describe_store(), store.generation())
    with _LOCK:
        if key in _UNITS:
            return _UNITS[key]
    ids, texts, metas = store.all_chunks() if store.exists else ([], [], [])
    units = stitch_units(ids, texts, metas, vocabulary().regulatory_kinds)
    with _LOCK:
        _UNITS.clear()
        _UNITS[key] = units
    return units


def build_register(store: ChunkStore, manifest: Manifest | None = None, as_of: str | None = None) -> Register:
    """Every figure of the statutes and regulations in the store, read once per store generation and day."""
    manifest = manifest or load_manifest()
    as_of = check_date(as_of)
    generation = store.generation()
    key = (store.settings.describe_store(), generation, as_of)
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    units = store_units(store)
    translations = {}
    for unit in units:
        source = unit.meta.get("translation_of", "")
        if source and unit.article is not None:
            translations[(source, unit.article)] = unit.text
    register = Register(generation=generation)
    for unit in units:
        if unit.meta.get("translation_of"):
            continue
        register.laws.setdefault(unit.doc_id, unit.meta.get("short") or unit.doc_id)
        translated = translations.get((unit.doc_id, unit.article), "") if unit.article is not None else ""
        register.records.extend(records_of_unit(unit, manifest, as_of, translated))
    with _LOCK:
        # a store's older generations are stale; a few days' readings of the current one are kept
        for stale in [k for k in _CACHE if k[0] == key[0] and k[1] != generation][:] + list(_CACHE)[:-7]:
            _CACHE.pop(stale, None)
        _CACHE[key] = register
    return register


def _names(entry: ManifestEntry) -> set[str]:
    return {n.lower() for n in (entry.id, entry.short, entry.title, entry.title_zh, *entry.aliases) if n}


def _versions(entry: ManifestEntry, manifest: Manifest) -> list[ManifestEntry]:
    """The texts of one law: the entry, those it superseded and those superseding it (csl-2016 -> csl-2025)."""
    family = {entry.id: entry}
    changed = True
    while changed:
        changed = False
        for e in manifest.entries:
            if e.id in family:
                continue
            if e.superseded_by in family or any(f.superseded_by == e.id for f in family.values()):
                family[e.id] = e
                changed = True
    return list(family.values())


def in_force_on(entries: list[ManifestEntry], as_of: str) -> ManifestEntry | None:
    live = [e for e in entries if (not e.effective or e.effective <= as_of) and e.status != "draft"
            and not (e.superseded_by and (not e.superseded_on or e.superseded_on <= as_of))]
    return max(live, key=lambda e: e.effective or "", default=None)


def resolve_law(name: str, held: dict[str, str], manifest: Manifest, as_of: str) -> str:
    """The doc_id a --law names: a doc_id as is; a short name or alias (CSL) the version in force on as_of."""
    if name in held:
        return name
    lowered = name.strip().lower()
    matches = [e for e in manifest.entries if not e.translation_of and lowered in _names(e)]
    for entry in matches:
        version = in_force_on(_versions(entry, manifest), as_of)
        if version is not None and version.id in held:
            return version.id
    if matches and matches[0].id in held:
        return matches[0].id
    listing = ", ".join(f"{doc_id} ({short})" for doc_id, short in sorted(held.items()))
    raise RegisterError(f"the store holds no law named {name!r}; it holds: {listing or 'no statutes at all'}")


def select(register: Register, law: str | None = None, kind: str | None = None, party: str | None = None,
           as_of: str | None = None, manifest: Manifest | None = None) -> list[RegisterRecord]:
    manifest = manifest or load_manifest()
    as_of = check_date(as_of)
    if kind and kind not in KINDS:
        raise RegisterError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    if party and party not in PARTIES:
        raise RegisterError(f"unknown party {party!r}; choose one of {', '.join(PARTIES)}")
    records = register.records
    if law:
        doc_id = resolve_law(law, register.laws, manifest, as_of)
        records = [r for r in records if r.doc_id == doc_id]
    return [r for r in records if (not kind or r.kind == kind) and (not party or r.party == party)]


def open_store_for_reading(settings) -> ChunkStore:
    """The store, opened without loading the embedding model (the register reads text only)."""
    from ingest.embedder import model_identity

    model_id, dim = model_identity(settings.embedder)
    return ChunkStore(settings, model_id, dim, create=False)
