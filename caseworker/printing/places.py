"""A place as a paper prints it: the division path (省 市 县 街道) once, then the street
address only for what it adds. A clerk often types the address from the city on
("济南市历下区泉城路1号"); printed after the path that already names them, the city and
county came out twice."""

from __future__ import annotations

#: the endings of a division's name: a typed address's leading run of names, each ending
#: so, is dropped where the path already says it
_DIVISION_ENDINGS = ("省", "自治区", "市", "州", "盟", "地区", "区", "县", "旗", "镇", "乡", "街道")


def place_line(path: str, address: str) -> str:
    """``path`` (divisions, street included) and what ``address`` adds to it."""
    rest = address.strip()
    while rest:
        cut = _leading_division(path, rest)
        if not cut:
            break
        rest = rest[cut:]
    if not rest or rest in path:
        return path
    return f"{path}{rest}"


def _leading_division(path: str, address: str) -> int:
    """The length of the longest start of ``address`` that names divisions ``path``
    already names (ending as a division's name ends); 0 if none."""
    for end in range(len(address), 1, -1):
        start = address[:end]
        if start.endswith(_DIVISION_ENDINGS) and _names_in(path, start):
            return end
    return 0


def _names_in(path: str, names: str) -> bool:
    """Whether ``names`` stands in ``path`` as whole division names: where it begins, the
    path begins or a division's name ended ("南市" is not a name in "济南市")."""
    at = path.find(names)
    while at >= 0:
        if at == 0 or path[:at].endswith(_DIVISION_ENDINGS):
            return True
        at = path.find(names, at + 1)
    return False
