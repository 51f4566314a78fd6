"""Fit the draft ranker on blind judges' verdicts and write quizgen/data/ranker.json.

    .venv/bin/python scripts/fit_ranker.py DRAFTS.json VERDICTS.jsonl [DRAFTS.json VERDICTS.jsonl ...]
        [--out quizgen/data/ranker.json] [--l2 0.3]

Each DRAFTS.json is `quizgen export json ... --status all` of one round of judged drafts; its
VERDICTS.jsonl has one {"id", "verdict": ACCEPT|EDIT|REJECT, ...} per line. A draft is a positive
when it was accepted as it stands. Rounds are pooled; folds are by article, so no article is in
both the fitted and the scored part. Prints the cross-validated ROC AUC and records it.

The committed model: every blind judgement kept (the six tune rounds, the first reader of each
fresh split's side-by-side or, from fresh51 on, blind round, the held-out split's round),
    J=tests/data/real/judged; .venv/bin/python scripts/fit_ranker.py --l2 1.0 \
        $(for r in 1 2 3 4 5 6; do echo $J/drafts-round$r.json $J/verdicts-round$r.jsonl; done) \
        $(for s in fresh fresh{2..50}; do \
            echo $J/$s/side-by-side-drafts.json $J/$s/side-by-side-verdicts.jsonl; done) \
        $(for s in fresh51 fresh52 fresh53 fresh54 fresh55 fresh56 fresh57 fresh58 fresh59; do \
            echo $J/$s/blind-drafts.json $J/$s/blind-verdicts.jsonl; done) \
        $J/heldout/old-generator-drafts.json $J/heldout/old-generator-verdicts.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.extract.ranker import (  # noqa: E402
    auc,
    cross_validated_auc,
    fit,
    labelled_rows,
    load_judged,
    predict,
)


def _shown(path: Path) -> str:
    """``path`` relative to the judged folder ("fresh14/side-by-side-drafts.json"), else its name."""
    judged = ROOT / "tests" / "data" / "real" / "judged"
    resolved = path.resolve()
    return str(resolved.relative_to(judged)) if resolved.is_relative_to(judged) else path.name


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", type=Path, nargs="+", help="DRAFTS.json VERDICTS.jsonl pairs")
    parser.add_argument("--out", type=Path, default=ROOT / "quizgen" / "data" / "ranker.json")
    parser.add_argument("--l2", type=float, default=0.3)
    args = parser.parse_args()
    if len(args.files) % 2:
        parser.error("give DRAFTS.json VERDICTS.jsonl in pairs")
    rows, labels, groups = [], [], []
    for drafts_path, verdicts_path in zip(args.files[::2], args.files[1::2], strict=True):
        drafts, verdicts = load_judged(drafts_path, verdicts_path)
        r, lab, g = labelled_rows(drafts, verdicts)
        rows += r
        labels += lab
        # The same groups as tests/test_ranker.py ("fresh14/<article>"), so the folds, and the
        # figure recorded here, are the ones the test checks against its floor.
        groups += [f"{drafts_path.parent.name}/{article}" for article in g]
    cv = cross_validated_auc(rows, labels, groups, l2=args.l2)
    model = fit(rows, labels, l2=args.l2)
    train_auc = auc([predict(model, r) for r in rows], labels)
    model = {
        "about": "Logistic ranker fitted by scripts/fit_ranker.py on blind judges' verdicts "
        "(positive = accepted as it stands).",
        **model,
        "cv_auc": round(cv, 3),
        "train_auc": round(train_auc, 3),
        "n": len(rows),
        "accepted": sum(labels),
        "fitted_on": [_shown(p) for p in args.files],
    }
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} judged drafts, {sum(labels)} accepted; ROC AUC cross-validated by article {cv:.3f}, "
        f"on the training set {train_auc:.3f}; written {args.out}"
    )


if __name__ == "__main__":
    main()
