// Phone navigation: the book theme's visible menu buttons carry no click handler of their own;
// the base theme wires only the first .primary-toggle/.secondary-toggle, which is hidden on small
// screens. Forward clicks on the visible buttons to the wired ones, so the menus open on phones.
(function () {
  "use strict";
  function forward(selector) {
    var buttons = document.querySelectorAll(selector);
    if (buttons.length < 2) return;
    var wired = buttons[0];
    Array.prototype.slice.call(buttons, 1).forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        wired.click();
      });
    });
  }
  function start() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
