"""The llm drafter's parts: reply parsing, chunking, settings and privacy, grounding, ranking."""

from __future__ import annotations

import socket
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from quizgen.drafters.base import GIVEAWAY, rank_and_filter
from quizgen.drafters.config import LlmSettings, check_url, load_settings
from quizgen.drafters.grounding import (
    ANSWER_NOT_IN_ARTICLE,
    ANSWER_NOT_IN_EVIDENCE,
    DERIVED_MISMATCH,
    EVIDENCE,
    KIND,
    OPTIONS,
    Origin,
    ground_drafts,
    ground_one,
)
from quizgen.drafters.llm import estimate_tokens, parse_reply, render_prompt, requests_for
from quizgen.errors import UsageError
from quizgen.intake import read_article
from quizgen.models import Question
from tests.conftest import ROOT, write
from tests.llm_replay import refuse_beyond_loopback

ORIGIN = Origin("llm", "test-model", "draft-v1")
UNSEEN = ROOT / "tests" / "data" / "unseen"


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_beyond_loopback(monkeypatch)


def test_the_loopback_guard_is_active() -> None:
    with socket.socket() as s, pytest.raises(AssertionError, match="only loopback"):
        s.connect(("10.1.2.3", 80))


# --- parsing -------------------------------------------------------------------------------------


def test_parse_plain_fenced_and_chatty_replies() -> None:
    one = '{"type": "who", "question": "Ai?", "answer": "A"}'
    assert parse_reply('{"questions": [' + one + "]}") == [parse_reply(one)[0]]
    assert len(parse_reply("```json\n[" + one + "]\n```")) == 1
    assert len(parse_reply('Đây là kết quả:\n{"questions": [' + one + ",]}\nHết.")) == 1
    assert len(parse_reply('<think>suy nghĩ {không phải JSON}</think>{"questions": [' + one + "]}")) == 1


def test_parse_keeps_the_complete_drafts_of_a_cut_off_reply() -> None:
    one = '{"type": "who", "question": "Ai?", "answer": "A"}'
    items = parse_reply('{"questions": [' + one + ", " + one + ', {"type": "wh')
    assert len(items) == 2


@pytest.mark.parametrize("reply", ["", "Xin lỗi, tôi không thể.", "{không phải json", '{"x": 1}'])
def test_parse_rejects_what_holds_no_drafts(reply: str) -> None:
    with pytest.raises(ValueError):
        parse_reply(reply)


# --- prompts and chunks --------------------------------------------------------------------------

SETTINGS = LlmSettings(url="http://127.0.0.1:9/v1", model="m")


def test_prompt_holds_the_article_rules_and_schema() -> None:
    article = read_article(UNSEEN / "tham-lhq.txt")
    prompt = render_prompt(article, "\n\n".join(article.paragraphs), 1, 1, 10)
    assert article.paragraphs[1] in prompt
    for rule in ("Theo bài báo", "để lộ đáp án", "cùng loại", "không quá 30 chữ", '"evidence"', '"derived"'):
        assert rule in prompt


def test_long_article_is_cut_into_chunks_within_the_budget(tmp_path: Path) -> None:
    article = read_article(UNSEEN / "tham-lhq.txt")
    long = write(tmp_path / "dai.txt", "\n\n".join(article.paragraphs * 12))
    settings = LlmSettings(url="http://127.0.0.1:9/v1", model="m", max_input_tokens=1800)
    requests = requests_for(read_article(long), settings, 20)
    assert len(requests) > 1
    assert all(estimate_tokens(r.prompt) <= 1800 for r in requests)
    assert all(f"phần {r.index}/{len(requests)}" in r.prompt for r in requests)
    # Every paragraph is sent once, in order.
    body = "".join(r.prompt.split("<<<\n", 1)[1].split("\n>>>", 1)[0] for r in requests)
    assert body.count(article.paragraphs[1]) == 12


def test_short_article_is_one_request_of_at_most_max_per_article_questions() -> None:
    article = read_article(UNSEEN / "tham-lhq.txt")
    (request,) = requests_for(article, SETTINGS, 4)
    assert "tối đa 4 câu hỏi" in request.prompt and "phần" not in request.prompt.split("Quy tắc")[0]


# --- settings and privacy ------------------------------------------------------------------------


