// Comfort only: every page works without this script.
"use strict";
(function () {
  var lang = document.documentElement.lang || undefined;

  // Beside each UTC time, the same instant in the reader's own time zone.
  var label = document.documentElement.getAttribute("data-local-label");
  document.querySelectorAll("time[data-local]").forEach(function (time) {
    var instant = new Date(time.getAttribute("datetime"));
    if (isNaN(instant)) return;
    var local = document.createElement("span");
    local.className = "local-time";
    var text = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short" }).format(instant);
    local.textContent = label ? label.replace("{0}", text) : text;
    time.insertAdjacentElement("afterend", local);
  });

  // The countdown near a deadline, kept current.
  var countdowns = document.querySelectorAll("[data-deadline][data-template]");
  function tick() {
    var now = Date.now();
    countdowns.forEach(function (element) {
      var left = Math.max(0, new Date(element.getAttribute("data-deadline")) - now);
      var minutes = Math.floor(left / 60000);
      var format = new Intl.NumberFormat(lang);
      element.textContent = element.getAttribute("data-template")
        .replace("{0}", format.format(Math.floor(minutes / 1440)))
        .replace("{1}", format.format(Math.floor(minutes / 60) % 24))
        .replace("{2}", format.format(minutes % 60));
    });
  }
  if (countdowns.length) { tick(); setInterval(tick, 30000); }

  // A live count of what a person counts as characters (text elements, as the server counts them).
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(lang, { granularity: "grapheme" }) : null;
  function length(text) {
    if (!segmenter) return Array.from(text).length;
    var n = 0;
    for (var _ of segmenter.segment(text)) n++;
    return n;
  }
  document.querySelectorAll("textarea[data-maxlength]").forEach(function (area) {
    var counter = document.getElementById(area.id + "-count");
    if (!counter) return;
    var max = parseInt(area.getAttribute("data-maxlength"), 10);
    var format = new Intl.NumberFormat(lang);
    function update() {
      var used = length(area.value);
      counter.textContent = counter.getAttribute("data-template").replace("{0}", format.format(used));
      counter.classList.toggle("over", used > max);
    }
    counter.setAttribute("aria-live", "polite");
    area.addEventListener("input", update);
    update();
  });

  // Autosave: a moment after typing stops, the answers changed since the last save are sent to the
  // page's PATCH handler, conditional on the version the page holds. A refusal that retrying cannot
  // mend (another focal point saved, the close, an expired sign-in) stops it; Save draft then shows why.
  var form = document.querySelector("form[data-autosave]");
  if (form) {
    var status = form.querySelector("[data-autosave-status]");
    var changed = new Set(), timer = null, inflight = null, stopped = false;
    function show(message) {
      if (!message) return;
      status.hidden = false;
      if (status.textContent !== message) status.textContent = message;
    }
    function later(delay) { clearTimeout(timer); timer = setTimeout(save, delay); }
    function save() {
      if (stopped || inflight || changed.size === 0) return;
      var names = Array.from(changed);
      changed.clear();
      var data = new FormData(form), body = new URLSearchParams();
      body.append("__RequestVerificationToken", data.get("__RequestVerificationToken"));
      body.append("version", form.elements.version.value);
      names.forEach(function (name) {
        body.append("changed", name);
        data.getAll(name).forEach(function (value) { body.append(name, value); });
      });
      inflight = fetch(location.pathname, { method: "PATCH", body: body, headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.json().then(function (answer) {
            if (answer.version !== null && answer.version !== undefined) form.elements.version.value = answer.version;
            show(answer.message);
            if (answer.stop) stopped = true;
          }, function () { stopped = true; show(form.getAttribute("data-autosave-failed")); });
        }, function () {
          // Offline for a moment: keep what is unsaved and try again later.
          names.forEach(function (name) { changed.add(name); });
          later(10000);
        })
        .finally(function () { inflight = null; if (changed.size) later(2000); });
    }
    function edited(event) {
      var name = event.target.name;
      if (!name || name.indexOf("answer-") !== 0) return;
      changed.add(name);
      later(2000);
    }
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    // A button press sends everything itself: it waits for a save under way, so it carries the version that save made.
    form.addEventListener("submit", function (event) {
      clearTimeout(timer);
      if (inflight) {
        event.preventDefault();
        var submitter = event.submitter;
        inflight.finally(function () { stopped = true; form.requestSubmit(submitter); });
      } else {
        stopped = true;
      }
    });
  }

  // Without the script, the browser's own Print command does the same.
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // The analysts' list while an analysis compiles: its stage and percentage move without a click.
  if (document.querySelector("a[data-refresh]")) setTimeout(function () { location.reload(); }, 3000);

  // An error summary takes the focus, so a screen reader hears it first.
  var summary = document.querySelector("[data-focus]");
  if (summary) summary.focus();
})();
