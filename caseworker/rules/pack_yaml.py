"""YAML with line numbers: every mapping and list of a rule pack knows the line it
starts on, so that a broken pack is refused naming the line to fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

import yaml

from caseworker.rules.packs import PackError


class LineMap(dict[str, Any]):
    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    line: int = 0


_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_BaseLoader):  # type: ignore[misc]
    pass


def _construct_map(loader: Any, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    out = LineMap()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise PackError("", key_node.start_mark.line + 1, "", f"duplicate key {key!r}")
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_list(loader: Any, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    return out


LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_list)


def kind_of(value: Any) -> str:
    if isinstance(value, LineMap):
        return "a mapping"
    if isinstance(value, LineList):
        return "a list"
    if value is None:
        return "nothing"
    return type(value).__name__


class NodeChecker:
    """Checks the shape of a pack's nodes, failing with the file and line of the node."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, node: Any, where: str, problem: str, key: str | None = None) -> PackError:
        line = None
        if isinstance(node, LineMap):
            line = node.key_lines.get(key, node.line) if key else node.line
        elif isinstance(node, LineList):
            line = node.line
        return PackError(self.file, line, where, problem)

    def keys(
        self, node: Any, where: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> LineMap:
        if not isinstance(node, LineMap):
            raise self.fail(node, where, f"expected a mapping, got {kind_of(node)}")
        required = list(required)
        allowed = set(required) | set(optional)
        for key in node:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), sorted(allowed), n=1)
                hint = f"; did you mean {near[0]!r}?" if near else ""
                raise self.fail(node, where, f"unknown key {key!r}{hint}", key)
        for key in required:
            if key not in node:
                raise self.fail(node, where, f"missing key {key!r}")
        return node

    def string(self, parent: LineMap, key: str, where: str) -> str:
        value = parent[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                parent, f"{where}.{key}", f"expected text, got {kind_of(value)}; quote it", key
            )
        return value

    def a_list(self, parent: LineMap, key: str, where: str) -> LineList:
        value = parent[key]
        if not isinstance(value, LineList):
            raise self.fail(parent, f"{where}.{key}", f"expected a list, got {kind_of(value)}", key)
        return value
