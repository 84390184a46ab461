"""The sender: the only module that touches the `webpush` package.

`webpush` encrypts the body (RFC 8291, aes128gcm) and nothing more. What it
leaves out is done here: the POST itself with a timeout and kept-alive
connections, TTL (its per-call ttl=0 is ignored, so we set the header),
Urgency, Topic, the plaintext size cap, and our own VAPID token per push
service origin (it drops the port from `aud`, and its `exp` is not ours to set).

Why http.client and not requests or urllib3: one kept-alive connection per
push service origin and one timeout per POST is all it needs (40 lines), it
adds no dependency, and it must tell a timeout (outcome unknown: the service
may have taken the push) from a refused connection (never sent), which a
pool's own retries and wrapped exceptions would blur.
"""

import email.utils
import http.client
import socket
import time
from datetime import UTC, datetime
from urllib.parse import urlsplit

import jwt
from webpush import WebPush, WebPushSubscription

from .endpoints import public_addresses
from .models import push_origin
from .texts import MAX_PAYLOAD

URGENCIES = ("very-low", "low", "normal", "high")
# Tokens live 12 hours (the protocol allows 24) and are renewed an hour early.
TOKEN_LIFETIME = 12 * 3600
TOKEN_RENEW = 3600
# Push answers read beyond this are thrown away.
MAX_ANSWER = 64 * 1024


class PushError(Exception):
    """A push that did not go through.

    `permanent`: sending again will not help. `gone`: the subscription no
    longer exists (404/410) and should be deleted. `too_large`: the payload
    was refused for its size (ours or the service's 413). `retry_after`:
    seconds the service asked us to wait. `timed_out`: no answer in time, so
    the service may well have accepted it: the outcome is unknown.
    """

    def __init__(self, message, permanent=False, status=None, retry_after=None, gone=False, too_large=False,
                 timed_out=False):
        super().__init__(message)
        self.timed_out = timed_out
        self.permanent = permanent
        self.status = status
        self.retry_after = retry_after
        self.gone = gone
        self.too_large = too_large or status == 413


def retry_after_seconds(value, now=None):
    """Retry-After as seconds: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0, int((when - now).total_seconds()))


class Sender:
    """Sends encrypted pushes for one set of VAPID keys. Not shared between threads."""

    def __init__(self, keys, timeout=10.0, clock=time.time, allow_private=False):
        self.keys = keys
        self.timeout = timeout
        # Endpoints come from browsers: never let one aim us at our own network.
        self.allow_private = allow_private
        self.clock = clock
        subscriber = keys.subject.removeprefix("mailto:")
        self._webpush = WebPush(private_key=keys.private_pem(), public_key=keys.public_pem(),
                                subscriber=subscriber or "push@localhost")
        self._private_pem = keys.private_pem()
        self._tokens = {}
        self._connections = {}

    # VAPID

    def authorization(self, origin):
        """`vapid t=..., k=...` for a push service origin, renewed well before it expires."""
        now = int(self.clock())
        token, expires = self._tokens.get(origin, (None, 0))
        if token is None or expires - now < TOKEN_RENEW:
            expires = now + TOKEN_LIFETIME
            claims = {"aud": origin, "exp": expires, "sub": self.keys.subject}
            token = jwt.encode(claims, self._private_pem, algorithm="ES256")
            self._tokens[origin] = (token, expires)
        return f"vapid t={token}, k={self.keys.application_server_key}"

    # Encryption

    def encrypt(self, subscription, plaintext):
        """The aes128gcm body for one subscription (dict with endpoint, p256dh, auth)."""
        if len(plaintext) > MAX_PAYLOAD:
            raise PushError(f"payload is {len(plaintext)} bytes, over {MAX_PAYLOAD}", permanent=True, too_large=True)
        target = WebPushSubscription.model_validate(
            {"endpoint": subscription["endpoint"],
             "keys": {"p256dh": subscription["p256dh"], "auth": subscription["auth"]}}
        )
        return self._webpush.get(message=plaintext, subscription=target).encrypted

    # Sending

    def send(self, subscription, plaintext, ttl, urgency="normal", topic=""):
        """POST one push; returns the status code (2xx) or raises PushError."""
        if urgency not in URGENCIES:
            raise ValueError(f"urgency must be one of {URGENCIES}")
        body = self.encrypt(subscription, plaintext)
        endpoint = subscription["endpoint"]
        origin = push_origin(endpoint)
        headers = {
            "Authorization": self.authorization(origin),
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "TTL": str(max(0, int(ttl))),
            "Urgency": urgency,
        }
        if topic:
            headers["Topic"] = topic
        status, answer_headers, answer = self._post(endpoint, body, headers)
        return self._judge(status, answer_headers, answer)

    def _judge(self, status, headers, answer):
        if 200 <= status < 300:
            return status
        detail = answer[:200].decode("utf-8", "replace").strip()
        message = f"push service answered {status}" + (f": {detail}" if detail else "")
        if status in (404, 410):
            raise PushError(message, permanent=True, status=status, gone=True)
        if status == 429 or status >= 500:
            raise PushError(message, status=status, retry_after=retry_after_seconds(headers.get("Retry-After")))
        # 413 too large, 400 malformed, 401/403 keys the service does not accept.
        raise PushError(message, permanent=True, status=status)

    def _post(self, endpoint, body, headers):
        parts = urlsplit(endpoint)
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        key = (parts.scheme, parts.hostname, parts.port)
        for attempt in (1, 2):
            connection, reused = self._connection(key)
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                answer = response.read(MAX_ANSWER)
                if response.will_close:
                    self._drop(key)
                return response.status, response.headers, answer
            except (TimeoutError, socket.timeout) as e:
                self._drop(key)
                raise PushError(f"no answer within {self.timeout:g} s", timed_out=True) from e
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                self._drop(key)
                # A kept-alive connection the service had already closed: the
                # request never reached it, so one fresh try is safe.
                if reused and attempt == 1:
                    continue
                raise PushError(f"connection lost: {e}") from e
            except (OSError, http.client.HTTPException) as e:
                self._drop(key)
                raise PushError(f"cannot reach the push service: {e}") from e
        raise AssertionError("unreachable")

    def _connection(self, key):
        if key in self._connections:
            return self._connections[key], True
        scheme, host, port = key
        try:
            public_addresses(host, port, self.allow_private)
        except (OSError, ValueError) as e:
            raise PushError(f"refused endpoint host: {e}", permanent=True, gone=True) from e
        if scheme == "https":
            connection = http.client.HTTPSConnection(host, port, timeout=self.timeout)
        elif scheme == "http":
            connection = http.client.HTTPConnection(host, port, timeout=self.timeout)
        else:
            raise PushError(f"unsupported endpoint scheme {scheme!r}", permanent=True)
        self._connections[key] = connection
        return connection, False

    def _drop(self, key):
        connection = self._connections.pop(key, None)
        if connection is not None:
            connection.close()

    def close(self):
        for key in list(self._connections):
            self._drop(key)
