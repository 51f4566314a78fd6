"""Fault injection: quizgen commands killed with SIGKILL at random points, and the bank checked after each.

Each command runs in a child forked from this (already warm) process, on a pseudo-terminal,
exactly as `quizgen ...` would run in a trainer's terminal: same code, same files, same
output, but started in milliseconds, so hundreds of kills fit in a test run. Two kinds of
kill, chosen by a seeded RNG:

- at an operation: the child counts its file operations (every open, rename, unlink, chmod,
  chown, mkdir, directory scan, flock, xattr call through Python's audit hooks, and every
  fsync) and SIGKILLs itself just before the k-th, with k drawn between 1 and the number a
  clean run of that command makes: every window of every write is reachable;
- at a time: the parent SIGKILLs the child after a random delay (for the interactive
  review, a random delay after a random number of answered prompts).

After every run the bank must load (through the parse cache and without it, with the same
result); every question must be as before the run or exactly as the run meant to leave it,
and exactly as meant when the terminal had acknowledged it; decisions acknowledged by
earlier runs must still be there; a draft may turn stale and new drafts may appear only
through `generate`; temporary files left by a killed writer must be ones no reader looks
at, and gone once the next writer has run.

Run more kills than the test does with: python -m tests.crash_harness --kills 100 --seed 7
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import pty
import random
import re
import select
import shutil
import signal
import sys
import tempfile
import termios
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from quizgen.bank import STATE_DIR, Bank, parse_bank_text
from quizgen.fileio import is_temp_name
from quizgen.models import Question, Status

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r")
WATCHED = frozenset(
    {
        "open", "os.rename", "os.remove", "os.chmod", "os.chown", "os.mkdir", "os.scandir",
        "os.listdir", "fcntl.flock", "os.setxattr", "os.removexattr", "os.getxattr", "os.truncate",
    }
)  # fmt: skip
COMMANDS = ("generate", "approve", "edit", "review")
NEW_PARAGRAPH = (
    "Ngày 15/12/2026, tại Hà Nội, Đại tá Nguyễn Văn Bình, Cục trưởng Cục Hợp tác quốc tế, "
    "Bộ Công an đã tiếp đoàn công tác của Phái bộ UNMISS gồm 12 sĩ quan."
)
View = tuple[str, str, str, tuple[str, ...]]


def view(q: Question) -> View:
    return (q.status.value, q.question, q.answer, tuple(q.options or ()))


# --- running one command in a forked child on a pty -----------------------------------------


def _child(args: list[str], kill_at: int | None, report_ops: bool) -> NoReturn:
    code = 1
    try:
        os.environ.update({"NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"})
        with contextlib.suppress(termios.error):  # not a terminal after all: echo does not matter
            attrs = termios.tcgetattr(0)
            attrs[3] &= ~termios.ECHO
            termios.tcsetattr(0, termios.TCSANOW, attrs)
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
        sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
        sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", write_through=True)
        counter = [0]

        def tick() -> None:
            counter[0] += 1
            if counter[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

        def audit(event: str, _args: tuple[object, ...]) -> None:
            if event in WATCHED:
                tick()

        real_fsync = os.fsync

        def fsync(fd: Any) -> None:
            tick()
            real_fsync(fd)

        os.fsync = fsync
        sys.addaudithook(audit)
        command = _COMMAND[0] if _COMMAND else _build_command()
        try:
            command.main(args, standalone_mode=True, prog_name="quizgen")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if report_ops:
            sys.stdout.write(f"\n__OPS__={counter[0]}\n")
        sys.stdout.flush()
    except BaseException:
        traceback.print_exc()
        code = 99
    finally:
        os._exit(code)


@dataclass
class Outcome:
    output: str
    killed: bool
    exit_code: int | None
    ops: int | None = None


class Driver:
    """Answers the interactive review's prompts; may ask for a kill at a time after the n-th answer."""

    def reply(self, text: str) -> str | None:
        raise NotImplementedError

    kill_time: float | None = None


