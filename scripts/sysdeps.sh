#!/usr/bin/env bash
# Install the system libraries quizgen needs (WeasyPrint's Pango, a Vietnamese font,
# fontconfig, poppler for the PDF tests) when they are missing. Runs apt-get only
# when something is missing and we are root; otherwise says what to install.
set -euo pipefail
missing=()
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
# HarfBuzz's subsetter: WeasyPrint embeds font subsets with it, several times faster than fontTools.
ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset.so' || missing+=(libharfbuzz-subset0)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
fc-list 2>/dev/null | grep -qi 'DejaVu Serif' || missing+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi 'Noto Serif' || missing+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
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
