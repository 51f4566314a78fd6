"""A bank a team shares: failed commands create nothing, read-only banks work, git merges cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgen.bank import STATE_DIR, Bank
from quizgen.generate import generate
from quizgen.models import Status
from quizgen.review import decide
from tests.conftest import Invoke, write

ROOT = Path(__file__).resolve().parent.parent


def _tree(path: Path) -> list[str]:
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml"))}


# --- a command that fails on its input creates nothing ---------------------------------------


def test_failed_commands_create_nothing(tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "empty.txt", "")
    cases = [
        (["generate", "missing.txt"], 1),
        (["generate", "empty.txt"], 1),
        (["approve", "q-abcdef"], 1),
        (["reject", "q-abcdef", "--reason", "mơ hồ"], 1),
        (["edit", "q-abcdef", "--answer", "x"], 1),
        (["show", "q-abcdef"], 1),
        (["export", "json", "out/bank.json"], 1),
        (["export", "anki", "out/deck.apkg"], 1),
        (["review"], 0),
        (["list"], 0),
        (["stats"], 0),
    ]
    for args, code in cases:
        result = invoke(*args)
        assert result.exit_code == code, (args, result.output)
        assert _tree(tmp_path) == ["empty.txt"], (args, _tree(tmp_path))


def test_reading_a_checked_out_bank_creates_nothing_and_failures_touch_nothing(
    seeds: Path, bank_dir: Path, invoke: Invoke
) -> None:
    generate([seeds], Bank(bank_dir))
    shutil.rmtree(bank_dir / STATE_DIR)  # as a fresh `git clone` has it: .quizgen/ ignores itself
    before = _tree(bank_dir), _snapshot(bank_dir)
    qid = next(loc.question.id for loc in Bank(bank_dir).iter_questions())
    for args in (["list"], ["stats"], ["show", qid], ["approve", "q-ffffff"], ["edit", qid, "--question", "sai"]):
        invoke(*args, "--bank", bank_dir)
        assert (_tree(bank_dir), _snapshot(bank_dir)) == before, args


# --- read-only banks ------------------------------------------------------------------------

Run = Callable[..., tuple[int, str, str]]


def _subprocess_runner(prefix: list[str]) -> Run:
    def run(*args: str | Path, cwd: Path) -> tuple[int, str, str]:
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "quizgen", *map(str, args)],
            capture_output=True, text=True, cwd=cwd, env=env, timeout=120, check=False,
        )  # fmt: skip
        return done.returncode, done.stdout, done.stderr

    return run


def _in_process_runner(invoke: Invoke) -> Run:
    def run(*args: str | Path, cwd: Path) -> tuple[int, str, str]:
        old = Path.cwd()
        os.chdir(cwd)
        try:
            result = invoke(*args)
        finally:
            os.chdir(old)
        return result.exit_code, result.stdout, result.stderr

    return run


@dataclass(frozen=True)
class Reader:
    how: str
    run: Run
    uid: int | None = None  # the other user's id, when quizgen runs as one


NOBODY = 65534


def _nobody_can_run_python() -> bool:
    probe = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--",
             sys.executable, "-c", "import quizgen"]  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(probe, capture_output=True, check=False, env=env, cwd="/").returncode == 0


@pytest.fixture
def reader(invoke: Invoke) -> Iterator[Reader]:
    """A way to run quizgen as a user the kernel refuses writes to a 0555 bank.

    Not root: the test user itself. Root: the user nobody when it can run this Python
    (setpriv); else root without the capabilities that bypass file modes (setpriv again),
    so that the kernel checks the mode bits exactly as for any other user.
    """
    if os.geteuid() != 0:
        yield Reader("non-root user, chmod a-w", _in_process_runner(invoke))
        return
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: the mode bits cannot be made to apply")
    if _nobody_can_run_python():
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]
        yield Reader("user nobody (setpriv)", _subprocess_runner(prefix), NOBODY)
        return
    prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--inh-caps=-all", "--"]
    yield Reader("root without CAP_DAC_OVERRIDE (setpriv)", _subprocess_runner(prefix))


def _make_read_only(path: Path) -> None:
    for p in [path, *path.rglob("*")]:
        p.chmod(0o555 if p.is_dir() else 0o444)


@pytest.fixture
def shared(seeds: Path) -> Iterator[Path]:
    """A bank in a folder outside pytest's private temp dir, with one approved and one hand-edited question."""
    top = Path(tempfile.mkdtemp(prefix="quizgen-shared-"))
    top.chmod(0o755)
    shutil.copytree(seeds, top / "seeds")
    bank = Bank(top / "question_bank")
    generate([top / "seeds"], bank)
    ids = [loc.question.id for loc in bank.iter_questions()]
    decide(bank, ids[:2], Status.APPROVED, "A")
    path = bank.path_for(bank.find(ids[1]).article_id)
    answer = bank.find(ids[1]).question.answer
    path.write_text(path.read_text(encoding="utf-8").replace(f"answer: {answer}", "answer: Sửa tay", 1),
                    encoding="utf-8")  # fmt: skip
    (top / "out").mkdir()
    (top / "out").chmod(0o777)  # the reader may be another user
    try:
        yield top
    finally:
        for p in [top, *top.rglob("*")]:
            p.chmod(0o755 if p.is_dir() else 0o644)
        shutil.rmtree(top)


