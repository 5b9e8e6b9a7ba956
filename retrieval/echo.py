"""Rule `echoed_figure`: "DiDi's fine was about CNY 8.02 billion. How did that compare with the fines on its
executives?" states one side of a comparison and asks the other. An answer whose every figure is one the question
itself states answers nothing asked: the figure echoed back is the careless answer, and the side asked was not
found. The same holds outside comparisons when the question asks a kind of figure the echo lacks ("companies with
over 1 million users must report yearly: what is the deadline?" answered "more than 1 million"); a question asking
whether its own figure is right ("Is the PIPL's top fine CNY 50 million?") is answered by that figure."""

from __future__ import annotations

from retrieval.compare import sets_beside
from retrieval.compose import Composition, abstain
from retrieval.figures import extract_figures, figures_match, yes_or_no
from retrieval.query import QueryAnalysis
from retrieval.rules.asks import asks_comparison
from retrieval.rules.registry import enabled

RULE = "echoed_figure"


def compares(question: str) -> bool:
    """The rule's question side: a comparison, or one figure set beside another (its examples run through it)."""
    return asks_comparison(question) or sets_beside(question)


def echoed_figure(comp: Composition, analysis: QueryAnalysis) -> Composition:
    """The answer, or an abstention when every figure its lead states is one the comparison asked already states."""
    if not enabled(RULE) or comp.abstained or not comp.key_figure:
        return comp
    told = extract_figures(analysis.question)
    shown = extract_figures(comp.key_figure)
    if not told or not shown or not all(any(figures_match(s, t) for t in told) for s in shown):
        return comp
    echoed = f"The only figure found ({comp.key_figure}) is the one the question states; no passage found states"
    if compares(analysis.question):
        return abstain(comp.cited, f"{echoed} the other side.", analysis, RULE)
    kinds = {f.kind for f in shown}
    missing = analysis.wants - kinds
    if yes_or_no(analysis.question) or not missing or not analysis.wants & kinds:
        return comp
    asked = " or ".join(sorted(k.replace("-", " ") for k in missing))
    return abstain(comp.cited, f"{echoed} the {asked} asked.", analysis, RULE)
