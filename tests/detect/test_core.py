"""Core of the detection engine: fold offsets, Lexicon, Document context, settle(), mask(), Finding."""

from __future__ import annotations

import copy
import json
import pickle
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mamori.detect import Detector, Document, Finding, Recognizer, fold, mask, mask_value, settle
from mamori.detect.document import Lexicon, detect_language


def _f(type_: str, start: int, end: int, score: float = 0.9, text: str = "") -> Finding:
    return Finding(type=type_, start=start, end=end, score=score, recognizer="t", text=text)


# ---- fold -------------------------------------------------------------------------------------


def test_fold_full_width_ascii_and_hyphens() -> None:
    assert fold("０９０－１２３４ー５６７８") == "090-1234ー5678"  # 'ー' (katakana) is not a hyphen
    assert fold("ＴＥＬ：０３‐１２３４−５６７８") == "TEL:03-1234-5678"
    assert fold("山田\u3000太郎") == "山田 太郎"
    assert fold("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ") == "taro@example.jp"
    assert fold("10時～12時〜") == "10時~12時~"


def test_fold_leaves_plain_text_alone() -> None:
    s = "plain ASCII 123 and 漢字かなカナ"
    assert fold(s) == s


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_fold_preserves_length_and_offsets(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    for a, b in zip(text, folded, strict=True):
        assert a == b or (ord(b) < 128 and a != b)


def test_document_norm_offsets_match_text() -> None:
    doc = Document("電話：０３－１２３４－５６７８です")
    i = doc.norm.index("03-1234-5678")
    assert doc.text[i : i + 12] == "０３－１２３４－５６７８"


def test_document_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        Document(b"bytes")  # type: ignore[arg-type]


def test_document_lower_keeps_length() -> None:
    doc = Document("İSTANBUL ＡＢＣ")  # 'İ'.lower() is two code points
    assert len(doc.lower) == len(doc.text)
    assert doc.lower.endswith("abc")


def test_detect_language() -> None:
    assert detect_language("お問い合わせ") == "ja"
    assert detect_language("東京") == "ja"
    assert detect_language("Hello, world 123") == "en"
    assert detect_language("") == "en"
    assert Document("hello", lang="ja").lang == "ja"


def test_line_start_and_end() -> None:
    doc = Document("ab\ncd\n\nef")
    assert doc.line_start(4) == 3 and doc.line_end(4) == 5
    assert doc.line_start(0) == 0 and doc.line_end(8) == 9
    assert doc.line_start(6) == 6 and doc.line_end(6) == 6


# ---- Lexicon and keyword context ---------------------------------------------------------------


def _lexicon() -> Lexicon:
    lex = Lexicon()
    lex.add("mynum", ["個人番号", "マイナンバー", "My Number"])
    lex.add("order", ["注文番号", "番号"])
    lex.add("tel", ["TEL", "電話"])
    return lex


def test_lexicon_scan_is_case_and_width_insensitive() -> None:
    lex = _lexicon()
    assert lex.groups == frozenset({"mynum", "order", "tel"})
    text = "ＴＥＬ and my number; 注文番号"
    doc = Document(text, lexicon=lex)
    hits = lex.scan(doc.lower)
    words = [(text[s:e], sorted(g)) for s, e, g in hits]
    assert ("ＴＥＬ", ["tel"]) in words
    assert ("my number", ["mynum"]) in words
    assert ("注文番号", ["order"]) in words
    assert ("番号", ["order"]) in words  # the nested shorter keyword is reported too
    assert [h[0] for h in hits] == sorted(h[0] for h in hits)


def test_lexicon_word_in_two_groups() -> None:
    lex = Lexicon()
    lex.add("a", ["番号"])
    lex.add("b", ["番号"])
    (hit,) = lex.scan("番号")
    assert hit[:2] == (0, 2) and hit[2] == frozenset({"a", "b"})


def test_empty_lexicon_scans_nothing() -> None:
    assert Lexicon().scan("anything") == []
    assert Document("text").keyword_before(4, {"x"}, 10) is None


def test_lexicon_rebuilds_after_add() -> None:
    lex = Lexicon()
    lex.add("a", ["foo"])
    assert len(lex.scan("foo bar")) == 1
    lex.add("b", ["bar"])
    assert len(lex.scan("foo bar")) == 2


def test_keyword_before_and_after_windows() -> None:
    text = "個人番号：123456789018 注文番号"
    doc = Document(text, lexicon=_lexicon())
    num = text.index("1234")
    kb = doc.keyword_before(num, {"mynum"}, 10)
    assert kb is not None and text[kb[0] : kb[1]] == "個人番号" and kb[2] == "mynum"
    assert doc.keyword_before(num, {"mynum"}, 0) is None  # ends 1 char before (the colon)
    assert doc.keyword_before(num, {"tel"}, 50) is None
    end = num + 12
    ka = doc.keyword_after(end, {"order"}, 5)
    assert ka is not None and ka[2] == "order" and text[ka[0] : ka[1]] in ("注文番号",)
    assert doc.keyword_after(end, {"order"}, 0) is None
    assert doc.keyword_after(end, {"mynum"}, 50) is None


def test_keywords_in_range() -> None:
    text = "TEL 03 電話 06"
    doc = Document(text, lexicon=_lexicon())
    got = doc.keywords_in(0, len(text), frozenset({"tel"}))
    assert [text[s:e] for s, e, _ in got] == ["TEL", "電話"]
    assert doc.keywords_in(1, len(text), frozenset({"tel"})) == [(7, 9, "tel")]
    assert doc.keywords_in(0, 8, frozenset({"tel"})) == [(0, 3, "tel")]  # 電話 not wholly inside


# ---- settle -----------------------------------------------------------------------------------


def test_settle_longer_wins_then_higher_score() -> None:
    long_ = _f("PHONE", 0, 13, 0.6)
    short = _f("PHONE", 0, 10, 0.99)
    other_type = _f("MY_NUMBER", 1, 12, 0.99)
    assert settle([short, other_type, long_]) == [long_]
    a, b = _f("PHONE", 0, 10, 0.6), _f("MY_NUMBER", 0, 10, 0.8)
    assert settle([a, b]) == [b]


def test_settle_sensitive_may_overlap_other_types() -> None:
    person = _f("PERSON", 0, 4)
    sens = _f("SENSITIVE", 2, 20)
    sens2 = _f("SENSITIVE", 3, 10)
    assert settle([person, sens, sens2]) == [person, sens]


def test_settle_keeps_disjoint_in_text_order() -> None:
    fs = [_f("EMAIL", 30, 40), _f("PHONE", 0, 10), _f("PHONE", 10, 20)]
    assert [f.start for f in settle(fs)] == [0, 10, 30]
    assert settle([]) == []


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["PHONE", "EMAIL", "PERSON", "SENSITIVE"]),
            st.integers(0, 50),
            st.integers(0, 20),
            st.floats(0, 1),
        ),
        max_size=25,
    )
)
def test_settle_invariants(items: list[tuple[str, int, int, float]]) -> None:
    fs = [_f(t, s, s + n, sc) for t, s, n, sc in items]
    out = settle(fs)
    assert all(f in fs for f in out)
    assert out == sorted(out, key=lambda f: (f.start, f.end, f.type))
    for i, a in enumerate(out):
        for b in out[i + 1 :]:
            if a.overlaps(b):
                assert a.type != b.type
                assert "SENSITIVE" in (a.type, b.type)
    # every dropped finding clashes with a kept one at least as long
    for f in fs:
        if f not in out:
            assert any(k.overlaps(f) and k.length >= f.length for k in out) or f.length == 0


