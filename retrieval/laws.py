"""Which law and which article a question names: "Article 66 of the PIPL", "PIPL art. 66",
"个人信息保护法第六十六条", "《数据安全法》第四十五条第二款"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.lexical import jieba_module
from ingest.manifest import Manifest, load_manifest
from ingest.numerals import NUMERAL_CHARS, chinese_to_int
from retrieval.glossary import abbreviations, glossary_pairs, name_variants
from retrieval.rules.registry import cues

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
    "minors": ["minors regulations", "minors online regulations", "minors online rules", "kids online rules",
               "children's online protection rules"],
    # not "the algorithm rules": resolving it (measured) answered a fine asked for a duty the Provisions leave
    # unsanctioned (Art. 19) from an unrelated sanction (Art. 33), where the unresolved name had abstained
    # the courts' official English titles, kept out of the manifest's aliases: their words (criminal, law) would
    # make "the Criminal Law" look held (rule unheld_article reads the aliases word by word)
    "facial-recognition": ["provisions on several issues concerning the application of law in the trial of civil cases "
                           "involving the use of face recognition technology to process personal information",
                           "provisions on several issues concerning the application of law in hearing civil cases "
                           "related to processing of personal information using facial recognition technology"],
    "csl-2025-decision": ["关于修改《网络安全法》的决定", "关于修改网络安全法的决定", "修改网络安全法的决定",
                          "decision amending the cybersecurity law", "cybersecurity law amendment decision"],
    "pi-crimes": ["pi crimes interpretation", "criminal interpretation", "spc/spp interpretation",
                  "personal information crimes interpretation", "interpretation on personal information crimes",
                  "interpretation on several issues concerning the application of law in handling criminal cases of "
                  "infringing on citizens' personal information",
                  "interpretation on several issues concerning the application of law in the handling of criminal "
                  "cases of infringing citizens' personal information"],
}
_ZH_NUM = f"[{NUMERAL_CHARS}0-9]+"
# an article with its paragraph as lawyers write it: "Article 66(2)", "Article 66, paragraph 2", "Art. 66 para. 2",
# "Art. 66 ¶2"; then more articles of a list ("Articles 66, 67 and 69")
EN_ARTICLE = re.compile(r"\b(?:Article|Art\.?|Arts?\.?|Articles)\s*(\d+)"
                        r"(?:\s*\((\d+)\)|,?\s+(?:paragraph|para\.?)\s*(\d+)|\s*¶\s*(\d+))?"
                        r"((?:\s*(?:,|and|&)\s*\d+)*)", re.I)
ZH_ARTICLE = re.compile(rf"第({_ZH_NUM})条(?:第({_ZH_NUM})款)?")


def en_article_paragraph(match: re.Match) -> int | None:
    """The paragraph an EN_ARTICLE match names, in whichever way it is written."""
    written = match.group(2) or match.group(3) or match.group(4)
    return int(written) if written else None


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
        candidates = [e.title, e.short, *e.aliases, *_extra_aliases(e, manifest), *_decision_aliases(e, manifest)]
        if e.title_zh:
            candidates += [e.title_zh, e.title_zh.removeprefix("中华人民共和国").split("（")[0]]
        # 关基安全保护条例: a Chinese name written with a short form of its term; then 生成式AI服务管理暂行办法: Latin
        # letters for the title's words
        for forms in (abbreviations(), name_variants()):
            candidates += [name.replace(full, short) for name in candidates for short, full in forms.items()
                           if full in name]
        # a title inside a title is marked 〈〉 in Chinese typesetting (《…关于修改〈中华人民共和国网络安全法〉的决定》)
        candidates += [name.replace("《", "〈").replace("》", "〉") for name in candidates if "《" in name]
        for name in candidates:
            name = name.strip()
            chinese = bool(re.search(r"[\u4e00-\u9fff]", name))
            if len(name) < 3 and not name.isupper() and not chinese:
                continue  # two Latin letters name nothing; two characters (中伦) name a firm
            names.setdefault((name if chinese else name.lower(), chinese), e.id)
    return sorted(((n, d, c) for (n, c), d in names.items()), key=lambda t: -len(t[0]))


_DECISION_SUFFIXES_ZH = ("修改决定", "的修改决定", "修正决定", "修改的决定")
_DECISION_FORMS_EN = ("{} amendment decision", "decision amending the {}", "decision on amending the {}",
                      "{} amending decision", "decision of the npc standing committee on amending the {}",
                      "decision of the standing committee of the national people's congress on amending the {}",
                      "npcsc decision on amending the {}")


def _decision_aliases(entry, manifest: Manifest) -> list[str]:
    """A decision amending a law is named by any name of that law and the word for the decision (网安法修改决定,
    "the CSL amendment decision"), whichever short name the user gives the law."""
    amended = _AMENDS.search(entry.title_zh or "")
    if not amended:
        return []
    base = _base_title_zh(amended.group(1))
    names = {n for e in manifest.entries if e.id != entry.id and e.title_zh and not e.translation_of
             and _base_title_zh(e.title_zh) == base
             for n in (e.short, *e.aliases, base.removeprefix("中华人民共和国")) if n}
    zh = [f"{n}{suffix}" for n in names if re.search(r"[\u4e00-\u9fff]", n) for suffix in _DECISION_SUFFIXES_ZH]
    # 修改网安法的决定, 修改网络安全法的那个决定
    zh += [f"修改{n}的{this}决定" for n in names if re.search(r"[\u4e00-\u9fff]", n) for this in ("", "那个", "这个", "这项")]
    en = [form.format(n) for n in names if n.isascii() and " 20" not in n for form in _DECISION_FORMS_EN]
    return zh + en


def _extra_aliases(entry, manifest: Manifest) -> list[str]:
    """The names users type for a law belong to its text in force: a text superseded by a later one (a user's
    `lexcite corpus add --supersedes`) passes them on to it."""
    if entry.status == "amended" and entry.superseded_by:
        return []
    earlier = [e.id for e in manifest.entries if e.superseded_by == entry.id and e.status == "amended"]
    return [name for doc_id in (entry.id, *earlier) for name in EXTRA_ALIASES.get(doc_id, [])]


# "the GenAI interim measures", 生成式AI暂行办法: a rule's short name with the word that says it is provisional, and
# any word for its kind
_EN_KINDS = "measures|provisions|regulations|regs|rules"  # "the CII regs" are the CII Regulations
_EN_KIND_WORD = re.compile(rf"(\\ )({_EN_KINDS})$")
_ZH_KIND_WORD = re.compile(r"(?<!暂行)(办法|规定|条例)$")
_ZH_BETWEEN = "(?:的?(?:那个|这个|那部|这部|那份|这份)|的)?"
# "“深度合成”服务的管理规定": a subject's closing quote and the service it names stand before 管理规定
_ZH_MANAGED = re.compile(r"(?<=[\u4e00-\u9fff]{4})管理(?=(?:办法|规定|条例)$)")
_ZH_MANAGED_BETWEEN = "[”\"’」』]?(?:服务|活动|业务)?的?管理"
_ZH_SUBJECT_LEAST = 4


def _name_pattern(name: str, chinese: bool) -> str:
    """A law's name as a pattern that also takes a provisional word before the kind of rule it is."""
    escaped = re.escape(name)
    if chinese:
        kind = _ZH_KIND_WORD.search(name)
        # "深度合成那个规定", "算法推荐的规定": a subject of four characters or more says which rule, whatever stands
        # between it and the rule's kind
        between = _ZH_BETWEEN if kind and kind.start() >= _ZH_SUBJECT_LEAST else ""
        escaped = _ZH_MANAGED.sub(lambda _: _ZH_MANAGED_BETWEEN, escaped, count=1)
        return _ZH_KIND_WORD.sub(rf"{between}(?:暂行)?\1", escaped) + _english_kind_after(name)
    # users call a rule's kind loosely: "the CBDT rules" are the CBDT Provisions, "the SCC rules" the SCC Measures
    loose = _EN_KIND_WORD.sub(rf"\1(?:(?:interim|provisional|administrative)\ )?(?:{_EN_KINDS})", escaped)
    # "the facial recognition judicial interpretation" is the facial recognition interpretation
    loose = re.sub(r"\\ interpretation$", r"\\ (?:judicial\\ )?interpretation", loose)
    if (subject := _EN_KIND_LAST.fullmatch(name)) and not re.search(r"\d", name):
        # and put its subject after the kind: "the SPC provisions on facial recognition (civil cases)" are the
        # facial recognition provisions
        kinds = _EN_KINDS if subject["kind"] != "interpretation" else "interpretation"
        loose = rf"(?:{loose}|(?:{kinds})\ (?:on|for|of|regarding|concerning|governing)\ (?:the\ )?" \
                rf"(?:[a-z'’-]+\ ){{0,3}}?{re.escape(subject['subject'])})"
    return rf"(?<![a-z0-9])(?:{loose}(?![a-z0-9]){_chinese_kind_after(name)})"


