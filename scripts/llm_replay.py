#!/usr/bin/env python3
"""Record and replay model replies for the llm drafter, without a model server.

  render ARTICLE... --out DIR     write the exact prompts quizgen would send (DIR/<id>[.<n>].prompt.txt);
                                  give each to a capable model and save its reply, unedited, as
                                  DIR/<id>[.<n>].reply.txt
  measure ARTICLE... --replies DIR --bank BANK --out drafts.json
                                  serve those replies from a loopback chat-completions server and run
                                  `quizgen generate --drafter llm` against it, then `export json
                                  --status all`; prints the drops by reason.

Run from a checkout: .venv/bin/python scripts/llm_replay.py ...
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.drafters.config import LlmSettings  # noqa: E402
from quizgen.drafters.llm import requests_for  # noqa: E402
from quizgen.generate import DEFAULT_MAX_PER_ARTICLE  # noqa: E402
from quizgen.intake import iter_article_paths, read_article  # noqa: E402
from tests.llm_replay import ReplayServer, Reply, Script  # noqa: E402

MODEL = "replay-model"


def _stem(article_id: str, index: int, count: int) -> str:
    return article_id if count == 1 else f"{article_id}.{index}"


def render(paths: list[Path], out: Path) -> None:
    settings = LlmSettings(url="http://127.0.0.1/v1", model=MODEL)
    out.mkdir(parents=True, exist_ok=True)
    for path in iter_article_paths(paths):
        for r in requests_for(read_article(path), settings, DEFAULT_MAX_PER_ARTICLE):
            target = out / f"{_stem(r.article_id, r.index, r.count)}.prompt.txt"
            target.write_text(r.prompt, encoding="utf-8")
            print(f"{target}  ({len(r.prompt)} ký tự, khóa {r.key})")


def measure(paths: list[Path], replies: Path, bank: Path, out: Path) -> int:
    from typer.testing import CliRunner

    from quizgen.cli import app

    script = Script(models=(MODEL,))
    for prompt_file in sorted(replies.glob("*.prompt.txt")):
        reply_file = prompt_file.with_name(prompt_file.name.replace(".prompt.txt", ".reply.txt"))
        if reply_file.is_file():
            script.add(prompt_file.read_text(encoding="utf-8"), Reply(reply_file.read_text(encoding="utf-8")))
    runner = CliRunner()
    with ReplayServer(script) as server:
        env = {"QUIZGEN_LLM_URL": server.url, "QUIZGEN_LLM_MODEL": MODEL}
        os.environ.update(env)
        started = time.perf_counter()
        args = ["generate", *map(str, paths), "--bank", str(bank), "--drafter", "llm"]
        result = runner.invoke(app, args)
        elapsed = time.perf_counter() - started
    print(result.output, end="")
    if result.exit_code != 0:
        return result.exit_code
    exported = runner.invoke(app, ["export", "json", str(out), "--bank", str(bank), "--status", "all"])
    print(exported.output, end="")
    print(f"{len(script.requests)} yêu cầu tới máy chủ phát lại; generate mất {elapsed:.2f} giây.")
    return exported.exit_code


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render")
    r.add_argument("articles", nargs="+", type=Path)
    r.add_argument("--out", type=Path, required=True)
    m = sub.add_parser("measure")
    m.add_argument("articles", nargs="+", type=Path)
    m.add_argument("--replies", type=Path, required=True)
    m.add_argument("--bank", type=Path, required=True)
    m.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "render":
        render(args.articles, args.out)
        return 0
    return measure(args.articles, args.replies, args.bank, args.out)


if __name__ == "__main__":
    sys.exit(main())
