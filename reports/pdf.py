"""The PDF of a report: WeasyPrint in the Nghị định 30/2020 layout, then an empty signature field
placed by pyHanko on the signature room of the signature block, so the leader's token software signs
in the right place."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.template.loader import render_to_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.fields import SigFieldSpec, append_signature_field
from weasyprint import CSS, HTML
from weasyprint.document import Document

from .assembly import AssembledReport, assemble
from .models import Report

# WeasyPrint narrates every layout step at INFO; keep the command line and the logs readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

STYLESHEET = Path(__file__).with_name("pdf.css")
PX_TO_PT = 0.75  # WeasyPrint lays out in CSS pixels (1/96 in); PDF user space is in points (1/72 in).


@dataclass(frozen=True)
class ElementBox:
    """An element's box on a page, in PDF points from the page's lower left corner."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    def contains(self, other: ElementBox) -> bool:
        return (
            self.page == other.page
            and self.x1 <= other.x1 + 0.01
            and self.y1 <= other.y1 + 0.01
            and other.x2 <= self.x2 + 0.01
            and other.y2 <= self.y2 + 0.01
        )


def report_html(doc: AssembledReport) -> str:
    return render_to_string("reports/pdf/report.html", {"doc": doc})


def render_document_from_html(html: str) -> Document:
    return HTML(string=html).render(stylesheets=[CSS(filename=str(STYLESHEET))])


def render_document(doc: AssembledReport) -> Document:
    return render_document_from_html(report_html(doc))


def element_box(document: Document, element_id: str) -> ElementBox:
    for index, page in enumerate(document.pages):
        page_height = page.height * PX_TO_PT
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is not None and element.get("id") == element_id and box.element_tag is not None:
                x, y = box.border_box_x(), box.border_box_y()
                width, height = box.border_width(), box.border_height()
                return ElementBox(
                    page=index,
                    x1=x * PX_TO_PT,
                    y1=page_height - (y + height) * PX_TO_PT,
                    x2=(x + width) * PX_TO_PT,
                    y2=page_height - y * PX_TO_PT,
                )
    raise LookupError(f"no element #{element_id} in the rendered report")


def add_signature_field(pdf: bytes, name: str, box: ElementBox) -> bytes:
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    append_signature_field(
        writer, SigFieldSpec(sig_field_name=name, on_page=box.page, box=(box.x1, box.y1, box.x2, box.y2))
    )
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def render_pdf(doc: AssembledReport) -> bytes:
    document = render_document(doc)
    pdf = document.write_pdf()
    return add_signature_field(pdf, doc.signature_field_name, element_box(document, "signature-room"))


def report_pdf(report: Report, *, final: bool | None = None) -> bytes:
    """The one path from a report to its PDF, for the web, the approval and build_report."""
    return render_pdf(assemble(report, final=final))
