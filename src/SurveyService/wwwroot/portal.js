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

  // An error summary takes the focus, so a screen reader hears it first.
  var summary = document.querySelector("[data-focus]");
  if (summary) summary.focus();
})();
