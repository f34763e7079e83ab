/* mamori SCORM 1.2 runtime for one SCO: pages, quiz and the calls to the LMS's API object.
   The LMS's API is found by walking window.parent (at most 7 levels), then window.opener, as SCORM 1.2 says.
   Without an LMS the course still works (nothing is recorded). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("course-data").textContent);
  var t = data.text;
  var api = null, finished = false, started = new Date();
  var seen = {}, current = 0;

  function findAPI(win) {
    var tries = 0;
    while (win && !win.API && win.parent && win.parent !== win && tries < 7) { tries++; win = win.parent; }
    return (win && win.API) || null;
  }
  function getAPI() {
    var found = findAPI(window);
    if (!found && window.opener) { try { found = findAPI(window.opener); } catch (e) { found = null; } }
    return found;
  }
  function call(name, a, b) {
    if (!api || finished) return "";
    try { return String(b === undefined ? api[name](a) : api[name](a, b)); } catch (e) { return ""; }
  }
  function set(key, value) { return call("LMSSetValue", key, String(value)); }
  function commit() { return call("LMSCommit", ""); }
  function pad(n, w) { var s = String(n); while (s.length < w) s = "0" + s; return s; }
  function sessionTime() {
    var secs = Math.max(0, Math.round((new Date() - started) / 1000));
    return pad(Math.floor(secs / 3600), 4) + ":" + pad(Math.floor(secs / 60) % 60, 2) + ":" + pad(secs % 60, 2) + ".00";
  }
  function finish() {
    if (!api || finished) return;
    set("cmi.core.session_time", sessionTime());
    set("cmi.core.exit", "");
    commit();
    call("LMSFinish", "");
    finished = true;
  }

  var sections = Array.prototype.slice.call(document.querySelectorAll("section.scorm-page"));
  function show(id) {
    sections.forEach(function (s) { s.hidden = s.id !== id; });
    var el = document.getElementById(id);
    if (el) { el.focus(); window.scrollTo(0, 0); }
  }
  function showPage(n) {
    current = n;
    var page = data.pages[n];
    seen[page] = true;
    show("page-" + page);
    set("cmi.core.lesson_location", String(n));
    set("cmi.suspend_data", JSON.stringify({ seen: Object.keys(seen) }).slice(0, 4000));
    commit();
  }

  // ---- quiz
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)); var x = list[i]; list[i] = list[j]; list[j] = x;
    }
    return list;
  }
  var drawn = [];
  function drawQuiz() {
    drawn = shuffle(data.questions.slice()).slice(0, data.draw);
    var form = document.getElementById("quiz-form");
    var box = document.getElementById("quiz-questions");
    box.innerHTML = "";
    drawn.forEach(function (q, i) {
      var fs = document.createElement("fieldset");
      fs.className = "question"; fs.setAttribute("data-question-id", q.id);
      var lg = document.createElement("legend"); lg.textContent = (i + 1) + ". " + q.text; fs.appendChild(lg);
      shuffle(q.choices.slice()).forEach(function (c) {
        var label = document.createElement("label"); label.className = "choice";
        var input = document.createElement("input");
        input.type = "radio"; input.name = "q." + q.id; input.value = c.id; input.setAttribute("data-choice-id", c.id);
        var span = document.createElement("span"); span.textContent = c.text;
        label.appendChild(input); label.appendChild(span); fs.appendChild(label);
      });
      box.appendChild(fs);
    });
    form.reset();
    show("quiz");
  }
  function scoreQuiz(e) {
    e.preventDefault();
    var form = document.getElementById("quiz-form"), correct = 0, wrong = [];
    drawn.forEach(function (q) {
      var chosen = form.querySelector('input[name="q.' + q.id + '"]:checked');
      var value = chosen ? chosen.value : null;
      if (value === q.answer) { correct++; } else { wrong.push({ q: q, chosen: value }); }
    });
    var score = Math.floor(correct * 100 / drawn.length);
    var passed = score >= data.pass_mark;
    set("cmi.core.score.min", "0");
    set("cmi.core.score.max", "100");
    set("cmi.core.score.raw", String(score));
    set("cmi.core.lesson_status", passed ? "passed" : "failed");
    commit();
    var head = document.getElementById("result-head");
    head.textContent = passed ? t.passed : t.failed;
    head.className = passed ? "ok" : "ng";
    head.setAttribute("data-result", passed ? "passed" : "failed");
    var sc = document.getElementById("result-score");
    sc.textContent = score + "% (" + correct + " / " + drawn.length + "; " + t.pass_mark + " " + data.pass_mark + "%)";
    sc.setAttribute("data-score", String(score));
    var fb = document.getElementById("result-feedback");
    fb.innerHTML = "";
    wrong.forEach(function (w) {
      var div = document.createElement("div"); div.className = "feedback";
      div.setAttribute("data-question-id", w.q.id);
      var right = w.q.choices.filter(function (c) { return c.id === w.q.answer; })[0];
      var mine = w.q.choices.filter(function (c) { return c.id === w.chosen; })[0];
      [[w.q.text, true], [t.your_answer + ": " + (mine ? mine.text : t.none), false],
       [t.right_answer + ": " + right.text, false], [w.q.explanation, false]].forEach(function (line) {
        var p = document.createElement("p");
        if (line[1]) { var b = document.createElement("strong"); b.textContent = line[0]; p.appendChild(b); }
        else { p.textContent = line[0]; }
        div.appendChild(p);
      });
      fb.appendChild(div);
    });
    document.getElementById("result-passed").hidden = !passed;
    document.getElementById("result-failed").hidden = passed;
    show("result");
  }

  // ---- wiring
  document.addEventListener("click", function (e) {
    var el = e.target.closest ? e.target.closest("[data-go]") : null;
    if (!el) return;
    e.preventDefault();
    var go = el.getAttribute("data-go");
    if (go === "next") { if (current + 1 < data.pages.length) showPage(current + 1); else drawQuiz(); }
    else if (go === "prev") { if (current > 0) showPage(current - 1); }
    else if (go === "first") { showPage(0); }
    else if (go === "retry") { drawQuiz(); }
    else if (go === "closing") { show("closing"); finish(); }
    else if (go === "exit") { finish(); show("exited"); }
  });
  document.addEventListener("keydown", function (e) {
    var tag = e.target && e.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || e.altKey || e.ctrlKey || e.metaKey) return;
    var sec = sections.filter(function (s) { return !s.hidden; })[0];
    if (!sec || sec.id.indexOf("page-") !== 0) return;
    if (e.key === "ArrowRight") { e.preventDefault(); document.querySelector("#" + sec.id + " [data-go=next]").click(); }
    if (e.key === "ArrowLeft" && current > 0) { e.preventDefault(); showPage(current - 1); }
  });
  document.getElementById("quiz-form").addEventListener("submit", scoreQuiz);
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  api = getAPI();
  var start = 0;
  if (api) {
    call("LMSInitialize", "");
    var status = call("LMSGetValue", "cmi.core.lesson_status");
    if (status === "" || status === "not attempted") { set("cmi.core.lesson_status", "incomplete"); }
    var loc = parseInt(call("LMSGetValue", "cmi.core.lesson_location"), 10);
    if (!isNaN(loc) && loc >= 0 && loc < data.pages.length) start = loc;
    commit();
  }
  document.documentElement.setAttribute("data-lms", api ? "found" : "none");
  showPage(start);
})();
