"""Sentence splitting: where a period ends a sentence in Vietnamese news prose."""

from __future__ import annotations

from quizgen.sentences import split_sentences


def test_a_district_initial_in_an_address_is_no_sentence_end() -> None:
    text = (
        "Phòng CSMT đã phá Chuyên án 202L tại xã Thành Sơn (H. Quan Hóa, tỉnh Thanh Hóa), bắt Mùa A Chư "
        "(1974, trú xã Chiềng Xuân, H. Vân Hồ, tỉnh Sơn La). Tang vật gồm 20 bánh heroin."
    )
    assert split_sentences(text) == [
        "Phòng CSMT đã phá Chuyên án 202L tại xã Thành Sơn (H. Quan Hóa, tỉnh Thanh Hóa), bắt Mùa A Chư "
        "(1974, trú xã Chiềng Xuân, H. Vân Hồ, tỉnh Sơn La).",
        "Tang vật gồm 20 bánh heroin.",
    ]


def test_a_persons_initial_may_still_end_a_sentence() -> None:
    assert split_sentences("Người bị bắt là Nguyễn Văn H. Tại đây có 2 người.") == [
        "Người bị bắt là Nguyễn Văn H.",
        "Tại đây có 2 người.",
    ]


def test_an_abbreviation_and_a_number_do_not_end_a_sentence() -> None:
    assert split_sentences("Đại diện TP. Hồ Chí Minh nhận 1.000 suất quà. Buổi lễ kết thúc.") == [
        "Đại diện TP. Hồ Chí Minh nhận 1.000 suất quà.",
        "Buổi lễ kết thúc.",
    ]


def test_a_names_initials_and_their_bracket_stay_in_one_sentence() -> None:
    assert split_sentences(
        "Xe do tài xế Nguyễn T. Q. (24 tuổi), trú tại Nam Định điều khiển. Xe bị giữ."
    ) == [
        "Xe do tài xế Nguyễn T. Q. (24 tuổi), trú tại Nam Định điều khiển.",
        "Xe bị giữ.",
    ]


def test_session36_run_together_degrees_do_not_end_a_sentence() -> None:
    assert split_sentences(
        "GS.TS. Ichiro Hagiwara, PGS.TS. Masayuki Mizuno cùng 12 học viên được đào tạo tại TUS. Hội thảo bế mạc."
    ) == [
        "GS.TS. Ichiro Hagiwara, PGS.TS. Masayuki Mizuno cùng 12 học viên được đào tạo tại TUS.",
        "Hội thảo bế mạc.",
    ]
