"""Numerals to numbers: Chinese (六十六 -> 66, 一千万 -> 10000000, 1,000 -> 1000) and the English number words."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
          "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
          "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)
CHINESE_NUMERAL = re.compile(f"[{NUMERAL_CHARS}]+")
_ARABIC = re.compile(r"^\d+(?:\.\d+)?$")
ENGLISH_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
                        "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "hundred": 100}
ENGLISH_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "mn": 1e6, "m": 1e6, "bn": 1e9, "k": 1e3}


def chinese_to_number(text: str) -> float:
    """Parse a Chinese (or mixed, e.g. "5000万", "1.5亿") numeral. Raises ValueError if not a numeral."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        raise ValueError("empty numeral")
    if _ARABIC.match(text):
        return float(text)
    if all(ch in DIGITS for ch in text) and len(text) > 1:  # 二〇二一: digits read positionally
        return float("".join(str(DIGITS[ch]) for ch in text))
    total = 0.0
    section = 0.0  # value below the current large unit
    number: float | None = None  # pending digit(s)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit() or ch == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            number = float(text[i:j])
            i = j
            continue
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (number if number is not None else 1) * SMALL_UNITS[ch]
            number = None
        elif ch in LARGE_UNITS:
            section += number or 0
            unit = LARGE_UNITS[ch]
            if total and total < unit:
                total = (total + section) * unit
            else:
                total += section * unit
            section = 0.0
            number = None
        else:
            raise ValueError(f"not a numeral: {text!r}")
        i += 1
    return total + section + (number or 0)


def chinese_to_int(text: str) -> int:
    return int(round(chinese_to_number(text)))


def int_to_chinese(n: int) -> str:
    """66 -> 六十六, 10 -> 十, 105 -> 一百零五 (used to look up 第N条 in Chinese text)."""
    if n < 0:
        raise ValueError("negative numbers are not written as article numbers")
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    parts = []
    units = [(1000, "千"), (100, "百"), (10, "十")]
    rest = n
    zero_pending = False
    for value, name in units:
        d, rest = divmod(rest, value)
        if d:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            parts.append(digits[d] + name)
        elif parts:
            zero_pending = True
    if rest:
        if zero_pending:
            parts.append("零")
        parts.append(digits[rest])
    return "".join(parts)
