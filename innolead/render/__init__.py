"""How the course draws what the analysis computed: colours, charts and pages.

Explorers, chapters, the self-assessment and the reports all draw through here, so this
package imports none of them (and no widgets, no case data): a report that needs a bar chart
or a page shell pays only for the chart or the page.

- ``palette``: the colour-blind-safe colours every chart uses.
- ``chart``: ``Chart``, a chart as plain data (long format, one row per mark).
- ``vegalite``: a ``Chart`` as a Vega-Lite specification (the explorers, live and static).
- ``png``: grouped bars as PNG bytes (reports and the self-assessment, which must be
  self-contained).
- ``html``: the one page shell and the HTML pieces (tables, figures, lists), from the Jinja2
  templates in ``templates/``, escaped automatically.
"""
