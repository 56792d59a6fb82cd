"""Shared vocabulary: enumerations, the fact model, identity and dates."""
