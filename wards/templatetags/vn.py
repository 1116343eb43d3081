"""Template filters for Vietnamese figures: {{ rate|vi_percent }}, {{ amount|vi_money }}, {{ area|vi_area }}."""

from __future__ import annotations

from django import template

from wards import formatting

register = template.Library()

register.filter("vi_number", formatting.vi_number)
register.filter("vi_decimal", formatting.vi_decimal)
register.filter("vi_percent", formatting.vi_percent)
register.filter("vi_money", formatting.vi_money)
register.filter("vi_area", formatting.vi_area)
register.filter("vi_date", formatting.vi_date)
