"""The bilingual legal glossary: English questions gain the statutes' Chinese terms for lexical
search, Chinese questions the English ones (retrieval/data/glossary.toml)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

GLOSSARY_PATH = Path(__file__).with_name("data") / "glossary.toml"
_CJK = re.compile(r"[\u4e00-\u9fff]")


class GlossaryError(ValueError):
    pass


@dataclass(frozen=True)
class GlossaryEntry:
    en: tuple[str, ...]
    zh: tuple[str, ...]
    party: bool = False  # a company or other party by its own name (滴滴 = DiDi): a case is told where it is named


@lru_cache(maxsize=4)
def _read(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_glossary(path: Path | None = None) -> tuple[GlossaryEntry, ...]:
    path = Path(path or GLOSSARY_PATH)
    data = _read(path)
    entries = []
    for i, raw in enumerate(data.get("terms", []), start=1):
        en = tuple(t.strip().lower() for t in raw.get("en", []))
        zh = tuple(t.strip() for t in raw.get("zh", []))
        if not en or not zh or not all(en) or not all(zh):
            raise GlossaryError(f"{path}: terms[{i}] needs non-empty 'en' and 'zh' lists")
        entries.append(GlossaryEntry(en, zh, bool(raw.get("party", False))))
    return tuple(entries)


@lru_cache(maxsize=1)
def chinese_terms() -> frozenset[str]:
    """Every Chinese term of the glossary's entries (a term a question uses that the glossary knows is the field's)."""
    return frozenset(term for entry in load_glossary() for term in entry.zh)


@lru_cache(maxsize=4)
def abbreviations(path: Path | None = None) -> dict[str, str]:
    """Chinese short forms and the statutes' full terms they stand for (关基 -> 关键信息基础设施), and the users'
    paraphrases of statutory words (上线 -> 提供服务)."""
    return short_forms(path) | _chinese_table(path, "paraphrases")


@lru_cache(maxsize=4)
def short_forms(path: Path | None = None) -> dict[str, str]:
    """The short forms alone (关基, 等保), without the paraphrases."""
    return _chinese_table(path, "abbreviations")


@lru_cache(maxsize=4)
def shorthand(path: Path | None = None) -> dict[str, str]:
    """English shorthand users type (hrs, ppl, w/o) and the word each means."""
    return _string_table(Path(path or GLOSSARY_PATH), ("shorthand",),
                         lambda short, full: short == short.lower() and not _CJK.search(short + full),
                         "a lower-case English short form and the word it means")


def _chinese_table(path: Path | None, key: str) -> dict[str, str]:
    return _string_table(Path(path or GLOSSARY_PATH), (key,), lambda short, full: bool(_CJK.search(short)),
                         "a Chinese short form and a full term")


@lru_cache(maxsize=4)
def name_variants(path: Path | None = None) -> dict[str, str]:
    """Latin letters users write inside a Chinese law name for the title's words (生成式AI服务管理暂行办法 for
    生成式人工智能服务管理暂行办法): read by the law names only, never searched as terms."""
    return _string_table(Path(path or GLOSSARY_PATH), ("name_variants",),
                         lambda short, full: bool(_CJK.search(full)), "the title's Chinese words")


def _string_table(path: Path, keys: tuple[str, ...], valid: Callable[[str, str], bool], needs: str) -> dict[str, str]:
    """The glossary's tables of short form -> full words under ``keys``, merged, each pair checked by ``valid``."""
    table: dict = {}
    for key in keys:
        table |= _read(path).get(key, {})
    bad = [short for short, full in table.items() if not isinstance(full, str) or not full or not valid(short, full)]
    if bad:
        raise GlossaryError(f"{path}: {keys[0]} {', '.join(bad)} need {needs}")
    return table


@lru_cache(maxsize=1)
def _index() -> tuple[list[tuple[re.Pattern[str], GlossaryEntry, str]], list[tuple[str, GlossaryEntry]]]:
    english: list[tuple[str, GlossaryEntry]] = []
    chinese: list[tuple[str, GlossaryEntry]] = []
    for entry in load_glossary():
        english += [(term, entry) for term in entry.en]
        chinese += [(term, entry) for term in entry.zh]
    english.sort(key=lambda t: -len(t[0]))
    chinese.sort(key=lambda t: -len(t[0]))
    patterns = [(re.compile(rf"(?<![a-z0-9]){_inflected(term)}(?![a-z0-9])"), entry, term) for term, entry in english]
    return patterns, chinese


def _inflected(term: str) -> str:
    """A pattern for an English term that also matches its words' regular inflections, so "rectified",
    "fines" and "processing" find the entries written as "rectify", "fine" and "process"."""
    words = []
    for word in term.split(" "):
        if len(word) < 4 or not word.isalpha():
            words.append(re.escape(word))
        elif word.endswith("y") and word[-2] not in "aeiou":
            words.append(re.escape(word[:-1]) + "(?:y|ies|ied|ying)")
        elif word.endswith("e"):
            words.append(re.escape(word[:-1]) + "(?:e|es|ed|ing)")
        else:
            words.append(re.escape(word) + "(?:s|es|ed|ing)?")
    return r"[\s\-]+".join(words)  # "core-data violation" names core data