# ---- Finding ----------------------------------------------------------------------------------


def test_finding_to_dict_hides_raw_value() -> None:
    f = Finding("EMAIL", 3, 18, 0.87654, "email", "taro@example.jp", None)
    d = f.to_dict()
    assert d == {
        "start": 3,
        "end": 18,
        "type": "EMAIL",
        "score": 0.877,
        "recognizer": "email",
        "masked": "t***@example.jp",
    }
    assert f.masked == "t***@example.jp"
    assert "taro@example.jp" not in repr(f) and "t***@example.jp" in repr(f)
    assert "taro@example.jp" not in json.dumps(d)
    assert f.to_dict(raw=True)["text"] == "taro@example.jp"
    g = Finding("SENSITIVE", 0, 2, 0.9, "s", "病気", "medical")
    assert g.to_dict()["subtype"] == "medical"
    assert "subtype" not in f.to_dict()
    assert f.length == 15
    assert json.loads(json.dumps(g.to_dict(raw=True), ensure_ascii=False))["text"] == "病気"


def test_finding_is_a_value_like_the_dataclass_it_replaced() -> None:
    f = Finding("PERSON", 0, 4, 0.85, "person_ja", "山田太郎")
    same = Finding(type="PERSON", start=0, end=4, score=0.85, recognizer="person_ja", text="山田太郎", subtype=None)
    assert f == same and (f != same) is False
    assert f != Finding("PERSON", 0, 4, 0.85, "person_ja", "山田次郎")
    assert f != Finding("PERSON", 0, 4, 0.85, "person_ja", "山田太郎", "x")
    assert f.__eq__("PERSON") is NotImplemented
    assert Finding("PHONE", 5, 18, 0.9, "t").text == ""
    with pytest.raises(AttributeError):
        f.score = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        hash(f)
    for copied in (pickle.loads(pickle.dumps(f)), copy.deepcopy(f)):
        assert copied == f and type(copied) is Finding
    assert repr(f) == "Finding(PERSON 0:4 score=0.85 masked='山田■■' by person_ja)"
    assert list(f.to_dict()) == ["start", "end", "type", "score", "recognizer", "masked"]
    assert f.overlaps(Finding("ADDRESS", 3, 9, 0.5, "a")) and not f.overlaps(Finding("ADDRESS", 4, 9, 0.5, "a"))


