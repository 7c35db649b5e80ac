// Comparison matrix: filter by category, choose approaches, download as CSV or JSON.
// Progressive enhancement: without this script the whole table shows and the controls stay hidden.
(function () {
  "use strict";
  var table = document.getElementById("matrix");
  var controls = document.getElementById("matrix-controls");
  if (!table || !controls) { return; }
  controls.hidden = false;

  function checked(name) {
    var out = {};
    controls.querySelectorAll('input[name="' + name + '"]').forEach(function (i) { out[i.value] = i.checked; });
    return out;
  }

  function apply() {
    var cats = checked("category");
    var apps = checked("approach");
    table.querySelectorAll("tbody[data-category]").forEach(function (tb) {
      tb.hidden = cats[tb.getAttribute("data-category")] === false;
    });
    table.querySelectorAll("[data-approach]").forEach(function (cell) {
      cell.hidden = apps[cell.getAttribute("data-approach")] === false;
    });
    var visible = 1;
    Object.keys(apps).forEach(function (k) { if (apps[k]) { visible++; } });
    table.querySelectorAll(".category-row th").forEach(function (th) { th.colSpan = visible; });
  }
  controls.addEventListener("change", apply);
  controls.addEventListener("submit", function (e) { e.preventDefault(); });

  function rows() {
    var heads = [];
    table.querySelectorAll("thead th[data-approach]").forEach(function (th) {
      if (!th.hidden) { heads.push({ id: th.getAttribute("data-approach"), name: th.textContent.trim() }); }
    });
    var out = [];
    table.querySelectorAll("tbody[data-category]").forEach(function (tb) {
      if (tb.hidden) { return; }
      var category = tb.querySelector(".category-row th").textContent.trim();
      tb.querySelectorAll("tr[data-feature]").forEach(function (tr) {
        heads.forEach(function (h) {
          var td = tr.querySelector('td[data-approach="' + h.id + '"]');
          if (!td || !td.hasAttribute("data-level")) { return; }
          out.push({
            category: category, feature: tr.getAttribute("data-feature"), approach: h.name,
            level: td.getAttribute("data-level"), value: td.getAttribute("data-value"),
            note: td.getAttribute("data-note") || ""
          });
        });
      });
    });
    return out;
  }

  function csvField(s) {
    s = String(s);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  controls.querySelectorAll("button[data-download]").forEach(function (b) {
    b.addEventListener("click", function () {
      var data = rows();
      if (b.getAttribute("data-download") === "json") {
        download("matrix.json", "application/json", JSON.stringify(data, null, 2) + "\n");
      } else {
        var cols = ["category", "feature", "approach", "level", "value", "note"];
        var lines = [cols.join(",")];
        data.forEach(function (r) { lines.push(cols.map(function (c) { return csvField(r[c]); }).join(",")); });
        download("matrix.csv", "text/csv", lines.join("\r\n") + "\r\n");
      }
    });
  });
  apply();
})();
