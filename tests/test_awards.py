"""The awards family: which award a unit or a person received, and options of its own kind."""

from __future__ import annotations

from pathlib import Path

from quizgen.distractors import DistractorPool, choose_distractors
from quizgen.extract import extract_article
from quizgen.extract.awards import award_facts
from quizgen.generate import build_question
from quizgen.intake import Article
from quizgen.models import QFormat, QType
from quizgen.sentences import Sentence


def _awards(text: str) -> list[tuple[str, str]]:
    return [(f.answer, f.qphrase) for f in award_facts(Sentence(text, 0, 0))]


def test_an_order_is_asked_whole_with_its_class() -> None:
    said = (
        "Tại buổi lễ, Tiểu đoàn CSĐN số 2 vinh dự đón nhận Huân chương Chiến công hạng Nhì của Chủ tịch nước."
    )
    assert _awards(said) == [("Huân chương Chiến công hạng Nhì", "huân chương nào")]
    assert _awards("Chủ tịch nước trao tặng Huân chương Dũng cảm cho đại úy Thái Ngô Hiếu.") == [
        ("Huân chương Dũng cảm", "huân chương nào")
    ]


def test_a_title_a_commendation_and_a_medal() -> None:
    assert _awards("Ngày 11/3, Công an tỉnh Nghệ An đón nhận danh hiệu Anh hùng LLVTND lần thứ hai.") == [
        ("Anh hùng LLVTND", "danh hiệu nào")
    ]
    assert _awards("Đơn vị được trao danh hiệu cao quý Anh hùng Lực lượng vũ trang nhân dân.") == [
        ("Anh hùng Lực lượng vũ trang nhân dân", "danh hiệu cao quý nào")
    ]
    given = "Trung tá Ksor H'Bơ Khắp đã trao Giấy khen của Giám đốc Công an tỉnh Gia Lai cho 9 tập thể."
    assert _awards(given) == [("Giấy khen của Giám đốc Công an tỉnh Gia Lai", "hình thức khen thưởng nào")]
    medal = "Ông được Chủ tịch nước tặng Huy chương Chiến sĩ vẻ vang hạng Nhất."
    assert _awards(medal) == [("Huy chương Chiến sĩ vẻ vang hạng Nhất", "huy chương nào")]


def test_no_award_without_a_giving_or_with_two_of_one_head() -> None:
    assert _awards("Huân chương Chiến công hạng Nhì được treo trang trọng ở phòng truyền thống.") == []
    two = "Chủ tịch nước tặng Huân chương Chiến công hạng Nhất cho Công an tỉnh và Huân chương Chiến công hạng Ba cho 2 cá nhân."
    assert _awards(two) == []
    assert _awards("Đơn vị được tặng Huân chương Kháng chiến hạng Nhất.") == []  # not a listed order


def test_options_are_the_same_orders_other_classes_and_other_orders_of_its_class() -> None:
    fact = next(f for f in award_facts(Sentence("Đơn vị nhận Huân chương Chiến công hạng Nhì.", 0, 0)))
    options = choose_distractors(fact, DistractorPool(), "x", set())
    assert options[:2] == ["Huân chương Chiến công hạng Nhất", "Huân chương Chiến công hạng Ba"]
    assert options[2].endswith(" hạng Nhì") and "Chiến công" not in options[2]
    lower = next(
        f for f in award_facts(Sentence("Ông trao Huân chương chiến công hạng ba cho 11 tập thể.", 0, 0))
    )
    options = choose_distractors(lower, DistractorPool(), "x", set())
    assert options[:2] == ["Huân chương chiến công hạng nhất", "Huân chương chiến công hạng nhì"]
    assert options[2] == options[2].capitalize() or options[2].startswith("Huân chương ")
    assert options[2].split(" ", 2)[2] == options[2].split(" ", 2)[2].lower()


def test_a_title_is_never_offered_beside_its_own_short_form() -> None:
    for said in (
        "Công an tỉnh đón nhận danh hiệu Anh hùng LLVTND.",
        "Công an tỉnh đón nhận danh hiệu Anh hùng Lực lượng vũ trang nhân dân.",
    ):
        fact = next(f for f in award_facts(Sentence(said, 0, 0)))
        options = choose_distractors(fact, DistractorPool(), "x", set())
        assert options[0] == "Anh hùng Lao động" and len(options) == 3, options
        assert not any("LLVTND" in o or "Lực lượng vũ trang" in o for o in options), options


def test_commendations_of_the_other_issuers_keep_the_answers_province() -> None:
    said = "Nhân dịp này, Công an tỉnh Quảng Bình đón nhận Bằng khen của Chủ tịch UBND tỉnh Quảng Bình."
    fact = next(f for f in award_facts(Sentence(said, 0, 0)))
    options = choose_distractors(fact, DistractorPool(), "x", set())
    assert sorted(options) == [
        "Bằng khen của Bộ trưởng Bộ Công an",
        "Bằng khen của Thủ tướng Chính phủ",
        "Giấy khen của Giám đốc Công an tỉnh Quảng Bình",
    ]


def test_an_award_becomes_a_multiple_choice_question() -> None:
    text = (
        "Công an Hà Tĩnh tổng kết năm 2024",
        "Chiều 10/1, tại buổi lễ, Phòng Cảnh sát hình sự vinh dự đón nhận Huân chương Bảo vệ Tổ quốc hạng Ba.",
    )
    found = extract_article("a", text)
    fact = next(f for f in found.facts if f.kind == "award")
    article = Article(id="a", path=Path("a.txt"), title=text[0], paragraphs=text)
    question = build_question(fact, article, found.main_ministry, DistractorPool(), {fact.answer}, {})
    assert question is not None and question.format == QFormat.MCQ and question.type == QType.WHAT
    assert (
        question.question
        == "Chiều 10/1, tại buổi lễ, Phòng Cảnh sát hình sự vinh dự đón nhận huân chương nào?"
    )
    assert question.answer == "Huân chương Bảo vệ Tổ quốc hạng Ba"
