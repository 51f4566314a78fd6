"""The llm drafter: an OpenAI-compatible chat server the training unit configures drafts questions.

Each changed article is cut into chunks within a token budget, each chunk rendered into the
versioned prompt (templates/llm/draft-v1.j2) and sent to the server, a few at a time, with a
timeout and retries (backoff, Retry-After honoured) on 429 and 5xx. Replies are parsed
tolerantly, then grounded (quizgen.drafters.grounding): only drafts the article backs word for
word reach the bank. A reply that parses is kept in the bank's ``.quizgen/llm-cache/`` so the same
prompt is never sent twice, even after a later article failed. Any failure stops the run before
the bank is written, with a message naming the article.

The ``openai`` package (``pip install 'quizgen[llm]'``) is imported only here, only when used.
"""

from __future__ import annotations

import contextlib
import email.utils
import functools
import hashlib
import json
import math
import queue
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from quizgen.drafters.base import DraftBatch, rank_and_filter
from quizgen.drafters.config import LlmSettings, check_url, is_local_host
from quizgen.drafters.grounding import Origin, ground_drafts
from quizgen.errors import EnvironmentProblem, QuizgenError
from quizgen.intake import Article
from quizgen.models import QFormat, QType
from quizgen.sentences import split_sentences

if TYPE_CHECKING:
    from openai import OpenAI

    from quizgen.doctor import Check

PROMPT_VERSION = "draft-v1"
CHARS_PER_TOKEN = 3  # Vietnamese news text with common BPE vocabularies: about 3 to 4 characters a token
MAX_RETRY_AFTER = 120.0
MAX_BACKOFF = 60.0

DRAFT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "questions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": [t.value for t in QType]},
                    "format": {"type": "string", "enum": [QFormat.MCQ.value, QFormat.SHORT_ANSWER.value]},
                    "question": {"type": "string"},
                    "answer": {"type": "string"},
                    "options": {"type": "array", "items": {"type": "string"}},
                    "fact": {"type": "string"},
                    "evidence": {"type": "string"},
                    "derived": {"type": "boolean"},
                },
                "required": ["type", "format", "question", "answer", "fact", "evidence"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["questions"],
    "additionalProperties": False,
}


class LlmError(QuizgenError):
    """The model server is unreachable, refuses, or answers something that is not drafts."""


class ReplyError(ValueError):
    pass


@dataclass(frozen=True)
class Request:
    article_id: str
    index: int  # 1-based chunk number
    count: int
    prompt: str

    @property
    def key(self) -> str:
        return hashlib.sha256(self.prompt.encode("utf-8")).hexdigest()[:24]

    @property
    def where(self) -> str:
        part = f" (phần {self.index}/{self.count})" if self.count > 1 else ""
        return f"bài '{self.article_id}'{part}"


def estimate_tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)


