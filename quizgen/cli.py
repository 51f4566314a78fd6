"""The command line: parse arguments, call one core function, report.

This is the only place that catches QuizgenError: it prints the message and
exits 1 (bad data) or 2 (bad usage). Heavy libraries are imported inside the
commands that need them so that `quizgen --help` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from quizgen.errors import QuizgenError


class _Group(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizgenError as exc:
            typer.echo(f"Lỗi: {exc.user_message()}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=_Group,
    help="quizgen: soạn câu hỏi kiểm tra từ bài báo tiếng Việt cho các buổi tập huấn.\n\n"
    "Ví dụ: quizgen generate seeds/ && quizgen list --status draft",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
export_app = typer.Typer(cls=_Group, help="Xuất câu hỏi đã duyệt (json, pdf, anki).", no_args_is_help=True)
app.add_typer(export_app, name="export")

BankOpt = Annotated[Path, typer.Option("--bank", help="Thư mục ngân hàng câu hỏi.")]
DEFAULT_BANK = Path("question_bank")


def _bank(root: Path) -> Any:
    from quizgen.bank import Bank

    return Bank(root)


@app.command()
def generate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Tệp hoặc thư mục bài báo (mặc định: seeds/).")
    ] = None,
    bank: BankOpt = DEFAULT_BANK,
    max_per_article: Annotated[int, typer.Option(help="Số câu nháp tối đa mỗi bài.")] = 15,
) -> None:
    """Soạn câu hỏi nháp từ bài báo và thêm vào ngân hàng câu hỏi.

    Ví dụ: quizgen generate seeds/ --bank question_bank
    """
    from quizgen.generate import generate as run

    report = run(list(paths or [Path("seeds")]), _bank(bank), max_per_article=max_per_article)
    for a in report.articles:
        note = "" if a.encoding in ("utf-8", "") else f" (đọc bằng mã {a.encoding})"
        if a.unchanged:
            typer.echo(f"{a.article_id}: không đổi, giữ {a.kept} câu{note}")
        else:
            stale = f", {a.staled} câu thành 'stale'" if a.staled else ""
            typer.echo(f"{a.article_id}: thêm {a.added} câu nháp, giữ {a.kept} câu{stale}{note}")
    typer.echo(f"Tổng: thêm {report.added} câu nháp vào {bank}.")


@app.command("list")
def list_(
    bank: BankOpt = DEFAULT_BANK,
    status: Annotated[str, typer.Option(help="draft|approved|rejected|stale|all")] = "all",
    article: Annotated[list[str] | None, typer.Option(help="Chỉ bài này (lặp lại được).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In JSON.")] = False,
) -> None:
    """Liệt kê câu hỏi trong ngân hàng.

    Ví dụ: quizgen list --status draft --article 003_43f387c3d7b97b06
    """
    from quizgen.query import parse_status, question_record, select

    chosen = select(_bank(bank), parse_status(status), tuple(article or ()))
    if as_json:
        typer.echo(json.dumps([question_record(q) for q in chosen], ensure_ascii=False, indent=2))
        return
    for located in chosen:
        q = located.question
        typer.echo(f"{q.id}  {q.status.value:<8} {q.type.value:<15} {q.format.value:<12} {q.question}")
    typer.echo(f"({len(chosen)} câu)")


@app.command()
def show(
    question_id: Annotated[str, typer.Argument(help="Mã câu hỏi, ví dụ q-3f2a9c.")],
    bank: BankOpt = DEFAULT_BANK,
) -> None:
    """Hiện đầy đủ một câu hỏi.

    Ví dụ: quizgen show q-3f2a9c
    """
    from quizgen.bank import dump_yaml
    from quizgen.query import question_record

    located = _bank(bank).find(question_id)
    typer.echo(dump_yaml(question_record(located)).rstrip())


@app.command()
def stats(bank: BankOpt = DEFAULT_BANK, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Thống kê theo bài: nháp, duyệt nguyên bản, duyệt sau khi sửa, loại (theo lý do), stale.

    Ví dụ: quizgen stats
    """
    from quizgen.query import Counts, bank_stats

    result = bank_stats(_bank(bank))
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return

    def line(name: str, c: Counts) -> str:
        return (
            f"{name:<28} {c.total:>6} {c.draft:>6} {c.approved_as_generated:>9} "
            f"{c.approved_edited:>8} {c.rejected:>6} {c.stale:>6}"
        )

    typer.echo(f"{'bài':<28} {'tổng':>6} {'nháp':>6} {'duyệt':>9} {'đã sửa':>8} {'loại':>6} {'stale':>6}")
    for name, counts in result.per_article.items():
        typer.echo(line(name, counts))
    typer.echo(line("TỔNG", result.total))
    for reason, n in sorted(result.total.rejected_by_reason.items()):
        typer.echo(f"  loại vì {reason}: {n}")