def test_findings_from_the_core_slice_the_callers_own_string() -> None:
    text = "担当 山田太郎様\ud800 電話 03-1234-5678"  # a lone surrogate cannot cross as UTF-8: read as U+FFFD
    found = Detector().detect(text)
    assert {f.type for f in found} >= {"PERSON", "PHONE"}
    for f in found:
        assert f.text == text[f.start : f.end] and type(f) is Finding
    assert Detector().detect(text.replace("\ud800", "\ufffd")) == [
        Finding(f.type, f.start, f.end, f.score, f.recognizer, f.text.replace("\ud800", "\ufffd"), f.subtype)
        for f in found
    ]


def test_recognizer_finding_rejects_a_span_outside_the_text() -> None:
    doc = Document("abc")
    with pytest.raises(ValueError):
        _Digits().finding(doc, "PHONE", 2, 5, 0.9)
    with pytest.raises(ValueError):
        _Digits().finding(doc, "PHONE", 2, 1, 0.9)


# ---- mask -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_", "value"),
    [
        ("PHONE", "090-1234-5678"),
        ("PHONE", "03-1234-5678"),
        ("EMAIL", "taro.yamada@example.co.jp"),
        ("MY_NUMBER", "1234 5678 9018"),
        ("CREDIT_CARD", "4111-1111-1111-1111"),
        ("PERSON", "山田太郎"),
        ("PERSON", "山田　太郎"),
        ("PERSON", "Taro Yamada"),
        ("ADDRESS", "東京都千代田区千代田9-9-9"),
        ("POSTAL_CODE", "100-0001"),
        ("DATE_OF_BIRTH", "1990年1月23日"),
        ("PASSPORT", "TK1234567"),
        ("IBAN", "GB82WEST12345698765432"),
        ("IP_ADDRESS", "203.0.113.45"),
        ("IP_ADDRESS", "2001:db8::1"),
        ("BANK_ACCOUNT", "1234567"),
        ("SENSITIVE", "糖尿病"),
        ("ORGANIZATION", "株式会社みなと通商"),
    ],
)
def test_mask_value_never_shows_the_whole_value(type_: str, value: str) -> None:
    masked = mask_value(type_, value)
    assert masked != value
    assert masked  # something is shown in its place


def test_mask_value_examples() -> None:
    assert mask_value("PHONE", "090-1234-5678") == "090-****-****"  # the last four of ten digits would tell too much
    assert mask_value("PHONE", "09012345678") == "***********"
    assert mask_value("EMAIL", "taro@example.jp") == "t***@example.jp"
    assert mask_value("MY_NUMBER", "123456789018") == "********9018"  # twelve digits: the last four are safe
    assert mask_value("BANK_ACCOUNT", "1234567") == "*******"  # shorter numbers keep no digit
    assert mask_value("PENSION_NUMBER", "1234-567890") == "****-******"
    assert mask_value("PERSON", "山田太郎") == "山田■■"
    assert mask_value("POSTAL_CODE", "100-0001") == "100-****"
    assert mask_value("PHONE", "") == ""


