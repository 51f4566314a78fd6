"""The one error hierarchy. Every message is meant for a trainer, in Vietnamese.

The CLI is the single place that catches these: it prints the message and exits
with ``exit_code`` (1 for a problem in the user's data, 2 for wrong usage).
Anything that is not a QuizgenError is a bug and is allowed to surface.
"""

from __future__ import annotations

from pathlib import Path


class QuizgenError(Exception):
    """Base class: a problem the user can fix, described in words they can act on."""

    exit_code = 1

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.user_message())

    def user_message(self) -> str:
        if self.path is None:
            return self.message
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class UsageError(QuizgenError):
    """The command was called the wrong way (unknown option value, bad combination)."""

    exit_code = 2


class ArticleError(QuizgenError):
    """An article could not be read or is not usable (empty, binary, not Vietnamese...)."""


class BankError(QuizgenError):
    """A question-bank file is missing, mangled or fails validation."""


class NotFoundError(QuizgenError):
    """An id (question or article) that is not in the bank."""


class NothingToExportError(QuizgenError):
    """The selection is empty: no file is written."""


class EnvironmentProblem(QuizgenError):
    """Something the machine lacks (a font, Pango)."""


class ReadOnlyBankError(BankError):
    """The command must write to a bank this user cannot write to; nothing was changed."""

    def __init__(self, root: Path | str, detail: str | None = None):
        self.root = Path(root)
        super().__init__(
            f"ngân hàng câu hỏi {root} chỉ cho đọc{f' ({detail})' if detail else ''}: lệnh này cần ghi "
            "nên không làm gì cả. Các lệnh list, show, stats và export vẫn dùng được. Muốn duyệt hay soạn "
            "câu hỏi: nhờ người quản lý thư mục cấp quyền ghi (cho nhóm giảng viên), hoặc chép ngân hàng "
            "sang thư mục của mình rồi dùng --bank."
        )
