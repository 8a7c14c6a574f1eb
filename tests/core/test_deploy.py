"""The deployment profile: the Content-Security-Policy, the HTTPS profile switched on by
JOURNEYS_HTTPS, private files, and `journeys check --deploy` passing only when it should."""

import importlib.util
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.test import override_settings

from journeys.accounts.models import User
from journeys.core import checks

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "journeys" / "templates"
# Documents Journeys writes to a file and never serves (no Content-Security-Policy applies):
# the report carries its own styles for WeasyPrint and for reading offline.
STANDALONE = {TEMPLATES / "reports" / "report.html"}
PASSWORD = "a-long-password-for-the-deploy-test"

# What journeys/settings.py sets from the environment for the HTTPS profile.
PROFILE_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_NAME",
    "CSRF_COOKIE_NAME",
    "SECURE_PROXY_SSL_HEADER",
    "SILENCED_SYSTEM_CHECKS",
)


def settings_under(env: dict[str, str]) -> dict:
    """The settings journeys/settings.py computes with these environment variables set
    (a fresh copy of the module: the running test settings are left alone)."""
    spec = importlib.util.spec_from_file_location("settings_probe", ROOT / "journeys/settings.py")
    module = importlib.util.module_from_spec(spec)
    base = {"JOURNEYS_SECRET_KEY": secrets.token_urlsafe(50)}  # no secret file is written
    with mock.patch.dict(os.environ, {**base, **env}):
        spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


def https_profile(**env) -> dict:
    probed = settings_under({"JOURNEYS_HTTPS": "1", **env})
    return {name: probed[name] for name in PROFILE_SETTINGS if name in probed}


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    parts = (part.strip().partition(" ") for part in header.split(";"))
    return {name: value for name, _, value in parts}


# --- Content-Security-Policy ---------------------------------------------------------------


