"""Where each gold fact is lost in the embedded pipeline (a development aid, not part of quizgen).

    python scripts/recall_trace.py tests/data/real/tune tests/data/real/gold-tune.yaml

For every gold fact it prints the first stage that loses it: "no fact" (no family proposed the
answer), "unusable sentence", "dropped at edges", "no question built" (stem, give-away, too few
options or a check), "below score", "capped" (per sentence / per answer / per article), or "kept".
Run it on the tune split only: the held-out splits are for measuring.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from quizgen.distractors import DistractorPool
from quizgen.evaluation import answers_match, counts_match, load_gold
from quizgen.extract import extract_article
from quizgen.generate import DEFAULT_MAX_PER_ARTICLE, build_question, draft_questions
from quizgen.intake import iter_article_paths, read_article


def main(folder: str, gold_path: str, verbose: bool = True) -> Counter[str]:
    articles = {a.id: a for a in (read_article(p) for p in iter_article_paths([Path(folder)]))}
    extracted = {aid: extract_article(aid, a.paragraphs) for aid, a in articles.items()}
    pool = DistractorPool()
    for aid, facts in extracted.items():
        for f in facts.facts:
            pool.add(f.shape, f.answer, aid)
    drafts = {
        aid: draft_questions(articles[aid], extracted[aid], pool, DEFAULT_MAX_PER_ARTICLE)
        for aid in articles
    }
    stages: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = {}
    for g in load_gold(Path(gold_path)):
        facts = extracted[g.article]
        article = articles[g.article]
        matching = [
            f
            for f in facts.facts
            if answers_match(g.answer, f.answer) or answers_match(g.answer, f.fact) or counts_match(g.answer, f.answer, f.fact)
        ]
        kept = [
            q
            for q in drafts[g.article]
            if answers_match(g.answer, q.answer) or answers_match(g.answer, q.fact) or counts_match(g.answer, q.answer, q.fact)
        ]
        if kept:
            stage = "kept"
        elif not matching:
            stage = "no fact"
        else:
            by_kind: dict[str, set[str]] = {}
            for f in facts.facts:
                by_kind.setdefault(f.kind, set()).add(f.answer)
            built = [
                build_question(f, article, facts.main_ministry, pool, by_kind[f.kind], dict(facts.events))
                for f in matching
            ]
            stage = "no question built" if all(q is None for q in built) else "capped or below score"
        stages[stage] += 1
        by_type.setdefault(g.type.value, Counter())[stage] += 1
        if verbose and stage != "kept":
            kinds = ",".join(sorted({f.kind for f in matching}))
            print(f"{stage:22} {g.type.value:15} [{g.article}] {g.answer!r} {kinds}")
    print()
    for t, c in sorted(by_type.items()):
        print(f"{t:16} " + "  ".join(f"{k}={v}" for k, v in sorted(c.items())))
    total = sum(stages.values())
    n_drafts = sum(len(d) for d in drafts.values())
    print(
        "total", total, dict(stages), f"recall {stages['kept']}/{total} = {stages['kept'] / total:.1%}",
        f"drafts {n_drafts} ({n_drafts / total:.2f} per fact)",
    )
    return stages


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
