"""The llm drafter end to end: a real chat-completions server on loopback replaying recorded replies.

The replies in tests/data/llm/draft-v1/ answer the exact prompts quizgen sends for the test
articles; planted/ holds hand-edited copies carrying hallucinations, which must all be dropped.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.bank import STATE_DIR, Bank
from quizgen.checks import check_question
from quizgen.drafters.config import LlmSettings
from quizgen.drafters.llm import parse_reply, requests_for
from quizgen.generate import DEFAULT_MAX_PER_ARTICLE
from quizgen.intake import read_article
from quizgen.models import Question
from quizgen.normalize import fold_for_match, normalize_text
from tests.conftest import ROOT, SEEDS, Invoke, write
from tests.llm_replay import ReplayServer, Reply, Script, refuse_beyond_loopback

DATA = ROOT / "tests" / "data" / "llm" / "draft-v1"
MANIFEST = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
PLANTED = {
    f["file"]: f
    for f in json.loads((DATA / "planted" / "manifest.json").read_text(encoding="utf-8"))["faults"]
}
MODEL = "replay-model"
FAST = "timeout = 5\nbackoff = 0.01\nmax_retries = 2\n"


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_beyond_loopback(monkeypatch)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """Copies of the six test articles (two seeds, four rewritten unseen ones)."""
    target = tmp_path / "articles"
    shutil.copytree(SEEDS, target)
    for path in (ROOT / "tests" / "data" / "unseen").iterdir():
        if path.suffix in (".txt", ".md"):
            shutil.copy(path, target / path.name)
    return target


def _prompt(article_id: str) -> str:
    return (DATA / "replies" / f"{article_id}.prompt.txt").read_text(encoding="utf-8")


def _reply(name: str) -> Reply:
    folder = "planted" if "." in name else "replies"
    return Reply((DATA / folder / f"{name}.reply.txt").read_text(encoding="utf-8"))


OURS = tuple(a for a in MANIFEST["replies"] if not a.startswith("r-"))  # seeds and tests/data/unseen
REAL = tuple(a for a in MANIFEST["replies"] if a.startswith("r-"))  # tests/data/real/tune


def _recorded(script: Script, only: tuple[str, ...] = OURS) -> Script:
    for article_id in MANIFEST["replies"]:
        if article_id in only:
            script.add(_prompt(article_id), _reply(article_id))
    return script


@pytest.fixture
def server() -> Iterator[ReplayServer]:
    with ReplayServer(Script(models=(MODEL,))) as running:
        yield running


def _configure(
    tmp_path: Path, server: ReplayServer, monkeypatch: pytest.MonkeyPatch, extra: str = FAST
) -> Path:
    monkeypatch.setenv("QUIZGEN_LLM_URL", server.url)
    monkeypatch.setenv("QUIZGEN_LLM_MODEL", MODEL)
    write(tmp_path / "quizgen.toml", "[llm]\n" + extra)
    return tmp_path / "question_bank"


def _questions(bank: Path) -> dict[str, list[Question]]:
    return {f.article.id: f.questions for f in Bank(bank).load_all()}


def test_recordings_answer_the_prompt_quizgen_sends_now(articles: Path) -> None:
    settings = LlmSettings(url="http://127.0.0.1/v1", model=MODEL)
    assert MANIFEST["prompt_version"] == "draft-v1"
    for article_id, entry in MANIFEST["replies"].items():
        (request,) = requests_for(read_article(ROOT / entry["article"]), settings, DEFAULT_MAX_PER_ARTICLE)
        import hashlib

        sha = hashlib.sha256(request.prompt.encode("utf-8")).hexdigest()
        assert sha == entry["prompt_sha256"], (
            f"{article_id}: the prompt changed; re-record (see {DATA}/README.md)"
        )
        assert request.prompt == _prompt(article_id)


def test_generate_with_the_llm_drafter_end_to_end(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _recorded(server.script)
    bank = _configure(tmp_path, server, monkeypatch)
    started = time.perf_counter()
    result = invoke("generate", articles, "--bank", bank, "--drafter", "llm")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    assert len(server.script.requests) == 6 and elapsed < 30
    assert all(r["response_format"]["type"] == "json_schema" for r in server.script.requests)
    assert "Câu nháp bị loại" in result.output and "lộ đáp án của câu khác" in result.output
    by_article = _questions(bank)
    assert set(by_article) == set(OURS)
    for article_id, questions in by_article.items():
        article = read_article(next(p for p in articles.iterdir() if p.stem == article_id))
        assert 3 <= len(questions) <= 10
        for q in questions:
            assert (q.drafter, q.model, q.prompt_version) == ("llm", MODEL, "draft-v1")
            assert check_question(q, article.text, article.dropped) == []
            assert normalize_text(q.evidence) in normalize_text(article.text)
            assert q.flag or fold_for_match(q.answer) in fold_for_match(q.evidence)
    flagged = [q for qs in by_article.values() for q in qs if q.flag]
    assert [q.answer for q in flagged] == ["4 ngày"]  # computed from "từ ngày 3 đến ngày 6"

    # Unchanged articles are not sent again; an edited one is, alone.
    again = invoke("generate", articles, "--bank", bank, "--drafter", "llm")
    assert again.exit_code == 0 and again.output.count("không đổi") == 6
    assert len(server.script.requests) == 6
    path = articles / "cong-an-tinh.txt"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n\nHội nghị kết thúc lúc 17 giờ.\n", encoding="utf-8"
    )
    server.script.add(requests_for(read_article(path), LlmSettings(url="http://x", model=MODEL), 20)[0].prompt,
                      _reply("cong-an-tinh"))  # fmt: skip
    edited = invoke("generate", articles, "--bank", bank, "--drafter", "llm")
    assert edited.exit_code == 0, edited.output
    assert len(server.script.requests) == 7


def test_every_planted_hallucination_is_dropped(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    reasons = {
        "tham-lhq.invented-evidence": "câu trích dẫn không có nguyên văn trong bài",
        "tap-huan-gghb.wrong-answer": "đáp án không có trong",
        "cong-an-tinh.missing-answer": "đáp án không có trong bài",
        "tham-lhq.wrong-derived": "đáp án tự tính không khớp",
        "ke-hoach-chuyen-doi-so.broken-options": "phương án không hợp lệ",
        "tap-huan-gghb.caption": "câu trích dẫn không có nguyên văn trong bài",
    }
    assert {f"planted/{n}.reply.txt" for n in reasons} <= set(PLANTED)
    planted_total = 0
    for n, (name, reason) in enumerate(reasons.items()):
        fault = PLANTED[f"planted/{name}.reply.txt"]
        article_id = fault["article"]
        source = parse_reply((DATA / fault["derived_from"]).read_text(encoding="utf-8"))
        edited = [item for item in parse_reply(_reply(name).content) if item not in source]
        assert edited, name
        planted_total += len(edited)
        bank = _configure(tmp_path / f"planted{n}", server, monkeypatch)
        server.script.add(_prompt(article_id), _reply(name))
        target = next(p for p in articles.iterdir() if p.stem == article_id)
        result = invoke("generate", target, "--bank", bank, "--drafter", "llm")
        assert result.exit_code == 0, result.output
        assert reason in result.output, (name, result.output)
        kept = _questions(bank)[article_id]
        assert kept, name
        article = read_article(target)
        for q in kept:
            assert not any(
                q.question == item["question"] and q.answer == item["answer"] for item in edited
            ), (name, q)
            assert normalize_text(q.evidence) in normalize_text(article.text)
            assert q.flag or fold_for_match(q.answer) in fold_for_match(q.evidence)
        dropped = sum(
            int(line.split()[0]) for line in result.output.splitlines()[2:] if line.startswith("  ")
        )
        assert dropped >= len(edited), (name, result.output)
    assert planted_total == 11


def test_garbage_stops_the_run_names_the_article_and_writes_nothing(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _recorded(server.script)
    server.script.add(_prompt("cong-an-tinh"), _reply("cong-an-tinh.garbage"))
    # The test counts requests: on a loaded machine a 5-second timeout could send one twice.
    bank = _configure(tmp_path, server, monkeypatch, FAST.replace("timeout = 5", "timeout = 60"))
    result = invoke("generate", articles, "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 1
    assert "bài 'cong-an-tinh'" in result.output and "không đúng mẫu JSON" in result.output
    assert not list(bank.glob("*.yaml"))  # nothing half-written
    sent = len(server.script.requests)
    assert (
        server.script.served[
            next(
                k for k in server.script.replies if server.script.replies[k][0].content.startswith("Xin lỗi")
            )
        ]
        == 2
    )
    # The articles that did answer are not sent again on the next run. How many answered before the
    # run stopped depends on the machine's load (two are drafted at once), so count what was kept.
    kept = len(list((bank / STATE_DIR / "llm-cache").glob("*.json")))
    assert 1 <= kept <= 5
    server.script.add(_prompt("cong-an-tinh"), _reply("cong-an-tinh"))
    result = invoke("generate", articles, "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output
    assert len(server.script.requests) - sent == 6 - kept and len(_questions(bank)) == 6


@pytest.mark.parametrize(
    ("name", "kept_at_most"), [("cong-an-tinh.truncated", 3), ("cong-an-tinh.sloppy-json", 2)]
)
def test_cut_off_and_sloppy_json_keeps_the_complete_drafts(
    name: str, kept_at_most: int, articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    server.script.add(_prompt("cong-an-tinh"), _reply(name))
    bank = _configure(tmp_path, server, monkeypatch)
    result = invoke("generate", articles / "cong-an-tinh.txt", "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output
    assert 1 <= len(_questions(bank)["cong-an-tinh"]) <= kept_at_most


def test_a_slow_reply_times_out_then_the_retry_succeeds(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _reply("tham-lhq")
    server.script.add(_prompt("tham-lhq"), Reply(good.content, delay=3.0), good)
    # The timeout leaves the instant second reply ample time on a loaded machine.
    bank = _configure(tmp_path, server, monkeypatch, "timeout = 1.5\nbackoff = 0.01\nmax_retries = 1\n")
    result = invoke("generate", articles / "tham-lhq.txt", "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output
    assert len(server.script.requests) == 2 and _questions(bank)["tham-lhq"]


def test_a_server_too_slow_every_time_is_a_clear_error(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script.add(_prompt("tham-lhq"), Reply(_reply("tham-lhq").content, delay=1.5))
    bank = _configure(tmp_path, server, monkeypatch, "timeout = 0.3\nbackoff = 0.01\nmax_retries = 1\n")
    result = invoke("generate", articles / "tham-lhq.txt", "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 1
    assert "bài 'tham-lhq'" in result.output and "không trả lời trong 0.3 giây (2 lần thử)" in result.output
    assert not list(bank.glob("*.yaml"))


def test_429_then_success_honours_retry_after(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy = Reply("rate limited", status=429, headers=(("Retry-After", "1"),))
    server.script.add(_prompt("tham-lhq"), busy, _reply("tham-lhq"))
    bank = _configure(tmp_path, server, monkeypatch, "timeout = 5\nbackoff = 0\nmax_retries = 2\n")
    started = time.perf_counter()
    result = invoke("generate", articles / "tham-lhq.txt", "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started >= 0.9  # waited as told, though backoff is 0
    assert len(server.script.requests) == 2


def test_500_is_retried_then_reported(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script.add(_prompt("tham-lhq"), Reply("model crashed", status=500))
    bank = _configure(tmp_path, server, monkeypatch)
    result = invoke("generate", articles / "tham-lhq.txt", "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 1
    assert "bài 'tham-lhq'" in result.output and "lỗi 500 sau 3 lần thử" in result.output
    assert "model crashed" in result.output and not list(bank.glob("*.yaml"))
    server.script.add(_prompt("tham-lhq"), Reply("model crashed", status=503), _reply("tham-lhq"))
    result = invoke("generate", articles / "tham-lhq.txt", "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output


def test_server_down_is_a_clear_error(
    articles: Path, tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ReplayServer(Script()) as stopped:
        url = stopped.url
    monkeypatch.setenv("QUIZGEN_LLM_URL", url)
    monkeypatch.setenv("QUIZGEN_LLM_MODEL", MODEL)
    write(tmp_path / "quizgen.toml", "[llm]\n" + FAST)
    result = invoke(
        "generate", articles / "tham-lhq.txt", "--bank", tmp_path / "question_bank", "--drafter", "llm"
    )
    assert result.exit_code == 1 and "không kết nối được máy chủ mô hình" in result.output
    assert "bài 'tham-lhq'" in result.output


def test_a_server_without_structured_output_gets_plain_prompts(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script.structured_output = False
    _recorded(server.script, ("tham-lhq", "cong-an-tinh"))
    bank = _configure(tmp_path, server, monkeypatch)
    result = invoke("generate", articles / "tham-lhq.txt", articles / "cong-an-tinh.txt", "--bank", bank,
                    "--drafter", "llm")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "response_format" not in server.script.requests[-1]
    assert len(_questions(bank)) == 2


def test_concurrency_is_limited(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    for article_id in OURS:
        server.script.add(_prompt(article_id), Reply(_reply(article_id).content, delay=0.6))
    bank = _configure(tmp_path, server, monkeypatch, FAST + "concurrency = 2\n")
    result = invoke("generate", articles, "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output
    assert server.script.max_in_flight == 2


def test_both_merges_dedupes_and_ranks(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    _recorded(server.script)
    bank = _configure(tmp_path, server, monkeypatch)
    result = invoke("generate", articles, "--bank", bank, "--drafter", "both", "--max-per-article", "12")
    assert result.exit_code == 0, result.output
    questions = [q for qs in _questions(bank).values() for q in qs]
    assert {q.drafter for q in questions} == {"embedded", "llm"}
    for qs in _questions(bank).values():
        assert len(qs) <= 12
        keys = [(fold_for_match(q.answer), normalize_text(q.evidence)) for q in qs]
        assert len(keys) == len(set(keys))
    # The drafts judged far better rank first: every article keeps all its llm drafts.
    llm_only = tmp_path / "llm_only"
    invoke("generate", articles, "--bank", llm_only, "--drafter", "llm", "--max-per-article", "12")
    for article_id, qs in _questions(llm_only).items():
        both_llm = [q for q in _questions(bank)[article_id] if q.drafter == "llm"]
        assert len(both_llm) == len(qs)


def test_no_configuration_is_a_usage_error(articles: Path, tmp_path: Path, invoke: Invoke,
                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.delenv("QUIZGEN_LLM_URL", raising=False)
    monkeypatch.delenv("QUIZGEN_LLM_MODEL", raising=False)
    result = invoke("generate", articles, "--bank", tmp_path / "question_bank", "--drafter", "llm")
    assert result.exit_code == 2 and "QUIZGEN_LLM_URL" in result.output
    result = invoke("generate", articles, "--bank", tmp_path / "question_bank", "--drafter", "gpt")
    assert result.exit_code == 2


def test_a_remote_server_is_refused_without_allow_remote(articles: Path, tmp_path: Path, invoke: Invoke,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("QUIZGEN_LLM_URL", "https://8.8.8.8/v1")
    monkeypatch.setenv("QUIZGEN_LLM_MODEL", MODEL)
    result = invoke("generate", articles, "--bank", tmp_path / "question_bank", "--drafter", "llm")
    assert result.exit_code == 2 and "allow_remote = true" in result.output
    assert not (tmp_path / "question_bank").exists()


def test_doctor_checks_the_endpoint_and_the_model(
    tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = _configure(tmp_path, server, monkeypatch)
    result = invoke("doctor", "--bank", bank)
    assert f"[OK ] Máy chủ mô hình (--drafter llm): {server.url} trả lời (1 mô hình)" in result.output
    assert f"[OK ] Mô hình: '{MODEL}' có trên máy chủ" in result.output
    monkeypatch.setenv("QUIZGEN_LLM_MODEL", "qwen2.5:14b")
    result = invoke("doctor", "--bank", bank)
    assert (
        result.exit_code == 1
        and "[LỖI] Mô hình: máy chủ không có 'qwen2.5:14b'; có: replay-model" in result.output
    )
    assert "ollama pull qwen2.5:14b" in result.output
    monkeypatch.delenv("QUIZGEN_LLM_URL")
    monkeypatch.delenv("QUIZGEN_LLM_MODEL")
    (tmp_path / "quizgen.toml").unlink()
    assert "Máy chủ mô hình" not in invoke("doctor", "--bank", bank).output


def test_the_review_screen_shows_drafter_model_prompt_and_flag(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    server.script.add(_prompt("tham-lhq"), _reply("tham-lhq"))
    bank = _configure(tmp_path, server, monkeypatch)
    assert invoke("generate", articles / "tham-lhq.txt", "--bank", bank, "--drafter", "llm").exit_code == 0
    flagged = next(q for q in _questions(bank)["tham-lhq"] if q.flag)
    from rich.console import Console

    from quizgen.review_session import Item, ReviewSession

    console = Console(record=True, width=200)
    session = ReviewSession(Bank(bank), "T", lambda p, d: "q", console, [Item("tham-lhq", flagged.id)])
    session.run()
    screen = console.export_text()
    assert f"Soạn bởi: llm · {MODEL} · draft-v1" in screen
    assert "Cần kiểm tra: Đáp án do mô hình tự tính" in screen


def test_a_long_article_is_sent_in_chunks_and_drafted_as_one(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two test articles joined into one long one; each chunk is answered with the recorded reply of
    # the article it mostly holds (a replay for the plumbing, not a recording of these prompts).
    first, second = (read_article(articles / f"{a}.txt") for a in ("tham-lhq", "tap-huan-gghb"))
    long = write(tmp_path / "in" / "bai-dai.txt", "\n\n".join(first.paragraphs + second.paragraphs))
    bank = _configure(tmp_path, server, monkeypatch, FAST + "max_input_tokens = 1200\n")
    settings = LlmSettings(url="http://x", model=MODEL, max_input_tokens=1200)
    requests = requests_for(read_article(long), settings, DEFAULT_MAX_PER_ARTICLE)
    assert len(requests) >= 2
    for r in requests:
        source = "tham-lhq" if first.paragraphs[1] in r.prompt else "tap-huan-gghb"
        server.script.add(r.prompt, _reply(source))
    result = invoke("generate", long, "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output
    assert len(server.script.requests) == len(requests)
    evidence = {q.evidence for q in _questions(bank)["bai-dai"]}
    assert any(e in " ".join(first.paragraphs) for e in evidence)
    assert any(e in " ".join(second.paragraphs) for e in evidence)


def test_doctor_reports_a_server_that_is_down(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ReplayServer(Script()) as stopped:
        url = stopped.url
    monkeypatch.setenv("QUIZGEN_LLM_URL", url)
    monkeypatch.setenv("QUIZGEN_LLM_MODEL", MODEL)
    result = invoke("doctor", "--bank", tmp_path / "question_bank")
    assert result.exit_code == 1
    assert f"[LỖI] Máy chủ mô hình (--drafter llm): không kết nối được {url}" in result.output
    assert "ollama serve" in result.output


def test_without_the_openai_package_the_message_says_what_to_install(
    articles: Path, tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    bank = _configure(tmp_path, server, monkeypatch)
    monkeypatch.setitem(sys.modules, "openai", None)  # import openai now raises ImportError
    result = invoke("generate", articles / "tham-lhq.txt", "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 1 and "pip install 'quizgen[llm]'" in result.output
    assert not server.script.requests
    # The embedded drafter never needs it.
    assert invoke("generate", articles / "tham-lhq.txt", "--bank", bank).exit_code == 0


def test_replies_for_real_articles_ground_as_measured(
    tmp_path: Path, server: ReplayServer, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Eight articles of the real tune split (tests/data/real/tune): all 45 drafts ground and pass the checks."""
    _recorded(server.script, REAL)
    folder = tmp_path / "real"
    folder.mkdir()
    for article_id in REAL:
        shutil.copy(ROOT / MANIFEST["replies"][article_id]["article"], folder)
    bank = _configure(tmp_path, server, monkeypatch)
    result = invoke("generate", folder, "--bank", bank, "--drafter", "llm")
    assert result.exit_code == 0, result.output
    assert "Tổng: thêm 45 câu nháp" in result.output
    assert "Câu nháp bị loại" not in result.output
    for article_id, questions in _questions(bank).items():
        article = read_article(folder / f"{article_id}.txt")
        assert all(check_question(q, article.text, article.dropped) == [] for q in questions)
