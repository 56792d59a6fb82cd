"""The settlement rules engine: facts + rule packs + a date -> a decision with citations.

Pure: no database, no clock, no files at decision time. Packs and division data
are loaded once (``caseworker.rules.pack_loader.load_rulebook``) and passed in.
"""
