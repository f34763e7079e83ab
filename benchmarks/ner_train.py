"""Train and cross-validate the optional CRF name model (mamori/detect/data/ner-ja-wiki.crfsuite) on ja-ner-wiki/dev.

usage: .venv/bin/python benchmarks/ner_train.py [--folds 5] [--grid quick|full] [--candidates FS:C1:C2,...]
                                                [--no-train | --train FS:C1:C2] [--out MODEL]
       .venv/bin/python benchmarks/ner_train.py --speed FILE.jsonl [...] [--speed-docs N]

Needs python-crfsuite (the `bench` extra). Reads ONLY ja-ner-wiki/dev.jsonl: the test file is never touched here.
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


def load_score(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def prepare(path: Path, limit: int | None = None) -> list[Example]:
    """The first ``limit`` documents of ``path`` (all by default). ADDRESS spans are labelled LOCATION for the
    model (ja-biz-pii labels whole addresses ADDRESS where ja-ner-wiki labels places LOCATION; the detector's address
    findings cover them anyway)."""
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
            ex = Example(str(d["id"]), text, d["spans"], settle(found), hints)
            gold = [Span(s["start"], s["end"], "LOCATION" if s["type"] == "ADDRESS" else s["type"]) for s in d["spans"]]
            if doc.lang == "ja":  # the detector runs the model on Japanese documents only
                for s, e in segments(text):
                    inside = [Span(g.start - s, g.end - s, g.type) for g in gold if g.start >= s and g.end <= e]
                    ex.segs.append((s, e))
                    ex.labels.append(bio_labels(e - s, inside))
            out.append(ex)
    return out


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
    if args.train:
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
    feats = featurize(examples + also, fs)
    xs = [x for f in feats for x in f]
    ys = [y for ex in examples + also for y in ex.labels]
    t1 = time.time()
    train(xs, ys, c1, c2, args.out)
    log(f"trained on all of dev in {time.time() - t1:.0f}s -> {args.out} ({args.out.stat().st_size:,} bytes)")
    if fs not in (FEATURE_SETS[-1], TOKEN_FREE):
        log(f"NOTE: the recognizer builds {FEATURE_SETS[-1]!r} or {TOKEN_FREE!r} features, not {fs!r}")


if __name__ == "__main__":
    main()
