"""The CUDA path measured in the real model shapes when the real weights cannot reach the GPU machine.

    python scripts/gpu_shapes.py TOKENIZER_DIR [SHAPE ...]     (shapes: 0.5b, 7b; default both)

A lent GPU machine here has no network and takes 64 MiB of files per call, so Qwen2.5's weights
(1 GB at 0.5B, 15 GB at 7B) cannot be brought to it. Speed and memory do not depend on the values
of the weights, only on their shapes, so this builds Qwen2.5-0.5B- and Qwen2.5-7B-shaped models with
random weights (the published configs below), saves each as a safetensors folder next to the real
tokenizer and chat template, and loads it through the app's own ``load_local_chat_model`` twice:
4-bit NF4 through bitsandbytes (the product's CUDA default) and plain bf16. For each it prints the
load time, first token and decode speed of the real intro prompt (``prompts/recommend.txt``) with
and without the system prompt's cached key/values, and peak VRAM; then, for the first shape in
bf16, plain ``model.generate`` on the main thread, on a thread made for the call and on a reused
thread (the app's ``.stream()`` generates on a reused one since this was measured). Random weights say nothing about
the words: every call is made to write exactly ``NEW_TOKENS`` tokens (``min_new_tokens``).
``scripts/gpu-check.sh`` is the check to run where the real weights are on disk.
"""

from __future__ import annotations

import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

NEW_TOKENS = 64
ROUNDS = 3
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja")
_COMMON = {"architectures": ["Qwen2ForCausalLM"], "model_type": "qwen2", "hidden_act": "silu",
           "bos_token_id": 151643, "eos_token_id": 151645, "max_position_embeddings": 32768,
           "rms_norm_eps": 1e-6, "rope_theta": 1000000.0, "use_sliding_window": False, "dtype": "bfloat16"}
SHAPES = {  # Qwen/Qwen2.5-0.5B-Instruct and Qwen/Qwen2.5-7B-Instruct config.json, shape fields
    "0.5b": {**_COMMON, "hidden_size": 896, "intermediate_size": 4864, "num_hidden_layers": 24,
             "num_attention_heads": 14, "num_key_value_heads": 2, "vocab_size": 151936, "tie_word_embeddings": True},
    "7b": {**_COMMON, "hidden_size": 3584, "intermediate_size": 18944, "num_hidden_layers": 28,
           "num_attention_heads": 28, "num_key_value_heads": 4, "vocab_size": 152064, "tie_word_embeddings": False},
}


