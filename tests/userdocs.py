"""A user's own documents made by the tests: a 3-page internal standard as a PDF (reportlab) and as Word
(python-docx), with numbered headings, a table and answers on known pages; an image-only (scanned) PDF."""

from __future__ import annotations

from pathlib import Path

TITLE = "Northwind DHS-7 Data Handling Standard"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

FILLER = ("Staff read this standard together with the group's information security manual, and the owner of "
          "each system keeps a written record of how the system meets each requirement of this standard. ")

# (heading, paragraphs); the PDF puts page breaks before "3." and "5." so answers sit on known pages
SECTIONS: list[tuple[str, list[str]]] = [
    ("1. Scope", ["This standard applies to every system of Northwind Logistics Ltd. that stores customer "
                  "personal information, including the Chengdu data centre and the Wuhan backup site.",
                  FILLER * 3]),
    ("2. Retention", ["Server access logs are kept for 90 days and are then deleted by the log service.",
                      "The retention periods of other records are set out in the table below.", "TABLE",
                      FILLER * 2]),
    ("3. Access control", ["Administrators sign in with two factors, and shared accounts are not permitted "
                           "on any production system of the company.", FILLER * 4]),
    ("4. Incidents", [FILLER * 2 + "The Security Office decides within 12 hours whether regulators and "
                      "customers must be told about an incident that affects personal information.",
                      "An incident affecting more than 5,000 customers is reported to the board of directors "
                      "within 24 hours of its discovery.", FILLER * 3]),
    ("5. Training", ["Every employee completes data protection training within 30 days of joining.",
                     FILLER * 2]),
    ("6. Sanctions", ["A breach of this standard may lead to disciplinary action, up to dismissal.",
                      "This standard is version 3.2 and was approved on 12 March 2024."]),
]
TABLE = [["Record", "Retention", "Owner"],
         ["Customer contracts", "6 years", "Legal"],
         ["CCTV footage", "30 days", "Facilities"],
         ["Payroll records", "10 years", "Finance"]]
PAGE_BREAK_BEFORE = ("3. Access control", "5. Training")


def standard_pdf(path: Path, browser: bool = False) -> Path:
    """browser: with the header (date, title) and footer (address, page of pages) a browser prints."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    def furniture(canvas, doc) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(30, 815, "12/1/26, 11:04 PM")
        canvas.drawString(250, 815, TITLE)
        canvas.drawString(30, 20, "file:///C:/Users/lawyer/Documents/dhs7.html")
        canvas.drawString(540, 20, f"{doc.page}/3")

    styles = getSampleStyleSheet()
    story = [Paragraph(TITLE, styles["Title"])]
    for heading, paragraphs in SECTIONS:
        if heading in PAGE_BREAK_BEFORE:
            story.append(PageBreak())
        story.append(Paragraph(heading, styles["Heading2"]))
        for text in paragraphs:
            story.append(Table(TABLE) if text == "TABLE" else Paragraph(text, styles["BodyText"]))
            story.append(Spacer(1, 4))
    pages = {"onFirstPage": furniture, "onLaterPages": furniture} if browser else {}
    SimpleDocTemplate(str(path), title=TITLE).build(story, **pages)
    return path


def standard_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=0)
    for heading, paragraphs in SECTIONS:
        document.add_heading(heading, level=1)
        for text in paragraphs:
            if text == "TABLE":
                table = document.add_table(rows=len(TABLE), cols=len(TABLE[0]))
                for r, row in enumerate(TABLE):
                    for c, cell in enumerate(row):
                        table.cell(r, c).text = cell
            else:
                document.add_paragraph(text)
    document.add_paragraph("Report an incident to the Security Office.", style="List Number")
    document.add_paragraph("Keep the evidence until the Office releases it.", style="List Number")
    document.save(str(path))
    return path


def scanned_pdf(path: Path, lines: list[str]) -> Path:
    """An image-only PDF (no text layer): the lines drawn into a picture with the Noto CJK font."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (1700, 2200), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 48)
    for i, line in enumerate(lines):
        draw.text((120, 150 + i * 110), line, fill="black", font=font)
    image.save(str(path), "PDF", resolution=200.0)
    return path
