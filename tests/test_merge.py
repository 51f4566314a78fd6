"""The git merge driver: what plain git cannot merge, merged question by question."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.bank import Bank, parse_bank_text, serialize
from quizgen.merge import MERGE_REASON, merge_driver, merge_files
from quizgen.models import Status
from tests.conftest import Invoke
from tests.crash_harness import NEW_PARAGRAPH
from tests.test_bank import _file

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo)}  # fmt: skip
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check)


@pytest.fixture
def repo(seeds: Path, tmp_path: Path, invoke: Invoke) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(seeds, repo / "seeds")
    _git(repo, "init", "-q", "-b", "main")
    assert invoke("generate", repo / "seeds", "--bank", repo / "question_bank").exit_code == 0
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "drafts")
    return repo


def _install_driver(repo: Path) -> None:
    """What the README tells a team to do once (with `quizgen` for the interpreter line)."""
    (repo / ".gitattributes").write_text("question_bank/*.yaml merge=quizgen\n", encoding="utf-8")
    _git(repo, "add", ".gitattributes")
    _git(repo, "commit", "-qm", "merge driver")
    _git(repo, "config", "merge.quizgen.name", "quizgen: gộp ngân hàng câu hỏi theo từng câu")
    _git(repo, "config", "merge.quizgen.driver", f"{sys.executable} -m quizgen merge-driver %O %A %B %P")


def _branches(repo: Path, invoke: Invoke, ours: list[str], theirs: list[str], regenerate: bool = False) -> None:
    bank = repo / "question_bank"
    _git(repo, "checkout", "-qb", "trainer-a")
    assert invoke(*ours, "--bank", bank, "--reviewer", "A").exit_code == 0
    _git(repo, "commit", "-qam", "A")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "checkout", "-qb", "trainer-b")
    if regenerate:  # the article gained a paragraph: generate appends drafts after the last question
        article = sorted((repo / "seeds").iterdir())[0]
        article.write_text(article.read_text(encoding="utf-8") + "\n\n" + NEW_PARAGRAPH + "\n", encoding="utf-8")
        result = invoke("generate", repo / "seeds", "--bank", bank)
        assert result.exit_code == 0 and "thêm 0 câu nháp vào" not in result.output, result.output
    if theirs:
        assert invoke(*theirs, "--bank", bank, "--reviewer", "B").exit_code == 0
    _git(repo, "commit", "-qam", "B")
    _git(repo, "checkout", "-q", "trainer-a")


def test_plain_git_conflicts_where_the_driver_merges(repo: Path, invoke: Invoke) -> None:
    bank = Bank(repo / "question_bank")
    article = bank.article_ids()[0]
    last = bank.load(article).questions[-1].id
    _branches(repo, invoke, ["approve", last], [], regenerate=True)
    plain = _git(repo, "merge", "--no-edit", "trainer-b", check=False)
    assert plain.returncode != 0 and "CONFLICT" in plain.stdout  # why the driver exists
    _git(repo, "merge", "--abort")
    _install_driver(repo)
    _git(repo, "merge", "-q", "--no-edit", "trainer-b")
    merged = Bank(bank.root).load(article)
    theirs = parse_bank_text(_git(repo, "show", f"trainer-b:question_bank/{article}.yaml").stdout,
                             Path(f"{article}.yaml"))  # fmt: skip
    assert merged.article == theirs.article  # B's regenerated metadata
    assert [q.id for q in merged.questions] == [q.id for q in theirs.questions]  # B's new drafts, in order
    assert Bank(bank.root).find(last).question.status == Status.APPROVED  # A's decision
    assert invoke("list", "--bank", bank.root).exit_code == 0
    assert _git(repo, "status", "--porcelain").stdout == ""


def test_the_same_question_decided_twice(repo: Path, invoke: Invoke) -> None:
    bank = Bank(repo / "question_bank")
    first, second = [q.id for q in bank.load(bank.article_ids()[0]).questions][:2]
    _install_driver(repo)
    _branches(repo, invoke, ["approve", first, second], ["approve", first])
    _git(repo, "merge", "-q", "--no-edit", "trainer-b")
    agreed = Bank(bank.root).find(first).question
    assert agreed.status == Status.APPROVED and [r.reviewer for r in agreed.review] == ["A", "B"]
    _git(repo, "checkout", "-qb", "trainer-c", "main")
    assert invoke("reject", second, "--reason", "mơ hồ", "--bank", bank.root, "--reviewer", "C").exit_code == 0
    _git(repo, "commit", "-qam", "C")
    _git(repo, "checkout", "-q", "trainer-a")
    merge = _git(repo, "merge", "--no-edit", "trainer-c")
    assert "hai nhánh quyết định khác nhau" in merge.stdout + merge.stderr
    disputed = Bank(bank.root).find(second).question
    assert disputed.status == Status.STALE and disputed.approved_hash is None  # back to review, not settled
    assert [r.decision for r in disputed.review] == ["approved", "rejected", "stale"]
    assert disputed.review[-1].reason == MERGE_REASON


def test_what_the_driver_leaves_to_a_person(tmp_path: Path) -> None:
    base, ours, theirs = _file("a1", 3), _file("a1", 3), _file("a1", 3)
    q = base.questions[1]
    ours = ours.model_copy(update={"questions": [x for x in ours.questions if x.id != q.id]})
    changed = q.model_copy(update={"question": "Ai là người khác?"})
    theirs = theirs.model_copy(update={"questions": [changed if x.id == q.id else x for x in theirs.questions]})
    assert merge_files(base, ours, theirs) == (None, [])  # deleted here, edited there
    paths = [tmp_path / n for n in ("o", "a", "b")]
    for path, bank_file in zip(paths, (base, ours, theirs), strict=True):
        path.write_text(serialize(bank_file), encoding="utf-8")
    report = merge_driver(paths[0], paths[1], paths[2], "question_bank/a1.yaml")
    assert not report.merged and "<<<<<<< ours" in paths[1].read_text(encoding="utf-8")
    paths[2].write_text("schema: [", encoding="utf-8")
    paths[1].write_text(serialize(ours), encoding="utf-8")
    assert not merge_driver(paths[0], paths[1], paths[2], "question_bank/a1.yaml").merged
