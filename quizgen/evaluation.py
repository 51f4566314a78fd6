"""`quizgen eval GOLD.yaml`: how many of the facts a trainer wants asked the bank covers.

A gold fact counts as found when a question of its article has the gold answer
as its ``answer`` or its ``fact``, after normalisation (tone-mark placement,
case, dashes), allowing a leading "ngày" and a following unit either way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from quizgen.bank import Bank
from quizgen.checks import check_question
from quizgen.errors import BankError, UsageError
from quizgen.gazetteer import load_gazetteer
from quizgen.intake import read_article
from quizgen.models import QType, Status
from quizgen.normalize import fold_for_match

_UNITS = (
    "ngày",
    "tháng",
    "năm",
    "tuần",
    "giờ",
    "người",
    "đại biểu",
    "lãnh đạo",
    "học viên",
    "%",
    "ha",
)


class GoldFact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: str
    type: QType
    answer: str
    evidence: str
    question_vi: str | None = None


@dataclass(frozen=True)
class EvalReport:
    total: int
    found: int
    by_type: dict[str, tuple[int, int]]  # type -> (found, total)
    missed: tuple[GoldFact, ...]
    drafts: int
    drafts_passing: int
    problems: tuple[tuple[str, str], ...]  # (question id, problem)

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def pass_rate(self) -> float:
        return self.drafts_passing / self.drafts if self.drafts else 1.0

    @property
    def drafts_per_fact(self) -> float:
        return self.drafts / self.total if self.total else 0.0


_APPROXIMATE = re.compile(r"^(?:ít nhất|tối thiểu|trên|dưới|hơn|gần|khoảng|chừng|tới|đến|hàng)\s+(?=\d)")


_UNDER_A_POLICE = re.compile(
    r"^((?:phòng|đội|cơ quan|trung tâm|ban)\s.+?)\s*[,–-]?\s*\(?"
    r"công an (?:tỉnh|thành phố|tp\.?|quận|huyện|thị xã)\s[^()]+\)?$"
)


# A name (capitalised words after an optional lower-case rank or honorific) and then its post.
_PERSON_BESIDE_POST = re.compile(
    r"^((?:[A-ZĐÀ-Ỹa-zđà-ỹ]+\s){0,2}?(?:[A-ZĐÀ-Ỹ][\w.]*\s){1,4}[A-ZĐÀ-Ỹ]\w*)\s*(?:,|\s[-–])\s+\S"
)


def _a_person(name: str) -> bool:
    """ "Ông Võ Trọng Hải", "Đại tướng Lương Tam Quang", "Nguyễn Hồng Phong"; not "Hà Nội"."""
    gaz = load_gazetteer()
    folded = fold_for_match(name)
    titled = any(
        folded.startswith(fold_for_match(t) + " ") for t in (*gaz.all_ranks, "ông", "bà", "ngài", "đồng chí")
    )
    words = name.split()
    return titled or (len(words) >= 3 and words[0] in gaz.surnames)


def _variants(text: str) -> set[str]:
    base = fold_for_match(text)
    out = {base}
    # "từ 22-24/9", "trong các ngày 8 và 9-3": the preposition and "ngày" frame the same date.
    stripped = re.sub(r"^(?:(?:trong\s+)?(?:các|hai|những)\s+ngày\s+|từ\s+)?(?:ngày\s+)?", "", base)
    out.add(stripped)
    # "Đại tá Vũ Văn Tấn", "Đại tá, PGS.TS Vũ Văn Tấn" and "Vũ Văn Tấn": one person, asked with
    # or without the rank and degree.
    gaz = load_gazetteer()
    for rank in gaz.all_ranks:
        if re.match(rf"{re.escape(fold_for_match(rank))},?\s", base):
            out.add(re.sub(r"^(?:(?:pgs|gs|ts|ths)\.?(?:ts)?\.?\s+)", "", base[len(rank) :].lstrip(", ")))
    # "Thượng tá Nguyễn Hồng Phong, Giám đốc Công an tỉnh Hà Tĩnh": a person with the post set
    # beside the name is the person a draft names ("Ai là Giám đốc Công an tỉnh Hà Tĩnh?").
    named = _PERSON_BESIDE_POST.match(text.strip())
    if named and _a_person(named.group(1)):
        out |= _variants(named.group(1))
    # "khu vực bản Chiềng Xôm, xã Chiềng Cang" and "bản Chiềng Xôm, xã Chiềng Cang": one place.
    out.add(re.sub(r"^(?:khu vực|địa bàn)\s+", "", base))
    # "ông Trần Tư Nguyên", "đồng chí Vương Dụ Văn": the honorific is not part of the name.
    honoured = re.sub(r"^(?:ông|bà|ngài|đồng chí|đ/c)\s+", "", base)
    out.add(honoured)
    # "Thứ trưởng Bộ Công an Lê Quý Vương": a Vietnamese name after its holder's title names the
    # same person as the name alone.
    words = text.split()
    for at in range(len(words) - 2, 0, -1):
        if words[at] in gaz.surnames and all(w[:1].isupper() for w in words[at:]) and len(words) - at <= 4:
            head = fold_for_match(" ".join(words[:at]))
            if any(head.startswith(fold_for_match(t)) for t in gaz.titles):
                out.add(fold_for_match(" ".join(words[at:])))
            break
    # "Quyết định số 1137/QĐ-TTg ngày 13/6/2025", "Công điện số 281/CĐ-TTg của Thủ tướng Chính phủ":
    # a numbered document is the same with or without its date or issuer.
    if re.match(r"\S+(?:\s\S+)?\s+số\s+\d", base):
        out.add(re.sub(r"\s+(?:ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|của\s+[^,;()]{3,40})$", "", base))
    # "Sáng sớm ngày 15-8" and "ngày 15-8": the part of the day qualifies the same date.
    out.add(re.sub(r"^(?:sáng|chiều|tối|trưa|đêm)(?:\s+(?:sớm|muộn|nay))?\s+(?=ngày\s|\d)", "", base))
    # "Công an tỉnh Sê Kông (Lào)", "Phái bộ ... (UNMISS)": the bracket qualifies the same name.
    out.add(re.sub(r"\s*\([^()]*\)?$", "", base))
    # "Chương trình ... (WPS) 2024–2030": the programme's period and acronym qualify its name.
    out.add(re.sub(r"\s*\([^()]*\)?$", "", re.sub(r"\s+\d{4}\s*[–-]\s*\d{4}$", "", base)))
    # "Phòng Cảnh sát hình sự, Công an tỉnh Hà Tĩnh": a department is the same with or without the
    # police it belongs to, which a draft's stem names ("phòng nào của Công an tỉnh Hà Tĩnh").
    parent = _UNDER_A_POLICE.match(base)
    if parent:
        out.add(parent.group(1))
    # "ít nhất 5%", "khoảng 450 bị hại": a draft asks the number and keeps the "at least" or
    # "about" in its stem ("giảm ít nhất bao nhiêu phần trăm").
    approx = _APPROXIMATE.sub("", base)
    out.add(approx)
    for unit in _UNITS:
        for form in (base, stripped, approx):
            if form.endswith(" " + unit) or (unit == "%" and form.endswith(unit)):
                out.add(form[: -len(unit)].strip())
    return {v for v in out if v}


def answers_match(gold: str, candidate: str) -> bool:
    return bool(_variants(gold) & _variants(candidate))


def counts_match(gold: str, answer: str, fact: str) -> bool:
    """ "bao nhiêu sĩ quan?" -> "3" asks the gold "3 sĩ quan": the answer is the gold's number (with or
    without its "gần", "hơn") and the draft's counted phrase and the gold's share their words as far
    as the shorter goes, the counted noun at least ("gần 2.000 hội viên" asks "gần 2.000 hội viên
    phụ nữ"; "2 xe chữa cháy tới hiện trường" asks "2 xe chữa cháy")."""
    g, f = _APPROXIMATE.sub("", fold_for_match(gold)), _APPROXIMATE.sub("", fold_for_match(fact))
    a = _APPROXIMATE.sub("", fold_for_match(answer))
    if not a or not a[0].isdigit() or not g.startswith(a + " "):
        return False
    return f == g or f.startswith(g + " ") or (len(f.split()) > len(a.split()) and g.startswith(f + " "))


def load_gold(path: Path) -> list[GoldFact]:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageError(f"không tìm thấy tệp đáp án chuẩn {path}.") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BankError("YAML hỏng.", path=path, line=None if mark is None else mark.line + 1) from exc
    if not isinstance(raw, list):
        raise BankError("tệp đáp án chuẩn phải là một danh sách các dữ kiện.", path=path)
    try:
        return [GoldFact.model_validate(item) for item in raw]
    except ValidationError as exc:
        err = exc.errors()[0]
        raise BankError(f"dữ kiện #{err['loc'][0]}: {err['msg']}", path=path) from exc


def evaluate(gold_path: Path, bank: Bank) -> EvalReport:
    gold = load_gold(gold_path)
    by_article: dict[str, list[tuple[str, str]]] = defaultdict(list)
    drafts = passing = 0
    problems: list[tuple[str, str]] = []
    for bank_file in bank.load_all():
        path = bank.article_file(bank_file)
        article_text = read_article(path).text if path is not None else None
        for question in bank_file.questions:
            if question.status == Status.REJECTED:
                continue
            by_article[bank_file.article.id].append((question.answer, question.fact))
            drafts += 1
            found = check_question(question, article_text) if article_text is not None else []
            if found:
                problems += [(question.id, p) for p in found]
            else:
                passing += 1
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed = []
    for fact in gold:
        counts = by_type[fact.type.value]
        counts[1] += 1
        if any(
            answers_match(fact.answer, a) or answers_match(fact.answer, f) or counts_match(fact.answer, a, f)
            for a, f in by_article[fact.article]
        ):
            counts[0] += 1
        else:
            missed.append(fact)
    found_total = sum(c[0] for c in by_type.values())
    return EvalReport(
        total=len(gold),
        found=found_total,
        by_type={k: (v[0], v[1]) for k, v in sorted(by_type.items())},
        missed=tuple(missed),
        drafts=drafts,
        drafts_passing=passing,
        problems=tuple(problems),
    )
