"""Who may call the webhook routes: Shopify's HMAC, Branch's shared token, WebEngage's static secret."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping

__all__ = ["branch_token_problem", "shopify_header_problem", "shopify_signature_matches", "webengage_secret_problem"]


def _same(given: str, expected: str) -> bool:
    # compare_digest refuses non-ASCII str; bytes keep it constant-time for any header a caller sends.
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode())


def shopify_header_problem(secret: str, signature: str | None) -> str | None:
    """What rules a Shopify delivery out before its body is read, or None."""
    if not secret:
        return "EVENTGEN_SHOPIFY_SECRET is not set: this server cannot verify Shopify webhooks"
    if not signature:
        return "missing X-Shopify-Hmac-Sha256 header: Shopify signs every webhook with the app's client secret"
    return None


def shopify_signature_matches(secret: str, body: bytes, signature: str) -> bool:
    """Shopify's signature is base64(HMAC-SHA256(body, client secret)); it covers the body only."""
    expected = base64.b64encode(hmac.digest(secret.encode(), body, hashlib.sha256)).decode()
    return _same(signature.strip(), expected)


def branch_token_problem(token: str, query: Mapping[str, str], headers: Mapping[str, str]) -> str | None:
    """Branch does not sign webhooks, so the URL configured in Branch carries a shared token."""
    if not token:
        return "EVENTGEN_BRANCH_TOKEN is not set: this server cannot authenticate Branch webhooks"
    authorization = headers.get("Authorization", "")
    scheme, _, credentials = authorization.partition(" ")
    given = [query.get("token", ""), credentials.strip() if scheme.lower() == "bearer" else ""]
    if not any(given):
        return "missing token: add ?token=<EVENTGEN_BRANCH_TOKEN> to the webhook URL or send Authorization: Bearer"
    # Both candidates are compared, so the time taken does not reveal which one was checked.
    matches = [_same(candidate, token) for candidate in given if candidate]
    return None if any(matches) else "wrong token for the Branch webhook"


def webengage_secret_problem(key: str, query: Mapping[str, str]) -> str | None:
    """WebEngage's `secret` query parameter is the MD5 hex digest of "licenseCode:key"."""
    if not key:
        return "EVENTGEN_WEBENGAGE_KEY is not set: this server cannot authenticate WebEngage webhooks"
    license_code, secret = query.get("licenseCode", ""), query.get("secret", "")
    if not license_code or not secret:
        return "missing licenseCode or secret query parameter"
    expected = hashlib.md5(f"{license_code}:{key}".encode(), usedforsecurity=False).hexdigest()
    return None if _same(secret.lower(), expected) else f"wrong secret for licenseCode {license_code!r}"
