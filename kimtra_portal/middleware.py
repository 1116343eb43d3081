from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class VietnameseFirstLocaleMiddleware:
    """Vietnamese unless the user chose another language in the footer.

    Django's LocaleMiddleware follows the browser's Accept-Language; many office computers run
    browsers in English, and that must not switch the portal away from the language of its reports.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class NoStoreForSignedInMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user (DESIGN §12).

    A shared office computer keeps what the browser caches: after sign-out, Back or the disk cache must
    not show a ward's figures to the next person. Static files (served before this in production by
    WhiteNoise, here excluded in case they pass through) and /healthz keep their own headers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.exempt = (f"/{settings.STATIC_URL.strip('/')}/", "/healthz")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated and not request.path.startswith(self.exempt):
            # Replaces any max-age a view set: for a signed-in page nothing may be kept.
            response["Cache-Control"] = "no-store"
        return response
