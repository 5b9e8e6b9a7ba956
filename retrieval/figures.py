"""Figures in English and Chinese, normalised so an answer's figures can be checked against a source.

CNY 50 million = RMB 50,000,000 = 50 million yuan = 五千万元 = 5000万元; 5% = 百分之五;
100,000 = 10万 = 十万; 1 November 2021 = 2021年11月1日. Article, paragraph and item numbers,
citation markers and list numbering are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from ingest.numerals import ENGLISH_NUMBER_WORDS, ENGLISH_SCALE, NUMERAL_CHARS, chinese_to_number
from retrieval.roles import ZH_ITEM_MEASURES, in_sanction, source_count_class
from retrieval.sentences import question_sentences

_ZH_NUM = f"[{NUMERAL_CHARS}0-9.,]+"
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTH_ABBR = {name[:3]: number for name, number in _MONTHS.items()} | {"sept": 9}
_CURRENCY = {"cny": "CNY", "rmb": "CNY", "yuan": "CNY", "元": "CNY", "¥": "CNY", "usd": "USD", "us$": "USD",
             "$": "USD", "dollars": "USD", "eur": "EUR", "€": "EUR", "euro": "EUR", "euros": "EUR",
             "gbp": "GBP", "£": "GBP", "hkd": "HKD"}
_DURATION_UNITS = {"working day": "working-day", "working days": "working-day", "business day": "working-day",
                   "business days": "working-day", "day": "day", "days": "day", "hour": "hour", "hours": "hour",
                   "month": "month", "months": "month", "year": "year", "years": "year", "minute": "minute",
                   "minutes": "minute", "week": "week", "weeks": "week"}
_ZH_DURATION = {"个工作日": "working-day", "工作日": "working-day", "日": "day", "天": "day", "小时": "hour",
                "个月": "month", "月": "month", "年": "year", "周": "week", "分钟": "minute"}

_EN_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_EN_WORDNUM = "|".join(sorted(ENGLISH_NUMBER_WORDS, key=len, reverse=True))

# --- Chinese patterns (order matters: amounts and percents before bare counts)
ZH_PERCENT = re.compile(rf"百分之({_ZH_NUM})(以下|以上)?|({_EN_NUMBER})\s*[%％](以下|以上)?")
# fines set as a multiple of something else: 违法所得一倍以上十倍以下, "one to ten times the illegal gains"
ZH_MULTIPLE = re.compile(rf"(?<![第{NUMERAL_CHARS}0-9])({_ZH_NUM})倍(以下|以上)?")
# ages: 不满十四周岁 (under 14), "under the age of 14", "14 years old"
ZH_AGE = re.compile(rf"(?<![第{NUMERAL_CHARS}0-9])({_ZH_NUM})周岁(以上|以下)?")
EN_AGE = re.compile(rf"\b(?:age of|aged)\s+({_EN_NUMBER}|{_EN_WORDNUM})\b|\b({_EN_NUMBER}|{_EN_WORDNUM})\s+years?(?:\s+|-)"
                    r"(?:of age|old)\b", re.I)
ZH_AMOUNT = re.compile(rf"(?<![第{NUMERAL_CHARS}0-9])({_ZH_NUM})\s*(万元|亿元|元)(以下|以上)?")
ZH_DATE = re.compile(r"(\d{4}|[〇○零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月"
                     r"(?:(\d{1,2}|[一二三四五六七八九十]{1,3})日)?")
# "自上年1月1日起": a day of the calendar with no year, not a duration of one day
ZH_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日")
MONTH_DAY = "month-day"
ZH_DURATION = re.compile(rf"(?<![第{NUMERAL_CHARS}0-9])({_ZH_NUM})(个工作日|工作日|个月|小时|分钟|日|天|周|年)"
                         r"(?!度)(以内|内|以上|以下)?")
ZH_COUNT = re.compile(rf"(?<![第{NUMERAL_CHARS}0-9])({_ZH_NUM})(万|亿)?(人|条|户|次|个|名|件|家|项|位|组)?"
                      r"(以上|以下|以内)?")

# --- English patterns
EN_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(_MONTHS)}|{'|'.join(_MONTH_ABBR)})\.?,?\s+(\d{{4}})\b", re.I)
EN_DATE_MDY = re.compile(rf"\b({'|'.join(_MONTHS)}|{'|'.join(_MONTH_ABBR)})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
EN_DATE_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
# a half of a threshold (数量或者数额达到…标准一半以上): a share, not a count; half a year is a duration
HALF = re.compile(r"一半|半数|二分之一|\b(?:one[- ])?half\b(?!\s+(?:a|an)\s+(?:year|month|day|hour))(?![- ](?:year|month|day))",
                  re.I)
EN_PERCENT = re.compile(rf"\b({_EN_NUMBER}|{_EN_WORDNUM})\s*(?:%|percent\b|per cent\b)", re.I)
EN_AMOUNT_PREFIX = re.compile(rf"(CNY|RMB|USD|US\$|EUR|GBP|HKD|¥|€|£|\$)\s?({_EN_NUMBER})\s*"
                              r"(thousand|million|billion|mn|bn|m|k)?\b", re.I)
EN_AMOUNT_SUFFIX = re.compile(rf"\b({_EN_NUMBER}|{_EN_WORDNUM})\s*(thousand|million|billion)?\s*"
                              r"(yuan|rmb|cny|dollars|euros?|usd|eur)\b", re.I)
# "between 10,000 and 100,000 Yuan", "RMB 1 to 10 million": the currency after the second number is the first's too
EN_AMOUNT_RANGE = re.compile(rf"\b({_EN_NUMBER})\s*(thousand|million|billion)?\s*(?:and|to|-|–)\s*(?={_EN_NUMBER}\s*"
                             r"(?:thousand|million|billion)?\s*(?:yuan|rmb|cny)\b)", re.I)
EN_MULTIPLE = re.compile(rf"\b({_EN_NUMBER}|{_EN_WORDNUM})(?:\s+times\b|-fold\b)", re.I)
EN_DURATION = re.compile(rf"\b({_EN_NUMBER}|{_EN_WORDNUM})(?:\s*\(\d+\))?[\s-]+(working days?|business days?|days?|"
                         r"hours?|months?|years?|minutes?|weeks?)\b", re.I)
# "300k users", "1.5M MAU": a magnitude written onto the number counts as its word (1.5M is not a count of 1)
EN_COUNT = re.compile(rf"(?<![\w.])({_EN_NUMBER})(?:\s*(thousand|million|billion)|(k|m|mn|bn))?\b", re.I)
EN_WORD_SCALE = re.compile(rf"\b({_EN_WORDNUM})\s+(thousand|million|billion)\b", re.I)
# "five protection levels", "three categories": a spelled-out number counting a plural noun ("one of" is no count)
_EN_COUNT_WORDS = "|".join(sorted((w for w in ENGLISH_NUMBER_WORDS if w not in ("one", "hundred")), key=len, reverse=True))
EN_WORD_COUNT = re.compile(rf"\b({_EN_COUNT_WORDS})\s+((?:[a-z]+[- ])?[a-z]{{3,}}s)\b", re.I)
EN_YEAR = re.compile(r"\b(?:in|since|from|by|before|after|of|year|effective|enacted|adopted|promulgated|"
                     r"amended|revised)\s+((?:19|20)\d{2})\b", re.I)
# Many rules take effect "on the date of publication" rather than on a calendar date: that is the answer
# to "when does it take effect", and a date figure like any other (unit "on-publication", value 0).
ZH_ON_PUBLICATION = re.compile(r"自(?:公布|发布|印发|颁布)之日起(?:施行|生效)")
EN_ON_PUBLICATION = re.compile(r"\b(?:(?:as )?(?:of|on|from) )?the date of (?:its )?(?:publication|promulgation|"
                               r"issuance|release)\b|\bupon (?:publication|promulgation|issuance)\b", re.I)
ON_PUBLICATION = "on-publication"
# When an obligation falls due with no number: 立即 / immediately (value 0), 及时 / promptly (value 1)
ZH_TIMING = re.compile(r"(立即|立刻|第一时间)|(及时)")
EN_TIMING = re.compile(r"\b(immediately|without delay|forthwith)\b|\b(promptly|in a timely manner|timely)\b", re.I)
TIMING_WORDS = {0: "immediately", 1: "promptly"}
# How often: times per year (每年度 = annually = 1, 每季度 = quarterly = 4, 每两年 = every two years = 0.5)
# with the count it sets when one follows ("每年至少进行一次" is the figure, not "每年")
ZH_FREQUENCY = re.compile(r"每(?:(两|二|三|四|五)年|(年度?)|(半年)|(季度?)|(月))(?:至少(?:进行|开展|组织)?[一1]次)?")
EN_FREQUENCY = re.compile(r"\b(?:(annually|yearly|once a year|every year|each year)|(twice a year|semi-annually|"
                          r"every six months|every 6 months)|(quarterly|every quarter|every three months|"
                          r"every 3 months)|(monthly|every month)|every (two|three|four|five|2|3|4|5) years)\b", re.I)
_EVERY_N_YEARS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "two": 2, "three": 3, "four": 4, "five": 5,
                  "2": 2, "3": 3, "4": 4, "5": 5}

# what is never a figure: article/paragraph/item references, markers, list numbering, section numbers
_NOT_MONTH = r"(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
# article, paragraph and item numbers in Chinese (第五条, 第（三）项, （二）), and 一 meaning "same", "unified",
# "sole", "any" (同一人民法院, 统一, 唯一): no count of one
_NOT_FIGURE_ZH_SOURCE = rf"第{_ZH_NUM}[条款项章节编目]|第[（(][{NUMERAL_CHARS}\d]+[)）]项|[（(][{NUMERAL_CHARS}\d]+[)）]|" \
    r"[同统唯某任逐单]一"
NOT_FIGURE = re.compile(
    # a web address's digits (…/2023-07/13/…) are no date or count
    r"https?://\S+|www\.\S+|"
    # a standard's or a document's code (TC260-003, GB/T 35273-2020, ISO/IEC 27001:2013) counts nothing
    # or a body's number (National Technical Committee 260, TC260)
    r"\b(?:GB(?:/[TZ])?|ISO(?:/IEC)?|IEC|[A-Z]{2}/T|TC\d+)\s*[-–]?\s*\d+(?:[-–:.]\d+)*|\b(?!CNY|RMB|USD|EUR|HKD|GBP|JPY)[A-Z]{2,}\d+(?:[-–]\d+)?\b|"
    r"\b(?:Committee|Commission|Subcommittee|Working Group|Decree|Order|Circular|Document)\s+(?:No\.\s*)?\d+\b|"
    # a version, a clause sign or a document's code with a hyphen (version 3.2, v2.0, § 4, DHS-7) counts nothing
    r"\b(?i:version|ver\.)\s*\d+(?:\.\d+)*|\bv\d+(?:\.\d+)+\b|§\s*\d+(?:\.\d+)*|\b[A-Z]{2,}[-–]\d+(?:\.\d+)*\b|"
    + _NOT_FIGURE_ZH_SOURCE + "|"
    r"\[\d+\]|\b(?i:articles?|art\.|arts\.|paragraphs?|para\.|items?|chapters?|sections?|no\.|order no\.|p\.|"
    r"pp\.|table|annex|clause|subparagraph|rows?|columns?)\s*\d+(?:\s*(?:,|and|or|to|through|-|–)\s*\d+)*|¶\s*\d+|"
    # section numbering of guides ("4.1 Securing…", "Strategies 4. Preparing…", a quote's "5 Cross-border"):
    # a year ending a sentence ("in force on 1 January 2025. The …") is not one
    r"(?<![\d,.])(?:\d+(?:\.\d+)+\.?|\d{1,2}\.)\s+(?=[A-Z][a-z])" + _NOT_MONTH + "|"
    r"(?:^|(?<=[“\"‘(]))[ \t]*\d+\.?\s+(?=[A-Z][a-z])" + _NOT_MONTH + "|"
    r"^\s*\d+\.\s", re.M)

# inclusive bounds (以下 includes the figure itself) and strict ones (不满 does not): a lawyer needs to know which
# a negated strict bound is the inclusive other one: "may not be more than CNY 1 million" is at most, "shall not
# exceed" too, "not to be less than" at least
_MAX_WORDS = re.compile(r"以下|以内|\b(?:not|no)\s+(?:(?:to\s+)?be\s+)?(?:more|greater|higher)\s+than|not\s+(?:to\s+)?exceed\w*|"
                        r"up to|at most|maximum of", re.I)
_MIN_WORDS = re.compile(r"以上|\b(?:not|no)\s+(?:(?:to\s+)?be\s+)?(?:less|fewer|lower)\s+than|at least|minimum of", re.I)
_BELOW_WORDS = re.compile(r"less than|fewer than|below|under", re.I)
_ABOVE_WORDS = re.compile(r"more than|over|exceed(?:ing|s)?", re.I)
_ZH_BELOW = ("不满", "不足", "少于", "低于")
_ZH_ABOVE = ("超过", "高于", "多于")
# inclusive bounds written before the figure: 不少于六个月 is at least six months (a negated 少于), 不超过 at most
_ZH_AT_LEAST = ("不少于", "不低于", "不小于", "至少", "最少", "最低")
_ZH_AT_MOST = ("不超过", "不高于", "不多于", "不大于", "至多", "最多", "最高")


@dataclass(frozen=True)
class Figure:
    kind: str  # amount | percent | multiple | count | duration | date | day-of-year | frequency (per year) | timing | age
    value: float
    unit: str
    text: str
    start: int
    end: int
    bound: str = ""  # "max" | "min" | ""
    sanction: bool = False  # stated in a clause that imposes a sanction: a fine's amount, a detention's days
    counts: str = ""  # what a count counts: people | items | times | entities | "" (unknown)

    def key(self) -> tuple:
        return (self.kind, self.unit, round(self.value, 6))


# what a sanction is measured in: money (a fine, or a multiple or share of something) and days (detention)
SANCTION_KINDS = frozenset({"amount", "percent", "multiple", "duration"})


def _en_number(token: str) -> float:
    token = token.lower()
    if token in ENGLISH_NUMBER_WORDS:
        return float(ENGLISH_NUMBER_WORDS[token])
    return float(token.replace(",", ""))


def _zh_number(token: str) -> float:
    return chinese_to_number(token.replace(",", ""))


def _bound(suffix: str | None, before: str, zh_lead: str = "") -> str:
    """"max"/"min" for inclusive bounds (以下, up to; 以上, at least), "below"/"above" for strict ones (不满, less
    than; 超过, more than), "" for a plain figure."""
    if suffix in ("以下", "以内", "内"):
        return "max"
    if suffix == "以上":
        return "min"
    if zh_lead.endswith(_ZH_AT_LEAST):
        return "min"
    if zh_lead.endswith(_ZH_AT_MOST):
        return "max"
    if zh_lead.endswith(_ZH_BELOW):
        return "below"
    if zh_lead.endswith(_ZH_ABOVE):
        return "above"
    tail = before[-24:]
    for pattern, bound in ((_MAX_WORDS, "max"), (_MIN_WORDS, "min"), (_BELOW_WORDS, "below"), (_ABOVE_WORDS, "above")):
        if pattern.search(tail):
            return bound
    return ""


def _zh_bound(suffix: str | None, text: str, start: int) -> str:
    """A Chinese figure's bound: its suffix (以下), else the words just before it (不满, 不少于)."""
    return _bound(suffix, "", text[max(0, start - 3):start])


