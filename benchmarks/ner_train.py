"""Train and cross-validate the optional CRF name model (mamori/detect/data/ner-ja-wiki.crfsuite) on ja-ner-wiki/dev
and, with --biz, the hand-written business corpora.

usage: .venv/bin/python benchmarks/ner_train.py [--folds 5] [--grid quick|full] [--candidates FS:C1:C2,...]
                                                [--no-train | --train FS:C1:C2] [--out MODEL]
                                                [--biz FILE.jsonl ... [--teacher MODEL]
                                                 [--by-corpus [--cv-folds I,J] [--reuse-folds]]]
       .venv/bin/python benchmarks/ner_train.py --speed FILE.jsonl [...] [--speed-docs N]

Needs python-crfsuite (the `bench` extra). Reads ja-ner-wiki/dev.jsonl and the dev files given to --biz only
(benchmarks/ja_biz*/dev.jsonl; never a test split, never the judges ja_biz15/16).
--biz: each business document adds its PERSON and ORGANIZATION gold; the corpora have no LOCATION type, so their
LOCATION labels are the teacher's (a model trained on ja-ner-wiki alone: label_biz). --by-corpus cross-validates by
corpus instead: whole business corpora are held out (with one ja-ner-wiki article fold), so the figures say what an
unseen corpus gets (corpus_cv; bench-out/ner/cv-corpus.md).
The shipped model is `--biz benchmarks/ja_biz{5..14}/dev.jsonl --train vec:0.1:0.01` (teacher: the defaults on
ja-ner-wiki/dev alone). Its cross-validation by corpus (2026-12-08, all 5 folds: ja-biz5+6, 7+8, 9+10, 11+12, 13+14
held out in turn), PERSON / ORGANIZATION F1 of `--ner` on the held-out corpora, mean of the 10: rules alone
0.854 / 0.882, wiki-only model 0.874 / 0.854, with the business corpora 0.910 / 0.878 (PERSON up on all 10 corpora,
+0.02 to +0.06; ORGANIZATION up on 9, ja-biz14 0.785 -> 0.780); pooled micro 0.861 / 0.873 / 0.906. ja-ner-wiki/dev
held-out article folds, micro F1: 0.787 (wiki-only) -> 0.792 (PERSON 0.843 -> 0.839, ORGANIZATION 0.759 -> 0.760,
LOCATION 0.769 -> 0.790). `accuracy.sh` with `detect --ner`, wiki-only -> this model, on sets it never saw:
ja-gsd-ne/dev micro 0.725 -> 0.734 (PERSON 0.815 -> 0.833, ORGANIZATION 0.669 -> 0.672), ja-prose/dev 0.920 -> 0.909
(ORGANIZATION 0.897 -> 0.877: ハプスブルク家, 東インド会社, ビルボード, 仙台育英 lost), en-synth/dev 0.781 unchanged.
Without --by-corpus:
Folds split by Wikipedia article (sha1 of the curid), as dev and test were split, so names of one article never
sit on both sides of a fold. Each candidate (feature set, c1, c2) is trained on k-1 folds and scored on the
held-out fold with score.py's own function (IoU >= 0.75, greedy) over PERSON, ORGANIZATION and LOCATION after
each way of merging rule and model findings (STRATEGIES; "merge" is what Detector(ner=True) does). The chosen
candidate (see report_cv: full feature set, best CV micro F1 under "merge", the default unless clearly beaten) is then
trained on all of dev and written to MODEL; `--train vec:0.1:0.01` skips the CV and gives the shipped model. The
feature set `free` needs no SudachiPy (docs/benchmarks.md, "A name model without SudachiPy").
Tables go to bench-out/ner/cv*.md, a log to bench-out/ner/cv.log. The default run (full grid) takes about
5 x 5 trainings of 1-2 minutes each on a quiet core, plus the final one.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, REPO, eval_dir

from mamori.detect import Detector, Document, Finding, settle
from mamori.detect.detector import DEFAULT_THRESHOLD
from mamori.detect.ner_features import ALL_FEATURE_SETS, FEATURE_SETS, NER_TYPES, TOKEN_FREE, Span, bio_labels
from mamori.detect.recognizers.ner_crf import (
    MIN_SCORE,
    MODEL_FILE,
    NerCrf,
    merge,
    outside,
    segment_features,
    segments,
)

MAX_ITERATIONS = 150
DEFAULT = (FEATURE_SETS[-1], 0.1, 0.01)
TIE = 0.005
JUDGES = ("15", "16")
"""The business corpora kept as the lead's judges: never trained on."""
BIZ_TYPES = ("PERSON", "ORGANIZATION")
"""The name types the business corpora label (they have no LOCATION: their places are inside ADDRESS spans)."""
STRATEGIES = ("rules", "gaps", "merge", "union", "crf-only")
"""How rule and model findings are merged: rules alone; the model only where no rule finding is; the model where no
rule finding is or only a weak rule name finding (ner_crf.merge(), what the detector does); both through settle()
(the longer span wins); the model alone for its types."""


