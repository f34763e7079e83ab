"""The optional CRF name model: features, BIO decoding, the recognizer, Detector(ner=True) and `mamori detect --ner`."""

from __future__ import annotations

import itertools
import json
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from mamori import _core
from mamori.detect import Detector
from mamori.detect.ner_features import FEATURE_SETS, NER_TYPES, TOKEN_FREE, Span, bio_labels, bio_spans
from mamori.detect.recognizers import default_recognizers, ner_crf
from mamori.detect.recognizers.ner_crf import (
    MISSING_EXTRA,
    NerCrf,
    _features_only,
    _segment_inputs,
    available,
    segment_features,
    segments,
)

needs_crf = pytest.mark.skipif(not available(), reason="the NER model is not installed")
try:
    import pycrfsuite
except ImportError:  # only training needs it; the comparisons below are skipped without it
    pycrfsuite = None
needs_pycrfsuite = pytest.mark.skipif(pycrfsuite is None, reason="python-crfsuite not installed (training needs it)")


def _features(text: str, tokens=(), hints=(), level: str = FEATURE_SETS[-1], **kw: object) -> list[list[str]]:
    """The core's feature strings with no gazetteer or cluster files (a tagger without a model)."""
    return _core.CrfTagger().features(text, list(tokens), list(hints), level, **kw)


def _pack(row: int, mid: int, top: int) -> int:
    return (row << 16) | (mid << 6) | top


def test_char_types() -> None:
    types = [row[1] for row in _features("山やヤAa1 、ー々²ǅ\u3000½", level="chars")]
    assert types == [f"t={t}" for t in "KHTAADSYTKDASY"]


@st.composite
def _spans(draw: st.DrawFn) -> tuple[int, list[Span]]:
    n = draw(st.integers(0, 60))
    cuts = sorted(draw(st.sets(st.integers(0, n), max_size=12)))
    spans = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if a < b:
            spans.append(Span(a, b, draw(st.sampled_from(NER_TYPES))))
    return n, spans


@given(_spans())
def test_bio_round_trip(case: tuple[int, list[Span]]) -> None:
    n, spans = case
    assert bio_spans(bio_labels(n, spans)) == spans


def test_bio_spans_repairs_a_lone_inside_label() -> None:
    assert bio_spans(["O", "I-PERSON", "I-PERSON", "B-LOCATION", "I-ORGANIZATION"]) == [
        Span(1, 3, "PERSON"),
        Span(3, 4, "LOCATION"),
        Span(4, 5, "ORGANIZATION"),
    ]


def test_features_one_list_per_character_and_sets_nest() -> None:
    text = "山田は東洋紡に入社した。"
    rules = [(0, 2, "PERSON", "person_ja", 0.9)]
    sizes = []
    for fs in FEATURE_SETS:
        feats = _features(text, (), rules, fs, flags=[], gazetteer=[], clusters=[])
        assert len(feats) == len(text)
        sizes.append(sum(map(len, feats)))
    assert sizes == sorted(sizes)
    full = _features(text, (), rules, "rules")
    assert "r=BP" in full[0] and "r=IP" in full[1] and "rs=BPh" in full[0] and "r-1=EP" in full[2]
    assert not any(f.startswith("r=") for f in full[2])
    assert _features("", (), (), "rules") == []
    with pytest.raises(ValueError, match="unknown feature set"):
        _features(text, level="all")


def test_character_features_in_order() -> None:
    assert _features("山田", level="chars")[0] == [
        "c=山", "t=K", "c-1=\x02", "c+1=田", "c-2=\x02", "c+2=\x03", "b-=\x02山", "b+=山田", "b--=\x02\x02",
        "b++=田\x03", "tt=^KK", "tt-=^^K", "tt+=KK$", "BOS",
    ]  # fmt: skip
    assert _features("a\x00b", level="chars")[1][0] == "c=\x00"  # the string keeps a NUL; the model key ends there


def test_token_and_lexicon_features() -> None:
    text = "東洋紡の松本"
    toks = [(0, 3, "東洋紡", ["名詞", "固有名詞"]), (3, 4, "の", ["助詞"]), (4, 6, "松本", [])]
    morph = _features(text, toks, level="morph", flags=["", "", "SL"])
    assert morph[0][14:16] == ["tp=B", "tpp=B名詞-固有名詞"] and morph[3][13] == "tp=S"
    assert {"p=名詞-固有名詞", "p1=固有名詞", "w=東洋紡", "wl=3", "pw=*", "nw=の", "pp=^", "np=助詞"} <= set(morph[1])
    assert {"p=?", "p1=?", "np=$"} <= set(morph[4]) and not any(f.startswith("lx") for f in morph[4])
    lex = _features(text, toks, level="lex", flags=["", "", "SL"])
    assert {"lx=S", "lx=L", "lx"} <= set(lex[5]) and not any(f.startswith("lx") for f in lex[0])
    looked_up = _features(text, toks, level="lex")  # the name lexicon's own flags
    assert any(f.startswith("lx=") for f in looked_up[4])