def _en_bound(text: str, start: int) -> str:
    """An English figure's bound, from the words before it ("up to", "less than")."""
    return _bound(None, text[max(0, start - 24):start])


def _blocked(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in NOT_FIGURE.finditer(text)]


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, left to right, with overlapping matches resolved longest-first."""
    return list(_figures_of(text))


def figure_kinds(text: str) -> set[str]:
    """The kinds of figure a text states ("CNY 500,000 to 2 million": amount): an answer's lead, read for what it
    already says."""
    return {f.kind for f in _figures_of(text)}


def largest_fine(text: str) -> float:
    """The largest amount a sanction in ``text`` imposes (0 when it imposes none): how high a tier reaches."""
    return max((f.value for f in _figures_of(text) if f.kind == "amount" and f.sanction), default=0.0)


# English patterns, and the parts of NOT_FIGURE that are not Chinese, all need a Latin letter or a digit (\\d and
# re.I also match a few non-ASCII forms of them): a text with none is read by the Chinese patterns alone
_LATIN = re.compile(r"[A-Za-z\d\u212a\u017f\u0130\u0131]")
_NOT_FIGURE_ZH = re.compile(_NOT_FIGURE_ZH_SOURCE)


def _zh_dates(text: str) -> Iterator[Figure]:
    for m in ZH_DATE.finditer(text):
        try:
            year = int(chinese_to_number(m.group(1)))
            month = int(chinese_to_number(m.group(2)))
            day = int(chinese_to_number(m.group(3))) if m.group(3) else 0
        except ValueError:
            continue
        yield Figure("date", year * 10000 + month * 100 + day, "date", m.group(), m.start(), m.end())


def _zh_month_days(text: str) -> Iterator[Figure]:
    for m in ZH_MONTH_DAY.finditer(text):
        try:
            month, day = int(chinese_to_number(m.group(1))), int(chinese_to_number(m.group(2)))
        except ValueError:
            continue
        if 1 <= month <= 12 and 1 <= day <= 31:
            # its own kind: "when did it take effect" is never answered by a day of the year
            yield Figure("day-of-year", month * 100 + day, MONTH_DAY, m.group(), m.start(), m.end())


def _on_publication(pattern: re.Pattern) -> Callable[[str], Iterator[Figure]]:
    def read(text: str) -> Iterator[Figure]:
        for m in pattern.finditer(text):
            yield Figure("date", 0, ON_PUBLICATION, m.group(), m.start(), m.end())
    return read


def _timings(pattern: re.Pattern) -> Callable[[str], Iterator[Figure]]:
    def read(text: str) -> Iterator[Figure]:
        for m in pattern.finditer(text):
            yield Figure("timing", 0.0 if m.group(1) else 1.0, "timing", m.group(), m.start(), m.end())
    return read


def _zh_frequencies(text: str) -> Iterator[Figure]:
    for m in ZH_FREQUENCY.finditer(text):
        per_year = 1 / _EVERY_N_YEARS[m.group(1)] if m.group(1) else 1.0 if m.group(2) else \
            2.0 if m.group(3) else 4.0 if m.group(4) else 12.0
        yield Figure("frequency", per_year, "per-year", m.group(), m.start(), m.end())


def _en_frequencies(text: str) -> Iterator[Figure]:
    for m in EN_FREQUENCY.finditer(text):
        per_year = 1.0 if m.group(1) else 2.0 if m.group(2) else 4.0 if m.group(3) else 12.0 if m.group(4) else \
            1 / _EVERY_N_YEARS[m.group(5).lower()]
        yield Figure("frequency", per_year, "per-year", m.group(), m.start(), m.end())


def _month_number(name: str) -> int:
    lowered = name.lower()
    return int(name) if name.isdigit() else _MONTHS.get(
        lowered, _MONTH_ABBR.get(lowered[:4].rstrip("."), _MONTH_ABBR.get(lowered[:3], 0)))


def _en_dates(text: str) -> Iterator[Figure]:
    for pattern, order in ((EN_DATE_DMY, "dmy"), (EN_DATE_MDY, "mdy"), (EN_DATE_ISO, "iso")):
        for m in pattern.finditer(text):
            if order == "dmy":
                day, month_name, year = m.group(1), m.group(2), m.group(3)
            elif order == "mdy":
                month_name, day, year = m.group(1), m.group(2), m.group(3)
            else:
                year, month_name, day = m.group(1), m.group(2), m.group(3)
            if month := _month_number(month_name):
                yield Figure("date", int(year) * 10000 + month * 100 + int(day), "date", m.group(), m.start(),
                             m.end())


_MONTH_NAMES = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
# "since 1 January of this year": a day of every year (当年1月1日), not the count 1 (read after full dates)
EN_MONTH_DAY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_NAMES}\b|\b{_MONTH_NAMES}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")


_EN_MONTH_YEAR = re.compile(rf"\b{_MONTH_NAMES}\s+(\d{{4}})\b", re.I)


# the words that ask which date, not whether a date holds ("Did it take effect in January 2026?")
ASKS_WHICH_DATE = re.compile(r"\bwhen\b|\b(?:what|which) (?:date|day)\b|何时|什么时候|哪一?天|哪一?日|几月几[日号]|几号", re.I)


def stated_months(text: str) -> frozenset[int]:
    """The months (yyyymm) of the dates a text states to the month or the day: "adopted in October 2025",
    2025年10月28日. A year alone ("the 2021 law") names no month."""
    months = {f.value // 100 for f in extract_figures(text) if f.kind == "date" and f.value % 10000 >= 100}
    return frozenset(months | {int(year) * 100 + _MONTHS[month.lower()] for month, year in _EN_MONTH_YEAR.findall(text)})


def _en_month_days(text: str) -> Iterator[Figure]:
    for m in EN_MONTH_DAY.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if 1 <= int(day) <= 31:
            yield Figure("day-of-year", _MONTHS[month.lower()] * 100 + int(day), MONTH_DAY, m.group(), m.start(),
                         m.end())


def _zh_percents(text: str) -> Iterator[Figure]:
    for m in ZH_PERCENT.finditer(text):
        raw = m.group(1) or m.group(3)
        try:
            value = _zh_number(raw) if m.group(1) else _en_number(raw)
        except ValueError:
            continue
        yield Figure("percent", value, "%", m.group(), m.start(), m.end(),
                     _zh_bound(m.group(2) or m.group(4), text, m.start()))


def _en_percents(text: str) -> Iterator[Figure]:
    for m in EN_PERCENT.finditer(text):
        yield Figure("percent", _en_number(m.group(1)), "%", m.group(), m.start(), m.end(), _en_bound(text, m.start()))


_AFTER_HALF = re.compile(r"\s*(以上|以下|or more|or less)")


def _halves(text: str) -> Iterator[Figure]:
    for m in HALF.finditer(text):
        after = _AFTER_HALF.match(text, m.end())
        end = after.end() if after else m.end()
        yield Figure("percent", 50.0, "%", text[m.start():end], m.start(), end,
                     _zh_bound(after.group(1) if after else None, text, m.start()))


def _zh_multiples_and_ages(text: str) -> Iterator[Figure]:
    for pattern, kind, unit in ((ZH_MULTIPLE, "multiple", "times"), (ZH_AGE, "age", "years")):
        for m in pattern.finditer(text):
            try:
                value = _zh_number(m.group(1))
            except ValueError:
                continue
            yield Figure(kind, value, unit, m.group(), m.start(), m.end(), _zh_bound(m.group(2), text, m.start()))


def _en_multiples_and_ages(text: str) -> Iterator[Figure]:
    for pattern, kind, unit in ((EN_MULTIPLE, "multiple", "times"), (EN_AGE, "age", "years")):
        for m in pattern.finditer(text):
            number = next(group for group in m.groups() if group)
            yield Figure(kind, _en_number(number), unit, m.group(), m.start(), m.end(), _en_bound(text, m.start()))


def _zh_amounts(text: str) -> Iterator[Figure]:
    for m in ZH_AMOUNT.finditer(text):
        try:
            value = _zh_number(m.group(1))
        except ValueError:
            continue
        value *= {"万元": 1e4, "亿元": 1e8}.get(m.group(2), 1)
        yield Figure("amount", value, "CNY", m.group(), m.start(), m.end(), _zh_bound(m.group(3), text, m.start()))


def _en_amounts_prefixed(text: str) -> Iterator[Figure]:
    for m in EN_AMOUNT_PREFIX.finditer(text):
        scale = ENGLISH_SCALE.get((m.group(3) or "").lower(), 1)
        currency = _CURRENCY.get(m.group(1).lower(), m.group(1).upper())
        yield Figure("amount", _en_number(m.group(2)) * scale, currency, m.group().rstrip(), m.start(),
                     m.start() + len(m.group().rstrip()), _en_bound(text, m.start()))


def _en_amount_ranges(text: str) -> Iterator[Figure]:
    for m in EN_AMOUNT_RANGE.finditer(text):
        scale = ENGLISH_SCALE.get((m.group(2) or "").lower(), 1)
        end = m.end(2) if m.group(2) else m.end(1)  # the first number of the range, with its scale word
        yield Figure("amount", _en_number(m.group(1)) * scale, "CNY", text[m.start():end], m.start(), end,
                     _en_bound(text, m.start()))


def _en_amounts_suffixed(text: str) -> Iterator[Figure]:
    for m in EN_AMOUNT_SUFFIX.finditer(text):
        scale = ENGLISH_SCALE.get((m.group(2) or "").lower(), 1)
        currency = _CURRENCY.get(m.group(3).lower(), "CNY")
        yield Figure("amount", _en_number(m.group(1)) * scale, currency, m.group(), m.start(), m.end(),
                     _en_bound(text, m.start()))


def _zh_durations(text: str) -> Iterator[Figure]:
    for m in ZH_DURATION.finditer(text):
        try:
            value = _zh_number(m.group(1))
        except ValueError:
            continue
        if m.group(2) == "年" and re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            # "（2025年修正）": a calendar year, not two thousand years
            yield Figure("date", value * 10000, "date", m.group(), m.start(), m.end())
            continue
        yield Figure("duration", value, _ZH_DURATION[m.group(2)], m.group(), m.start(), m.end(),
                     _zh_bound(m.group(3), text, m.start()))


def _en_durations(text: str) -> Iterator[Figure]:
    for m in EN_DURATION.finditer(text):
        yield Figure("duration", _en_number(m.group(1)), _DURATION_UNITS[m.group(2).lower()], m.group(), m.start(),
                     m.end(), _en_bound(text, m.start()))


def _en_word_counts(text: str) -> Iterator[Figure]:
    for m in EN_WORD_SCALE.finditer(text):
        yield Figure("count", _en_number(m.group(1)) * ENGLISH_SCALE[m.group(2).lower()], "", m.group(), m.start(),
                     m.end(), _en_bound(text, m.start()))
    for m in EN_WORD_COUNT.finditer(text):
        yield Figure("count", _en_number(m.group(1)), "", m.group(), m.start(), m.end(), _en_bound(text, m.start()))


_SCALED = re.compile(r"[\d一二三四五六七八九十百千][万亿]")  # "100万用户", "五千万"
_ANY_ONE = re.compile(r"(?:任何|其中|每|某|另|同)$")


def _zh_counts(text: str) -> Iterator[Figure]:
    for m in ZH_COUNT.finditer(text):
        token = m.group(1).strip(".,")
        if not token or not any(ch in NUMERAL_CHARS or ch.isdigit() for ch in token):
            continue
        if not (m.group(2) or m.group(3) or _SCALED.search(token)):
            continue  # bare numerals: Chinese ones (一律, 十分) are words; Arabic ones are read as English below
        try:
            value = _zh_number(token) * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)
        except ValueError:
            continue
        if not (m.group(2) or m.group(3)) and token.isdigit() and len(token) == 4 and 1900 <= value <= 2100:
            continue  # a bare year belongs to a date, matched above or meaningless alone
        if token == "一" and m.group(3) == "个" and not m.group(4) and _ANY_ONE.search(text[max(0, m.start() - 2):m.start()]):
            continue  # 其中任何一个, 每一个: "any one", "each", not a count of one
        yield Figure("count", value, "", m.group().rstrip(), m.start(), m.start() + len(m.group().rstrip()),
                     _zh_bound(m.group(4), text, m.start()))


def _en_years(text: str) -> Iterator[Figure]:
    for m in EN_YEAR.finditer(text):
        yield Figure("date", int(m.group(1)) * 10000, "date", m.group(1), m.start(1), m.end(1))


def _en_counts(text: str) -> Iterator[Figure]:
    for m in EN_COUNT.finditer(text):
        token = m.group(1)
        scale = (m.group(2) or m.group(3) or "").lower()
        value = _en_number(token) * ENGLISH_SCALE.get(scale, 1)
        if not scale and "," not in token and "." not in token and 1900 <= value <= 2100 and len(token) == 4:
            continue
        yield Figure("count", value, "", m.group().rstrip(), m.start(), m.start() + len(m.group().rstrip()),
                     _en_bound(text, m.start()))


@dataclass(frozen=True)
class _Reader:
    read: Callable[[str], Iterator[Figure]]
    latin: bool  # finds nothing in a text without a Latin letter or a digit


# In this order: a figure overlapping one read before it is not a figure (amounts and percents before bare counts)
_READERS = (
    _Reader(_zh_dates, False), _Reader(_zh_month_days, False),
    _Reader(_on_publication(ZH_ON_PUBLICATION), False), _Reader(_on_publication(EN_ON_PUBLICATION), True),
    _Reader(_timings(ZH_TIMING), False), _Reader(_timings(EN_TIMING), True),
    _Reader(_zh_frequencies, False), _Reader(_en_frequencies, True), _Reader(_en_dates, True), _Reader(_en_month_days, True),
    _Reader(_zh_percents, False), _Reader(_en_percents, True), _Reader(_halves, False),
    _Reader(_zh_multiples_and_ages, False), _Reader(_en_multiples_and_ages, True),
    _Reader(_zh_amounts, False), _Reader(_en_amounts_prefixed, True), _Reader(_en_amount_ranges, True),
    _Reader(_en_amounts_suffixed, True), _Reader(_zh_durations, False), _Reader(_en_durations, True),
    _Reader(_en_word_counts, True), _Reader(_zh_counts, False), _Reader(_en_years, True), _Reader(_en_counts, True),
)


@lru_cache(maxsize=50_000)
def _figures_of(text: str) -> tuple[Figure, ...]:
    # the same passages come back question after question: read each sentence's figures once
    return read_figures(text, latin=_LATIN.search(text) is not None)


def read_figures(text: str, latin: bool = True) -> tuple[Figure, ...]:
    """Every reader in order (only the Chinese ones when ``latin`` is false), overlaps resolved first come."""
    taken = _blocked(text) if latin else [(m.start(), m.end()) for m in _NOT_FIGURE_ZH.finditer(text)]
    found: list[Figure] = []
    for reader in _READERS:
        if latin or not reader.latin:
            for fig in reader.read(text):
                if fig.end > fig.start and all(fig.end <= a or fig.start >= b for a, b in taken):
                    taken.append((fig.start, fig.end))
                    found.append(fig)
    return tuple(sorted((replace(f, sanction=f.kind in SANCTION_KINDS and in_sanction(text, f.start, f.end),
                                 counts=source_count_class(f.text, text[f.end:f.end + 30], text[max(0, f.start - 12):f.start])
                                 if f.kind == "count" else "")
                         for f in found), key=lambda f: f.start))


def figures_match(a: Figure, b: Figure) -> bool:
    """Same value and compatible kind: a bare count matches an amount of the same value (an English
    "1 million" against 一百万元); a working day never matches a calendar day."""
    if abs(a.value - b.value) > 1e-9 * max(abs(a.value), abs(b.value), 1.0):
        if not (a.kind == b.kind == "date" and (a.value % 10000 == 0 or b.value % 10000 == 0)
                and int(a.value // 10000) == int(b.value // 10000)):
            return False
    if a.kind == b.kind:
        if ON_PUBLICATION in (a.unit, b.unit):
            return a.unit == b.unit
        return a.unit == b.unit or a.kind == "count" or not a.unit or not b.unit
    # a bare number in a range ("1 to 10 times", "between 10,000 and 100,000 yuan") takes the unit after it;
    # "children under 14" is an age without its unit
    return {a.kind, b.kind} in ({"count", "amount"}, {"count", "multiple"}) or \
        ({a.kind, b.kind} == {"count", "age"} and not (a.unit if a.kind == "count" else b.unit))


def unsupported_figures(answer_text: str, support_texts: list[str]) -> list[Figure]:
    pool = [f for t in support_texts for f in extract_figures(t)]
    return [f for f in extract_figures(answer_text) if not any(figures_match(f, g) for g in pool)]


def _plain(value: float) -> str:
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if value >= scale and (value / scale) * 100 == int((value / scale) * 100):
            number = value / scale
            return f"{number:g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _record_day(effective: str) -> tuple[int, int, int] | None:
    """A record's yyyy-mm-dd date as (year, month, day); None for anything else (a user's record may give a year)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", effective or "")
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def publication_day(fig: Figure, effective: str) -> int | None:
    """The day a text that takes effect on publication (自公布之日起施行) took effect, as yyyymmdd, read off its
    record's date (the manifest's, shown in every citation of it); None for any other figure."""
    day = _record_day(effective) if fig.unit == ON_PUBLICATION else None
    return day[0] * 10000 + day[1] * 100 + day[2] if day else None


