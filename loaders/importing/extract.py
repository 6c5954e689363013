"""A document's text as paragraphs, by its type: PDF (loaders.importing.pdf), a saved web page
(loaders.importing.web), Word .docx (loaders.importing.word) or a text file, which is kept as it
is (the report reader reads its layout: loaders.texts.report). What cannot be read raises
ImportRefused with a one-line reason."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from loaders.importing.errors import ImportRefused
from loaders.importing.pages import is_page_number
from loaders.textfile import TextKind, read_text

MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
TYPES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".txt": "txt",
}
SUPPORTED = "a PDF, a saved web page (.html), a Word file (.docx) or a UTF-8 text file (.txt)"
ADVICE = {
    ".doc": "open it in Word or LibreOffice and save it as .docx",
    ".wps": "open it in WPS or LibreOffice and save it as .docx",
    ".rtf": "open it in Word or LibreOffice and save it as .docx",
    ".mhtml": "save the page as \u201cWeb page, HTML only\u201d (.html)",
    ".mht": "save the page as \u201cWeb page, HTML only\u201d (.html)",
    ".ofd": "print it to PDF from an OFD reader",
}
TEXT = TextKind(
    noun="text",
    max_bytes=20 * 1024 * 1024,
    usual_size="a work report's text is well under 1 MB",
    not_found="file not found",
)


@dataclass(frozen=True)
class Extracted:
    """A document's text: what it is (pdf, html, docx, txt), its text and its title if known."""

    type: str
    text: str
    title: str = ""


def file_type(path: Path) -> str:
    """Return the type of a document (pdf, html, docx, txt) by its name and first bytes, or raise
    ImportRefused."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRefused(f"{path}: file not found: give the path of the downloaded report")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise ImportRefused(
            f"{path.name}: {size / 2**20:.0f} MB is too large for a report: is it the right file?"
        )
    with path.open("rb") as file:
        head = file.read(1024)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if suffix not in TYPES:
        how = ADVICE.get(suffix, f"import {SUPPORTED}")
        named = f"type {suffix}" if suffix else "type (the name has no extension)"
        raise ImportRefused(f"{path.name}: unsupported {named}: {how}")
    kind = TYPES[suffix]
    if kind == "pdf":
        raise ImportRefused(
            f"{path.name}: not a PDF (it does not start with %PDF-): is it the right file?"
        )
    if kind == "docx" and not head.startswith(b"PK"):
        raise ImportRefused(
            f"{path.name}: not a Word .docx file (an old .doc renamed?): open it in Word or LibreOffice and save it as .docx"
        )
    return kind


def extract(path: Path) -> Extracted:
    """Return a document's text, one paragraph a line with a blank line between (a text file's
    as it is), or raise ImportRefused."""
    kind = file_type(path)
    title = ""
    if kind == "txt":
        text, problems = read_text(path, path.name, TEXT)
        if text is None:
            raise ImportRefused(f"{path.name}: {problems[0].message}")
        return Extracted(kind, text if text.endswith("\n") else text + "\n")
    if kind == "pdf":
        from loaders.importing.pdf import pdf_paragraphs  # each library loads only when used

        paragraphs = pdf_paragraphs(path)
    elif kind == "docx":
        from loaders.importing.word import docx_paragraphs

        paragraphs = docx_paragraphs(path)
    else:
        from loaders.importing.web import html_paragraphs

        paragraphs, title = html_paragraphs(path)
    kept = [p.strip() for p in paragraphs if p.strip() and not is_page_number(p)]
    if not kept:
        raise ImportRefused(
            f"{path.name}: no text found in the {kind.upper()} file: is it the right file?"
        )
    return Extracted(kind, "\n\n".join(kept) + "\n", title)
