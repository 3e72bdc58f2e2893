"""Settings for the test suite: production settings with test-only conveniences."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-suite-key-not-for-production")
os.environ.setdefault("HOMEROOM_SSL_REDIRECT", "false")
os.environ.setdefault(
    "HOMEROOM_VAR_DIR", os.path.join(tempfile.gettempdir(), "homeroom-test-var")
)
os.environ.setdefault("HOMEROOM_SECURE_COOKIES", "false")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")

from homeroom.settings import *  # noqa: F403

# Argon2 still, with a smaller memory cost so the suite runs quickly.
PASSWORD_HASHERS = ["homeroom.hashers.QuickArgon2PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HOMEROOM_DEMO_MAILBOX = True
# Staff tests sign in without a code; staff/tests/test_two_factor.py turns it on.
HOMEROOM_STAFF_TWO_FACTOR = False
