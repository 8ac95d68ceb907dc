"""Intro call with and without the system prompt's cached key/values, alternating, same process.

    PYTHONPATH=. .venv/bin/python scripts/bench_prefix_cache.py [ROUNDS]

Loads the default CPU model (packaged Qwen 0.5B), builds the real intro prompt for a fixed request
and times first token and whole call (greedy, 48 new tokens at most) with ``prefix_cache`` on and
off, alternating so machine load affects both alike. Prints medians and whether the texts matched.
"""

from __future__ import annotations

import statistics
import sys
import time

from chat_rec.config import get_settings
from chat_rec.llm.local import LocalChatModel
from chat_rec.llm.prompts import load_prompt
from chat_rec.llm.registry import get_chat_model


def main(rounds: int = 5) -> None:
    llm = get_chat_model(get_settings())
    if not isinstance(llm, LocalChatModel):
        raise SystemExit("needs the local model (CHAT_REC_LLM=auto or local)")
    template = load_prompt("recommend")
    values = {"language": "English", "request": "something mind-bending, no horror please",
              "taste": "The Matrix (1999), Inception (2010)",
              "picks": "Dark City (1998); Gattaca (1997); Minority Report (2002); Looper (2012); Primer (2004)"}
    messages = template.format_messages(**{k: v for k, v in values.items() if k in template.input_variables})
    off = llm.model_copy(update={"prefix_cache": False})
    llm.invoke(messages, max_new_tokens=1)  # warm-up, fills the prefix cache
    times: dict[str, list[tuple[float, float]]] = {"off": [], "on": []}
    texts: dict[str, set[str]] = {"off": set(), "on": set()}
    for _ in range(rounds):
        for name, model in (("off", off), ("on", llm)):
            started = time.perf_counter()
            first, text = None, ""
            for chunk in model.stream(messages, max_new_tokens=48):
                first = first or time.perf_counter() - started
                text += str(chunk.content)
            times[name].append((first or 0.0, time.perf_counter() - started))
            texts[name].add(text)
    tokens = llm.tokenizer(llm.tokenizer.apply_chat_template(
        llm._conversation(messages), tokenize=False, add_generation_prompt=True))["input_ids"]
    print(f"prompt {len(tokens)} tokens; cached system prefix {next(iter(llm._prefixes.values()))[0].shape[1]} tokens")
    for name in ("off", "on"):
        firsts, wholes = zip(*times[name], strict=True)
        print(f"prefix cache {name:>3}: first token median {statistics.median(firsts):.2f} s, "
              f"whole call median {statistics.median(wholes):.2f} s ({rounds} calls)")
    print("same text with and without:", texts["off"] == texts["on"], texts["on"])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
