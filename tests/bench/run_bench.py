"""Benchmarks (not timed tests): `make bench`. Prints the figures quoted in closing notes.

- `quizgen --help` start-up time;
- `quizgen stats` on a bank of 10,000 questions in 1,000 article files;
- `quizgen export anki|moodle|gift` on 10,000 approved questions, and a 50-question Moodle
  quiz assembled from them; `quizgen export pdf` on 100 questions;
- `quizgen generate` on 1,000 synthetic articles made from the samples (names, dates and
  numbers substituted), then a second run on the unchanged articles; peak memory.
"""

from __future__ import annotations

import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
QUIZGEN = [sys.executable, "-m", "quizgen"]
SURNAMES = ["Nguyễn", "Trần", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"]
MIDDLES = ["Văn", "Quốc", "Minh", "Hữu", "Thanh", "Đức"]
GIVEN = ["Hùng", "Long", "Nam", "Tuấn", "Hải", "Sơn", "Thành", "Dũng"]
CITIES = ["Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế"]


def timed(cmd: list[str], runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_corpus(target: Path, n: int) -> None:
    rng = random.Random(20261122)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    target.mkdir(parents=True)
    for i in range(n):
        text = texts[i % len(texts)]
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        text = text.replace("Lê Quốc Hùng", name).replace("Hà Nội", rng.choice(CITIES))
        text = re.sub(r"\b40\b", str(rng.randint(12, 95)), text)
        text = text.replace(
            "21 tháng 1 năm 2024",
            f"{rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {rng.randint(2019, 2026)}",
        )
        text = text.replace("2024-2030", f"{2020 + i % 6}-{2026 + i % 6}").replace(
            "2024–2030", f"{2020 + i % 6}–{2026 + i % 6}"
        )
        text += f"\n\nNgày {rng.randint(1, 28)}/{rng.randint(1, 12)}/2025, đoàn gồm {rng.randint(5, 60)} cán bộ đã làm việc tại tỉnh Nghệ An."
        (target / f"art-{i:04d}.txt").write_text(text, encoding="utf-8")


def synthetic_bank(target: Path, files: int, per_file: int) -> None:
    sys.path.insert(0, str(ROOT))
    from quizgen.bank import Bank
    from quizgen.generate import generate
    from quizgen.models import BankFile

    sample = target.parent / "sample-bank"
    generate([ROOT / "seeds"], Bank(sample))
    template = Bank(sample).load_all()[0]
    questions = template.questions
    bank = Bank(target)
    for i in range(files):
        article_id = f"a{i:04d}"
        qs = [
            questions[j % len(questions)].model_copy(update={"id": f"q-{i:04x}{j:02x}"})
            for j in range(per_file)
        ]
        meta = template.article.model_copy(update={"id": article_id})
        bank.save(BankFile(article=meta, questions=qs))


def bench_anki(work: Path) -> None:
    """10,000 approved questions to .apkg, against genanki alone writing the same notes."""
    sys.path.insert(0, str(ROOT))
    import genanki

    from quizgen.bank import Bank
    from quizgen.exporters import anki
    from quizgen.models import BankFile, ReviewRecord, Status

    bank = Bank(work / "anki-bank")
    template = Bank(work / "bank10k").load_all()
    record = ReviewRecord(reviewer="bench", at="2026-11-22T00:00:00Z", decision="approved")
    for bank_file in template:
        qs = [
            q.model_copy(
                update={"status": Status.APPROVED, "review": [record], "approved_hash": q.content_hash()}
            )
            for q in bank_file.questions
        ]
        bank.save(BankFile(article=bank_file.article, questions=qs))
    bank.load_all()  # warm the parse cache, as any earlier command would have
    start = time.perf_counter()
    report = anki.export_anki(bank, work / "deck.apkg")
    ours = time.perf_counter() - start

    model = genanki.Model(
        1,
        "bench",
        fields=[{"name": "Q"}, {"name": "A"}],
        templates=[{"name": "c", "qfmt": "{{Q}}", "afmt": "{{A}}"}],
    )
    deck = genanki.Deck(2, "bench")
    for loc in bank.iter_questions():
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[loc.question.question, loc.question.answer],
                guid=genanki.guid_for(loc.question.id),
            )
        )
    start = time.perf_counter()
    genanki.Package(deck).write_to_file(work / "plain.apkg", timestamp=0)
    plain = time.perf_counter() - start
    print(
        f"quizgen export anki, {report.notes:,} notes: {ours:.2f} s; genanki alone writing them: "
        f"{plain:.2f} s (ratio {ours / plain:.1f})"
    )