def dated_publication(effective: str, language: str) -> str:
    """"2024年3月22日" / "22 March 2024" for a record's yyyy-mm-dd date; "" when the record gives no such date."""
    if (day := _record_day(effective)) is None:
        return ""
    year, month, date = day
    if language == "zh":
        return f"{year}年{month}月{date}日"
    return f"{date} {list(_MONTHS)[month - 1].capitalize()} {year}"


def english_figure(fig: Figure) -> str:
    if fig.kind == "amount":
        return f"{fig.unit} {_plain(fig.value)}"
    if fig.kind == "percent":
        return f"{fig.value:g}%"
    if fig.kind == "count":
        return _plain(fig.value)
    if fig.kind == "multiple":
        return f"{fig.value:g} times"
    if fig.kind == "timing":
        return TIMING_WORDS[int(fig.value)]
    if fig.kind == "age":
        return f"{fig.value:g} years of age"
    if fig.kind == "duration":
        unit = {"working-day": "working day", "day": "day", "hour": "hour", "month": "month", "year": "year",
                "minute": "minute", "week": "week"}.get(fig.unit, fig.unit)
        return f"{fig.value:g} {unit}{'' if fig.value == 1 else 's'}"
    if fig.kind == "frequency":
        named = {1.0: "once a year", 2.0: "twice a year", 4.0: "quarterly", 12.0: "monthly"}
        return named.get(fig.value) or f"every {1 / fig.value:g} years"
    value = int(fig.value)
    if fig.unit == MONTH_DAY:
        return f"{value % 100} {list(_MONTHS)[value // 100 - 1].capitalize()}"
    if fig.unit == ON_PUBLICATION:
        return "on the date of publication"
    year, month, day = value // 10000, (value // 100) % 100, value % 100
    if not month:
        return str(year)
    month_name = list(_MONTHS)[month - 1].capitalize()
    return f"{day} {month_name} {year}" if day else f"{month_name} {year}"


