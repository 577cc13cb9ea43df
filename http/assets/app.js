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

// The encoder searches as the coder types, through the JSON API.
(function () {
  "use strict";
  var box = document.querySelector("[data-codesearch]");
  var list = document.getElementById("code-results");
  if (!box || !list) return;
  var timer = null, seq = 0;
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  function run() {
    var q = box.value.trim();
    if (q.length < 2) return;
    var sys = document.getElementById("code-system").value;
    var date = document.getElementById("code-date").value;
    var mine = ++seq;
    var url = "/api/v1/codes/search?limit=25&q=" + encodeURIComponent(q) + (sys ? "&system=" + sys : "") + (date ? "&date=" + date : "");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } }).then(function (r) { return r.json(); }).then(function (data) {
      if (mine !== seq || !data.items) return;
      if (!data.items.length) { list.innerHTML = '<li class="empty">No code matches. Try other words, an abbreviation, or fewer words.</li>'; return; }
      if (box.hasAttribute("data-pick")) {
        list.innerHTML = data.items.map(function (it) {
          return '<li><button type="button" data-code="' + esc(it.code) + '"><strong>' + esc(it.code) + "</strong></button> " + esc(it.title) +
            (it.billable ? "" : ' <span class="flag grey">header</span>') + "</li>";
        }).join("");
        return;
      }
      list.innerHTML = data.items.map(function (it) {
        return '<li><a href="/codes?code=' + encodeURIComponent(it.code) + '&system=' + it.system + '&q=' + encodeURIComponent(q) + '"><strong>' + esc(it.code) + "</strong></a> " + esc(it.title) +
          (it.billable ? "" : ' <span class="flag grey">header</span>') + '<br><span class="muted">' + esc(it.source) + ": " + esc(it.matched) + "</span></li>";
      }).join("");
    }).catch(function () {});
  }
  box.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  // In the workbench a result goes into the first empty diagnosis line.
  list.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-code]");
    if (!b) return;
    var inputs = document.querySelectorAll('input[name="dx_code"]');
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].value) { inputs[i].value = b.getAttribute("data-code"); inputs[i].focus(); break; }
    }
  });
})();

// Accepting a suggested code in the workbench puts it in the first empty
// diagnosis line; the button says so.
(function () {
  "use strict";
  var list = document.querySelector("[data-suggestions]");
  if (!list) return;
  list.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-code]");
    if (!b || b.disabled) return;
    var inputs = document.querySelectorAll('input[name="dx_code"]');
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].value) {
        inputs[i].value = b.getAttribute("data-code");
        b.disabled = true;
        b.parentNode.classList.add("accepted");
        break;
      }
    }
  });
})();
