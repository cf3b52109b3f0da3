"""Measurements of speed and memory (`recoupe bench ...`)."""
