"""{{ user|person_name }}: every person's name in Vietnamese order."""

from __future__ import annotations

from django import template

from wards.formatting import person_name

register = template.Library()
register.filter("person_name", person_name)
