"""The life of an application (申请 application) as an explicit state machine.

    draft ─accept─▶ accepted ─decide─▶ decided ─approve─▶ approved ─issue_permit─▶
    permit_issued ─mark_settled─▶ settled

and the ends refused, withdrawn and voided. Every other move is refused with a message
that says where the application stands and what can be done from there.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    ACCEPTED = "accepted"  # 受理, receipt number given
    DECIDED = "decided"
    APPROVED = "approved"  # by a supervisor (审核)
    PERMIT_ISSUED = "permit_issued"  # 准予迁入证明
    SETTLED = "settled"  # 迁入登记 done
    REFUSED = "refused"  # 不予受理 / 不予批准
    WITHDRAWN = "withdrawn"
    VOIDED = "voided"  # 作废


class Action(StrEnum):
    EDIT = "edit"
    ACCEPT = "accept"
    DECIDE = "decide"
    APPROVE = "approve"
    ISSUE_PERMIT = "issue_permit"
    MARK_SETTLED = "mark_settled"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"
    VOID = "void"


STATE_ZH = {
    State.DRAFT: "草稿",
    State.ACCEPTED: "已受理",
    State.DECIDED: "已审查",
    State.APPROVED: "已批准",
    State.PERMIT_ISSUED: "已开具准迁证",
    State.SETTLED: "已落户",
    State.REFUSED: "不予受理/不予批准",
    State.WITHDRAWN: "已撤回",
    State.VOIDED: "已作废",
}

ACTION_ZH = {
    Action.EDIT: "修改",
    Action.ACCEPT: "受理",
    Action.DECIDE: "审查",
    Action.APPROVE: "批准",
    Action.ISSUE_PERMIT: "开具准迁证",
    Action.MARK_SETTLED: "办结落户",
    Action.REFUSE: "不予受理/不予批准",
    Action.WITHDRAW: "撤回",
    Action.VOID: "作废",
}

TRANSITIONS: dict[tuple[State, Action], State] = {
    (State.DRAFT, Action.EDIT): State.DRAFT,
    (State.DRAFT, Action.ACCEPT): State.ACCEPTED,
    (State.DRAFT, Action.WITHDRAW): State.WITHDRAWN,
    (State.DRAFT, Action.VOID): State.VOIDED,
    (State.ACCEPTED, Action.EDIT): State.ACCEPTED,
    (State.ACCEPTED, Action.DECIDE): State.DECIDED,
    (State.ACCEPTED, Action.REFUSE): State.REFUSED,
    (State.ACCEPTED, Action.WITHDRAW): State.WITHDRAWN,
    (State.ACCEPTED, Action.VOID): State.VOIDED,
    # answering more questions after a decision sends it back to be decided again
    (State.DECIDED, Action.EDIT): State.ACCEPTED,
    (State.DECIDED, Action.DECIDE): State.DECIDED,
    (State.DECIDED, Action.APPROVE): State.APPROVED,
    (State.DECIDED, Action.REFUSE): State.REFUSED,
    (State.DECIDED, Action.WITHDRAW): State.WITHDRAWN,
    (State.DECIDED, Action.VOID): State.VOIDED,
    (State.APPROVED, Action.ISSUE_PERMIT): State.PERMIT_ISSUED,
    (State.APPROVED, Action.VOID): State.VOIDED,
    (State.PERMIT_ISSUED, Action.MARK_SETTLED): State.SETTLED,
    (State.PERMIT_ISSUED, Action.VOID): State.VOIDED,
}

#: states in which a person's application still counts against a second one
OPEN_STATES = frozenset(
    {State.DRAFT, State.ACCEPTED, State.DECIDED, State.APPROVED, State.PERMIT_ISSUED}
)
FINAL_STATES = frozenset({State.SETTLED, State.REFUSED, State.WITHDRAWN, State.VOIDED})


class WorkflowError(ValueError):
    """A step the application's state does not allow; the message says what does, and
    ``state``, ``action`` and ``allowed`` say it as data."""

    def __init__(
        self,
        message: str,
        *,
        state: State | None = None,
        action: Action | None = None,
        allowed: tuple[Action, ...] = (),
    ) -> None:
        super().__init__(message)
        self.state = state
        self.action = action
        self.allowed = allowed


def allowed_actions(state: State) -> list[Action]:
    return [action for (src, action) in TRANSITIONS if src == state]


def next_state(state: State, action: Action) -> State:
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        allowed = allowed_actions(state)
        if allowed:
            options = "、".join(ACTION_ZH[a] for a in allowed)
            hint = f"; from here: {', '.join(a.value for a in allowed)} ({options})"
        else:
            hint = "; it is closed, nothing more can be done with it"
        raise WorkflowError(
            f"cannot {action.value} ({ACTION_ZH[action]}) an application that is "
            f"{state.value} ({STATE_ZH[state]}){hint}",
            state=state,
            action=action,
            allowed=tuple(allowed),
        ) from None
