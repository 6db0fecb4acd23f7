"""Request-scoped values the audit log and the log records read."""

import contextvars
import uuid

__all__ = ["current_request_id", "new_request_id"]

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "request_id", default=""
)


def current_request_id() -> str:
    return _request_id.get()


def new_request_id(value: str | None = None) -> contextvars.Token:
    return _request_id.set(value or str(uuid.uuid4()))


def reset_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)
