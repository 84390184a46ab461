"""VAPID keys: read from settings, checked, and made new.

Settings hold either the compact form the `vapid-keys` command prints
(URL-safe base64: the 32-byte private number, the 65-byte public point) or
PEM, which suits VAPID_PRIVATE_KEY_FILE.
"""

import base64
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from ..config import ConfigError


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text):
    text = text.strip()
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class VapidKeys:
    private_key: ec.EllipticCurvePrivateKey
    subject: str

    @property
    def application_server_key(self):
        """The public key as pushManager.subscribe() wants it."""
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(point)

    def private_pem(self):
        return self.private_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def public_pem(self):
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )


def _private(text):
    try:
        if text.lstrip().startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode(), password=None)
        else:
            raw = unb64url(text)
            if len(raw) != 32:
                raise ValueError("expected 32 bytes")
            key = ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
    except (ValueError, TypeError) as e:
        raise ConfigError(f"VAPID_PRIVATE_KEY: not a P-256 private key ({e})") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise ConfigError("VAPID_PRIVATE_KEY: must be a P-256 (prime256v1) key")
    return key


def _public_point(text):
    try:
        if text.lstrip().startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode())
            return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        return unb64url(text)
    except (ValueError, TypeError) as e:
        raise ConfigError(f"VAPID_PUBLIC_KEY: cannot be read ({e})") from None


def load(settings):
    """VapidKeys from app.config, None when push is not set up; ConfigError when wrong."""
    private, public = settings.get("VAPID_PRIVATE_KEY"), settings.get("VAPID_PUBLIC_KEY")
    if not private or not public:
        return None
    keys = VapidKeys(_private(private), settings.get("VAPID_SUBJECT") or "")
    if _public_point(public) != unb64url(keys.application_server_key):
        raise ConfigError("VAPID_PUBLIC_KEY: does not belong to VAPID_PRIVATE_KEY")
    return keys


def generate():
    """(private, public) in the compact form, ready for environment variables."""
    key = ec.generate_private_key(ec.SECP256R1())
    private = b64url(key.private_numbers().private_value.to_bytes(32, "big"))
    return private, VapidKeys(key, "").application_server_key
