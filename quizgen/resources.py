"""Where quizgen's templates are, in a checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import EnvironmentProblem

_PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """``quizgen/templates`` in a wheel; the repository's ``templates/`` in a checkout."""
    for candidate in (_PACKAGE / "templates", _PACKAGE.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise EnvironmentProblem(
        "không tìm thấy thư mục templates của quizgen; hãy cài lại quizgen (pip install --force-reinstall)."
    )
