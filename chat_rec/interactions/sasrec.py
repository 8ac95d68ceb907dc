"""SASRec (Kang & McAuley 2018) trained with a full softmax cross-entropy over the catalog.

A causal Transformer reads a user's chronological items and predicts the next one at every
position. Following Klenitskiy & Vasilev ("Turning Dross Into Gold Loss", 2023) and gSASRec, the
loss is cross-entropy over *all* items instead of one sampled negative, which is what makes
SASRec competitive with BERT4Rec/LRURec; a few thousand items make the full softmax cheap on a CPU.

Item embeddings are tied with the output layer; column index ``i`` of the training matrix is
token ``i + 1`` (0 pads). Sequences longer than ``max_len`` are cut to a random window each epoch
(more training signal from long histories); scoring reads the last ``max_len`` items.

When the caller gives validation targets, training stops early on their nDCG@10 (history items
masked, like the protocol) and the best epoch's weights are kept; that is the only tuning signal.
"""

from __future__ import annotations

import copy
import dataclasses
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from chat_rec.errors import ModelError


@dataclass
class SASRecConfig:
    """Architecture and training settings, chosen on ml-latest-small's validation item under the time budget.

    ``max_len`` 50 instead of LlamaRec's 200: training cost is linear in it, and with 200 only ~20
    epochs fit in the budget on 2 CPU cores.
    """

    max_len: int = 50
    dim: int = 64
    heads: int = 2
    layers: int = 2
    dropout: float = 0.3
    lr: float = 3e-3
    weight_decay: float = 0.0
    batch_size: int = 32
    max_epochs: int = 200
    patience: int = 20
    """Epochs without a better validation nDCG@10 before training stops."""
    eval_every: int = 2
    time_budget_s: float = 480.0
    """Training stops (keeping the best weights so far) after this many seconds."""
    seed: int = 42
    threads: int | None = None
    """torch intra-op threads; None leaves torch's default."""
    mask_last: int | None = 200
    """History items excluded when validating (None: the whole history), as in the protocol."""


@dataclass
class TrainingLog:
    """What ``fit_sequences`` did: epochs run, the best one, its validation nDCG@10, seconds."""

    epochs: int = 0
    best_epoch: int = 0
    best_ndcg10: float = float("nan")
    seconds: float = 0.0
    losses: list[float] = field(default_factory=list)
    stopped: str = ""


