"""Which law and which article a question names: "Article 66 of the PIPL", "PIPL art. 66",
"个人信息保护法第六十六条", "《数据安全法》第四十五条第二款"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.manifest import Manifest, load_manifest
from ingest.numerals import NUMERAL_CHARS, chinese_to_int

# English names users type that the manifest's aliases do not spell out
EXTRA_ALIASES = {
    "pipl": ["personal information protection law", "china's privacy law", "personal information law"],
    "dsl": ["data security law", "data law"],
    "csl-2025": ["cybersecurity law", "cyber security law", "cyber law"],
    "ndsmr": ["network data regulations", "network data security regulations", "data regulations 2024"],
    "cbdt-provisions": ["cross-border data flow provisions", "cross-border provisions", "cbdt provisions",
                        "2024 cross-border rules"],
    "outbound-assessment": ["security assessment measures", "outbound assessment measures"],
    "scc-measures": ["standard contract measures", "china scc", "standard contract rules"],
    "genai": ["generative ai measures", "genai measures", "ai measures"],
    "cii": ["cii regulations", "critical information infrastructure regulations"],
    "minors": ["minors regulations", "minors online regulations"],
    "pi-crimes": ["pi crimes interpretation", "criminal interpretation", "spc/spp interpretation",
                  "personal information crimes interpretation", "interpretation on personal information crimes"],
}
_ZH_NUM = f"[{NUMERAL_CHARS}0-9]+"
EN_ARTICLE = re.compile(r"\b(?:Article|Art\.?|Arts?\.?|Articles)\s*(\d+)(?:\s*\((\d+)\))?"
                        r"((?:\s*(?:,|and|&)\s*\d+)*)", re.I)
ZH_ARTICLE = re.compile(rf"第({_ZH_NUM})条(?:第({_ZH_NUM})款)?")


@dataclass(frozen=True)
class ArticleRef:
    doc_id: str | None
    article: int
    paragraph: int | None = None


@lru_cache(maxsize=4)
def _names(manifest: Manifest) -> list[tuple[str, str, bool]]:
    """(name, doc_id, is_chinese) longest first."""
    names: dict[tuple[str, bool], str] = {}
    for e in manifest.entries:
        if e.translation_of:
            continue
        candidates = [e.title, e.short, *e.aliases, *EXTRA_ALIASES.get(e.id, [])]
        if e.title_zh:
            candidates += [e.title_zh, e.title_zh.removeprefix("中华人民共和国").split("（")[0]]
        for name in candidates:
            name = name.strip()
            if len(name) < 3 and not name.isupper():
                continue
            chinese = bool(re.search(r"[\u4e00-\u9fff]", name))
            names.setdefault((name if chinese else name.lower(), chinese), e.id)
    return sorted(((n, d, c) for (n, c), d in names.items()), key=lambda t: -len(t[0]))


@lru_cache(maxsize=4)
def _name_patterns(manifest: Manifest) -> list[tuple[re.Pattern[str], str, bool]]:
    return [(re.compile(re.escape(name) if chinese else rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])"), doc_id,
             chinese) for name, doc_id, chinese in _names(manifest)]


def _find_laws(question: str, manifest: Manifest) -> list[tuple[int, int, str]]:
    lowered = question.lower()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str]] = []
    for pattern, doc_id, chinese in _name_patterns(manifest):
        haystack = question if chinese else lowered
        for m in pattern.finditer(haystack):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), doc_id))
    return sorted(found)


SECONDARY_KINDS = ("guide", "article")
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z&]+")
_GENERIC_TITLE_WORDS = frozenset("about and the for with from into china chinese law laws guide".split())


def _issuer_name(issuer: str) -> str:
    return issuer.split("(")[0].split(";")[0].strip()


def _title_words(entry) -> set[str]:
    words = set()
    for word in _TITLE_WORD.findall(f"{entry.title} {entry.short}"):
        if word.isupper() and len(word) <= 4:
            words.add(word)  # "IT" is a title word only in capitals ("it" is a pronoun)
        elif len(word) >= 4 and word.lower() not in _GENERIC_TITLE_WORDS:
            words.add(word.lower())
    return words


def _word_in(word: str, question: str) -> bool:
    haystack = question if word.isupper() else question.lower()
    return re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", haystack) is not None


def secondary_sources(question: str, manifest: Manifest) -> list[str]:
    """Guides named by their publisher ("according to Lawzana…"): when one publisher wrote several, the words
    of the question that tell their titles apart ("Zhengzhou", "Harbin", "IT") pick among them."""
    by_issuer: dict[str, list] = {}
    for e in manifest.entries:
        if e.kind in SECONDARY_KINDS and e.issuer and not e.translation_of:
            by_issuer.setdefault(_issuer_name(e.issuer), []).append(e)
    out: list[str] = []
    for issuer, entries in by_issuer.items():
        if len(issuer) < 3 or not _word_in(issuer, question) and not _word_in(issuer.lower(), question):
            continue
        words = {e.id: _title_words(e) for e in entries}
        shared = set.intersection(*words.values()) if len(entries) > 1 else set()
        scores = {doc_id: sum(_word_in(w, question) for w in ws - shared) for doc_id, ws in words.items()}
        best = max(scores.values())
        out.extend(doc_id for doc_id, score in scores.items() if score == best)
    return out


def resolve_laws(question: str, manifest: Manifest | None = None) -> list[str]:
    """Doc ids the question names, authoritative text first, its translations after it."""
    manifest = manifest or load_manifest()
    ids: list[str] = []
    for _, _, doc_id in _find_laws(question, manifest):
        if doc_id == "csl-2025" and re.search(r"2016|original|before the amendment|修改前|修正前", question, re.I):
            doc_id = "csl-2016"
        if doc_id not in ids:
            ids.append(doc_id)
    ids.extend(doc_id for doc_id in secondary_sources(question, manifest) if doc_id not in ids)
    out: list[str] = []
    for doc_id in ids:
        out.append(doc_id)
        out.extend(t.id for t in manifest.translations_of(doc_id) if t.id not in ids)
    return out


def law_names(doc_ids: list[str], manifest: Manifest | None = None) -> list[str]:
    """Short names of the documents, translations folded into their originals."""
    manifest = manifest or load_manifest()
    names: list[str] = []
    for doc_id in doc_ids:
        entry = manifest.by_id(doc_id)
        if entry is None or entry.translation_of in doc_ids:
            continue
        name = entry.short or entry.title
        if name not in names:
            names.append(name)
    return names


def _base_title_zh(title_zh: str) -> str:
    return title_zh.split("（")[0].strip()


def background_laws(doc_ids: list[str], manifest: Manifest | None = None) -> set[str]:
    """Named laws that another named document is about: "the 2025 amendment of the Cybersecurity Law" names
    the amending decision (关于修改《中华人民共和国网络安全法》的决定) and the law it amends; the question is
    about the decision, and the law is its background."""
    manifest = manifest or load_manifest()
    entries = {e.id: e for e in manifest.entries if e.id in doc_ids}
    background: set[str] = set()
    for doc_id, entry in entries.items():
        base = _base_title_zh(entry.title_zh)
        if not base:
            continue
        if any(other_id != doc_id and base in other.title_zh and _base_title_zh(other.title_zh) != base
               for other_id, other in entries.items()):
            background.add(doc_id)
    return background


def article_refs(question: str, manifest: Manifest | None = None) -> list[ArticleRef]:
    manifest = manifest or load_manifest()
    laws = _find_laws(question, manifest)
    refs: list[ArticleRef] = []

    def nearest_law(start: int, end: int) -> str | None:
        if not laws:
            return None
        best = min(laws, key=lambda law: min(abs(law[0] - end), abs(start - law[1])))
        return best[2]

    for m in EN_ARTICLE.finditer(question):
        law = nearest_law(m.start(), m.end())
        numbers = [int(m.group(1))] + [int(n) for n in re.findall(r"\d+", m.group(3) or "")]
        for i, number in enumerate(numbers):
            refs.append(ArticleRef(law, number, int(m.group(2)) if m.group(2) and i == 0 else None))
    for m in ZH_ARTICLE.finditer(question):
        law = nearest_law(m.start(), m.end())
        try:
            article = chinese_to_int(m.group(1))
            paragraph = chinese_to_int(m.group(2)) if m.group(2) else None
        except ValueError:
            continue
        refs.append(ArticleRef(law, article, paragraph))
    return list(dict.fromkeys(refs))


def strip_law_names(question: str, manifest: Manifest | None = None) -> str:
    manifest = manifest or load_manifest()
    out = question
    for start, end, _ in sorted(_find_laws(question, manifest), reverse=True):
        out = out[:start] + " " + out[end:]
    return " ".join(out.split())