def build(shape: str, tokenizer_dir: Path, root: Path) -> Path:
    """A folder holding a randomly initialised model of ``shape`` and the real tokenizer files."""
    import torch
    from transformers import AutoModelForCausalLM, Qwen2Config

    folder = root / f"qwen2.5-{shape}-random"
    started = time.perf_counter()
    torch.manual_seed(0)
    with torch.device("cuda"):
        model = AutoModelForCausalLM.from_config(Qwen2Config(**SHAPES[shape]), dtype=torch.bfloat16)
    model.save_pretrained(folder)
    params = sum(p.numel() for p in model.parameters())
    del model
    gc.collect()
    torch.cuda.empty_cache()
    for name in TOKENIZER_FILES:
        if (tokenizer_dir / name).exists():
            shutil.copy(tokenizer_dir / name, folder / name)
    size = sum(f.stat().st_size for f in folder.iterdir()) / 2**30
    print(f"{shape}: {params / 1e9:.2f} B parameters, random weights saved ({size:.1f} GiB) "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def messages() -> list:
    from chat_rec.llm.prompts import load_prompt

    template = load_prompt("recommend")
    values = {"language": "English", "request": "something mind-bending, no horror please",
              "taste": "The Matrix (1999), Inception (2010)",
              "picks": "Dark City (1998); Gattaca (1997); Minority Report (2002); Looper (2012); Primer (2004)"}
    return template.format_messages(**{k: v for k, v in values.items() if k in template.input_variables})


def measure(folder: Path, shape: str, four_bit: bool) -> dict:
    import torch

    from chat_rec.llm import local

    torch.cuda.empty_cache()
    torch.cuda.reset_peak_memory_stats()
    started = time.perf_counter()
    llm = local.load_local_chat_model(folder, load_in_4bit=four_bit, max_new_tokens=NEW_TOKENS, device="cuda")
    loaded = time.perf_counter() - started
    prompt = messages()
    prompt_tokens = llm.invoke(prompt, max_new_tokens=1).usage_metadata["input_tokens"]  # warm-up
    llm.model.generation_config.min_new_tokens = NEW_TOKENS  # random weights: no early end of text
    row = {"shape": shape, "mode": "nf4" if four_bit else "bf16", "load_s": round(loaded, 2),
           "prompt_tokens": prompt_tokens, "linear_layers": type(llm.model.model.layers[0].mlp.up_proj).__name__}
    for cache in (False, True):
        model = llm.model_copy(update={"prefix_cache": cache})
        firsts, rates = [], []
        for _ in range(ROUNDS):
            torch.cuda.synchronize()
            started = time.perf_counter()
            first, pieces = None, 0
            for _chunk in model.stream(prompt, max_new_tokens=NEW_TOKENS):
                first = first or time.perf_counter() - started
                pieces += 1
            whole = time.perf_counter() - started
            firsts.append(first or whole)
            rates.append((NEW_TOKENS - 1) / max(whole - (first or whole), 1e-6))
        key = "cached" if cache else "plain"
        row[f"first_token_s_{key}"] = round(statistics.median(firsts), 4)
        row[f"tokens_per_s_{key}"] = round(statistics.median(rates), 1)
    row["output_tokens"] = llm.invoke(prompt).usage_metadata["output_tokens"]
    row["vram_peak_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
    print(json.dumps(row), flush=True)
    local._CACHE.clear()
    del llm, model
    gc.collect()
    torch.cuda.empty_cache()
    return row


def threads(folder: Path) -> dict:
    """Decoding speed of plain ``generate`` by the thread it runs on (tokens/s, medians of 3)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    import torch

    from chat_rec.llm import local

    llm = local.load_local_chat_model(folder, load_in_4bit=False, max_new_tokens=NEW_TOKENS, device="cuda")
    inputs = llm._inputs(messages())

    def plain() -> None:
        llm.model.generate(**inputs, max_new_tokens=NEW_TOKENS, min_new_tokens=NEW_TOKENS, do_sample=False)

    def fresh() -> None:
        thread = threading.Thread(target=plain)
        thread.start()
        thread.join()

    pool = ThreadPoolExecutor(1)

    def reused() -> None:
        pool.submit(plain).result()

    row = {}
    for name, call in (("main", plain), ("fresh_thread", fresh), ("reused_thread", reused)):
        call()
        times = []
        for _ in range(ROUNDS):
            torch.cuda.synchronize()
            started = time.perf_counter()
            call()
            torch.cuda.synchronize()
            times.append(time.perf_counter() - started)
        row[f"tokens_per_s_{name}"] = round(NEW_TOKENS / statistics.median(times), 1)
    pool.shutdown()
    local._CACHE.clear()
    print(json.dumps(row), flush=True)
    return row


def main(argv: list[str]) -> None:
    import torch

    if not argv:
        raise SystemExit(__doc__)
    if not torch.cuda.is_available():
        raise SystemExit("gpu_shapes: no CUDA device visible (torch.cuda.is_available() is False)")
    import bitsandbytes
    import transformers

    print(f"{torch.cuda.get_device_name()}; torch {torch.__version__}, transformers {transformers.__version__}, "
          f"bitsandbytes {bitsandbytes.__version__}", flush=True)
    tokenizer_dir, shapes = Path(argv[0]), argv[1:] or list(SHAPES)
    shm = Path("/dev/shm")
    root = Path(tempfile.mkdtemp(dir=shm if shm.is_dir() and shutil.disk_usage(shm).free > 40 * 2**30 else None))
    rows = []
    try:
        for shape in shapes:
            folder = build(shape, tokenizer_dir, root)
            rows += [measure(folder, shape, four_bit) for four_bit in (True, False)]
            if shape == shapes[0]:
                threads(folder)
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("| shape | mode | load s | first token s (cached prefix) | tokens/s | VRAM peak GiB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['shape']} | {r['mode']} | {r['load_s']} | {r['first_token_s_plain']} "
              f"({r['first_token_s_cached']}) | {r['tokens_per_s_plain']} | {r['vram_peak_gib']} |")


if __name__ == "__main__":
    main(sys.argv[1:])