_COUNT_NOUNS = {"人": "individuals", "条": "items", "户": "households", "次": "times", "名": "persons",
                "家": "entities", "件": "items", "个": "", "项": "items", "位": "persons", "组": "sets"}


def _gloss(fig: Figure) -> str:
    base = english_figure(fig)
    if fig.kind == "count":
        spelled = EN_WORD_COUNT.fullmatch(fig.text)
        noun = spelled.group(2) if spelled else next((_COUNT_NOUNS[ch] for ch in fig.text if ch in _COUNT_NOUNS), "")
        base = f"{base} {noun}".strip()
    if fig.bound == "max":
        return f"up to {base}" if fig.kind != "duration" else f"within {base}"
    if fig.bound == "min":
        return f"at least {base}" if fig.kind == "duration" else f"{base} or more"
    if fig.bound == "below":
        return f"less than {base}"
    if fig.bound == "above":
        return f"more than {base}"
    return base


def figure_glosses(text: str) -> list[tuple[str, str]]:
    """(verbatim surface, English rendering) per figure, ranges merged:
    二百万元以上一千万元以下 -> ("二百万元以上一千万元以下", "CNY 2 million to 10 million")."""
    return [(surface, english) for surface, english, _ in glossed_figures(text)]


def glossed_figures(text: str) -> list[tuple[str, str, tuple[Figure, ...]]]:
    """As ``figure_glosses``, with the figures (read in their clause) each gloss renders."""
    figures = extract_figures(text)
    out: list[tuple[str, str, tuple[Figure, ...]]] = []
    i = 0
    while i < len(figures):
        fig = figures[i]
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        gap = text[fig.end:nxt.start] if nxt else ""
        if nxt and fig.kind == nxt.kind and fig.bound in ("min", "above") and nxt.bound in ("max", "below") and \
                gap.strip() in ("", "至", "to", "and", "-", "–"):
            lo, hi = english_figure(fig), english_figure(nxt)
            if fig.kind == "amount" and lo.startswith(fig.unit) and hi.startswith(fig.unit):
                hi = hi[len(fig.unit):].strip()
            if fig.kind == "multiple":
                lo = f"{fig.value:g}"
            lo = lo if fig.bound == "min" else f"more than {lo}"
            hi = hi if nxt.bound == "max" else f"less than {hi}"
            out.append((text[fig.start:nxt.end], f"{lo} to {hi}", (fig, nxt)))
            i += 2
            continue
        out.append((_with_zh_bound_word(fig, text), _gloss(fig), (fig,)))
        i += 1
    return out