@functools.lru_cache(maxsize=1)  # compiling the template costs ~20 ms; it is rendered once per chunk
def _template() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from quizgen.resources import templates_dir

    env = Environment(
        loader=FileSystemLoader(templates_dir() / "llm"),
        autoescape=False,  # a prompt, not HTML
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    return env.get_template(f"{PROMPT_VERSION}.j2")


def render_prompt(article: Article, text: str, index: int, count: int, max_questions: int) -> str:
    # A title intake derived from the first sentence only repeats the text (cut off, with "…").
    head = article.title.rstrip("…").strip()
    derived = bool(article.paragraphs) and article.paragraphs[0].startswith(head)
    return str(
        _template().render(
            title=None if derived else article.title,
            date=article.date,
            source=article.source,
            text=text,
            chunk_index=index,
            chunk_count=count,
            max_questions=max_questions,
        )
    )


def _pieces(paragraph: str, budget: int) -> Iterator[str]:
    """A paragraph cut at sentence (then word) boundaries into pieces within ``budget`` tokens."""
    if estimate_tokens(paragraph) <= budget:
        yield paragraph
        return
    for sentence in split_sentences(paragraph):
        if estimate_tokens(sentence) <= budget:
            yield sentence
            continue
        words: list[str] = []
        for word in sentence.split():
            if words and estimate_tokens(" ".join([*words, word])) > budget:
                yield " ".join(words)
                words = []
            words.append(word)
        if words:
            yield " ".join(words)


def chunk_texts(article: Article, budget: int) -> list[str]:
    """The article's paragraphs grouped into chunks of at most ``budget`` tokens, in order."""
    chunks: list[list[str]] = [[]]
    used = 0
    for paragraph in article.paragraphs:
        for piece in _pieces(paragraph, budget):
            cost = estimate_tokens(piece) + 1
            if chunks[-1] and used + cost > budget:
                chunks.append([])
                used = 0
            chunks[-1].append(piece)
            used += cost
    return ["\n\n".join(c) for c in chunks if c]


def requests_for(article: Article, settings: LlmSettings, max_per_article: int) -> list[Request]:
    """The exact prompts sent for ``article`` (scripts/llm_replay.py renders them the same way)."""
    wanted = min(settings.questions_per_article, max_per_article)
    overhead = estimate_tokens(render_prompt(article, "", 1, 1, wanted)) + 50
    budget = settings.max_input_tokens - overhead
    if budget < 200:
        raise LlmError(
            f"max_input_tokens = {settings.max_input_tokens} quá nhỏ: lời nhắc đã chiếm khoảng "
            f"{overhead} token; đặt ít nhất {overhead + 500} trong quizgen.toml."
        )
    texts = chunk_texts(article, budget)
    total = sum(estimate_tokens(t) for t in texts) or 1
    requests = []
    for i, text in enumerate(texts, 1):
        share = wanted if len(texts) == 1 else max(2, math.ceil(wanted * estimate_tokens(text) / total))
        prompt = render_prompt(article, text, i, len(texts), share)
        requests.append(Request(article.id, i, len(texts), prompt))
    return requests


_FENCE_RE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)
_THINK_RE = re.compile(r"<think>.*?</think>", re.DOTALL)
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if isinstance(data.get("questions"), list):
            return list(data["questions"])
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) == 1:
            return lists[0]
        if "question" in data and "answer" in data:
            return [data]
    raise ReplyError("không thấy danh sách 'questions'")