def _chinese_kind_after(name: str) -> str:
    """"|cii\\s*(?:条例)": the name's English subject with its kind in Chinese after it (cues en_kinds_in_chinese);
    "" when the name ends in no such kind."""
    words = name.split()
    kinds = cues()["rules"]["unknown_law"]["en_kinds_in_chinese"]
    if len(words) < 2 or words[-1] not in kinds:
        return ""
    return rf"|{re.escape(' '.join(words[:-1]))}\s*(?:{kinds[words[-1]]})"


def _english_kind_after(name: str) -> str:
    """"|侵犯公民个人信息\\s*criminal cases": the name's Chinese subject (four characters or more) with its kind
    in English after it (cues zh_kinds_in_english); "" when the name ends in no such kind."""
    for kind, english in cues()["rules"]["unknown_law"]["zh_kinds_in_english"].items():
        subject = name.removesuffix(kind)
        if subject != name and len(subject) >= _ZH_SUBJECT_LEAST and re.fullmatch(r"[\u4e00-\u9fff]+", subject):
            return rf"|{re.escape(subject)}\s*(?i:{english})\b"
    return ""


# a subject of two words or more: one word ("the measures for labelling AI…") says too little to name a rule by
_EN_KIND_LAST = re.compile(rf"(?P<subject>[a-z][a-z'’-]*(?: [a-z'’-]+)+)\ (?P<kind>{_EN_KINDS}|interpretation)", re.I)


