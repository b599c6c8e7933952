"""Reading PDFs back for the annex tests: text per page, metadata, page sizes."""

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def dutch(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def squeeze(text: str) -> str:
    """Text without any whitespace: line breaks in narrow columns cannot hide or fake a match."""
    return re.sub(r"\s+", "", text)


@dataclass
class ReadPdf:
    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        return squeeze(self.text)

    def contains(self, needle: str) -> bool:
        return squeeze(needle) in self.flat


def read_pdf(content: bytes) -> ReadPdf:
    assert content.startswith(b"%PDF-"), "not a PDF"
    reader = PdfReader(io.BytesIO(content))
    return ReadPdf(reader=reader, pages=[page.extract_text() or "" for page in reader.pages])
