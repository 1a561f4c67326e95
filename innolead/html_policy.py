"""The Content-Security-Policy of every page the course writes from participants' data.

Feedback pages, the cohort report and the evaluation report are opened from disk or an LMS,
and they show what participants wrote. They need no script and nothing from another host, so
the policy forbids both: should any participant markup slip past escaping and sanitising, the
browser runs none of it and sends nothing anywhere.
"""

from __future__ import annotations

#: Nothing but the page's own inline styles and pictures carried in the page itself.
POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; "
    "base-uri 'none'; form-action 'none'"
)
#: The policy as the first element a page's head should hold (after its charset).
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
