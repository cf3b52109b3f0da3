"""A wire story's dateline at a paragraph's start: "Paris, le 10 octobre 2024 (AFP) - ".

A place, a comma, a few words (the date), an agency in brackets, a dash. It tells where
and when the story was filed; it is no part of the first sentence's words. Pure Python:
read by the sentence marker (``paragraphs``) and by the consolidate stage.
"""

from __future__ import annotations

import re

WIRE_DATELINE = re.compile(
    r"^[^\n,()]{2,40},[^\n()]{3,40}"
    r"\((?:[A-Z][\w.&/-]{1,15})(?: [\w.&/-]{1,15}){0,2}\)\s*[-–—]\s+",
    re.MULTILINE,
)
