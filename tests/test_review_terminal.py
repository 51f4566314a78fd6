"""The review in a real terminal (tmux), Ctrl-C included, and two processes at once."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from quizgen.bank import Bank
from quizgen.generate import generate
from quizgen.models import Status

pytestmark = pytest.mark.slow


def _pane(session: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", session, "-S", "-200"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _wait_for(session: str, needle: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = _pane(session)
        if needle in text:
            return text
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} never appeared:\n{_pane(session)}")


def _start(session: str, bank_dir: Path) -> None:
    cmd = (
        f"{shlex.quote(sys.executable)} -m quizgen review --bank {shlex.quote(str(bank_dir))} --reviewer Tmux"
    )
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            "110",
            "-y",
            "45",
            f"{cmd}; echo EXIT=$?; sleep 30",
        ],
        check=True,
    )


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (make installs it)")
def test_ctrl_c_in_the_middle_then_resume(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    questions = [loc.question for loc in Bank(bank_dir).iter_questions()]
    total = len(questions)
    session = f"quizgen-{uuid.uuid4().hex[:8]}"
    try:
        _start(session, bank_dir)
        _wait_for(session, f"1/{total}")
        subprocess.run(["tmux", "send-keys", "-t", session, "a", "Enter"], check=True)
        _wait_for(session, f"2/{total}")
        subprocess.run(["tmux", "send-keys", "-t", session, "C-c"], check=True)
        screen = _wait_for(session, "EXIT=")
        assert "EXIT=130" in screen and "Mọi quyết định trước đó đã được lưu" in screen
        assert "Traceback" not in screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    assert Bank(bank_dir).find(questions[0].id).question.status == Status.APPROVED
    assert Bank(bank_dir).find(questions[1].id).question.status == Status.DRAFT

    session = f"quizgen-{uuid.uuid4().hex[:8]}"
    try:
        _start(session, bank_dir)
        screen = _wait_for(session, f"1/{total - 1}")
        assert questions[1].id in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "q", "Enter"], check=True)
        assert "EXIT=0" in _wait_for(session, "EXIT=")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)


def test_review_and_approve_in_two_processes_lose_nothing(seeds: Path, bank_dir: Path) -> None:
    generate([seeds], Bank(bank_dir))
    bank = Bank(bank_dir)
    first, second = bank.article_ids()
    ids_first = [q.id for q in bank.load(first).questions]
    ids_second = [q.id for q in bank.load(second).questions]
    reviewer = subprocess.Popen(
        [sys.executable, "-m", "quizgen", "review", "--bank", str(bank_dir), "--article", first, "--reviewer", "R1"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    approvers = [
        subprocess.Popen(
            [sys.executable, "-m", "quizgen", "approve", qid, "--bank", str(bank_dir), "--reviewer", "R2"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for qid in ids_second
    ]
    _, err = reviewer.communicate("a\n" * len(ids_first), timeout=120)
    assert reviewer.returncode == 0, err
    for p in approvers:
        assert p.wait(timeout=120) == 0
    after = Bank(bank_dir)
    assert all(q.status == Status.APPROVED for q in after.load(first).questions)
    assert all(q.status == Status.APPROVED for q in after.load(second).questions)
    assert {q.review[-1].reviewer for q in after.load(second).questions} == {"R2"}
