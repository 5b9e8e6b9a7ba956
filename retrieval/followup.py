"""Questions in a conversation: a follow-up that leaves out its law, party or subject inherits them from the
questions before it ("And under the DSL?", "what about for individuals?", "那如果是关键信息基础设施运营者呢？");
a question that asks something of its own and does not lean on the conversation starts afresh.

The vocabularies (cues, parties, fillers) are in retrieval/data/followup.toml; law names come from the
manifest through retrieval/laws.py."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.manifest import load_manifest
from ingest.normalise import detect_language
from retrieval.figures import question_wants
from retrieval.laws import law_mentions, unknown_law_names
from retrieval.rules.asks import version_marks

FOLLOWUP_PATH = Path(__file__).with_name("data") / "followup.toml"
FOLLOW_UP_RULE = "follow_up"  # the trace step of an answer read with its conversation
_CJK = re.compile(r"[\u4e00-\u9fff]")
_END = re.compile(r"[\s?？。.!！]+$")


@dataclass(frozen=True)
class Party:
    name: str
    forms: tuple[str, ...]  # as users type them, longest first
    as_en: str
    as_zh: str


@dataclass(frozen=True)
class Vocabulary:
    en_lead: tuple[str, ...]
    zh_lead: tuple[str, ...]
    zh_tail: tuple[str, ...]
    en_anaphora: tuple[str, ...]
    zh_anaphora: tuple[str, ...]
    en_ask: tuple[str, ...]
    zh_ask: tuple[str, ...]
    en_filler: frozenset[str]
    zh_filler: tuple[str, ...]
    en_drop: tuple[str, ...]
    zh_drop: tuple[str, ...]
    en_modifier: tuple[str, ...]
    zh_modifier: tuple[str, ...]
    parties: tuple[Party, ...]
    swap: dict[str, dict[str, str]]  # figure kind -> {"en", "zh"}: its ask said of a new subject


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted((w.strip() for w in words if w.strip()), key=len, reverse=True))


@lru_cache(maxsize=2)
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    path = Path(path or FOLLOWUP_PATH)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        cues, ask, filler, read, mod = data["cues"], data["ask"], data["filler"], data["read_as"], data["modifier"]
        parties = tuple(Party(p["name"], _longest_first([*p["en"], *p["zh"]]), p["as_en"], p["as_zh"])
                        for p in data["parties"])
    except KeyError as exc:
        raise ValueError(f"{path}: missing table or key {exc}") from exc
    return Vocabulary(
        en_lead=_longest_first(cues["en_lead"]), zh_lead=_longest_first(cues["zh_lead"]),
        zh_tail=_longest_first(cues["zh_tail"]), en_anaphora=_longest_first(cues["en_anaphora"]),
        zh_anaphora=_longest_first(cues["zh_anaphora"]), en_ask=tuple(ask["en"]), zh_ask=tuple(ask["zh"]),
        en_filler=frozenset(filler["en"]), zh_filler=_longest_first(filler["zh"]),
        en_drop=_longest_first(read["en_drop"]), zh_drop=_longest_first(read["zh_drop"]),
        en_modifier=_longest_first(mod["en"]), zh_modifier=_longest_first(mod["zh"]), parties=parties,
        swap=data.get("swap", {}),
    )


@dataclass(frozen=True)
class Reading:
    """How a question is read in its conversation."""

    question: str  # as asked
    text: str  # the question answered: the follow-up with what it inherited
    read_as: str  # one line on what is answered ("maximum fine under the Data Security Law")
    inherited: tuple[str, ...] = ()  # "law", "party", "subject": what came from the conversation
    language: str = "en"

    @property
    def follows_up(self) -> bool:
        return bool(self.inherited)


@dataclass(frozen=True)
class _Parts:
    """What a question says for itself."""

    rest: str  # the question without its lead cue and tail particle
    leans: bool  # it starts like a follow-up or points back ("and", "what about", 那…呢, "that law")
    asks: bool  # it asks something of its own (what, how many, 多少…)
    laws: tuple[tuple[int, int, str], ...]  # law names in `rest`
    party: Party | None
    party_span: tuple[int, int] | None
    residue: str  # what is left once the cue, laws, party and filler words are taken out


# ---------------------------------------------------------------------------- matching
def _word_pattern(phrase: str) -> re.Pattern[str]:
    if _CJK.search(phrase):
        # 个人 is a party, 个人信息 is not
        return re.compile(re.escape(phrase) + ("(?!信息)" if phrase == "个人" else ""))
    return re.compile(rf"(?<![\w'’-]){re.escape(phrase)}(?![\w'’-])", re.I)


def _strip_lead(text: str, leads: tuple[str, ...]) -> tuple[str, bool]:
    for lead in leads:
        m = _word_pattern(lead).match(text)
        if m:
            return text[m.end():].lstrip(" ,，、:："), True
    return text, False


def _find_party(text: str, vocab: Vocabulary) -> tuple[Party | None, tuple[int, int] | None]:
    best: tuple[int, int, Party] | None = None
    for party in vocab.parties:
        for form in party.forms:
            m = _word_pattern(form).search(text)
            if m and (best is None or m.end() - m.start() > best[1] - best[0]):
                best = (m.start(), m.end(), party)
    return (best[2], (best[0], best[1])) if best else (None, None)


def _residue(text: str, spans: list[tuple[int, int]], vocab: Vocabulary) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    if _CJK.search(text):
        for word in vocab.zh_filler:
            text = text.replace(word, " ")
    words = re.findall(r"[\w'’-]+", text.replace("'s", " ").replace("’s", " "))
    return " ".join(w for w in words if w.lower() not in vocab.en_filler)


def _asks(text: str, vocab: Vocabulary) -> bool:
    if any(w in text for w in vocab.zh_ask):
        return True
    return any(_word_pattern(w).search(text) for w in vocab.en_ask)


def _parts(question: str, vocab: Vocabulary) -> _Parts:
    rest = _END.sub("", question.strip())
    rest, led = _strip_lead(rest, vocab.en_lead + vocab.zh_lead)
    tailed = False
    for tail in vocab.zh_tail:
        if rest.endswith(tail.rstrip("?？")):
            rest, tailed = rest[: -len(tail.rstrip("?？"))].rstrip(), True
            break
    points_back = any(_word_pattern(a).search(rest) for a in vocab.en_anaphora + vocab.zh_anaphora)
    laws = tuple(law_mentions(rest))
    party, party_span = _find_party(rest, vocab)
    spans = [(a, b) for a, b, _ in laws] + ([party_span] if party_span else [])
    residue = _residue(rest, spans, vocab)
    if not laws and _names_a_law(residue) and residue in rest:
        # "What about the GDPR?": a law the corpus does not hold is still the law asked about
        start = rest.index(residue)
        laws, residue = ((start, start + len(residue), ""),), ""
    return _Parts(rest=rest, leans=led or tailed or points_back, asks=_asks(rest, vocab), laws=laws, party=party,
                  party_span=party_span, residue=residue)


_ACRONYMS = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,})*")


def _names_a_law(residue: str) -> bool:
    """Whether what is left of a follow-up is only a law's name: an acronym (GDPR, UK GDPR) or a title
    ("the Anti-Monopoly Law", 《反垄断法》)."""
    if not residue:
        return False
    return bool(_ACRONYMS.fullmatch(residue)) or any(residue in name or name in residue
                                                     for name in unknown_law_names(residue))


# ---------------------------------------------------------------------------- rewriting
def _law_name(doc_id: str, typed: str, language: str) -> str:
    """The law's name as the user typed it when it is in the question's language, else the manifest's."""
    if bool(_CJK.search(typed)) == (language == "zh"):
        return typed
    entry = load_manifest().by_id(doc_id)
    if entry is None:
        return typed
    if language == "zh" and entry.title_zh:
        return entry.title_zh.removeprefix("中华人民共和国").split("（")[0]
    return re.sub(r"\s+of the PRC$|\s*\(.*\)$", "", entry.title) or entry.short or typed


