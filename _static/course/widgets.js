// Saved ipywidgets, text first. The page shows each widget's saved state as plain HTML
// (rendered at build time by innolead.web.sphinx_assets); the ipywidgets HTML manager, about
// 0.9 MB compressed, loads only when the reader presses "Load the widget library". Its scripts
// (vendored: RequireJS, our RequireJS paths, the manager) are listed on this script's tag.
(function () {
  "use strict";

  var script = document.currentScript;
  var scripts = JSON.parse((script && script.getAttribute("data-scripts")) || "[]");
  var started = false;

  function load(entry) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      Object.keys(entry.attributes || {}).forEach(function (k) {
        if (k !== "defer" && k !== "async") tag.setAttribute(k, entry.attributes[k]);
      });
      tag.src = entry.src;
      tag.async = false;  // run in the listed order
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + entry.src)); };
      document.head.appendChild(tag);
    });
  }

  // The manager draws each widget in a .widget-subarea it puts before the widget's view script;
  // once a widget is drawn, its saved view steps aside.
  function watch(fallback) {
    var area = fallback.parentNode;
    var observer = new MutationObserver(function () {
      var drawn = area.querySelector(".widget-subarea");
      if (drawn && drawn.childElementCount) {
        fallback.remove();
        observer.disconnect();
      }
    });
    observer.observe(area, { childList: true, subtree: true });
  }

  function start(button) {
    if (started) return;
    started = true;
    var fallbacks = document.querySelectorAll(".innolead-widget-fallback");
    Array.prototype.forEach.call(document.querySelectorAll(".innolead-widgets-load"), function (b) {
      b.disabled = true;
      b.textContent = b.dataset.loading || "Loading the widget library...";
    });
    Array.prototype.forEach.call(fallbacks, watch);
    scripts.reduce(function (done, entry) {
      return done.then(function () { return load(entry); });
    }, Promise.resolve()).catch(function () {
      button.textContent = button.dataset.failed || "The widget library could not be loaded";
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".innolead-widgets-load"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { start(button); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