def test_gazetteer_and_cluster_features_come_with_the_full_set() -> None:
    text = "東洋紡の松本"
    toks = [(0, 3, "東洋紡", ["名詞"]), (3, 4, "の", ["助詞"]), (4, 6, "松本", ["名詞"])]
    listed = [(0, 3, "O"), (4, 6, "LP")]
    clusters = [_pack(7920, 766, 39), None, _pack(4410, 813, 59)]
    full = _features(text, toks, (), "vec", gazetteer=listed, clusters=clusters)
    assert {"g=BO", "gl=BO3", "v0=7920", "v1=766", "v2=39"} <= set(full[0])
    assert "g=EO" in full[2] and {"g-1=O", "g+1=L", "v=none", "pv2=39", "nv2=59"} <= set(full[3])
    assert {"g=BL", "g=BP", "v2=59"} <= set(full[4])
    without = _features(text, toks, (), "rules", gazetteer=listed, clusters=clusters)
    added = ("g=", "gl=", "g+1=", "g-1=", "v=", "v0=", "v1=", "v2=", "pv2=", "nv2=")
    assert not any(f.startswith(added) for feats in without for f in feats)


@given(st.integers(0, 2**20), st.integers(0, 1023), st.integers(0, 63))
def test_cluster_features_unpack_the_ids(row: int, mid: int, top: int) -> None:
    got = _features("山", [(0, 1, "山", ["名詞"])], level="vec", gazetteer=[], clusters=[_pack(row, mid, top)])
    assert got[0][-3:] == [f"v0={row}", f"v1={mid}", f"v2={top}"]


def test_token_free_features_read_no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "山田太郎さんは東洋紡へ"
    toks = [(0, 4, "山田太郎", ["名詞"])]
    free = _features(text, toks, [(0, 4, "PERSON", "person_ja", 0.9)], TOKEN_FREE, gazetteer=[(7, 10, "O")])
    assert free == _features(text, (), [(0, 4, "PERSON", "person_ja", 0.9)], TOKEN_FREE, gazetteer=[(7, 10, "O")])
    assert {"lb=S", "lbl=S2", "r=BP"} <= set(free[0]) and {"lb=G", "lsg"} <= set(free[2]) and "g=BO" in free[7]
    assert not any(f.startswith(("tp=", "p=", "w=", "lx", "v")) for row in free for f in row)
    # Training data for the token-free set never asks SudachiPy.
    monkeypatch.setattr(ner_crf.morphology, "tokens", lambda *a: pytest.fail("tokenized"))
    assert segment_features(text, 0, len(text), (), TOKEN_FREE)[0][:2] == ["c=山", "t=K"]


def test_gazetteer_lists_proper_nouns_with_their_kinds() -> None:
    spans = _features_only().gazetteer_spans("東洋紡の松本は阪神へ")
    assert (0, 3, "O") in spans and (4, 6, "LP") in spans and (7, 9, "LO") in spans
    assert all(e - s >= 2 for s, e, _ in spans)
    # A lone surrogate is replaced one for one before the core sees the segment: offsets kept.
    assert "g=BO" in segment_features("\ud800東洋紡", 0, 4, (), "gaz")[1]


def test_word_clusters_load_and_unpack() -> None:
    words = _features_only()
    packed = words.word_cluster("東洋紡")
    assert packed is not None
    row, mid, top = packed >> 16, (packed >> 6) & 0x3FF, packed & 0x3F
    assert 0 <= row < 20_000 and 0 <= mid < 1024 and 0 <= top < 64
    assert words.word_cluster("") is None and words.word_cluster("東洋紡績株式会社ではない語") is None


_WORDS = st.text(alphabet="あア山a", min_size=1, max_size=4)


@given(st.sets(_WORDS, max_size=30), _WORDS)
def test_word_cluster_lookup_matches_a_dict(words: set[str], probe: str) -> None:
    table = {w: i for i, w in enumerate(sorted(words))}
    tsv = "".join(f"{w}\t0\t0\t{i}\n" for w, i in table.items())
    clusters = _core.CrfTagger(clusters=tsv)
    assert all(clusters.word_cluster(w) == i for w, i in table.items())
    assert clusters.word_cluster(probe) == table.get(probe)


