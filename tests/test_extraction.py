"""Rules tried on invented sentences of every form a trainer wants asked (names and numbers made up)."""

from __future__ import annotations

import pytest

from quizgen.extraction import Fact, extract_article
from quizgen.questions import build_stem


def facts(*paragraphs: str) -> list[Fact]:
    return list(extract_article("test", tuple(paragraphs)).facts)


def answers(kind: str, *paragraphs: str) -> list[str]:
    return [f.answer for f in facts(*paragraphs) if f.kind == kind]


def stem_for(kind: str, answer: str, *paragraphs: str) -> str:
    result = extract_article("test", tuple(paragraphs))
    fact = next(f for f in result.facts if f.kind == kind and f.answer == answer)
    return build_stem(fact, result.main_ministry)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Thượng tướng Phan Văn Minh, Thứ trưởng Bộ Công an, đã tiếp Đại sứ Pháp.", "Phan Văn Minh"),
        ("Đại tá Nguyễn Văn An - Giám đốc Công an tỉnh Nghệ An phát biểu khai mạc.", "Nguyễn Văn An"),
        ("thiếu tướng Hồ Sĩ Tâm đã chủ trì buổi làm việc với đoàn công tác.", "Hồ Sĩ Tâm"),
        ("bà Jane Doe, Điều phối viên Thường trú Liên hợp quốc tại Việt Nam, đã phát biểu.", "Jane Doe"),
    ],
)
def test_who_with_rank_or_honorific(sentence: str, name: str) -> None:
    assert name in answers("person", sentence)


def test_title_then_foreign_name_with_hyphen() -> None:
    s = "Bộ trưởng đã tiếp Trợ lý Tổng Thư ký Liên hợp quốc Marie-Claire Dubois tại Hà Nội."
    assert "Marie-Claire Dubois" in answers("holder_of", s)
    assert stem_for("holder_of", "Marie-Claire Dubois", s) == "Ai là Trợ lý Tổng Thư ký Liên hợp quốc?"


def test_title_and_rank_of_a_named_person() -> None:
    s = "Trung tướng Đỗ Quang Huy, Cục trưởng Cục Cảnh sát hình sự, đã trao quyết định."
    assert answers("title_of", s) == ["Cục trưởng Cục Cảnh sát hình sự"]
    assert answers("rank_of", s) == ["Trung tướng"]
    assert stem_for("person", "Đỗ Quang Huy", s) == "Ai đã trao quyết định?"


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("Việt Nam đã ký kết hiệp định vào ngày 3 tháng 5 năm 2023 tại Hà Nội.", "ngày 3 tháng 5 năm 2023"),
        ("Ngày 12/6/2025, Bộ Công an tổ chức lễ xuất quân.", "ngày 12/6/2025"),
        ("Chiều 12-8, Cục Đối ngoại tổ chức buổi gặp mặt.", "12-8"),
        ("Ngày 15-6-2021, đơn vị đã hoàn thành nhiệm vụ.", "ngày 15-6-2021"),
        ("Sáng 18.7, đoàn công tác lên đường.", "18.7"),
    ],
)
def test_when_dates(sentence: str, answer: str) -> None:
    assert answer in answers("date", sentence)


def test_leading_date_moves_to_the_end_of_the_stem() -> None:
    s = "Ngày 12/6/2025, Bộ Công an tổ chức lễ xuất quân."
    assert stem_for("date", "ngày 12/6/2025", s) == "Bộ Công an tổ chức lễ xuất quân vào ngày nào?"


def test_periods_years_and_durations() -> None:
    s1 = "Kế hoạch được triển khai trong giai đoạn 2021-2025 trên toàn quốc."
    assert answers("period", s1) == ["2021-2025"]
    assert (
        stem_for("period", "2021-2025", s1) == "Kế hoạch được triển khai trong giai đoạn nào trên toàn quốc?"
    )
    assert "năm 2025" in answers("year", "Năm 2025, lực lượng Công an sẽ hoàn thành mục tiêu này.")
    assert answers("duration", "Khóa tập huấn kéo dài ba tuần tại Học viện.") == ["ba tuần"]
    assert answers("duration", "Ông được bầu với nhiệm kỳ 2 năm.") == ["2 năm"]


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("Bộ đã hoàn thành Đề án 06 trước thời hạn.", "Đề án 06"),
        ("Bộ trưởng ký Quyết định số 1234/QĐ-BCA về việc thành lập đơn vị.", "Quyết định số 1234/QĐ-BCA"),
        ("Hội nghị thông qua chương trình công tác năm 2025 của Bộ.", "chương trình công tác năm 2025"),
        (
            "Chính phủ ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021-2030 nhằm thu hẹp khoảng cách.",
            "Chiến lược quốc gia về bình đẳng giới",
        ),
    ],
)
def test_which_programme(sentence: str, answer: str) -> None:
    assert answer in answers("programme", sentence)


