"""The question bank: one YAML file per article under ``question_bank/``.

Every change is a read-modify-write done under one lock for the whole bank, and
every write is atomic (temporary file, fsync, rename; see ``quizgen.fileio``), so
two quizgen processes never lose each other's changes and a crash never leaves half
a file. A file that fails validation is reported with its line and never written over.

Readers take no lock: a rename is atomic, so a reader sees each file whole, and a
bank the user may only read (a shared folder, a read-only mount) still lists, shows,
counts and exports. quizgen's own state (the lock and the parse cache) lives in
``<bank>/.quizgen/``, which ignores itself in git; only writers create it, and a
reader that cannot write it simply goes without the cache.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from quizgen.errors import BankError, NotFoundError, ReadOnlyBankError
from quizgen.fileio import WriteError, ensure_dir, remove_stale_temp_files
from quizgen.fileio import atomic_write_text as atomic_write_text  # re-exported: exporters import it here
from quizgen.models import BankFile, Question

try:
    _Loader: Any = yaml.CSafeLoader
    _Dumper: Any = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper

STATE_DIR = ".quizgen"
LOCK_NAME = f"{STATE_DIR}/lock"
CACHE_NAME = f"{STATE_DIR}/cache.json"
LEGACY_CACHE = ".cache.json"  # where versions before 0.2 kept the cache: removed by the next writer
STATE_GITIGNORE = "# quizgen: khóa và bộ nhớ đệm của ngân hàng câu hỏi; không đưa vào git.\n*\n"
PARALLEL_PARSE = 200  # below this many files to parse, starting worker processes costs more than it saves
CACHE_SCHEMA = "quizgen.bank-cache/1"

_PYDANTIC_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong lược đồ (gõ sai tên trường?)",
    "enum": "giá trị không hợp lệ",
    "literal_error": "giá trị không hợp lệ",
    "string_pattern_mismatch": "sai định dạng",
    "string_too_short": "không được để trống",
    "string_type": "phải là một chuỗi văn bản",
    "list_type": "phải là một danh sách",
    "float_parsing": "phải là một số",
    "bool_parsing": "phải là true hoặc false",
    "model_type": "phải là một khối 'khóa: giá trị'",
}


@dataclass(frozen=True)
class Located:
    """A question together with the article file it lives in."""

    article_id: str
    question: Question


def dump_yaml(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=4096,
        default_flow_style=False,
    )


def _line_of(text: str, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the YAML node a pydantic error location points to."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    line = None if node is None else node.start_mark.line + 1
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
        line = node.start_mark.line + 1
    return line


def _describe(err: Any, data: Any) -> str:
    loc = tuple(err["loc"])
    parts: list[str] = []
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        qid = None
        with contextlib.suppress(Exception):
            qid = data["questions"][loc[1]].get("id")
        parts.append(f"câu hỏi {qid or '#' + str(loc[1] + 1)}")
        field = ".".join(str(p) for p in loc[2:])
    else:
        field = ".".join(str(p) for p in loc)
    message = _PYDANTIC_MESSAGES.get(err["type"], err["msg"])
    if err["type"] in ("enum", "literal_error"):
        expected = err.get("ctx", {}).get("expected")
        if expected:
            message += f" (chọn một trong: {expected})"
    if field:
        parts.append(f"trường '{field}'")
    return ", ".join(parts) + f": {message}. Sửa tệp rồi chạy lại."


def parse_bank_text(text: str, path: Path) -> BankFile:
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BankError(
            f"YAML hỏng ({getattr(exc, 'problem', None) or exc}); sửa tệp (xem dòng đã nêu) "
            "hoặc khôi phục bằng git.",
            path=path,
            line=None if mark is None else mark.line + 1,
        ) from exc
    if not isinstance(data, dict):
        raise BankError(
            "tệp ngân hàng câu hỏi phải bắt đầu bằng các khóa schema, article, questions.",
            path=path,
            line=1,
        )
    try:
        bank_file = BankFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise BankError(_describe(err, data), path=path, line=_line_of(text, tuple(err["loc"]))) from exc
    if bank_file.article.id != path.stem:
        raise BankError(
            f"mã bài báo '{bank_file.article.id}' không khớp tên tệp '{path.name}'.",
            path=path,
            line=_line_of(text, ("article", "id")),
        )
    seen: set[str] = set()
    for index, question in enumerate(bank_file.questions):
        if question.id in seen:
            raise BankError(
                f"mã câu hỏi {question.id} xuất hiện hai lần trong tệp.",
                path=path,
                line=_line_of(text, ("questions", index, "id")),
            )
        seen.add(question.id)
    return bank_file


def serialize(bank_file: BankFile) -> str:
    data = bank_file.model_dump(mode="json", by_alias=True, exclude_none=True)
    return dump_yaml(data)


def ensure_state_dir(state: Path) -> None:
    """Create a bank's ``.quizgen/`` with the .gitignore that keeps it out of git (WriteError if not)."""
    if (state / ".gitignore").is_file():  # not the folder: a writer killed in between leaves it bare
        return
    ensure_dir(state)
    atomic_write_text(state / ".gitignore", STATE_GITIGNORE, make_parents=False)


