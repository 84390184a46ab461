"""Which push endpoints the server may be asked to open a connection to.

An endpoint comes from a browser, so a signed-in person could otherwise point
the server at itself or the private network ("Send a test" to 127.0.0.1:5432).
Real push services live on public addresses; only the test suite's fake one
does not, and PUSH_ALLOW_PRIVATE_ENDPOINTS lets it through.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

PRIVATE_NAMES = ("localhost", ".localhost", ".local", ".internal", ".home.arpa")


def is_public_ip(value):
    try:
        return ipaddress.ip_address(value).is_global
    except ValueError:
        return False


def endpoint_problem(url, allow_private=False):
    """None when `url` may be used, else why not (for logs; people see one calm message)."""
    try:
        parts = urlsplit(url or "")
        parts.port  # noqa: B018 (raises on a bad port)
    except ValueError:
        return "not a URL"
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return "not an https URL with a host"
    if allow_private:
        return None
    if host in PRIVATE_NAMES or host.endswith(PRIVATE_NAMES):
        return f"{host} is a private name"
    if _is_ip(host) and not is_public_ip(host):
        return f"{host} is not a public address"
    return None


def public_addresses(host, port, allow_private=False):
    """The addresses `host` resolves to, refusing the lot if any is not public.

    Checked at connection time too, since a name can resolve differently later.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [info[4][0] for info in infos]
    if not allow_private and not all(is_public_ip(a) for a in addresses):
        raise ValueError(f"{host} resolves to a non-public address")
    return addresses


def _is_ip(host):
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
