"""SCORM 1.2 export: the package's structure, and the package run in Chromium against a SCORM 1.2 runtime.

The runtime is scorm-again's Scorm12API (MIT), fetched once with ``npm pack scorm-again@VERSION`` and cached under
~/.cache/mamori-tests; when npm cannot fetch it, a minimal recording API object written here stands in (the test
says which in its output). The harness page, served from a loopback http.server, sets ``window.API`` and hosts
the package's launch page in an iframe, as an LMS does.
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import subprocess
import tarfile
import tempfile
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from mamori.training.scorm import scorm_zip

SCORM_AGAIN = "3.4.3"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "mamori-tests" / f"scorm-again-{SCORM_AGAIN}"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

RECORDER = """
window.runtime = "recorder";
(function () {
  var store = {"cmi.core.lesson_status": "not attempted", "cmi.core.lesson_location": ""};
  var state = "new";
  window.API = {
    LMSInitialize: function () { calls.push(["LMSInitialize"]); state = "running"; return "true"; },
    LMSFinish: function () { calls.push(["LMSFinish"]); state = "done"; return "true"; },
    LMSGetValue: function (k) { return store[k] === undefined ? "" : store[k]; },
    LMSSetValue: function (k, v) {
      if (state !== "running") return "false";
      calls.push(["LMSSetValue", k, v]); store[k] = v; return "true"; },
    LMSCommit: function () { calls.push(["LMSCommit"]); return "true"; },
    LMSGetLastError: function () { return "0"; },
    LMSGetErrorString: function () { return ""; },
    LMSGetDiagnostic: function () { return ""; },
    store: store
  };
})();
"""

HARNESS = """<!doctype html>
<html><head><meta charset="utf-8"><title>LMS harness</title>
<script>window.calls = [];</script>
<script src="scorm12.js"></script>
<script>
if (window.Scorm12API) {
  window.runtime = "scorm-again";
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  API.on("LMSInitialize", function () { calls.push(["LMSInitialize"]); });
  API.on("LMSSetValue.cmi.*", function (k, v) { calls.push(["LMSSetValue", k, v]); });
  API.on("LMSCommit", function () { calls.push(["LMSCommit"]); });
  API.on("LMSFinish", function () { calls.push(["LMSFinish"]); });
} else {
RECORDER
}
</script></head>
<body><iframe id="sco" src="pkg/index.html" style="width:100%;height:95vh;border:0"></iframe></body></html>
"""


def _scorm_again() -> Path | None:
    target = CACHE / "scorm12.js"
    if target.is_file():
        return target
    try:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", f"scorm-again@{SCORM_AGAIN}", "--silent"], cwd=tmp, check=True,
                           capture_output=True, timeout=180)
            (tgz,) = Path(tmp).glob("scorm-again-*.tgz")
            with tarfile.open(tgz) as tar:
                member = tar.extractfile("package/dist/scorm12.js")
                assert member is not None
                data = member.read()
        CACHE.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target
    except (OSError, subprocess.SubprocessError, KeyError, ValueError, AssertionError):
        return None


def test_package_structure(chapter2, tmp_path) -> None:
    data = scorm_zip(chapter2)
    z = zipfile.ZipFile(io.BytesIO(data))
    names = z.namelist()
    assert names[0] == "imsmanifest.xml" and "index.html" in names and "scorm.js" in names
    root = ET.fromstring(z.read("imsmanifest.xml"))
    ns = {"c": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "a": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    assert root.find("c:metadata/c:schemaversion", ns).text == "1.2"
    res = root.find("c:resources/c:resource", ns)
    assert res.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco" and res.get("href") == "index.html"
    hrefs = [f.get("href") for f in res.findall("c:file", ns)]
    assert hrefs and all(h in names and not h.startswith("/") for h in hrefs)
    assert root.find(".//a:masteryscore", ns).text == "80"
    index = z.read("index.html").decode()
    assert "<svg" in index and "誤送付" in index and "同じ姓" in index
    assert "Sent to the wrong recipient" in zipfile.ZipFile(io.BytesIO(scorm_zip(chapter2, "en")))\
        .read("index.html").decode()


@pytest.fixture(scope="module")
def lms(tmp_path_factory, chapter2):
    """A served folder with the harness page and the package unzipped under pkg/; yields (base url, runtime)."""
    root = tmp_path_factory.mktemp("lms")
    runtime = _scorm_again()
    if runtime is not None:
        (root / "scorm12.js").write_bytes(runtime.read_bytes())
    (root / "harness.html").write_text(HARNESS.replace("RECORDER", RECORDER), encoding="utf-8")
    no_frame = HARNESS.replace("RECORDER", RECORDER).split("<body>")[0] + "<body></body></html>"
    (root / "opener.html").write_text(no_frame, encoding="utf-8")
    pkg = root / "pkg"
    pkg.mkdir()
    zip_path = root / "course.zip"
    zip_path.write_bytes(scorm_zip(chapter2))
    zipfile.ZipFile(zip_path).extractall(pkg)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", "scorm-again" if runtime else "recorder"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not available: {CHROMIUM} missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _run(browser, lms, chapter2, right: bool):
    base, runtime = lms
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/harness.html")
    assert page.evaluate("window.runtime") == runtime
    sco = page.frame_locator("#sco")
    sco.locator("section#page-why:not([hidden])").wait_for()
    frame = page.frame(url=lambda u: u.endswith("/pkg/index.html"))
    assert frame is not None and frame.evaluate("document.documentElement.dataset.lms") == "found"
    # first step by keyboard, the rest by the buttons
    sco.locator("section#page-why h1").click()
    page.keyboard.press("ArrowRight")
    sco.locator("section#page-reactions:not([hidden])").wait_for()
    for p in chapter2.content_pages[1:]:
        sco.locator(f"section#page-{p.id}:not([hidden]) [data-go=next]").click()
    sco.locator("section#quiz:not([hidden])").wait_for()
    qids = sco.locator("#quiz-questions fieldset").evaluate_all("els => els.map(e => e.dataset.questionId)")
    assert len(qids) == chapter2.draw_count
    for qid in qids:
        q = chapter2.question(qid)
        choice = q.answer if right else next(c.id for c in q.choices if c.id != q.answer)
        sco.locator(f'fieldset[data-question-id="{qid}"] input[data-choice-id="{choice}"]').check()
    sco.locator("#quiz-submit").click()
    head = sco.locator("#result-head")
    head.wait_for()
    result = head.get_attribute("data-result")
    if right:
        sco.locator("[data-go=closing]").click()
        sco.locator("section#closing:not([hidden])").wait_for()
        assert "ウィンドウは閉じて" in sco.locator("section#closing").inner_text()
    else:
        assert sco.locator(".feedback").count() == chapter2.draw_count
        sco.locator("#result-failed [data-go=exit]").click()
        sco.locator("section#exited:not([hidden])").wait_for()
    calls = page.evaluate("window.calls")
    state = page.evaluate(
        "window.runtime === 'scorm-again' ? [API.cmi.core.lesson_status, API.cmi.core.score.raw]"
        " : [API.store['cmi.core.lesson_status'], API.store['cmi.core.score.raw']]"
    )
    page.close()
    return result, calls, state


def test_api_is_found_through_window_opener(browser, lms) -> None:
    """A SCO launched in a new window finds the API in its opener (SCORM 1.2's second place to look)."""
    base, _ = lms
    page = browser.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{base}/opener.html")  # the harness without the iframe: only the popup can call the API
    with page.expect_popup() as popup_info:
        page.evaluate("window.open('pkg/index.html', 'sco')")
    popup = popup_info.value
    popup.locator("section#page-why:not([hidden])").wait_for()
    assert popup.evaluate("document.documentElement.dataset.lms") == "found"
    calls = page.evaluate("window.calls")
    assert calls[0] == ["LMSInitialize"] and ["LMSSetValue", "cmi.core.lesson_status", "incomplete"] in calls
    popup.close()
    page.close()


def _sets(calls, key):
    return [c[2] for c in calls if c[0] == "LMSSetValue" and c[1] == key]


def test_passing_reports_passed_and_the_score(browser, lms, chapter2) -> None:
    result, calls, state = _run(browser, lms, chapter2, right=True)
    print(f"SCORM runtime: {lms[1]}")
    assert result == "passed"
    names = [c[0] for c in calls]
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish" and names.count("LMSFinish") == 1
    assert _sets(calls, "cmi.core.lesson_status") == ["incomplete", "passed"]
    assert _sets(calls, "cmi.core.score.raw") == ["100"]
    assert "LMSCommit" in names[names.index("LMSSetValue"):]
    assert _sets(calls, "cmi.core.lesson_location")[-1] == str(len(chapter2.content_pages) - 1)
    assert state == ["passed", "100"]  # the runtime accepted the values


def test_failing_reports_failed(browser, lms, chapter2) -> None:
    result, calls, state = _run(browser, lms, chapter2, right=False)
    assert result == "failed"
    assert _sets(calls, "cmi.core.lesson_status") == ["incomplete", "failed"]
    assert _sets(calls, "cmi.core.score.raw") == ["0"]
    assert [c[0] for c in calls][-1] == "LMSFinish"
    assert state == ["failed", "0"]
