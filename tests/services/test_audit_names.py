"""Every action a service records in the audit trail has a name for the desk, found by
reading the services' code (a new action without a name fails here)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from caseworker.models.workflow import Action
from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.audit import AuditService
from caseworker.services.audit_names import (
    ACTION_NAMES,
    action_name,
    actions_named,
    detail_lines,
)
from caseworker.services.printing import PrintingService
from tests.stores import CLERK, SUPERVISOR, application, see_materials

SERVICES = Path(__file__).resolve().parents[2] / "caseworker" / "services"
#: what writes an audit event, and where its action is when given by position
SINKS = {"add_audit": None, "record_change": None, "record": None}


def _name(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def _action_arg(call: ast.Call, position: int | None) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "action":
            return keyword.value
    if position is not None and len(call.args) > position:
        return call.args[position]
    return None


def _constants(tree: ast.Module) -> dict[str, str]:
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }


def _values(expr: ast.expr, constants: dict[str, str], func: ast.AST) -> list[str] | None:
    """The strings an action expression can be; None when this test cannot tell."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.IfExp):
        body, orelse = _values(expr.body, constants, func), _values(expr.orelse, constants, func)
        return None if body is None or orelse is None else body + orelse
    if isinstance(expr, ast.Name) and expr.id in constants:
        return [constants[expr.id]]
    if isinstance(expr, ast.Name):  # a local variable: what it is set to
        assigned = [
            node.value
            for node in ast.walk(func)
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == expr.id for t in node.targets)
        ]
        if assigned:
            out: list[str] = []
            for value in assigned:
                found = _values(value, constants, func)
                if found is None:
                    return None
                out += found
            return out
    text = ast.unparse(expr)
    if re.fullmatch(r"Action\.[A-Z_]+\.value", text):
        return [Action[text.split(".")[1]].value]
    if text == "action.value":  # a workflow step: any of them
        return [a.value for a in Action]
    return None


def _passed_on(expr: ast.expr, params: list[str]) -> tuple[str, str] | None:
    """(parameter, text before it) when the action is the function's own parameter, as
    it is or in a template such as ``f"application.{action}"``."""
    if isinstance(expr, ast.Name) and expr.id in params:
        return expr.id, ""
    if isinstance(expr, ast.JoinedStr) and len(expr.values) == 2:
        head, value = expr.values
        if (
            isinstance(head, ast.Constant)
            and isinstance(value, ast.FormattedValue)
            and isinstance(value.value, ast.Name)
            and value.value.id in params
        ):
            return value.value.id, str(head.value)
    return None


def _position(positional: list[str], name: str) -> int | None:
    return positional.index(name) if name in positional else None