def bench_lms(work: Path) -> None:
    """10,000 approved questions to Moodle XML and to GIFT, and a 50-question quiz assembled
    from them (give-aways resolved over all 10,000: the synthetic bank repeats the same
    article's questions 1,000 times, the worst case for that check)."""
    sys.path.insert(0, str(ROOT))
    from quizgen.bank import Bank
    from quizgen.exporters.gift import export_gift
    from quizgen.exporters.lms import LmsOptions
    from quizgen.exporters.moodle import export_moodle

    bank = Bank(work / "anki-bank")
    bank.load_all()  # the parse cache is warm, as after any earlier command
    for name, run, suffix in (("moodle", export_moodle, "xml"), ("gift", export_gift, "gift")):
        times = []
        for _ in range(3):
            start = time.perf_counter()
            report = run(bank, work / f"bank.{suffix}", LmsOptions())
            times.append(time.perf_counter() - start)
        size = (work / f"bank.{suffix}").stat().st_size / 1e6
        print(
            f"quizgen export {name}, {report.questions:,} questions: {statistics.median(times):.2f} s "
            f"(median of 3; {size:.1f} MB)"
        )
    start = time.perf_counter()
    report = export_moodle(bank, work / "quiz.xml", LmsOptions(count=50))
    print(
        f"quizgen export moodle --count 50 from 10,000 (give-aways resolved): "
        f"{time.perf_counter() - start:.2f} s"
    )


def bench_pdf(work: Path) -> None:
    """100 approved questions, 4 versions, key and trainer's edition; against WeasyPrint alone."""
    sys.path.insert(0, str(ROOT))
    from weasyprint import HTML

    from quizgen.bank import Bank
    from quizgen.exporters import pdf
    from quizgen.models import BankFile
    from quizgen.resources import templates_dir

    source = Bank(work / "anki-bank").load_all()
    bank = Bank(work / "pdf-bank")
    for bank_file in source[:10]:
        bank.save(BankFile(article=bank_file.article, questions=bank_file.questions))
    # The synthetic bank repeats one article's questions, so nearly all give each other away:
    # keep them all, this measures rendering 100 questions.
    options = pdf.PdfOptions(versions=4, answer_sheet=True, points=True, allow_giveaways=True)
    start = time.perf_counter()
    report = pdf.export_pdf(bank, work / "pdf-out", options)
    ours = time.perf_counter() - start
    pages = sum(report.pages.values())
    selected, _ = pdf.select_questions(bank, options)
    font = pdf.require_font()
    htmls = [pdf.render_quiz_html(pdf.quiz_context(selected, c, options, font)) for c in "ABCD"]
    htmls.append(pdf.render_key_html(pdf.key_context(selected, list("ABCD"), options, font)))
    base = (templates_dir() / "pdf").resolve().as_uri() + "/"
    start = time.perf_counter()
    for html in htmls:
        HTML(string=html, base_url=base).write_pdf()
    plain = time.perf_counter() - start
    print(
        f"quizgen export pdf, {report.questions} questions x 4 versions + key: {ours:.1f} s for {pages} pages "
        f"({ours / pages:.2f} s/page); WeasyPrint alone on the same HTML: {plain:.1f} s (ratio {ours / plain:.2f})"
    )


def grade_data(n: int = 10_000, k: int = 100) -> tuple[Any, list[Any]]:
    """A quiz of k four-option questions in 4 versions and n trainees' answers from a 2PL model."""
    sys.path.insert(0, str(ROOT))
    import numpy as np

    from quizgen.grading import Response
    from quizgen.manifest import ManifestItem, ManifestVersion, build_manifest

    rng = np.random.default_rng(20261122)
    b, a = rng.normal(0, 1, k), rng.uniform(0.4, 2.2, k)
    theta = rng.standard_normal(n)
    right = rng.random((n, k)) < 1 / (1 + np.exp(-a * (theta[:, None] - b)))
    texts = [[f"Phương án {j}.{o}" for o in range(4)] for j in range(k)]  # text 0 is the answer
    versions, printed = [], []
    for v, label in enumerate("ABCD"):
        order = list(range(k)) if v == 0 else list(rng.permutation(k))
        items, letter_of = [], {}
        for number, j in enumerate(order, start=1):
            perm = list(rng.permutation(4))
            options = {"ABCD"[i]: texts[j][perm[i]] for i in range(4)}
            letter_of[j] = {perm[i]: "ABCD"[i] for i in range(4)}
            correct = letter_of[j][0]
            items.append(
                ManifestItem(number=number, id=f"q-{j:06x}", format="mcq", options=options, correct=correct)
            )
        versions.append(ManifestVersion(label=label, questions=items))
        printed.append((label, order, letter_of))
    manifest = build_manifest("Benchmark", "2026-11-22", 1, "vi", versions)
    responses = []
    for i in range(n):
        label, order, letter_of = printed[i % 4]
        wrong = rng.integers(1, 4, size=k)
        answers = tuple(letter_of[j][0 if right[i, j] else int(wrong[j])] for j in order)
        responses.append(Response(str(i + 1), f"Học viên {i + 1}", "", label, answers))
    return manifest, responses