@lru_cache(maxsize=4)
def _name_patterns(manifest: Manifest) -> list[tuple[re.Pattern[str], str, bool]]:
    return [(re.compile(_name_pattern(name, chinese)), doc_id, chinese) for name, doc_id, chinese in _names(manifest)]


def _find_laws(question: str, manifest: Manifest) -> list[tuple[int, int, str]]:
    found = _find_named(question, manifest)
    found = sorted(found + [o for o in _order_numbers(question, manifest) if not _overlaps(o, found)])
    return sorted(found + [d for d in _dated_names(question, manifest, {doc_id for _, _, doc_id in found})
                           if not _overlaps(d, found)])


def _overlaps(span: tuple[int, int, str], found: list[tuple[int, int, str]]) -> bool:
    """Whether a name's span overlaps one already found: the longer, earlier reading keeps the words."""
    return any(not (span[1] <= a or span[0] >= b) for a, b, _ in found)


def _find_named(question: str, manifest: Manifest) -> list[tuple[int, int, str]]:
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


# a rule named by the number of the order that issued it: "CAC Order No. 11", "Order 16", 11号令, 网信办令第13号
_ORDER_NUMBER = re.compile(r"\border\s+(?:no\.?\s*)?(\d{1,3})\b|(?<!\d)(\d{1,3})\s*号令|令第\s*(\d{1,3})\s*号", re.I)


def _order_numbers(question: str, manifest: Manifest) -> list[tuple[int, int, str]]:
    """The instruments the question names by their order number, as their own titles write it ("… (CAC Order No.
    11)"): a number no held title carries names nothing."""
    by_number = {m.group(1): entry.id for entry in manifest.entries if not entry.translation_of
                 and (m := re.search(r"\bOrder No\.\s*(\d+)\)", entry.title or ""))}
    found = []
    for m in _ORDER_NUMBER.finditer(question):
        number = next(g for g in m.groups() if g)
        if number in by_number:
            found.append((m.start(), m.end(), by_number[number]))
    return found


# a rule named by its year and its kind alone: "the original 2022 Measures", 2024年新规, 按2022年的办法; or with the
# end of its Chinese title before the kind (2022年的评估办法: the title must end so)
_DATED_NAME = re.compile(rf"((?:19|20)\d\d)\s*(?:年的?)?\s*(?P<part>[\u4e00-\u9fff]{{0,6}}?)"
                         # "the March 2024 cross-border data Provisions": a few words of the title between
                         rf"(?:(?!(?:the|and|or|of|in|to|an?|these|those|its|their|our|we|they|it|when|which|what)\b)"
                         rf"[A-Za-z][\w-]*\s+){{0,3}}?(新规定?|办法|规定|条例|{_EN_KINDS})(?![a-z])"
                         # "the 2023 Regulations on the Supervision of Non-bank Payment Institutions" goes on with its
                         # own title: a name, read as one, not a year and a kind
                         r"(?!\s+(?:on|for|of|concerning|governing)\s+(?:the\s+)?(?-i:[A-Z]))", re.I)
_KIND_WORDS = {"办法": ("办法", "measures"), "规定": ("规定", "provisions"), "条例": ("条例", "regulations"),
               "measures": ("办法", "measures"), "provisions": ("规定", "provisions"),
               "regulations": ("条例", "regulations"), "regs": ("条例", "regulations"), "rules": ("办法", "规定", "measures", "provisions", "rules")}


def _dated_names(question: str, manifest: Manifest, named: set[str]) -> list[tuple[int, int, str]]:
    """Each rule named by year and kind that one instrument of the corpus is: issued or in force from that year,
    of that kind (新规 any); of several, the one that replaces another the question names in part, or is replaced
    by it (the original 2022 Measures and the 2024 new rules), else the one whose title shares most words with the
    question. ``named``: the laws the question names by name."""
    spans = [(m, _dated_candidates(m, manifest)) for m in _DATED_NAME.finditer(question)]
    first = [closest_law(candidates, question) for _, candidates in spans]
    named = named | {c for c in first if c}
    found = []
    for (m, candidates), closest in zip(spans, first, strict=True):
        # the original and the new rules: one replaces the other in part
        related = [e for e in candidates if {e.partly_superseded_by, e.superseded_by} & named or any(
            (o := manifest.by_id(n)) is not None and e.id in (o.partly_superseded_by, o.superseded_by) for n in named)]
        chosen = closest_law(related, question) if related else closest
        if chosen:
            found.append((m.start(), m.end(), chosen))
    return found


def closest_law(candidates: list, question: str) -> str:
    """Of several manifest entries, the one whose title shares most words with the question ("" on a tie)."""
    shared = {e.id: _shared_words(e, question) for e in candidates}
    best = max(shared.values(), default=0)
    chosen = [doc_id for doc_id, n in shared.items() if n == best]
    return chosen[0] if len(chosen) == 1 else ""


def _dated_candidates(m: re.Match[str], manifest: Manifest) -> list:
    year, kind = m.group(1), m.group(3)
    words = _KIND_WORDS.get(kind.lower(), ())
    return [e for e in manifest.entries if not e.translation_of and e.kind not in SECONDARY_KINDS
            and year in (e.promulgated[:4], e.effective[:4])
            and (not words or any(w in f"{e.title_zh} {e.title}".lower() for w in words))
            and (not m["part"] or _titled(e.title_zh, m["part"], kind))]