_ZH_BOUND_BEFORE = re.compile("(?:" + "|".join(sorted(_ZH_BELOW + _ZH_ABOVE + _ZH_AT_LEAST + _ZH_AT_MOST, key=len,
                                                       reverse=True)) + ")$")


def _with_zh_bound_word(fig: Figure, text: str) -> str:
    """A Chinese figure as written with the word before it that bounds it: 不满10万人 is fewer than 100,000, and
    "10万人" alone reads as the figure itself."""
    m = _ZH_BOUND_BEFORE.search(text[max(0, fig.start - 3):fig.start]) if fig.bound else None
    return f"{m.group(0)}{fig.text}" if m and not fig.text.startswith(m.group(0)) else fig.text


# "when" that asks ("When did…", "since when has…", "when must…"), not "applies when processing…"
_WHEN = (r"(?:^\s*|[,;:]\s*|\b(?:since|by|from|until)\s+)when\b|\bwhen\s+(?:did|does|do|was|were|will|would|is|are|"
         r"must|should|shall|can|could|may|has|have|had)\b")
# "what's the effective date", "what is the commencement date": a date asked with its words between
_WHAT_DATE = r"\b(?:what|which)(?:['’]s|\s+(?:is|was|are|were))?(?:\s+the)?(?:\s+[a-z-]+){0,2}\s+dates?\b"
# "what data volume triggers that?", "at what headcount": a scale asked (read by _WANTS and _INTERROGATIVES alike)
_SCALE_ASKED = r"\b(?:what|which)\s+(?:data\s+)?(?:volumes?|scales?|sizes?)\b|\bhead\s?-?counts?\b|\b(?:user|customer|subscriber)[\s-]?counts?\b|"
# 多大比例, 多大范围, 多大的罚款: 多大 asks an age only of a person, bare or before 了/年纪/岁数
_HOW_OLD_ZH = r"多大(?![的]?[\u4e00-\u9fff]{0,1}(?:比例|比重|范围|规模|程度|力度|金额|罚款|数额|影响|风险|权限|区别|差别|差异|变化|作用))"
_WANTS = [
    ("percent", re.compile(r"\bpercent|percentage|%|turnover|revenue|\bshare of\b|\bhow much of (?:the|a|an|its|their)\b|\brate\b|\bfractions?\b|百分之|几分之几|营业额|比例|税率|费率",
                           re.I)),
    # money that is not a fine asks for an amount too (and is then not answered by one: retrieval/roles.py)
    ("amount", re.compile(r"\bfines?\b|\bfined|how much(?! time|(?:\s+(?:personal|sensitive|important|user))*\s+(?:information|data|pi)\b)|penalt(?:y|ies)|amount|\byuan\b|\brmb\b|\bcny\b|money|"
                          r"illegal gains|unlawful income|\bprofits?\b|\b(?:fees?|costs?|prices?|salar(?:y|ies)|wages?|tax(?:es)?|"
                          r"capital|compensation|damages|budget|spend(?:ing|s)?|top-?ups?|payouts?|premiums?)\b|\b(?:max(?:imum)?|min(?:imum)?|limit|cap|how much)\b[^?]{0,30}\bpayments?\b|罚款|罚金|罚[^，。？]{0,3}多少|多少钱|多少(?:万)?元|金额|万元|违法所得|"
                          r"(?<!消)费|消费(?:金额|限额|上限)|获利|充值|工资|薪酬|税|注册资本|赔偿|价格", re.I)),
    # a fine set as a multiple of the gains ("what multiple of the illegal income", 违法所得几倍)
    # a fine "relative to the illegal gains" is one set as a multiple of them (Chinese law sets no other)
    ("multiple", re.compile(r"\bmultiples?\b|how many times (?:the|of|their|its|our|his|her)\b|几倍|多少倍|倍数|"
                            r"\b(?:relative|in proportion|proportionate|proportional)\s+to\s+(?:(?:the|their|its|his|her|our|your)\s+)?"
                            r"(?:illegal|unlawful|criminal)\s+(?:gains|income|proceeds)\b", re.I)),
    # "individuals" alone ("notify individuals") asks for no count; "how many individuals", "1 million users" do
    # "how much personal information triggers an assessment" asks how many people's, the only scale the law sets
    ("count", re.compile(r"how many (?!days|working|hours|months|years|seconds|minutes)|number of|\bquantit(?:y|ies)\b|threshold|\bcut-?offs?\b|"
                         r"how much(?:\s+(?:personal|sensitive|important|user))*\s+(?:information|data|pi)\b|"
                         + _SCALE_ASKED +
                         r"(?:\d[\d,.]*|thousand|million|billion|more than|at least|fewer than|below|above|over)\s+"
                         r"(?:individuals|people|persons|users|pieces|records)|"
                         r"\buser numbers\b|numbers? of users|多少人|多少条|(?<!第)几条(?!规定|路)|多少个(?!工作日|月|小时)|多少用户|几个(?!月|工作日|小时)|"
                         r"几大?类|几大?种|几级|几大?项|几大方面|几个方面|多少大?(?:种|项|类|级|款)|几名|多少名|几位|多少位|几家|多少家|"
                         # the measure word says a count of things is asked: 多少张罚单 (tickets), 几起案件, 多少部法律
                         rf"(?:多少|几){ZH_ITEM_MEASURES}|"
                         r"人数|用户数|数据量|数量|条以上|万人", re.I)),
    ("duration", re.compile(r"how long|\bdurations?\b|\bgood for (?:how long|\d+|one|two|three|four|five|six) (?:years?|months?|days?)\b|how soon|how quickly|how early|\blasts? (?:longer|shorter)\b|how far (?:in advance|ahead|before)|detention|detained|拘留|prison|imprisonment|sentence|有期徒刑|"
                            r"statute of limitations?|limitation period|诉讼时效|how many (?:seconds|minutes)|"
                            r"how many (?:working )?(?:days|hours|months|years)|\bhours (?:per|a|each) (?:day|week|month|year)\b|within how|deadline|"
                            r"time limit|\btime ?frame|\btime (?:to|for) (?:finish|complete|decide|review|respond|reply|process|assess|approve|"
                            r"issue|act|file|report|notify|remedy|rectify|correct)\b|时间要求|时间限制|\b(?:time )?window\b|period|valid(?:ity)?\b|retain|retention|期限|时限|多久|多长|工作日|有效期|(?<!月)几日|几天|几个月|几年|几个?小时|"
                            r"多少日|多少天|多少年|多少个?月|多少周|小时内|几秒|多少秒|几分钟|多少分钟|how much time", re.I)),
    ("age", re.compile(rf"\bage\b|\bages\b|how old|years old|{_HOW_OLD_ZH}|年龄|周岁|几岁|多少岁", re.I)),
    ("frequency", re.compile(r"how often|how frequently|at what interval|how many times (?:a|per|each) year|"
                             r"多久[^，。？]{0,16}一次(?!性)|多长时间[^，。？]{0,16}一次(?!性)|频率|频次|每隔多久|每年[^，。？]{0,8}(?:几|多少)次",
                             re.I)),
    ("date", re.compile(rf"{_WHEN}|(?:what|which)(?: [a-z]+)? date|\bdue date\b|effective|(?:take[sn]?|took|taking) effect|(?:came|come|comes) into force|"
                        r"in force since|enter(?:ed)? into force|\bthe dates\b|promulgated|(?:which|what) year|何时|什么时候|施行|生效|日期|哪一?天|哪一?年|几月",
                        re.I)),
]


