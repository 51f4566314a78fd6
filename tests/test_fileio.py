"""File modes: every file quizgen writes gets what a normal write would give, and keeps it on rewrite."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.bank import CACHE_NAME, LOCK_NAME, STATE_DIR, Bank
from quizgen.fileio import (
    WriteError,
    atomic_write_text,
    is_temp_name,
    remove_stale_temp_files,
    stale_temp_files,
    temp_path,
)
from quizgen.generate import generate
from quizgen.models import Status
from quizgen.review import decide
from tests.conftest import Invoke


@pytest.fixture(params=[0o002, 0o022], ids=["umask002", "umask022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _other_group() -> int | None:
    """A group this process may give a file that is not its own primary group (any, for root)."""
    if os.geteuid() == 0:
        return 100 if os.getegid() != 100 else 101
    others = [g for g in os.getgroups() if g != os.getegid()]
    return others[0] if others else None


def test_every_written_file_gets_the_umask_mode(umask: int, seeds: Path, tmp_path: Path, invoke: Invoke) -> None:
    bank_dir = tmp_path / "shared" / "question_bank"
    file_mode, dir_mode = 0o666 & ~umask, 0o777 & ~umask
    generate([seeds], Bank(bank_dir))
    bank = Bank(bank_dir)
    qid = next(loc.question.id for loc in bank.iter_questions())
    decide(bank, [qid], Status.APPROVED, "T")  # a rewrite of a file quizgen created
    written = sorted(bank_dir.glob("*.yaml"))
    assert len(written) == 2
    for path in [*written, bank_dir / CACHE_NAME, bank_dir / LOCK_NAME, bank_dir / STATE_DIR / ".gitignore"]:
        assert _mode(path) == file_mode, path
    for folder in (bank_dir.parent, bank_dir, bank_dir / STATE_DIR):
        assert _mode(folder) == dir_mode, folder
    out = tmp_path / "out"
    for command, name in EXPORTS.items():
        result = invoke("export", command, out / name, "--bank", bank_dir)
        assert result.exit_code == 0, (command, result.output)
        assert _mode(out / name) == file_mode, command
    assert _mode(out) == dir_mode
    assert sorted(p.name for p in out.iterdir()) == sorted(EXPORTS.values())  # no temp file left


# Every exporter but pdf (tested below, it is slow) with the file it writes. A new exporter
# fails test_every_exporter_is_checked until it is added here, and so gets its mode checked.
EXPORTS = {"json": "bank.json", "anki": "deck.apkg", "moodle": "quiz.xml", "gift": "quiz.gift"}


def test_every_exporter_is_checked() -> None:
    import typer.main

    from quizgen.cli import export_app

    commands = set(typer.main.get_command(export_app).commands)  # type: ignore[attr-defined]
    assert commands == {*EXPORTS, "pdf"}


@pytest.mark.slow
def test_pdf_export_gets_the_umask_mode(umask: int, seeds: Path, tmp_path: Path, invoke: Invoke) -> None:
    from quizgen.doctor import find_vietnamese_font

    if find_vietnamese_font() is None:
        pytest.skip("no Vietnamese serif font on this machine (make sysdeps installs one)")
    bank = Bank(tmp_path / "bank")
    generate([seeds], bank)
    decide(bank, [loc.question.id for loc in bank.iter_questions()][:3], Status.APPROVED, "T")
    result = invoke("export", "pdf", tmp_path / "out", "--bank", bank.root)
    assert result.exit_code == 0, result.output
    for name in ("quiz.pdf", "answer-key.pdf", "quiz.json"):
        assert _mode(tmp_path / "out" / name) == 0o666 & ~umask
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["answer-key.pdf", "quiz.json", "quiz.pdf"]


def test_rewrite_keeps_a_group_writable_files_mode_and_group(
    umask: int, seeds: Path, bank_dir: Path, tmp_path: Path, invoke: Invoke
) -> None:
    group = _other_group()
    if group is None:
        pytest.skip("this user belongs to no second group to give the file")
    generate([seeds], Bank(bank_dir))
    bank = Bank(bank_dir)
    target = sorted(bank_dir.glob("*.yaml"))[0]
    os.chown(target, -1, group)
    os.chmod(target, 0o660)  # shared with the trainers' group, hidden from others
    qid = next(loc.question.id for loc in bank.iter_questions() if loc.article_id == target.stem)
    before = target.stat().st_ino
    assert invoke("approve", qid, "--bank", bank_dir, "--reviewer", "T").exit_code == 0
    after = target.stat()
    assert after.st_ino != before  # really rewritten (atomic rename), not patched in place
    assert (stat.S_IMODE(after.st_mode), after.st_gid) == (0o660, group)
    out = tmp_path / "bank.json"
    assert invoke("export", "json", out, "--bank", bank_dir).exit_code == 0
    os.chown(out, -1, group)
    os.chmod(out, 0o664)
    assert invoke("export", "json", out, "--bank", bank_dir, "--status", "all").exit_code == 0
    assert (_mode(out), out.stat().st_gid) == (0o664, group)


def test_a_read_only_export_is_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "bank.json"
    atomic_write_text(out, "cũ\n")
    out.chmod(0o444)
    if os.access(out, os.W_OK):
        pytest.skip("root ignores the mode here")
    with pytest.raises(WriteError, match="không có quyền ghi"):
        atomic_write_text(out, "mới\n")
    assert out.read_text(encoding="utf-8") == "cũ\n"


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_writers_temp_file_is_ignored_then_removed(tmp_path: Path) -> None:
    bank = Bank(tmp_path / "bank")
    from tests.test_bank import _file

    bank.save(_file("a1"))
    live = temp_path(bank.path_for("a1"))  # ours, this very process: alive
    dead = live.with_name(live.name.replace(f".{os.getpid()}.", f".{_dead_pid()}."))
    other_host = live.with_name(live.name.replace(live.name.split(".")[3], "otherhost"))
    for path in (live, dead, other_host):
        path.write_text("half a fil", encoding="utf-8")
        assert is_temp_name(path.name)
    assert bank.article_ids() == ["a1"] and len(bank.load_all()) == 1  # readers never see them
    assert stale_temp_files(bank.root) == [dead]
    with bank.locked():  # the next writer cleans up
        pass
    assert not dead.exists() and live.exists() and other_host.exists()
    old = os.stat(other_host).st_mtime - 2 * 24 * 3600
    os.utime(other_host, (old, old))
    assert remove_stale_temp_files(bank.root) == 1 and not other_host.exists()


def test_a_symlinked_target_is_written_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "deck.json"
    atomic_write_text(real, "cũ\n")
    link = tmp_path / "out" / "deck.json"
    link.parent.mkdir()
    link.symlink_to(real)
    atomic_write_text(link, "mới\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "mới\n"


def test_a_rewrite_keeps_the_files_access_acl(tmp_path: Path) -> None:
    """`setfacl -m u:1234:rw` on a bank file survives quizgen's rewrite, as it would an in-place write."""
    import struct

    target = tmp_path / "a1.yaml"
    atomic_write_text(target, "cũ\n")
    entries = [(0x01, 6, 0xFFFFFFFF), (0x02, 6, 1234), (0x04, 4, 0xFFFFFFFF), (0x10, 6, 0xFFFFFFFF),
               (0x20, 0, 0xFFFFFFFF)]  # user::rw- user:1234:rw- group::r-- mask::rw- other::---  # fmt: skip
    acl = struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)
    try:
        os.setxattr(target, "system.posix_acl_access", acl)
    except (OSError, AttributeError):
        pytest.skip("no POSIX ACLs on this filesystem")
    atomic_write_text(target, "mới\n")
    assert os.getxattr(target, "system.posix_acl_access") == acl
    assert _mode(target) == 0o660 and target.read_text(encoding="utf-8") == "mới\n"


def test_writing_over_a_folder_says_so(tmp_path: Path, invoke: Invoke, seeds: Path) -> None:
    bank = Bank(tmp_path / "bank")
    generate([seeds], bank)
    (tmp_path / "out.json").mkdir()
    result = invoke("export", "json", tmp_path / "out.json", "--bank", bank.root, "--status", "all")
    assert result.exit_code == 1 and "là một thư mục" in result.output and "Traceback" not in result.output