def test_settings_from_file_and_environment(tmp_path: Path) -> None:
    write(tmp_path / "quizgen.toml", '[llm]\nurl = "http://127.0.0.1:11434/v1"\nmodel = "a"\ntimeout = 30\n')
    bank = tmp_path / "question_bank"
    settings = load_settings(bank, env={})
    assert settings is not None and settings.model == "a" and settings.timeout == 30
    settings = load_settings(bank, env={"QUIZGEN_LLM_MODEL": "b", "QUIZGEN_LLM_API_KEY": "k"})
    assert settings is not None and settings.model == "b" and settings.api_key == "k"
    assert load_settings(tmp_path / "other" / "bank", env={}) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[llm\nurl=", "TOML"),
        ('[llm]\nurl = "http://127.0.0.1/v1"\nmodel = "m"\ntimeout_s = 3\n', "timeout_s"),
        ('[llm]\nurl = "http://127.0.0.1/v1"\n', "thiếu model"),
        ('[llm]\nurl = "ftp://127.0.0.1/v1"\nmodel = "m"\n', "không hợp lệ"),
    ],
)
def test_bad_settings_are_usage_errors(tmp_path: Path, text: str, message: str) -> None:
    write(tmp_path / "quizgen.toml", text)
    with pytest.raises(UsageError, match=message):
        load_settings(tmp_path / "question_bank", env={})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:11434/v1",
        "http://localhost:8000/v1",
        "http://[::1]:8080/v1",
        "http://192.168.1.20:8000/v1",
        "http://10.0.0.5/v1",
        "https://172.16.4.4/v1",
    ],
)
def test_loopback_and_local_network_are_allowed(url: str) -> None:
    check_url(url, allow_remote=False)


@pytest.mark.parametrize("url", ["https://8.8.8.8/v1", "http://[2001:4860::8888]/v1"])
def test_remote_servers_need_allow_remote(url: str) -> None:
    with pytest.raises(UsageError, match="allow_remote = true"):
        check_url(url, allow_remote=False)
    check_url(url, allow_remote=True)


def test_a_host_name_is_judged_by_its_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(addresses: list[str]) -> Any:
        return lambda host, port: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", fake(["192.168.0.7"]))
    check_url("http://gpu-server.lan:8000/v1", allow_remote=False)
    monkeypatch.setattr(socket, "getaddrinfo", fake(["192.168.0.7", "93.184.216.34"]))
    with pytest.raises(UsageError):
        check_url("http://api.example.com/v1", allow_remote=False)


# --- grounding -----------------------------------------------------------------------------------

EVIDENCE_12 = (
    "Tại buổi làm việc với Cục Hoạt động Gìn giữ hòa bình Liên hợp quốc (DPO), Thứ trưởng Đặng Hồng Minh "
    "thông báo Việt Nam đã cử 12 sĩ quan cảnh sát tham gia các phái bộ gìn giữ hòa bình, trong đó có 5 nữ sĩ quan."
)


def _draft(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": "how_many",
        "format": "mcq",
        "question": "Theo bài báo, Việt Nam đã cử bao nhiêu sĩ quan cảnh sát tham gia các phái bộ gìn giữ hòa bình?",
        "answer": "12 sĩ quan",
        "options": ["10 sĩ quan", "12 sĩ quan", "15 sĩ quan", "20 sĩ quan"],
        "fact": "Việt Nam đã cử 12 sĩ quan",
        "evidence": EVIDENCE_12,
    }
    base.update(changes)
    return base


def _ground(**changes: Any) -> Question | str:
    return ground_one(_draft(**changes), read_article(UNSEEN / "tham-lhq.txt"), ORIGIN, 0)


def test_a_good_draft_becomes_a_question_tied_to_the_article_sentence() -> None:
    q = _ground(evidence=EVIDENCE_12.replace("  ", " ").replace("hòa", "hoà"))  # old-style tone mark
    assert isinstance(q, Question)
    assert q.evidence == EVIDENCE_12 and q.fact == "12 sĩ quan"
    assert (q.drafter, q.model, q.prompt_version, q.flag) == ("llm", "test-model", "draft-v1", None)


def test_a_fragment_of_the_sentence_is_grounded_to_the_whole_sentence() -> None:
    q = _ground(evidence="Việt Nam đã cử 12 sĩ quan cảnh sát tham gia các phái bộ gìn giữ hòa bình")
    assert isinstance(q, Question) and q.evidence == EVIDENCE_12


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"evidence": EVIDENCE_12.replace("12 sĩ quan", "15 sĩ quan")}, EVIDENCE),
        ({"evidence": "Việt Nam đã cử 12 sĩ quan cảnh sát tới Mali."}, EVIDENCE),
        ({"evidence": "12 sĩ quan"}, EVIDENCE),
        ({"answer": "15 sĩ quan"}, ANSWER_NOT_IN_ARTICLE),
        ({"answer": "10 năm", "options": ["5 năm", "10 năm", "12 năm", "15 năm"]}, ANSWER_NOT_IN_EVIDENCE),
        ({"answer": "13 sĩ quan", "derived": True}, DERIVED_MISMATCH),
        ({"options": ["10 sĩ quan", "15 sĩ quan", "20 sĩ quan", "25 sĩ quan"]}, OPTIONS),
        ({"options": ["10 sĩ quan", "12 sĩ quan", "12 Sĩ quan", "20 sĩ quan"]}, OPTIONS),
        ({"options": ["12 sĩ quan", "15 sĩ quan", "20 sĩ quan"]}, OPTIONS),
        ({"options": ["Mười sĩ quan", "12 sĩ quan", "15 sĩ quan", "20 sĩ quan"]}, KIND),
        ({"type": "quantity"}, "sai mẫu"),
        ({"format": "true_false"}, "sai mẫu"),
        ({"question": ""}, "sai mẫu"),
        (
            {"question": "Việt Nam đã cử 12 sĩ quan hay bao nhiêu sĩ quan?"},
            "đáp án không được nằm trong câu hỏi",
        ),
        ({"question": "Theo bài báo, Việt Nam đã cử bao nhiêu sĩ quan"}, "kết thúc bằng dấu '?'"),
    ],
)
def test_drafts_the_article_does_not_back_are_dropped_with_a_reason(
    changes: dict[str, Any], reason: str
) -> None:
    result = _ground(**changes)
    assert isinstance(result, str) and reason in result