def test_every_page_carries_the_content_security_policy(client):
    directives = policy(client.get("/accounts/login/"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert not any("unsafe" in value for value in directives.values())


def test_a_signed_in_page_carries_it_too(as_role):
    response = as_role("administrator").get("/codebook/")
    assert response.status_code == 200
    assert policy(response)["script-src"] == "'self'"


def test_no_template_holds_inline_script_style_or_handler():
    """The policy refuses these in the browser; this names the template that has one."""
    found = []
    for path in set(TEMPLATES.rglob("*.html")) - STANDALONE:
        text = path.read_text(encoding="utf-8")
        for pattern, what in (
            (r"<script(?![^>]*\bsrc=)[^>]*>", "inline <script>"),
            (r"<style\b", "<style> element"),
            (r"\sstyle=", "style attribute"),
            (r"\son[a-z]+\s*=", "on* event handler"),
            (r"\bhx-on\b|\bhx-on[:-]", "hx-on handler (evaluated code)"),
            (r"javascript:", "javascript: URL"),
        ):
            if re.search(pattern, text, flags=re.IGNORECASE):
                found.append(f"{path.relative_to(ROOT)}: {what}")
    assert found == []


def test_htmx_is_configured_for_the_policy(client):
    page = client.get("/accounts/login/").content.decode()
    config = re.search(r'<meta name="htmx-config" content=\'([^\']+)\'>', page)
    assert config, "base.html must configure htmx"
    assert '"includeIndicatorStyles": false' in config.group(1)
    assert '"allowEval": false' in config.group(1)
    assert '"historyCacheSize": 0' in config.group(1)


# --- caching -------------------------------------------------------------------------------


def test_pages_are_never_stored_by_the_browser(as_role):
    response = as_role("administrator").get("/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_static_files_stay_cacheable(client):
    response = client.get("/static/journeys/journeys.js")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


# --- the HTTPS profile ---------------------------------------------------------------------


def test_without_https_the_laptop_profile_is_plain():
    probed = settings_under({})
    assert probed["SECURE_SSL_REDIRECT"] is False
    assert probed["SESSION_COOKIE_SECURE"] is False
    assert probed["SECURE_HSTS_SECONDS"] == 0
    assert "SECURE_PROXY_SSL_HEADER" not in probed
    assert probed["SESSION_COOKIE_HTTPONLY"] is True
    assert probed["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert probed["DEBUG"] is False


def test_https_switches_on_secure_cookies_hsts_and_the_redirect():
    profile = https_profile()
    assert profile["SECURE_SSL_REDIRECT"] is True
    assert profile["SESSION_COOKIE_SECURE"] is True
    assert profile["CSRF_COOKIE_SECURE"] is True
    assert profile["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert profile["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert profile["SECURE_HSTS_PRELOAD"] is False
    assert profile["SESSION_COOKIE_NAME"].startswith("__Host-")
    # Only a reverse proxy's word makes a request https.
    assert "SECURE_PROXY_SSL_HEADER" not in profile
    assert https_profile(JOURNEYS_BEHIND_PROXY="1")["SECURE_PROXY_SSL_HEADER"] == (
        "HTTP_X_FORWARDED_PROTO",
        "https",
    )
    assert https_profile(JOURNEYS_HSTS_PRELOAD="1")["SECURE_HSTS_PRELOAD"] is True


def test_under_https_a_plain_request_is_sent_to_https(client):
    with override_settings(**https_profile()):
        response = client.get("/accounts/login/?next=/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/accounts/login/?next=/"


def test_under_https_the_cookies_are_secure_httponly_and_lax_and_hsts_is_sent(client, db):
    User.objects.create_user(username="mina", password=PASSWORD, role="coder")
    with override_settings(**https_profile()):
        page = client.get("/accounts/login/", secure=True)
        signed_in = client.post(
            "/accounts/login/", {"username": "mina", "password": PASSWORD}, secure=True
        )
        session = signed_in.cookies[settings.SESSION_COOKIE_NAME]
        csrf = page.cookies[settings.CSRF_COOKIE_NAME]
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert signed_in.status_code == 302
    for cookie in (session, csrf):
        assert cookie.key.startswith("__Host-")
        assert cookie["secure"] is True
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
        assert cookie["path"] == "/"
        assert not cookie["domain"]


def test_behind_a_proxy_its_forwarded_scheme_counts(client):
    with override_settings(**https_profile(JOURNEYS_BEHIND_PROXY="1")):
        response = client.get("/accounts/login/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


def test_serve_believes_forwarded_headers_only_from_the_proxy():
    from journeys.core.management.commands.serve import proxy_options

    assert proxy_options() == {}
    with override_settings(JOURNEYS_BEHIND_PROXY=True, JOURNEYS_PROXY_ADDRESS="10.0.0.2"):
        options = proxy_options()
    assert options["trusted_proxy"] == "10.0.0.2"
    assert options["trusted_proxy_headers"] == {"x-forwarded-for", "x-forwarded-proto"}


# --- files ---------------------------------------------------------------------------------


def test_media_lives_in_the_data_directory():
    probed = settings_under({"JOURNEYS_DATA_DIR": "/srv/journeys"})
    assert probed["MEDIA_ROOT"] == Path("/srv/journeys/media")
    assert probed["FILE_UPLOAD_PERMISSIONS"] == 0o600
    assert probed["FILE_UPLOAD_DIRECTORY_PERMISSIONS"] == 0o700


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_saved_files_are_readable_by_the_owner_only(tmp_path):
    old_umask = os.umask(0o022)  # a usual umask, which would give 0644 and 0755
    try:
        storage = FileSystemStorage(location=tmp_path / "media")
        name = storage.save("recordings/W-0001/interview.ogg", ContentFile(b"\x00" * 64))
    finally:
        os.umask(old_umask)
    saved = Path(storage.path(name))
    assert saved.stat().st_mode & 0o777 == 0o600
    assert saved.parent.stat().st_mode & 0o777 == 0o700
    assert saved.parent.parent.stat().st_mode & 0o777 == 0o700


# --- system checks -------------------------------------------------------------------------


def ids(messages) -> set[str]:
    return {message.id for message in messages}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_data_directory_open_to_others_is_warned_about(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "keys.json").write_text("{}")
    (data_dir / "keys.json").chmod(0o600)
    with override_settings(DATA_DIR=data_dir, MEDIA_ROOT=data_dir / "media"):
        assert ids(checks.check_private_files(None)) == set()
        data_dir.chmod(0o755)
        (data_dir / "keys.json").chmod(0o644)
        found = checks.check_private_files(None)
    assert ids(found) == {"journeys.W002", "journeys.W003"}
    assert all(message.hint and "chmod" in message.hint for message in found)


def test_a_key_file_beside_the_database_is_warned_about(tmp_path, monkeypatch):
    monkeypatch.delenv("JOURNEYS_PASSPHRASE_FILE", raising=False)
    with override_settings(DATA_DIR=tmp_path / "data"):
        monkeypatch.setenv("JOURNEYS_KEY_FILE", str(tmp_path / "usb" / "journeys.key"))
        assert checks.check_key_kept_apart(None) == []
        monkeypatch.setenv("JOURNEYS_KEY_FILE", str(tmp_path / "data" / "journeys.key"))
        assert ids(checks.check_key_kept_apart(None)) == {"journeys.W005"}


def test_deploy_checks_name_the_variables_to_set():
    with override_settings(JOURNEYS_HTTPS=False, ALLOWED_HOSTS=["*"]):
        found = run_checks(include_deployment_checks=True, tags=["security"])
    assert {"journeys.W006", "journeys.W007"} <= ids(found)
    with override_settings(JOURNEYS_HTTPS=True, ALLOWED_HOSTS=["journeys.example.org"]):
        assert ids(checks.check_deployment(None)) == set()


def check_deploy(tmp_path, **env) -> subprocess.CompletedProcess:
    """`journeys check --deploy --fail-level WARNING` as a server would run it."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("JOURNEYS_", "DATABASE_URL", "DJANGO_"))
    }
    server = {
        "JOURNEYS_DATA_DIR": str(tmp_path / "data"),
        "JOURNEYS_HTTPS": "1",
        "JOURNEYS_SECRET_KEY": secrets.token_urlsafe(50),
        "JOURNEYS_ALLOWED_HOSTS": "journeys.example.org",
        "LANG": "C",
    }
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env={**clean, **server, **env},
        cwd=ROOT,
        check=False,
    )


def test_check_deploy_passes_for_the_production_profile(tmp_path):
    result = check_deploy(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_with_debug_on(tmp_path):
    result = check_deploy(tmp_path, JOURNEYS_DEBUG="1")
    assert result.returncode != 0
    assert "security.W018" in result.stderr


def test_check_deploy_fails_without_https(tmp_path):
    result = check_deploy(tmp_path, JOURNEYS_HTTPS="0")
    assert result.returncode != 0
    assert "journeys.W006" in result.stderr
