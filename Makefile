# Two commands for a fresh machine: `make demo` and `make test`. Both are idempotent.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE ?= 1
export GRADIO_ANALYTICS_ENABLED ?= False
export ANONYMIZED_TELEMETRY ?= False
export TOKENIZERS_PARALLELISM ?= false
# Converted models are shared by the demo, the tests and CI runs on this machine.
export CHAT_REC_MODELS_ROOT ?= $(HOME)/.cache/chat-rec/models
HOST ?= 127.0.0.1
PORT ?= 7860

.PHONY: install browser postgres demo serve prepare test test-unit test-integration test-dialogues test-e2e lint clean

$(STAMP): pyproject.toml
	@echo "==> creating $(VENV) and installing chat-rec (torch CPU build first)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[test,finetune]"
	bash scripts/install-llamacpp.sh $(BIN)/python \
	  || echo "==> llama-cpp-python did not build: the app runs the model with transformers (README, Engines)"
	touch $(STAMP)

install: $(STAMP)

browser:
	@bash scripts/install-browser.sh

# PostgreSQL server binaries: the PostgreSQL tests start their own throwaway server from them.
postgres:
	@bash scripts/install-postgres.sh

prepare: install
	$(BIN)/chat-rec prepare

demo: prepare
	@echo "==> open http://$(HOST):$(PORT)"
	$(BIN)/chat-rec serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check chat_rec ui tests
	$(BIN)/mypy chat_rec

test-unit: install postgres
	$(BIN)/pytest -q tests/unit

test-integration: install postgres
	$(BIN)/pytest -q tests/integration

test-dialogues: install
	$(BIN)/chat-rec dialogue run --llm scripted tests/dialogues/*.yaml
	CHAT_REC_LLM_TIMEOUT_S=$${CHAT_REC_LLM_TIMEOUT_S:-20} $(BIN)/chat-rec -v dialogue run tests/dialogues/*.yaml

test-e2e: install browser
	$(BIN)/pytest -q tests/e2e

# Every tier: lint, unit, integration (real packaged LLM; PostgreSQL, Chroma and LLM servers), dialogues
# (scripted and default LLM), browser.
test: install browser postgres
	$(BIN)/ruff check chat_rec ui tests
	$(BIN)/pytest -q -p no:cacheprovider tests
	$(BIN)/chat-rec dialogue run --llm scripted tests/dialogues/*.yaml
	CHAT_REC_LLM_TIMEOUT_S=$${CHAT_REC_LLM_TIMEOUT_S:-20} $(BIN)/chat-rec -v dialogue run tests/dialogues/*.yaml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