def _titled(title_zh: str, part: str, kind: str) -> bool:
    """Whether a title of that kind holds the words written before the kind: 2022年的评估办法 (数据出境安全评估办法),
    2024年的促进规定 (促进和规范数据跨境流动规定, its first words)."""
    base = _base_title_zh(title_zh).replace("暂行", "")
    return base.endswith(kind) and part in base


def _shared_words(entry, question: str) -> int:
    english = {w.lower() for w in _TITLE_WORD.findall(entry.title) if len(w) >= 4} - _GENERIC_TITLE_WORDS
    return len(_bigrams(entry.title_zh) & _bigrams(question)) + sum(_word_in(w, question) for w in english)


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def law_mentions(question: str, manifest: Manifest | None = None) -> list[tuple[int, int, str]]:
    """(start, end, doc_id) of each law the question names, in the order written."""
    return _find_laws(question, manifest or load_manifest())


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


def law_spans(question: str, manifest: Manifest | None = None) -> list[tuple[int, int, str]]:
    """Where the question names each law it names: (start, end, doc id), in the order written."""
    return sorted(_find_laws(question, manifest or load_manifest()))


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


def split_title_laws(question: str, manifest: Manifest | None = None) -> list[str]:
    """Held texts whose Chinese title the question writes in two parts, its subject and, later, its bare kind
    (生成式人工智能服务提供者拒不改正的，暂行办法规定罚款多少 names the GenAI Interim Measures); "规定", a verb as often
    as a kind, names none."""
    manifest = manifest or load_manifest()
    kinds = cues()["rules"]["unknown_law"]["split_title_kinds"]
    out = []
    for entry in manifest.entries:
        title = (entry.title_zh or "").removeprefix("中华人民共和国")
        kind = next((k for k in kinds if title.endswith(k)), "")
        subject = re.sub(r"(?:管理|安全保护|保护)$", "", title[:-len(kind)]) if kind else ""
        at = question.find(subject) if len(subject) >= MIN_SPLIT_SUBJECT else -1
        if at >= 0 and kind in question[at + len(subject):] and not entry.translation_of:
            out.append(entry.id)
    return out


MIN_SPLIT_SUBJECT = 5  # characters of a title's subject that name it (数据出境安全评估), not a common phrase


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


def law_titles(doc_ids: list[str], manifest: Manifest | None = None) -> list[str]:
    """Every name the documents go by (titles and aliases, both languages)."""
    manifest = manifest or load_manifest()
    entries = [e for e in (manifest.by_id(d) for d in doc_ids) if e is not None]
    return [t for e in entries for t in (e.title, e.title_zh, e.short, *e.aliases) if t]


def _base_title_zh(title_zh: str) -> str:
    return title_zh.split("（")[0].strip()


def amending_decisions(doc_ids: list[str], year: int, manifest: Manifest | None = None) -> list[str]:
    """The decisions of that year amending the named laws (关于修改《中华人民共和国网络安全法》的决定, 2025): when
    "the CSL as amended in 2025" took effect is the decision's date, not the one the consolidated text restates."""
    manifest = manifest or load_manifest()
    bases = {_base_title_zh(e.title_zh) for e in manifest.entries if e.id in doc_ids and e.title_zh}
    return [e.id for e in manifest.entries if e.id not in doc_ids and "关于修改" in e.title_zh
            and e.promulgated.startswith(str(year)) and any(base and base in e.title_zh for base in bases)]


def earlier_versions(doc_ids: list[str], manifest: Manifest | None = None) -> list[str]:
    """Each law with the earlier texts it superseded in its place ("the old CSL" is the 2016 text); a law with no
    earlier text in the manifest stays."""
    manifest = manifest or load_manifest()
    out: list[str] = []
    for doc_id in doc_ids:
        earlier = [e.id for e in manifest.entries if e.superseded_by == doc_id and e.status == "amended"]
        out += earlier or [doc_id]
    return list(dict.fromkeys(out))


def text_pair(doc_id: str, manifest: Manifest | None = None) -> tuple[str, str] | None:
    """The earlier and the later text of a law named by either: a superseded text ("the 2016 CSL") with the text
    that superseded it, a current text with the one it superseded; None for a law with one text."""
    manifest = manifest or load_manifest()
    entry = manifest.by_id(doc_id)
    if entry is None:
        return None
    if entry.superseded_by and entry.status == "amended":
        return doc_id, entry.superseded_by
    earlier = [e for e in earlier_versions([doc_id], manifest) if e != doc_id]
    return (earlier[0], doc_id) if earlier else None


def with_versions(doc_ids: list[str], manifest: Manifest | None = None) -> set[str]:
    """The laws with their other texts: the text each superseded and the text that superseded it (a question
    about the 2016 CSL's Article 21 is answered by the consolidated text's Article 23, the same law)."""
    manifest = manifest or load_manifest()
    out = set(doc_ids)
    for doc_id in doc_ids:
        out.update(amended_laws(doc_id, manifest))  # a decision amending a law is about that law's texts
    for doc_id in list(out):
        entry = manifest.by_id(doc_id)
        if entry is not None and entry.superseded_by:
            out.add(entry.superseded_by)
        out.update(e.id for e in manifest.entries if e.superseded_by == doc_id)
    # and the decisions amending them: "when does the amended CSL take effect" is answered by the decision
    out.update(e.id for e in manifest.entries if any(law in out for law in amended_laws(e.id, manifest)))
    return out


