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