def _parse_path(path: Path) -> BankFile:
    """Worker for Bank._parse_many: read and validate one file."""
    return Bank(path.parent).load(path.stem)


class Bank:
    """A folder of article files. Cheap to create; reads happen on demand."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock_depth = 0

    def path_for(self, article_id: str) -> Path:
        return self.root / f"{article_id}.yaml"

    def article_ids(self) -> list[str]:
        if not self.root.exists():
            return []
        if not self.root.is_dir():
            raise BankError("không phải là thư mục ngân hàng câu hỏi.", path=self.root)
        return sorted(p.stem for p in self.root.glob("*.yaml") if not p.name.startswith("."))

    def article_file(self, bank_file: BankFile) -> Path | None:
        """The article's source file: its recorded path from here, else from the bank's parent."""
        recorded = Path(bank_file.article.path)
        for candidate in (recorded, self.root.parent / recorded):
            if candidate.is_file():
                return candidate
        return None

    def exists(self, article_id: str) -> bool:
        return self.path_for(article_id).is_file()

    def load(self, article_id: str) -> BankFile:
        path = self.path_for(article_id)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise NotFoundError(
                f"không có bài báo '{article_id}' trong ngân hàng câu hỏi {self.root}."
            ) from exc
        except UnicodeDecodeError as exc:
            raise BankError("tệp không phải UTF-8; khôi phục bằng git.", path=path) from exc
        return parse_bank_text(text, path)

    def _read_cache(self) -> dict[str, Any]:
        try:
            cache = json.loads((self.root / CACHE_NAME).read_text(encoding="utf-8"))
            entries = cache["files"] if cache.get("schema") == CACHE_SCHEMA else {}
            return entries if isinstance(entries, dict) else {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def _write_cache(self, entries: dict[str, Any]) -> None:
        """Best effort: a bank this user cannot write, or one no writer has touched yet, goes without."""
        state = self.root / STATE_DIR
        if not os.access(state, os.W_OK | os.X_OK):
            return
        payload = json.dumps({"schema": CACHE_SCHEMA, "files": entries}, ensure_ascii=False)
        with contextlib.suppress(WriteError, OSError):
            atomic_write_text(self.root / CACHE_NAME, payload, make_parents=False)

    @staticmethod
    def _stat_key(st: os.stat_result) -> list[int]:
        # Every write is a rename, so a new file is a new inode; with ctime, a hand edit that
        # keeps the size within one clock tick (or a `touch -m` back in time) is still seen.
        return [st.st_mtime_ns, st.st_size, st.st_ino, st.st_ctime_ns]

    def _cache_entry(self, bank_file: BankFile) -> dict[str, Any] | None:
        try:
            st = self.path_for(bank_file.article.id).stat()
        except FileNotFoundError:
            return None
        return {"key": self._stat_key(st), "data": bank_file.model_dump(mode="json", by_alias=True)}

    def remember(self, bank_files: list[BankFile]) -> None:
        """Put files just written into the parse cache, so the next read need not parse them."""
        entries = self._read_cache()
        for bank_file in bank_files:
            entry = self._cache_entry(bank_file)
            if entry is not None:
                entries[bank_file.article.id] = entry
        self._write_cache(entries)

    def _load_cached(self, article_ids: list[str]) -> list[BankFile]:
        """Load every file, reusing the parsed copy in CACHE_NAME when the file is unchanged.

        Parsing YAML dominates reading a large bank; the cache is keyed by each file's
        modification time and size, so a hand edit or any write invalidates that entry.
        It is only an accelerator: a missing or broken cache is rebuilt, never trusted.
        """
        entries = self._read_cache()
        found: dict[str, BankFile] = {}
        misses: list[str] = []
        for article_id in article_ids:
            try:
                st = self.path_for(article_id).stat()
            except FileNotFoundError:
                misses.append(article_id)  # load() reports it properly
                continue
            entry = entries.get(article_id)
            if isinstance(entry, dict) and entry.get("key") == self._stat_key(st):
                try:
                    found[article_id] = BankFile.model_validate(entry["data"])
                    continue
                except (ValidationError, KeyError):
                    pass
            misses.append(article_id)
        found.update(zip(misses, self._parse_many(misses), strict=True))
        fresh = {a: entries[a] for a in article_ids if a not in misses}
        for article_id in misses:
            entry = self._cache_entry(found[article_id])
            if entry is not None:
                fresh[article_id] = entry
        if misses or len(fresh) != len(entries):
            self._write_cache(fresh)
        return [found[a] for a in article_ids]

    def _parse_many(self, article_ids: list[str]) -> list[BankFile]:
        """Parse files, over several processes when there are many (a cold cache on a big bank)."""
        workers = min(os.cpu_count() or 1, 4)
        if len(article_ids) < PARALLEL_PARSE or workers < 2:
            return [self.load(a) for a in article_ids]
        paths = [self.path_for(a) for a in article_ids]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_parse_path, paths, chunksize=32))

    def load_all(self) -> list[BankFile]:
        files = self._load_cached(self.article_ids())
        owner: dict[str, str] = {}
        for bank_file in files:
            for question in bank_file.questions:
                other = owner.setdefault(question.id, bank_file.article.id)
                if other != bank_file.article.id:
                    raise BankError(
                        f"mã câu hỏi {question.id} có ở cả '{other}.yaml' và "
                        f"'{bank_file.article.id}.yaml'; đổi mã ở một trong hai tệp.",
                        path=self.path_for(bank_file.article.id),
                    )
        return files

    def iter_questions(self) -> Iterator[Located]:
        for bank_file in self.load_all():
            for question in bank_file.questions:
                yield Located(bank_file.article.id, question)

    def find(self, question_id: str) -> Located:
        for located in self.iter_questions():
            if located.question.id == question_id:
                return located
        raise NotFoundError(
            f"không có câu hỏi '{question_id}' trong {self.root} (xem danh sách bằng: quizgen list)."
        )

    def writable(self) -> bool:
        """Whether this user may write the bank (for a bank not created yet: create it)."""
        target = self.root
        while not target.exists() and target.parent != target:
            target = target.parent
        return os.access(target, os.W_OK | os.X_OK)

    def require_writable(self) -> None:
        """ReadOnlyBankError, before anything is done, when a command that must write cannot."""
        if not self.writable():
            raise ReadOnlyBankError(self.root)

    def _ensure_state(self) -> None:
        """Create ``.quizgen/`` (lock, cache) on the first write, with a .gitignore that ignores it."""
        try:
            ensure_state_dir(self.root / STATE_DIR)
        except WriteError as exc:
            if exc.read_only:
                raise ReadOnlyBankError(self.root) from exc
            raise

    def save(self, bank_file: BankFile) -> None:
        """Write one article file. Call inside ``locked()`` when it follows a read."""
        path = self.path_for(bank_file.article.id)
        self._ensure_state()
        try:
            atomic_write_text(path, serialize(bank_file))
        except WriteError as exc:
            if exc.read_only:
                raise ReadOnlyBankError(self.root, f"tệp {path.name} không ghi được") from exc
            raise

    def _open_lock(self) -> int:
        path = self.root / LOCK_NAME
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except PermissionError:
            # Created by a teammate whose umask left it read-only to us: flock needs no write access.
            try:
                return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError as exc:
                raise ReadOnlyBankError(self.root, f"không mở được {LOCK_NAME}") from exc
        except OSError as exc:
            raise WriteError(path, exc) from exc

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the bank's lock: one writer at a time across processes (and users of a shared folder).

        Only writers lock, so the lock lives with the state a writer creates anyway; a bank
        nobody may write is never locked. The lock is a flock on ``.quizgen/lock``: the
        kernel releases it when its holder dies, even by SIGKILL, so it never goes stale.
        Re-entrant for this Bank object, so a check and the writes that follow it can
        share one critical section (a second flock from the same process would block).
        """
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        self.require_writable()
        self._ensure_state()
        fd = self._open_lock()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            # Whatever a killed writer left behind is removed by the next one, under the lock.
            remove_stale_temp_files(self.root)
            remove_stale_temp_files(self.root / STATE_DIR)
            with contextlib.suppress(OSError):
                (self.root / LEGACY_CACHE).unlink()
            self._lock_depth = 1
            try:
                yield
            finally:
                self._lock_depth = 0
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def update(
        self, article_id: str, change: Callable[[BankFile | None], BankFile | None]
    ) -> BankFile | None:
        """Load the freshest copy under the lock, apply ``change``, write the result if it differs."""
        with self.locked():
            current = self.load(article_id) if self.exists(article_id) else None
            new = change(current)
            if new is not None and new != current:
                self.save(new)
            return new
