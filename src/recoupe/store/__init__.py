"""Writing dossiers: JSON (the contract), SQLite (the source of truth of the web app)."""
