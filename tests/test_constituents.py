"""Every drafted answer is a whole constituent of its evidence sentence (issue 9).

Over the sample articles, the invented test articles and the rewritten real articles: where the
answer is printed verbatim in its evidence, some occurrence of it starts and ends on the edges the
analysis layer finds (words, not inside a name, no dangling function word or bracket).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import Bank
from quizgen.extract.analysis import analyse
from quizgen.extract.constituents import edge_problem, split_glued_title
from quizgen.generate import generate
from quizgen.models import QFormat
from tests.conftest import ROOT

SETS = {
    "samples": ROOT / "seeds",
    "unseen": ROOT / "tests" / "data" / "unseen",
    "real-tune": ROOT / "tests" / "data" / "real" / "tune",
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_answer_falls_on_constituent_edges(name: str, tmp_path: Path) -> None:
    bank = Bank(tmp_path / "bank")
    generate([SETS[name]], bank)
    checked = 0
    bad: list[str] = []
    for bank_file in bank.load_all():
        for q in bank_file.questions:
            if q.format == QFormat.TRUE_FALSE:
                continue  # the answer is "Đúng"/"Sai"
            text = q.evidence
            starts = [i for i in range(len(text)) if text.startswith(q.answer, i)]
            if not starts:
                continue  # a normalised form ("Thượng tướng" for "thượng tướng")
            checked += 1
            analysis = analyse(text)
            problems = [edge_problem(analysis, s, s + len(q.answer)) for s in starts]
            if all(problems):
                bad.append(f"{q.id} {q.answer!r}: {problems[0]}")
    assert checked >= 10
    assert not bad, bad


@pytest.mark.parametrize(
    ("sentence", "answer", "why"),
    [
        ("Lễ do Cục Cảnh sát giao thông tổ chức.", "Cục Cảnh", "edge inside a word"),
        ("Ông gặp Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn.", "Bộ Nông", "edge inside a word"),
        ("Đại diện Bộ Công an và đối tác đã dự.", "Bộ Công an và", "ends on a function word"),
        ("Phái bộ (UNMISS tại Nam Sudan) hoạt động.", "Phái bộ (UNMISS", "unbalanced brackets or quotes"),
        (
            "Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc được sáp nhập vào Phòng Tham mưu.",
            "Phòng Xây dựng phong trào bảo vệ an ninh",
            "a body's name continues after the answer",
        ),
    ],
)
def test_fragments_are_not_constituents(sentence: str, answer: str, why: str) -> None:
    at = sentence.index(answer)
    assert edge_problem(analyse(sentence), at, at + len(answer)) == why


def test_whole_names_are_constituents() -> None:
    sentence = "Thượng tướng Lê Quốc Hùng, Thứ trưởng Bộ Công an, đã tiếp ông Jean-Pierre Lacroix."
    analysis = analyse(sentence)
    for answer in ("Thượng tướng Lê Quốc Hùng", "Lê Quốc Hùng", "Bộ Công an", "Jean-Pierre Lacroix"):
        at = sentence.index(answer)
        assert edge_problem(analysis, at, at + len(answer)) is None, answer


def test_a_name_glued_to_a_title_is_split() -> None:
    assert split_glued_title("Nguyễn Xuân Phúc-Chủ tịch Hội đồng Quốc phòng") == "Nguyễn Xuân Phúc"
    assert split_glued_title("Nguyễn Xuân Phúc-Chủ") == "Nguyễn Xuân Phúc"
    assert split_glued_title("Jean-Pierre Lacroix") == "Jean-Pierre Lacroix"