def test_programme_stem_uses_its_head_noun() -> None:
    s = "Bộ đã hoàn thành Đề án 06 trước thời hạn."
    assert stem_for("programme", "Đề án 06", s) == "Bộ đã hoàn thành đề án nào trước thời hạn?"


@pytest.mark.parametrize(
    ("sentence", "kind", "answer"),
    [
        ("Lễ khai giảng có hơn 100 đại biểu tham dự.", "count", "hơn 100"),
        ("Khóa học có 18 học viên đến từ 5 quốc gia.", "count", "18"),
        ("Diễn đàn gồm 3 phiên thảo luận chuyên đề.", "count", "3"),
        ("Tỷ lệ nữ sĩ quan đạt hơn 30% trong năm qua.", "measure", "hơn 30%"),
        ("Dự án được xây dựng trên diện tích 57ha tại tỉnh Bình Dương.", "measure", "57ha"),
    ],
)
def test_how_many(sentence: str, kind: str, answer: str) -> None:
    assert answer in answers(kind, sentence)


def test_how_many_stem_keeps_the_counted_noun() -> None:
    s = "Lễ khai giảng có hơn 100 đại biểu tham dự."
    assert stem_for("count", "hơn 100", s) == "Lễ khai giảng có bao nhiêu đại biểu tham dự?"


def test_no_count_from_dates_codes_or_years() -> None:
    s = "Ngày 12/6/2025, Bộ ký Quyết định số 1234/QĐ-BCA cho giai đoạn 2025-2030."
    assert answers("count", s) == []


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Tại TPHCM, Công an thành phố tổ chức diễn tập.", "TPHCM"),
        ("Hội nghị được tổ chức tại xã Tân Lập, tỉnh Bình Phước.", "xã Tân Lập, tỉnh Bình Phước"),
        ("Đoàn đã làm việc ở New York (Hoa Kỳ) trong ba ngày.", "New York (Hoa Kỳ)"),
    ],
)
def test_where(sentence: str, place: str) -> None:
    assert place in answers("place", sentence)


def test_acronym_expansion_by_initials() -> None:
    s = "Bộ Công an lồng ghép vấn đề phòng, chống mua bán người (PCMBN) vào kế hoạch năm."
    assert answers("acronym", s) == ["phòng, chống mua bán người"]


def test_org_in_a_cooperation_context() -> None:
    s = "Hội thảo nhận được sự hỗ trợ tài chính từ Chính phủ Australia và Chính phủ Nhật Bản thông qua UNDP."
    assert answers("org", s) == ["Chính phủ Australia và Chính phủ Nhật Bản"]


def test_list_item_and_its_stem() -> None:
    s = "Hội nghị thảo luận ba vấn đề chính: cải cách hành chính, chuyển đổi số và phòng, chống ma túy."
    assert answers("list_item", s) == ["phòng, chống ma túy"]


def test_numbered_unit_and_continuation_lead() -> None:
    p = (
        "Thứ trưởng Vũ Minh Tâm đề nghị Đại sứ Anna Berg tiếp tục hỗ trợ Bộ Công an. "
        "Hỗ trợ Bộ Công an triển khai Đội Cảnh sát gìn giữ hòa bình số 2 tại phái bộ."
    )
    assert "Đội Cảnh sát gìn giữ hòa bình số 2" in answers("unit", p)
    stem = stem_for("unit", "Đội Cảnh sát gìn giữ hòa bình số 2", p)
    assert stem.startswith(
        "Thứ trưởng Vũ Minh Tâm đề nghị Đại sứ Anna Berg hỗ trợ Bộ Công an triển khai đội nào"
    )


def test_english_and_empty_text_give_no_facts() -> None:
    assert facts("The minister met the ambassador on Monday in Hanoi.") == []
    assert facts("") == []
