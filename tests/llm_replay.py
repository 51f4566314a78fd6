"""A real HTTP server on loopback speaking the OpenAI chat-completions protocol, replaying records.

Replies are keyed by the request: the SHA-256 of the prompt (the last user message), as
quizgen.drafters.llm.Request.key computes it. Each key holds a list of scripted replies served in
turn (the last one repeats): a status, headers, a delay, and the assistant's content.
Used by the tests and by scripts/llm_replay.py (measuring grounding on recorded replies).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def prompt_key(prompt: str) -> str:
    return hashlib.sha256(prompt.encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Reply:
    content: str = ""
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0
    finish_reason: str = "stop"


@dataclass
class Script:
    replies: dict[str, list[Reply]] = field(default_factory=dict)
    models: tuple[str, ...] = ("replay-model",)
    requests: list[dict[str, Any]] = field(default_factory=list)
    served: dict[str, int] = field(default_factory=dict)
    structured_output: bool = True  # False: answer 400 to response_format, as some servers do
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, prompt_or_key: str, *replies: Reply) -> None:
        key = prompt_or_key if len(prompt_or_key) == 24 else prompt_key(prompt_or_key)
        self.replies[key] = list(replies)

    def next_reply(self, key: str) -> Reply | None:
        with self.lock:
            queue = self.replies.get(key)
            if not queue:
                return None
            n = self.served.get(key, 0)
            self.served[key] = n + 1
            return queue[min(n, len(queue) - 1)]


class _Handler(BaseHTTPRequestHandler):
    server: ReplayServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: dict[str, Any], headers: tuple[tuple[str, str], ...] = ()) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            data = [
                {"id": m, "object": "model", "created": 0, "owned_by": "replay"}
                for m in self.server.script.models
            ]
            self._send(200, {"object": "list", "data": data})
        else:
            self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        script = self.server.script
        with script.lock:
            script.requests.append(body)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
            return
        if not script.structured_output and "response_format" in body:
            self._send(400, {"error": {"message": "response_format is not supported", "type": "invalid"}})
            return
        if body.get("model") not in script.models:
            self._send(
                404, {"error": {"message": f"model '{body.get('model')}' not found", "type": "not_found"}}
            )
            return
        prompt = [m for m in body.get("messages", []) if m.get("role") == "user"][-1]["content"]
        reply = script.next_reply(prompt_key(prompt))
        if reply is None:
            self._send(400, {"error": {"message": f"no recorded reply for prompt {prompt_key(prompt)}"}})
            return
        with script.lock:
            script.in_flight += 1
            script.max_in_flight = max(script.max_in_flight, script.in_flight)
        if reply.delay:
            time.sleep(reply.delay)
        with script.lock:
            script.in_flight -= 1
        if reply.status != 200:
            err = {"error": {"message": reply.content or f"status {reply.status}", "type": "server_error"}}
            self._send(reply.status, err, reply.headers)
            return
        self._send(
            200,
            {
                "id": "chatcmpl-replay",
                "object": "chat.completion",
                "created": 0,
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": reply.content},
                        "finish_reason": reply.finish_reason,
                    }
                ],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            },
            reply.headers,
        )


class ReplayServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, script: Script):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script = script
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


def refuse_beyond_loopback(monkeypatch: Any) -> None:
    """Make any socket connection outside loopback fail the test (pytest's monkeypatch)."""
    import socket

    original = socket.socket.connect
    original_ex = socket.socket.connect_ex

    def check(sock: socket.socket, address: Any) -> None:
        if sock.family == socket.AF_UNIX:
            return
        host = str(address[0])
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to reach {host}: only loopback is allowed")

    def connect(sock: socket.socket, address: Any) -> None:
        check(sock, address)
        original(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        check(sock, address)
        return original_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
