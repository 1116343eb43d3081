from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def person_name(user: Any) -> str:
    """Vietnamese order: family and middle names first ("Hồ Lê Hoàng Thịnh")."""
    full = f"{user.last_name} {user.first_name}".strip()
    return full or user.get_username()
