// Point RequireJS at the vendored widget manager, so that the icon fonts it loads resolve
// under _static/vendor/html-manager/amd/ instead of next to each page (404s otherwise).
(function () {
  var here = document.currentScript.src;
  var base = here.slice(0, here.lastIndexOf("/course/")) + "/vendor/html-manager/amd";
  require.config({ paths: { "@jupyter-widgets": base } });
})();