def _ask_mark(text: str) -> str:
    return "？" if _CJK.search(text[-3:] or "") else "?"


def _append(text: str, phrase_en: str, prefix_zh: str, language: str) -> str:
    """`text` with an English phrase before its question mark, or a Chinese clause before it."""
    if language == "zh":
        return prefix_zh + text
    body = _END.sub("", text)
    return f"{body} {phrase_en}?"


def _with_law(text: str, law: tuple[int, int, str], typed: str, language: str) -> str:
    name = _law_name(law[2], typed, language)
    mentions = law_mentions(text)
    if mentions:
        start, end, _ = mentions[0]
        return text[:start] + name + text[end:]
    shown = name if language != "zh" or name.startswith("《") else f"《{name}》"
    return _append(text, f"under the {name}", f"根据{shown}，", language)


def _with_party(text: str, party: Party, language: str, vocab: Vocabulary) -> str:
    phrase = party.as_zh if language == "zh" else party.as_en
    _, span = _find_party(text, vocab)
    if span:
        start, end = span
        article = re.search(r"(?:\b(?:a|an|the)\s+)$", text[:start], re.I)
        if article and phrase.split()[0].lower() in ("a", "an", "the"):
            start = article.start()
        return text[:start] + phrase + text[end:]
    return _append(text, f"for {phrase}", f"对于{phrase}，", language)


