// Point RequireJS at the vendored widget manager, so that the icon fonts it loads resolve
// under _static/vendor/html-manager/amd/ instead of next to each page (404s otherwise). Both
// bundled modules map to the same folder, so each font is fetched once, not twice.
(function () {
  var here = document.currentScript.src;
  var base = here.slice(0, here.lastIndexOf("/course/")) + "/vendor/html-manager/amd";
  require.config({
    paths: {
      "@jupyter-widgets/html-manager/dist": base,
      "@jupyter-widgets": base
    }
  });
})();
