"""A fixed-window rate limit on Django's cache, for public forms (one IP, one scope).
The address is the client's as common/proxy.py finds it (behind a configured proxy,
from X-Forwarded-For).

With the default per-process cache each worker counts on its own, so the effective
limit is at most ``limit`` × workers; a shared cache (Redis) makes it exact.
"""

import hashlib
import time

from django.core.cache import cache

from .proxy import client_ip

__all__ = ["client_ip", "hit"]


def hit(scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count one request of ``key`` in ``scope``; False once ``limit`` requests were
    already counted in the current window."""
    window = int(time.time() // window_seconds)
    digest = hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()[:32]
    name = f"thidua:throttle:{digest}:{window}"
    cache.add(name, 0, timeout=window_seconds + 1)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=window_seconds + 1)
        count = 1
    return count <= limit
