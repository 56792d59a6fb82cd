"""Use cases: the only API the command line and the desk call."""
