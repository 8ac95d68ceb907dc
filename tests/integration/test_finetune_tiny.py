"""SFT (LoRA, QLoRA), DPO and re-ranking through the real TRL / PEFT code paths on a tiny Qwen2.

The model is a random 2-layer Qwen2ForCausalLM (hidden 64) with a byte-level BPE tokenizer
trained offline on the prompts themselves, so every step runs in seconds on a CPU.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("trl")
pytest.importorskip("peft")

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
MAX_LENGTH = 1024


def build_tiny_model(folder: Path, texts: list[str]) -> Path:
    """Save a random Qwen2 (2 layers, hidden 64) and a Qwen-like BPE tokenizer trained on ``texts``."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GenerationConfig, PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    raw = Tokenizer(models.BPE())
    raw.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    raw.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=2000, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
                                  show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    raw.train_from_iterator(texts, trainer=trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=raw, eos_token="<|im_end|>", pad_token="<|endoftext|>",
                                        additional_special_tokens=["<|im_start|>"])
    tokenizer.chat_template = CHAT_TEMPLATE
    torch.manual_seed(0)
    config = Qwen2Config(vocab_size=len(raw.get_vocab()), hidden_size=64, intermediate_size=128,
                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=MAX_LENGTH, tie_word_embeddings=True,
                         eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    model = Qwen2ForCausalLM(config)
    model.generation_config = GenerationConfig(pad_token_id=tokenizer.pad_token_id,
                                               eos_token_id=tokenizer.eos_token_id)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory, catalog) -> dict[str, Path]:
    """A ranking SFT dataset (20 candidates) saved with its manifest, and a tiny model trained on its text."""
    from chat_rec.finetune.prepare import prepare_sft, save_dataset

    root = tmp_path_factory.mktemp("finetune")
    ds = prepare_sft(catalog, window=4, max_examples=12, candidates=20, progress=False)
    save_dataset(ds, root / "data")
    texts = [m["content"] for row in ds for m in row["prompt"] + row["completion"]]
    model = build_tiny_model(root / "model", texts * 3)
    return {"root": root, "data": root / "data", "model": model}


@pytest.fixture(scope="module")
def sft_adapter(work: dict[str, Path]) -> tuple[Path, object]:
    from chat_rec.finetune.train import train_sft

    out = work["root"] / "sft"
    result = train_sft(work["model"], work["data"], method="lora", max_steps=2, out_dir=out, save_steps=1,
                       lora_r=4, lora_alpha=8, learning_rate=5e-3, max_length=MAX_LENGTH, progress=False)
    return out, result


def test_sft_writes_an_adapter_with_a_model_card_and_resumes(work, sft_adapter) -> None:
    from chat_rec.finetune.train import train_sft

    out, first = sft_adapter
    assert first.steps == 2 and len(first.losses) == 2 and all(math.isfinite(x) for x in first.losses)
    assert first.resumed_from is None
    config = json.loads((out / "adapter_config.json").read_text())
    assert {"q_proj", "v_proj"} <= set(config["target_modules"]) and config["r"] == 4
    assert (out / "adapter_model.safetensors").is_file()
    manifest = json.loads((work["data"] / "manifest.json").read_text())
    card = (out / "README.md").read_text()
    assert manifest["data_sha256"] in card and "| steps | 2 |" in card
    assert f"{first.final_loss:.4f}" in card

    # A second run to a later step continues from the saved checkpoint instead of starting over.
    resumed_dir = work["root"] / "sft-resume"
    import shutil

    shutil.copytree(out, resumed_dir)
    again = train_sft(work["model"], work["data"], max_steps=3, out_dir=resumed_dir, save_steps=1,
                      lora_r=4, lora_alpha=8, learning_rate=5e-3, max_length=MAX_LENGTH, progress=False)
    assert again.resumed_from is not None and again.resumed_from.endswith("checkpoint-2")
    assert again.steps == 3 and again.losses[:2] == first.losses and len(again.losses) == 3


def test_dpo_trains_the_sft_adapter_on_rating_pairs(work, sft_adapter, catalog) -> None:
    from safetensors.torch import load_file

    from chat_rec.finetune.pairs import pairs_from_ratings
    from chat_rec.finetune.train import train_dpo

    sft_dir, _ = sft_adapter
    # Letter pairs: the re-ranker's own task, as `chat-rec finetune dpo --candidates 20` builds them.
    pairs = pairs_from_ratings(catalog, window=4, max_pairs=4, candidates=20, progress=False)
    out = work["root"] / "dpo"
    result = train_dpo(work["model"], sft_dir, pairs, out, max_steps=2, learning_rate=1e-2,
                       max_length=MAX_LENGTH, progress=False)
    assert result.steps == 2 and result.final_loss is not None and math.isfinite(result.final_loss)
    assert len(result.data_sha256) == 64
    assert "DPO adapter" in (out / "README.md").read_text()
    before, after = load_file(sft_dir / "adapter_model.safetensors"), load_file(out / "adapter_model.safetensors")
    assert before.keys() == after.keys()
    assert any(not torch.equal(before[k], after[k]) for k in before), "DPO did not change the adapter"


def test_reranker_scores_twenty_candidates_with_the_adapter(work, sft_adapter, catalog) -> None:
    from chat_rec.errors import InvalidInputError
    from chat_rec.finetune.rerank import Reranker

    sft_dir, _ = sft_adapter
    candidates = [catalog.get(i) for i in sorted(catalog.items)[:21]]
    history = [catalog.get(1).label, catalog.get(2).label]
    tuned = Reranker(work["model"], adapter=sft_dir)
    ranked = tuned.rerank(history, candidates[:20])
    assert sorted(item.item_id for item, _ in ranked) == sorted(c.item_id for c in candidates[:20])
    scores = [score for _, score in ranked]
    assert all(math.isfinite(s) and s <= 0 for s in scores) and scores == sorted(scores, reverse=True)
    assert "Recommendation:" in tuned.render(history, candidates[:3])

    base = Reranker(work["model"])
    assert base.scores(history, candidates[:20]) != tuned.scores(history, candidates[:20])
    assert tuned.rerank(history, []) == []
    with pytest.raises(InvalidInputError, match="20"):
        tuned.rerank(history, candidates)


def test_qlora_loads_the_base_in_nf4_and_trains(work) -> None:
    pytest.importorskip("bitsandbytes")
    from chat_rec.finetune.train import load_base, train_sft

    model, _ = load_base(work["model"], "qlora")
    from bitsandbytes.nn import Linear4bit

    layers = [m for m in model.modules() if isinstance(m, Linear4bit)]
    assert layers and layers[0].weight.quant_state.quant_type == "nf4"
    result = train_sft(work["model"], work["data"], method="qlora", max_steps=1, out_dir=work["root"] / "q",
                       lora_r=4, lora_alpha=8, max_length=MAX_LENGTH, progress=False)
    assert result.steps == 1 and result.final_loss is not None and math.isfinite(result.final_loss)
    assert (work["root"] / "q" / "adapter_model.safetensors").is_file()
