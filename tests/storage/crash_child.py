"""Run by the crash test: save applications in a loop, printing each number only after
its save returned, until killed. Usage: python -m tests.storage.crash_child DATA_DIR START"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

from caseworker.models.resident_id import check_digit
from caseworker.services.applications import ApplicationService
from caseworker.services.context import ServiceContext
from caseworker.services.evaluation import EvaluationService
from caseworker.services.store import Store
from tests.helpers import JINAN_OPTIMIZED_WORKER, build_case


def _id(index: int, sex_digit: int) -> str:
    born = date(1950, 1, 1) + timedelta(days=index)
    first17 = f"371502{born:%Y%m%d}10{sex_digit}"
    return first17 + check_digit(first17)


def main() -> None:
    folder, start = Path(sys.argv[1]), int(sys.argv[2])
    store = Store.open(folder)
    service = ApplicationService(
        ServiceContext(store, evaluation=EvaluationService.from_resources())
    )
    actor = service.default_actor()
    index = start
    while True:
        data = build_case(
            {
                "applicant": {"degree": "master", "id_number": _id(index, 1)},
                "family": [{"relation": "spouse", "id_number": _id(index, 2)}],
            },
            JINAN_OPTIMIZED_WORKER,
        )
        data["applicant"]["id_number"] = _id(index, 1)  # build_case draws its own otherwise
        data["records"] = {"applicant": {"name": "王测"}, "family": [{"name": "李测"}]}
        view = service.apply(actor, data)
        print(view.number, flush=True)
        index += 1


if __name__ == "__main__":
    main()