def test_a_computed_answer_is_kept_only_when_the_evidence_gives_it_and_is_flagged() -> None:
    q = _ground(answer="7 sĩ quan", options=["5 sĩ quan", "7 sĩ quan", "12 sĩ quan", "17 sĩ quan"],
                question="Theo bài báo, trong số sĩ quan cảnh sát Việt Nam cử đi, có bao nhiêu nam sĩ quan?",
                derived=True, fact="12 - 5 = 7")  # fmt: skip
    assert isinstance(q, Question) and q.flag and "12 - 5 = 7" in q.flag
    assert q.score < 1.0


def test_caption_evidence_is_dropped() -> None:
    article = read_article(UNSEEN / "tap-huan-gghb.txt")
    assert article.dropped  # the photo caption
    result = ground_one(_draft(evidence=article.dropped[0], answer="CAND"), article, ORIGIN, 0)
    assert result == EVIDENCE


def test_one_question_per_fact() -> None:
    article = read_article(UNSEEN / "tham-lhq.txt")
    kept, drops = ground_drafts(
        [_draft(), _draft(question="Có bao nhiêu sĩ quan được cử?"), "rác"], article, ORIGIN
    )
    assert len(kept) == 1 and sum(drops.values()) == 2


def _q(qid: str, stem: str, answer: str, score: float = 1.0) -> Question:
    return Question(id=qid, type="who", format="short_answer", question=stem, answer=answer, fact=answer,
                    evidence=EVIDENCE_12, score=score)  # fmt: skip


def test_the_question_every_other_stem_gives_away_is_the_one_dropped() -> None:
    article = read_article(UNSEEN / "tham-lhq.txt")
    named = _q("q-000001", "Cơ quan nào viết tắt là DPO?", "Cục Hoạt động Gìn giữ hòa bình", 1.0)
    others = [
        _q(f"q-00001{i}", f"Câu {i} về Cục Hoạt động Gìn giữ hòa bình?", f"đáp án {i}", 0.9) for i in range(3)
    ]
    drops: Counter[str] = Counter()
    kept = rank_and_filter([named, *others], article, 10, drops)
    assert named not in kept and len(kept) == 3 and drops[GIVEAWAY] == 1


def test_the_readme_configuration_example_is_valid(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Soạn câu hỏi bằng mô hình ngôn ngữ", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    uncommented = "\n".join(line.lstrip("# ") if " = " in line else line for line in example.splitlines())
    for text in (example, uncommented):
        write(tmp_path / "quizgen.toml", text)
        settings = load_settings(tmp_path / "question_bank", env={})
        assert settings is not None and settings.url == "http://127.0.0.1:11434/v1"


def test_a_sentence_shortened_with_an_ellipsis_is_grounded_when_every_piece_is_verbatim() -> None:
    shortened = "Tại buổi làm việc với Cục Hoạt động Gìn giữ hòa bình Liên hợp quốc (DPO), ... Việt Nam đã cử 12 sĩ quan cảnh sát tham gia các phái bộ gìn giữ hòa bình..."
    q = _ground(evidence=shortened)
    assert isinstance(q, Question) and q.evidence == EVIDENCE_12
    assert _ground(evidence=shortened.replace("12 sĩ quan", "15 sĩ quan")) == EVIDENCE
    assert (
        _ground(evidence="Việt Nam ... 12 sĩ quan cảnh sát tham gia các phái bộ") == EVIDENCE
    )  # a piece too short
    reordered = "Việt Nam đã cử 12 sĩ quan cảnh sát ... Tại buổi làm việc với Cục Hoạt động"
    assert _ground(evidence=reordered) == EVIDENCE


def test_an_answer_is_asked_no_more_often_than_the_embedded_drafter_allows() -> None:
    from quizgen.generate import MAX_PER_ANSWER

    article = read_article(UNSEEN / "tham-lhq.txt")
    same = [_q(f"q-00002{i}", f"Câu hỏi số {i}?", "Hà Nội", 1.0 - i / 10) for i in range(4)]
    same = [q.model_copy(update={"evidence": f"Câu {i} ở Hà Nội."}) for i, q in enumerate(same)]
    drops: Counter[str] = Counter()
    kept = rank_and_filter(same, article, 10, drops)
    assert [q.id for q in kept] == [f"q-00002{i}" for i in range(MAX_PER_ANSWER)]
    assert sum(drops.values()) == 4 - MAX_PER_ANSWER