def run_command(
    args: list[str],
    *,
    kill_at: int | None = None,
    kill_after_s: float | None = None,
    driver: Driver | None = None,
    report_ops: bool = False,
    timeout: float = 60.0,
) -> Outcome:
    sys.stdout.flush()
    sys.stderr.flush()
    pid, master = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        _child(args, kill_at, report_ops)
    raw = b""
    start = time.monotonic()
    sent_kill = False
    try:
        while True:
            now = time.monotonic()
            due = kill_after_s is not None and now - start >= kill_after_s
            due = due or (driver is not None and driver.kill_time is not None and now >= driver.kill_time)
            if due and not sent_kill:
                os.kill(pid, signal.SIGKILL)
                sent_kill = True
            if now - start > timeout:
                os.kill(pid, signal.SIGKILL)
                raise AssertionError(f"quizgen {' '.join(args)} hung:\n{_clean(raw)}")
            ready, _, _ = select.select([master], [], [], 0.005)
            if not ready:
                continue
            try:
                data = os.read(master, 65536)
            except OSError:
                break  # EIO: the child is gone and its side of the terminal closed
            if not data:
                break
            raw += data
            if driver is not None and not sent_kill:
                answer = driver.reply(_clean(raw))
                if answer is not None:
                    os.write(master, answer.encode("utf-8"))
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(master)
    text = _clean(raw)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    ops = None
    if report_ops and (m := re.search(r"__OPS__=(\d+)", text)):
        ops = int(m[1])
    return Outcome(text, killed, None if killed else os.WEXITSTATUS(status), ops)


def _clean(raw: bytes) -> str:
    return ANSI.sub("", raw.decode("utf-8", errors="replace"))


# --- the interactive review's driver --------------------------------------------------------

_HEADER = re.compile(r"(\d+)/(\d+) · (q-[0-9a-f]+) · (\w+) · (\w+) · (\w+)")


class ReviewDriver(Driver):
    def __init__(self, rng: random.Random, actions: int, kill_after: int | None, text_for: Callable[[str], str]):
        self.rng = rng
        self.actions = actions
        self.kill_after = kill_after  # answered prompts before a timed kill
        self.text_for = text_for
        self.answered_at = 0
        self.answers = 0
        self.attempted: dict[str, tuple[str, str | None]] = {}  # id -> (status, new text or None)
        self.current: str | None = None
        self.editing: str | None = None

    def reply(self, text: str) -> str | None:
        fresh = text[self.answered_at :]
        last = fresh.rsplit("\n", 1)[-1]
        if not last.endswith(": "):
            return None
        answer = self._answer(text, last)
        if answer is None:
            return None
        self.answered_at = len(text)
        self.answers += 1
        if self.kill_after is not None and self.answers == self.kill_after and self.kill_time is None:
            self.kill_time = time.monotonic() + self.rng.uniform(0, 0.03)
        return answer + "\n"

    def _answer(self, text: str, prompt: str) -> str | None:
        if prompt.endswith("[?] trợ giúp: "):
            headers = _HEADER.findall(text)
            if not headers:
                return None
            _, _, qid, _, fmt, status = headers[-1]
            self.current = qid
            if self.actions <= 0:
                return "q"
            self.actions -= 1
            choice = self.rng.choices("ares", weights=[4, 2, 2, 2])[0]
            if choice == "e" and fmt not in ("mcq", "short_answer"):
                choice = "a"
            if choice == "a" and status != "approved":
                self.attempted[qid] = ("approved", None)
            elif choice == "e":
                self.editing = qid
            return choice
        if prompt.startswith("Lý do"):
            assert self.current is not None
            self.attempted[self.current] = ("rejected", None)
            return "2"
        if prompt.startswith("Câu hỏi ["):
            assert self.editing is not None
            new = self.text_for(self.editing)
            self.attempted[self.editing] = ("approved", new)
            return new
        if prompt.startswith(("Đáp án [", "Phương án nhiễu")):
            return ""
        if prompt.startswith("Chưa lưu"):
            return "h"
        return None


# --- the scenario ---------------------------------------------------------------------------


_COMMAND: list[Any] = []


def _build_command() -> Any:
    """The click command `quizgen` runs (typer builds it from the signatures: 70 ms worth keeping)."""
    import typer.main

    from quizgen.cli import app

    return typer.main.get_command(app)


