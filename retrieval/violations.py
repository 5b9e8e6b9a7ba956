"""The breach a sanction follows, read from the sentence that imposes it: "违反本法第二十五条规定，销售…未经安全认证
…网络关键设备的，由有关主管部门…并处…罚款" fines selling uncertified equipment, and nothing else. A question that
describes the breach is answered by the sanction for that breach, not by the nearest fine of the same law."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from retrieval.duties import breached_articles
from retrieval.figures import extract_figures
from retrieval.roles import is_sanction
from retrieval.rules.registry import enabled
from retrieval.sentences import Span, sentence_spans

if TYPE_CHECKING:
    from retrieval.query import QueryAnalysis

# where a sanction's condition ends and the sanction begins: "…的，由有关主管部门…", "…的，处…"; in English a
# condition opens the sentence ("Where …, the departments … are to order correction")
_ZH_CONDITION_END = re.compile(r"的[，,]\s*(?=由|处|对|依照|依法|给予|责令|没收|并处|可以)")
_EN_CONDITION = re.compile(r"^\s*(?:Article\s+\d+:?\s*)?(?:Where|If|When)\b(.*?)\b(?:shall|is to|are to|may)\b",
                           re.I | re.S)

# a tier that adds to the breach of the paragraph before it: "有前款规定的违法行为，情节严重的…", "有前两款行为，
# 造成大量数据泄露…的", "Where the circumstances of the unlawful acts mentioned in the preceding Paragraph…"
_CONTINUES = re.compile(r"^\s*(?:第[一二三四五六七八九十百零]+条\s*)?(?:单位)?有(?:前款|前两款|前三款|本条第[一二三四]款)|"
                        r"^\s*(?:Where|If)\b[^.;]{0,80}\b(?:preceding|previous|above) paragraphs?", re.I)

# what the sanctions themselves and their tiers are called: they say what is asked of a breach (the fine, the
# managers', the grave tier), not which breach it is
SANCTION_WORDS = re.compile(
    r"罚款|罚金|处罚|拘留|没收|违法所得|警告|责令改正|拒不改正|情节(?:特别)?严重|严重后果|直接负责的主管人员|其他直接责任人员|"
    r"主管人员|责任人员|营业额|吊销|营业执照|\bfine[sd]?\b|\bpenalt(?:y|ies)\b|\bpunish\w*|\bsanction\w*|\bgrave\b|"
    r"\bserious\w*|\brefus\w+ to (?:correct|rectify)\b|\bmanagers?\b|\bpersonally\b|\bresponsible\b|\bturnover\b|"
    r"\brevenue\b|\bconfiscat\w*|\bwarning\b", re.I)


# a sanction whose condition is its list ("有下列行为之一的，依照有关法律、行政法规的规定处罚：（三）…"): each item is a
# breach of its own
_LISTED_BREACH = re.compile(r"下列(?:行为|情形|情况)之一|\bone of the following\b", re.I)


def condition_of(sentence: str) -> str:
    """The breach a sanction sentence names before the sanction it imposes ("" if it names none)."""
    if not is_sanction(sentence):
        return ""
    if m := _ZH_CONDITION_END.search(sentence):
        return sentence[:m.start()]
    m = _EN_CONDITION.match(sentence)
    return m.group(0) if m else ""


def breach_of(span: Span, read: str, passage_text: str, lead: str) -> str:
    """The breach a sanction sentence punishes: its own condition, else its paragraph's first sentence's ("The
    directly responsible person in charge … are to be fined" under "Where … are grave, …"), with the condition of
    the paragraph it adds a tier to ("有前款规定的违法行为，情节严重的")."""
    if not is_sanction(read):
        return ""
    breach = condition_of(read)
    if not breach:
        first = next((s for s in sentence_spans(passage_text) if s.paragraph == span.paragraph), None)
        breach = condition_of(first.text) if first is not None and first.start != span.start else ""
    if breach and continues_previous(breach) and lead:
        breach = f"{condition_of(lead)} {breach}"
    if breach and _LISTED_BREACH.search(breach) and span.text not in breach and span.text in read:
        breach = f"{breach} {span.text}"
    return breach


# what a breach caused (造成大量数据泄露、关键信息基础设施丧失局部功能等…后果): harm to others, not who breached
_CAUSED = re.compile(r"(?:造成|导致|致使)[^，,；;。]*")


def without_consequences(breach: str) -> str:
    """A breach's words with what it caused taken out: "有前两款行为，造成…关键信息基础设施丧失局部功能…后果的" is
    breached by the operators of the paragraphs before it, whatever infrastructure it harmed."""
    return _CAUSED.sub("", breach)


def continues_previous(sentence: str) -> bool:
    """Whether a sanction sentence punishes the breach of the paragraph before it, at a higher tier."""
    return bool(_CONTINUES.search(sentence))


def duty_articles(condition: str) -> frozenset[int]:
    """The articles whose duties a condition says were breached (违反本法第二十五条规定; 不履行本法第三十条规定的…)."""
    cited = set(breached_articles(condition))
    for m in re.finditer(r"(?:不履行|未履行|违反)本(?:法|条例|办法|规定)([^，。；]{0,40}?)规定", condition):
        cited |= breached_articles(f"违反{m.group(1)}")
    return frozenset(cited)


@dataclass(frozen=True)
class SanctionMap:
    """Which duties a law's sanctions punish by number: the articles its sanction sentences say were breached,
    and whether every such sentence that sets a figure names its breach by article (one that describes its act in
    words, or punishes any breach of the law, may reach a duty no number names)."""

    cited: frozenset[int]
    by_number_only: bool

    def leaves_unsanctioned(self, article: int) -> bool:
        return self.by_number_only and bool(self.cited) and article not in self.cited


def sanction_map(texts: list[str]) -> SanctionMap:
    """The sanction map of a law from its articles' texts (Chinese: the breach lists are read from 违反本条例第…条)."""
    cited: set[int] = set()
    by_number_only = True
    for text in texts:
        for span in sentence_spans(text):
            sentence = span.text
            if not is_sanction(sentence) or continues_previous(sentence):
                continue
            condition = condition_of(sentence)
            numbers = duty_articles(condition) if condition else frozenset()
            if numbers:
                cited |= numbers
            elif condition and any(f.sanction for f in extract_figures(sentence)):
                by_number_only = False  # a fine for an act described in words
    return SanctionMap(frozenset(cited), by_number_only)


def duties_named(analysis: QueryAnalysis, sanctions_of: Callable[[str], SanctionMap]) -> frozenset[int]:
    """Rule duty_named: a fine asked for an article the question names ("ignoring the national security review
    requirement (Art 13)") asks the fine for breaching that duty, when a sanction of its law cites the article as
    breached; an article no sanction cites (the sanction's own, "what does Art. 56 fine?") is no breach."""
    if not enabled("duty_named") or analysis.breached or not analysis.sanctions_answer:
        return frozenset()
    named = set()
    for ref in analysis.articles:
        law = analysis.law_of(ref)
        if law and ref.article in sanctions_of(law).cited:
            named.add(ref.article)
    return frozenset(named)
