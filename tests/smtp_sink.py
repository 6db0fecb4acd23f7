"""A real SMTP server in the test process (aiosmtpd), collecting what it is sent: the
mail tests go through Django's SMTP backend and a socket, as in production."""

import email
import socket
import time
from email import policy

from aiosmtpd.controller import Controller

__all__ = ["SmtpSink", "running_sink"]


class SmtpSink:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.port = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=policy.default)
        )
        return "250 OK"

    def wait_for(self, predicate, timeout: float = 60.0):
        """The first message ``predicate`` accepts, waiting for it to arrive."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in list(self.messages):
                if predicate(message):
                    return message
            time.sleep(0.2)
        subjects = [m["Subject"] for m in self.messages]
        raise AssertionError(f"no such mail arrived; got {subjects}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def running_sink():
    """Start a sink; a generator for fixtures (stopped when it resumes)."""
    sink = SmtpSink()
    sink.port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()