def parse_reply(content: str) -> list[Any]:
    """The drafts in a model's reply: JSON, in a code fence, after chatter, or cut off mid-way."""
    text = _THINK_RE.sub("", content).strip()
    fenced = _FENCE_RE.search(text)
    if fenced:
        text = fenced.group(1).strip()
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if not starts:
        raise ReplyError("không có JSON trong câu trả lời")
    body = text[min(starts) :]
    decoder = json.JSONDecoder()
    for candidate in (body, _TRAILING_COMMA_RE.sub(r"\1", body)):
        try:
            data, _ = decoder.raw_decode(candidate)
        except json.JSONDecodeError:
            continue
        return _items(data)
    # Cut off (token limit) or broken further on: keep the complete drafts before the break.
    at = body.find("[")
    items: list[Any] = []
    pos = at + 1 if at >= 0 else len(body)
    while pos < len(body):
        while pos < len(body) and body[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(body) or body[pos] != "{":
            break
        try:
            item, pos = decoder.raw_decode(body, pos)
        except json.JSONDecodeError:
            break
        items.append(item)
    if not items:
        raise ReplyError("JSON hỏng, không đọc được câu nào")
    return items


def _retry_after(response: Any) -> float | None:
    headers = getattr(response, "headers", None) or {}
    ms = headers.get("retry-after-ms")
    with contextlib.suppress(TypeError, ValueError):
        if ms is not None:
            return min(float(ms) / 1000, MAX_RETRY_AFTER)
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    except ValueError:
        pass
    with contextlib.suppress(TypeError, ValueError):
        when = email.utils.parsedate_to_datetime(value)
        return min(max(when.timestamp() - time.time(), 0.0), MAX_RETRY_AFTER)
    return None


def _server_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if message:
            return str(message)[:200]
    return str(getattr(exc, "message", exc))[:200]


def make_client(settings: LlmSettings) -> OpenAI:
    try:
        import openai
    except ImportError:
        raise EnvironmentProblem(
            "thiếu gói 'openai' cần cho --drafter llm: chạy pip install 'quizgen[llm]'."
        ) from None
    host = urlsplit(settings.url).hostname or ""
    # A proxy from the environment would carry a local server's traffic off the machine.
    local = is_local_host(host)
    return openai.OpenAI(
        base_url=settings.url,
        api_key=settings.api_key or "khong-can-khoa",
        timeout=settings.timeout,
        max_retries=0,  # retries are ours: counted, with Retry-After, and a message naming the article
        http_client=openai.DefaultHttpxClient(trust_env=not local),
    )


class LlmDrafter:
    name = "llm"

    def __init__(self, settings: LlmSettings, cache_dir: Path | None = None, progress: bool = False):
        check_url(settings.url, settings.allow_remote)
        self.settings = settings
        self.cache_dir = cache_dir
        self.progress = progress
        self._format = settings.structured_output
        self._lock = threading.Lock()
        self.sent = 0  # requests that reached the server (for the report and tests)

    @property
    def signature(self) -> str:
        return f"llm:{PROMPT_VERSION}:{self.settings.model}"

    # --- cache -----------------------------------------------------------------------------
    def _cache_file(self, request: Request) -> Path | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(f"{self.settings.model}\x1f{request.prompt}".encode()).hexdigest()[:32]
        return self.cache_dir / f"{key}.json"

    def _cached(self, request: Request) -> str | None:
        path = self._cache_file(request)
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        content = data.get("reply") if isinstance(data, dict) else None
        return content if isinstance(content, str) else None

    def _remember(self, request: Request, content: str) -> None:
        from quizgen.bank import STATE_DIR, ensure_state_dir
        from quizgen.fileio import WriteError, atomic_write_text

        path = self._cache_file(request)
        if path is None:
            return
        record = {"model": self.settings.model, "prompt_version": PROMPT_VERSION, "reply": content}
        # Best effort, like the parse cache: a bank this user cannot write goes without. The
        # state folder gets its .gitignore first, so replies never show up in `git status`.
        with contextlib.suppress(WriteError):
            if path.parent.parent.name == STATE_DIR:
                ensure_state_dir(path.parent.parent)
            atomic_write_text(path, json.dumps(record, ensure_ascii=False) + "\n")

    # --- one request -------------------------------------------------------------------------
    def _wait(self, attempt: int, response: Any = None) -> None:
        delay = _retry_after(response)
        if delay is None:
            delay = min(self.settings.backoff * (2**attempt), MAX_BACKOFF)
        time.sleep(delay)

    def _complete(self, client: OpenAI, request: Request) -> str:
        import openai

        s = self.settings
        attempt = 0
        garbage = 0
        while True:
            with self._lock:
                fmt = self._format
            extra: dict[str, Any] = {}
            if fmt == "json_schema":
                extra["response_format"] = {
                    "type": "json_schema",
                    "json_schema": {"name": "quizgen_drafts", "schema": DRAFT_SCHEMA},
                }
            elif fmt == "json_object":
                extra["response_format"] = {"type": "json_object"}
            try:
                with self._lock:
                    self.sent += 1
                response = client.chat.completions.create(
                    model=s.model,
                    messages=[{"role": "user", "content": request.prompt}],
                    temperature=s.temperature,
                    max_tokens=s.max_output_tokens,
                    **extra,
                )
            except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
                if fmt != "none":
                    # Servers without structured output reject response_format: ask in plain text.
                    with self._lock:
                        self._format = "none"
                    continue
                raise LlmError(
                    f"{request.where}: máy chủ mô hình từ chối yêu cầu ({exc.status_code}: "
                    f"{_server_message(exc)})."
                ) from None
            except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
                raise LlmError(
                    f"{request.where}: máy chủ mô hình {s.url} từ chối khóa API ({exc.status_code}); "
                    "kiểm tra biến QUIZGEN_LLM_API_KEY."
                ) from None
            except openai.NotFoundError:
                raise LlmError(
                    f"{request.where}: máy chủ {s.url} không có mô hình '{s.model}' hoặc sai đường dẫn "
                    "(địa chỉ thường kết thúc bằng /v1); chạy quizgen doctor để xem."
                ) from None
            except openai.APIStatusError as exc:
                if (exc.status_code == 429 or exc.status_code >= 500) and attempt < s.max_retries:
                    self._wait(attempt, exc.response)
                    attempt += 1
                    continue
                raise LlmError(
                    f"{request.where}: máy chủ mô hình báo lỗi {exc.status_code} sau {attempt + 1} lần thử "
                    f"({_server_message(exc)})."
                ) from None
            except openai.APITimeoutError:
                if attempt < s.max_retries:
                    self._wait(attempt)
                    attempt += 1
                    continue
                raise LlmError(
                    f"{request.where}: máy chủ mô hình không trả lời trong {s.timeout:g} giây "
                    f"({attempt + 1} lần thử); tăng timeout trong quizgen.toml hoặc dùng mô hình nhỏ hơn."
                ) from None
            except openai.APIConnectionError:
                if attempt < s.max_retries:
                    self._wait(attempt)
                    attempt += 1
                    continue
                raise LlmError(
                    f"{request.where}: không kết nối được máy chủ mô hình {s.url}: máy chủ đã chạy chưa? "
                    "(quizgen doctor kiểm tra kết nối)."
                ) from None
            choice = response.choices[0] if response.choices else None
            content = choice.message.content if choice is not None else None
            try:
                if not content or not content.strip():
                    raise ReplyError("câu trả lời rỗng")
                parse_reply(content)
            except ReplyError as exc:
                # A sampled reply may come out broken once; twice means the model cannot do it.
                if garbage < 1:
                    garbage += 1
                    continue
                raise LlmError(
                    f"{request.where}: mô hình '{s.model}' trả lời không đúng mẫu JSON ({exc}); "
                    "thử lại, hoặc dùng mô hình lớn hơn."
                ) from None
            return str(content)

    def _ask(self, client: OpenAI, request: Request) -> list[Any]:
        content = self._cached(request)
        if content is None:
            content = self._complete(client, request)
            self._remember(request, content)
        return parse_reply(content)

    # --- the drafter ---------------------------------------------------------------------------
    def draft(self, articles: list[Article], changed: list[Article], max_per_article: int) -> DraftBatch:
        requests = [r for a in changed for r in requests_for(a, self.settings, max_per_article)]
        replies: dict[tuple[str, int], list[Any]] = {}
        todo = [r for r in requests if self._cached(r) is None]
        client = make_client(self.settings) if todo else None
        with self._progress(len(requests)) as advance:
            for r in requests:
                if r not in todo:
                    replies[(r.article_id, r.index)] = parse_reply(self._cached(r) or "")
                    advance(r)
            if todo:
                assert client is not None
                for r, items in self._run_all(client, todo, advance).items():
                    replies[(r.article_id, r.index)] = items
        origin = Origin(self.name, self.settings.model, PROMPT_VERSION)
        drafts = {}
        drops: dict[str, Counter[str]] = {}
        for article in changed:
            items = [
                item
                for r in requests
                if r.article_id == article.id
                for item in replies[(r.article_id, r.index)]
            ]
            grounded, counter = ground_drafts(items, article, origin)
            drafts[article.id] = rank_and_filter(grounded, article, max_per_article, counter)
            drops[article.id] = counter
        return DraftBatch(drafts, drops)

    def _run_all(self, client: OpenAI, todo: list[Request], advance: Any) -> dict[Request, list[Any]]:
        """Send ``todo`` with at most ``concurrency`` requests in flight; first failure stops the run.

        Daemon worker threads, so that Ctrl-C ends quizgen at once instead of waiting for the
        requests in flight; after an ordinary failure those requests are let finish (their replies
        are cached, not sent again next time) while nothing new starts.
        """
        jobs: queue.Queue[Request] = queue.Queue()
        for r in todo:
            jobs.put(r)
        results: queue.Queue[tuple[Request, list[Any] | None, BaseException | None]] = queue.Queue()
        stop = threading.Event()

        def worker() -> None:
            while not stop.is_set():
                try:
                    r = jobs.get_nowait()
                except queue.Empty:
                    return
                try:
                    results.put((r, self._ask(client, r), None))
                except BaseException as exc:  # handed to the main thread, which raises it
                    results.put((r, None, exc))

        threads = [
            threading.Thread(target=worker, daemon=True, name=f"quizgen-llm-{i}")
            for i in range(min(self.settings.concurrency, len(todo)))
        ]
        for t in threads:
            t.start()
        out: dict[Request, list[Any]] = {}
        while len(out) < len(todo):
            try:
                r, items, error = results.get(timeout=0.2)
            except queue.Empty:
                continue
            if error is not None:
                stop.set()
                for t in threads:
                    t.join()
                raise error
            assert items is not None
            out[r] = items
            advance(r)
        return out

    @contextlib.contextmanager
    def _progress(self, total: int) -> Iterator[Any]:
        if not self.progress:
            yield lambda r: None
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        with Progress(
            TextColumn("Soạn bằng mô hình"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        ) as bar:
            task = bar.add_task("", total=total)

            def advance(request: Request) -> None:
                bar.update(task, advance=1, description=request.article_id)

            yield advance


def doctor_checks(bank_root: Path, config: Path | None = None) -> list[Check]:
    """`quizgen doctor`: the configured model server answers and serves the configured model."""
    from quizgen.doctor import Check
    from quizgen.drafters.config import load_settings

    name = "Máy chủ mô hình (--drafter llm)"
    try:
        settings = load_settings(bank_root, config)
    except QuizgenError as exc:
        return [Check(name, False, exc.user_message(), "sửa quizgen.toml hoặc các biến QUIZGEN_LLM_*")]
    if settings is None:
        return []
    try:
        client = make_client(settings).with_options(timeout=min(settings.timeout, 15.0))
    except EnvironmentProblem as exc:
        return [Check(name, False, exc.user_message(), "pip install 'quizgen[llm]'")]
    import openai

    try:
        models = sorted(m.id for m in client.models.list())
    except openai.APIStatusError as exc:
        fix = (
            "kiểm tra QUIZGEN_LLM_API_KEY"
            if exc.status_code in (401, 403)
            else "địa chỉ máy chủ thường kết thúc bằng /v1"
        )
        return [Check(name, False, f"{settings.url} trả lời lỗi {exc.status_code}", fix)]
    except openai.APIError:
        return [
            Check(
                name,
                False,
                f"không kết nối được {settings.url}",
                "khởi động máy chủ (ví dụ: ollama serve) và kiểm tra địa chỉ",
            )
        ]
    checks = [Check(name, True, f"{settings.url} trả lời ({len(models)} mô hình)")]
    ok = settings.model in models
    detail = (
        f"'{settings.model}' có trên máy chủ"
        if ok
        else f"máy chủ không có '{settings.model}'; có: {', '.join(models[:8]) or '(không có)'}"
    )
    fix = f"tải mô hình (ví dụ: ollama pull {settings.model}) hoặc sửa model"
    checks.append(Check("Mô hình", ok, detail, fix))
    return checks
