"""Printed documents (ReportLab): receipt, notice of missing materials, permit, refusal.

Pure rendering: plain data in (``caseworker.printing.model``), PDF bytes out. It imports
neither the rules nor the store; the services put the data together."""
