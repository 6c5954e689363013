"""A Word document's text (python-docx): its body's paragraphs and table rows in order; the
running headers and footers of its sections are not part of the body, so they stay out."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from loaders.importing.errors import ImportRefused


def docx_paragraphs(path: Path) -> list[str]:
    """Return the paragraphs of a .docx file (a table row as one line), or raise ImportRefused."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ImportRefused(
            f"{path.name}: not a readable Word (.docx) file ({error}): is it the right file? "
            "(a password-protected one must be saved without its password first)"
        ) from error
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines += block.text.split("\n")  # a manual line break (Shift+Enter) parts lines
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                lines.append("\u3000".join(cells))
    return lines