@app.command()
def doctor(bank: BankOpt = DEFAULT_BANK) -> None:
    """Kiểm tra máy: Pango, phông chữ tiếng Việt, ngân hàng câu hỏi đọc được.

    Ví dụ: quizgen doctor
    """
    from quizgen.doctor import run_checks

    checks = run_checks(bank)
    for check in checks:
        mark = "OK " if check.ok else "LỖI"
        fix = f" -> cách sửa: {check.fix}" if not check.ok and check.fix else ""
        typer.echo(f"[{mark}] {check.name}: {check.detail}{fix}")
    if not all(c.ok for c in checks):
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Tệp YAML các dữ kiện chuẩn.")],
    bank: BankOpt = DEFAULT_BANK,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Đo độ bao phủ dữ kiện chuẩn của ngân hàng câu hỏi và các kiểm tra tự động.

    Ví dụ: quizgen eval tests/data/gold/seed-gold.yaml
    """
    from quizgen.evaluation import evaluate

    r = evaluate(gold, _bank(bank))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "recall": r.recall,
                    "found": r.found,
                    "total": r.total,
                    "by_type": {k: {"found": f, "total": t} for k, (f, t) in r.by_type.items()},
                    "missed": [m.model_dump(mode="json") for m in r.missed],
                    "drafts": r.drafts,
                    "pass_rate": r.pass_rate,
                    "drafts_per_fact": r.drafts_per_fact,
                    "problems": [{"id": i, "problem": p} for i, p in r.problems],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    typer.echo(f"Độ bao phủ: {r.found}/{r.total} = {r.recall:.1%}")
    for kind, (found, total) in r.by_type.items():
        typer.echo(f"  {kind:<16} {found}/{total}")
    for fact in r.missed:
        typer.echo(f"  thiếu [{fact.article}] {fact.type.value}: {fact.answer}")
    typer.echo(f"Câu hỏi đạt kiểm tra tự động: {r.drafts_passing}/{r.drafts} = {r.pass_rate:.1%}")
    typer.echo(f"Số câu trên mỗi dữ kiện chuẩn: {r.drafts_per_fact:.2f}")
    for qid, problem in r.problems:
        typer.echo(f"  {qid}: {problem}")


@export_app.command("json")
def export_json(
    out: Annotated[Path, typer.Argument(help="Tệp JSON sẽ ghi.")],
    bank: BankOpt = DEFAULT_BANK,
    status: Annotated[str, typer.Option(help="draft|approved|rejected|stale|all")] = "approved",
) -> None:
    """Xuất câu hỏi ra JSON (lược đồ quizgen.bank/1).

    Ví dụ: quizgen export json out/bank.json --status all
    """
    from quizgen.exporters.json_export import export_json as run
    from quizgen.query import parse_status

    n = run(_bank(bank), out, parse_status(status))
    typer.echo(f"Đã ghi {n} câu hỏi vào {out}.")


def main() -> None:
    sys.exit(app(standalone_mode=True) or 0)
