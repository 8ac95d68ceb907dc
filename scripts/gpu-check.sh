#!/usr/bin/env bash
# The GPU path, ready to prove: on a CUDA machine, load Qwen2.5-7B-Instruct in 4-bit NF4 and print
# first token, tokens/s and VRAM for the intro prompt, then the page turn benchmark and the
# extraction benchmark with that model. Needs the model offline (a folder, or the hub id already
# in the local Hugging Face cache): set CHAT_REC_LLM_MODEL to it. Not run yet: the one GPU machine
# lent so far could not reach the weights; scripts/gpu_shapes.py measured the shapes there instead.
#
#   CHAT_REC_LLM_MODEL=/models/Qwen2.5-7B-Instruct scripts/gpu-check.sh [TURNS]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
TURNS=${1:-24}
export HF_HUB_OFFLINE=1 CHAT_REC_LLM=local CHAT_REC_LLM_LOAD_IN_4BIT=true
export CHAT_REC_LLM_MODEL=${CHAT_REC_LLM_MODEL:-Qwen/Qwen2.5-7B-Instruct}
export CHAT_REC_HOME=${CHAT_REC_HOME:-$(mktemp -d /tmp/chat-rec-gpu.XXXX)}

"$PY" - <<'PY'
import time, torch
from langchain_core.messages import HumanMessage, SystemMessage
from chat_rec.config import get_settings
from chat_rec.llm.registry import resolve_local_model
from chat_rec.llm.local import load_local_chat_model

if not torch.cuda.is_available():
    raise SystemExit("gpu-check: no CUDA device visible (torch.cuda.is_available() is False)")
settings = get_settings()
path = resolve_local_model(settings, progress=True)
started = time.perf_counter()
llm = load_local_chat_model(path, load_in_4bit=True, max_new_tokens=64)
print(f"model {path}: loaded 4-bit NF4 in {time.perf_counter() - started:.1f} s on {torch.cuda.get_device_name()}")
messages = [SystemMessage(content="You are a friendly movie recommender. Write two short sentences."),
            HumanMessage(content="Introduce five thoughtful science fiction picks for someone who loved Arrival.")]
llm.invoke(messages, max_new_tokens=1)  # warm-up
for run in range(3):
    started = time.perf_counter()
    first, pieces = None, 0
    for chunk in llm.stream(messages, max_new_tokens=64):
        first = first or time.perf_counter() - started
        pieces += 1
    whole = time.perf_counter() - started
    tokens = llm.invoke(messages, max_new_tokens=64).usage_metadata["output_tokens"]
    print(f"run {run + 1}: first token {first:.3f} s, {tokens} tokens in {whole:.2f} s "
          f"({tokens / max(whole - first, 1e-6):.1f} tok/s after the first)")
print(f"VRAM peak {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB allocated, "
      f"{torch.cuda.max_memory_reserved() / 2**30:.2f} GiB reserved")
PY

echo "== page turns ($TURNS), $CHAT_REC_LLM_MODEL 4-bit"
"$PY" -m chat_rec.cli bench page --turns "$TURNS"
echo "== extraction with the model"
CHAT_REC_EXTRACT_WITH_LLM=true "$PY" -m chat_rec.cli eval extraction \
    --cases tests/data/extraction/fresh.jsonl --llm local
