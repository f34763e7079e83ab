"""Time the guard takes to judge one outgoing message with a base64 attachment (``judge_raw``, the gateway's path).

Two messages to an external recipient of the misdelivery dev set, each with 20 lines of Japanese text and one
attachment of random bytes (so nothing is found in it: the cost is reading the MIME structure and the part): 3 MB
and 20 KB. Prints the best of ``--rounds`` per message, its verdict and the load average.

usage: PYTHONPATH=. .venv/bin/python benchmarks/judge_attachment.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import time

from _common import eval_dir

from mamori.detect.detector import default_detector
from mamori.gateway.intake import judge_raw
from mamori.guard import load_contacts, load_history, load_policy

RECIPIENT = "t.sato@alpha.example"
SENDER = "a@ours.example"


def message(attachment: bytes, name: str) -> bytes:
    """A multipart/mixed message with some text and ``attachment`` in base64 (CRLF lines)."""
    b64 = base64.encodebytes(attachment).replace(b"\n", b"\r\n")
    head = (
        f"From: {SENDER}\r\nTo: {RECIPIENT}\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n'
        "Content-Transfer-Encoding: 8bit\r\n\r\n" + "ご確認ください。\r\n" * 20
    )
    part = (
        "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        f'Content-Disposition: attachment; filename="{name}"\r\n\r\n'
    )
    return head.encode() + part.encode() + b64 + b"--b1--\r\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    root = eval_dir() / "misdelivery" / "dev"
    policy = load_policy(root / "mamori.toml")
    directory = load_contacts(root / "contacts.csv")
    history = load_history(root / "history.jsonl")
    detector = default_detector()
    rnd = random.Random(7)
    for label, raw in (
        ("3 MB attachment", message(rnd.randbytes(3_000_000), "big.bin")),
        ("20 KB attachment", message(rnd.randbytes(20_000), "small.bin")),
    ):
        best = float("inf")
        judged = None
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            judged = judge_raw(raw, [RECIPIENT], policy, directory, history, detector, SENDER)
            best = min(best, time.perf_counter() - t0)
        outcome = judged.verdict.action if judged and judged.verdict else (judged.error_code if judged else "?")
        print(f"{label}: message {len(raw):,} bytes, best of {args.rounds} {best * 1000:.1f} ms, {outcome}, "
              f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
