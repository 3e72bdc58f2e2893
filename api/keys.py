"""The random keys families hold and the hashes Homeroom keeps in their place."""

import hashlib
import hmac
import secrets

from django.conf import settings

TOKEN_BYTES = 32  # 256 bits: far beyond guessing, so one fast hash is enough


def new_key() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(key: str) -> str:
    """How an app's token is stored and looked up: its SHA-256."""
    return hashlib.sha256(key.encode()).hexdigest()


def feed_hashes(key: str) -> list[str]:
    """Every stored form a calendar secret may have, the current one first.

    Calendar secrets travel in addresses that calendar services and proxies
    keep, so they are stored keyed with SECRET_KEY; the fallback keys keep
    subscriptions working while the key is being rotated.
    """
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [keyed_hash(secret, key) for secret in keys]


def keyed_hash(secret: str, key: str) -> str:
    return hmac.new(secret.encode(), key.encode(), hashlib.sha256).hexdigest()


def feed_hash(key: str) -> str:
    return feed_hashes(key)[0]