def test_word_clusters_refuse_an_unordered_file() -> None:
    with pytest.raises(ValueError, match="out of order"):
        _core.CrfTagger(clusters="b\t1\t1\t1\na\t1\t1\t1\n")


def test_a_tagger_without_a_model_only_gives_features() -> None:
    tagger = _core.CrfTagger()
    assert len(tagger.features("山田", [])) == 2
    for call in (lambda: tagger.tag("山田", []), lambda: tagger.labels, lambda: tagger.tag_items([["c=山"]])):
        with pytest.raises(ValueError, match="without a model"):
            call()


@given(st.text(alphabet="あ。\n!x山 ", max_size=80), st.integers(1, 9))
def test_segments_cover_the_text_in_order(text: str, limit: int) -> None:
    segs = segments(text, limit)
    assert all(0 <= s < e <= len(text) and e - s <= limit for s, e in segs)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(segs))
    covered = {i for s, e in segs for i in range(s, e)}
    assert all(text[i].isspace() or i in covered for i in range(len(text)))


def test_not_a_default_recognizer() -> None:
    assert "ner_crf" not in {r.name for r in default_recognizers()}
    assert Detector().ner is None


def test_detection_needs_no_python_crfsuite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    assert available()
    assert [f.type for f in Detector(ner=True).detect("フリッチュはトステムに入社した。") if f.type == "PERSON"]


def test_clear_message_when_the_core_cannot_run_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    # The one fault we cannot cause for real here: a core built before the tagger.
    monkeypatch.delattr(_core, "CrfTagger")
    assert not available()
    with pytest.raises(RuntimeError, match=r"ner-ja-wiki\.crfsuite"):
        Detector(ner=True)
    from mamori.cli import main

    result = CliRunner().invoke(main, ["detect", "--ner", "-"], input="山田")
    assert result.exit_code == 2
    assert MISSING_EXTRA.split(":")[0] in result.output


# Sentences written for this test (not from the evaluation data): names with no honorific, title or legal form.
_CUELESS = [
    ("1998年、フリッチュはトステムに入社し、のちに東洋紡へ移った。", {"PERSON", "ORGANIZATION"}),
    ("ベルナールはパリで生まれ、リヨンの楽団に加わった。", {"PERSON", "LOCATION"}),
]


@needs_crf
@pytest.mark.parametrize(("text", "kinds"), _CUELESS)
def test_ner_finds_cueless_names(text: str, kinds: set[str]) -> None:
    ner = Detector(ner=True)
    found = ner.detect(text)
    assert kinds <= {f.type for f in found}
    by_crf = [f for f in found if f.recognizer == "ner_crf"]
    assert by_crf, "the model added nothing"
    for f in by_crf:
        assert f.text == text[f.start : f.end] and 0.5 <= f.score <= 1.0


@needs_crf
def test_ner_adds_to_the_rules_and_keeps_them() -> None:
    text = "担当: 山田太郎様 (株式会社みらい商事) 電話 03-1234-5678\n来週、フリッチュが東京へ伺います。"
    plain = {(f.type, f.start, f.end) for f in Detector().detect(text)}
    with_ner = {(f.type, f.start, f.end) for f in Detector(ner=True).detect(text)}
    assert ("PHONE", text.index("03"), text.index("03") + 12) in with_ner
    assert {t for t in plain if t[0] not in NER_TYPES} <= with_ner
    assert len(with_ner) >= len(plain)


@needs_crf
def test_ner_runs_on_japanese_only_and_respects_types() -> None:
    ner = Detector(ner=True)
    english = "John Smith joined Acme Corporation in Boston."
    assert [f for f in ner.detect(english) if f.recognizer == "ner_crf"] == []
    only = Detector(ner=True, types={"EMAIL"})
    assert only.ner is None
    persons = Detector(ner=True, types={"PERSON"}).detect(_CUELESS[0][0])
    assert persons and {f.type for f in persons} == {"PERSON"}


@needs_crf
def test_ner_on_awkward_input() -> None:
    ner = Detector(ner=True)
    for text in ("", "\n\n", "\ud800山田\x00は", "。" * 3000, "あ" * 5000 + "フリッチュは来た。"):
        for f in ner.detect(text):
            assert 0 <= f.start < f.end <= len(text)