# "Are users allowed to remove deep synthesis labels?" asks yes or no, not for the count its "users" suggests
_YES_NO = re.compile(r"^\s*(?:is|are|can|may|must|does|do|should|could|will|was|were)\b|是否|能否|可否|能不能|可不可以|"
                     r"吗\s*[？?]?\s*$", re.I)
_ASKS_FIGURE = re.compile(r"how (?:many|much|long|quickly|often|soon)|\bwhat (?:fine|amount|penalty|date|deadline|"
                          r"period|percentage|threshold|sum)|\bwhen (?:did|does|do|was|were|will|is|must|should)\b|"
                          r"\bby when\b|\bwithin how\b|\bup to what\b|\bwhat(?:'s| is) the (?:time )?window\b|多少|多久|多长|几倍|"
                          r"何时|何[日年月]|什么时候|几[日天个年月次]|"
                          # "did X take effect before or after Y?" asks two dates, not yes or no
                          r"\bbefore or after\b|\bearlier or later\b|(?:之前|以前)还是(?:之后|以后)|早于还是晚于|"
                          # "is the PIPL's top fine higher than the DSL's?" asks both figures and which is higher
                          r"\b(?:higher|lower|longer|shorter|greater|larger|bigger|smaller|more|less|stricter|heavier|"
                          r"earlier|later)(?:\s+[\w'’-]+){0,8}?\s+than\b|\bboth (?:amounts|figures|dates|numbers|periods|fines)\b|"
                          # "is there a statutory minimum compensation per person?" asks whether a figure is set
                          r"\bis there (?:a|an|any) (?:[\w-]+ ){0,2}?(?:minimum|maximum|cap|ceiling|floor|threshold|"
                          r"deadline|time limit)\b|有没有(?:规定)?(?:最低|最高|上限|下限|期限|时限|门槛)",
                          re.I)


# the unit a duration question asks in: "how many hours" is not answered by "three years"
# (a month asked may be answered in weeks or days; hours are another scale; "at least how many years" is not
# answered by "six months": a period the law sets in years it states in years)
_UNIT_FAMILIES = {"second": {"second"}, "minute": {"minute", "second"}, "hour": {"hour", "minute"}, "day": {"day", "working-day", "week"},
                  "month": {"month", "year", "week", "day", "working-day"}, "year": {"year"}}
_ASKED_UNIT = re.compile(r"how many (?:working |business |calendar )?(seconds?|minutes?|hours?|days?|weeks?|months?|"
                         r"years?)\b|(?:多少|几)个?(秒|分钟|小时|工作日|日|天|周|月(?![几份底初中])|年)", re.I)
_ASKED_UNIT_NAMES = {"second": "second", "seconds": "second", "秒": "second", "minute": "minute",
                     "minutes": "minute", "分钟": "minute", "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "day", "weeks": "day",
                     "month": "month", "months": "month", "year": "year", "years": "year", "小时": "hour",
                     "工作日": "day", "日": "day", "天": "day", "周": "day", "月": "month", "年": "year"}


def asked_unit(question: str) -> str:
    """The unit a duration question names ("hour" for "within how many hours"); "" if none."""
    m = _ASKED_UNIT.search(question)
    return _ASKED_UNIT_NAMES[(m.group(1) or m.group(2)).lower()] if m else ""


def asked_units(question: str) -> set[str]:
    """Duration units a question accepts ({"hour", "minute"} for "within how many hours"); empty: any."""
    unit = asked_unit(question)
    return set(_UNIT_FAMILIES[unit]) if unit else set()


_ASKS_WHO = re.compile(r"^\s*(?:who|whom|which (?:authority|authorities|department|departments|body|bodies|agency|"
                       r"agencies|regulator|regulators|organ))\b|由谁|哪个部门|哪些部门|什么部门|哪个机构|哪些机关|"
                       # "the 50m fines: can any local regulator impose them?" asks who may, not the fine stated
                       r"\bcan any (?:local |provincial |city |county |national )?(?:regulators?|authorit(?:y|ies)|"
                       r"departments?|agenc(?:y|ies)|bureaus?)\b|(?:任何|随便)(?:一个|哪个)?(?:地方)?(?:部门|监管部门|网信部门)", re.I)
# "what route may a party that refuses a penalty take?", "有什么救济途径": the ask is a way to go, and the penalty or
# the sum named only sets the scene; a question that also asks how much ("…and how much can be claimed?") keeps it
_ASKS_ROUTE = re.compile(r"\b(?:what|which)\s+(?:legal\s+)?(?:routes?|remed(?:y|ies)|recourse|avenues?|channels?)\b|"
                         r"(?:什么|哪些|何种|哪种)(?:救济)?(?:途径|渠道|救济)|如何(?:寻求)?救济", re.I)
# figures told as others' claims, and the asker asking which holds ("one says 2 years, another 3: which is it?",
# 有人说两年有人说三年，到底哪个对？)
_WHICH_OF_STATED = re.compile(r"\bwhich (?:is it|one is (?:it|right|correct|true)|is right|is correct|is true)\b|"
                              r"\bwho(?:'s| is) right\b|哪个(?:对|是对的|正确|才对)|谁说得对|哪种说法", re.I)
_ASKS_PERCENT = re.compile(r"what(?:['’]s|\s+(?:is|was|are|were))?(?:\s+(?:the|a|an))?(?:\s+[a-z]+(?=[\s-]))?[\s-]"
                           r"(?:[\w-]+ ){0,2}?(?:percentage|percent|share|proportion|fraction)\b|what\s*%|"
                           r"how many per ?cent|\bpercentage[- ]based\b|"
                           r"\b(?:percentage|proportion) of (?:the |its |their |a |an )?(?:[\w']+ ){0,3}?(?:turnover|revenue|sales)\b|"
                           r"\b(?:as|in) (?:a )?(?:(?:percentage|percent|share|proportion)\b|%)|"
                           r"how much of (?:the|a|an|its|their)\b|百分之几|百分之多少|多少百分比|百分比是多少|比例是多少|"
                           # a discount on another figure is a share of it (打多少折扣, 打几折)
                           r"打多少折扣?|打几折|多少折扣",
                           re.I)
_ASKS_DATE = re.compile(rf"{_WHEN}|{_WHAT_DATE}|何时|什么时候|日期|哪一天|哪天|几月", re.I)


