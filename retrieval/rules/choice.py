"""Rule ``open_choice``: a question that offers two readings ("is the 5% taken on the group's turnover or the China
entity's?", 是按集团营业额算还是按境内主体营业额算) is answered only by a passage that speaks to one of them. A
figure the passage states is not the choice asked; quoting it as if it settled the choice is the careless answer."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.glossary import glossary_pairs
from retrieval.rules.asks import asks_comparison
from retrieval.rules.registry import cues
from retrieval.sentences import question_sentences

# the asking sentence is a yes-no or a "whether" question, not "how many of A, B or C"
_EN_YES_NO = re.compile(r"^(?:[\w'\"“”‘’% -]{0,40}[,—–:-]\s*)?(?:is|are|does|do|did|should|must|can|will|would|was|"
                        r"were)\b|\bwhether\b|[,—–:]\s*(?:is|are|does|do)\s+(?:it|they|that|this)\b", re.I)
_EN_WH = re.compile(r"\b(?:how|what|which|when|who|where|why)\b", re.I)
_EN_OR = re.compile(r"\s+or\s+(?:rather\s+|only\s+|just\s+|instead\s+)?", re.I)
_ZH_CHOICE = re.compile(r"(?:是)?(?P<a>[^，。？?；、]{2,24}?)[，,]?\s*还是(?P<b>[^，。？?；]{2,24})")
_FIGURE = re.compile(r"\d|[一二三四五六七八九十百千万两半]+(?:年|个?月|天|日|倍|人|条|次|级)|\b(?:one|two|three|four|five|"
                     r"six|ten|twelve|hundred|thousand|million)\b|\b(?:earlier|later|before|after|longer|shorter|higher|"
                     r"lower)\b|之前|之后|以前|以后", re.I)
_EN_WORD = re.compile(r"[a-z][a-z-]{2,}")
_ZH_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
# the little words of a Chinese reading (是按…算, 的): no piece of a reading spans them
_ZH_PARTICLES = re.compile(r"[是按的算由对在为和与及或还]")


@dataclass(frozen=True)
class Choice:
    first: str
    second: str
    marks: tuple[tuple[str, ...], tuple[str, ...]]  # what sets each reading apart, with glossary translations


def _asking_sentences(question: str) -> list[str]:
    parts = question_sentences(question.strip())
    return [p for p in parts if p.rstrip().endswith(("?", "？"))] or parts[-1:]


def _options(sentence: str) -> tuple[str, str] | None:
    if re.search(r"[\u4e00-\u9fff]", sentence):
        m = _ZH_CHOICE.search(sentence)
        return (m.group("a"), m.group("b")) if m else None
    if not _EN_YES_NO.search(sentence) or _EN_WH.search(sentence.split(" or ")[0][-60:]):
        return None
    pieces = _EN_OR.split(sentence.rstrip(" ?？"), maxsplit=1)
    if len(pieces) != 2:
        return None
    first = " ".join(re.split(r"[,;:—–]", pieces[0])[-1].split()[-5:])
    second = " ".join(re.split(r"[,;:—–]", pieces[1])[0].split()[:6])
    return first, second


def _stopwords() -> frozenset[str]:
    return frozenset(cues()["rules"]["open_choice"]["generic"])


def _marks(option: str, other: str) -> tuple[str, ...]:
    """The words of one reading the other lacks, in both languages (Chinese as runs cut into two-character
    pieces, since a reading is written without spaces)."""
    generic = _stopwords()
    if _ZH_RUN.search(option):
        runs = _ZH_RUN.findall(_ZH_PARTICLES.sub(" ", option))
        pieces = {run[i:i + 2] for run in runs for i in range(len(run) - 1)}
        pieces -= {p for p in pieces if p in other or p in generic}
    else:
        words = set(_EN_WORD.findall(option.lower())) - set(_EN_WORD.findall(other.lower()))
        # a word that sets no reading apart elsewhere ("China") does here when it is all this reading has
        pieces = (words - generic) or words
    translations = {t for term, t in glossary_pairs(option) if term not in other}
    return tuple(sorted(pieces | translations))


def open_choice(question: str) -> Choice | None:
    """Two readings the question asks to choose between, when they are not figures, times or a comparison
    (those are answered by the figures: rules comparison and two_asks)."""
    if asks_comparison(question):
        return None
    options = next(filter(None, map(_options, _asking_sentences(question))), None)
    if options is None:
        return None
    # a figure the question named before offering the readings ("the PIPL 5% fine: is it 5% of the group's
    # revenue or of the China entity's?") is what both readings are of, not what tells them apart
    lead = question[:max(question.find(options[0]), 0)]
    readings = [_FIGURE.sub(lambda m: " " if m.group() in lead else m.group(), o) for o in options]
    if any(_FIGURE.search(r) for r in readings):
        return None
    first, second = (o.strip(" ,，“”\"'") for o in options)
    # what the question spoke of before offering the readings ("the 5%-of-turnover fine: is the turnover the
    # group's or the China entity's?") is what both are readings of, not what sets one apart
    marks = tuple(tuple(m for m in _marks(a, b) if not _said_in(m, lead)) for a, b in (readings, readings[::-1]))
    return Choice(first, second, marks) if all(marks) else None


def _said_in(mark: str, lead: str) -> bool:
    if mark.isascii():
        return bool(re.search(rf"(?<![a-z]){re.escape(mark)}", lead.lower()))
    return mark in lead or any(mark in translation for term, translation in glossary_pairs(lead))


def asks_open_choice(question: str) -> bool:
    return open_choice(question) is not None


def speaks_to(choice: Choice, text: str) -> bool:
    """Whether a text names what sets either reading apart."""
    lowered = text.lower()
    return any(re.search(rf"(?<![a-z]){re.escape(mark)}", lowered) if mark.isascii() else mark in text
               for marks in choice.marks for mark in marks)
