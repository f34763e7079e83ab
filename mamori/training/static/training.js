// Keyboard paging for the training pages: ArrowRight / ArrowLeft follow rel=next / rel=prev links
// unless focus is in a form control (where the arrows move between choices).
document.addEventListener("keydown", function (e) {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  var t = e.target;
  if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
  var rel = e.key === "ArrowRight" ? "next" : e.key === "ArrowLeft" ? "prev" : null;
  if (!rel) return;
  var link = document.querySelector('a[rel="' + rel + '"]');
  if (link) { e.preventDefault(); link.click(); }
});