@dataclass
class Example:
    """One dev sentence: gold spans, the rule detector's answer, and per segment the hints and labels."""

    doc_id: str
    text: str
    gold: list[dict]
    rules: list[Finding]  # settled rule findings at the default threshold (what `mamori detect` reports)
    hints: list[Finding]  # rule findings of the NER types at any score (the model's features)
    segs: list[tuple[int, int]] = field(default_factory=list)
    labels: list[list[str]] = field(default_factory=list)
    corpus: str = "wiki"


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def prepare(path: Path, limit: int | None = None, corpus: str = "wiki") -> list[Example]:
    """The first ``limit`` documents of ``path`` (all by default), tagged ``corpus`` (the unit of the cross-validation
    by corpus). ADDRESS spans are labelled LOCATION for the model (ja-biz-pii labels whole addresses ADDRESS where
    ja-ner-wiki labels places LOCATION; the detector's address findings cover them anyway). For a business corpus
    (:func:`prepare_biz`) the labels are set later, by :func:`label_biz`."""
    detector = Detector()
    out: list[Example] = []
    with open(path, encoding="utf-8") as f:
        for line in itertools.islice(f, limit):
            if not line.strip():
                continue
            d = json.loads(line)
            text = d["text"]
            doc = Document(text, "auto", detector.lexicon)
            found, hints = detector.rule_findings(doc, DEFAULT_THRESHOLD, NER_TYPES)
            ex = Example(str(d["id"]), text, d["spans"], settle(found), hints, corpus=corpus)
            gold = [Span(s["start"], s["end"], "LOCATION" if s["type"] == "ADDRESS" else s["type"]) for s in d["spans"]]
            if doc.lang == "ja":  # the detector runs the model on Japanese documents only
                for s, e in segments(text):
                    inside = [Span(g.start - s, g.end - s, g.type) for g in gold if g.start >= s and g.end <= e]
                    ex.segs.append((s, e))
                    ex.labels.append(bio_labels(e - s, inside))
            out.append(ex)
    return out


def prepare_biz(path: Path) -> list[Example]:
    """A hand-written business corpus (benchmarks/ja_biz*/dev.jsonl), named by its folder: its gold PERSON and
    ORGANIZATION spans are the names; its other types are not names, and it has no LOCATION gold (places sit inside
    ADDRESS spans or go unlabelled), so its LOCATION labels come from a teacher (:func:`label_biz`)."""
    return prepare(path, corpus=path.parent.name.replace("_", "-"))


def label_biz(examples: list[Example], feats, teacher: Path) -> int:
    """Set the labels of business ``examples``: PERSON and ORGANIZATION from the gold, LOCATION where the
    ``teacher`` model (trained on ja-ner-wiki alone) tags one that overlaps no gold name. The business gold says
    nothing about places, so labelling them O would teach "never LOCATION" on business text; the teacher's own
    answer keeps the model's LOCATION behaviour there as it was. Returns the number of teacher LOCATION spans."""
    crf = NerCrf(str(teacher))
    n = 0
    for ex, segs_feats in zip(examples, feats, strict=True):
        names = [Span(g["start"], g["end"], g["type"]) for g in ex.gold if g["type"] in BIZ_TYPES]
        ex.labels = []
        for (s, e), items in zip(ex.segs, segs_feats, strict=True):
            inside = [Span(g.start - s, g.end - s, g.type) for g in names if g.start >= s and g.end <= e]
            taken = [(g.start, g.end) for g in inside]
            for span, _score in crf.tag(items, ex.text[s:e]):
                if span.type == "LOCATION" and all(span.end <= a or span.start >= b for a, b in taken):
                    inside.append(span)
                    n += 1
            ex.labels.append(bio_labels(e - s, inside))
    return n


