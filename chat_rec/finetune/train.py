"""LoRA / QLoRA supervised fine-tuning (TRL SFTTrainer + PEFT) and DPO (TRL DPOTrainer).

Both write a PEFT adapter folder that loads on top of the base model, a ``training.json``
summary and a model card (``README.md``: data hash, steps, final loss). Training resumes from
the last ``checkpoint-*`` in the output folder when one is there.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from chat_rec.errors import ConfigError, DataFileError, ModelError
from chat_rec.finetune.pairs import pairs_from_feedback, pairs_from_ratings
from chat_rec.finetune.prepare import dataset_meta, load_dataset_dir

if TYPE_CHECKING:
    from datasets import Dataset

__all__ = ["TrainResult", "pairs_from_feedback", "pairs_from_ratings", "train_dpo", "train_sft"]

log = logging.getLogger(__name__)

Method = Literal["lora", "qlora"]
DEFAULT_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj")
"""Attention projections of Qwen 2 / Llama-style models."""


@dataclass
class TrainResult:
    """What a training run produced; also written to ``out_dir/training.json``."""

    kind: str
    out_dir: str
    base: str
    method: str
    steps: int
    final_loss: float | None
    data_sha256: str
    n_examples: int
    seconds: float
    resumed_from: str | None = None
    losses: list[float] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)


def _device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _dtype(name: str) -> Any:
    import torch

    if name == "auto":
        return torch.bfloat16 if _device() == "cuda" else torch.float32
    try:
        return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[name]
    except KeyError:
        raise ConfigError(f"Unknown dtype {name!r}: use auto, float32, bfloat16 or float16.") from None


def load_base(base: str | Path, method: Method = "lora", dtype: str = "auto") -> tuple[Any, Any]:
    """Load (model, tokenizer); ``qlora`` loads the weights 4-bit NF4 via bitsandbytes."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if method not in ("lora", "qlora"):
        raise ConfigError(f"Unknown method {method!r}: use lora or qlora.")
    kwargs: dict[str, Any] = {"dtype": _dtype(dtype)}
    if method == "qlora":
        import torch
        from transformers import BitsAndBytesConfig

        compute = torch.bfloat16 if dtype in ("auto", "bfloat16") else _dtype(dtype)
        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=compute,
            bnb_4bit_use_double_quant=True)
        kwargs["device_map"] = {"": _device()}
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(base))
        model = AutoModelForCausalLM.from_pretrained(str(base), **kwargs)
    except (OSError, ValueError) as error:
        raise ModelError(f"The base model {base!r} could not be loaded offline ({error}); pass a local "
                         "model folder or download the model first.") from error
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


def _unsloth_available() -> bool:
    import importlib.util

    return _device() == "cuda" and importlib.util.find_spec("unsloth") is not None


def _load_unsloth(base: str | Path, method: Method, max_length: int, lora: dict[str, Any]) -> tuple[Any, Any]:
    """Unsloth's fused kernels (CUDA only); returns a PEFT model already wrapped."""
    from unsloth import FastLanguageModel

    model, tokenizer = FastLanguageModel.from_pretrained(
        model_name=str(base), max_seq_length=max_length, load_in_4bit=method == "qlora")
    model = FastLanguageModel.get_peft_model(model, **lora)
    return model, tokenizer


def _last_checkpoint(out_dir: Path) -> str | None:
    from transformers.trainer_utils import get_last_checkpoint

    return get_last_checkpoint(str(out_dir)) if out_dir.is_dir() else None


def _losses(log_history: list[dict[str, Any]]) -> list[float]:
    return [float(e["loss"]) for e in log_history if "loss" in e]


