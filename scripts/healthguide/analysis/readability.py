"""Reading grade of a page's running text (Flesch–Kincaid, via textstat), read by HG520 and `stats`."""

from __future__ import annotations

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # textstat 0.7.4 imports the deprecated pkg_resources
    import textstat

MIN_WORDS = 100  # below this a grade says nothing useful


def grade(text: str) -> float | None:
    """The Flesch–Kincaid grade of ``text``, or None when it is too short to say anything useful."""
    if len(text.split()) < MIN_WORDS:
        return None
    return float(textstat.flesch_kincaid_grade(text))
