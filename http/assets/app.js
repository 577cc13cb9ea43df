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
  // In the workbench a result goes into the first empty diagnosis line (or
  // procedure line, for an ICD-10-PCS code).
  list.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-code]");
    if (!b) return;
    var code = b.getAttribute("data-code");
    var inputs = document.querySelectorAll(code.length === 7 && code.indexOf(".") < 0 && document.querySelector('input[name="px_code"]') ? 'input[name="px_code"]' : 'input[name="dx_code"]');
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].value) { inputs[i].value = code; inputs[i].focus(); break; }
    }
  });
  // The arrows move from the box through the results; Escape goes back.
  function results() { return Array.prototype.slice.call(list.querySelectorAll("a, button")); }
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" && results().length) { ev.preventDefault(); results()[0].focus(); }
  });
  list.addEventListener("keydown", function (ev) {
    var all = results(), i = all.indexOf(document.activeElement);
    if (i < 0) return;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      ev.stopPropagation();
      var j = i + (ev.key === "ArrowDown" ? 1 : -1);
      (j < 0 ? box : all[Math.min(j, all.length - 1)]).focus();
    } else if (ev.key === "Escape") {
      box.focus();
    }
  });
})();

// The workbench's suggestions are decided from the keyboard: "s" goes to
// the first one not yet decided, j/k (or the arrows) move, "a" (or Enter)
// accepts — the code goes into the first empty diagnosis line, or
// procedure line for an ICD-10-PCS code — and "r" rejects. Each decision
// is recorded at once, so acceptance can be tracked per code and rule.
(function () {
  "use strict";
  var list = document.querySelector("[data-suggestions]");
  if (!list) return;
  var items = function () { return Array.prototype.slice.call(list.querySelectorAll("li[data-code]")); };
  function pcs(code) { return code.length === 7 && code.indexOf(".") < 0; }
  function place(code) {
    var inputs = document.querySelectorAll(pcs(code) ? 'input[name="px_code"]' : 'input[name="dx_code"]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].value.toUpperCase() === code) return true;
    }
    for (i = 0; i < inputs.length; i++) {
      if (!inputs[i].value) { inputs[i].value = code; return true; }
    }
    return false;
  }
  function unplace(code) {
    var inputs = document.querySelectorAll('input[name="dx_code"], input[name="px_code"]');
    for (var i = 0; i < inputs.length; i++) {
      if (inputs[i].value.toUpperCase() === code) inputs[i].value = "";
    }
  }
  function next(li) {
    var all = items(), i = all.indexOf(li);
    for (var j = i + 1; j < all.length; j++) {
      if (!all[j].hasAttribute("data-decided")) return all[j];
    }
    return all[i + 1] || li;
  }
  function decide(li, decision) {
    var code = li.getAttribute("data-code");
    if (decision === "accepted" && !place(code)) {
      li.querySelector(".muted").textContent += " · no empty line left";
      return;
    }
    if (decision === "rejected") unplace(code);
    li.setAttribute("data-decided", decision);
    li.classList.toggle("accepted", decision === "accepted");
    li.classList.toggle("rejected", decision === "rejected");
    fetch(list.getAttribute("data-url"), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": list.getAttribute("data-csrf") },
      body: JSON.stringify({ code: code, rule: li.getAttribute("data-rule"), decision: decision })
    }).then(function (r) { if (!r.ok) li.classList.add("unsaved"); }).catch(function () { li.classList.add("unsaved"); });
    next(li).focus();
  }
  list.addEventListener("click", function (ev) {
    var b = ev.target.closest("[data-decide]");
    if (b) decide(b.closest("li"), b.getAttribute("data-decide"));
  });
  list.addEventListener("keydown", function (ev) {
    var li = ev.target.closest("li[data-code]");
    if (!li || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var all = items(), i = all.indexOf(li);
    switch (ev.key) {
    case "a": case "Enter": decide(li, "accepted"); break;
    case "r": case "Delete": decide(li, "rejected"); break;
    case "j": case "ArrowDown": (all[i + 1] || li).focus(); break;
    case "k": case "ArrowUp": (all[i - 1] || li).focus(); break;
    default: return;
    }
    ev.preventDefault();
    ev.stopPropagation();
  });
  document.addEventListener("keydown", function (ev) {
    var el = document.activeElement;
    if (ev.key !== "s" || ev.ctrlKey || ev.metaKey || ev.altKey || el && (el.tagName === "INPUT" || el.tagName === "SELECT" || el.tagName === "TEXTAREA")) return;
    if (list.contains(el)) return;
    var first = items().filter(function (li) { return !li.hasAttribute("data-decided"); })[0] || items()[0];
    if (first) { ev.preventDefault(); first.focus(); }
  });
})();
