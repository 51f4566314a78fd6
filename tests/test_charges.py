"""The charges family: "về tội gì", with the same family's offences as options."""

from __future__ import annotations

from quizgen.distractors import DistractorPool, choose_distractors
from quizgen.extract import extract_article
from quizgen.extract.stems import build_stem, finish_stem
from quizgen.gazetteer import load_gazetteer
from quizgen.normalize import fold_for_match


def _charges(s: str) -> list[tuple[str, str, str | None]]:
    result = extract_article("t", (s,))
    return [
        (f.answer, f.shape, finish_stem(build_stem(f, result.main_ministry), f))
        for f in result.facts
        if f.kind == "charge"
    ]


def test_a_quoted_charge_is_asked_without_its_quotes() -> None:
    s = (
        "Ngày 9/1, Phòng Cảnh sát hình sự, Công an TP.HCM đã khởi tố bị can, bắt tạm giam Nguyễn Quốc "
        "Tấn (SN 1977) về tội “Cưỡng đoạt tài sản”."
    )
    [(answer, shape, stem)] = _charges(s)
    assert (answer, shape) == ("Cưỡng đoạt tài sản", "charge:property")
    assert stem is not None and "Nguyễn Quốc Tấn" in stem and stem.endswith("về tội gì?"), stem


def test_an_unquoted_charge_ends_where_the_listed_offence_ends() -> None:
    s = (
        "Chiều 23/6, Phòng Cảnh sát hình sự Công an tỉnh Nam Định cho biết, đơn vị đã khởi tố bị can, "
        "bắt tạm giam Đinh Văn Tiến (18 tuổi) về tội Mua bán người dưới 16 tuổi."
    )
    assert [a for a, _, _ in _charges(s)] == ["Mua bán người dưới 16 tuổi"]  # not "Mua bán người"


def test_no_charge_without_a_case_or_with_several_charges() -> None:
    assert _charges("Công an tỉnh cảnh báo người dân về tội Lừa đảo chiếm đoạt tài sản qua mạng.") == []
    s = "Công an tỉnh đã khởi tố bị can Lê Văn A về tội “Đánh bạc” và “Tổ chức đánh bạc hoặc gây dựng sòng bạc”."
    assert _charges(s) == []
    # An offence the Penal Code list does not hold has no edge to end it.
    assert _charges("Công an huyện đã khởi tố bị can Lê Văn B về tội vi phạm nhiều quy định khác nhau.") == []


def test_options_are_offences_of_the_same_family_and_never_hold_the_answer() -> None:
    s = "Ngày 18/6, VKSND Tối cao đã truy tố bị can Nguyễn Văn Tuấn về tội mua bán người dưới 16 tuổi."
    result = extract_article("t", (s,))
    fact = next(f for f in result.facts if f.kind == "charge")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    family = {fold_for_match(n) for n in load_gazetteer().charges["trafficking"]}
    assert len(options) == 3 and {fold_for_match(o) for o in options} <= family, options
    assert all(o[:1].islower() for o in options)  # written as the text writes the answer
    assert not any(fold_for_match(o) in fold_for_match(fact.answer) for o in options)  # not "mua bán người"


def test_an_act_named_by_the_offences_own_words_is_a_charge() -> None:
    s = (
        "Công an huyện Đăk Glei đã khởi tố vụ án, khởi tố bị can 5 đối tượng về hành vi Vi phạm quy định về "
        "khai thác, bảo vệ rừng và lâm sản."
    )
    [(answer, shape, stem)] = _charges(s)
    assert (answer, shape) == ("Vi phạm quy định về khai thác, bảo vệ rừng và lâm sản", "charge:environment")
    assert stem is not None and stem.endswith("về hành vi gì?"), stem
    s2 = "Công an tỉnh đang tạm giữ hình sự 9 người để điều tra, làm rõ hành vi cho vay lãi nặng trong giao dịch dân sự."
    assert [a for a, _, _ in _charges(s2)] == ["cho vay lãi nặng trong giao dịch dân sự"]


def test_a_wanted_notice_an_arrest_or_a_sentence_names_a_charge_too() -> None:
    wanted = (
        "Cơ quan CSĐT Công an huyện Cao Lộc, tỉnh Lạng Sơn đã phát lệnh truy nã Hoàng Văn Quang về tội "
        "Cố ý làm hư hỏng tài sản."
    )
    assert [(a, s) for a, s, _ in _charges(wanted)] == [("Cố ý làm hư hỏng tài sản", "charge:property")]
    arrest = "Ngày 18/8, Công an quận Bình Thạnh bắt khẩn cấp Trần Đoàn Thế Hải về hành vi Gây rối trật tự công cộng."
    [(_, _, stem)] = _charges(arrest)
    assert stem is not None and stem.endswith("về hành vi gì?"), stem
    served = "Theo lời anh Đỗ X.Đ., bản thân anh đang được hưởng án treo vì tội đánh bạc."
    assert [a for a, _, _ in _charges(served)] == ["đánh bạc"]


def test_an_offence_that_runs_on_or_has_a_second_beside_it_is_not_asked() -> None:
    # "chất ma túy tổng hợp": the listed name ends inside a longer act.
    s = "Đơn vị đã bắt giữ Nguyễn Ngọc Lân về hành vi vận chuyển trái phép chất ma túy tổng hợp tại khu biên giới."
    assert _charges(s) == []
    s = "Cơ quan Cảnh sát điều tra đã khởi tố Định về hành vi cố ý gây thương tích và gây rối trật tự công cộng."
    assert _charges(s) == []
    s = "Đa số họ từng bị kết án về tội “đánh bạc” (8 trường hợp) và tội “gây rối trật tự công cộng” (12 trường hợp)."
    assert _charges(s) == []


def test_two_options_are_never_one_offence_written_twice() -> None:
    s = "Công an tỉnh Lạng Sơn đã tạm giữ hình sự Trần Tiến Trình để điều tra về hành vi “Tàng trữ trái phép vũ khí quân dụng”."
    fact = next(f for f in extract_article("t", (s,)).facts if f.kind == "charge")
    options = choose_distractors(fact, DistractorPool(), "t", set())
    words = [set(fold_for_match(o).replace(",", " ").split()) for o in [fact.answer, *options]]
    assert len(options) >= 3
    assert not any(a <= b for i, a in enumerate(words) for j, b in enumerate(words) if i != j), options
