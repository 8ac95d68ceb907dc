"""The learned verdict retrained with every mention of the read extraction cases added to its data
(docs/benchmarks.md, "Eleventh round": measured, not adopted).

Protocol: grouped 5-fold CV (a case or a conversation is a group); C by macro F1; the threshold is the
lowest giving >= .9 precision out of fold on all data, on the frames alone and on the extraction
clauses alone. The clean checks are then scored once, parser / committed model / retrained model.

Usage: python scripts/verdict_extraction_data.py [--read]   (--read also scores the sets it trains on)
"""

import sys
import tempfile
from pathlib import Path

from chat_rec.catalog.loaders import load_catalog
from chat_rec.config import get_settings
from chat_rec.embedding import Embedder
from chat_rec.eval.extraction import load_cases, predict, previous_items_of, score, select
from chat_rec.training import verdict as tv
from chat_rec.training.redial import DIALOGUES_FILE
from chat_rec.understanding.extractor import Extractor
from chat_rec.understanding.parser import parse_detailed
from chat_rec.understanding.resolver import TitleResolver
from chat_rec.understanding.verdict import CLASSES, LearnedVerdict, VerdictModel, clauses_for

s = get_settings()
cat = load_catalog(s.catalog_dir)
res = TitleResolver(cat)
emb = Embedder(s.embedding_model, settings=s).encode
ROOT = Path(__file__).resolve().parents[1]
R = ROOT / "tests" / "data" / "extraction"
SH = ROOT.parent / "shared" / "benchmarks" / "extraction"
READ = [
    (SH / "dev.jsonl", None),
    (R / "fresh.jsonl", None),
    (R / "fresh2.jsonl", None),
    (R / "fresh3.jsonl", "odd"),
    (R / "fresh4.jsonl", "odd"),
    (R / "fresh6.jsonl", "odd"),
]
ext = []
for path, half in READ:
    for case in select(load_cases(path), half):
        items = previous_items_of(case, cat)
        r = parse_detailed(case["utterance"], items, res)
        e = case["expect"]
        for i in dict.fromkeys(r.signal.mentioned_ids):
            if i not in r.spans:
                continue
            gold = "like" if i in e["liked_ids"] else "dislike" if i in e["disliked_ids"] else "none"
            ext.append(tv.Example(clauses_for(r.text, r.spans, i), gold, case["id"], "extraction"))
print("extraction examples", len(ext), {k: sum(1 for x in ext if x.label == k) for k in CLASSES})
base = tv.redial_examples(ROOT.parent / "shared" / "data" / "redial-train" / DIALOGUES_FILE) + [
    x for p in tv.FRAMES_FILES for x in tv.frame_examples(p, expand=True)
]
examples = base + ext
E = emb([x.clause for x in examples])
labels = [x.label for x in examples]
by_c = {c: tv.cross_validate(examples, E, c) for c in tv.C_GRID}
f1 = {c: tv.report(labels, p, 1.0)["macro_f1"] for c, p in by_c.items()}
c = max(tv.C_GRID, key=lambda k: (round(f1[k], 3), -k))
oof = by_c[c]
idx = lambda src: [i for i, x in enumerate(examples) if x.source.startswith(src)]
t = max(
    tv.lowest_threshold(labels, oof),
    tv.lowest_threshold([labels[i] for i in idx("frames")], oof[idx("frames")]),
    tv.lowest_threshold([labels[i] for i in idx("extraction")], oof[idx("extraction")]),
)
print("C", c, "f1", f1, "threshold", t)
for src in ("redial", "frames", "extraction"):
    ii = idx(src)
    print(src, tv.report([labels[i] for i in ii], oof[ii], t))
model = tv.fit(examples, E, c)
model.threshold = t
out = Path(tempfile.mkdtemp()) / "verdict_model.json"
tv.save(model, out, {"experiment": True})
new = LearnedVerdict(VerdictModel.load(out), emb)
old = LearnedVerdict.default(emb)
ex_old = Extractor(res, None, verdict=old)
ex_new = Extractor(res, None, verdict=new)
ex_p = Extractor(res, None)
CLEANS = [
    (R / "fresh15.jsonl", None),
    (R / "fresh14.jsonl", None),
    (R / "fresh13.jsonl", None),
    (R / "fresh12.jsonl", None),
    (R / "fresh11.jsonl", None),
    (R / "fresh10.jsonl", None),
    (R / "fresh9.jsonl", None),
    (R / "fresh8.jsonl", None),
    (R / "fresh7.jsonl", None),
    (R / "fresh6.jsonl", "even"),
    (R / "fresh5.jsonl", None),
    (R / "fresh4.jsonl", "even"),
    (R / "fresh3.jsonl", "even"),
]
for path, half in (READ if "--read" in sys.argv else []) + CLEANS:
    cases = select(load_cases(path), half)
    row = []
    for ex in (ex_p, ex_old, ex_new):
        sc = score(cases, predict(cases, ex, progress=False))
        row.append(f"{sc['all_exact']:.3f} (li {sc['liked_ids']['f1']:.3f} di {sc['disliked_ids']['f1']:.3f})")
    print(f"{path.stem}:{half or 'all'} n={len(cases)} parser {row[0]} | old {row[1]} | new {row[2]}")
