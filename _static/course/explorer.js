// Kernel-free case explorers. Every state was computed at build time by the course toolkit
// (innolead.web.static_explorer) and written to a separate JSON file (innolead.web.sphinx_assets);
// this script only draws the controls and shows the state the reader picks: the sentence, the
// table and a Vega-Lite chart (vendored, no CDN).
//
// Text first: the page paints with each explorer's default view as plain HTML. When an explorer
// comes near the screen, its states and Vega (loaded once per page, in order) are fetched, and
// the explorer is mounted in place of the plain view.
(function () {
  "use strict";

  var script = document.currentScript;
  var vegaUrls = ((script && script.getAttribute("data-vega")) || "").split(" ").filter(Boolean);
  var vegaReady = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Vega, Vega-Lite and vega-embed, each after the one before (async=false keeps the order
  // while the three download together). One promise per page.
  function loadVega() {
    if (window.vegaEmbed) return Promise.resolve();
    if (vegaReady) return vegaReady;
    vegaReady = Promise.all(vegaUrls.map(function (url) {
      return new Promise(function (resolve, reject) {
        var tag = el("script", { src: url });
        tag.async = false;
        tag.onload = resolve;
        tag.onerror = function () { reject(new Error("could not load " + url)); };
        document.head.appendChild(tag);
      });
    }));
    return vegaReady;
  }

  function loadStates(root) {
    var inline = root.querySelector("script[type='application/json']");
    if (inline) return Promise.resolve(JSON.parse(inline.textContent));
    return fetch(root.getAttribute("data-states"), { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status + " for " + r.url);
      return r.json();
    });
  }

  function controlNode(ctrl, id, onChange) {
    var wrap = el("div", { class: "innolead-control" });
    if (ctrl.kind === "toggle") {
      var set = el("fieldset", { class: "innolead-toggle" });
      set.appendChild(el("legend", {}, ctrl.label));
      ctrl.options.forEach(function (label, i) {
        var lab = el("label");
        var input = el("input", { type: "radio", name: id, value: String(i) });
        if (i === ctrl.default) input.checked = true;
        input.addEventListener("change", function () { if (input.checked) onChange(i); });
        lab.appendChild(input);
        lab.appendChild(document.createTextNode(" " + label));
        set.appendChild(lab);
      });
      wrap.appendChild(set);
      return wrap;
    }
    wrap.appendChild(el("label", { for: id }, ctrl.label));
    if (ctrl.kind === "slider") {
      var range = el("input", {
        type: "range", id: id, min: "0", max: String(ctrl.options.length - 1), step: "1",
        value: String(ctrl.default), "aria-valuetext": ctrl.options[ctrl.default]
      });
      var out = el("output", { for: id }, ctrl.options[ctrl.default]);
      range.addEventListener("input", function () {
        var i = Number(range.value);
        out.textContent = ctrl.options[i];
        range.setAttribute("aria-valuetext", ctrl.options[i]);
        onChange(i);
      });
      wrap.appendChild(range);
      wrap.appendChild(out);
    } else {
      var select = el("select", { id: id });
      ctrl.options.forEach(function (label, i) {
        var option = el("option", { value: String(i) }, label);
        if (i === ctrl.default) option.selected = true;
        select.appendChild(option);
      });
      select.addEventListener("change", function () { onChange(Number(select.value)); });
      wrap.appendChild(select);
    }
    if (ctrl.help) wrap.appendChild(el("span", { class: "innolead-help" }, ctrl.help));
    return wrap;
  }

  function tableNode(state) {
    if (!state.columns.length) return el("div");
    var table = el("table", { class: "innolead-table" });
    var head = el("tr");
    state.columns.forEach(function (c) { head.appendChild(el("th", { scope: "col" }, c)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = table.appendChild(el("tbody"));
    state.rows.forEach(function (row) {
      var tr = body.appendChild(el("tr"));
      row.forEach(function (v) { tr.appendChild(el("td", {}, v)); });
    });
    return table;
  }

  // A table wider than its column scrolls; a keyboard reader must be able to reach and scroll it.
  function reachable(wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) wrap.setAttribute("tabindex", "0");
    else wrap.removeAttribute("tabindex");
  }

  function mount(root, n, data) {
    var picked = data.controls.map(function (c) { return c.default; });
    var words = data.words || {};  // the page's language, from the export
    var controls = el("div", { class: "innolead-controls", role: "group", "aria-label": words.controls || (data.title + ": controls") });
    var sentence = el("p", { class: "innolead-sentence", "aria-live": "polite" });
    var chart = el("div", { class: "innolead-chart", role: "img" });
    var table = el("div", { class: "innolead-table-wrap" });
    var drawn = 0;

    function show() {
      var state = data.states[picked.join("-")];
      var turn = ++drawn;
      sentence.textContent = state.sentence;
      sentence.classList.toggle("innolead-error", Boolean(state.error));
      table.replaceChildren(tableNode(state));
      reachable(table);
      chart.setAttribute("aria-label", state.alt);
      chart.replaceChildren();
      if (state.chart && window.vegaEmbed) {
        // Each drawing gets its own box: a slow drawing that a later choice replaced lands in a
        // detached box and is released, never next to the current chart.
        var box = chart.appendChild(el("div"));
        window.vegaEmbed(box, state.chart, { actions: false, renderer: "svg" }).then(function (result) {
          if (turn !== drawn) result.finalize();
        }, function () {
          if (turn === drawn) box.replaceChildren(el("p", {}, state.alt));  // text alternative
        });
      }
      root.dataset.state = picked.join("-");
    }

    data.controls.forEach(function (ctrl, i) {
      var id = "innolead-" + n + "-" + ctrl.name;
      controls.appendChild(controlNode(ctrl, id, function (value) { picked[i] = value; show(); }));
    });
    var fallback = root.querySelector(".innolead-fallback");
    if (fallback) fallback.remove();
    root.appendChild(el("p", { class: "innolead-title" }, data.title));
    root.appendChild(el("p", { class: "innolead-lookfor" }, (words.look_for || "What to look for:") + " " + data.look_for));
    [controls, sentence, chart, table].forEach(function (node) { root.appendChild(node); });
    show();
    window.addEventListener("resize", function () { reachable(table); });
  }

  function start(root, n) {
    if (root.dataset.loading) return;
    root.dataset.loading = "1";
    root.setAttribute("aria-busy", "true");
    Promise.all([loadStates(root), loadVega().catch(function () { return null; })]).then(function (got) {
      mount(root, n, got[0]);
    }, function () {
      var note = root.querySelector(".innolead-failed");  // written in the page's language
      if (note) { note.hidden = false; return; }
      root.appendChild(el("p", { class: "innolead-help" },
        "The interactive explorer could not be loaded; the default view is shown above."));
    }).then(function () { root.removeAttribute("aria-busy"); });
  }

  function init() {
    var roots = Array.prototype.slice.call(document.querySelectorAll("[data-innolead-explorer]"));
    if (!("IntersectionObserver" in window)) {
      roots.forEach(start);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        start(entry.target, roots.indexOf(entry.target));
      });
    }, { rootMargin: "600px 0px" });
    roots.forEach(function (root) { observer.observe(root); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