TIME_UNITS_EN = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)"
# the question words of each kind
_INTERROGATIVES = [
    ("duration", re.compile(rf"how long|how soon|how quickly|how early|how far (?:in advance|ahead|before)|how much time|"
                            rf"what(?:'s| is) the (?:time )?window\b|多长时限|时限是多少|how many (?:working |business |calendar )?"
                            rf"{TIME_UNITS_EN}\b|within how|多久(?![^，。？]{{0,8}}一次)|多长时间|几天|(?<!月)几日|多少天|多少日|多少个?"
                            r"工作日|几个?工作日|几个月|多少个月|几年|多少年|几个?小时|多少个?小时|几秒|多少秒|几分钟|多少分钟", re.I)),
    # "how many times the illegal gains" asks for a fine set as a multiple
    ("amount", re.compile(r"how much(?! time)|how many times(?! (?:a|per|each)\b)|\b(?:what|which)(?:'s| is| are| was| were| would be)?"
                          r"(?: the)?(?: [a-z-]+){0,2}? (?:fines?|penalt(?:y|ies)|amount)\b|多少钱|多少(?:万)?元|罚多少|罚款多少|罚款是多少|几倍|多少倍", re.I)),
    ("count", re.compile(rf"how many (?!(?:working |business |calendar )?{TIME_UNITS_EN}\b|times\b)|" + _SCALE_ASKED +
                         rf"多少(?:人|条|个(?!工作日|月|小时)|名|家|户|用户|万|项|类|种|批|款|{ZH_ITEM_MEASURES})|"
                         rf"(?<!第)几(?:个(?!工作日|月|小时)|大?类|大?种|级|大?项|名|家|条(?!规定|路)|{ZH_ITEM_MEASURES})", re.I)),
    ("date", re.compile(rf"{_WHEN}|{_WHAT_DATE}|\bdue date\b|(?:which|what) year|何时|什么时候|哪一天|哪天|哪一年|哪年|几月|"
              # the formal register's 何 (自何日起施行, 于何年): what, which
              r"何(?:日|年|月)", re.I)),
    ("percent", _ASKS_PERCENT),
    ("frequency", re.compile(r"how often|how frequently|how many times (?:a|per|each) year|多久[^，。？]{0,8}一次|"
                             r"每年[^，。？]{0,8}(?:几|多少)次|频率", re.I)),
    ("age", re.compile(rf"how old|几岁|多少岁|{_HOW_OLD_ZH}", re.I)),
]
_LONGER = re.compile(r"\bextend\w*|\bextension|\bprolong\w*|延长|延期|"
                     # "which is longer, and by how much": the difference of two times, not a sum of money
                     r"\b(?:longer|shorter)\b[^?？]{0,40}\bby how much\b|长多少|短多少", re.I)
_MONEY_WORDS = re.compile(r"\bfine|penalt|\bcny\b|\brmb\b|yuan|\bfee|罚|元|费", re.I)
_CONDITION_WHEN = re.compile(r"\bwhen (?:is|are|does|do|would|will) (?:an? |the |our |my )?[\w'’ -]{1,40}? (?:counts? as|"
                             r"qualif(?:y|ies) as|(?:be )?(?:considered|deemed|treated as|regarded as|classified as|"
                             r"designated as)|becomes?|falls? under)\b|"
                             r"\bwhen (?:is|are) (?:an? |the )?[\w'’-]+(?: [\w'’-]+){0,3}? an? (?!(?:day|date|year|month|"
                             r"week)s?\b)['‘“\"]?\w|什么时候(?:才)?(?:算|属于|构成|会被认定|被认定)|"
                             # "when is a review triggered / required?": the circumstances that bring a duty
                             r"\bwhen (?:is|are|would|will) (?:an? |the |our |my )?[\w'’ -]{1,40}? (?:be )?(?:triggered|"
                             r"required|needed|necessary|mandatory|compulsory)\b", re.I)
# "which year's turnover is the 5% of?", 按哪一年的营业额: the year a sum is of (上一年度), not a date
_YEAR_OF = re.compile(r"\bwhich year['’]s\b|\b(?:which|what) year(?:'s)? (?:turnover|revenue|sales|income)\b|"
                      r"哪一?年(?:度)?的(?:营业额|收入|销售额|营收)", re.I)
_SCENE_WHEN = re.compile(r"^\s*when\b[^?]*?,\s*(?:how|what|which|within|by)\b", re.I)
# "by when do we file a signed SCC?", "签好的合同什么时候要备案？": when a duty falls due is a period from the event
# that starts it (within 10 working days of the contract taking effect) as often as a calendar date
_DUTY_WHEN = re.compile(r"\bby when\b|\b(?:by )?when (?:do|must|should|shall|does|will|would|can)(?: [\w-]+){0,4}? "
                        r"(?:file|report|notify|submit|apply|renew|delete|complete|register|inform|tell|re-?apply|update|"
                        r"rectify|destroy|erase|respond|reply|re-?file|declare)\b|"
                        r"什么时候(?:之前|以前|前)?(?:要|必须|得|需要|应当|应该)?(?:去|向[^，。？]{1,10})?"
                        r"(?:备案|报告|通知|提交|申报|删除|整改|申请|更新|续期|答复|回复|报送)", re.I)
_ANNUAL_DATE = re.compile(r"每年[^。？]{0,30}(?:几月|哪一?天)|每年[^，。？]{0,30}(?:什么时候|何时)|(?:each|every) year[^,.?]{0,30}(?:by )?"
                          r"(?:what|which)(?: [a-z]+)? date|(?:by )?(?:what|which)(?: [a-z]+)? date[^,.?]{0,30}(?:each|every) year|"
                          r"annually by what|\bdue date (?:each|every) year|\b(?:each|every) year.s due date|\b(?:annual|yearly)\s+(?:filing\s+|reporting\s+|submission\s+)?deadline|"
                          r"\bdeadline\s+(?:each|every)\s+year|每年的?截止(?:日期|时间|日)",
                          re.I)
# a text taking effect happens once, on a date; a duty done every year falls on a day of the year
_COMMENCES = re.compile(r"施行|生效|(?:take[sn]?|took|taking) effect|into force", re.I)
# a text or contract taking effect named as a qualifier or a starting point ("2026年起施行的新网安法",
# "合同生效以后…多少天内", "生效前"): the scene of the question, not its ask, when nothing else asks a date
_COMMENCEMENT_SCENE = re.compile(r"(?:施行|生效)(?:的|以后|之后|后|以前|之前|前)(?![\s？?。！!]*$)")
# the Chinese date asks _ASKS_DATE leaves out: a year, a day of the month, a time
_MORE_DATE_ASKS_ZH = re.compile(r"哪一?年|几号|时间是")


# a statement, not a question, telling that something took effect ("We signed the SCC and it took effect last
# week. Where do we file it?"): what happened, not what is asked
_STATED_COMMENCEMENT = re.compile(rf"[^.?!。？！]*(?:{_COMMENCES.pattern})[^.?!。？！]*(?:[.!](?=\s|$)|[。！])", re.I)


def _told_not_asked(m: re.Match[str]) -> str:
    """A sentence telling what took effect is set aside; one asking when ("Put these in order of when they took
    effect.") is kept."""
    told = m.group()
    return told if _asks_a_date(told) or re.search(r"\bwhen\b|\bdates?\b", told, re.I) else " "


def _asks_a_date(text: str) -> bool:
    return bool(_ASKS_DATE.search(text) or _MORE_DATE_ASKS_ZH.search(text))


def _commencement_sets_scene(question: str) -> bool:
    """Whether the only word of a date in the question is a text or contract taking effect named as its scene."""
    rest = _STATED_COMMENCEMENT.sub(_told_not_asked, _COMMENCEMENT_SCENE.sub(" ", question))
    return rest != question and not _asks_a_date(rest) and not _COMMENCES.search(rest)


# asks for some quantity without saying which kind ("the minimum password length", "申请费上限")
_ASKS_QUANTITY = re.compile(r"\b(?:minimum|maximum|min|max|lowest|highest)\b|\bwhat(?:'s|’s| is| are) (?:the|that|this|those) (?:[\w-]+ ){0,3}(?:limit|cap|"
                            r"length|size|number|ceiling|quota)s?\b|最低|最高(?![法检院人])|上限|下限|多少|(?<!第)几|多大", re.I)
# (最高法 is the court; 第几号令, 第几批 ask an ordinal that names a thing, no quantity)
# the kinds a quantity of unnamed kind may be
QUANTITY_KINDS = frozenset({"amount", "percent", "multiple", "count", "duration", "age", "frequency"})


_AS_OF = re.compile(r"\b(?:as of|as at|by the end of)\s|截至|截止(?:到)?", re.I)


_YEAR_END = re.compile(r"\b(?:by|as of|as at|at) the end of ((?:19|20)\d\d)\b|截至?((?:19|20)\d\d)\s*年(?:底|末)", re.I)


def as_of_day(text: str) -> float | None:
    """The day a count or a total is stated for ("as of 31 December 2024", 截至2024年6月30日, "by the end of
    2023" = 31 December 2023; "as of June 2025", a month: 20250600), or None."""
    if year_end := _YEAR_END.search(text):
        return float(int(next(y for y in year_end.groups() if y)) * 10000 + 1231)
    m = _AS_OF.search(text)
    if not m:
        return None
    window = text[m.end():m.end() + 30]
    if dates := [f for f in extract_figures(window) if f.kind == "date"]:
        return dates[0].value
    # "as of June 2025": a month alone, which the figures read only in Chinese (2025年6月)
    # "as of the end of June 2025", "as of end-June 2025": that month's count
    month = _EN_MONTH_YEAR.match(re.sub(r"^(?:the\s+)?(?:end|close)\s+of\s+|^end-", "", window.lstrip(), flags=re.I))
    return float(int(month.group(2)) * 10000 + _MONTHS[month.group(1).lower()] * 100) if month else None


