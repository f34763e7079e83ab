"""FAX send lists for `mamori fax check`, with injected mistakes of every code and correct rows spelled the hard way.

Writes contacts.csv (organisations with one to three FAX numbers each, people with and without e-mail),
sendlist.csv and expected.json (``{"rows": {row: code}}``; rows not in it are correct and must be allowed).

Mistakes: ``similar_recipient`` (one digit changed or two adjacent digits swapped from a number of the named
organisation), ``invalid_number`` (a digit dropped or added), ``recipient_organization_mismatch`` (another
organisation's number), ``unknown_recipient`` (an organisation not in the directory, or a number far from the named
organisation's). Correct rows: 株式会社 before or after, (株)/（株）/㈱, (有)/㈲, spaces, full-width digits,
parentheses and +81, departments, people not in the directory.

    python benchmarks/letters/fax_generate.py OUT_DIR --rows 1000 --seed 3
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

STEMS = ("光陽システムズ", "北斗商事", "みどり物産", "東洋精機", "青葉ホールディングス", "桜川工業", "さくら電機",
         "東和テクノ", "丸井運輸", "日進化成", "大和ロジ", "富士ケミカル")  # fmt: skip
PEOPLE = ("佐藤 一郎", "鈴木 花子", "高橋 健", "田中 美咲", "伊藤 誠", "渡辺 彩")
DEPTS = ("経理部", "総務部 御中", "購買課", "営業部")
AREAS = ("03", "06", "045", "052", "092", "011")
CODES = ("similar_recipient", "invalid_number", "recipient_organization_mismatch", "unknown_recipient")
FW = str.maketrans("0123456789-()", "０１２３４５６７８９－（）")



def _digits(rng: random.Random) -> str:
    area = rng.choice(AREAS)
    return area + str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(area)))


def _shown(number: str, rng: random.Random) -> str:
    """A number written as people write it."""
    a = 2 if number.startswith(("03", "06")) else 3
    style = rng.randrange(5)
    if style == 0:
        return f"{number[:a]}-{number[a:6]}-{number[6:]}"
    if style == 1:
        return f"({number[:a]}){number[a:6]}-{number[6:]}"
    if style == 2:
        return f"{number[:a]}-{number[a:6]}-{number[6:]}".translate(FW)
    if style == 3:
        return f"+81 {number[1:a]} {number[a:6]} {number[6:]}"
    return number


def _org_spelling(stem: str, form: str, rng: random.Random) -> str:
    short = {"株式会社": ["(株)", "（株）", "㈱"], "有限会社": ["(有)", "㈲"]}[form]
    options = [f"{form}{stem}", f"{stem}{form}", f"{form} {stem}", f"{form}\u3000{stem}", rng.choice(short) + stem]
    return rng.choice(options)


def _far(number: str, others: set[str]) -> bool:
    return all(sum(a != b for a, b in zip(number, o, strict=False)) >= 3 or len(o) != len(number) for o in others)


def generate(out: Path, rows: int, seed: int, mistake_rate: float = 0.2) -> dict[str, object]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    orgs: dict[str, tuple[str, list[str]]] = {}
    every: set[str] = set()
    for i, stem in enumerate(STEMS):
        form = "有限会社" if i % 4 == 3 else "株式会社"
        numbers = []
        while len(numbers) < rng.randint(1, 3):
            n = _digits(rng)
            if n not in every and _far(n, every):
                numbers.append(n)
                every.add(n)
        orgs[stem] = (form, numbers)
    with open(out / "contacts.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "kana", "email", "organization", "fax"])
        for k, (stem, (form, numbers)) in enumerate(orgs.items()):
            for j, person in enumerate(PEOPLE[: 2 + k % 3]):
                email = f"p{j}@o{k}.example" if j % 2 == 0 else ""
                w.writerow([person, "", email, f"{form}{stem}", ";".join(numbers) if j == 0 else numbers[0]])
    expected: dict[str, str] = {}
    plan = [CODES[k % len(CODES)] for k in range(2 * len(CODES))]
    plan += [rng.choice(CODES) if rng.random() < mistake_rate else "" for _ in range(rows - len(plan))]
    rng.shuffle(plan)
    with open(out / "sendlist.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name", "organization", "fax"])
        for row, mistake in enumerate(plan, start=1):
            stem = rng.choice(STEMS)
            form, numbers = orgs[stem]
            org = _org_spelling(stem, form, rng)
            who = rng.choice([*PEOPLE, "山崎 進", "ご担当者", *DEPTS])
            if rng.random() < 0.2:
                org = f"{org} {rng.choice(DEPTS)}"
            number = rng.choice(numbers)
            if mistake == "similar_recipient":
                while True:
                    d = list(number)
                    i = rng.randrange(3, len(d) - 1)
                    if rng.random() < 0.5:
                        d[i] = str((int(d[i]) + rng.randint(1, 9)) % 10)
                    else:
                        d[i], d[i + 1] = d[i + 1], d[i]
                    cand = "".join(d)
                    if cand != number and cand not in every:
                        number = cand
                        break
            elif mistake == "invalid_number":
                i = rng.randrange(3, len(number))
                number = number[:i] + number[i + 1 :] if rng.random() < 0.5 else number[:i] + "5" + number[i:]
            elif mistake == "recipient_organization_mismatch":
                other = rng.choice([s for s in STEMS if s != stem])
                number = rng.choice(orgs[other][1])
            elif mistake == "unknown_recipient":
                if rng.random() < 0.5:
                    org = rng.choice(["株式会社南星物産", "東邦メディカル株式会社", "(有)かもめ堂"])
                    number = next(n for n in iter(lambda: _digits(rng), "") if n not in every)
                else:
                    number = next(n for n in iter(lambda: _digits(rng), "") if _far(n, every))
            if mistake:
                expected[str(row)] = mistake
            w.writerow([who, org, _shown(number, rng)])
    result = {"rows": expected, "count": len(plan)}
    (out / "expected.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    result = generate(args.out, args.rows, args.seed)
    print(f"{result['count']} rows, {len(result['rows'])} with a mistake -> {args.out}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
