"""Sign-in and the account's own pages."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views

from .demo_accounts import demo_password_shown


class SignInView(auth_views.LoginView):
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"demo_password": demo_password_shown()}