def fold_of(doc_id: str, k: int) -> int:
    curid = doc_id.split("-", 1)[0]
    return int(hashlib.sha1(curid.encode()).hexdigest(), 16) % k


def featurize(examples: list[Example], feature_set: str) -> list[list[list[list[str]]]]:
    return [[segment_features(ex.text, s, e, ex.hints, feature_set) for s, e in ex.segs] for ex in examples]


def train(xs, ys, c1: float, c2: float, model: Path) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS, "feature.possible_transitions": True})
    trainer.train(str(model))


def predict(model: Path, examples: list[Example], feats) -> dict[str, dict[str, list[dict]]]:
    """Per merge strategy, doc id -> findings as `mamori detect --jsonl` would write them."""
    crf = NerCrf(str(model))
    out: dict[str, dict[str, list[dict]]] = {s: {} for s in STRATEGIES}
    for ex, segs_feats in zip(examples, feats, strict=True):
        ner: list[Finding] = []
        for (s, e), items in zip(ex.segs, segs_feats, strict=True):
            for span, score in crf.tag(items, ex.text[s:e]):
                if score >= max(DEFAULT_THRESHOLD, MIN_SCORE):  # what NerCrf.find_with reports
                    ner.append(Finding(span.type, s + span.start, s + span.end, score, "ner_crf"))
        other = [f for f in ex.rules if f.type not in NER_TYPES]
        merged = {
            "rules": ex.rules,
            "gaps": settle(ex.rules + outside(ner, ex.rules)),  # the model only where no rule finding is
            "merge": merge(ex.rules, ner),  # what Detector(ner=True) does
            "union": settle(ex.rules + ner),
            "crf-only": settle(other + ner),
        }
        for name, found in merged.items():
            out[name][ex.doc_id] = [{"start": f.start, "end": f.end, "type": f.type} for f in found]
    return out


def score_all(score, examples: list[Example], preds: dict[str, list[dict]]):
    gold = [{"id": ex.doc_id, "spans": ex.gold} for ex in examples]
    pred = [{"id": k, "findings": v} for k, v in preds.items()]
    return score(gold, pred, types=list(NER_TYPES))


def counts(rows, micro) -> dict[str, tuple[int, int, int]]:
    c = {t: (r["tp"], r["pred"], r["gold"]) for t, r in rows.items()}
    c["micro"] = (micro["tp"], micro["pred"], micro["gold"])
    return c


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(examples, score, k: int, candidates, log, also=()) -> list[tuple[tuple, dict]]:
    folds = [fold_of(ex.doc_id, k) for ex in examples]
    results = []
    feats_cache: dict[str, list] = {}
    for feature_set, c1, c2 in candidates:
        if feature_set not in feats_cache:
            feats_cache.clear()
            feats_cache[feature_set] = featurize(examples, feature_set)
        feats = feats_cache[feature_set]
        also_feats = featurize(list(also), feature_set)
        total: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
        t0 = time.time()
        for i in range(k):
            tr = [j for j, f in enumerate(folds) if f != i]
            te = [j for j, f in enumerate(folds) if f == i]
            xs = [x for j in tr for x in feats[j]] + [x for f in also_feats for x in f]
            ys = [y for j in tr for y in examples[j].labels] + [y for ex in also for y in ex.labels]
            with tempfile.TemporaryDirectory() as tmp:
                model = Path(tmp) / "m.crfsuite"
                train(xs, ys, c1, c2, model)
                preds = predict(model, [examples[j] for j in te], [feats[j] for j in te])
            for strategy, p in preds.items():
                for key, (tp, npred, ngold) in counts(*score_all(score, [examples[j] for j in te], p)).items():
                    acc = total[strategy][key]
                    acc[0] += tp
                    acc[1] += npred
                    acc[2] += ngold
        res = {s: {key: prf(*v) for key, v in d.items()} for s, d in total.items()}
        results.append(((feature_set, c1, c2), res))
        log(f"{feature_set:6} c1={c1:<5} c2={c2:<6} ({time.time() - t0:.0f}s)")
        for strategy in STRATEGIES:
            u = res[strategy]
            log(
                f"    {strategy:8} micro F1 {u['micro'][2]:.3f}  PERSON {u['PERSON'][2]:.3f}  "
                f"ORG {u['ORGANIZATION'][2]:.3f}  LOC {u['LOCATION'][2]:.3f}"
            )
    return results


