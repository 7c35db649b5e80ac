// The query page: load the guide's named queries into the editor, run SPARQL on the endpoint of
// `guidegraph serve` (same origin, POST form), show SELECT results as a table, ASK as yes/no and
// CONSTRUCT/DESCRIBE as Turtle, download the last result, and show parse errors at their line and column.
// Opened from disk there is no endpoint: the page says where it lives and sends no request.
(function () {
  "use strict";
  var form = document.getElementById("q-form");
  var text = document.getElementById("q-text");
  var dataNode = document.getElementById("q-data");
  if (!form || !text || !dataNode) { return; }

  var data = JSON.parse(dataNode.textContent);
  var queries = data.queries || {};
  var prologue = data.prologue || "";
  var endpoint = form.getAttribute("data-endpoint");
  var guide = form.getAttribute("data-guide") || "";
  var root = form.getAttribute("data-root") || "";
  var kinds = {};
  (form.getAttribute("data-kinds") || "").split(" ").forEach(function (k) { if (k) { kinds[k] = true; } });
  var prefixes = parsePrefixes(prologue);

  var statusBox = document.getElementById("q-status");
  var loadedBox = document.getElementById("q-loaded");
  var errorBox = document.getElementById("q-error");
  var noEndpoint = document.getElementById("q-no-endpoint");
  var results = document.getElementById("q-results");
  var output = document.getElementById("q-output");
  var runButton = document.getElementById("q-run");
  var fromDisk = location.protocol === "file:";
  var last = null; // { kind: "select" | "ask" | "graph", json?, turtle?, name }
  var loadedName = null;
  var running = false;

  if (fromDisk) { showNoEndpoint(false); }

  // ---- examples -------------------------------------------------------------------------------------

  function load(name, focus) {
    if (!Object.prototype.hasOwnProperty.call(queries, name)) { return false; }
    var q = queries[name];
    text.value = prologue + "\n" + q;
    loadedName = name;
    var about = description(q);
    loadedBox.textContent = "Loaded the named query " + name + (about ? ": " + about : ".")
      + (/\?this\b/.test(q) ? " On the site it runs once per page, with ?this bound to the page's entity; here ?this is unbound, so it matches every entity." : "");
    document.querySelectorAll(".q-example").forEach(function (b) {
      if (b.getAttribute("data-query") === name) { b.setAttribute("aria-current", "true"); } else { b.removeAttribute("aria-current"); }
    });
    if (focus) {
      text.focus();
      text.setSelectionRange(prologue.length + 1, prologue.length + 1);
    }
    // Show the query itself, below the PREFIX lines.
    var lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
    text.scrollTop = Math.max(0, (prologue.split("\n").length - 2) * lineHeight);
    return true;
  }

  // The comment lines at the top of a named query, joined.
  function description(q) {
    var out = [];
    var lines = q.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var m = /^\s*#\s?(.*)$/.exec(lines[i]);
      if (!m) { break; }
      if (m[1].trim()) { out.push(m[1].trim()); }
    }
    return out.join(" ");
  }

  document.querySelectorAll(".q-example").forEach(function (b) {
    b.addEventListener("click", function () { load(b.getAttribute("data-query"), true); });
  });

  // sparql.html?query=NAME (the queries page links so) or sparql.html#query=NAME loads that example.
  function requested() {
    var name = null;
    try { name = new URLSearchParams(location.search).get("query"); } catch (e) { name = null; }
    var m = /^#query=(.+)$/.exec(location.hash);
    if (m) { name = decodeURIComponent(m[1]); }
    return name;
  }
  var first = requested();
  if (first) { load(first, false); }
  window.addEventListener("hashchange", function () { var n = requested(); if (n) { load(n, true); } });

  // ---- running --------------------------------------------------------------------------------------

  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  text.addEventListener("input", function () {
    if (loadedName !== null && text.value !== prologue + "\n" + queries[loadedName]) {
      loadedName = null;
    }
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    run();
  });

  // SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these words outside comments, IRIs and strings.
  function queryForm(q) {
    var s = q.replace(/<[^<>\s]*>/g, " ").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, " ")
      .replace(/#[^\n]*/g, " ");
    var m = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(s);
    return m ? m[1].toUpperCase() : "SELECT";
  }

  function run() {
    if (running) { return; }
    clearError();
    if (fromDisk) {
      showNoEndpoint(true);
      status("Not run: this page was opened from disk, where there is no SPARQL endpoint.");
      return;
    }
    var q = text.value;
    var kind = queryForm(q);
    var graph = kind === "CONSTRUCT" || kind === "DESCRIBE";
    var name = loadedName;
    running = true;
    runButton.disabled = true;
    status("Running…");
    var started = Date.now();
    fetch(endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        "Accept": graph ? "text/turtle" : "application/sparql-results+json"
      },
      body: "query=" + encodeURIComponent(q)
    }).then(function (response) {
      return response.text().then(function (body) { return { response: response, body: body }; });
    }).then(function (r) {
      var ms = Date.now() - started;
      var type = (r.response.headers.get("Content-Type") || "").toLowerCase();
      if (r.response.ok && !graph && type.indexOf("json") >= 0) {
        var json;
        try { json = JSON.parse(r.body); } catch (e) { json = null; }
        if (json && typeof json.boolean === "boolean") {
          showAsk(json, name, ms);
          return;
        }
        if (json && json.head && json.results) {
          showSelect(json, name, ms, r.response.headers.get("X-Row-Limit"));
          return;
        }
      }
      if (r.response.ok && graph && type.indexOf("html") < 0) {
        showGraph(r.body, name, ms);
        return;
      }
      if (r.response.status === 400) {
        showError(r.body);
        return;
      }
      if (r.response.status === 503) {
        showMessage(r.body.trim() || "The endpoint is unavailable (HTTP 503).");
        return;
      }
      if (r.response.status === 404 || r.response.status === 405 || r.response.ok) {
        // A server without the endpoint: a static host, or a page server that does not speak SPARQL.
        showNoEndpoint(true);
        status("Not run: no SPARQL endpoint answered at " + endpoint + ".");
        return;
      }
      showMessage("The endpoint answered HTTP " + r.response.status + (r.body.trim() ? ": " + r.body.trim() : "."));
    }, function () {
      showNoEndpoint(true);
      status("Not run: no SPARQL endpoint answered at " + endpoint + ".");
    }).then(function () {
      running = false;
      runButton.disabled = false;
    });
  }

  function status(message) {
    statusBox.textContent = message;
  }

  function showNoEndpoint(focus) {
    noEndpoint.hidden = false;
    if (focus) {
      noEndpoint.setAttribute("tabindex", "-1");
      noEndpoint.focus();
    }
  }

  // ---- results --------------------------------------------------------------------------------------

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function showSelect(json, name, ms, rowLimit) {
    var vars = json.head.vars || [];
    var rows = json.results.bindings || [];
    last = { kind: "select", json: json, name: name };
    var table = document.createElement("table");
    table.className = "q-table";
    var caption = document.createElement("caption");
    caption.textContent = plural(rows.length, "row", "rows") + (name ? " of the named query " + name : "");
    table.appendChild(caption);
    var thead = document.createElement("thead");
    var tr = document.createElement("tr");
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = "?" + v;
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = document.createElement("tbody");
    rows.forEach(function (row) {
      var r = document.createElement("tr");
      vars.forEach(function (v) {
        var td = document.createElement("td");
        if (row[v]) { td.appendChild(term(row[v])); }
        r.appendChild(td);
      });
      tbody.appendChild(r);
    });
    table.appendChild(tbody);
    var scroll = document.createElement("div");
    scroll.className = "table-scroll";
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", "Query results");
    scroll.tabIndex = 0;
    scroll.appendChild(table);
    var parts = [scroll];
    if (rowLimit && rows.length >= Number(rowLimit)) {
      var p = document.createElement("p");
      p.className = "q-help";
      p.textContent = "The endpoint returns at most " + rowLimit + " rows, so there may be more: narrow the query, or page with LIMIT and OFFSET.";
      parts.push(p);
    }
    showResult(parts, ["csv", "json"]);
    status(plural(rows.length, "row", "rows") + " in " + ms + " ms.");
  }

  function showAsk(json, name, ms) {
    last = { kind: "ask", json: json, name: name };
    var p = document.createElement("p");
    p.className = "q-answer";
    p.textContent = "Answer: " + (json.boolean ? "yes" : "no");
    showResult([p], ["csv", "json"]);
    status("Answer " + (json.boolean ? "yes" : "no") + " in " + ms + " ms.");
  }

  function showGraph(turtle, name, ms) {
    last = { kind: "graph", turtle: turtle, name: name };
    var pre = document.createElement("pre");
    pre.tabIndex = 0;
    pre.className = "q-turtle";
    pre.setAttribute("aria-label", "Query results as Turtle");
    var code = document.createElement("code");
    code.textContent = turtle;
    pre.appendChild(code);
    showResult([pre], ["ttl"]);
    status("Graph of " + plural(turtle.split("\n").filter(function (l) { return /\S/.test(l) && !/^\s*@?prefix/i.test(l); }).length,
      "line", "lines") + " of Turtle in " + ms + " ms.");
  }

  function showResult(nodes, downloads) {
    output.textContent = "";
    nodes.forEach(function (n) { output.appendChild(n); });
    results.querySelectorAll("button[data-download]").forEach(function (b) {
      b.hidden = downloads.indexOf(b.getAttribute("data-download")) < 0;
    });
    results.hidden = false;
    if (results.scrollIntoView) { results.scrollIntoView({ block: "nearest" }); }
  }

  // One RDF term of a result: a link for IRIs (the guide's page for the guide's entities), text otherwise.
  function term(t) {
    if (t.type === "uri") {
      var href = pageOf(t.value);
      var label = compact(t.value);
      if (!href) {
        var code = document.createElement("span");
        code.className = "q-iri";
        code.textContent = label;
        return code;
      }
      var a = document.createElement("a");
      a.href = href;
      a.textContent = label;
      if (label !== t.value) { a.title = t.value; }
      return a;
    }
    if (t.type === "bnode") {
      var b = document.createElement("span");
      b.className = "q-bnode";
      b.textContent = "_:" + t.value;
      return b;
    }
    var span = document.createElement("span");
    span.textContent = t.value;
    if (t["xml:lang"]) { span.lang = t["xml:lang"]; }
    return span;
  }

  function pageOf(iri) {
    if (guide && iri.indexOf(guide) === 0) {
      var rest = iri.substring(guide.length);
      var slash = rest.indexOf("/");
      if (slash > 0 && kinds[rest.substring(0, slash)]
          && /^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(rest.substring(slash + 1))) {
        return root + rest + ".html";
      }
    }
    return /^https?:\/\//i.test(iri) ? iri : null;
  }

  function parsePrefixes(p) {
    var out = [];
    var re = /^PREFIX\s+([A-Za-z0-9_.-]*):\s*<([^>]*)>/gim;
    var m;
    while ((m = re.exec(p)) !== null) { out.push({ prefix: m[1], ns: m[2] }); }
    out.sort(function (a, b) { return b.ns.length - a.ns.length; });
    return out;
  }

  // An IRI as prefix:local when one of the guide's prefixes covers it and the local part is simple.
  function compact(iri) {
    for (var i = 0; i < prefixes.length; i++) {
      var p = prefixes[i];
      if (p.ns && iri.indexOf(p.ns) === 0) {
        var local = iri.substring(p.ns.length);
        if (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(local) && !/\.$/.test(local)) { return p.prefix + ":" + local; }
      }
    }
    return iri;
  }

  // ---- downloads ------------------------------------------------------------------------------------

  function csvField(s) {
    s = String(s);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function csv(result) {
    if (result.kind === "ask") { return "boolean\r\n" + result.json.boolean + "\r\n"; }
    var vars = result.json.head.vars || [];
    var lines = [vars.map(csvField).join(",")];
    result.json.results.bindings.forEach(function (row) {
      lines.push(vars.map(function (v) {
        var t = row[v];
        return t ? csvField(t.type === "bnode" ? "_:" + t.value : t.value) : "";
      }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function download(name, type, content) {
    var blob = new Blob([content], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  results.querySelectorAll("button[data-download]").forEach(function (b) {
    b.addEventListener("click", function () {
      if (!last) { return; }
      var base = (last.name || "query") + "-results";
      var what = b.getAttribute("data-download");
      if (what === "csv" && last.json) {
        download(base + ".csv", "text/csv", csv(last));
      } else if (what === "json" && last.json) {
        download(base + ".json", "application/sparql-results+json", JSON.stringify(last.json, null, 2) + "\n");
      } else if (what === "ttl" && last.turtle !== undefined) {
        download(base + ".ttl", "text/turtle", last.turtle);
      }
    });
  });

  // ---- errors ---------------------------------------------------------------------------------------

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = "";
  }

  function showMessage(message) {
    errorBox.textContent = "";
    var p = document.createElement("p");
    p.textContent = message;
    errorBox.appendChild(p);
    errorBox.hidden = false;
    results.hidden = true;
    last = null;
    status("The query did not run.");
  }

  // Fuseki's 400: "Parse error: … at line N, column M." (or "Line N, column M: …"): say where, and put the
  // caret there.
  function showError(body) {
    var message = body.replace(/^\s*Error 400:\s*/i, "").trim() || "The endpoint refused the query (HTTP 400).";
    var at = /line (\d+), column (\d+)/i.exec(message);
    errorBox.textContent = "";
    var head = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = at ? "Error at line " + at[1] + ", column " + at[2] + ":" : "Error:";
    head.appendChild(strong);
    errorBox.appendChild(head);
    var pre = document.createElement("pre");
    pre.className = "q-error-text";
    pre.textContent = message;
    errorBox.appendChild(pre);
    errorBox.hidden = false;
    results.hidden = true;
    last = null;
    status("The query has an error" + (at ? " at line " + at[1] + ", column " + at[2] : "") + ".");
    if (at) { caretAt(Number(at[1]), Number(at[2])); }
  }

  function caretAt(line, column) {
    var lines = text.value.split("\n");
    var l = Math.max(1, Math.min(line, lines.length));
    var offset = 0;
    for (var i = 0; i < l - 1; i++) { offset += lines[i].length + 1; }
    offset += Math.max(0, Math.min(column - 1, lines[l - 1].length));
    text.focus();
    text.setSelectionRange(offset, offset);
    var lineHeight = parseFloat(getComputedStyle(text).lineHeight) || 20;
    var top = (l - 1) * lineHeight;
    if (top < text.scrollTop || top > text.scrollTop + text.clientHeight - lineHeight) {
      text.scrollTop = Math.max(0, top - text.clientHeight / 2);
    }
  }
})();
