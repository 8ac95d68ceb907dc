"""LlamaRec-style re-ranking: one forward pass scores every candidate by its label's log-probability.

The prompt lists the candidates as "A. Title (Year)", "B. ...". After the assistant's answer
prefix ("Recommendation:") the model's next-token distribution is read at the label tokens
(" A", " B", ...). Nothing is generated, so the output is always a permutation of the given
catalog items.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chat_rec.catalog.models import Item
from chat_rec.errors import InvalidInputError, ModelError
from chat_rec.finetune.prompting import LABELS, load_finetune_prompt, rank_task

if TYPE_CHECKING:
    from chat_rec.config import Settings

MAX_CANDIDATES = len(LABELS)


def resolve_base(name: str | Path, settings: Settings | None = None, progress: bool = True) -> str:
    """The model folder (or cached hub id) to load; ``packaged`` is the packaged Qwen 2.5 0.5B."""
    if str(name) != "packaged":
        return str(name)
    from chat_rec.config import get_settings
    from chat_rec.llm.packaged import ensure_packaged_model

    return str(ensure_packaged_model(settings or get_settings(), progress=progress))


def check_adapter(folder: str | Path) -> Path:
    """The adapter folder, or ModelError saying why it is not a PEFT adapter (before anything loads)."""
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise ModelError(f"The adapter folder {path} does not exist; pass the output folder of "
                         "`chat-rec finetune sft` or `chat-rec finetune dpo`.")
    if not (path / "adapter_config.json").is_file():
        raise ModelError(f"{path} has no adapter_config.json, so it is not a PEFT adapter; pass the output "
                         "folder of `chat-rec finetune sft` or `chat-rec finetune dpo`.")
    return path


class Reranker:
    """A causal LM (optionally with a PEFT adapter) used as a candidate scorer."""

    def __init__(self, model_path: str | Path, adapter: str | Path | None = None, *,
                 dtype: str = "auto", device: str | None = None, history_window: int = 10) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        adapter = check_adapter(adapter) if adapter is not None else None  # before the base loads
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        if dtype == "auto":
            torch_dtype = torch.bfloat16 if self.device == "cuda" else torch.float32
        else:
            torch_dtype = getattr(torch, dtype)
        tok_source = adapter if adapter and (Path(adapter) / "tokenizer_config.json").is_file() else model_path
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(tok_source))
            model: Any = AutoModelForCausalLM.from_pretrained(str(model_path), dtype=torch_dtype)
        except (OSError, ValueError) as error:
            raise ModelError(f"The model {model_path!r} could not be loaded offline ({error}); pass a "
                             "local model folder.") from error
        if adapter is not None:
            from peft import PeftModel

            model = PeftModel.from_pretrained(model, str(adapter)).merge_and_unload()
        self.model: Any = model.to(self.device).eval()
        self.prompt = load_finetune_prompt()
        self.history_window = history_window
        self._label_ids = self._label_token_ids()

    def _label_token_ids(self) -> list[int]:
        """The token of " A", " B", ... right after the answer prefix (one distinct token each)."""
        base = self.prompt.answer_prefix
        base_ids = self.tokenizer.encode(base, add_special_tokens=False)
        ids = []
        for label in LABELS:
            full = self.tokenizer.encode(f"{base} {label}", add_special_tokens=False)
            if full[:len(base_ids)] != base_ids or len(full) <= len(base_ids):
                raise ModelError("The tokenizer splits the answer prefix differently when a label follows "
                                 "it, so candidate labels cannot be scored with this model.")
            ids.append(full[len(base_ids)])
        if len(set(ids)) != len(ids):
            raise ModelError("The tokenizer does not give each candidate label its own first token, "
                             "so this model cannot be used for re-ranking.")
        return ids

    def render(self, history_labels: Sequence[str], candidates: Sequence[Item]) -> str:
        """The exact text fed to the model: chat prompt + the assistant's answer prefix."""
        messages = self.prompt.prompt(list(history_labels)[-self.history_window:],
                                      rank_task([c.label for c in candidates]))
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return f"{text}{self.prompt.answer_prefix}"

    def scores(self, history_labels: Sequence[str], candidates: Sequence[Item]) -> list[float]:
        """Log-probability of each candidate's label at the answer position (in input order)."""
        import torch

        if len(candidates) > MAX_CANDIDATES:
            raise InvalidInputError(f"At most {MAX_CANDIDATES} candidates can be re-ranked at once; "
                                    f"got {len(candidates)}.")
        if not candidates:
            return []
        encoded = self.tokenizer(self.render(history_labels, candidates), return_tensors="pt",
                                 add_special_tokens=False).to(self.device)
        with torch.inference_mode():
            logits: Any = self.model(**encoded).logits[0, -1].float()
        logprobs = torch.log_softmax(logits, dim=-1)
        return [float(logprobs[i]) for i in self._label_ids[:len(candidates)]]

    def rerank(self, history_labels: Sequence[str], candidates: Sequence[Item]) -> list[tuple[Item, float]]:
        """Candidates ordered best first, each with its score (ties keep the input order)."""
        scored = list(zip(candidates, self.scores(history_labels, candidates), strict=True))
        return sorted(scored, key=lambda pair: -pair[1])