def _warm_up(scratch: Path) -> None:
    """Import and load in this process what every command needs, so each forked child starts warm."""
    import rich.console  # noqa: F401  (the review's console)

    import quizgen.cli
    import quizgen.query
    import quizgen.review_session  # noqa: F401
    from quizgen.generate import generate

    generate([ROOT / "seeds"], Bank(scratch))  # gazetteer, extraction tables, caches
    if not _COMMAND:
        _COMMAND.append(_build_command())
    shutil.rmtree(scratch)


@dataclass
class Figures:
    kills: Counter[str] = field(default_factory=Counter)
    op_kills: Counter[str] = field(default_factory=Counter)
    time_kills: Counter[str] = field(default_factory=Counter)
    completed: Counter[str] = field(default_factory=Counter)
    acked_then_checked: int = 0
    temp_files_left: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        per = ", ".join(
            f"{c} {self.kills[c]} ({self.op_kills[c]} at an operation, {self.time_kills[c]} timed)"
            for c in COMMANDS
        )
        return (
            f"{sum(self.kills.values())} kills: {per}; {sum(self.completed.values())} runs completed; "
            f"{self.acked_then_checked} acknowledged changes checked; {self.temp_files_left} temp files left "
            f"by killed writers, all removed by the next writer; {self.seconds:.1f} s"
        )


