"""Fine-tuning Qwen 2.5 as a next-movie recommender.

- ``prepare``: sliding-window SFT examples over the LlamaRec split, saved with a manifest.
- ``pairs``: DPO preference pairs from ratings or from chat-rec's stored feedback.
- ``train``: LoRA / QLoRA SFT (TRL + PEFT) and DPO; resumable; writes adapter + model card.
- ``rerank``: LlamaRec-style candidate re-ranking by label log-probability (never generates).
- ``cli``: ``add_finetune_parser(subparsers)`` for ``chat-rec finetune``.

Nothing heavy is imported here: TRL, PEFT and datasets load when a function needs them.
"""