def test_read_only_bank_reads_and_refuses_writes_clearly(shared: Path, reader: Reader) -> None:
    how, run = reader.how, reader.run
    print(f"read-only bank tested as: {how}")
    bank_dir = shared / "question_bank"
    shutil.rmtree(bank_dir / STATE_DIR)  # no cache to help: the read path must stand alone
    _make_read_only(bank_dir)
    before = _tree(bank_dir), _snapshot(bank_dir)
    first = next(loc.question.id for loc in Bank(bank_dir).iter_questions() if loc.question.status == "draft")
    for args in (["list"], ["stats"], ["show", first], ["export", "json", "out/bank.json", "--status", "all"],
                 ["export", "anki", "out/deck.apkg"]):  # fmt: skip
        code, out, err = run(*args, cwd=shared)
        assert code == 0, (how, args, out, err)
        assert "Traceback" not in err and "cache" not in err.lower()
        if args[0] in ("list", "stats", "export"):  # the hand edit is still caught, just not recorded
            assert "chỉ cho đọc nên chưa ghi lại" in err, (args, err)
    approved = run("export", "json", "out/approved.json", cwd=shared)
    assert approved[0] == 0 and '"status": "approved"' in (shared / "out/approved.json").read_text("utf-8")
    assert (shared / "out/approved.json").read_text("utf-8").count('"id"') == 1  # the hand-edited one is out
    write(shared / "out" / "new.txt", (shared / "seeds").joinpath(sorted(os.listdir(shared / "seeds"))[0])
          .read_text("utf-8"))  # fmt: skip
    for args in (["approve", first], ["reject", first, "--reason", "mơ hồ"], ["edit", first, "--answer", "X"],
                 ["review"], ["generate", "out/new.txt"]):  # fmt: skip
        code, out, err = run(*args, cwd=shared)
        assert code == 1, (how, args, out, err)
        assert "chỉ cho đọc" in err and "Traceback" not in err, (args, err)
    assert (_tree(bank_dir), _snapshot(bank_dir)) == before


def test_a_read_only_export_file_is_not_overwritten(shared: Path, reader: Reader) -> None:
    target = shared / "out" / "bank.json"
    write(target, "bản cũ\n")
    target.chmod(0o444)  # a normal `>` redirect would fail on it: so does quizgen
    code, out, err = reader.run("export", "json", "out/bank.json", cwd=shared)
    assert code == 1 and "không có quyền ghi" in err and "Traceback" not in err, (reader.how, out, err)
    assert target.read_text(encoding="utf-8") == "bản cũ\n"
    assert sorted(p.name for p in (shared / "out").iterdir()) == ["bank.json"]


