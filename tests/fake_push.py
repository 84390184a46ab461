"""A push service on 127.0.0.1 for the tests, strict where real ones are.

It checks the VAPID token (ES256, signed by the key in `k`, `aud` = this
service's origin with its port, `exp` in the future and at most 24 h ahead,
`sub` a mailto:), the TTL, Urgency and Topic headers and the body size,
decrypts the body with the subscription's private key (aes128gcm, RFC 8291),
records what it got, and answers 201 unless told otherwise.
"""

import base64
import json
import os
import select
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

URGENCIES = {"very-low", "low", "normal", "high"}
TOPIC_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class FakeSubscription:
    """What a browser would hold: an endpoint, its keys, and the private key to read pushes."""

    sid: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes

    @property
    def p256dh(self):
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(point)

    @property
    def auth(self):
        return b64url(self.auth_secret)

    def fields(self):
        """Columns for mentoring.push.models.Subscription."""
        return {"endpoint": self.endpoint, "p256dh": self.p256dh, "auth": self.auth}


@dataclass
class Received:
    sid: str
    status: int
    headers: dict
    claims: dict = field(default_factory=dict)
    plaintext: bytes = b""
    error: str = ""

    @property
    def payload(self):
        return json.loads(self.plaintext) if self.plaintext else None


@dataclass
class Answer:
    status: int
    retry_after: str | None = None
    sid: str | None = None
    delay: float = 0


class Hold:
    """Keeps matching requests waiting, unanswered, until released (or the sender dies)."""

    def __init__(self, predicate):
        self.predicate = predicate
        self.held = threading.Event()
        self.released = threading.Event()
        self.payload = None
        self.abandoned = threading.Event()

    def release(self):
        self.released.set()


class FakePushService:
    def __init__(self, application_server_key=None):
        self.application_server_key = application_server_key
        self.subscriptions = {}
        self.received = []
        self.answers = []
        self.holds = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.server.server_port}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        for hold in self.holds:
            hold.release()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # Telling it what to do

    def subscribe(self):
        sid = b64url(os.urandom(12))
        subscription = FakeSubscription(
            sid, f"{self.origin}/push/{sid}", ec.generate_private_key(ec.SECP256R1()), os.urandom(16)
        )
        self.subscriptions[sid] = subscription
        return subscription

    def forget(self, subscription):
        """The browser dropped it: the endpoint answers 410 from now on."""
        self.subscriptions.pop(subscription.sid, None)

    def answer(self, status, times=1, retry_after=None, subscription=None):
        """Answer the next `times` pushes (to one subscription, or any) with `status`."""
        with self.lock:
            for _ in range(times):
                self.answers.append(Answer(status, retry_after, subscription.sid if subscription else None))

    def answer_late(self, seconds, times=1):
        """Accept the next `times` pushes, then answer only after `seconds`, as an overloaded service may."""
        with self.lock:
            for _ in range(times):
                self.answers.append(Answer(201, delay=seconds))

    def hold(self, predicate):
        hold = Hold(predicate)
        self.holds.append(hold)
        return hold

    # What it got

    def accepted(self):
        with self.lock:
            return [r for r in self.received if r.status == 201]

    def payloads(self):
        return [r.payload for r in self.accepted()]

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.accepted()) >= count:
                return True
            time.sleep(0.02)
        return False

    # Serving

    def _next_answer(self, sid):
        with self.lock:
            for i, answer in enumerate(self.answers):
                if answer.sid in (None, sid):
                    return self.answers.pop(i)
        return None

    def _record(self, received):
        with self.lock:
            self.received.append(received)

    def _check(self, headers, body, sid):
        """(status, error, claims, plaintext): what a strict push service would say."""
        subscription = self.subscriptions.get(sid)
        if subscription is None:
            return 410, "no such subscription", {}, b""
        scheme, _, params = headers.get("authorization", "").partition(" ")
        parts = dict(p.strip().split("=", 1) for p in params.split(",") if "=" in p)
        if scheme.lower() != "vapid" or "t" not in parts or "k" not in parts:
            return 401, "missing vapid authorization", {}, b""
        if self.application_server_key and parts["k"] != self.application_server_key:
            return 403, "key differs from the one the subscription was made with", {}, b""
        try:
            public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
            claims = jwt.decode(parts["t"], public, algorithms=["ES256"], audience=self.origin,
                                options={"require": ["aud", "exp", "sub"]})
        except (jwt.PyJWTError, ValueError) as e:
            return 403, f"bad vapid token: {e}", {}, b""
        if claims["exp"] > time.time() + 24 * 3600:
            return 403, "vapid exp more than 24 hours ahead", claims, b""
        if not str(claims["sub"]).startswith("mailto:"):
            return 403, "vapid sub is not a mailto:", claims, b""
        ttl = headers.get("ttl", "")
        if not ttl.isdigit():
            return 400, "TTL header missing or malformed", claims, b""
        if headers.get("urgency", "normal") not in URGENCIES:
            return 400, "bad Urgency", claims, b""
        topic = headers.get("topic")
        if topic is not None and (not topic or len(topic) > 32 or set(topic) - TOPIC_CHARS):
            return 400, "bad Topic", claims, b""
        if headers.get("content-encoding") != "aes128gcm":
            return 415, "content encoding is not aes128gcm", claims, b""
        if len(body) > 4096:
            return 413, "body over 4096 bytes", claims, b""
        try:
            plaintext = http_ece.decrypt(body, private_key=subscription.private_key,
                                         auth_secret=subscription.auth_secret, version="aes128gcm")
        except Exception as e:  # noqa: BLE001 - any failure to decrypt is the sender's fault
            return 400, f"cannot decrypt: {e}", claims, b""
        return 201, "", claims, plaintext

    def _wait_on_hold(self, handler, plaintext):
        """True to go on answering; False when the sender went away while held."""
        try:
            payload = json.loads(plaintext)
        except ValueError:
            return True
        for hold in self.holds:
            if hold.payload is None and hold.predicate(payload):
                hold.payload = payload
                hold.held.set()
                while not hold.released.wait(0.05):
                    readable, _, _ = select.select([handler.connection], [], [], 0)
                    if readable and handler.connection.recv(1, socket.MSG_PEEK) == b"":
                        hold.abandoned.set()
                        return False
        return True

    def _handler(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                forced = None
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                sid = self.path.rsplit("/", 1)[-1] if self.path.startswith("/push/") else ""
                status, error, claims, plaintext = service._check(headers, body, sid)
                retry_after = None
                if status == 201:
                    if not service._wait_on_hold(self, plaintext):
                        self.close_connection = True
                        return
                    forced = service._next_answer(sid)
                    if forced is not None and not forced.delay:
                        status, retry_after, error = forced.status, forced.retry_after, "told to"
                service._record(Received(sid, status, headers, claims, plaintext, error))
                if forced is not None and forced.delay:
                    # Recorded, so delivered, before the late answer goes out.
                    time.sleep(forced.delay)
                try:
                    self.send_response(status)
                    if status == 201:
                        self.send_header("Location", f"/message/{b64url(os.urandom(8))}")
                    if retry_after is not None:
                        self.send_header("Retry-After", retry_after)
                    self.send_header("Content-Length", str(len(error.encode())))
                    self.end_headers()
                    self.wfile.write(error.encode())
                except (BrokenPipeError, ConnectionResetError):
                    # The sender gave up waiting (its timeout): accepted all the same, as a real service would.
                    self.close_connection = True

        return Handler
