"""Showing the dossier: the one-page HTML report, and what the web app shares with it."""