def train_sft(
    base: str | Path,
    dataset_dir: str | Path,
    method: Method = "lora",
    max_steps: int = 100,
    out_dir: str | Path = "sft-adapter",
    *,
    lora_r: int = 16,
    lora_alpha: int = 32,
    lora_dropout: float = 0.05,
    target_modules: tuple[str, ...] = DEFAULT_TARGETS,
    learning_rate: float = 2e-4,
    batch_size: int = 1,
    grad_accum: int = 1,
    max_length: int = 512,
    save_steps: int = 50,
    dtype: str = "auto",
    gradient_checkpointing: bool | None = None,
    use_unsloth: bool | None = None,
    seed: int = 0,
    progress: bool = True,
) -> TrainResult:
    """Fine-tune ``base`` with a LoRA adapter on a folder written by ``save_dataset``.

    The loss covers the assistant answer only (prompt-completion data). ``gradient_checkpointing``
    defaults to on for CUDA and off on CPU (it only trades speed for memory).
    """
    out = Path(out_dir)
    dataset, manifest = load_dataset_dir(dataset_dir)
    if "completion" not in dataset.column_names:
        raise DataFileError(f"{dataset_dir} does not hold SFT examples; prepare it with "
                            "`chat-rec finetune prepare`.")
    from peft import LoraConfig
    from trl import SFTConfig, SFTTrainer

    lora: dict[str, Any] = {"r": lora_r, "lora_alpha": lora_alpha, "lora_dropout": lora_dropout,
            "target_modules": list(target_modules)}
    unsloth = _unsloth_available() if use_unsloth is None else use_unsloth
    peft_config: LoraConfig | None = None
    if unsloth:
        model, tokenizer = _load_unsloth(base, method, max_length, lora)
    else:
        model, tokenizer = load_base(base, method, dtype)
        peft_config = LoraConfig(task_type="CAUSAL_LM", bias="none", **lora)
    cpu = _device() == "cpu"
    args = SFTConfig(
        output_dir=str(out), max_steps=max_steps, per_device_train_batch_size=batch_size,
        gradient_accumulation_steps=grad_accum, learning_rate=learning_rate, lr_scheduler_type="linear",
        warmup_steps=0, logging_steps=1, save_steps=save_steps, save_total_limit=2, max_length=max_length,
        gradient_checkpointing=(not cpu) if gradient_checkpointing is None else gradient_checkpointing,
        report_to="none", seed=seed, disable_tqdm=not progress, use_cpu=cpu,
        bf16=not cpu and _dtype(dtype) == _dtype("bfloat16"),
        dataset_num_proc=None, remove_unused_columns=True,
    )
    trainer = SFTTrainer(model=model, args=args, train_dataset=dataset.select_columns(["prompt", "completion"]),
                         processing_class=tokenizer, peft_config=peft_config)
    resume = _last_checkpoint(out)
    started = time.perf_counter()
    trainer.train(resume_from_checkpoint=resume)
    seconds = time.perf_counter() - started
    trainer.save_model(str(out))
    tokenizer.save_pretrained(str(out))
    losses = _losses(trainer.state.log_history)
    result = TrainResult(
        kind="sft", out_dir=str(out), base=str(base), method=method + ("+unsloth" if unsloth else ""),
        steps=int(trainer.state.global_step), final_loss=losses[-1] if losses else None,
        data_sha256=str(manifest.get("data_sha256", "")), n_examples=len(dataset), seconds=seconds,
        resumed_from=resume, losses=losses,
        params={**lora, "learning_rate": learning_rate, "batch_size": batch_size, "grad_accum": grad_accum,
                "max_length": max_length, "dtype": dtype, "seed": seed, "data": manifest.get("params", {})},
    )
    _write_card(out, result)
    return result


