"""The office and its users: the office's identity and settings, the accounts, and the
counters that number documents. Functions take a Session and return frozen values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from caseworker.storage import schema


@dataclass(frozen=True, slots=True)
class OfficeView:
    office_code: str
    police_station_name: str
    jurisdiction: str
    device_code: str


@dataclass(frozen=True, slots=True)
class UserView:
    username: str
    display_name: str
    role: str
    active: bool
    password_hash: str = field(repr=False)
    failed_attempts: int = 0
    locked_at: datetime | None = None
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    must_change_password: bool = False
    totp_secret: str = field(default="", repr=False)
    totp_last_step: int = 0
    created_at: datetime | None = None


def office(session: Session) -> OfficeView | None:
    row = session.scalars(select(schema.Office)).first()
    if row is None:
        return None
    return OfficeView(row.office_code, row.police_station_name, row.jurisdiction, row.device_code)


def create_office(session: Session, view: OfficeView, at: datetime) -> None:
    session.add(
        schema.Office(
            office_code=view.office_code,
            police_station_name=view.police_station_name,
            jurisdiction=view.jurisdiction,
            device_code=view.device_code,
            created_at=at,
        )
    )


def add_user(
    session: Session,
    *,
    username: str,
    display_name: str,
    role: str,
    password_hash: str,
    at: datetime,
) -> None:
    session.add(
        schema.User(
            username=username,
            display_name=display_name,
            role=role,
            password_hash=password_hash,
            active=True,
            created_at=at,
        )
    )


def _user_view(row: schema.User) -> UserView:
    return UserView(
        row.username,
        row.display_name,
        row.role,
        row.active,
        row.password_hash,
        row.failed_attempts,
        row.locked_at,
        row.locked_until,
        row.last_login_at,
        row.must_change_password,
        row.totp_secret,
        row.totp_last_step,
        row.created_at,
    )


def user(session: Session, username: str) -> UserView | None:
    row = session.scalars(select(schema.User).where(schema.User.username == username)).first()
    return None if row is None else _user_view(row)


def users(session: Session) -> list[UserView]:
    return [
        _user_view(r) for r in session.scalars(select(schema.User).order_by(schema.User.username))
    ]


def update_user(session: Session, username: str, **values: Any) -> None:
    session.execute(update(schema.User).where(schema.User.username == username).values(**values))


def count_active(session: Session, role: str) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(schema.User)
            .where(schema.User.role == role, schema.User.active)
        )
        or 0
    )


def office_settings(session: Session) -> dict[str, Any]:
    return {
        name: value
        for name, value in session.execute(
            select(schema.OfficeSetting.name, schema.OfficeSetting.value)
        )
    }


def put_office_setting(session: Session, name: str, value: Any) -> None:
    row = session.get(schema.OfficeSetting, name)
    if row is None:
        session.add(schema.OfficeSetting(name=name, value=value))
    else:
        row.value = value


def first_admin(session: Session) -> str | None:
    return session.scalars(
        select(schema.User.username).where(schema.User.role == "admin").order_by(schema.User.id)
    ).first()


def next_number(session: Session, counter: str) -> int:
    """The next value of a sequence, inside the caller's transaction."""
    row = session.get(schema.Counter, counter)
    if row is None:
        row = schema.Counter(name=counter, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value
