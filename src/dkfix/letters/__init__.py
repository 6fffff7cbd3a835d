"""Restoring lost Danish letters: placeholder damage and its detection."""