def train_dpo(
    base: str | Path,
    adapter: str | Path,
    pairs_dataset: Dataset | str | Path,
    out_dir: str | Path,
    max_steps: int = 100,
    *,
    beta: float = 0.1,
    learning_rate: float = 5e-6,
    batch_size: int = 1,
    grad_accum: int = 1,
    max_length: int = 512,
    save_steps: int = 50,
    dtype: str = "auto",
    seed: int = 0,
    progress: bool = True,
) -> TrainResult:
    """Continue training an SFT adapter with DPO; the frozen SFT adapter is the reference.

    ``pairs_dataset`` is a Dataset (prompt / chosen / rejected) or a folder from ``save_dataset``.
    """
    from peft import PeftModel
    from trl import DPOConfig, DPOTrainer

    out = Path(out_dir)
    if isinstance(pairs_dataset, (str, Path)):
        pairs, manifest = load_dataset_dir(pairs_dataset)
        data_hash = str(manifest.get("data_sha256", ""))
        data_params = manifest.get("params", {})
    else:
        pairs, data_hash, data_params = pairs_dataset, _dataset_hash(pairs_dataset), dataset_meta(pairs_dataset)
    if not {"prompt", "chosen", "rejected"} <= set(pairs.column_names):
        raise DataFileError("The DPO data needs prompt, chosen and rejected columns; build it with "
                            "`chat-rec finetune dpo --from-ratings` or `--from-feedback`.")
    from chat_rec.finetune.rerank import check_adapter

    adapter_dir = check_adapter(adapter)
    model, tokenizer = load_base(base, "lora", dtype)
    model = PeftModel.from_pretrained(model, str(adapter_dir), is_trainable=True)
    cpu = _device() == "cpu"
    args = DPOConfig(
        output_dir=str(out), max_steps=max_steps, per_device_train_batch_size=batch_size,
        gradient_accumulation_steps=grad_accum, learning_rate=learning_rate, beta=beta, logging_steps=1,
        save_steps=save_steps, save_total_limit=2, max_length=max_length, report_to="none", seed=seed,
        disable_tqdm=not progress, use_cpu=cpu, gradient_checkpointing=not cpu,
        bf16=not cpu and _dtype(dtype) == _dtype("bfloat16"),  # TRL's DPOConfig defaults to bf16=True
    )
    trainer = DPOTrainer(model=model, ref_model=None, args=args,
                         train_dataset=pairs.select_columns(["prompt", "chosen", "rejected"]),
                         processing_class=tokenizer)
    resume = _last_checkpoint(out)
    started = time.perf_counter()
    trainer.train(resume_from_checkpoint=resume)
    seconds = time.perf_counter() - started
    trainer.save_model(str(out))
    _drop_reference_adapter(out)
    tokenizer.save_pretrained(str(out))
    losses = _losses(trainer.state.log_history)
    result = TrainResult(
        kind="dpo", out_dir=str(out), base=str(base), method="lora+dpo", steps=int(trainer.state.global_step),
        final_loss=losses[-1] if losses else None, data_sha256=data_hash, n_examples=len(pairs),
        seconds=seconds, resumed_from=resume, losses=losses,
        params={"beta": beta, "learning_rate": learning_rate, "sft_adapter": str(adapter_dir),
                "batch_size": batch_size, "max_length": max_length, "data": data_params},
    )
    _write_card(out, result)
    return result


def _drop_reference_adapter(out: Path) -> None:
    """TRL saves its frozen "ref" adapter copy in a subfolder; only the trained one is the result."""
    import shutil

    ref = out / "ref"
    if ref.is_dir() and (ref / "adapter_config.json").is_file():
        shutil.rmtree(ref)


def _dataset_hash(ds: Dataset) -> str:
    """SHA-256 over the rows as canonical JSON (an in-memory dataset has no files to hash)."""
    import hashlib

    digest = hashlib.sha256()
    for row in ds.select_columns(["prompt", "chosen", "rejected"]):
        digest.update(json.dumps(row, sort_keys=True).encode())
    return digest.hexdigest()


def _write_card(out: Path, result: TrainResult) -> None:
    """``training.json`` and a human-readable model card (replacing PEFT's template card)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "training.json").write_text(json.dumps(asdict(result), indent=2) + "\n", encoding="utf-8")
    loss = "n/a" if result.final_loss is None else f"{result.final_loss:.4f}"
    lines = [
        "---", "library_name: peft", f"base_model: {result.base}", "tags: [chat-rec, recommendation, "
        f"{result.kind}, lora]", "---", "",
        f"# chat-rec {result.kind.upper()} adapter", "",
        "A PEFT LoRA adapter that turns the base model into a next-movie recommender: it reads a "
        "user's watch history (prompts/finetune.txt) and answers with one recommendation.", "",
        "| field | value |", "|---|---|",
        f"| base model | `{result.base}` |", f"| method | {result.method} |",
        f"| steps | {result.steps} |", f"| final training loss | {loss} |",
        f"| examples | {result.n_examples} |", f"| data SHA-256 | `{result.data_sha256}` |",
        f"| wall time | {result.seconds:.1f} s |",
        f"| resumed from | {result.resumed_from or '-'} |", "",
        "Parameters:", "", "```json", json.dumps(result.params, indent=2), "```", "",
        "Load it with `chat_rec.finetune.rerank.Reranker(base, adapter=<this folder>)` or "
        "`peft.PeftModel.from_pretrained`.", "",
    ]
    (out / "README.md").write_text("\n".join(lines), encoding="utf-8")
