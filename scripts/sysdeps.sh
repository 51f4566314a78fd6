#!/usr/bin/env bash
# Install the system libraries quizgen needs (WeasyPrint's Pango and HarfBuzz subsetter, fonts
# with full Vietnamese coverage, fontconfig; poppler and tmux for the tests) when they are missing.
# Runs apt-get only when something is missing and we are root; otherwise says what to install.
set -euo pipefail
# Read the lists once: `cmd | grep -q` would fail under pipefail when grep stops early (SIGPIPE).
libs=$(ldconfig -p 2>/dev/null || true)
fonts=$(fc-list : family 2>/dev/null || true)
missing=()
grep -q 'libpango-1.0.so' <<<"$libs" || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
# HarfBuzz's subsetter: WeasyPrint embeds font subsets with it, several times faster than fontTools.
grep -q 'libharfbuzz-subset.so' <<<"$libs" || missing+=(libharfbuzz-subset0)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
grep -qi 'DejaVu Serif' <<<"$fonts" || missing+=(fonts-dejavu-core)
grep -qi 'Noto Serif' <<<"$fonts" || missing+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
# Optional: node and npm run an independent GIFT parser (gift-pegjs) in the tests, which are
# skipped without them; installed when we can, never a reason to stop.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Cài node và npm (kiểm thử đọc lại tệp GIFT)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null \
      || echo "Không cài được nodejs/npm: các kiểm thử GIFT bằng gift-pegjs sẽ bị bỏ qua." >&2
  else
    echo "Tùy chọn: sudo apt-get install nodejs npm để chạy kiểm thử GIFT bằng gift-pegjs." >&2
  fi
fi
if ((${#missing[@]} == 0)); then
  exit 0
fi
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Cài gói hệ thống còn thiếu: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Thiếu gói hệ thống: ${missing[*]}" >&2
  echo "Hãy chạy: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
