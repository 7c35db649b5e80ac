// Injected by `guidegraph serve` into the pages it serves (the static site does not contain it): reloads the page
// when the guide is regenerated and shows the problems of a failed regeneration over the page.
(function () {
  "use strict";
  var me = document.currentScript;
  var since = me && me.getAttribute("data-generation");
  var overlayId = "gg-live-problems";

  function clearOverlay() {
    var old = document.getElementById(overlayId);
    if (old) {
      old.remove();
    }
  }

  function showOverlay(problems) {
    clearOverlay();
    if (!problems.length) {
      return;
    }
    var box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;"
      + "background:#2b0b0b;color:#fff;border:2px solid #e5484d;border-radius:6px;padding:1rem;"
      + "font:14px/1.4 ui-monospace,monospace;box-shadow:0 4px 24px rgba(0,0,0,.4)";
    var title = document.createElement("strong");
    title.textContent = "The guide does not build; this page shows the last good version.";
    box.appendChild(title);
    var list = document.createElement("pre");
    list.style.cssText = "white-space:pre-wrap;margin:.5rem 0 0";
    list.textContent = problems.join("\n");
    box.appendChild(list);
    document.body.appendChild(box);
  }

  function connect() {
    var url = "/_gg/events" + (since ? "?since=" + encodeURIComponent(since) : "");
    var source = new EventSource(url);
    source.addEventListener("reload", function () {
      source.close();
      window.location.reload();
    });
    source.addEventListener("problems", function (e) {
      showOverlay(JSON.parse(e.data));
    });
  }

  connect();
})();