def glossary_pairs(text: str) -> list[tuple[str, str]]:
    """(term found, its translation), longest terms first, each span of text used once."""
    patterns, chinese = _index()
    lowered = text.lower()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for pattern, entry, term in patterns:
        if term[:3] not in lowered:
            continue  # inflection only changes word endings: a match always holds the term's first letters
        for m in pattern.finditer(lowered):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.extend((m.start(), term, zh) for zh in entry.zh)
    if _CJK.search(text):
        for term, entry in chinese:
            start = text.find(term)
            while start >= 0:
                if free(start, start + len(term)):
                    taken.append((start, start + len(term)))
                    found.extend((start, term, en) for en in entry.en)
                start = text.find(term, start + 1)
        by_term, shorts = dict(chinese), short_forms()
        for short, full in abbreviations().items():
            # a short form means the full term, and so its translations too (等保: MLPS); a paraphrase (上线 for
            # 提供服务) only says which statutory words to search
            meanings = [full, *(by_term[full].en if short in shorts and full in by_term else ())]
            found.extend((m.start(), short, meaning) for m in re.finditer(re.escape(short), text)
                         if free(m.start(), m.end()) for meaning in meanings)
    return [(term, translation) for _, term, translation in sorted(found, key=lambda t: t[0])]


def expand_query(question: str) -> list[str]:
    """The other language's terms for every glossary term in the question, in order, unique."""
    return list(dict.fromkeys(translation for _, translation in glossary_pairs(question)))


@lru_cache(maxsize=1024)
def name_forms(name: str) -> tuple[str, ...]:
    return (name, *(translation for _, translation in glossary_pairs(name)))


def names_in(name: str, text: str) -> bool:
    """Whether a text names what a name names (an acronym, a place, a bank): the name as written, or the glossary's
    translation of it, which the glossary writes in lower case when it is English ("bank of communications" names
    Bank of Communications)."""
    name_itself, *translations = name_forms(name)
    if name_itself in text:
        return True
    lowered = text.lower()
    if name_itself.isascii() and not name_itself.isupper() and name_itself.lower() in lowered:
        return True  # "Didi" names DiDi; an acronym (CAC) is matched as written
    return any(t in text or t.isascii() and t in lowered for t in translations)


def party_names(question: str) -> list[str]:
    """The parties the question names by their own names, as written (滴滴, "DiDi"): the glossary's entries marked
    `party` and the companies users ask about (retrieval/data/companies.toml), not where a product of theirs follows
    (腾讯云, "Alibaba Cloud": the setting). A Chinese name counts only as a whole word (知网 is no party in
    通知网信部门)."""
    lowered = question.lower()
    companies, products_zh, products_en = _company_table()
    found = []
    named = [(entry.zh, entry.en) for entry in load_glossary() if entry.party] + list(companies)
    for zh, en in named:
        found += [form for form in zh if form in question and _whole_word(form, question, products_zh)][:1]
        found += [question[m.start():m.end()] for form in en
                  if (m := re.search(rf"(?<![a-z]){re.escape(form)}(?![a-z])(?!\s+(?:{products_en})\b)", lowered))][:1]
    return list(dict.fromkeys(found))


COMPANIES_PATH = Path(__file__).with_name("data") / "companies.toml"


@lru_cache(maxsize=1)
def _company_table() -> tuple[tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], tuple[str, ...], str]:
    """The companies (each its Chinese and English names), the products that may follow a Chinese name, and those
    after an English name as one pattern: companies.toml read once."""
    data = _read(COMPANIES_PATH)
    companies = tuple((tuple(c.get("zh", ())), tuple(c.get("en", ()))) for c in data.get("companies", []))
    products_en = "|".join(re.escape(p) for p in data.get("products_en", ())) or "(?!)"
    return companies, tuple(data.get("products_zh", ())), products_en


def _whole_word(form: str, text: str, products: tuple[str, ...]) -> bool:
    """Whether the Chinese form stands in the text as a word of its own (jieba's cut), not inside two others, and
    no product of it follows."""
    from ingest.lexical import jieba_module

    edges = set(accumulate((len(word) for word in jieba_module().lcut(text)), initial=0))
    return any(m.start() in edges and m.end() in edges and not text.startswith(products, m.end())
               for m in re.finditer(re.escape(form), text))


def scheme_names(question: str) -> list[tuple[str, str]]:
    """The short names of schemes the question asks about (等保三级), each with the words a passage about that
    scheme uses (等级保护): a passage without them is about another duty."""
    lowered = question.lower()
    return [(short, full) for short, full in _scheme_table().items() if short in lowered]


@lru_cache(maxsize=1)
def _scheme_table() -> dict[str, str]:
    return dict(_read(GLOSSARY_PATH).get("schemes", {}))
