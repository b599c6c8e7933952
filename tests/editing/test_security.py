"""Locked down: CSRF on every form, lockout after failed logins, a strict Content-Security-Policy,
secure cookies and HSTS in production, and `check --deploy` clean."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from agenda.models import Action

from .conftest import PASSWORD

ROOT = Path(settings.BASE_DIR)


def production_env(**extra) -> dict:
    """The environment of a production machine: DEBUG off, a real key, and nothing else set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "SESSION_", "CSRF_", "DEBUG", "ALLOWED_", "DJANGO_"))
    }
    env.update(
        DEBUG="off",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="agenda.example.nl",
        DATABASE_URL=f"sqlite:///{ROOT / 'db.sqlite3'}",
    )
    env.update(extra)
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def settings_under(env: dict) -> dict:
    code = (
        "import json; from config import settings as s; print(json.dumps({k: getattr(s, k, None)"
        " for k in ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY',"
        " 'CSRF_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS',"
        " 'SECURE_PROXY_SSL_HEADER']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    import json

    return json.loads(result.stdout)


def test_production_cookies_are_secure_and_http_only_with_hsts_and_ssl_redirect():
    values = settings_under(production_env())
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000


def test_behind_a_tls_proxy_the_redirect_can_be_switched_off():
    values = settings_under(production_env(SECURE_SSL_REDIRECT="off", BEHIND_TLS_PROXY="on"))
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SESSION_COOKIE_SECURE"] is True


def test_forms_without_the_csrf_token_are_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("agenda:action_status", args=[world.pow_action.pk]),
        {"status": world.vertraagd.pk, "version": 1},
    )
    assert response.status_code == 403
    assert "verlopen" in response.content.decode()
    world.pow_action.refresh_from_db()
    assert world.pow_action.status == world.loopt


TEMPLATES_WITH_FORMS = [
    ("agenda:action_edit", "pow_action"),
    ("agenda:action_status", "pow_action"),
    ("agenda:action_delete", "pow_action"),
    ("agenda:theme_edit", "theme"),
    ("agenda:pillar_edit", "pillar"),
]


@pytest.mark.parametrize(("name", "target"), TEMPLATES_WITH_FORMS)
def test_every_post_form_carries_a_csrf_token(world, client_for, name, target):
    client = client_for(world.users["coordinator"])
    html = client.get(reverse(name, args=[getattr(world, target).pk])).content.decode()
    forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", html, re.S | re.I)
    assert forms
    for form in forms:
        assert 'name="csrfmiddlewaretoken"' in form


def test_a_handful_of_wrong_passwords_locks_the_login(world, client):
    url = reverse("login")
    limit = settings.AXES_FAILURE_LIMIT
    assert limit <= 12
    for _attempt in range(limit - 1):
        response = client.post(url, {"username": "anna", "password": "fout"})
        assert response.status_code == 200
        assert "Inloggen is geblokkeerd" not in response.content.decode()
    response = client.post(url, {"username": "anna", "password": "fout"})
    assert response.status_code == 429
    assert "Inloggen is geblokkeerd" in response.content.decode()
    # Even the right password does not get in now.
    response = client.post(url, {"username": "anna", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_right_password_logs_in_before_the_limit(world, client):
    url = reverse("login")
    client.post(url, {"username": "anna", "password": "fout"})
    response = client.post(url, {"username": "anna", "password": PASSWORD, "next": "/"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.users["coordinator"].pk)


def test_the_session_cookie_is_http_only(world, client):
    response = client.post(reverse("login"), {"username": "anna", "password": PASSWORD})
    assert response.cookies[settings.SESSION_COOKIE_NAME]["httponly"]


@pytest.mark.parametrize(
    ("path", "role"),
    [
        ("/", "anonymous"),
        ("/accounts/login/", "anonymous"),
        ("/agendas/agenda-een/", "coordinator"),
        ("/acties/{pk}/bewerken/", "coordinator"),
    ],
)
def test_pages_send_a_content_security_policy_without_unsafe_inline(world, client_for, path, role):
    client = client_for(world.users[role])
    response = client.get(path.format(pk=world.pow_action.pk))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_no_page_template_uses_inline_styles_or_scripts():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        if "pdf" in template.relative_to(ROOT / "templates").parts:
            continue  # PDFs are made on the server and exempt
        text = template.read_text(encoding="utf-8")
        if re.search(r"\sstyle\s*=|<style[\s>]|<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=", text):
            offenders.append(str(template.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("page", ["home", "agenda", "action", "table"])
def test_every_public_page_links_to_the_login_page(world, client, page):
    urls = {
        "home": reverse("agenda:home"),
        "agenda": world.agenda.get_absolute_url(),
        "action": world.pow_action.get_absolute_url(),
        "table": reverse("agenda:action_table", args=[world.agenda.slug]),
    }
    html = client.get(urls[page]).content.decode()
    assert re.search(r'<a [^>]*href="/accounts/login/[^"]*"[^>]*>Inloggen</a>', html)


def test_the_login_page_is_in_dutch_and_says_nothing_of_password_reset_by_mail(db, client):
    html = client.get(reverse("login")).content.decode()
    assert "Wachtwoord vergeten?" in html
    assert client.get("/accounts/password_reset/").status_code == 404


def test_logging_out_needs_a_post(world, client_for):
    client = client_for(world.users["viewer"])
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_a_logged_in_user_changes_their_password(world, client_for):
    client = client_for(world.users["viewer"])
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Nieuw-wachtwoord-2026!",
            "new_password2": "Nieuw-wachtwoord-2026!",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    world.users["viewer"].refresh_from_db()
    assert world.users["viewer"].check_password("Nieuw-wachtwoord-2026!")
    assert Action.objects.exists()
