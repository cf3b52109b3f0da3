"""Per-document analysis: the only package that imports spaCy.

Components (one module each) mark up a spaCy ``Doc``; ``extract`` turns the marked-up
``Doc`` into plain records (``recoupe.records``) so nothing downstream sees spaCy types.
"""
