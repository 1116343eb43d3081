"""gunicorn settings of production: `gunicorn -c gunicorn.conf.py kimtra_portal.wsgi` (README, Production).

Every value can be changed from the environment; the access log is always on (DESIGN §12)."""

import multiprocessing
import os

wsgi_app = "kimtra_portal.wsgi"
# Behind the reverse proxy on the same machine; it alone talks to the outside.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(min(2 * multiprocessing.cpu_count() + 1, 8))))
# A PDF is made by a Celery worker, not in the request: a request that takes longer is stuck.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then, so that a slow leak never takes the portal down.
max_requests = 2000
max_requests_jitter = 200
# The proxy's address: only its X-Forwarded-* headers are believed (scheme, and the address below).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# "-" is standard output (the service manager's journal); a path writes a file there.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
# Client address as the proxy forwarded it, the proxy's own, time, request line, status, bytes,
# duration in milliseconds, referrer and user agent.
access_log_format = 'client=%({x-forwarded-for}i)s peer=%(h)s [%(t)s] "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'


def on_starting(server) -> None:
    """Refuse to start as `manage.py check --deploy --database default` would: gunicorn runs no system check,
    and accounts.E001 (the demo accounts with their published password) must stop a live installation.

    Run once in the master before any worker is forked; warnings are logged, errors abort."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kimtra_portal.settings.production")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.core import checks
    from django.db import connections

    try:
        # SILENCED_SYSTEM_CHECKS applies here as in `manage.py check`.
        found = checks.run_checks(include_deployment_checks=True, databases=["default"])
        messages = [message for message in found if not message.is_silenced()]
    finally:
        # The workers are forked from this process: none may inherit its database connection.
        connections.close_all()
    for message in messages:
        (server.log.error if message.is_serious() else server.log.warning)("system check: %s", message)
    errors = [message for message in messages if message.is_serious()]
    if errors:
        # gunicorn prints a RuntimeError and exits with status 1.
        raise RuntimeError("system checks failed: " + "; ".join(str(error.id) for error in errors))
