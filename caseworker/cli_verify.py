"""`caseworker verify CODE|FILE.pdf`: what a printed document's code proves.

Anyone may check a code without logging in: the answer (valid, used, void, expired,
revoked, tampered, unknown) and, for a permit or other paper on record, everyone it names
and its destination, to compare with the paper; not why a paper was voided or refused,
which is the office's. With ``--as`` (or CASEWORKER_USER) the check is logged in, audited
(``document.verify``) and a clerk, supervisor or administrator reads the reasons too."""

from __future__ import annotations

import argparse
from pathlib import Path

from caseworker.cli_json import emit, wants_json
from caseworker.services.base import Actor
from caseworker.services.printing import PrintingService
from caseworker.services.verifying import COMPARE

#: the answers that name the people on the paper
NAMED = frozenset({"valid", "used", "expired"})


def verify_command(args: argparse.Namespace, printing: PrintingService, actor: Actor | None) -> int:
    code = args.code
    path = Path(code)
    from_file = code.lower().endswith(".pdf") and path.is_file()
    if from_file:
        code = path.read_bytes().decode("latin-1")
    verdict = printing.verify(code, actor=actor)
    if wants_json(args):  # the register's facts, not the signed payload (a name may be in it)
        found = verdict.record
        document = None
        if found is not None:
            document = {
                "number": found.number,
                "kind": found.kind,
                "copy": found.copy,
                "voided": found.voided,
                "printed_at": found.printed_at,
            }
        emit(
            {
                "status": verdict.status,
                "message": verdict.message,
                "holder": verdict.holder,
                "id_masked": verdict.id_masked,
                "people": [
                    {"relation": p.relation, "name": p.name, "id_masked": p.id_masked}
                    for p in verdict.people
                ],
                "destination": verdict.destination,
                "valid_until": verdict.valid_until,
                "settled_on": verdict.settled_on,
                "compare": COMPARE if verdict.people else "",
                "read_from_file": from_file,
                "logged_in": actor is not None,
                "document": document,
            }
        )
        return 0 if verdict.status == "valid" else 1
    if verdict.status != "valid":
        print(f"{verdict.status}: {verdict.message}")
    else:
        print(verdict.message)
    if verdict.status in NAMED and verdict.people:
        print("the paper names 证明所列人员:")
        for person in verdict.people:
            print(f"  {person.relation}  {person.name}  {person.id_masked}")
        print(f"  迁往 destination: {verdict.destination}")
        print(COMPARE)
        if from_file:
            print(
                "the code was read from the file's text, which anyone can copy into a forged "
                "file: the file is proven only by that comparison"
            )
    return 0 if verdict.status == "valid" else 1