_AMENDS = re.compile(r"关于修改《([^》]+)》")


def originals(doc_ids: list[str], manifest: Manifest | None = None, *, keep_lone: bool = False) -> list[str]:
    """The documents themselves, not their translations (resolve_laws adds a law's translations after it). With
    keep_lone, a translation named without its original stays, as the text that was named."""
    manifest = manifest or load_manifest()
    return [doc_id for doc_id in doc_ids if (entry := manifest.by_id(doc_id)) is None or not entry.translation_of
            or (keep_lone and entry.translation_of not in doc_ids)]


def amends(doc_id: str, manifest: Manifest | None = None) -> bool:
    """Whether the document is a decision amending a law (关于修改《…》的决定)."""
    return bool(amended_laws(doc_id, manifest))


def amended_laws(doc_id: str, manifest: Manifest | None = None) -> list[str]:
    """The law a decision amends (关于修改《中华人民共和国网络安全法》的决定: the CSL's texts); [] for any other document."""
    manifest = manifest or load_manifest()
    entry = manifest.by_id(doc_id)
    amended = _AMENDS.search(entry.title_zh) if entry is not None else None
    return [law for law in resolve_laws(amended.group(1), manifest) if law != doc_id] if amended else []


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
        numbers = [int(m.group(1))] + [int(n) for n in re.findall(r"\d+", m.group(5) or "")]
        for i, number in enumerate(numbers):
            refs.append(ArticleRef(law, number, en_article_paragraph(m) if i == 0 else None))
    for m in ZH_ARTICLE.finditer(question):
        law = nearest_law(m.start(), m.end())
        try:
            article = chinese_to_int(m.group(1))
            paragraph = chinese_to_int(m.group(2)) if m.group(2) else None
        except ValueError:
            continue
        refs.append(ArticleRef(law, article, paragraph))
    return list(dict.fromkeys(refs))


# what may stand between a law's name and the article it owns: "个保法第七十五条", "PIPL Art. 75", "the DSL's
# Article 80", and, after the article, "Article 80 of the DSL"
_OWNER_BEFORE = re.compile(r"^[》〉”\s]*(?:的|['’]s)?\s*$")  # 《网络安全法》第八十二条: the title's closing mark
_OWNER_AFTER = re.compile(r"^\s+(?:of|in|under)\s+(?:the\s+)?$", re.I)


def owned_article_refs(question: str, manifest: Manifest | None = None) -> list[ArticleRef]:
    """The articles the question names together with their law, written beside it ("个保法第七十五条", "Article
    80 of the DSL"); an article named apart from any law ("根据个保法，刑法第二百五十三条") is not the law's."""
    manifest = manifest or load_manifest()
    laws = _find_laws(question, manifest)
    refs: list[ArticleRef] = []
    for pattern in (EN_ARTICLE, ZH_ARTICLE):
        for m in pattern.finditer(question):
            owner = next((doc_id for start, end, doc_id in laws
                          if (end <= m.start() and _OWNER_BEFORE.match(question[end:m.start()]))
                          or (start >= m.end() and _OWNER_AFTER.match(question[m.end():start]))), None)
            try:
                number = int(m.group(1)) if pattern is EN_ARTICLE else chinese_to_int(m.group(1))
            except ValueError:
                continue
            if owner is not None:
                refs.append(ArticleRef(owner, number))
    return list(dict.fromkeys(refs))


def strip_law_names(question: str, manifest: Manifest | None = None) -> str:
    manifest = manifest or load_manifest()
    out = question
    for start, end, _ in sorted(_find_laws(question, manifest), reverse=True):
        out = out[:start] + " " + out[end:]
    return " ".join(out.split())


# a law's name as users write it: capitalised words around a law word ("the Anti-Monopoly Law", "Measures for
# Reporting National Cybersecurity Incidents"), or a Chinese title in 《》
_CAP = r"(?:[A-Z][\w'’-]*|\d{4}|AI-[\w-]+)"
# and "regs" may follow in lower case, as users shorten it ("the Network Product Security Vulnerability regs"); a
# lower-case "rules" or "provisions" after capitalised words is as often a description as a name (measured: read as
# a name, it refused two held-out answers)
_EN_LAW_NAME = re.compile(rf"{_CAP}(?:\s+(?:{_CAP}|of|on|for|and|the|to|in|against|&))*(?:\s+regs\b)?")
_LAW_WORD = re.compile(r"\b(?:Law|Laws|Regulations?|Regs|regs|Measures|Provisions|Rules|Act|Code|Interpretation|Decision|"
                       r"Guidelines|Standards?)\b")
_NAME_FILLER = frozenset("the of on for and to in against & china china's chinese prc people's republic law laws "
                         "regulation regulations regs measures provisions rules act code interpretation decision guidelines "
                         "standard standards interim administrative national under according what when which how who "
                         "does do is are new amended revised draft".split())
_ZH_LAW_NAME = re.compile(r"《([^》]{2,60})》")


_LEAD_WORDS = frozenset("under the according to what when which how who is are does do in by".split())
_CONNECTORS = frozenset("of on for and the to in against &".split())


