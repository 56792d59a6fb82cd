"""Rules engine benchmark: decisions per second and rule-pack load time.

Usage: python bench/bench_rules.py [--seconds 3] [--json]

Baselines measured in the same run: parsing the same cases without deciding them, and
loading the same YAML files with the plain C loader (no validation, no compilation).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from caseworker.models.divisions import Divisions  # noqa: E402
from caseworker.models.facts import Case, case_from_dict, parse_case  # noqa: E402
from caseworker.resources import resource_path  # noqa: E402
from caseworker.rules.engine import evaluate  # noqa: E402
from caseworker.rules.pack_loader import load_rulebook  # noqa: E402
from tests.helpers import build_case  # noqa: E402


def _cases() -> tuple[list[str], list[Case]]:
    shared = sorted((ROOT / "tests" / "shared_cases").glob("*.json"))
    texts = [p.read_text(encoding="utf-8") for p in shared]
    cases = [parse_case(t) for t in texts]
    for path in sorted((ROOT / "tests" / "rules" / "scenarios").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for spec in doc["scenarios"]:
            built = case_from_dict(build_case(spec, doc["defaults"]))
            cases.append(built)
            texts.append(built.model_dump_json())
    return texts, cases


def _rate(fn, items, seconds: float) -> float:  # type: ignore[no-untyped-def]
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for item in items:
            fn(item)
        done += len(items)
    return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    rules_dir, policies_dir = resource_path("rules"), resource_path("policies")
    divisions_started = time.perf_counter()
    divisions = Divisions.load(resource_path("divisions"))
    divisions_ms = (time.perf_counter() - divisions_started) * 1000

    load_ms, raw_ms = [], []
    for _ in range(15):
        started = time.perf_counter()
        book = load_rulebook(rules_dir, policies_dir=policies_dir, divisions=divisions)
        load_ms.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        for path in sorted(rules_dir.glob("*.yaml")):
            yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        raw_ms.append((time.perf_counter() - started) * 1000)

    texts, cases = _cases()
    decide_rate = _rate(lambda case: evaluate(case, book, divisions), cases, args.seconds)
    parse_rate = _rate(parse_case, texts, args.seconds / 2)
    end_to_end = _rate(
        lambda text: evaluate(parse_case(text), book, divisions), texts, args.seconds / 2
    )
    # the explanations (unmet reasons, hints) are worked out when first read: this rate
    # pays for all of them, as `caseworker evaluate --json` does
    explained = _rate(
        lambda case: evaluate(case, book, divisions).to_json(), cases, args.seconds / 2
    )

    report = {
        "cases": len(cases),
        "decisions_per_second": round(decide_rate),
        "parse_and_decide_per_second": round(end_to_end),
        "decide_and_explain_all_json_per_second": round(explained),
        "baseline_parse_only_per_second": round(parse_rate),
        "ratio_decide_time_to_parse_time": round(parse_rate / decide_rate, 2),
        "pack_load_ms_median": round(statistics.median(load_ms), 1),
        "baseline_raw_yaml_ms_median": round(statistics.median(raw_ms), 1),
        "ratio_load_to_raw_yaml": round(statistics.median(load_ms) / statistics.median(raw_ms), 2),
        "division_data_load_ms": round(divisions_ms, 1),
        "targets_met": {
            "decisions_per_second>=5000": decide_rate >= 5000,
            "pack_load_ms<150": statistics.median(load_ms) < 150,
        },
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for key, value in report.items():
        print(f"{key:38} {value}")


if __name__ == "__main__":
    main()
