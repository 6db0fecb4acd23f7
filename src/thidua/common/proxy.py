"""Behind a reverse proxy: which peers may say what the client's address and scheme
were (``X-Forwarded-For``, ``X-Forwarded-Proto``).

Only the addresses or networks in THIDUA_PROXY_IPS (empty by default: no proxy). From
any other peer both headers are dropped before anything reads them, so nobody can claim
HTTPS or another address by typing a header; SECURE_PROXY_SSL_HEADER is set only when
THIDUA_PROXY_IPS is, and ``thidua serve`` hands gunicorn the same list
(``--forwarded-allow-ips``).
"""

import functools
import ipaddress

from django.conf import settings

__all__ = ["client_ip", "is_trusted_proxy", "proxy_networks", "strip_untrusted_headers"]

_FORWARDED = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PROTOCOL",
    "HTTP_X_FORWARDED_SSL",
    "HTTP_FORWARDED",
)


@functools.cache
def _networks(spec: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item.strip()) for item in spec)


def proxy_networks() -> tuple:
    return _networks(tuple(settings.THIDUA_PROXY_IPS))


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def is_trusted_proxy(address: str) -> bool:
    found = _address(address or "")
    return found is not None and any(found in net for net in proxy_networks())


def strip_untrusted_headers(request) -> None:
    """Drop the forwarding headers unless the peer is a configured proxy."""
    if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
        for name in _FORWARDED:
            request.META.pop(name, None)


def client_ip(request) -> str:
    """The client's address: the peer, or — when the peer is a configured proxy — the
    nearest address in X-Forwarded-For that is not a configured proxy (addresses
    further left were written by the client and prove nothing)."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    if not is_trusted_proxy(peer):
        return peer or "unknown"
    hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break
        if not is_trusted_proxy(str(address)):
            return str(address)
    return peer