def _bare_name(name: str) -> str:
    """"Under the CAC's 2025 Measures for Reporting…" -> "Measures for Reporting…"; "Advertising Law for" ->
    "Advertising Law"."""
    words = name.split()
    while words and (words[0].lower() in _LEAD_WORDS or words[0].endswith(("'s", "’s")) or re.fullmatch(r"\d{4}", words[0])):
        words.pop(0)
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    return " ".join(words)


def mentions_law(name: str, text: str) -> bool:
    """Whether a passage speaks of the named law: its Chinese title (as written, or translated by the glossary in
    an English passage), or every telling word of its English name."""
    if name.startswith("《"):
        title = name.strip("《》").removeprefix("中华人民共和国")
        return title in text or _translated_title_in(title, text)
    words = [_either_number(word.strip("'’")) for word in _distinctive(name)]
    if not words:
        return False
    # its telling words as one phrase, and the kind of law it is beside them: "Generative Artificial Intelligence
    # Services" does not speak of "the Artificial Intelligence Law"
    phrase = r"\W+(?:\w+\W+){0,2}?".join(words)
    kind = next((_LAW_KIND_WORDS[w] for w in re.findall(r"[a-z]+", name.lower()) if w in _LAW_KIND_WORDS), "")
    if kind:
        near = rf"\b{kind}\W+(?:\w+\W+){{0,3}}?{phrase}|{phrase}\W+(?:\w+\W+){{0,2}}?{kind}\b"
        return bool(re.search(near, text, re.I))
    return bool(re.search(phrase, text, re.I))


# each kind word a name ends in, and the kinds a text may call the same law by: a user's loose "rules" or "regs" are
# the guide's "Regulations on …", "Provisions on …" or "Measures for …"
_LOOSE_KIND = "(?:rules|regulations|provisions|measures|regs)"
_LAW_KIND_WORDS = {"law": "law", "act": "act", "regulations": "regulations", "measures": "measures",
                   "provisions": "provisions", "rules": _LOOSE_KIND, "regs": _LOOSE_KIND}


def _either_number(word: str) -> str:
    """A telling word written in the singular as a pattern that reads its plural too ("Vulnerability", the guide's
    "Vulnerabilities"). A plural stays as written: "Securities Law" is no "Data Security Law"."""
    if word.endswith("s"):
        return re.escape(word)
    if word.endswith("y") and len(word) > 4:
        return re.escape(word[:-1]) + "(?:y|ies)"
    return re.escape(word) + "(?:e?s)?"


def _translated_title_in(title: str, text: str) -> bool:
    """A Chinese title an English guide writes in English: every term of it the glossary knows (two at least, so
    that one common term names no law) is in the text in one of its translations. 《个人信息保护合规审计管理办法》
    is the guide's "Personal Information Protection Compliance Audit"."""
    translations: dict[str, list[str]] = {}
    for term, translation in glossary_pairs(title):
        translations.setdefault(term, []).append(translation.lower())
    lowered = text.lower()
    return len(translations) >= 2 and all(any(t in lowered for t in ts) for ts in translations.values())


def _distinctive(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9][\w'’-]*", name.lower())
            if w not in _NAME_FILLER and not re.fullmatch(r"\d{4}", w)]


@lru_cache(maxsize=4)
def _known_name_words(manifest: Manifest) -> tuple[tuple[str, frozenset[str]], ...]:
    out = []
    for e in manifest.entries:
        text = " ".join([e.title, e.short, *e.aliases, *EXTRA_ALIASES.get(e.id, [])])
        out.append((e.kind, frozenset(w.strip("'’") for w in re.findall(r"[a-z0-9][\w'’-]*", text.lower()))))
    return tuple(out)


# the kinds of document a name's last word may be: a "Law" is a statute or a court's interpretation of one ("the
# Criminal Law"), never a department's measures ("the Artificial Intelligence Law" is not the GenAI Measures)
_KINDS_NAMED = {"law": {"statute", "judicial-interpretation"}, "act": {"statute"},
                "regulations": {"regulation"}, "regulation": {"regulation"}}


def _may_be(name: str, kind: str) -> bool:
    """Whether a document of this kind may bear the name: its kind word is its last ("the Criminal Law") or, in a
    title with its subject after it, its first ("the Law on the Protection of Minors" is no regulation)."""
    words = name.lower().split()
    named = next((w for w in (words[-1:] + words) if w in _KINDS_NAMED), "")
    return kind in _KINDS_NAMED.get(named, {kind})


_LATIN_TITLE = re.compile(r"[A-Za-z][\w&'’,:.\- ]{7,}")


