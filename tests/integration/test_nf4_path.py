"""The 4-bit NF4 loading path, exercised on a tiny random Qwen2 model built offline."""

from __future__ import annotations

from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("bitsandbytes")

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
WORDS = ("the a movie film like love hate comedy drama horror action space dog cat night day good bad "
         "old new funny scary long short red blue green happy sad war peace music love story hero").split()


def build_tiny_model(folder: Path) -> Path:
    """Save a random 2-layer Qwen2 (hidden 64) and a tiny byte-level BPE tokenizer with a chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GenerationConfig, PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    # A byte-level BPE like Qwen's own (AutoTokenizer rebuilds a Qwen2Tokenizer from vocab + merges).
    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
    raw = Tokenizer(models.BPE())
    raw.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    raw.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=specials, show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    raw.train_from_iterator([" ".join(WORDS)] * 4 + ["system user assistant"], trainer=trainer)
    vocab = raw.get_vocab()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=raw, eos_token="<|im_end|>", pad_token="<|endoftext|>",
        additional_special_tokens=["<|im_start|>"],
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    torch.manual_seed(0)
    config = Qwen2Config(vocab_size=len(vocab), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
                         tie_word_embeddings=True)
    model = Qwen2ForCausalLM(config)
    # No end-of-sequence id (a random model would stop at a random step), only word pieces, no repeats:
    # greedy decoding of random weights then reads like words and can be checked.
    not_words = [i for i in range(len(vocab)) if not tokenizer.decode([i]).strip().isalpha()]
    model.generation_config = GenerationConfig(pad_token_id=0, eos_token_id=None, suppress_tokens=not_words,
                                               no_repeat_ngram_size=1)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny-qwen2"))


def test_4bit_load_uses_bitsandbytes_layers_and_answers(tiny_model: Path) -> None:
    from bitsandbytes.nn import Linear4bit

    from chat_rec.llm.local import load_local_chat_model

    chat = load_local_chat_model(tiny_model, load_in_4bit=True, max_new_tokens=8, device="cpu")
    layers = [m for m in chat.model.modules() if isinstance(m, Linear4bit)]
    assert layers, "no bitsandbytes Linear4bit layer: the model was not loaded 4-bit"
    assert layers[0].weight.quant_state.quant_type == "nf4"

    reply = chat.invoke([("system", "you like movies"), ("user", "a funny movie")])
    assert isinstance(reply.content, str) and reply.content.strip()
    assert reply.usage_metadata["output_tokens"] == 8

    chunks = [chunk.content for chunk in chat.stream("a scary film")]
    assert len([c for c in chunks if c]) >= 2, "stream() returned the reply in one piece"
    assert "".join(chunks).strip()


def test_same_model_is_loaded_once_per_process(tiny_model: Path) -> None:
    from chat_rec.llm.local import load_local_chat_model

    first = load_local_chat_model(tiny_model, load_in_4bit=True, max_new_tokens=4, device="cpu")
    second = load_local_chat_model(tiny_model, load_in_4bit=True, max_new_tokens=2, device="cpu")
    assert first.model is second.model
    assert second.invoke("hello").usage_metadata["output_tokens"] == 2


def test_stop_strings_and_early_stream_exit(tiny_model: Path) -> None:
    from chat_rec.llm.local import load_local_chat_model

    chat = load_local_chat_model(tiny_model, load_in_4bit=False, max_new_tokens=12, device="cpu")
    full = chat.invoke("a good movie").content
    word = full.split()[2]
    cut = chat.invoke("a good movie", stop=[word]).content
    assert word not in cut and full.startswith(cut.rstrip())

    stream = chat.stream("a good movie")
    assert next(stream).content
    stream.close()  # stopping early must not leave generation running or the model locked
    assert chat.invoke("a good movie").content == full


def test_streams_run_on_the_models_one_generation_thread(tiny_model: Path) -> None:
    """Every stream of a loaded model generates on the same long-lived thread, never the caller's: a
    fresh thread per call decodes about four times slower on CUDA. A failed generation still reaches
    the caller, and the thread serves the next call."""
    import threading

    from chat_rec.errors import ModelError
    from chat_rec.llm.local import load_local_chat_model

    chat = load_local_chat_model(tiny_model, load_in_4bit=False, max_new_tokens=6, device="cpu")
    seen: list[threading.Thread] = []
    generate = chat.model.generate

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(threading.current_thread())
        if kwargs["generation_config"].max_new_tokens == 3:  # type: ignore[attr-defined]
            raise RuntimeError("out of memory")
        return generate(*args, **kwargs)

    chat.model.generate = spy
    try:
        first = "".join(str(c.content) for c in chat.stream("a good movie"))
        with pytest.raises(ModelError, match="out of memory"):
            list(chat.stream("a good movie", max_new_tokens=3))
        again = load_local_chat_model(tiny_model, load_in_4bit=False, max_new_tokens=6, device="cpu")
        assert "".join(str(c.content) for c in again.stream("a good movie")) == first
    finally:
        del chat.model.generate
    assert len(seen) == 3 and len(set(seen)) == 1
    assert seen[0] is not threading.current_thread() and seen[0].name.startswith("chat-rec-generate")


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    from chat_rec.errors import ModelError
    from chat_rec.llm.local import load_local_chat_model

    with pytest.raises(ModelError, match="offline"):
        load_local_chat_model("nobody/no-such-model-xyz", load_in_4bit=False, device="cpu")
