"""Talking to the central system: the wire protocol, the HTTP client and the backoff.
Knows nothing of the store; ``caseworker.services.sync`` combines it with storage."""