def unknown_law_names(question: str, manifest: Manifest | None = None) -> list[str]:
    """Laws the question names that no document in the corpus is, by title or alias ("the Anti-Monopoly Law",
    "《反垄断法》"). A name whose telling words all occur in some document's title is taken as that document
    ("the Criminal Law" is interpreted by the SPC/SPP interpretation on personal information crimes)."""
    manifest = manifest or load_manifest()
    out: list[str] = []
    for m in _EN_LAW_NAME.finditer(question):
        name = _without_citation(_with_subject(question, m))
        if not _LAW_WORD.search(name) or resolve_laws(name, manifest):
            continue
        if _known_words(name, manifest) or _names_a_title_part(name, manifest):
            continue
        out.append(_bare_name(name))
    titles = [t for e in manifest.entries for t in (e.title_zh, *e.aliases) if t and re.search(r"[\u4e00-\u9fff]", t)]
    # 《Data Protection & Privacy 2025》: a guide's own title, in the marks a Chinese question puts around any title
    latin_titles = [e.title.lower() for e in manifest.entries]
    for m in _ZH_LAW_NAME.finditer(question):
        name = m.group(1).removeprefix("中华人民共和国")
        if _names_held_law(name, manifest) or any(name in t for t in titles) \
                or (_LATIN_TITLE.fullmatch(name) and any(name.lower() in t for t in latin_titles)):
            continue
        out.append(f"《{m.group(1)}》")
    out += [name for name in _bare_en_law_names(question) if not _known_words(name, manifest, by_stem=True)]
    out += [f"《{name}》" for name in _notice_titles(question) if not any(name in t for t in titles)]
    return out + [f"《{name}》" for name in _bare_zh_law_names(question)
                  if not (law_mentions(name, manifest) or resolve_laws(name, manifest)
                          or any(name in t or _in_order(name, t) for t in titles))]


def _names_a_title_part(name: str, manifest: Manifest) -> bool:
    """A part of a document's title, as written in it ("the Zhong Lun 'Law and Practice' chapter" of the guide
    "Data Protection & Privacy 2025 — China: Law and Practice; Trends and Developments")."""
    part = _bare_name(name).strip("'’‘\" ").lower()
    return len(part.split()) >= 2 and any(re.search(rf"(?<!\w){re.escape(part)}(?!\w)", e.title.lower())
                                          for e in manifest.entries)


@lru_cache(maxsize=1)
def _notice_title() -> re.Pattern[str]:
    return re.compile(cues()["rules"]["unknown_law"]["zh_notice_title"])


def _notice_titles(question: str) -> list[str]:
    """The titles of opinions, notices and announcements a question names without title marks
    (…关于促进网络安全保险规范健康发展的意见): no text of those kinds is a law the corpus holds."""
    return [m.group(0) for m in _notice_title().finditer(question)]


def _known_words(name: str, manifest: Manifest, by_stem: bool = False) -> bool:
    """Whether every telling word of a name is a word of some document's title or aliases of a kind that may bear
    the name; ``by_stem``: or its first five letters begin one (a name in lower case, written loosely: algorithm,
    algorithmic)."""
    words = [w.strip("'’") for w in _distinctive(name)]

    def held(word: str, known: frozenset[str]) -> bool:
        return word in known or (by_stem and any(k.startswith(word[:5]) for k in known))

    return not words or any(all(held(w, known) for w in words) and _may_be(name, kind)
                            for kind, known in _known_name_words(manifest))


_DRAFT = re.compile(r"\bdraft\b", re.I)


@lru_cache(maxsize=1)
def _bare_en_reading() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = cues()["rules"]["unknown_law"]
    return re.compile(spec["bare_en_name"]), re.compile(spec["bare_en_ask"], re.I)


def _bare_en_law_names(question: str) -> list[str]:
    """The English names of measures, regulations or provisions the question writes in lower case ("the PI
    protection compliance audit measures"), read only where their date of effect or issue is asked, as their
    Chinese bare names are: a loose name of a held measure asked for a figure is still that measure."""
    name_pattern, asks = _bare_en_reading()
    if not asks.search(question) or _DRAFT.search(question):  # a guide may describe a draft in other words
        return []
    return [m.group(0).removeprefix("the ").strip() for m in name_pattern.finditer(question)]


def _in_order(name: str, title: str) -> bool:
    """Whether a measure's short name has all its characters in a title of the same kind, in their order: 出境评估办法
    is 数据出境安全评估办法, 生成内容标识办法 is no title of the corpus (人工智能法 is no 办法 at all)."""
    if len(name) < 3 or name[-2:] != title[-2:]:
        return False
    rest = iter(title)
    return all(c in rest for c in name)


@dataclass(frozen=True)
class _BareEnding:
    """How a Chinese name written without title marks ends (法, or a measure's 办法, a regulation's 条例)."""
    pattern: re.Pattern[str]
    shortest: int
    not_law: tuple[str, ...]  # words that end so and name no law (算法; 解决办法)
    when_asked: re.Pattern[str] | None = None  # only in a question that asks this (its date of effect)

    def may_name(self, name: str) -> bool:
        """Long enough, and not one of the words that only end so."""
        return len(name) >= self.shortest and not name.endswith(self.not_law)


@dataclass(frozen=True)
class _NotATitle:
    """What makes a bare name no law's title: the user's own document (我们公司的数据管理办法), or a word pointing back
    at a law named before (它废止的那个旧版办法)."""
    own_before: re.Pattern[str]
    own_start: re.Pattern[str]
    pointing_back: re.Pattern[str]

    def rules_out(self, before: str, name: str) -> bool:
        return bool(self.own_before.search(before) or self.own_start.match(name) or self.pointing_back.search(name))


