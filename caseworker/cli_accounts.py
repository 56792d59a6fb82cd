"""``caseworker`` commands on who may act: logging in on the command line, ``users`` (the
accounts and the office's security settings) and ``audit`` (the trail). Moved out of
``cli_store``, which dispatches to them."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from caseworker.cli_common import is_text
from caseworker.cli_json import emit, wants_json
from caseworker.services.audit import AuditService
from caseworker.services.base import Actor
from caseworker.services.store import SetupError
from caseworker.services.users import LoginSession, SecondFactorRequiredError, UserService


def _read_secret(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SetupError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise SetupError(f"{path} is not UTF-8 text; write the password again") from None


def _current_password(username: str, *, interactive: bool) -> str:
    """The user's password: CASEWORKER_PASSWORD, CASEWORKER_PASSWORD_FILE, or asked on the
    terminal (the login and `users passwd`'s current password read it the same way)."""
    password = os.environ.get("CASEWORKER_PASSWORD")
    if password is None and os.environ.get("CASEWORKER_PASSWORD_FILE"):
        password = _read_secret(Path(os.environ["CASEWORKER_PASSWORD_FILE"]))
    if password is None:
        if not interactive:
            raise SetupError(
                f"no terminal to ask {username}'s password on; set CASEWORKER_PASSWORD_FILE "
                "to a file only you can read"
            )
        password = getpass.getpass(f"{username} 密码 password: ")
    return password


def _login(args: argparse.Namespace, users: UserService) -> LoginSession:
    """Who is acting: ``--as`` (or CASEWORKER_USER) with their password, from the terminal
    or, for scripts, from CASEWORKER_PASSWORD_FILE or CASEWORKER_PASSWORD."""
    interactive = sys.stdin.isatty()
    username = args.user or os.environ.get("CASEWORKER_USER", "")
    if not username:
        if not interactive:
            raise SetupError("say who is acting: --as USER (or set CASEWORKER_USER)")
        username = input("用户名 user name: ")
    password = _current_password(username, interactive=interactive)
    code = args.otp or os.environ.get("CASEWORKER_OTP")
    if not all(is_text(v) for v in (username, password, code or "")):
        raise SetupError(
            "the user name, password or code (CASEWORKER_USER, CASEWORKER_PASSWORD, "
            "CASEWORKER_OTP) is not valid UTF-8 text; set it again"
        )
    try:
        login = users.login(username, password, totp_code=code, source="cli")
    except SecondFactorRequiredError:
        if not interactive:
            raise
        code = input("动态口令 code: ")
        login = users.login(username, password, totp_code=code, source="cli")
    own_password = args.command in {"user", "users"} and args.action == "passwd"
    if login.must_change_password and not own_password:
        users.logout(login, reason="must change password")
        name = login.actor.username
        raise SetupError(
            f"须先修改密码 the password of {name} was set by an administrator and must be "
            f"changed before anything else: `caseworker users passwd {name} --as {name} "
            "--password-file NEW`"
        )
    return login


def _users(args: argparse.Namespace, users: UserService, actor: Actor) -> int:
    action = args.action
    if action == "list" and wants_json(args):
        emit(users.list(actor))
        return 0
    if action == "list":
        for u in users.list(actor):
            marks = [
                "" if u.active else "disabled",
                f"locked until {u.locked_until:%H:%M}" if u.locked_until else "",
                "2FA" if u.second_factor else "",
                "must change password" if u.must_change_password else "",
            ]
            last = f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "never"
            print(
                f"{u.username:<16} {u.role:<25} {u.display_name:<12} last login {last}  "
                + " ".join(m for m in marks if m)
            )
        return 0
    if action == "policy":
        changes: dict[str, Any] = {}
        for item in args.set:
            name, _, value = item.partition("=")
            if name == "totp_roles":
                changes[name] = tuple(r for r in value.split(",") if r)
            elif value.isdigit():
                changes[name] = int(value)
            else:
                raise SetupError(f"--set {item}: NAME=NUMBER, or totp_roles=ROLE,ROLE")
        policy = users.set_policy(actor, **changes) if changes else users.policy()
        if wants_json(args):
            emit(policy)
            return 0
        print(
            f"lockout after {policy.lockout_attempts} wrong passwords for "
            f"{policy.lockout_minutes} min; screen lock after {policy.idle_minutes} idle min; "
            f"second factor for: {', '.join(policy.totp_roles) or 'nobody'}"
        )
        return 0
    if not args.username:
        raise SetupError(f"users {action} needs the user name")
    name = args.username
    if action == "add":
        if not args.role or not args.password_file:
            raise SetupError("users add needs --role and --password-file")
        users.add(
            actor,
            username=name,
            role=args.role,
            password=_read_secret(args.password_file),
            display_name=args.name,
        )
        print(f"user {name} ({args.role}) added")
    elif action == "disable":
        users.disable(actor, name, reason=args.reason)
        print(f"user {name} disabled")
    elif action == "enable":
        users.enable(actor, name)
        print(f"user {name} enabled")
    elif action == "reset-password":
        if not args.password_file:
            raise SetupError("users reset-password needs --password-file with the new password")
        users.reset_password(actor, name, _read_secret(args.password_file))
        print(f"password of {name} reset; they must change it at their next login")
    elif action == "unlock":
        users.unlock(actor, name)
        print(f"user {name} unlocked")
    elif action == "totp":
        secret, uri = users.enrol_totp(actor, name)
        print(f"second factor for {name}: add this to an authenticator app")
        print(f"  secret: {secret}")
        print(f"  {uri}")
    elif action == "remove-totp":
        users.remove_totp(actor, name)
        print(f"second factor of {name} removed")
    else:  # passwd: one's own password
        if name != actor.username:
            raise SetupError("users passwd changes your own password; log in as that user")
        if not args.password_file:
            raise SetupError("users passwd needs --password-file with the new password")
        old = _current_password(name, interactive=sys.stdin.isatty())
        users.change_password(actor, old, _read_secret(args.password_file))
        print("password changed")
    return 0


def _audit(args: argparse.Namespace, trail: AuditService, actor: Actor) -> int:
    if args.action == "verify":
        report = trail.verify(actor)
        if wants_json(args):
            emit(report)
            return 0 if report.ok else 1
        head = f"head {report.head.seq}" if report.head else "no head"
        if report.ok:
            print(f"audit trail intact: {report.events} events, {head}")
            return 0
        print(f"audit trail NOT intact: {len(report.findings)} problems in {report.events} events")
        for finding in report.findings:
            print(f"  {finding.kind:<10} {finding.message}")
        return 1
    events = trail.events(
        actor,
        user=args.by_user,
        action=args.by_action,
        application=args.application,
        limit=args.limit,
    )
    if wants_json(args):
        emit(events)
        return 0
    for ev in events:
        detail = json.dumps(ev.detail, ensure_ascii=False, sort_keys=True)
        when = f"{ev.at:%Y-%m-%d %H:%M:%S}"
        print(f"{ev.seq or '-':>6}  {when}  {ev.actor:<12} {ev.action:<24} {detail}")
    return 0
