"""The PDF needs a Times-compatible font with every Vietnamese glyph; without one WeasyPrint would
quietly fall back to a font that prints boxes for "ễ" or "ữ"."""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

from django.core.checks import Error, register

# Liberation Serif 1.x (Debian's old fonts-liberation) lacks Vietnamese; version 2 ships in liberation2.
PDF_FONTS = ("Tinos", "Liberation Serif")
VIETNAMESE_SAMPLE = "ễữặ"


def vietnamese_serif_fonts() -> list[str]:
    """Families of PDF_FONTS that fontconfig finds with the Vietnamese sample glyphs."""
    if not shutil.which("fc-list"):
        return []
    charset = ",".join(f"{ord(c):x}" for c in VIETNAMESE_SAMPLE)
    found = []
    for family in PDF_FONTS:
        out = subprocess.run(  # noqa: S603 (fixed program, no shell)
            ["fc-list", f"{family}:charset={charset}", "family"],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        ).stdout
        if out.strip():
            found.append(family)
    return found


@register()
def check_pdf_font(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if vietnamese_serif_fonts():
        return []
    return [
        Error(
            "No Times-compatible font with Vietnamese glyphs for the PDF reports.",
            hint="Install Debian's fonts-croscore (Tinos) or fonts-liberation2 (Liberation Serif 2.x); "
            "the old fonts-liberation 1.x lacks Vietnamese. fontconfig (fc-list) must find it.",
            id="reports.E001",
        )
    ]