def test_read_only_mount_even_for_root(shared: Path) -> None:
    """A read-only bind mount (EROFS): no user, root included, can write; reads still work."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare for a private read-only bind mount")
    bank = shared / "question_bank"
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("no mount namespaces here")
    before = _snapshot(bank)
    first = next(loc.question.id for loc in Bank(bank).iter_questions() if loc.question.status == "draft")
    q = f"{sys.executable} -m quizgen"
    script = (
        f"mount --bind {bank} {bank} && mount -o remount,bind,ro {bank} && "
        f"{q} stats >/dev/null && {q} export json out/b.json --status all >/dev/null && "
        f"{q} approve {first}; echo EXIT=$?"
    )
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=shared, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert "EXIT=1" in done.stdout and "chỉ cho đọc" in done.stderr, (done.stdout, done.stderr)
    assert _snapshot(bank) == before and (shared / "out/b.json").is_file()


def test_a_teammates_read_only_lock_file_still_locks(shared: Path, reader: Reader) -> None:
    """.quizgen/lock created by a teammate with umask 022 (0644): flock needs no write access."""
    how, run = reader.how, reader.run
    bank_dir = shared / "question_bank"
    lock = bank_dir / STATE_DIR / "lock"
    assert lock.is_file()
    if reader.uid is not None:  # the bank is this user's; the lock stays the teammate's (root's)
        for p in [bank_dir, *bank_dir.rglob("*")]:
            if p != lock:
                os.chown(p, reader.uid, -1)
    lock.chmod(0o444)
    first = next(loc.question.id for loc in Bank(bank_dir).iter_questions() if loc.question.status == Status.DRAFT)
    code, out, err = run("approve", first, "--reviewer", "B", cwd=shared)
    assert code == 0, (how, out, err)
    assert Bank(bank_dir).find(first).question.status == Status.APPROVED


# --- git ------------------------------------------------------------------------------------


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1",
           "HOME": str(repo)}  # fmt: skip
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    ).stdout


def test_nothing_changed_rewrites_nothing(seeds: Path, bank_dir: Path, invoke: Invoke) -> None:
    generate([seeds], Bank(bank_dir))
    bank = Bank(bank_dir)
    ids = [loc.question.id for loc in bank.iter_questions()]
    decide(bank, ids[:1], Status.APPROVED, "A")
    text = bank.find(ids[0]).question.question
    before = _snapshot(bank_dir)
    for args in (["generate", seeds], ["list"], ["stats"], ["export", "json", bank_dir.parent / "o.json"],
                 ["edit", ids[0], "--question", text, "--approve"], ["edit", ids[1], "--question",
                 bank.find(ids[1]).question.question]):  # fmt: skip
        result = invoke(*args, "--bank", bank_dir)
        assert result.exit_code == 0, (args, result.output)
        assert _snapshot(bank_dir) == before, args


def test_files_have_stable_key_order_and_one_block_per_question(seeds: Path, bank_dir: Path) -> None:
    from quizgen.models import Question

    generate([seeds], Bank(bank_dir))
    keys = list(Question.model_fields)
    for path in bank_dir.glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        blocks = [i for i, line in enumerate(lines) if line.startswith("- id: q-")]
        assert len(blocks) == len(Bank(bank_dir).load(path.stem).questions)
        for start, end in zip(blocks, [*blocks[1:], len(lines)], strict=True):
            seen = [ln[2:].split(":")[0] for ln in lines[start:end] if ln.startswith(("- ", "  ")) and
                    not ln.startswith(("  - ", "    ")) and ":" in ln]  # fmt: skip
            assert seen == [k for k in keys if k in seen], seen  # model order, whatever is present


def test_two_trainers_branches_merge_without_conflict(seeds: Path, tmp_path: Path, invoke: Invoke) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(seeds, repo / "seeds")
    _git(repo, "init", "-q", "-b", "main")
    assert invoke("generate", repo / "seeds", "--bank", repo / "question_bank").exit_code == 0
    _git(repo, "add", "-A")
    assert STATE_DIR not in _git(repo, "status", "--porcelain", "--ignored=no")
    _git(repo, "commit", "-qm", "drafts")
    bank = Bank(repo / "question_bank")
    article = bank.article_ids()[0]
    first, second, third = [q.id for q in bank.load(article).questions][:3]  # neighbours in one file
    _git(repo, "checkout", "-qb", "trainer-a")
    assert invoke("approve", first, "--bank", bank.root, "--reviewer", "A").exit_code == 0
    assert invoke("edit", third, "--answer", bank.find(third).question.answer, "--question",
                  bank.find(third).question.question, "--bank", bank.root).exit_code == 0  # fmt: skip
    _git(repo, "commit", "-qam", "A approves")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "checkout", "-qb", "trainer-b")
    assert invoke("reject", second, "--reason", "mơ hồ", "--bank", bank.root, "--reviewer", "B").exit_code == 0
    _git(repo, "commit", "-qam", "B rejects")
    _git(repo, "checkout", "-q", "trainer-a")
    _git(repo, "merge", "-q", "--no-edit", "trainer-b")  # check=True: a conflict fails the test
    merged = Bank(bank.root)
    assert merged.find(first).question.status == Status.APPROVED
    assert merged.find(second).question.status == Status.REJECTED
    assert merged.find(third).question.status == Status.DRAFT
    assert _git(repo, "status", "--porcelain") == ""  # lock and cache never show up in git
    result = invoke("list", "--bank", bank.root)
    assert result.exit_code == 0 and "Cảnh báo" not in result.output


def test_a_state_folder_left_bare_by_a_kill_gets_its_gitignore(tmp_path: Path) -> None:
    from tests.test_bank import _file

    bank = Bank(tmp_path / "bank")
    (bank.root / STATE_DIR).mkdir(parents=True)  # killed between mkdir and writing .gitignore
    bank.save(_file("a1"))
    assert (bank.root / STATE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_a_writer_killed_while_holding_the_lock_blocks_nobody(seeds: Path, bank_dir: Path, invoke: Invoke) -> None:
    import signal

    generate([seeds], Bank(bank_dir))
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: take the lock and die holding it
        with Bank(bank_dir).locked():
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status)
    qid = next(loc.question.id for loc in Bank(bank_dir).iter_questions())
    done = subprocess.run([sys.executable, "-m", "quizgen", "approve", qid, "--bank", str(bank_dir),
                           "--reviewer", "B"], capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_llm_reply_cache_keeps_out_of_git_and_out_of_the_way(tmp_path: Path) -> None:
    """The LLM drafter's replies go to .quizgen/llm-cache/: ignored by git; skipped when not writable."""
    from quizgen.drafters.config import LlmSettings
    from quizgen.drafters.llm import LlmDrafter, Request

    bank = tmp_path / "question_bank"
    drafter = LlmDrafter(LlmSettings(url="http://127.0.0.1:9/v1", model="m"), cache_dir=bank / STATE_DIR / "llm-cache")
    request = Request(article_id="a1", index=1, count=1, prompt="p")
    drafter._remember(request, "{}")
    assert (bank / STATE_DIR / ".gitignore").is_file() and drafter._cached(request) == "{}"
    blocked = LlmDrafter(LlmSettings(url="http://127.0.0.1:9/v1", model="m"), cache_dir=tmp_path / "file" / "x")
    write(tmp_path / "file", "not a folder")
    blocked._remember(request, "{}")  # no error: a cache is only an accelerator
