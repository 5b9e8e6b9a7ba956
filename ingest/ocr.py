"""Text of a scanned PDF (no text layer) by OCR: pages rendered with pypdfium2, read by Tesseract with
Debian's chi_sim + eng models (apt: tesseract-ocr tesseract-ocr-chi-sim) through pytesseract."""

from __future__ import annotations

from pathlib import Path

from ingest.records import PageSpan

LANGUAGES = "chi_sim+eng"
DPI = 300


class OCRError(Exception):
    """OCR could not run (Tesseract or its language data missing); str() says what to install."""


def ocr_pdf(path: Path, languages: str = LANGUAGES) -> tuple[str, list[PageSpan]]:
    import pypdfium2
    import pytesseract

    from ingest.pdf_text import join_pages, page_text

    try:
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OCRError("Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)") from exc
    missing = [lang for lang in languages.split("+") if lang not in installed]
    if missing:
        raise OCRError(f"Tesseract has no language data for {', '.join(missing)} "
                       "(apt-get install tesseract-ocr-chi-sim)")
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        texts = []
        for number in range(len(pdf)):
            image = pdf[number].render(scale=DPI / 72).to_pil()
            texts.append((number + 1, pytesseract.image_to_string(image, lang=languages)))
    finally:
        pdf.close()
    from ingest.pdf_text import _Tables

    tables = _Tables()
    return join_pages([(n, page_text(raw, tables)) for n, raw in texts])