def _modify(text: str, parts: _Parts, language: str, vocab: Vocabulary) -> str | None:
    """A follow-up that adds a circumstance ("what about for a serious violation?") to the question before."""
    modifiers = vocab.zh_modifier if _CJK.search(parts.rest) else vocab.en_modifier
    if not any(_word_pattern(m).match(parts.rest) for m in modifiers):
        return None
    if language == "zh":
        return parts.rest.rstrip("，,") + "，" + text
    return _append(text, parts.rest, "", language)


def _read(question: str, prior: Reading | None, vocab: Vocabulary) -> Reading:
    language = detect_language(question)
    fresh = Reading(question, question, describe(question), (), language)
    if prior is None:
        return fresh
    parts = _parts(question, vocab)
    base_language = prior.language
    prior_laws = law_mentions(prior.text)
    prior_party, _ = _find_party(prior.text, vocab)
    if not parts.asks and (parts.leans or parts.laws or parts.party) and not parts.residue:
        # "And under the DSL?": the subject (and what it does not name) from the question before
        text, inherited = prior.text, ["subject"]
        if parts.laws:
            start, end, doc_id = parts.laws[0]
            text = _with_law(text, parts.laws[0], parts.rest[start:end], base_language)
        elif prior_laws:
            inherited.append("law")
        if parts.party:
            text = _with_party(text, parts.party, base_language, vocab)
        elif prior_party:
            inherited.append("party")
        return Reading(question, text, describe(text), tuple(inherited), base_language)
    if not parts.leans:
        return fresh
    if not parts.asks and not parts.laws and _only_a_version(parts.residue):
        # "And under the 2016 text?", "那修改前呢？": the same question, of the law's other text
        text = _append(prior.text, f"in the {parts.residue}", f"{parts.residue}，", base_language)
        inherited = ("subject",) + (("law",) if prior_laws else ()) + (("party",) if prior_party else ())
        return Reading(question, text, describe(text), inherited, base_language)
    if not parts.asks and not parts.laws and (modified := _modify(prior.text, parts, base_language, vocab)):
        inherited = ("subject",) + (("law",) if prior_laws else ()) + (("party",) if prior_party else ())
        return Reading(question, modified, describe(modified), inherited, base_language)
    if not parts.asks and (swapped := _swap_subject(question, parts, prior, prior_laws, prior_party, vocab)):
        return swapped
    return _own_subject(question, parts, prior, prior_laws, prior_party, vocab) or fresh


def _only_a_version(residue: str) -> bool:
    """Whether what is left of a follow-up names only a text of a law ("the 2016 text", "修改前", "the old
    version"): the version words cover all but a word or two of it."""
    spans = [span for group in version_marks(residue) for span in group]
    if not residue or not spans:
        return False
    covered = {i for start, end in spans for i in range(start, end)}
    left = "".join(c for i, c in enumerate(residue) if i not in covered)
    return len(re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]", left)) <= 2


