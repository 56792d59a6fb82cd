"""Secrets (the store key in the OS keyring, or a key file), password hashing."""
