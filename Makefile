# Two commands for a fresh machine: `make demo` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QUIZGEN := $(BIN)/quizgen

.PHONY: demo test lint typecheck unit bench golden clean sysdeps gift-parser

$(STAMP): pyproject.toml scripts/sysdeps.sh
	@bash scripts/sysdeps.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@# The official Anki package checks our decks in the tests; it needs a recent glibc, so a
	@# machine that cannot install it skips those tests (with the reason) instead of failing.
	$(BIN)/python -m pip install -q 'anki>=25.2' || echo "Không cài được gói anki: các kiểm thử nhập thẻ Anki sẽ bị bỏ qua."
	@touch $(STAMP)

sysdeps:
	@bash scripts/sysdeps.sh

demo: $(STAMP)
	$(QUIZGEN) generate seeds/ --bank question_bank
	$(QUIZGEN) stats --bank question_bank
	@mkdir -p out
	$(QUIZGEN) export json out/questions.json --bank question_bank --status all
	@if $(QUIZGEN) export --help | grep -qE '^ +pdf '; then \
		$(QUIZGEN) export pdf out --bank question_bank; \
	else echo "Bỏ qua out/quiz.pdf và out/answer-key.pdf: chưa có lệnh 'export pdf'."; fi
	@if $(QUIZGEN) export --help | grep -qE '^ +anki '; then \
		$(QUIZGEN) export anki out/deck.apkg --bank question_bank; \
	else echo "Bỏ qua out/deck.apkg: chưa có lệnh 'export anki'."; fi
	$(QUIZGEN) export moodle out/quiz.xml --bank question_bank
	$(QUIZGEN) export gift out/quiz.gift --bank question_bank

lint: $(STAMP)
	$(BIN)/ruff check quizgen tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) gift-parser
	$(BIN)/pytest -q

# The tests read the GIFT export back with an independent parser, gift-pegjs from npm,
# installed exactly as locked in tests/gift/package-lock.json. Without node/npm the step is
# skipped and so are those tests (pytest says why).
GIFT_PARSER := tests/gift/node_modules/gift-pegjs/package.json

gift-parser:
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
		echo "Không có node/npm: bỏ qua cài gift-pegjs, các kiểm thử đọc lại tệp GIFT sẽ bị bỏ qua."; \
	elif [ ! -f $(GIFT_PARSER) ] || [ tests/gift/package-lock.json -nt $(GIFT_PARSER) ]; then \
		npm ci --prefix tests/gift --no-audit --no-fund --loglevel=error && touch $(GIFT_PARSER); \
	fi

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python tests/bench/run_bench.py
	$(BIN)/python tests/bench/llm_bench.py

clean:
	rm -rf $(VENV) out build dist .pytest_cache .mypy_cache .ruff_cache

# Regenerate the golden files (tests/golden/: the PDF templates' HTML, the Moodle XML, the GIFT) after an intended change;
# review the diff before committing it.
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_export_pdf.py tests/test_export_moodle.py tests/test_export_gift.py -k golden