class Scenario:
    def __init__(self, workdir: Path, seed: int, kills_per_command: int):
        self.rng = random.Random(seed)
        self.quota = kills_per_command
        self.figures = Figures()
        self.seeds = workdir / "seeds"
        shutil.copytree(ROOT / "seeds", self.seeds)
        self.bank = workdir / "question_bank"
        self.versions: dict[Path, tuple[str, str]] = {}
        for path in sorted(self.seeds.iterdir()):
            text = path.read_text(encoding="utf-8")
            paragraphs = text.split("\n\n")
            other = "\n\n".join([*paragraphs[:2], *paragraphs[3:], NEW_PARAGRAPH])
            self.versions[path] = (text, other)
        self.flip = 0
        if not _COMMAND:
            _warm_up(workdir / "warm-up")
        self.expected: dict[str, View] = {}  # acknowledged on the terminal at some point
        self.ops: dict[str, int] = {}
        self.last: dict[str, Question] | None = None  # the bank after the previous check
        self.tag = 0

    # .. the bank as it is ..

    def state(self) -> dict[str, Question]:
        files = Bank(self.bank).load_all()
        direct = [parse_bank_text(p.read_text(encoding="utf-8"), p) for p in sorted(self.bank.glob("*.yaml"))]
        assert files == direct, "the parse cache disagrees with the files"
        return {q.id: q for f in files for q in f.questions}

    def temp_files(self) -> list[Path]:
        found = []
        for folder in (self.bank, self.bank / STATE_DIR):
            if folder.is_dir():
                found += [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        return found

    # .. commands ..

    def _plan_kill(self, command: str) -> tuple[int | None, float | None]:
        if self.rng.random() < 0.7:
            return self.rng.randint(1, max(1, self.ops.get(command, 40))), None
        return None, self.rng.uniform(0.0, 0.25 if command == "generate" else 0.06)

    def _base(self, command: str) -> list[str]:
        return [command, "--bank", str(self.bank)] + (["--reviewer", "Kiểm thử"] if command != "generate" else [])

    def _text_for(self, old: str) -> str:
        self.tag += 1
        tag = "".join("abcdefghik"[int(d)] for d in str(self.tag))
        stem = re.sub(r"\s*\(phiên [a-k]+\)\?$", "?", old)
        return re.sub(r"\s*\?$", f" (phiên {tag})?", stem)

    def step(self, command: str, kill: bool) -> tuple[Outcome, str | None]:
        if self.rng.random() < 0.1:  # as a fresh `git clone` has it: no lock, no cache, no .gitignore yet
            shutil.rmtree(self.bank / STATE_DIR, ignore_errors=True)
        before = self.last if self.last is not None else self.state()
        kill_at, kill_after = self._plan_kill(command) if kill else (None, None)
        kind = None if not kill else ("op" if kill_at is not None else "timed")
        attempted: dict[str, View] = {}
        driver: ReviewDriver | None = None
        if command == "generate":
            self.flip += 1
            for path, versions in self.versions.items():
                path.write_text(versions[self.flip % 2], encoding="utf-8")
            args = ["generate", str(self.seeds), "--bank", str(self.bank)]
        elif command == "approve":
            pool = [q for q in before.values() if q.status != Status.APPROVED]
            chosen = self.rng.sample(pool, k=min(len(pool), self.rng.randint(1, 3)))
            args = [*self._base("approve"), *(q.id for q in chosen)]
            attempted = {q.id: ("approved", *view(q)[1:]) for q in chosen}
        elif command == "edit":
            pool = [
                q for q in before.values()
                if q.format.value in ("mcq", "short_answer") and q.status in (Status.DRAFT, Status.APPROVED)
            ]  # fmt: skip
            q = self.rng.choice(pool)
            approve = self.rng.random() < 0.5
            new = self._text_for(q.question)
            args = [*self._base("edit"), q.id, "--question", new, *(["--approve"] if approve else [])]
            status = "approved" if approve or q.status == Status.APPROVED else q.status.value
            attempted = {q.id: (status, new, q.answer, tuple(q.options or ()))}
        else:
            undecided = any(q.status in (Status.DRAFT, Status.STALE) for q in before.values())
            args = self._base("review") + ([] if undecided else ["--status", "approved"])
            actions = self.rng.randint(1, 5)
            driver = ReviewDriver(
                self.rng, actions, self.rng.randint(1, actions * 2) if kill_after is not None else None,
                lambda qid: self._text_for(before[qid].question),
            )  # fmt: skip
            kill_after = None
        outcome = run_command(args, kill_at=kill_at, kill_after_s=kill_after, driver=driver)
        if driver is not None:
            for qid, (status, text) in driver.attempted.items():
                q = before[qid]
                attempted[qid] = (status, text or q.question, q.answer, tuple(q.options or ()))
        self.check(command, before, attempted, outcome)
        return outcome, kind

    def acknowledged(self, command: str, output: str) -> set[str]:
        if command == "approve":
            return {i for m in re.findall(r"Đã duyệt \d+ câu: (.+)\.", output) for i in m.split(", ")}
        if command == "edit":
            return set(re.findall(r"Đã lưu (q-[0-9a-f]+) \(", output))
        if command == "review":
            return set(re.findall(r"Đã lưu (q-[0-9a-f]+):", output))
        return set()

    def check(self, command: str, before: dict[str, Question], attempted: dict[str, View], out: Outcome) -> None:
        context = f"{command} (killed={out.killed}, exit={out.exit_code}):\n{out.output[-3000:]}"
        if not out.killed:
            assert out.exit_code in (0, 1, 2), context
            assert "Traceback" not in out.output, context
        now = self.last = self.state()
        acked = self.acknowledged(command, out.output)
        for qid in acked:
            assert qid in attempted and view(now[qid]) == attempted[qid], f"acknowledged {qid} missing\n{context}"
        self.figures.acked_then_checked += len(acked)
        for qid, q in before.items():
            assert qid in now, f"{qid} lost\n{context}"
            seen = view(now[qid])
            if qid in attempted:
                assert seen in (view(q), attempted[qid]), f"{qid} torn: {seen}\n{context}"
            elif command == "generate" and q.status == Status.DRAFT:
                assert seen in (view(q), ("stale", *view(q)[1:])), f"{qid}: {seen}\n{context}"
            else:
                assert seen == view(q), f"{qid} changed by a run that did not touch it\n{context}"
        for qid, q in now.items():
            if qid not in before:
                assert command == "generate" and q.status == Status.DRAFT, f"{qid} appeared\n{context}"
        if command == "generate" and not out.killed:
            assert "Tổng: thêm" in out.output, context
        for qid, expected in self.expected.items():
            if qid not in attempted:
                seen = view(now[qid])
                assert seen == expected or (command == "generate" and seen == ("stale", *expected[1:])), (
                    f"earlier acknowledged {qid} lost\n{context}"
                )
        for qid in attempted:
            self.expected[qid] = view(now[qid])
        for qid in self.expected:
            self.expected[qid] = view(now[qid])
        temps = self.temp_files()
        assert all(is_temp_name(p.name) for p in temps), temps
        drafted = command == "generate" and re.search(r"^(?!Tổng)\S+: thêm \d+ câu nháp", out.output, re.M)
        wrote = not out.killed and out.exit_code == 0 and bool(acked or drafted)
        if wrote:
            assert temps == [], f"temp files survived a writer: {temps}"
            assert (self.bank / STATE_DIR / ".gitignore").is_file(), "lock and cache would show up in git"
        elif out.killed:
            self.figures.temp_files_left += len(temps)

    # .. the whole run ..

    def calibrate(self) -> None:
        self.step("generate", kill=False)
        for command in ("approve", "edit", "generate", "review"):
            before = self.state()
            q = next(q for q in before.values() if q.status == Status.DRAFT and q.format.value == "mcq")
            args = {
                "approve": [*self._base("approve"), q.id],
                "edit": [*self._base("edit"), q.id, "--question", self._text_for(q.question), "--approve"],
                "generate": ["generate", str(self.seeds), "--bank", str(self.bank)],
                "review": self._base("review"),
            }[command]
            if command == "generate":
                self.flip += 1
                for path, versions in self.versions.items():
                    path.write_text(versions[self.flip % 2], encoding="utf-8")

            def text_for(qid: str, known: dict[str, Question] = before) -> str:
                return self._text_for(known[qid].question)

            driver = ReviewDriver(random.Random(0), 3, None, text_for) if command == "review" else None
            outcome = run_command(args, report_ops=True, driver=driver)
            assert outcome.ops, outcome.output
            self.ops[command] = outcome.ops
            self.last = self.state()
            self.expected = {i: view(q) for i, q in self.last.items() if q.status != Status.DRAFT}

    def run(self) -> Figures:
        start = time.monotonic()
        self.calibrate()
        while any(self.figures.kills[c] < self.quota for c in COMMANDS):
            command = self.rng.choice([c for c in COMMANDS if self.figures.kills[c] < self.quota])
            outcome, kind = self.step(command, kill=self.rng.random() < 0.9)
            if outcome.killed:
                self.figures.kills[command] += 1
                (self.figures.op_kills if kind == "op" else self.figures.time_kills)[command] += 1
            else:
                self.figures.completed[command] += 1
        # recovery: the next clean commands work and leave nothing behind
        for command in COMMANDS:
            self.step(command, kill=False)
        final = run_command(["generate", str(self.seeds), "--bank", str(self.bank)])
        assert final.exit_code == 0 and "Tổng: thêm 0 câu" in final.output, final.output
        assert self.temp_files() == []
        self.figures.seconds = time.monotonic() - start
        return self.figures


def _one(job: tuple[Path, int, int]) -> Figures:
    workdir, seed, kills = job
    workdir.mkdir()
    return Scenario(workdir, seed, kills).run()


def run_scenarios(workdir: Path, seed: int, kills_per_command: int, workers: int | None = None) -> Figures:
    """Independent scenarios (own bank, own seed) side by side, one per core, their figures summed."""
    import multiprocessing

    workers = workers or max(1, min(2, os.cpu_count() or 1))
    _warm_up(workdir / "warm-up")  # once, here: every scenario and every child inherits it
    quotas = [kills_per_command // workers + (i < kills_per_command % workers) for i in range(workers)]
    jobs = [(workdir / f"scenario-{i}", seed * 1000 + i, q) for i, q in enumerate(quotas)]
    start = time.monotonic()
    if workers == 1:
        parts = [_one(jobs[0])]
    else:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_one, jobs)
    total = Figures()
    for part in parts:
        for name in ("kills", "op_kills", "time_kills", "completed"):
            getattr(total, name).update(getattr(part, name))
        total.acked_then_checked += part.acked_then_checked
        total.temp_files_left += part.temp_files_left
    total.seconds = time.monotonic() - start
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=55, help="kills per command")
    parser.add_argument("--seed", type=int, default=12)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(run_scenarios(Path(tmp), options.seed, options.kills).summary())


if __name__ == "__main__":
    main()
