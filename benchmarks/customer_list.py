"""The invented customer list of the discovery benchmark: `顧客番号,氏名,電話番号,メール,住所`, one customer a row.

Deterministic (a fixed seed): the same bytes on every machine. Every value is invented: common surnames and given
names, numbers at random, the `example.co.jp` domain (reserved for examples), block numbers in five well-known
districts. ``--mb 20`` (the default) gives the 20 MB file of docs/benchmarks.md (about 195,000 rows)::

    python benchmarks/customer_list.py /tmp/table/customers.csv            # 20 MB
    python benchmarks/customer_list.py /tmp/table/customers-2mb.csv --mb 2
"""

from __future__ import annotations

import argparse
import random

SURNAMES = "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本".split()  # noqa: SIM905
GIVEN = "太郎 花子 一郎 美咲 健太 陽子 大輔 結衣 翔 真由美".split()  # noqa: SIM905
AREAS = ("030", "060", "090")
TOWNS = (
    "東京都千代田区丸の内",
    "大阪府大阪市北区梅田",
    "愛知県名古屋市中区栄",
    "福岡県福岡市博多区博多駅前",
    "北海道札幌市中央区北一条西",
)
HEADER = "顧客番号,氏名,電話番号,メール,住所\n"


def rows(seed: int = 20261206):
    rng = random.Random(seed)
    n = 0
    while True:
        n += 1
        name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
        phone = f"{rng.choice(AREAS)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        address = f"{rng.choice(TOWNS)}{rng.randint(1, 9)}-{rng.randint(1, 20)}-{rng.randint(1, 30)}"
        yield f"C{n:07d},{name},{phone},user{n}@example.co.jp,{address}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--mb", type=float, default=20.0, help="stop before the file passes this many MB (10^6 bytes)")
    args = parser.parse_args()
    limit = int(args.mb * 1_000_000)
    size = len(HEADER.encode())
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        for line in rows():
            n = len(line.encode())
            if size + n > limit:
                break
            fh.write(line)
            size += n


if __name__ == "__main__":
    main()
