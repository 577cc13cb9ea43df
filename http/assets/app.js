// Chartroom's small keyboard layer: "/" focuses the search box; in a list
// marked data-nav, j/k or the arrow keys move between links and Enter opens.
(function () {
  "use strict";
  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "/" && !typing(document.activeElement)) {
      var s = document.querySelector("[data-search]");
      if (s) { ev.preventDefault(); s.focus(); s.select(); }
      return;
    }
    if (typing(document.activeElement)) return;
    var down = ev.key === "j" || ev.key === "ArrowDown";
    var up = ev.key === "k" || ev.key === "ArrowUp";
    if (!down && !up) return;
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-nav] a"));
    if (!links.length) return;
    var i = links.indexOf(document.activeElement);
    if (i < 0) {
      i = links.findIndex(function (a) { return a.getAttribute("aria-current") === "true"; });
      i = i < 0 ? (down ? 0 : links.length - 1) : i + (down ? 1 : -1);
    } else {
      i += down ? 1 : -1;
    }
    i = Math.max(0, Math.min(links.length - 1, i));
    ev.preventDefault();
    links.forEach(function (a) { var tr = a.closest("tr"); if (tr) tr.classList.remove("sel"); });
    links[i].focus();
    var row = links[i].closest("tr");
    if (row) row.classList.add("sel");
  });
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-back]");
    if (b) { ev.preventDefault(); history.back(); }
  });
  // Bring the document viewer into view after choosing a document.
  if (location.hash === "#viewer") {
    var v = document.getElementById("viewer");
    if (v) v.focus({ preventScroll: false });
  }
})();
