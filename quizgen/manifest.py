"""The quiz manifest, ``quiz.json``: what was printed, version by version.

`export pdf` writes it beside the PDFs; `results template` and `grade` read only this
file and the results, never the bank's shuffle, so a quiz can be graded even after the
bank has changed. ``hash`` covers everything that decides the marks (versions, numbers,
ids, options, keys, points), not the date, so re-exporting the same quiz gives the same
hash and a results sheet for another quiz is caught.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from quizgen.errors import QuizgenError
from quizgen.fileio import atomic_write_bytes

SCHEMA = "quizgen.quiz/1"
LETTERS = "ABCDEFGH"


class ManifestError(QuizgenError):
    """quiz.json is missing, mangled or not a quizgen quiz."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ManifestItem(_Strict):
    number: int = Field(ge=1)
    id: str
    format: Literal["mcq", "true_false", "cloze", "short_answer"]
    options: dict[str, str] | None = None  # printed letter -> option text (mcq and true/false)
    correct: str  # printed letter (mcq, true/false) or the answer text (cloze, short answer)
    accept: list[str] = Field(default_factory=list)  # other accepted answers for written answers
    points: float = 1.0

    @property
    def is_choice(self) -> bool:
        return self.format in ("mcq", "true_false")


class ManifestVersion(_Strict):
    label: str
    questions: list[ManifestItem]


class QuizManifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: Literal["quizgen.quiz/1"] = Field(default="quizgen.quiz/1", alias="schema")
    title: str
    date: str
    seed: int
    hash: str
    lang: str = "vi"
    versions: list[ManifestVersion]

    def version(self, label: str) -> ManifestVersion | None:
        for v in self.versions:
            if v.label == label:
                return v
        return None

    @property
    def question_count(self) -> int:
        return max((len(v.questions) for v in self.versions), default=0)

    def item_ids(self) -> list[str]:
        """Bank ids in the first version's order: the order of the per-question report."""
        seen: dict[str, None] = {}
        for v in self.versions:
            for item in v.questions:
                seen.setdefault(item.id, None)
        return list(seen)

    @property
    def max_points(self) -> float:
        return sum(i.points for i in self.versions[0].questions) if self.versions else 0.0


def content_hash(title: str, seed: int, versions: list[ManifestVersion]) -> str:
    payload = json.dumps(
        {"title": title, "seed": seed, "versions": [v.model_dump(mode="json") for v in versions]},
        ensure_ascii=False,
        sort_keys=True,
    )
    return "sha256:" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def build_manifest(
    title: str, date: str, seed: int, lang: str, versions: list[ManifestVersion]
) -> QuizManifest:
    return QuizManifest(
        title=title, date=date, seed=seed, lang=lang, versions=versions,
        hash=content_hash(title, seed, versions),
    )  # fmt: skip


def accepted_aliases(answer: str) -> list[str]:
    """Other spellings a trainer would accept: "Liên hợp quốc (LHQ)" also as "Liên hợp quốc" and "LHQ"."""
    found = re.fullmatch(r"\s*(.+?)\s*\(([^()]+)\)\s*", answer)
    if not found:
        return []
    return [a for a in (found.group(1), found.group(2)) if a.strip() and a != answer]


def write_manifest(manifest: QuizManifest, path: Path) -> None:
    text = json.dumps(manifest.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2)
    atomic_write_bytes(path, (text + "\n").encode("utf-8"))


def read_manifest(path: Path) -> QuizManifest:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ManifestError(
            "không thấy tệp đề; quiz.json được ghi cạnh quiz.pdf khi chạy quizgen export pdf.", path=path
        ) from None
    except (UnicodeDecodeError, IsADirectoryError):
        raise ManifestError("không phải tệp quiz.json do quizgen export pdf ghi.", path=path) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"JSON hỏng ({exc.msg}).", path=path, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ManifestError(f'không phải tệp đề của quizgen (cần "schema": "{SCHEMA}").', path=path)
    try:
        manifest = QuizManifest.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise ManifestError(f"trường '{where}': {err['msg']}.", path=path) from None
    if not manifest.versions:
        raise ManifestError("tệp đề không có đề nào.", path=path)
    if manifest.hash != content_hash(manifest.title, manifest.seed, manifest.versions):
        raise ManifestError(
            "nội dung tệp đề không khớp mã băm của nó (tệp đã bị sửa tay?); xuất lại đề hoặc khôi phục tệp.",
            path=path,
        )
    return manifest
