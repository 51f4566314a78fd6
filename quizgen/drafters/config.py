"""Settings of the llm drafter: quizgen.toml (beside the bank, or --config) and environment variables.

Sending an article off the machine is an explicit choice: a server outside loopback and the
private networks is refused unless the file says ``allow_remote = true``.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from quizgen.errors import UsageError

CONFIG_NAME = "quizgen.toml"
ENV_URL = "QUIZGEN_LLM_URL"
ENV_MODEL = "QUIZGEN_LLM_MODEL"
ENV_KEY = "QUIZGEN_LLM_API_KEY"


class LlmSection(BaseModel):
    """The ``[llm]`` table of quizgen.toml, as a trainer writes it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str | None = None
    model: str | None = None
    api_key: str | None = None
    allow_remote: bool = False
    timeout: float = Field(default=180.0, gt=0)
    max_retries: int = Field(default=4, ge=0, le=10)
    backoff: float = Field(default=1.0, ge=0)
    concurrency: int = Field(default=2, ge=1, le=16)
    max_input_tokens: int = Field(default=6000, ge=1000)
    max_output_tokens: int = Field(default=4096, ge=256)
    questions_per_article: int = Field(default=10, ge=1, le=50)
    temperature: float = Field(default=0.2, ge=0, le=2)
    structured_output: Literal["json_schema", "json_object", "none"] = "json_schema"


class ConfigFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    llm: LlmSection = LlmSection()


@dataclass(frozen=True)
class LlmSettings:
    url: str
    model: str
    api_key: str | None = None
    allow_remote: bool = False
    timeout: float = 180.0
    max_retries: int = 4
    backoff: float = 1.0
    concurrency: int = 2
    max_input_tokens: int = 6000
    max_output_tokens: int = 4096
    questions_per_article: int = 10
    temperature: float = 0.2
    structured_output: str = "json_schema"
    source: str = ""  # where the settings came from, for messages


def config_path_for(bank_root: Path, config: Path | None) -> Path:
    return config if config is not None else bank_root.resolve().parent / CONFIG_NAME


def read_config(path: Path, required: bool) -> ConfigFile:
    if not path.is_file():
        if required:
            raise UsageError(f"không tìm thấy tệp cấu hình {path}.")
        return ConfigFile()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: tệp cấu hình không đúng cú pháp TOML ({exc}).") from None
    try:
        return ConfigFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise UsageError(f"{path}: mục '{where}' không hợp lệ ({err['msg']}).") from None


def load_settings(
    bank_root: Path, config: Path | None = None, env: Mapping[str, str] | None = None
) -> LlmSettings | None:
    """The llm settings, or None when no server is configured. Environment variables win."""
    env = os.environ if env is None else env
    path = config_path_for(bank_root, config)
    section = read_config(path, required=config is not None).llm
    url = env.get(ENV_URL) or section.url
    model = env.get(ENV_MODEL) or section.model
    if not url and not model:
        return None
    if not url or not model:
        missing = ENV_URL if not url else ENV_MODEL
        raise UsageError(
            f"cấu hình máy chủ mô hình chưa đủ: thiếu {'url' if not url else 'model'} "
            f"(đặt trong mục [llm] của {path} hoặc biến môi trường {missing})."
        )
    data = section.model_dump()
    data.update(url=url, model=model, api_key=env.get(ENV_KEY) or section.api_key)
    settings = LlmSettings(**data, source=str(path) if path.is_file() else "biến môi trường")
    check_url(settings.url, settings.allow_remote)
    return settings


def require_settings(bank_root: Path, config: Path | None = None) -> LlmSettings:
    settings = load_settings(bank_root, config)
    if settings is None:
        raise UsageError(
            "chưa cấu hình máy chủ mô hình cho --drafter llm: đặt biến môi trường "
            f"{ENV_URL} và {ENV_MODEL}, hoặc tạo {config_path_for(bank_root, config)} có mục [llm] "
            "(xem README, phần 'Soạn câu hỏi bằng mô hình ngôn ngữ')."
        )
    return settings


def _local_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or ip.is_private or ip.is_link_local


def is_local_host(host: str) -> bool:
    """Loopback or the local network (RFC 1918, link-local, IPv6 ULA); a name is resolved first."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _local_address(host)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False
    addresses = {str(info[4][0]) for info in infos}
    return bool(addresses) and all(_local_address(a) for a in addresses)


def check_url(url: str, allow_remote: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"địa chỉ máy chủ mô hình '{url}' không hợp lệ; ví dụ: http://127.0.0.1:11434/v1 (Ollama)."
        )
    if not allow_remote and not is_local_host(parts.hostname):
        raise UsageError(
            f"máy chủ mô hình {parts.hostname} nằm ngoài máy này và mạng nội bộ: quizgen không gửi bài "
            "báo ra ngoài khi chưa được phép. Nếu đơn vị đồng ý gửi nội dung bài báo tới máy chủ đó, "
            "đặt allow_remote = true trong mục [llm] của quizgen.toml."
        )
