"""Issue 14 item 4: the help texts a clerk reads under a field carry no technical words, in either language."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.utils import translation

TECHNICAL = ("html", "placeholder", "khóa số liệu", "[[")
OURS = ("wards", "procedures", "staffing", "assets", "spending", "indicators", "reports", "city", "dashboard")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_technical_words_in_help_texts(language: str) -> None:
    with translation.override(language):
        found = [
            f"{model._meta.label}.{field.name}: {field.help_text}"
            for config in apps.get_app_configs()
            if config.label in OURS
            for model in config.get_models()
            for field in model._meta.get_fields()
            if any(word in str(getattr(field, "help_text", "")).lower() for word in TECHNICAL)
        ]
    assert found == []
