"""Rule `transfer_route`: "We're a non-CIIO SaaS company. Since 1 January we have sent the PI of about 80,000
people (no sensitive PI) to our US parent. Do we need a CAC security assessment, an SCC filing or certification?"
describes a transfer and asks its route. The route is the decision table's (retrieval/transfer.py, each threshold
read in the store); the answer names the route, quotes the threshold that puts the transfer there, and the
thresholds above it, so "at what number would an assessment be needed instead?" is answered too."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from retrieval.compose import Composition, citation_label
from retrieval.figures import question_wants, read_figures
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.register.read import Unit
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import Span, paragraphs
from retrieval.transfer import Route, Step, Transfer, TransferError, check, decide, verified_table
from retrieval.verify import Claim

RULE = "transfer_route"
# the thresholds that lie above each route's own, for a transfer of ordinary or of sensitive information
_ABOVE = {("exempt", False): ("contract_ordinary", "assessment_ordinary"),
          ("standard_contract_or_certification", False): ("assessment_ordinary",),
          ("standard_contract_or_certification", True): ("assessment_sensitive",)}
_ROUTE_NAMES = {
    "exempt": ("Exempt: no security assessment, standard contract or certification is needed",
               "免予申报数据出境安全评估、订立个人信息出境标准合同和通过个人信息保护认证"),
    "standard_contract_or_certification": ("A standard contract (SCC) with the recipient, or personal information "
                                           "protection certification",
                                           "订立个人信息出境标准合同，或者通过个人信息保护认证"),
    "security_assessment": ("A security assessment, declared through the provincial CAC", "申报数据出境安全评估"),
}


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    spec = cues()["rules"][RULE]
    return {name: re.compile("|".join(spec[name]), re.I)
            for name in ("abroad", "route", "sensitive", "cii", "important", "denied", "people")}


def _named(kind: str, question: str) -> bool | None:
    """Whether the question says the transfer is of that kind (True), says it is not (False), or is silent (None):
    "non-CIIO", "(no sensitive PI)", 不含敏感个人信息 deny it."""
    found = list(_cues()[kind].finditer(question))
    if not found:
        return None
    denied = _cues()["denied"]
    return not all(denied.search(question[max(0, m.start() - 14):m.end() + 10]) for m in found)


def described_transfer(question: str) -> Transfer | None:
    """The transfer a question describes (its headcount, whether sensitive, by a CII operator, of important data),
    when it asks which route it takes; None otherwise."""
    c = _cues()
    if not (c["abroad"].search(question) and c["route"].search(question)):
        return None
    heads = [f.value for f in read_figures(question) if f.kind == "count" and
             (f.counts == "people" or c["people"].match(question[f.end:f.end + 16]))]
    if not heads:
        return None
    sensitive = _named("sensitive", question)
    most, least = max(heads), min(heads)
    if sensitive and len(heads) > 1:
        individuals, sensitive_count = int(most), int(least)
    else:
        individuals, sensitive_count = (0, int(most)) if sensitive else (int(most), 0)
    return Transfer(individuals, sensitive_count, bool(_named("cii", question)), bool(_named("important", question)))


def asks_transfer_route(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    return _route_asked(question) is not None


# a route is asked with at most a headcount ("…要签标准合同吗？门槛是多少人？"); "合同生效后多长时间内必须备案？" asks a period
_ROUTE_ASKS = frozenset({"count", "quantity"})


def _route_asked(question: str) -> Transfer | None:
    """The transfer described, when the question asks its route and no other kind of figure."""
    transfer = described_transfer(question)
    # each ask on its own: "…多长时间内必须备案？向哪个部门备案？" asks a period, though its last ask wants no figure
    asks = [part for part in re.split(r"[?？]", question) if part.strip()]
    return transfer if transfer is not None and all(question_wants(part) <= _ROUTE_ASKS for part in asks) else None


def transfer_route(analysis: QueryAnalysis, units: Callable[[], list[Unit]],
                   chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """The route of the transfer the question describes, each step quoted from the store; None when the question
    describes none, or when the store cannot give the route (the composer then answers as it can)."""
    transfer = _route_asked(analysis.question) if enabled(RULE) else None
    if transfer is None:
        return None
    try:
        data, steps = verified_table(units())
        name, chosen = decide(check(transfer), steps, data)
    except TransferError:
        return None
    above = [steps[step] for step in _ABOVE.get((name, bool(transfer.sensitive)), ())]
    return _answer(Route(name, chosen), above, analysis.language, chunks_of)


def _cited(step: Step, chunks_of: Callable[[str], list[Passage]]) -> tuple[Passage, Span] | None:
    """The chunk that holds the step's sentence, and the sentence's span in it."""
    for passage in chunks_of(step.citation.doc_id):
        at = passage.text.find(step.citation.quote)
        if at >= 0:
            end = at + len(step.citation.quote)
            paragraph = next((n for n, (a, b) in enumerate(paragraphs(passage.text), start=1) if a <= at < b), 1)
            return passage, Span(at, end, step.citation.quote, paragraph)
    return None


def _answer(decided: Route, above: list[Step], language: str,
            chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    deciding = decided.steps[0]
    shown = [deciding, *above]
    found = [_cited(step, chunks_of) for step in shown]
    if any(f is None for f in found):
        return None
    name = _ROUTE_NAMES[decided.route][language == "zh"]
    lines = [f"{name} [1]."]
    comp = Composition(key_figure=deciding.figure or name)
    for n, (step, (passage, span)) in enumerate(zip(shown, found, strict=True), start=1):
        comp.cited.append(passage)
        comp.quotes.append(span)
        told = step.told_in(language)
        comp.claims += [Claim(told, (n,)), Claim(span.text, (n,))]
        lines.append(f"{told} [{n}]\n{citation_label(passage, span)}: “{span.text}” [{n}]")
    comp.text = "\n\n".join(lines)
    comp.trace = [TraceStep(RULE, f"route {decided.route}: {deciding.citation.doc_id} {deciding.citation.locator}",
                            "answered")]
    return comp