def recorded_actions() -> set[str]:
    """Every action code the services can record: the sinks' literal actions, and through
    each function that passes its own ``action`` parameter on (to a sink or to another
    such function), its callers' literals; a template such as ``f"application.{action}"``
    is filled with what its callers give."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in SERVICES.glob("*.py")}
    # function name -> (position of its action parameter counting self, or None when it
    # is keyword-only; the template its callers' values go into)
    # (one name may be several functions: users' ``_audit`` and sync's)
    passers: dict[str, set[tuple[int | None, str]]] = {}
    found: set[str] = set()
    unresolved: list[str] = []
    for _round in range(4):  # wrappers of wrappers
        unresolved = []
        for path, tree in trees.items():
            constants = _constants(tree)
            for func in ast.walk(tree):
                if not isinstance(func, ast.FunctionDef):
                    continue
                positional = [a.arg for a in func.args.args]
                params = positional + [a.arg for a in func.args.kwonlyargs]
                for call in ast.walk(func):
                    if not isinstance(call, ast.Call):
                        continue
                    name = _name(call)
                    if name in SINKS:
                        ways: set[tuple[int | None, str]] = {(None, "{}")}
                    else:
                        ways = passers.get(name, set())
                    for index, template in ways:
                        if index is not None and isinstance(call.func, ast.Attribute):
                            index -= 1  # noqa: PLW2901 - a method's self is not passed
                        expr = _action_arg(call, index)
                        if expr is None:
                            continue
                        passed = _passed_on(expr, params)
                        if passed is not None:
                            param, head = passed
                            inner = template.replace("{}", f"{head}{{}}")
                            passers.setdefault(func.name, set()).add(
                                (_position(positional, param), inner)
                            )
                            continue
                        values = _values(expr, constants, func)
                        if values is None:
                            unresolved.append(f"{path.name}:{call.lineno} {ast.unparse(expr)}")
                            continue
                        found.update(template.replace("{}", v) for v in values)
    assert not unresolved, f"actions this test cannot read: {sorted(set(unresolved))}"
    return found


def test_every_recorded_action_has_a_name() -> None:
    found = recorded_actions()
    # the scan reads the workflow's steps, the wrappers and the module constants
    assert {"application.accept", "application.create", "login", "user.add"} <= found
    assert {"collective.admit", "booklet.apply", "application.applicant_confirmed"} <= found
    assert len(found) > 40
    missing = sorted(found - set(ACTION_NAMES))
    assert not missing, f"actions without a name in audit_names.ACTION_NAMES: {missing}"


def test_names_are_chinese_and_filters_find_them() -> None:
    for code, (zh, _en) in ACTION_NAMES.items():
        assert re.search(r"[\u4e00-\u9fff]", zh) and not re.search(r"[A-Za-z]", zh), code
    assert "application.accept" in actions_named("受理")
    assert set(actions_named("登录")) >= {"login", "login.failed", "logout"}
    assert "document.print" in actions_named("准予迁入证明")
    assert actions_named("login") == ("login", "login.failed", "login.locked", "login.refused")
    assert action_name("document.print", {"kind": "permit"})[0] == "打印准予迁入证明"


def test_details_read_as_field_and_value_without_session_ids() -> None:
    lines = detail_lines(
        {"session": "b4bb6c0e9d2a4f11", "number": "370102001-QXZ3-000001", "state": "accepted"},
        zh=True,
    )
    assert lines == ["申请编号：370102001-QXZ3-000001", "状态：已受理"]
    assert detail_lines({"source": "desk", "locked": True}, zh=True) == [
        "登录方式：窗口",
        "已锁定：是",
    ]


def test_a_whole_workflow_s_details_all_have_names(apps: ApplicationService) -> None:
    printing = PrintingService(apps.context)
    number = apps.create_draft(CLERK, application()).number
    apps.accept(CLERK, number)
    apps.mark_document_seen(CLERK, number, "居民户口簿")
    printing.print_document(CLERK, number, DocumentKind.RECEIPT)
    apps.decide(CLERK, number)
    apps.approve(SUPERVISOR, number)
    see_materials(apps, number)
    apps.issue_permit(CLERK, number)
    printing.print_document(CLERK, number, DocumentKind.PERMIT)
    apps.mark_settled(CLERK, number)
    refused = apps.create_draft(CLERK, application(applicant={"degree": "none"})).number
    apps.accept(CLERK, refused)
    apps.decide(CLERK, refused)
    apps.refuse(SUPERVISOR, refused, "无符合条件的落户途径")
    apps.void(SUPERVISOR, apps.create_draft(CLERK, application()).number, "录入错误")
    events = AuditService(apps.context).events(SUPERVISOR, limit=500)
    assert len({e.action for e in events}) >= 10
    for event in events:
        assert event.action in ACTION_NAMES, event.action
        for line in detail_lines(event.detail, zh=True):
            label, value = line.split("：", 1)
            assert label != "其他", (event.action, event.detail)
            if label in {"状态", "审查结论", "种类", "角色"}:
                assert re.search(r"[\u4e00-\u9fff]", value), (event.action, line)
