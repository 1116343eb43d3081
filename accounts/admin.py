from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest, HttpResponse

from .models import AccountState
from .security import client_address
from .services import account_reactivate, password_change_require

User = get_user_model()


class AccountStateInline(admin.StackedInline):
    model = AccountState
    can_delete = False
    fields = ["must_change_password", "disabled_reason", "active_since"]
    readonly_fields = ["disabled_reason", "active_since"]


admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Users are deactivated, never deleted: history rows and signed reports keep their names."""

    inlines = [AccountStateInline]
    list_display = [*UserAdmin.list_display, "is_active", "last_login"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # After the inline, which would otherwise write its unticked box over the rule.
        super().save_related(request, form, formsets, change)
        if not change:
            # The administrator chose this password: its owner sets their own at first sign-in.
            password_change_require(user=form.instance, actor=request.user, address=client_address(request))
        elif "is_active" in form.changed_data and form.instance.is_active:
            # Ticking "active" alone would leave the idle clock where it was: disabled again the next night.
            account_reactivate(user=form.instance, actor=request.user, address=client_address(request))

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = User._default_manager.get(pk=id)
            password_change_require(user=user, actor=request.user, address=client_address(request))
        return response
