"""The analysis layer: underthesea's words and POS, offline, once per sentence, with offsets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.extract.analysis import analyse

SCRIPT = """
from quizgen.extract.analysis import analyse
a = analyse("Thượng tướng Lê Quốc Hùng, Thứ trưởng Bộ Công an, đã tiếp ông Jean-Pierre Lacroix tại Hà Nội.")
print("|".join(f"{t.text}/{t.pos}" for t in a.tokens))
"""


def _run_isolated(home: Path, no_network: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "UNDERTHESEA"))}
    env["HOME"] = str(home)
    cmd = [sys.executable, "-c", SCRIPT]
    if no_network:
        cmd = ["unshare", "-n", *cmd]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.slow
def test_the_toolkit_runs_offline_and_downloads_nothing(tmp_path: Path) -> None:
    """No network namespace (where the machine allows one), an empty HOME: the models ship in the
    package, and nothing is written under HOME (underthesea's download folder is ~/.underthesea)."""
    home = tmp_path / "home"
    home.mkdir()
    result = _run_isolated(home, no_network=_can_unshare())
    assert result.returncode == 0, result.stderr
    assert "Lê Quốc Hùng/Np" in result.stdout and "Jean-Pierre Lacroix/Np" in result.stdout
    assert list(home.rglob("*")) == []


def test_offsets_point_at_the_words() -> None:
    text = "Sáng 9-10,  tại Hà Nội, Cục Gìn giữ hòa bình khai giảng khóa tập huấn."
    a = analyse(text)
    assert all(text[t.start : t.end] == t.text for t in a.tokens)
    assert "Hà Nội" in [t.text for t in a.tokens]


def test_a_word_glued_across_a_case_change_is_split() -> None:
    a = analyse(
        "Thứ trưởng đã tiếp Phó Tổng Thư ký Liên hợp quốc và ủng hộ Bộ Công an Việt Nam cử lực lượng."
    )
    words = [t.text for t in a.tokens]
    assert "tiếp" in words and "Phó" in words
    assert "Việt Nam" in words and "cử" in words


def test_each_sentence_is_analysed_once() -> None:
    text = "Bộ Công an tổ chức hội nghị tổng kết công tác năm 2025 tại Hà Nội."
    assert analyse(text) is analyse(text)


def test_a_sentences_full_stop_is_not_part_of_a_dotted_name() -> None:
    analysis = analyse("Buổi lễ diễn ra sáng 26-10, tại TP.HCM.")
    assert [t.text for t in analysis.tokens[-2:]] == ["TP.HCM", "."]