def _build_network(n_tokens: int, cfg: SASRecConfig) -> Any:
    import torch
    from torch import nn
    from torch.nn import functional as F

    class Block(nn.Module):
        """Pre-norm causal self-attention + GELU feed-forward (SDPA's fused causal kernel)."""

        def __init__(self) -> None:
            super().__init__()
            self.norm1 = nn.LayerNorm(cfg.dim)
            self.qkv = nn.Linear(cfg.dim, 3 * cfg.dim)
            self.proj = nn.Linear(cfg.dim, cfg.dim)
            self.norm2 = nn.LayerNorm(cfg.dim)
            self.ff = nn.Sequential(nn.Linear(cfg.dim, 4 * cfg.dim), nn.GELU(), nn.Linear(4 * cfg.dim, cfg.dim))
            self.drop = nn.Dropout(cfg.dropout)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            batch, length, _ = x.shape
            q, k, v = self.qkv(self.norm1(x)).view(batch, length, 3, cfg.heads, -1).permute(2, 0, 3, 1, 4)
            # No dropout inside attention or the feed-forward: CPU dropout masks cost more than the
            # matrix products at this size, and the residual dropouts regularise enough.
            attn = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            x = x + self.drop(self.proj(attn.transpose(1, 2).reshape(batch, length, cfg.dim)))
            return x + self.drop(self.ff(self.norm2(x)))

    class Network(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.items = nn.Embedding(n_tokens, cfg.dim, padding_idx=0)
            self.positions = nn.Embedding(cfg.max_len, cfg.dim)
            self.drop = nn.Dropout(cfg.dropout)
            self.blocks = nn.ModuleList(Block() for _ in range(cfg.layers))
            self.norm = nn.LayerNorm(cfg.dim)
            nn.init.normal_(self.items.weight, std=0.02)
            nn.init.normal_(self.positions.weight, std=0.02)
            with torch.no_grad():
                self.items.weight[0].zero_()

        def hidden(self, tokens: torch.Tensor) -> torch.Tensor:
            """(batch, L) right-padded tokens -> (batch, L, dim) states.

            Padding sits after each row's items, so causal attention never sees it. Positions
            count back from each row's newest item (0 = newest), so scoring and training agree.
            """
            lengths = (tokens != 0).sum(dim=1, keepdim=True)
            back = (lengths - 1 - torch.arange(tokens.shape[1], device=tokens.device)[None]).clamp(min=0)
            x = self.items(tokens) * math.sqrt(cfg.dim) + self.positions(back)
            x = self.drop(x)
            for block in self.blocks:
                x = block(x)
            return self.norm(x)

        def logits(self, states: torch.Tensor) -> torch.Tensor:
            """Scores of every real item (column index order: token 1 is column 0)."""
            return states @ self.items.weight[1:].T

    return Network()


def _right_pad(rows: Sequence[np.ndarray], length: int) -> np.ndarray:
    out = np.zeros((len(rows), length), dtype=np.int64)
    for r, row in enumerate(rows):
        row = row[-length:]
        out[r, :len(row)] = row
    return out


class SASRec:
    """Order-aware next-item model; satisfies ``SequentialRecommender`` (column indices in and out)."""

    name: ClassVar[str] = "SASRec"

    def __init__(self, config: SASRecConfig | None = None, progress: bool = False, **overrides: Any) -> None:
        self.config = dataclasses.replace(config or SASRecConfig(), **overrides)
        self.progress = progress
        self.n_items = 0
        self.network: Any = None
        self.log = TrainingLog()

    @property
    def is_trained(self) -> bool:
        return self.network is not None

    def fit_sequences(self, sequences: list[np.ndarray], n_items: int,
                      validation: np.ndarray | None = None) -> SASRec:
        """Train on chronological column-index sequences; ``validation[u]`` is user u's next item.

        With ``validation``, the weights of the epoch with the best validation nDCG@10 are kept and
        training stops after ``patience`` epochs without improvement (or the time budget).
        """
        import torch
        from tqdm.auto import tqdm

        cfg = self.config
        if cfg.threads:
            torch.set_num_threads(cfg.threads)
        torch.manual_seed(cfg.seed)
        rng = np.random.default_rng(cfg.seed)
        self.n_items = n_items
        tokens = [np.asarray(s, dtype=np.int64) + 1 for s in sequences if len(s) >= 2]
        if not tokens:
            raise ModelError("SASRec needs at least one history of two or more items to learn from.")
        net = _build_network(n_items + 1, cfg)
        self.network = net
        opt = torch.optim.AdamW(net.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
        log = TrainingLog()
        best_state: dict[str, Any] | None = None
        start = time.perf_counter()
        bar = tqdm(range(1, cfg.max_epochs + 1), desc="SASRec", disable=not self.progress, leave=False)
        for epoch in bar:
            net.train()
            total, count = 0.0, 0
            for batch in self._batches(tokens, rng):
                windows = []
                for i in batch:
                    seq = tokens[i]
                    if len(seq) > cfg.max_len + 1:
                        begin = int(rng.integers(0, len(seq) - cfg.max_len))
                        seq = seq[begin:begin + cfg.max_len + 1]
                    windows.append(seq)
                length = max(len(w) for w in windows) - 1
                inputs = torch.from_numpy(_right_pad([w[:-1] for w in windows], length))
                targets = torch.from_numpy(_right_pad([w[1:] for w in windows], length))
                valid = targets != 0
                logits = net.logits(net.hidden(inputs)[valid])  # only real positions reach the softmax
                loss = torch.nn.functional.cross_entropy(logits, targets[valid] - 1)
                opt.zero_grad()
                loss.backward()
                opt.step()
                total += loss.item() * len(batch)
                count += len(batch)
            log.epochs = epoch
            log.losses.append(round(total / count, 4))
            if validation is not None and epoch % cfg.eval_every == 0:
                ndcg = self._validation_ndcg(sequences, validation)
                if not (ndcg <= log.best_ndcg10):  # first value, or an improvement
                    log.best_ndcg10, log.best_epoch = ndcg, epoch
                    best_state = copy.deepcopy(net.state_dict())
                bar.set_postfix(loss=log.losses[-1], val_ndcg10=round(ndcg, 4), best=log.best_epoch)
                if epoch - log.best_epoch >= cfg.patience:
                    log.stopped = "patience"
                    break
            if time.perf_counter() - start > cfg.time_budget_s:
                log.stopped = "time budget"
                break
        if best_state is not None:
            net.load_state_dict(best_state)
        log.seconds = round(time.perf_counter() - start, 1)
        self.log = log
        return self

    def _batches(self, tokens: list[np.ndarray], rng: np.random.Generator) -> list[np.ndarray]:
        """Shuffled batches of users with similar lengths (little padding), in random order."""
        size = self.config.batch_size
        lengths = np.minimum([len(t) for t in tokens], self.config.max_len + 1)
        order = np.lexsort((rng.random(len(tokens)), lengths))
        batches = [order[i:i + size] for i in range(0, len(order), size)]
        return [batches[i] for i in rng.permutation(len(batches))]

    def _validation_ndcg(self, sequences: list[np.ndarray], targets: np.ndarray) -> float:
        scores = self.score_sequences(sequences)
        for u, seq in enumerate(sequences):
            hist = seq if self.config.mask_last is None else seq[-self.config.mask_last:]
            scores[u, hist] = -np.inf
        target_scores = scores[np.arange(len(targets)), targets]
        ranks = (scores > target_scores[:, None]).sum(axis=1)
        return float(np.where(ranks < 10, 1.0 / np.log2(ranks + 2), 0.0).mean())

    def score_sequences(self, sequences: list[np.ndarray], batch_size: int = 256) -> np.ndarray:
        """(users, n_items) next-item scores from each chronological history of column indices."""
        import torch

        if self.network is None:
            raise ModelError("The SASRec model is not trained yet; call fit_sequences() first.")
        self.network.eval()
        out = np.full((len(sequences), self.n_items), -np.inf, dtype=np.float32)
        with torch.inference_mode():
            for begin in range(0, len(sequences), batch_size):
                chunk = sequences[begin:begin + batch_size]
                rows = [np.asarray(s, dtype=np.int64)[-self.config.max_len:] + 1 for s in chunk]
                length = max(1, max(len(r) for r in rows))
                states = self.network.hidden(torch.from_numpy(_right_pad(rows, length)))
                last = torch.tensor([max(len(r), 1) - 1 for r in rows])
                states = states[torch.arange(len(rows)), last]
                logits = self.network.logits(states)
                out[begin:begin + len(chunk)] = logits.float().numpy()
        return out
