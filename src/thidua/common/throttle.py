"""A fixed-window rate limit on Django's cache, for public forms (one IP, one scope).

With the default per-process cache each worker counts on its own, so the effective
limit is at most ``limit`` × workers; a shared cache (Redis) makes it exact.
"""

import hashlib
import time

from django.core.cache import cache

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


def client_ip(request) -> str:
    """The peer address; a proxy in front must pass the real one as REMOTE_ADDR."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"