def _bare_subject(parts: _Parts, vocab: Vocabulary) -> str:
    """What a follow-up names besides its law and party, without the filler words around it ("network logs" of
    "network logs under the CSL")."""
    text = parts.rest
    spans = [(a, b) for a, b, _ in parts.laws] + ([parts.party_span] if parts.party_span else [])
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    if _CJK.search(text):
        fillers = vocab.zh_filler
        text = text.strip(" ,，、《》")
        while any(text.startswith(w) or text.endswith(w) for w in fillers):
            for word in fillers:
                text = text.removeprefix(word).removesuffix(word).strip(" ,，、《》")
        return text
    words = re.findall(r"[\w'’-]+", text)
    while words and words[0].lower() in vocab.en_filler:
        words.pop(0)
    while words and words[-1].lower() in vocab.en_filler:
        words.pop()
    return " ".join(words)


def _swap_subject(question: str, parts: _Parts, prior: Reading, prior_laws, prior_party,
                  vocab: Vocabulary) -> Reading | None:
    """A follow-up naming only a new subject ("And network logs under the CSL?" after a retention period) asks
    the kind of figure the question before wanted, of that subject; its law and party are its own or inherited."""
    wants = question_wants(prior.text) & vocab.swap.keys()
    subject = _bare_subject(parts, vocab)
    if len(wants) != 1 or not subject or question_wants(subject):
        return None  # no single kind to carry over, or the follow-up names an ask of its own ("and the deadline?")
    language = detect_language(question)
    text = vocab.swap[wants.pop()][language].format(subject=subject)
    text, inherited = _placed(text, parts, prior, prior_laws, prior_party, language, vocab, own_too=True)
    return Reading(question, text, describe(text), ("subject", *inherited), language)


def _placed(text: str, parts: _Parts, prior: Reading, prior_laws, prior_party, language: str, vocab: Vocabulary,
            own_too: bool) -> tuple[str, tuple[str, ...]]:
    """`text` with the law and the party the follow-up leaves out taken from the question before (and, `own_too`,
    with the ones it names, which a text written afresh lacks), and what was inherited."""
    inherited: list[str] = []
    if parts.laws:
        if own_too:
            start, end, doc_id = parts.laws[0]
            text = _with_law(text, (0, 0, doc_id), parts.rest[start:end], language)
    elif prior_laws:
        start, end, doc_id = prior_laws[0]
        text = _with_law(text, (0, 0, doc_id), prior.text[start:end], language)
        inherited.append("law")
    if parts.party:
        if own_too:
            text = _with_party(text, parts.party, language, vocab)
    elif prior_party:
        text = _with_party(text, prior_party, language, vocab)
        inherited.append("party")
    return text, tuple(inherited)


def _own_subject(question: str, parts: _Parts, prior: Reading, prior_laws, prior_party,
                 vocab: Vocabulary) -> Reading | None:
    """A follow-up with a subject of its own ("and how long must logs be kept?"): the law and the party it
    leaves out come from the question before."""
    language = detect_language(question)
    own = parts.rest[:1].upper() + parts.rest[1:]
    if parts.asks:
        text = own + _ask_mark(question)
    else:
        text = f"{own}是什么？" if language == "zh" else f"What is {parts.rest}?"
    text, inherited = _placed(text, parts, prior, prior_laws, prior_party, language, vocab, own_too=False)
    if not inherited:
        return None
    return Reading(question, text, describe(text), inherited, language)


def describe(question: str) -> str:
    """One line on what a question asks: its scaffolding ("What is the", "是多少", "?") dropped."""
    vocab = load_vocabulary()
    text = _END.sub("", question.strip())
    if _CJK.search(text):
        for word in vocab.zh_drop:
            text = text.removeprefix(word)
        for word in vocab.zh_drop:
            if text.endswith(word):
                text = text[: -len(word)]
                break
        return text.strip("，, ")
    for phrase in vocab.en_drop:
        m = re.match(rf"{re.escape(phrase)}\b\s*", text, re.I)
        if m:
            text = text[m.end():]
            break
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def read_in_context(question: str, context: list[str] | tuple[str, ...] = ()) -> Reading:
    """How `question` is read after the questions in `context` (oldest first). Each earlier question is read in
    its own context first, so "And under the DSL?" then "what about for individuals?" keeps the DSL."""
    vocab = load_vocabulary()
    prior: Reading | None = None
    for earlier in context:
        if earlier and earlier.strip():
            prior = _read(earlier.strip(), prior, vocab)
    return _read(question.strip(), prior, vocab)