def test_mask_styles() -> None:
    text = "TEL 090-1234-5678 / a@b.jp"
    p = _f("PHONE", 4, 17)
    e = _f("EMAIL", 20, 26)
    assert mask(text, [p, e], style="type") == "TEL <PHONE> / <EMAIL>"
    assert mask(text, [p, e], style="block") == "TEL " + "■" * 13 + " / " + "■" * 6
    assert mask(text, [e, p]) == "TEL 090-****-**** / a*@b.jp"  # partial: each value's masked rendering
    with pytest.raises(ValueError):
        mask(text, [p], style="nope")
    assert mask(text, []) == text


def test_mask_merges_overlaps_and_keeps_newlines() -> None:
    text = "東京都\n千代田区 X"
    a = _f("ADDRESS", 0, 8)
    b = _f("LOCATION", 0, 3)
    assert mask(text, [b, a], style="block") == "■■■\n■■■■ X"
    assert mask(text, [a, b], style="type") == "<ADDRESS> X"


def test_mask_partial_masks_the_text_given() -> None:
    text = "call 090-1234-5678"
    f = Finding("PHONE", 5, 18, 0.9, "t")  # no raw value kept: the span of the text is masked
    assert mask(text, [f]) == "call 090-****-****"


# ---- Detector with a custom recognizer ----------------------------------------------------------


class _Digits(Recognizer):
    name = "digits"
    entities = ("MY_NUMBER", "PHONE")
    languages = frozenset({"ja"})
    keywords: ClassVar[dict[str, list[str]]] = {"mynum": ["個人番号"]}

    def find(self, doc: Document):  # type: ignore[override]
        i = doc.norm.find("1234")
        if i >= 0:
            kw = doc.keyword_before(i, {"mynum"}, 8)
            yield self.finding(doc, "MY_NUMBER", i, i + 4, 0.9 if kw else 0.3)
            yield self.finding(doc, "PHONE", i, i + 2, 0.99)


def test_detector_threshold_types_and_language() -> None:
    d = Detector([_Digits()])
    found = d.detect("個人番号：１２３４")
    assert [(f.type, f.text) for f in found] == [("MY_NUMBER", "１２３４")]
    assert found[0].masked == mask_value("MY_NUMBER", "１２３４")
    # without its keyword MY_NUMBER scores 0.3 and is dropped
    assert [(f.type, f.start, f.end) for f in d.detect("番号：１２３４")] == [("PHONE", 3, 5)]
    assert [f.type for f in d.detect("番号：１２３４", threshold=0.0)] == ["MY_NUMBER"]
    assert d.detect("個人番号 1234", lang="en") == []
    assert [f.type for f in Detector([_Digits()], types=["PHONE"]).detect("個人番号 1234")] == ["PHONE"]
    assert Detector([_Digits()], types=["EMAIL"]).recognizers == []
    with pytest.raises(ValueError):
        d.detect("x", lang="fr")
    assert [len(x) for x in d.detect_many(["個人番号1234", "なし"])] == [1, 0]


def test_recognizer_finding_clamps_score() -> None:
    doc = Document("abc")
    f = _Digits().finding(doc, "PHONE", 0, 3, 1.7)
    assert f.score == 1.0 and f.text == "abc" and f.recognizer == "digits"
    assert "digits" in repr(_Digits())


@pytest.mark.parametrize("type_", ["PHONE", "POSTAL_CODE", "MY_NUMBER", "CREDIT_CARD", "BANK_ACCOUNT"])
@pytest.mark.parametrize(
    "value", ["09012345678", "1000001", "１２３４５６７８９０１８", "090-1234-5678", "4111111111111111"]
)
def test_a_number_without_separators_is_never_shown_whole(type_: str, value: str) -> None:
    masked = mask_value(type_, value)
    assert masked != value
    assert len(masked) == len(value)
