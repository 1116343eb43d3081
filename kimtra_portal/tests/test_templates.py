"""Page CSS and JS go into the head blocks of base.html, never into the body."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAD_BLOCK = re.compile(r"{% block (css|js) %}.*?{% endblock %}", re.S)
ASSET = re.compile(r"<link[^>]+stylesheet|<script\b")


def assets_outside_head_blocks(text: str) -> list[str]:
    return ASSET.findall(HEAD_BLOCK.sub("", text))


def test_page_assets_only_in_head_blocks() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "templates").rglob("*.html"))
        if path.name != "base.html" and "pdf" not in path.parts and assets_outside_head_blocks(path.read_text())
    ]
    assert offenders == []


def test_base_has_the_head_blocks() -> None:
    head = (ROOT / "templates" / "base.html").read_text().split("</head>")[0]
    assert "{% block css %}" in head and "{% block js %}" in head


def test_the_check_finds_a_stylesheet_in_the_body() -> None:
    assert assets_outside_head_blocks('{% block content %}<link rel="stylesheet" href="x.css">{% endblock %}')
    assert not assets_outside_head_blocks('{% block css %}<link rel="stylesheet" href="x.css">{% endblock %}')