@lru_cache(maxsize=1)
def _bare_zh_reading() -> tuple[tuple[_BareEnding, ...], re.Pattern[str], _NotATitle]:
    spec = cues()["rules"]["unknown_law"]
    after = "|".join(spec["bare_zh_after"])
    documents = spec["bare_zh_document_endings"]
    # a word that only ends in 法 is no law; a document's ending itself (办法) is what names it
    not_law = tuple(spec["not_law_endings"])
    not_after = "|".join(spec["bare_zh_law_not_after"])
    ends = (_BareEnding(re.compile(r"(?<=[\u4e00-\u9fff])法(?!" + not_after + ")"), 3, not_law),
            _BareEnding(re.compile(r"(?<=[\u4e00-\u9fff])(?:" + "|".join(documents) + ")(?=" + after + ")"),
                        int(spec["min_document_name"]), tuple(w for w in not_law if w not in documents),
                        re.compile(spec["document_ask"])))
    own = "|".join(spec["own_document_words"])
    return ends, re.compile("|".join(spec["bare_zh_before"])), _NotATitle(
        re.compile(rf"(?:{own})的?(?:内部)?$"), re.compile(rf"^本?(?:{own})"),
        re.compile("|".join(spec["pointing_back_words"])))


def _from_word_start(head: str, name: str) -> str:
    """The name from the first word that starts inside it: "对应刑法" splits after 对, which begins the word 对应, and
    the name is 刑法, not 应刑法. A held law's name is whole as found (and jieba, slow to load, is not needed)."""
    if resolve_laws(name):
        return name
    start, at = len(head) - len(name), 0
    for word in jieba_module().lcut(head):
        if at >= start:
            return head[at:]
        at += len(word)
    return head[at:]


def _without_leading_particles(name: str) -> str:
    """The name without the measure words and particles that begin no name, each a word of its own (问了个刑法问题:
    刑法; but 个人信息保护…办法 keeps its 个)."""
    never = cues()["rules"]["unknown_law"]["name_never_starts"]
    if not name or name[0] not in never or resolve_laws(name):
        return name
    words = jieba_module().lcut(name)
    while len(words) > 1 and words[0] in never:
        words.pop(0)
    return "".join(words)


def _bare_zh_law_names(question: str) -> list[str]:
    """The Chinese law names the question writes without title marks (人工智能法哪天开始施行), held or not: the
    characters before a 法 that ends a name, from the last word before which a name starts (按照电子商务法 ->
    电子商务法); at least three characters, none of the words that only end in 法 (推荐算法, 最高法). A measure's or a
    regulation's name (…标识办法, …条例) needs more characters (解决办法 is a way out, not a document), and is read
    only where its date of effect or its number of articles is asked: a loose name of a held measure asked for a
    figure is still that measure."""
    ends, before, not_a_title = _bare_zh_reading()
    names = []
    for ending in ends:
        if ending.when_asked and not ending.when_asked.search(question):
            continue
        for m in ending.pattern.finditer(question):
            head = re.search(r"[\u4e00-\u9fff]+$", question[:m.end()]).group(0).removeprefix("中华人民共和国")
            name = before.split(head)[-1]
            if not ending.may_name(name):
                continue  # before the word-start reading: jieba, slow to load, is asked only of a possible name
            name = _without_leading_particles(_from_word_start(head, name))
            if not_a_title.rules_out(question[:m.end() - len(name)], name):
                continue
            if ending.may_name(name) and name not in names:
                names.append(name)
    return names


# "the 2025 Measures on PI protection compliance audits": a title's subject written in lower case goes on after
# "on"/"for"/"of" up to the first word that is no part of a title
_SUBJECT_TAIL = re.compile(r"(?:\s+(?!(?:how|what|when|which|who|must|shall|should|is|are|was|were|does|do|did|can|may|"
                           r"says?|require[sd]?|sets?|under|if|and|or|but|to|take[sn]?|took|come[s]?|came|enter(?:s|ed)?|appl(?:y|ies|ied)|"
                           r"state[sd]?|provide[sd]?|impose[sd]?|allow[sd]?|mean[s]?|cover[s]?|bec[oa]me[s]?|start(?:s|ed)?|"
                           r"beg[ia]ns?|go(?:es)?|went|fine[sd]?|ban(?:s|ned)?|give[sn]?|gave|let[s]?)\b)[a-z][\w'’-]*){1,5}")


_CITING_TAIL = re.compile(r"(?:\s+(?:Art|Arts|Article|Articles|Section|Sections|Chapter|Chapters|Para|Paragraph|"
                          r"Item|Clause))+$")


def _without_citation(name: str) -> str:
    """The name without the capitalised words after it that cite a provision ("Criminal Law Art" of "Criminal Law
    Art. 253-1" is the Criminal Law)."""
    return _CITING_TAIL.sub("", name)


def _with_subject(question: str, m: re.Match[str]) -> str:
    name = m.group(0)
    # only a name cut off after its connector or an acronym ("Measures on PI …"): "the Regulations on the Online
    # Protection of Minors match…" ends with its last capitalised word
    if not re.search(r"\b(?:on|for|of)(?:\s+[A-Z]{2,})?$", name) or not _LAW_WORD.search(name):
        return name
    tail = _SUBJECT_TAIL.match(question, m.end())
    return f"{name}{tail.group(0)}" if tail else name


def _names_held_law(title: str, manifest: Manifest) -> bool:
    """Whether a title in book-title marks is a held law's name: a held name covers nearly all of it. 《人脸识别技术应用
    安全管理办法》 holds the alias 人脸识别 and is another rule."""
    covered = sum(end - start for start, end, _ in _find_laws(title, manifest))
    return covered >= 0.8 * len(title)
