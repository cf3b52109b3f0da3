"""The local web app over ``dossier.sqlite`` (read-only): pages in French and a JSON API."""
