"""What the browser tests do on a page as a reader would: bring explorers and widgets to life.

Explorers load lazily (when they near the screen) and the widget manager loads on request, so
a test that checks them first scrolls to them, or presses the button, like a reader.
"""

from __future__ import annotations

EXPLORERS = "[data-innolead-explorer]"

#: Elements wider than the viewport, or reaching past its right edge, that no scrolling box of
#: their own contains (``vw`` is the phone's width in CSS pixels).
WIDE_ELEMENTS = """(vw) => {
  const scrolls = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') return a.getBoundingClientRect().right <= vw + 1;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + Array.from(el.classList).slice(0, 2).join('.') : '');
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (el.closest('dialog:not([open])')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > vw + 1 || r.width > vw + 1) && !scrolls(el)) {
      wide.push(`${name(el)} (width ${Math.round(r.width)}, right ${Math.round(r.right)})`);
    }
  }
  return {document: document.documentElement.scrollWidth, wide: wide.slice(0, 8)};
}"""


def open_explorers(tab: object, timeout: float = 20_000) -> int:
    """Scroll to each explorer on the page and wait until it is mounted with its chart drawn."""
    roots = tab.locator(EXPLORERS)
    count = roots.count()
    for i in range(count):
        root = roots.nth(i)
        root.scroll_into_view_if_needed()
        tab.wait_for_function(
            "(el) => el.dataset.state !== undefined && !el.hasAttribute('aria-busy')",
            arg=root.element_handle(),
            timeout=timeout,
        )
        chart = root.locator(".innolead-chart svg, .innolead-chart p")
        chart.first.wait_for(timeout=timeout)
    return count


def open_widgets(tab: object, timeout: float = 30_000) -> int:
    """Press "Load the widget library" (if the page has saved widgets) and wait for them."""
    button = tab.locator("button.innolead-widgets-load")
    if button.count() == 0:
        return 0
    button.first.click()
    tab.locator(".innolead-widget-fallback").first.wait_for(state="detached", timeout=timeout)
    tab.locator(".widget-subarea .widget-dropdown select").first.wait_for(timeout=timeout)
    return 1


def wide_elements(tab: object, width: int) -> dict:
    """The document's width and the elements wider than ``width`` with no scrolling box."""
    return tab.evaluate(WIDE_ELEMENTS, width)


def set_control(root: object, control: object, index: int) -> None:
    """Operate one control of an explorer as a reader would (slider, radio group or select).

    The control is found by its label in the course language (``INNOLEAD_LANG``), as the page
    being tested shows it.
    """
    from innolead.explorers.controls import Slider, shown

    label = shown(control).label
    if isinstance(control, Slider):
        root.get_by_label(label, exact=True).fill(str(index))
    elif getattr(control, "toggle", False):
        group = root.get_by_role("group", name=label, exact=True)
        group.locator("input[type=radio]").nth(index).check()
    else:
        root.get_by_label(label, exact=True).select_option(str(index))
