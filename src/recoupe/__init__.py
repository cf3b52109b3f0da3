"""recoupe: cross-check a pile of French news articles into a traceable dossier."""

__version__ = "0.1.10"
SCHEMA_VERSION = "1"
