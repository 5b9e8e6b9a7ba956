"""Bytes of a text file -> str, the one way ingest and batch input both read text: a UTF-32/UTF-16 byte order
mark decides first, then UTF-8 (with or without BOM), then GB18030 (which covers GBK and GB2312)."""

from __future__ import annotations

import codecs

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class TextDecodeError(ValueError):
    """The bytes are not text in an encoding we read; str() says why."""


def decode_text(data: bytes) -> str:
    for bom, encoding in _BOMS:  # UTF-32 LE's BOM starts like UTF-16 LE's, so it is tried first
        if data.startswith(bom):
            try:
                return _no_nul(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise TextDecodeError(f"broken {encoding.upper()} text after its byte order mark ({exc.reason})") \
                    from exc
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _no_nul(text)
    raise TextDecodeError("not UTF-8, UTF-16 (with a byte order mark) or GB18030 text")


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise TextDecodeError("binary content (NUL bytes) in a text file")
    return text
