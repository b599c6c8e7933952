"""Pytest plugin (`-p config.testing`): production-like settings (DEBUG off) over plain HTTP."""

import os
import tempfile

os.environ.setdefault("DEBUG", "off")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("SECURE_SSL_REDIRECT", "off")
os.environ.setdefault("SESSION_COOKIE_SECURE", "off")
os.environ.setdefault("CSRF_COOKIE_SECURE", "off")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# Stored annexes go to a folder of their own, not the project's media folder.
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="portal-test-media-"))
