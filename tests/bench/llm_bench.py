"""Benchmark of the llm drafter against the loopback replay server (`make bench` runs it too).

Copies of the six test articles (so each prompt has its recorded reply) are drafted with
`--drafter llm`: once with instant replies (quizgen's own cost: client, parsing, grounding,
writing the bank), once with a simulated model latency, at two concurrency limits.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quizgen.bank import Bank  # noqa: E402
from quizgen.drafters.config import LlmSettings  # noqa: E402
from quizgen.drafters.llm import LlmDrafter, requests_for  # noqa: E402
from quizgen.generate import generate  # noqa: E402
from quizgen.intake import read_article  # noqa: E402
from tests.llm_replay import ReplayServer, Reply, Script  # noqa: E402

DATA = ROOT / "tests" / "data" / "llm" / "draft-v1" / "replies"
SOURCES = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests" / "data" / "unseen").glob("*.*"))]


def corpus(target: Path, copies: int) -> list[Path]:
    target.mkdir(parents=True)
    paths = []
    for source in (p for p in SOURCES if p.suffix in (".txt", ".md")):
        for i in range(copies):
            paths.append(shutil.copy(source, target / f"{source.stem}-{i:03d}{source.suffix}"))
    return [Path(p) for p in paths]


def run(work: Path, copies: int, delay: float, concurrency: int) -> tuple[float, int, int]:
    paths = corpus(work / "articles", copies)
    script = Script(models=("bench",))
    settings = LlmSettings(url="http://127.0.0.1/v1", model="bench", concurrency=concurrency, backoff=0)
    for path in paths:
        (request,) = requests_for(read_article(path), settings, 20)
        stem = path.stem.rsplit("-", 1)[0]
        script.add(
            request.prompt, Reply((DATA / f"{stem}.reply.txt").read_text(encoding="utf-8"), delay=delay)
        )
    with ReplayServer(script) as server:
        drafter = LlmDrafter(
            LlmSettings(url=server.url, model="bench", concurrency=concurrency, backoff=0), cache_dir=None
        )
        start = time.perf_counter()
        report = generate([work / "articles"], Bank(work / "bank"), drafter=drafter)
        elapsed = time.perf_counter() - start
    shutil.rmtree(work)
    return elapsed, len(script.requests), report.added


def main() -> None:
    base = Path(tempfile.mkdtemp(prefix="quizgen-llm-bench-"))
    try:
        for copies, delay, concurrency in ((50, 0.0, 4), (5, 0.5, 1), (5, 0.5, 4)):
            elapsed, sent, added = run(base / f"{copies}-{delay}-{concurrency}", copies, delay, concurrency)
            print(
                f"--drafter llm, {sent} articles, model latency {delay:g} s, concurrency {concurrency}: "
                f"{elapsed:.2f} s ({elapsed / sent * 1000:.0f} ms per article), {added} drafts written"
            )
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
