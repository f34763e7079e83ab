"""A minimal OLE2 compound-file writer (version 3, 512-byte sectors), only to build .msg fixtures in tests."""

from __future__ import annotations

import itertools
import struct

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


class _Entry:
    def __init__(self, name: str, kind: int, data: bytes = b"") -> None:
        self.name = name
        self.kind = kind  # 1 storage, 2 stream, 5 root
        self.data = data
        self.children: dict[str, _Entry] = {}
        self.sid = 0
        self.start = END
        self.size = 0
        self.left = self.right = self.child = NOSTREAM


def _key(entry: _Entry) -> tuple[int, str]:
    return (len(entry.name), entry.name.upper())


def build(streams: dict[str, bytes]) -> bytes:
    """``streams`` maps "storage/sub/stream" paths to bytes; storages are created as needed."""
    root = _Entry("Root Entry", 5)
    for path, data in streams.items():
        node = root
        *dirs, leaf = path.split("/")
        for d in dirs:
            node = node.children.setdefault(d, _Entry(d, 1))
        node.children[leaf] = _Entry(leaf, 2, data)
    entries: list[_Entry] = []

    def number(node: _Entry) -> None:
        node.sid = len(entries)
        entries.append(node)
        for child in node.children.values():
            number(child)

    number(root)
    for node in entries:  # children as a right-leaning chain, all black: a valid (if unbalanced) tree
        kids = sorted(node.children.values(), key=_key)
        if kids:
            node.child = kids[0].sid
            for a, b in itertools.pairwise(kids):
                a.right = b.sid
    mini = bytearray()
    minifat: list[int] = []
    big: list[tuple[_Entry, bytes]] = []
    for e in entries:
        if e.kind != 2:
            continue
        e.size = len(e.data)
        if e.size < CUTOFF:
            if e.size == 0:
                continue
            n = -(-e.size // MINI)
            e.start = len(minifat)
            minifat.extend(range(len(minifat) + 1, len(minifat) + n))
            minifat.append(END)
            mini += e.data.ljust(n * MINI, b"\x00")
        else:
            big.append((e, e.data))
    sectors: list[bytes] = []
    fat: list[int] = []

    def put(data: bytes) -> int:
        if not data:
            return END
        start = len(sectors)
        n = -(-len(data) // SECTOR)
        for i in range(n):
            sectors.append(data[i * SECTOR : (i + 1) * SECTOR].ljust(SECTOR, b"\x00"))
            fat.append(start + i + 1 if i < n - 1 else END)
        return start

    root.start = put(bytes(mini))
    root.size = len(mini)
    for e, data in big:
        e.start = put(data)
    minifat_start = put(b"".join(struct.pack("<I", v) for v in minifat)) if minifat else END
    minifat_count = -(-len(minifat) * 4 // SECTOR) if minifat else 0
    dir_data = b"".join(_dir_entry(e) for e in entries)
    dir_data = dir_data.ljust(-(-len(dir_data) // SECTOR) * SECTOR, b"\x00")
    dir_start = put(dir_data)
    # FAT sectors cover themselves: grow until stable
    n_fat = 1
    while (len(sectors) + n_fat) * 4 > n_fat * SECTOR:
        n_fat += 1
    fat_start = len(sectors)
    fat.extend([FATSECT] * n_fat)
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat).ljust(n_fat * SECTOR, b"\xff")
    for i in range(n_fat):
        sectors.append(fat_bytes[i * SECTOR : (i + 1) * SECTOR])
    assert n_fat <= 109
    difat = [fat_start + i for i in range(n_fat)] + [FREE] * (109 - n_fat)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\x00" * 16,
        0x003E,
        0x0003,
        0xFFFE,
        9,
        6,
        b"\x00" * 6,
        0,
        n_fat,
        dir_start,
        0,
        CUTOFF,
        minifat_start,
        minifat_count,
        END,
        0,
    ) + b"".join(struct.pack("<I", v) for v in difat)
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _dir_entry(e: _Entry) -> bytes:
    name = e.name.encode("utf-16-le") + b"\x00\x00"
    assert len(name) <= 64
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name.ljust(64, b"\x00"),
        len(name),
        e.kind,
        1,  # black
        e.left,
        e.right,
        e.child,
        b"\x00" * 16,
        0,
        0,
        0,
        e.start if (e.kind == 5 or e.size) else END,
        e.size,
    )


def prop_stream(entries: list[tuple[int, int, bytes]], header: int) -> bytes:
    """A __properties_version1.0 stream: (type, id, 8-byte value) entries after a header of ``header`` bytes."""
    out = bytearray(header)
    for ptype, pid, value in entries:
        out += struct.pack("<HHI", ptype, pid, 6) + value.ljust(8, b"\x00")
    return bytes(out)