_COUNT_YEAR = re.compile(r"\b(?:in|during|for|throughout)\s+((?:19|20)\d\d)\b(?!\s*(?:measures|provisions|rules|regulations|"
                         r"law|amendment|draft))|((?:19|20)\d\d)\s*年(?:全年|度|一年|间|内|中|里)", re.I)


def count_year(text: str) -> int | None:
    """The year a count or total is given for ("in 2023, procuratorates handled…", 2024年全年), or None; a law
    named by its year ("the 2024 provisions", 2024年新规) is not one."""
    m = _COUNT_YEAR.search(text)
    return int(m.group(1) or m.group(2)) if m else None


# a count over a span of time: "between October 2023 and October 2024", "from 2021 to 2023", 2023年10月至2024年10月
_COUNT_SPAN = re.compile(r"\b(?:between|from)\s+(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\s+(?:and|to|until|through)\s+"
                         r"(?:[A-Z][a-z]+\s+)?((?:19|20)\d\d)\b|((?:19|20)\d\d)年(?:\d{1,2}月)?(?:至|到|—|-)((?:19|20)\d\d)年")


def count_years(text: str) -> range | None:
    """The years a count or total is given for: one year, or every year of the span it was counted over."""
    if m := _COUNT_SPAN.search(text):
        start, end = (int(g) for g in m.groups() if g)
        return range(start, end + 1)
    year = count_year(text)
    return range(year, year + 1) if year else None


def same_as_of(asked: float, stated: float) -> bool:
    """Whether a stated day is the one a question asks a count for: a year alone ("as of the end of 2024",
    截至2024年底) is any day of that year; a month alone, any day of that month."""
    for scale in (10000, 100):
        if asked % scale == 0:
            return int(asked // scale) == int(stated // scale)
    return asked == stated


# "is it valid for longer under A or under B?": a choice between two figures, not yes or no
CHOICE_OF_TWO = re.compile(r"\b(?:higher|lower|longer|shorter|greater|larger|bigger|smaller|earlier|later|stricter|"
                            r"heavier)\b[^?]{0,80}?\bor\b|"
                            # "was it lengthened or shortened, from what to what?": a change asked, with both figures
                            r"\b(?:lengthened|extended|shortened|raised|increased|lowered|reduced|cut)\s+or\s+"
                            r"(?:lengthened|extended|shortened|raised|increased|lowered|reduced|cut)\b|\bfrom what to what\b",
                            re.I)


def yes_or_no(question: str) -> bool:
    """Whether a question asks only yes or no ("…，可以吗", "Can a fine exceed…?"), no figure."""
    return bool(_YES_NO.search(question)) and not _ASKS_FIGURE.search(question) \
        and not CHOICE_OF_TWO.search(question) and not any(pattern.search(question) for _, pattern in _INTERROGATIVES)


# an aside that asks nothing: "第三十九条（处10万到100万元罚款那条）一共列了几种情形" names the article by its fine
# an aside, unless it asks, or glosses the ask with the kind of figure wanted and no figure ("the cap (percentage
# of turnover)")
# a clause that asks something (what is left of a question once its who-clauses are set aside may only tell a scene)
_ASKS_ANYTHING = re.compile(r"多少|多久|多长|几|何时|什么时候|哪|\b(?:how|what|when|which)\b", re.I)
_ASIDE = re.compile(r"[（(](?![^）)]*(?:多少|几|哪|\?|？|\bhow\b|\bwhat\b|\bwhich\b))"
                    r"(?![^）)\d]*(?:\bpercentage\b|%|百分比|比例)[^）)\d]*[）)])[^（）()]{2,60}[）)]", re.I)


def _other_asking_sentences(question: str, apart: re.Pattern[str]) -> str:
    """The question's sentences that ``apart`` does not match, joined, when they ask something; "" otherwise (what
    is left may only tell the scene)."""
    rest = " ".join(s for s in question_sentences(question) if not apart.search(s))
    return rest if _ASKS_ANYTHING.search(rest) else ""


# a number that names a thing (a standard's number, a document's 文号, a phone number) is no quantity asked
_NUMBER_AS_NAME = re.compile(r"\b(?:standard|document|serial|registration|record|filing|licen[cs]e|permit|case|reference|"
                             r"file|phone|telephone|contact|hotline|tracking|model|account|tax|invoice|version|ID)\s+"
                             r"(?:numbers?|no\.)|(?:编号|文号|标准号|备案号|许可证号|电话号码|联系电话|案号|版本号)(?:是(?:多少|什么))?", re.I)


# 那几条要求, 这几个部门: "those few", pointing back to things known, asks no count
_THOSE_FEW = re.compile(r"(?<=[那这])几")


def question_wants(question: str) -> set[str]:
    question = _THOSE_FEW.sub("些", _NUMBER_AS_NAME.sub(" ", _ASIDE.sub(" ", question)))
    if _ASKS_WHO.search(question):
        # "who must approve extending the validity…" wants a name, not the validity period; a question that asks
        # who in one sentence and a figure in another ("门槛是多少用户？应该向哪个机构申报？") still wants the figure
        rest = _other_asking_sentences(question, _ASKS_WHO)
        return question_wants(rest) if rest else set()
    if _ASKS_ROUTE.search(question) and not _ASKS_FIGURE.search(question):
        return set()
    if _YES_NO.search(question) and not _ASKS_FIGURE.search(question) and not CHOICE_OF_TWO.search(question):
        # a yes/no question about a stated figure ("Can a fine exceed 5% of turnover?") still needs that kind; one
        # asked in a sentence of its own beside a figure asked ("是哪天开始施行的？我能不能要求…？") leaves it wanted
        rest = _other_asking_sentences(question, _YES_NO)
        stated = {f.kind for f in extract_figures(question)}
        return stated | question_wants(rest) if rest else stated
    wants = {kind for kind, pattern in _WANTS if pattern.search(question)}
    if "frequency" in wants:
        wants.discard("duration")  # "多久开展一次" asks how often, not how long
    if "duration" in wants and "date" in wants and not _ASKS_DATE.search(question):
        # "在施行前开展的活动需要在多长时间内整改" asks how long; 施行 only sets the scene
        wants.discard("date")
    if "percent" in wants and (not re.search(r"fine|罚款|penalt", question, re.I) or _ASKS_PERCENT.search(question)):
        wants.discard("amount")
    if "multiple" in wants:
        # "what multiple of the gains can be fined", "how many times the gains" ask the multiple, not a sum or a count
        wants -= {"amount", "count"}
    asked = {kind for kind, pattern in _INTERROGATIVES if pattern.search(question)}
    if _CONDITION_WHEN.search(question):
        # "when is a platform a 'large network platform'?" asks what makes it one, not a date
        wants.discard("date")
        asked.discard("date")
    if _YEAR_OF.search(question):
        wants.discard("date")
        asked.discard("date")
    if _SCENE_WHEN.search(question) or _commencement_sets_scene(question):
        # "When the Measures took effect, how long did companies get…": the when-clause sets the scene
        wants.discard("date")
        asked.discard("date")
    if wants & asked:
        # what the question word asks decides: "after a public-security penalty, how long are they barred…"
        # asks how long, and the penalty only sets the scene
        wants &= asked
    if _LONGER.search(question) and not _MONEY_WORDS.search(question) \
            and ("amount" in wants or not wants and _ASKS_QUANTITY.search(question)):
        # "by how much can the review be extended", "what's the maximum extension allowed?" ask for more time
        wants = (wants - {"amount"}) | {"duration"}
    if "date" in wants and _DUTY_WHEN.search(question):
        wants.add("duration")
    if wants & {"date", "duration"} and _ANNUAL_DATE.search(question) and not _COMMENCES.search(question):
        # "每年几月之前" asks for a day in every year (3月31日), not the date a law was adopted; an annual deadline
        # may be a day of the year or a period after the year's end
        wants = (wants - {"date"}) | {"day-of-year"}
    if not wants and asked:
        wants = asked  # "多少小时以内通知": the question word names the kind when no other word does
    if not wants and _WHICH_OF_STATED.search(question):
        # "one colleague says 2 years, another says 3. Which is it?": the figures the question states are the kind
        wants = {f.kind for f in extract_figures(question)}
    if not wants and _ASKS_QUANTITY.search(question):
        wants.add("quantity")
    return wants
