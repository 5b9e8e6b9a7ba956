"""Rule `class_by_definition`: "Under the NDSMR, how many individuals' records make a dataset count as 'important
data'?" A threshold asked as what makes something one of the classes the law defines (important data, a large
network platform, sensitive personal information) is answered by a sentence that defines or classifies it. NDSMR
Art. 28's ten million people make a processor follow the rules for important-data processors; they do not make
the data important. Also the shape of a definition, which rule `defined_term` reads as well."""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.duties import asking_clause
from retrieval.glossary import glossary_pairs
from retrieval.rules.registry import cues

RULE = "class_by_definition"
# "…就会被认定为重要数据", "属于大型网络平台", "count as important data", "qualify as a large network platform"
# (what has already been classified, or has not, sets the scene: "none of our data has been designated important data")
_ZH_CLASSED = r"(?<![已未没不])(?:被?认定为|属于|算作?|算是|视为|构成|成为|才算|就算|归为|列为)[“\"'‘]?"
_EN_CLASSED = (r"(?<!been )(?<!was )(?<!were )(?<!not )\b(?:counts?|count(?:ed)?|qualif(?:y|ies|ied)|classif(?:y|ies|ied)|"
               r"deemed|considered|treated|regarded|designated)\s+(?:as\s+)?(?:an?\s+|the\s+)?['\"‘“]?")


def term_forms(term: str) -> set[str]:
    """The term as written and as the glossary translates it (important data -> 重要数据)."""
    return {term.lower(), *(translation.lower() for found, translation in glossary_pairs(term)
                            if len(found) >= len(term) - 1)}


def defines(text: str, form: str) -> bool:
    """Whether the text defines the term in one of its forms: 重要数据，是指…; 本法所称重要数据; a sentence that
    opens on the term (敏感个人信息是一旦泄露…的个人信息); "X means…"."""
    escaped = re.escape(form)
    return bool(re.search(rf"{escaped}[”\"']?\s*[，,]?\s*(?:是指|指的是|，指)|所称{escaped}|"
                          rf"^\s*(?:第[一二三四五六七八九十百零]+条\s*)?{escaped}是(?!否)|"
                          rf"[“\"']?{escaped}[”\"']?\s*(?:means|refers to|shall mean)\b", text, re.I))


@lru_cache(maxsize=1)
def _classes() -> tuple[str, ...]:
    return tuple(sorted(cues()["rules"][RULE]["classes"], key=len, reverse=True))


def classified_term(question: str) -> str:
    """The defined class the question asks what makes something (认定为重要数据, "count as important data"), in
    the clause that asks, or "": "we have been designated CII" sets the scene."""
    question = asking_clause(question)
    for term in _classes():
        escaped = re.escape(term)
        if re.search(rf"{_ZH_CLASSED}{escaped}", question) or re.search(rf"{_EN_CLASSED}{escaped}", question, re.I):
            return term
    return ""


def states_class(text: str, term: str) -> bool:
    """Whether a sentence defines the class or says what falls in it (…的，属于重要数据; "shall be deemed important
    data"), in any of the term's forms."""
    return any(defines(text, form) or re.search(rf"(?:{_ZH_CLASSED}|的，?为){re.escape(form)}|{_EN_CLASSED}{re.escape(form)}|"
                                                rf"\b(?:is|are|be|as)\s+(?:an?\s+|the\s+)?{re.escape(form)}", text, re.I)
               for form in term_forms(term))
