// hoptac dashboard: the only script, served from /static (the CSP forbids inline scripts).
// Highlight toggles on the article page: hide or show one kind of evidence span.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("article-text");
  if (!text) return;
  document.querySelectorAll("input.toggle[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });
});

// "Copy citation": the button's data-citation goes to the clipboard (a hidden text area where the
// clipboard API is unavailable, as on plain http); the button says it was copied.
document.addEventListener("click", function (ev) {
  var btn = ev.target.closest ? ev.target.closest("button.copy-cite") : null;
  if (!btn) return;
  var text = btn.dataset.citation || "";
  var done = function () { btn.textContent = btn.dataset.done || "✓"; btn.classList.add("done"); };
  var fallback = function () {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
    done();
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, fallback);
  } else {
    fallback();
  }
});
