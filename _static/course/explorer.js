// Kernel-free case explorers. Every state was computed at build time by the course toolkit
// (innolead.web.static_explorer); this script only draws the controls and shows the state the
// reader picks: the sentence, the table and a Vega-Lite chart (vendored, no CDN).
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
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

  function mount(root, n) {
    var data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
    var picked = data.controls.map(function (c) { return c.default; });
    var controls = el("div", { class: "innolead-controls", role: "group", "aria-label": data.title + ": controls" });
    var sentence = el("p", { class: "innolead-sentence", "aria-live": "polite" });
    var chart = el("div", { class: "innolead-chart", role: "img" });
    var table = el("div", { class: "innolead-table-wrap" });

    function show() {
      var state = data.states[picked.join("-")];
      sentence.textContent = state.sentence;
      sentence.classList.toggle("innolead-error", Boolean(state.error));
      table.replaceChildren(tableNode(state));
      chart.setAttribute("aria-label", state.alt);
      chart.replaceChildren();
      if (state.chart && window.vegaEmbed) {
        window.vegaEmbed(chart, state.chart, { actions: false, renderer: "svg" });
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
    root.appendChild(el("p", { class: "innolead-lookfor" }, "What to look for: " + data.look_for));
    [controls, sentence, chart, table].forEach(function (node) { root.appendChild(node); });
    show();
  }

  function start() {
    document.querySelectorAll("[data-innolead-explorer]").forEach(mount);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
