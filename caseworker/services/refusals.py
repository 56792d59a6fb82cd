"""The English wording of the refusals beyond the counter's own (``base.ENGLISH`` holds
those): collectives and their evidence and booklets, accounts and the office's security
policy, search, statistics, sync and its bundles, the store key, plain text fields.

One code per kind of refusal, reused wherever the meaning is the same; the params named
in ``{}``; the desk's Chinese (and its English) wording of each is in ``ui/refusals.py``.
This module imports nothing, so ``base`` can take it in."""

from __future__ import annotations

MORE_ENGLISH: dict[str, str] = {
    # an application, a person, a resident ID number, a step
    "case.invalid": "{detail}",  # its data is ``problems``: (field, problem) pairs
    "application.closed": "{number} is {state}; it is closed",
    "person.not_found": "nobody with ID number {id_number} in this store",
    "id_number.invalid": "{name}: {number!r} is not a valid ID number: {problem}",
    "workflow.step_refused": "cannot {action} an application that is {state}; from here: {allowed}",
    "workflow.closed": "cannot {action} an application that is {state}; it is closed",
    "print.missing_glyph": (
        "cannot print the {document}: the font has no glyph for {characters}; nothing was "
        "printed. Check the characters against the 户口簿, or ask the office IT person for a "
        "font that has them"
    ),
    "scan.not_found": "no attached scan {attachment}",
    "scan.tampered": "attached scan {attachment} does not match its SHA-256",
    "screen.may_not_confirm": "{role} may not record an applicant's confirmation",
    "screen.via_unknown": "a confirmation comes from the screen or the clerk, not {via!r}",
    "screen.save_first": "save the application first (Ctrl+S); then ask again",
    "permission.role_may_not": "{username} ({role}) may not {what}; it needs one of: {roles}",
    "store.no_administrator": "the store has no administrator",
    # setting up and opening the store
    "store.missing": (
        "no store in {folder}; set one up with `caseworker init --office CODE --station "
        "NAME`, or point --data-dir (or CASEWORKER_DATA) at the right folder"
    ),
    "store.settings_damaged": "{path} is damaged ({problem}); restore it from a backup",
    "store.no_office": "the store has no office; it was not set up completely",
    "store.file_missing": "{path} is missing; restore it with `caseworker restore BACKUP`",
    "store.audit_key_missing": (
        "the audit key of this store is missing from this user's keyring, so the audit trail "
        "can be neither extended nor verified; put the key back (the office IT person keeps a "
        "copy) or restore the store together with its keys"
    ),
    "setup.office_code": (
        "--office {office!r}: the office code is 6 to 12 digits (the police station's code, "
        "e.g. 370102001)"
    ),
    "setup.station_required": "--station: the police station's name is required",
    "setup.exists": (
        "{folder} already holds a store; it was left untouched. Use another --data-dir, or "
        "restore a backup into this one"
    ),
    # plain text fields and choices
    "text.expected": "{name}: text expected",
    "text.required": "{name} is required",
    "text.too_long": "{name}: {length} characters; at most {most}",
    "text.control_characters": "{name}: control characters are not allowed; type it again",
    "choice.unknown": "{name} {value!r}: one of {choices}",
    # search
    "search.not_understood": (
        "{text!r} is not an ID number, a name (汉字 or pinyin) or an application number"
    ),
    "search.page_range": "the page is 1 to {most} and a page holds 1 to 500 applications",
    "search.state_unknown": "unknown state {state!r}; one of {states}",
    # collective households (集体户)
    "collective.not_found": (
        "no collective household {collective!r} among yours; `caseworker collective list` "
        "shows those you may see"
    ),
    "collective.division_shape": (
        "division_code {division!r}: 6 digits for a county, 9 for a street or town, 12 for a "
        "community (GB/T 2260 and the statistics office's codes)"
    ),
    "collective.division_unknown": (
        "division_code {division!r}: no county {county} in the division data"
    ),
    "collective.street_unknown": (
        "division_code {division!r}: no street or town {street} in {county}"
    ),
    "collective.community_unknown": (
        "division_code {division!r}: no community {division} in {street}"
    ),
    "collective.administrator_unknown": ("administrator: there is no active user {username!r}"),
    "collective.administrator_role": (
        "administrator: {username} is a {role}; the administrator of a collective is a "
        "collective_administrator (`caseworker users add NAME --role collective_administrator`)"
    ),
    "collective.kind_unknown": "kind {kind!r}; one of: {kinds}",
    "collective.not_editable": "cannot change {fields}; one of: {editable}",
    "collective.changed_meanwhile": (
        "the collective was changed by someone else meanwhile; open it again and redo your change"
    ),
    "collective.closed": "collective {collective} is closed; choose an open one",
    "collective.closed_already": "collective {collective} is already closed",
    "collective.has_members": (
        "collective {collective} still has {members} registered member(s); move them out or "
        "transfer them first, then close it"
    ),
    "collective.admit_state": (
        "application {number} is {state}; a person is admitted once the application is "
        "decided eligible and approved"
    ),
    "collective.admit_not_eligible": "application {number} was not decided eligible",
    "collective.admit_not_collective": (
        "application {number} registers in {household}, not a collective household; only an "
        "application to a collective is admitted"
    ),
    "collective.admit_kind": (
        "application {number} is for a {wanted_zh} ({wanted}); {collective} is a {kind_zh}"
    ),
    "collective.admit_county": (
        "application {number} settles in {county}; {collective} is in {collective_county}"
    ),
    "collective.lease_needed": (
        "application {number} is a 兜底 (fallback) admission: record the registered lease "
        "first (`caseworker collective evidence {number} --kind registered_lease …`)"
    ),
    "collective.registered_elsewhere": (
        "{name} is registered in collective {collective} since {since}; move them out or "
        "transfer them first"
    ),
    "collective.registered_here": "{name} is already registered in {collective}",
    "collective.no_roster_row": "no roster row {row} in {collective}",
    "collective.row_not_member": "roster row {row} is not a member of {collective} now",
    "collective.not_member": "{id_number} is not registered in {collective} now",
    "collective.one_destination": (
        "name one destination: --to-collective CODE or --to-family TEXT"
    ),
    # consent evidence and family booklets
    "evidence.kind_unknown": "evidence kind {kind!r}; one of: {kinds}",
    "evidence.date_in_future": (
        "consent_date {date} is in the future; give the date the owner signed, or the lease "
        "was registered"
    ),
    "evidence.not_found": "no consent evidence {evidence}",
    "booklet.not_found": "no family booklet {booklet!r}",
    "booklet.relation_unknown": "relation {relation!r}; one of: {relations}",
    "booklet.members_needed": "name the family members besides the head: --member ID:RELATION",
    "booklet.decided_already": "family booklet {booklet} is already {state} ({state_zh})",
    "booklet.maker_checker": (
        "{username} took this application; another supervisor decides it (maker-checker)"
    ),
    "booklet.not_decided": "family booklet {booklet} is not decided yet",
    # statistics
    "statistics.not_listed": "the applications behind a row are listed for {dimensions}",
    "statistics.period_reversed": (
        "the period ends ({date_to}) before it starts ({date_from}); swap --from and --to"
    ),
    "statistics.period_too_long": "a report covers at most ten years; narrow --from and --to",
    # accounts and the office's security policy
    "user.not_active": "there is no active user {username!r} in this store",
    "user.not_found": "there is no user {username!r}; `caseworker users list` shows them",
    "user.name_shape": (
        "user name {username!r}: 2 to 30 lower-case letters, digits, '.', '-' or '_', "
        "starting with a letter"
    ),
    "user.display_name_long": "the display name is at most {most} characters",
    "user.exists": "user {username!r} already exists",
    "user.disable_self": "you cannot disable your own account",
    "user.last_admin": "{username} is the last active administrator",
    "policy.lockout_attempts": "lockout_attempts: 1 to 100 wrong passwords",
    "policy.lockout_minutes": "lockout_minutes: 1 to 1440 minutes",
    "policy.idle_minutes": "idle_minutes: 1 to 240 minutes",
    "policy.role_unknown": "totp_roles: unknown role {role!r}; one of {roles}",
    "policy.setting_unknown": "unknown setting: {problem}",
    "policy.totp_lockout": (
        "requiring a second factor for {role} would lock you out: enrol your own first "
        "(`caseworker users totp {username}`)"
    ),
    # sync with the central system, and bundles carried on a drive
    "sync.address": "{url!r} is not an address such as https://central.example:8470",
    "sync.enrolment_failed": "enrolment failed: {problem}",
    "sync.stale_days_range": "the days without sync allowed must be between 1 and 60",
    "sync.not_enrolled": (
        "this device is not enrolled with the central system: run `caseworker enroll "
        "--central URL --code CODE` (while connected, once; the code comes from the central "
        "administrator)"
    ),
    "sync.resolution_needed": (
        "say what was done about it (the resolution is kept in the audit trail)"
    ),
    "sync.no_open_conflict": "no open sync conflict {conflict}",
    "sync.nothing_to_resend": "this conflict has no set-aside operation to send again",
    "sync.stale_for_clerk": (
        "this desk has not synced with the central system for {days} days (allowed: "
        "{allowed}); a supervisor must issue permits until it syncs again"
    ),
    "bundle.no_central_key": (
        "this desk does not know the central system's encryption key yet: sync online once "
        "(or enrol again) before exporting bundles"
    ),
    "bundle.unreadable": "{problem}",
    "bundle.other_centre": (
        "this bundle was made for another central system than the one this desk is enrolled "
        "with; nothing was done"
    ),
    "bundle.relay_failed": "the bundle could not be carried in: {problem}",
    "bundle.kind_unknown": "unknown bundle kind {kind!r}",
    "bundle.other_desk": "this return bundle is for another office's desk; take it there",
    "bundle.return_other_centre": "this return bundle comes from another central system",
    "bundle.older": (
        "this return bundle (for bundle {seq}) is older than the one already applied (for "
        "bundle {applied}); nothing was changed"
    ),
    # the store key and its recovery
    "key.unreadable": "the store key cannot be read: {problem}",
    "key.passphrase_count": "one recovery file, or two custodians' shares",
    "key.recovery_refused": "{problem}",
    "key.other_store": (
        "{folder} already holds another office's store ({existing}); the recovery file is for "
        "store {store} ({office}). Import into an empty data folder (--data-dir)"
    ),
    "key.no_keyring": (
        "this machine has no usable keyring; import with --key-file FILE (a path on this "
        "machine that only this user can read)"
    ),
    "key.file_taken": "{file} holds another key; choose a new file name",
    "key.unavailable": "{problem}",
}
