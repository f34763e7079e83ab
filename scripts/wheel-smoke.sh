#!/usr/bin/env bash
# Smoke test of an installed release wheel: VENV was made by `make wheel-smoke` with no Rust on PATH.
set -euo pipefail
venv=$(cd "$1" && pwd)
if command -v cargo >/dev/null; then echo "wheel-smoke: cargo must not be on PATH here" >&2; exit 2; fi
cd "$(mktemp -d)"   # away from the source tree: the wheel's own mamori is imported
"$venv/bin/python" - <<'PY'
import mamori, mamori._core
found = mamori.detect("山田太郎様 連絡先 taro@example.co.jp TEL 03-1234-5678 東京都千代田区千代田1-1")
types = sorted({f.type for f in found})
assert {"EMAIL", "PERSON", "ADDRESS"} <= set(types), types  # the rule tables are compiled into the core
assert mamori.__file__.startswith(__import__("sys").prefix), mamori.__file__
from importlib import metadata
shipped = {p.name for p in metadata.files("mamori") or () if "licenses" in p.parts}
assert {"LICENSE", "THIRD_PARTY_NOTICES.md", "NOTICE-ner.md"} <= shipped, shipped
print("wheel-smoke: import and detect ok:", types, "- licence files:", sorted(shipped))
PY
out=$(echo '{"id": "a", "text": "mail: hanako@example.com"}' | "$venv/bin/mamori" detect --jsonl || true)
echo "$out" | grep -q '"EMAIL"' || { echo "wheel-smoke: mamori detect --jsonl gave: $out" >&2; exit 1; }
echo "wheel-smoke: mamori detect --jsonl ok"
