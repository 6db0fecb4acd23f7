"""One line of an account's "Việc cần làm": what to do, on what (a link), by when.
Each app's selectors answer the lines of its own domain; the home page and the menu
(site.selectors.todo) put them together, most urgent first."""

import datetime
from dataclasses import dataclass

__all__ = ["TodoItem"]


@dataclass(frozen=True)
class TodoItem:
    action: str  # what to do: "Xác nhận quán triệt", "Bỏ phiếu"…
    title: str  # on what: the movement's, round's, dossier's name
    url: str
    deadline: datetime.date | None = None
    detail: str = ""  # the unit, how many dossiers…
    # Several lines of one kind counted as one in the menu's figure (a queue page).
    count: int = 1