def bench_grade(work: Path) -> None:
    """`quizgen grade`: 10,000 trainees x 100 questions in 4 versions, answers from a 2PL model."""
    from quizgen.grading import grade

    manifest, responses = grade_data()
    k = manifest.question_count
    times = []
    for _ in range(3):
        start = time.perf_counter()
        result = grade(manifest, responses)
        times.append(time.perf_counter() - start)
    print(
        f"grading 10,000 trainees x 100 questions (4 versions): {statistics.median(times):.2f} s "
        f"(median of 3; scores, facility, D, point-biserial, option counts, KR-20 = {result.summary.kr20})"
    )
    print(
        f"reading and checking that sheet as CSV: {_grade_cli(work / 'grade', manifest, responses, read_only=True):.2f} s"
    )
    print(
        f"reading and checking it as .xlsx (openpyxl): {_read_xlsx(work / 'grade', manifest, responses):.2f} s"
    )
    print(f"quizgen grade end to end (CSV, report.pdf with {k + 2} SVG figures): "
          f"{_grade_cli(work / 'grade', manifest, responses):.1f} s")  # fmt: skip
    manifest, responses = grade_data(40, 30)
    print(
        f"quizgen grade end to end, a class of 40 x 30 questions: {_grade_cli(work / 'class', manifest, responses):.1f} s"
    )


def _read_xlsx(folder: Path, manifest: Any, responses: list[Any]) -> float:
    """The same answers typed into the `results template` workbook; time reading it back."""
    from openpyxl import load_workbook

    from quizgen.results import read_results, write_template

    sheet = folder / "ket-qua.xlsx"
    write_template(manifest, sheet, seats=1)
    wb = load_workbook(sheet)
    ws = wb["Kết quả"]
    ws.delete_rows(3)
    for r in responses:
        ws.append([int(r.seat), r.name, r.unit, r.version, *r.answers])
    wb.save(sheet)
    start = time.perf_counter()
    read_results(sheet, manifest)
    return time.perf_counter() - start


def _grade_cli(folder: Path, manifest: Any, responses: list[Any], read_only: bool = False) -> float:
    """Write quiz.json and the answers as a CSV sheet; time reading it, or the whole `quizgen grade`."""
    from quizgen.manifest import write_manifest
    from quizgen.results import read_results

    k = manifest.question_count
    quiz, sheet = folder / "quiz.json", folder / "ket-qua.csv"
    write_manifest(manifest, quiz)
    lines = [
        f"Mã đề thi,{manifest.hash}",
        "SBD,Họ và tên,Đơn vị,Đề," + ",".join(f"Câu {q}" for q in range(1, k + 1)),
    ]
    lines += [f"{r.seat},{r.name},,{r.version}," + ",".join(r.answers) for r in responses]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    start = time.perf_counter()
    if read_only:
        read_results(sheet, manifest)
    else:
        cmd = [*QUIZGEN, "grade", str(quiz), str(sheet), "--out", str(folder / "out"), "--no-record"]
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    try:
        if sys.argv[1:] == ["grade"]:  # `python tests/bench/run_bench.py grade`: this figure only
            bench_grade(work)
            return
        help_s = timed([*QUIZGEN, "--help"], runs=5)
        print(f"quizgen --help: {help_s:.3f} s (median of 5)")

        synthetic_bank(work / "bank10k", 1000, 10)
        cold_s = timed([*QUIZGEN, "stats", "--bank", str(work / "bank10k")])
        stats_s = timed([*QUIZGEN, "stats", "--bank", str(work / "bank10k")], runs=3)
        print(
            f"quizgen stats, 10,000 questions in 1,000 files: {stats_s:.2f} s (median of 3); "
            f"{cold_s:.2f} s on the first read, before the parse cache exists"
        )
        bench_anki(work)
        bench_lms(work)
        bench_pdf(work)
        bench_grade(work)

        synthetic_corpus(work / "corpus", 1000)
        bank = work / "gen-bank"
        start = time.perf_counter()
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [*QUIZGEN, "generate", str(work / "corpus"), "--bank", str(bank)],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        first = time.perf_counter() - start
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime)
        print(
            f"quizgen generate, 1,000 articles: {first:.1f} s = {1000 / first:.0f} articles/s "
            f"(CPU {cpu:.1f} s: {cpu / first:.2f} cores busy on average)"
        )
        second = timed([*QUIZGEN, "generate", str(work / "corpus"), "--bank", str(bank)])
        print(f"quizgen generate again, unchanged articles: {second:.2f} s")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of the largest process: {peak_mb:.0f} MB")
        questions = sum(p.read_text(encoding="utf-8").count("\n- id: ") for p in bank.glob("*.yaml"))
        print(f"drafts written: {questions} ({questions / 1000:.1f} per article)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
