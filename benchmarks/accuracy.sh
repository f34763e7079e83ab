#!/usr/bin/env bash
# Accuracy of `mamori detect --jsonl` on the shared evaluation sets, scored by the one scorer (score.py).
#
# usage: bash benchmarks/accuracy.sh [SET/SPLIT ...]     (default: all below)
#   ja-biz-pii/dev  ja-biz2/dev (this repository's second dev corpus, benchmarks/ja_biz2/)
#   ja-biz3/dev (the third, made another way, benchmarks/ja_biz3/)
#   ja-biz4/dev ja-biz4/devA ja-biz4/devB (the fourth and its two halves, benchmarks/ja_biz4/)  ja-ner-wiki/dev
#   ja-biz5/dev ja-biz5/devA ja-biz5/devB (the fifth, hand-written, and its halves, benchmarks/ja_biz5/)
#   ja-biz6/dev (the sixth, hand-written by another author: the judge of the rules fitted on ja-biz5/devA)
#   ja-biz7/dev (the seventh, hand-written by a third author, documents of particular trades: a second judge)
#   ja-biz8/dev (the eighth, a manufacturer's office documents by a fourth author: the judge of the second round)
#   ja-biz9/dev (the ninth, a property manager's files by a fifth author) and ja-biz10/dev (the tenth, a welfare
#   council and a staffing agency by a sixth): the judges of the sixth session's rules
#   ja-biz11/dev (an insurance agency and a car dealer in 八戸, by a seventh author) and ja-biz12/dev (a foreign-owned
#   IT company's Tokyo office, bilingual, by an eighth): the judges of the seventh session's rules
#   ja-biz13/dev (a town office in 島根, by a ninth author) and ja-biz14/dev (a general hospital in 久留米, by a
#   tenth): the judges of the eighth session's rules
#   ja-biz15/dev (a trucking and warehouse company in 富山, by an eleventh author) and ja-biz16/dev (a ryokan and city hotel group in
#   石川, by a twelfth):
#   the judges of the ninth session's rules
#   ja-biz17/dev (a school board and its schools in 佐賀, by a thirteenth author): a judge of the tenth session's rules
#   ja-prose/dev (this repository's prose sentences with names, benchmarks/ja_prose/)
#   ja-ner-wiki/test  ja-gsd-ne/dev  ja-gsd-ne/test  en-synth/dev  en-synth/test
# Environment: MAMORI (default .venv/bin/mamori), MAMORI_EVAL (default ../shared/eval or /work/shared/eval),
#              OUT (default bench-out/accuracy).
# Writes OUT/SET-SPLIT.pred.jsonl and OUT/SET-SPLIT.txt (score.py's table), and OUT/summary.md (one row per set).
# Tune only on dev files: the test tables are for reporting.
set -euo pipefail
cd "$(dirname "$0")/.."
MAMORI="${MAMORI:-.venv/bin/mamori}"
OUT="${OUT:-bench-out/accuracy}"
if [ -z "${MAMORI_EVAL:-}" ]; then
  for d in ../shared/eval /work/shared/eval; do
    if [ -f "$d/score.py" ]; then MAMORI_EVAL="$d"; break; fi
  done
fi
[ -f "${MAMORI_EVAL:-}/score.py" ] || { echo "evaluation data not found: set MAMORI_EVAL" >&2; exit 2; }
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(ja-biz-pii/dev ja-biz2/dev ja-biz3/dev ja-biz4/dev ja-ner-wiki/dev ja-ner-wiki/test ja-gsd-ne/dev ja-gsd-ne/test en-synth/dev en-synth/test)
mkdir -p "$OUT"
summary="$OUT/summary.md"
{
  echo "# mamori accuracy, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "| set | docs | seconds | micro P / R / F1 |"
  echo "|---|---:|---:|---|"
} > "$summary"
for s in "${sets[@]}"; do
  gold="$MAMORI_EVAL/$s.jsonl"
  [ "$s" != "ja-biz2/dev" ] || gold="benchmarks/ja_biz2/dev.jsonl"
  [ "$s" != "ja-biz3/dev" ] || gold="benchmarks/ja_biz3/dev.jsonl"
  case "$s" in ja-biz4/dev*) gold="benchmarks/ja_biz4/${s#ja-biz4/}.jsonl" ;; esac
  case "$s" in ja-biz5/dev*) gold="benchmarks/ja_biz5/${s#ja-biz5/}.jsonl" ;; esac
  case "$s" in ja-biz6/dev*) gold="benchmarks/ja_biz6/${s#ja-biz6/}.jsonl" ;; esac
  case "$s" in ja-biz7/dev*) gold="benchmarks/ja_biz7/${s#ja-biz7/}.jsonl" ;; esac
  case "$s" in ja-biz8/dev*) gold="benchmarks/ja_biz8/${s#ja-biz8/}.jsonl" ;; esac
  case "$s" in ja-biz9/dev*) gold="benchmarks/ja_biz9/${s#ja-biz9/}.jsonl" ;; esac
  case "$s" in ja-biz10/dev*) gold="benchmarks/ja_biz10/${s#ja-biz10/}.jsonl" ;; esac
  case "$s" in ja-biz11/dev*) gold="benchmarks/ja_biz11/${s#ja-biz11/}.jsonl" ;; esac
  case "$s" in ja-biz12/dev*) gold="benchmarks/ja_biz12/${s#ja-biz12/}.jsonl" ;; esac
  case "$s" in ja-biz13/dev*) gold="benchmarks/ja_biz13/${s#ja-biz13/}.jsonl" ;; esac
  case "$s" in ja-biz14/dev*) gold="benchmarks/ja_biz14/${s#ja-biz14/}.jsonl" ;; esac
  case "$s" in ja-biz15/dev*) gold="benchmarks/ja_biz15/${s#ja-biz15/}.jsonl" ;; esac
  case "$s" in ja-biz16/dev*) gold="benchmarks/ja_biz16/${s#ja-biz16/}.jsonl" ;; esac
  case "$s" in ja-biz17/dev*) gold="benchmarks/ja_biz17/${s#ja-biz17/}.jsonl" ;; esac
  [ "$s" != "ja-prose/dev" ] || gold="benchmarks/ja_prose/dev.jsonl"
  name="${s//\//-}"
  [ -f "$gold" ] || { echo "missing $gold" >&2; exit 2; }
  start=$(date +%s.%N)
  rc=0
  "$MAMORI" detect --jsonl < "$gold" > "$OUT/$name.pred.jsonl" || rc=$?
  end=$(date +%s.%N)
  if [ "$rc" -ne 0 ]; then echo "mamori detect --jsonl failed on $s (exit $rc)" >&2; exit "$rc"; fi
  python3 "$MAMORI_EVAL/score.py" "$gold" "$OUT/$name.pred.jsonl" > "$OUT/$name.txt"
  secs=$(python3 -c "print(f'{$end - $start:.1f}')")
  docs=$(wc -l < "$gold")
  micro=$(tail -1 "$OUT/$name.txt")
  echo "| $s | $docs | $secs | ${micro#micro } |" >> "$summary"
  echo "== $s ($docs docs, ${secs}s)"
  cat "$OUT/$name.txt"
done
echo
cat "$summary"