@needs_crf
def test_recognizer_alone_without_rule_hints() -> None:
    from mamori.detect import Document

    found = NerCrf().find(Document("フリッチュはトステムに入社した。", "ja"))
    assert all(f.recognizer == "ner_crf" for f in found)


@needs_crf
def test_cli_detect_ner_jsonl() -> None:
    from mamori.cli import main

    line = json.dumps({"id": "a", "text": _CUELESS[0][0]}, ensure_ascii=False)
    got = {}
    for args in (["detect", "--jsonl"], ["detect", "--ner", "--jsonl"]):
        result = CliRunner().invoke(main, args, input=line + "\n")
        assert result.exit_code == 0, result.output
        got[len(args)] = json.loads(result.output.splitlines()[0])["findings"]
    assert not any(f["type"] == "PERSON" for f in got[2])
    assert any(f["type"] == "PERSON" for f in got[3])


def test_a_bad_model_is_a_clear_error() -> None:
    for junk in (b"", b"lCRF" + b"\0" * 60, b"not a model"):
        with pytest.raises(ValueError, match="not a CRFsuite CRF1d model"):
            _core.CrfTagger(junk)


# Sentences written for these tests: names with and without cues, codes, digits Python calls digits (²), letters it
# calls letters (ǅ), marks, a NUL, lone surrogates, spaces of several kinds, a sentence longer than a segment.
_SAMPLE = [
    *(text for text, _ in _CUELESS),
    "担当: 山田太郎様 (株式会社みらい商事) 電話 03-1234-5678\n来週、フリッチュが東京へ伺います。",
    "注文番号 AB-12345 の件で、佐藤花子（営業部）より大阪支店へご連絡します。",
    "東洋紡の松本は阪神へ移り、ＮＴＴデータの鈴木と会った。",
    "x²の値とǅ文字、\x00そして\ud800山田\udfffは東京都港区に住む。",
    "「トヨタ自動車」『日本銀行』【京都大学】の代表者　田中一郎 氏\t及び Jane Doe。",
    "ベルナール・ビュフェはパリ市立近代美術館で個展を開いた。" * 25,
    "メールは info@example.co.jp、住所は北海道札幌市中央区北1条西2丁目です。",
]


def _segments_with_hints(text: str) -> list[tuple[int, int, list[object]]]:
    plain = Detector()
    doc_rules = [f for f in plain.detect(text) if f.type in NER_TYPES]
    return [(s, e, [f for f in doc_rules if f.start < e and f.end > s]) for s, e in segments(text)]


@needs_crf
@needs_pycrfsuite
@pytest.mark.parametrize("text", _SAMPLE)
def test_core_tagger_equals_python_crfsuite(text: str) -> None:
    """The core's features, labels and marginals are python-crfsuite's on the Python features, to the bit."""
    from importlib import resources

    crf = NerCrf()
    reference = pycrfsuite.Tagger()
    with resources.as_file(resources.files("mamori.detect").joinpath(ner_crf.MODEL_FILE)) as path:
        reference.open(str(path))
    for start, end, rules in _segments_with_hints(text):
        items = segment_features(text, start, end, rules, crf._tagger.feature_set)  # type: ignore[arg-type]
        labels = reference.tag(items)
        core_labels, marginals = crf._tagger.tag_items(items)
        assert core_labels == labels
        assert marginals == [reference.marginal(lab, i) for i, lab in enumerate(labels)]
        want = [(s.start, s.end, s.type, score) for s, score in crf.tag(items, text[start:end])]
        assert crf.tag_segment(text, start, end, rules) == want  # type: ignore[arg-type]


@needs_crf
@pytest.mark.parametrize("text", _SAMPLE)
def test_model_ids_are_the_feature_strings_looked_up(text: str) -> None:
    """Detection's attribute ids are the training strings the model knows, in the same order, per character (the
    two sinks of the one feature builder); the core looks the gazetteer, the clusters and the lexicon up alike."""
    crf = NerCrf()
    tagger, level = crf._tagger, crf._tagger.feature_set
    for start, end, rules in _segments_with_hints(text):
        piece, toks, hints = _segment_inputs(text, start, end, rules, crf.needs_tokens)  # type: ignore[arg-type]
        items = tagger.features(piece, toks, hints, level)
        assert items == segment_features(text, start, end, rules, level)  # type: ignore[arg-type]
        assert len(items) == len(piece)
        want = [[a for a in map(tagger.attr_id, row) if a is not None] for row in items]
        assert tagger.feature_ids(piece, toks, hints) == want
