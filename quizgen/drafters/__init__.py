"""Drafters: what turns an article into draft questions.

``embedded`` (the default) is quizgen's own rules and runs offline. ``llm`` asks a
chat-model server the training unit configures (quizgen.toml or environment
variables) and keeps only the drafts that pass grounding (quizgen.drafters.grounding).
``both`` merges the two sets, drops duplicates and ranks them together.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.drafters.base import Drafter
from quizgen.errors import UsageError

DRAFTER_CHOICES = ("embedded", "llm", "both")


def make_drafter(name: str, bank_root: Path, config: Path | None = None, progress: bool = False) -> Drafter:
    """The drafter called ``name``, configured from ``config`` (or quizgen.toml beside the bank)."""
    from quizgen.drafters.embedded import EmbeddedDrafter

    if name not in DRAFTER_CHOICES:
        raise UsageError(f"bộ soạn '{name}' không có; chọn một trong: {', '.join(DRAFTER_CHOICES)}.")
    if name == "embedded":
        if config is not None and not config.is_file():
            raise UsageError(f"không tìm thấy tệp cấu hình {config}.")
        return EmbeddedDrafter()
    from quizgen.bank import STATE_DIR
    from quizgen.drafters.config import require_settings
    from quizgen.drafters.llm import LlmDrafter

    settings = require_settings(bank_root, config)
    llm = LlmDrafter(settings, cache_dir=bank_root / STATE_DIR / "llm-cache", progress=progress)
    if name == "llm":
        return llm
    from quizgen.drafters.base import CombinedDrafter

    return CombinedDrafter((EmbeddedDrafter(), llm))