_POOL: dict[str, list] = {}
"""The training sequences of the corpus cross-validation, shared with the forked trainer processes."""


def _train_fold(args: tuple[list[int], float, float, str]) -> str:
    rows, c1, c2, model = args
    train([_POOL["xs"][j] for j in rows], [_POOL["ys"][j] for j in rows], c1, c2, Path(model))
    return model


def corpus_fold_map(names, k: int) -> dict[str, int]:
    """Business corpus -> fold: in name order (ja-biz5 before ja-biz10), dealt out in runs."""
    ordered = sorted(names, key=lambda c: (len(c), c))
    return {c: i * k // len(ordered) for i, c in enumerate(ordered)}


def corpus_folds(examples: list[Example], k: int) -> list[int]:
    """The fold of each example: a ja-ner-wiki sentence by its article (:func:`fold_of`), a business document by its
    whole corpus (the corpora in name order, dealt out in runs: 10 corpora in 5 folds hold out 5+6, 7+8, ...)."""
    of = corpus_fold_map({ex.corpus for ex in examples if ex.corpus != "wiki"}, k)
    return [fold_of(ex.doc_id, k) if ex.corpus == "wiki" else of[ex.corpus] for ex in examples]


def corpus_cv(
    examples,
    feats,
    score,
    k: int,
    only: list[int],
    c1: float,
    c2: float,
    baseline: Path,
    out_dir: Path,
    log,
    jobs: int,
    reuse: bool = False,
):
    """Cross-validation by corpus: fold i (of ``only``, all k by default) trains on everything but ja-ner-wiki's
    article fold i and the business corpora of fold i, and is scored on each of them (merge, as the detector does;
    business corpora on PERSON and ORGANIZATION, their only name types). ``baseline`` (the shipped model by default)
    is scored on the same held-out business corpora, which it never saw; on the held-out ja-ner-wiki sentences the
    comparison is a model trained on the fold's ja-ner-wiki sentences alone. Fold models are kept in
    OUT/ner/folds/ (fold{i}.crfsuite, fold{i}-wiki.crfsuite); with ``reuse`` a fold model already there is scored
    again, not retrained (a run of some folds, then of all of them, trains each fold once)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    folds = corpus_folds(examples, k)
    xs, ys, owner = [], [], []
    for j, ex in enumerate(examples):
        xs += feats[j]
        ys += ex.labels
        owner += [j] * len(ex.segs)
    _POOL.update(xs=xs, ys=ys)
    fold_dir = out_dir / "folds"
    fold_dir.mkdir(exist_ok=True)
    only = only or list(range(k))
    tasks = [
        ([r for r, j in enumerate(owner) if folds[j] != i], c1, c2, str(fold_dir / f"fold{i}.crfsuite")) for i in only
    ]
    tasks += [
        (
            [r for r, j in enumerate(owner) if folds[j] != i and examples[j].corpus == "wiki"],
            c1,
            c2,
            str(fold_dir / f"fold{i}-wiki.crfsuite"),
        )
        for i in only
    ]
    t0 = time.time()
    todo = [t for t in tasks if not (reuse and Path(t[3]).is_file())]
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        list(pool.map(_train_fold, todo))
    trained = [t[3] for t in tasks]
    models = dict(zip(only, trained[: len(only)], strict=True))
    wiki_only = dict(zip(only, trained[len(only) :], strict=True))
    log(f"{len(todo)} fold models trained in {time.time() - t0:.0f}s ({len(tasks) - len(todo)} reused)")
    rows: dict[str, dict[str, dict]] = defaultdict(dict)  # corpus -> model -> counts
    wiki: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for i, model in models.items():
        held = [j for j, f in enumerate(folds) if f == i]
        for corpus in sorted({examples[j].corpus for j in held}):
            exs = [examples[j] for j in held if examples[j].corpus == corpus]
            fs = [feats[j] for j in held if examples[j].corpus == corpus]
            types = list(NER_TYPES) if corpus == "wiki" else list(BIZ_TYPES)
            gold = [{"id": ex.doc_id, "spans": ex.gold} for ex in exs]
            # the shipped model was trained on all of ja-ner-wiki/dev: there the baseline is the fold's wiki-only model
            old = Path(wiki_only[i]) if corpus == "wiki" else baseline
            for name, path in (("new", Path(model)), ("old", old)):
                preds = predict(path, exs, fs)
                for strategy in ("rules", "merge") if name == "new" else ("merge",):
                    pred = [{"id": key, "findings": v} for key, v in preds[strategy].items()]
                    c = counts(*score(gold, pred, types=types))
                    label = "rules" if strategy == "rules" else name
                    if corpus == "wiki":
                        for key, v in c.items():
                            acc = wiki[f"{label}:{key}"]
                            for n in range(3):
                                acc[n] += v[n]
                    else:
                        rows[corpus][label] = c
            log(f"fold {i}: scored {corpus}")
    lines = [
        f"# CRF name model: cross-validation by corpus (folds {only} of {k}; c1={c1} c2={c2}; features "
        f"{FEATURE_SETS[-1]})",
        "",
        f"Held-out business corpora, PERSON / ORGANIZATION / micro F1 (merge), rules alone, old = {baseline.name} "
        "(never saw them), new = the fold's model:",
        "",
        "| held-out corpus | fold | rules P / O / micro | old P / O / micro | new P / O / micro |",
        "|---|---:|---|---|---|",
    ]
    tot: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    names = sorted(rows, key=lambda c: (len(c), c))
    fold_map = corpus_fold_map({ex.corpus for ex in examples if ex.corpus != "wiki"}, k)
    for corpus in names:
        cells = []
        for label in ("rules", "old", "new"):
            c = rows[corpus][label]
            cells.append(" / ".join(f"{prf(*c[t])[2]:.3f}" for t in (*BIZ_TYPES, "micro")))
            for t in (*BIZ_TYPES, "micro"):
                acc = tot[f"{label}:{t}"]
                for n in range(3):
                    acc[n] += c[t][n]
        lines.append(f"| {corpus} | {fold_map[corpus]} | " + " | ".join(cells) + " |")
    cells = [
        " / ".join(f"{prf(*tot[f'{lab}:{t}'])[2]:.3f}" for t in (*BIZ_TYPES, "micro"))
        for lab in ("rules", "old", "new")
    ]
    lines.append("| all held out (pooled) | | " + " | ".join(cells) + " |")
    if wiki:
        head = "ja-ner-wiki/dev, held-out article folds, micro P / R / F1 (old: trained on the fold's ja-ner-wiki"
        lines += ["", head + " sentences alone; new: with the business corpora too):", ""]
        for label in ("rules", "old", "new"):
            cells = [f"{v:.3f}" for v in prf(*wiki[f"{label}:micro"])]
            per = "  ".join(f"{t} {prf(*wiki[f'{label}:{t}'])[2]:.3f}" for t in NER_TYPES)
            lines.append(f"- {label}: {' / '.join(cells)}  ({per})")
    (out_dir / "cv-corpus.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for line in lines:
        log(line)


def grid(kind: str) -> list[tuple[str, float, float]]:
    """quick: the defaults alone. full: at the defaults, the model without the word clusters, without the gazetteer
    and without the rule hints; and a c1 (L1) / c2 (L2) variant."""
    if kind == "quick":
        return [DEFAULT]
    return [DEFAULT, ("gaz", 0.1, 0.01), ("rules", 0.1, 0.01), ("lex", 0.1, 0.01), (FEATURE_SETS[-1], 0.05, 0.05)]


def table(results) -> list[str]:
    lines = [
        "| features | c1 | c2 | merge | PERSON P/R/F1 | ORGANIZATION P/R/F1 | LOCATION P/R/F1 | micro P/R/F1 |",
        "|---|---:|---:|---|---|---|---|---|",
    ]
    for (fs, c1, c2), res in results:
        for strategy in STRATEGIES[1:]:
            cells = [f"{v[0]:.3f} / {v[1]:.3f} / {v[2]:.3f}" for v in (res[strategy][t] for t in (*NER_TYPES, "micro"))]
            lines.append(f"| {fs} | {c1} | {c2} | {strategy} | " + " | ".join(cells) + " |")
    base = results[0][1]["rules"]
    cells = [f"{v[0]:.3f} / {v[1]:.3f} / {v[2]:.3f}" for v in (base[t] for t in (*NER_TYPES, "micro"))]
    lines.append("| (rules alone, no CRF) | | | | " + " | ".join(cells) + " |")
    return lines


def parse_candidate(s: str) -> tuple[str, float, float]:
    fs, c1, c2 = s.split(":")
    if fs not in ALL_FEATURE_SETS:
        raise SystemExit(f"unknown feature set {fs!r}: one of {', '.join(ALL_FEATURE_SETS)}")
    return fs, float(c1), float(c2)


def report_cv(results, folds: int, out_dir: Path, log, tag: str | None) -> tuple[str, float, float]:
    """Write the table to bench-out/ner/cv*.md; return the candidate to train: among those with the full feature set
    (the one the recognizer builds), the best by cross-validated micro F1 under the detector's merge ("merge"), but
    the default when the best beats it by no more than TIE (within the noise of 5 folds)."""
    usable = [r for r in results if r[0][0] == FEATURE_SETS[-1]] or results  # the recognizer builds the full set
    (fs, c1, c2), res = max(usable, key=lambda r: r[1]["merge"]["micro"][2])
    default = [r for r in usable if r[0] == DEFAULT]
    if default and res["merge"]["micro"][2] - default[0][1]["merge"]["micro"][2] <= TIE:
        (fs, c1, c2), res = default[0]
    title = f"# CRF name model: {folds}-fold cross-validation on ja-ner-wiki/dev (by article)"
    report = [title, "", *table(results)]
    report += [
        "",
        f"chosen (best CV micro F1 under merge; the default unless beaten by > {TIE}): features={fs} c1={c1} c2={c2} "
        f"(F1 {res['merge']['micro'][2]:.3f})",
    ]
    name = "cv.md" if tag is None else f"cv-{tag}.md"
    (out_dir / name).write_text("\n".join(report) + "\n", encoding="utf-8")
    log(report[-1])
    return fs, c1, c2


def speed(paths: list[str], limit: int) -> None:
    """One-core speed (process time, best of 2) of Detector() and Detector(ner=True) on the first ``limit`` docs."""
    plain, ner = Detector(), Detector(ner=True)
    ner.detect("山田は東洋紡に入社した。")  # load the model and the dictionary
    for path in paths:
        with open(path, encoding="utf-8") as f:
            docs = [json.loads(line)["text"] for line in itertools.islice(f, limit) if line.strip()]
        chars = sum(map(len, docs))
        mb = sum(len(d.encode()) for d in docs) / 1e6
        rates = []
        for det in (plain, ner):
            best = float("inf")
            for _ in range(2):
                t = time.process_time()
                for d in docs:
                    det.detect(d)
                best = min(best, time.process_time() - t)
            rates.append(chars / best)
        print(
            f"{path}: {len(docs)} docs, {mb:.2f} MB: rules {rates[0]:,.0f} chars/s ({rates[0] * mb / chars:.2f} MB/s), "
            f"with NER {rates[1]:,.0f} chars/s ({rates[1] * mb / chars:.2f} MB/s): {rates[0] / rates[1]:.1f}x slower"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--grid", choices=["quick", "full"], default="full")
    ap.add_argument("--candidates", help="instead of --grid: FEATURES:C1:C2[,...] (e.g. rules:0.1:0.01)")
    ap.add_argument("--no-train", action="store_true", help="cross-validate only; write no model")
    ap.add_argument("--train", metavar="FEATURES:C1:C2", help="skip cross-validation: train these on all of dev")
    ap.add_argument(
        "--also",
        metavar="FILE[:N]",
        help="a dev file whose first N documents join every training set (never scored), e.g. ja-biz-pii/dev.jsonl:400",
    )
    ap.add_argument(
        "--biz",
        nargs="+",
        type=Path,
        default=[],
        metavar="FILE.jsonl",
        help="hand-written business corpora to train on too (PERSON, ORGANIZATION; LOCATION from --teacher), "
        "e.g. benchmarks/ja_biz{5..14}/dev.jsonl",
    )
    ap.add_argument(
        "--teacher",
        type=Path,
        help="the model that labels LOCATION in the --biz corpora (default: train one on ja-ner-wiki/dev alone, "
        "with the defaults: the model shipped before the business corpora)",
    )
    ap.add_argument(
        "--by-corpus",
        action="store_true",
        help="with --biz: cross-validate by corpus (whole business corpora and ja-ner-wiki article folds held out), "
        "the old model scored beside; writes bench-out/ner/cv-corpus.md",
    )
    ap.add_argument("--baseline", type=Path, default=REPO / "mamori" / "detect" / MODEL_FILE, help="for --by-corpus")
    ap.add_argument("--cv-folds", metavar="I,J", help="--by-corpus: run only these folds (0-based)")
    ap.add_argument("--jobs", type=int, default=2, help="trainings run at once by --by-corpus (default 2)")
    ap.add_argument(
        "--reuse-folds", action="store_true", help="--by-corpus: score fold models already in OUT/ner/folds/ again"
    )
    ap.add_argument("--out", type=Path, default=REPO / "mamori" / "detect" / MODEL_FILE)
    ap.add_argument("--speed", nargs="+", metavar="FILE.jsonl", help="only measure speed with and without the model")
    ap.add_argument("--speed-docs", type=int, default=2000, help="documents of each file to time (default 2000)")
    args = ap.parse_args()
    if args.speed:
        speed(args.speed, args.speed_docs)
        return
    ev = eval_dir()
    score = load_score(ev / "score.py")
    out_dir = OUT / "ner"
    out_dir.mkdir(parents=True, exist_ok=True)
    logf = open(out_dir / "cv.log", "a", encoding="utf-8")  # noqa: SIM115

    def log(msg: str) -> None:
        print(msg, flush=True)
        logf.write(msg + "\n")
        logf.flush()

    t0 = time.time()
    examples = prepare(ev / "ja-ner-wiki" / "dev.jsonl")
    log(f"dev: {len(examples)} sentences prepared in {time.time() - t0:.0f}s")
    also: list[Example] = []
    if args.also:
        name, _, n = args.also.partition(":")
        also = prepare(ev / name, int(n) if n else None)
        log(f"also in every training set: {len(also)} documents of {name}")
    biz: list[Example] = []
    biz_feats: list = []
    for path in args.biz:
        if path.stem != "dev" or any(f"ja_biz{n}" in str(path) for n in JUDGES):
            raise SystemExit(f"{path}: only dev files, and not the judges' corpora ({', '.join(JUDGES)})")
        biz += prepare_biz(path)
    if biz:
        teacher = args.teacher
        if teacher is None:
            teacher = out_dir / "teacher-wiki.crfsuite"
            wiki_feats = featurize(examples, DEFAULT[0])
            t1 = time.time()
            train([x for f in wiki_feats for x in f], [y for ex in examples for y in ex.labels], *DEFAULT[1:], teacher)
            log(f"teacher trained on ja-ner-wiki/dev alone in {time.time() - t1:.0f}s -> {teacher}")
        biz_feats = featurize(biz, FEATURE_SETS[-1])
        n = label_biz(biz, biz_feats, teacher)
        log(f"business corpora: {len(biz)} documents of {len(args.biz)} corpora, {n} LOCATION spans by {teacher.name}")
    if args.by_corpus:
        if not biz:
            raise SystemExit("--by-corpus needs --biz")
        fs, c1, c2 = parse_candidate(args.train) if args.train else DEFAULT
        feats = featurize(examples, FEATURE_SETS[-1]) + biz_feats
        only = [int(i) for i in args.cv_folds.split(",")] if args.cv_folds else []
        corpus_cv(
            examples + biz, feats, score, args.folds, only, c1, c2, args.baseline, out_dir, log, args.jobs,
            reuse=args.reuse_folds,
        )
    elif args.train:
        fs, c1, c2 = parse_candidate(args.train)
    else:
        candidates = [parse_candidate(c) for c in args.candidates.split(",")] if args.candidates else grid(args.grid)
        results = cross_validate(examples, score, args.folds, candidates, log, also)
        tag = args.candidates.replace(":", "_").replace(",", "+") if args.candidates else None
        if tag and args.also:
            tag += "+also_" + Path(args.also).name.replace(":", "_")
        fs, c1, c2 = report_cv(results, args.folds, out_dir, log, tag)
    if args.no_train:
        return
    feats = featurize(examples + also, fs) + (biz_feats if fs == FEATURE_SETS[-1] else featurize(biz, fs))
    xs = [x for f in feats for x in f]
    ys = [y for ex in examples + also + biz for y in ex.labels]
    t1 = time.time()
    train(xs, ys, c1, c2, args.out)
    what = "all of dev and the business corpora" if biz else "all of dev"
    log(f"trained on {what} in {time.time() - t1:.0f}s -> {args.out} ({args.out.stat().st_size:,} bytes)")
    if fs not in (FEATURE_SETS[-1], TOKEN_FREE):
        log(f"NOTE: the recognizer builds {FEATURE_SETS[-1]!r} or {TOKEN_FREE!r} features, not {fs!r}")


if __name__ == "__main__":
    main()
