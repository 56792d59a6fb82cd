"""The page in a photo: the card's or the book page's outline found and squared up
(perspective undone), and a ruled table's cells. Geometry of the pixels (OpenCV), no
OCR."""

from __future__ import annotations

from typing import Any


def find_cells(pixels: Any) -> list[tuple[int, int, int, int]]:
    """The cells of a ruled table, as (left, top, right, bottom): the regions the ruled
    lines enclose. Empty for a page without one (the ID card)."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    grey = pixels[:, :, 2]  # the red channel: a stamp's ring is no ruled line
    height, width = grey.shape
    ink = cv2.adaptiveThreshold(
        grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 12
    )
    # Ruled lines are long runs of ink a little slanted or bent on a photographed page:
    # thickened across first, then kept where a run is longer than a character is wide
    # (a character is about 3 mm of the page's 143 mm, a row 9 mm).
    run = max(15, round(max(height, width) / 40))
    thick_h = cv2.dilate(ink, np.ones((3, 1), np.uint8))
    thick_v = cv2.dilate(ink, np.ones((1, 3), np.uint8))
    across = cv2.morphologyEx(thick_h, cv2.MORPH_OPEN, np.ones((1, run), np.uint8))
    down = cv2.morphologyEx(thick_v, cv2.MORPH_OPEN, np.ones((run, 1), np.uint8))
    across = cv2.dilate(across, np.ones((1, run // 2), np.uint8))
    down = cv2.dilate(down, np.ones((run // 2, 1), np.uint8))
    grid = cv2.bitwise_or(across, down)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(
        cv2.bitwise_not(grid), connectivity=4
    )
    cells = []
    for left, top, w, h, area in stats[1:count]:
        if w < 0.04 * width or h < 0.015 * height or w > 0.97 * width or h > 0.6 * height:
            continue
        if area < 0.6 * w * h:
            continue
        cells.append((int(left), int(top), int(left + w), int(top + h)))
    # a region the ruled lines did not close (a rule faded or curled away) is no cell:
    # its box, drawn round it, holds the cells it runs round
    cells = [c for c in cells if not any(o != c and _holds_centre(c, o) for o in cells)]
    return cells if len(cells) >= 4 else []


def _holds_centre(box: tuple[int, int, int, int], other: tuple[int, int, int, int]) -> bool:
    x, y = (other[0] + other[2]) / 2, (other[1] + other[3]) / 2
    return box[0] < x < box[2] and box[1] < y < box[3]


#: the long side, in pixels, a document found in a photo is squared up to
DOCUMENT_SIDE = 1400
#: the document must cover this share of the photo to be taken for it
MIN_DOCUMENT_AREA = 0.12


def find_document(pixels: Any) -> Any | None:
    """The card or page cut out of a photo along its outline and squared up (perspective
    undone), or None when no four-cornered outline stands out (a flatbed scan whose lid is
    as pale as the paper: read as it is)."""
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    height, width = pixels.shape[:2]
    scale = 800 / max(height, width)
    small = cv2.resize(
        pixels, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA
    )
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    candidates = []
    _t, bright = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    candidates.append(cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8)))
    edges = cv2.dilate(cv2.Canny(grey, 30, 90), np.ones((5, 5), np.uint8))
    candidates.append(edges)
    area = small.shape[0] * small.shape[1]
    found: list[tuple[float, float, Any]] = []
    for mask in candidates:
        contours, _h = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            hull = cv2.convexHull(contour)
            if cv2.contourArea(hull) < MIN_DOCUMENT_AREA * area:
                break
            if cv2.contourArea(hull) > 0.97 * area:
                continue  # the whole frame: no desk around the document
            quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
            if len(quad) != 4 or not cv2.isContourConvex(quad):
                continue
            corners = quad.reshape(4, 2).astype(np.float32)
            if not _document_shaped(corners):
                continue  # a table's border and a page's edge, or a shadow's
            found.append((float(cv2.contourArea(quad)), _edge_support(edges, corners), corners))
    if not found:
        return None
    # a shadow across the page splits its brightness, and the bright part alone can be
    # page-shaped too (the page cut off at the shadow), or the pale desk beside the page
    # joins it: of the outlines that follow the edges in the photo about as well as the
    # best, the largest
    best = max(support for _area, support, _corners in found)
    _area, _support, corners = max(
        (item for item in found if item[1] >= best - EDGE_SUPPORT_SLACK), key=lambda item: item[0]
    )
    return _square_up(pixels, corners / scale)


#: outlines whose sides lie on edges of the photo this much less often than the best
#: outline's still count as following them
EDGE_SUPPORT_SLACK = 0.15


def _edge_support(edges: Any, corners: Any) -> float:
    """How much of the outline's sides lies on an edge of the photo (0 to 1): a page's or
    a card's edge is sharp all round; a shadow's is soft, and a desk has none."""
    import numpy as np  # noqa: PLC0415

    height, width = edges.shape[:2]
    on = total = 0
    for n in range(4):
        start, end = corners[n], corners[(n + 1) % 4]
        for t in np.linspace(0.05, 0.95, 40):
            x, y = (start + (end - start) * t).round().astype(int)
            if 0 <= x < width and 0 <= y < height:
                on += bool(edges[y, x])
            total += 1
    return on / total


#: width / height of an ID card (85.6 × 54 mm) and of a hukou book page (105 × 143 mm),
#: either way up
SHAPES = (85.6 / 54, 54 / 85.6, 105 / 143, 143 / 105)


def _document_shaped(corners: Any) -> bool:
    """Four corners whose sides stand as a card's or a page's do, seen at up to ~20°."""
    import numpy as np  # noqa: PLC0415

    sides = [float(np.linalg.norm(corners[i] - corners[(i + 1) % 4])) for i in range(4)]
    across = (sides[0] + sides[2]) / 2
    down = (sides[1] + sides[3]) / 2
    if min(across, down) <= 0:
        return False
    ratio = across / down
    return any(abs(ratio / shape - 1) < 0.2 for shape in SHAPES)


def _square_up(pixels: Any, corners: Any) -> Any:
    import cv2  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    total = corners.sum(axis=1)
    diff = corners[:, 1] - corners[:, 0]
    ordered = np.array(
        [
            corners[np.argmin(total)],  # top left
            corners[np.argmin(diff)],  # top right
            corners[np.argmax(total)],  # bottom right
            corners[np.argmax(diff)],  # bottom left
        ],
        dtype=np.float32,
    )
    width = int(
        max(np.linalg.norm(ordered[1] - ordered[0]), np.linalg.norm(ordered[2] - ordered[3]))
    )
    height = int(
        max(np.linalg.norm(ordered[3] - ordered[0]), np.linalg.norm(ordered[2] - ordered[1]))
    )
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    # one size for every document, whatever the camera's distance: small print is read
    # better larger, and a large photo costs time for nothing
    scale = DOCUMENT_SIDE / max(width, height)
    size = (round(width * scale), round(height * scale))
    matrix = cv2.getPerspectiveTransform(ordered, target * np.float32(scale))
    return cv2.warpPerspective(
        pixels, matrix, size, flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


def turn(pixels: Any, degrees: float) -> Any:
    """The image turned so that a line slanting by ``degrees`` (positive: falling to the
    right) lies level, on a canvas grown to hold all of it, its new corners filled with
    the pixels at its edge."""
    import cv2  # noqa: PLC0415

    height, width = pixels.shape[:2]
    # brought up to the size a squared-up document is read at, as a turn softens print
    scale = max(1.0, DOCUMENT_SIDE / max(height, width))
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, scale)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    size = (round(width * cos + height * sin), round(width * sin + height * cos))
    matrix[0, 2] += size[0] / 2 - width / 2
    matrix[1, 2] += size[1] / 2 - height / 2
    return cv2.warpAffine(
        pixels, matrix, size, flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
