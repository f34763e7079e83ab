// mamori confirmation page: Send is enabled only when every external recipient and attachment is ticked
// (the server checks the same again), the delivery countdown, and a confirm step before cancelling.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("confirm-form");
  if (form) {
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input.ack"));
    var buttons = Array.prototype.slice.call(form.querySelectorAll("button.needs-all"));
    var progress = form.querySelector(".progress");
    var update = function () {
      var done = boxes.filter(function (b) { return b.checked; }).length;
      var all = done === boxes.length;
      buttons.forEach(function (b) { b.disabled = !all; });
      boxes.forEach(function (b) {
        var li = b.closest("li");
        if (li) { li.classList.toggle("ticked", b.checked); }
      });
      if (progress) {
        progress.textContent = progress.dataset.template.replace("{done}", done).replace("{total}", boxes.length);
        progress.classList.toggle("complete", all);
      }
    };
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    update();
  }
  var timer = document.querySelector("[data-seconds]");
  if (timer) {
    var left = parseInt(timer.dataset.seconds, 10);
    var en = timer.dataset.lang === "en";
    var original = timer.textContent;
    var fmt = function (s) {
      var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      if (en) { return (h ? h + "h " + pad(m) : m) + "m " + pad(r) + "s"; }
      return (h ? h + "時間" + pad(m) : m) + "分" + pad(r) + "秒";
    };
    var first = fmt(left);
    var tick = function () {
      left = Math.max(0, left - 1);
      timer.textContent = original.replace(first, fmt(left));
      if (left === 0) { window.clearInterval(handle); }
    };
    var handle = window.setInterval(tick, 1000);
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (f) {
    f.addEventListener("submit", function (e) {
      if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); }
    });
  });
});
