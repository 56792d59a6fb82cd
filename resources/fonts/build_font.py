"""Build resources/fonts/uming-cn.ttf.gz from AR PL UMing's TrueType collection.

Source: Debian package ``fonts-arphic-uming`` 0.2.20080216.2, file
``/usr/share/fonts/truetype/arphic/uming.ttc`` (Arphic Public License, ``ARPHICPL.TXT``).

Run from the repository root (fontTools is needed only here, not by the program):

    pip install fonttools==4.68.0
    python resources/fonts/build_font.py [PATH/TO/uming.ttc]

What is kept and why:
- face 0 of the collection, AR PL UMing CN, the face the documents always used; the other
  three faces (HK, TW, TW MBE) map some characters to regional glyph variants that only
  they reach, so their glyphs are dropped with them;
- every code point of face 0's character map (24,232, CJK Extension B included) and the
  glyphs they reach, with the layout tables;
- outlines only: the embedded bitmaps (EBDT/EBLC/BDF, 3 MB) serve screens at 12-16 px and
  ReportLab never reads them; the vertical metrics (vhea/vmtx/VORG) serve vertical text,
  which no document sets.

The result is gzip-compressed (17.2 MB -> 7.7 MB): ReportLab reads the whole font into
memory anyway, and inflating it there takes about 0.1 s once per process. The output is
deterministic (no timestamps), so a rebuild shows as no diff.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
OUTPUT = Path(__file__).resolve().parent / "uming-cn.ttf.gz"
FACE = 0
DROPPED_TABLES = ["EBDT", "EBLC", "EBSC", "BDF ", "FFTM", "vhea", "vmtx", "VORG"]


def build(source: Path) -> bytes:
    font = TTCollection(str(source)).fonts[FACE]
    code_points = set(font.getBestCmap())
    options = subset.Options()
    options.drop_tables += DROPPED_TABLES
    options.glyph_names = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.layout_features = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points)
    subsetter.subset(font)
    if set(font.getBestCmap()) != code_points:
        raise SystemExit("the subset lost code points of face 0; nothing written")
    font.recalcTimestamp = False  # keep the source's date: a rebuild is byte-identical
    plain = io.BytesIO()
    font.save(plain)
    return gzip.compress(plain.getvalue(), compresslevel=9, mtime=0)


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    if not source.is_file():
        raise SystemExit(f"{source} not found: apt-get install fonts-arphic-uming, or name it")
    OUTPUT.write_bytes(build(source))
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
