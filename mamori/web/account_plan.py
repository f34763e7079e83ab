"""The list of accounts an organisation wants, compared with the store: what a CSV import or a directory sync changes.

``plan`` validates every wanted account (login, role, group, approver) and compares the list with the users in the
store; it writes nothing. ``apply`` carries a plan out in **one** transaction, with an audit entry per account
(before and after), so an import is never half applied: a plan with any error is refused as a whole.

Rules (docs/accounts.md):

- a list owns the accounts of its ``source`` (``csv`` or ``ldap``). An account of that source that the list no longer
  names is **disabled** (never deleted); a disabled account the list names again is enabled.
- a list may take over ``local`` accounts (made by hand) it names; the directory also takes over ``csv`` accounts
  (moving from CSV files to the directory); a CSV import refuses an account the directory manages.
- ``approver`` names the person who approves the user's held mail. mamori's approvers approve their **group**, so
  the approver must be an active ``approver`` of the user's group (an empty group takes the approver's) or an
  ``officer``; anything else is an error on that line.
- the ``protect`` logins (the administrator doing the import) may not lose their role or be disabled by it.
- a field given as ``None`` (no such column) keeps the stored value (a new account gets the default).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select

from mamori.store import Database
from mamori.store.accounts import User, WebSession
from mamori.store.audit import record
from mamori.store.base import utcnow
from mamori.web.accounts import AccountError, check_account, check_text, normalise_login

LIST_SOURCES = ("csv", "ldap")
_TAKES_OVER = {"csv": ("local",), "ldap": ("local", "csv")}


@dataclass(frozen=True, slots=True)
class Wanted:
    """One account as the list wants it; ``line`` is where it came from (CSV line, or the entry's number)."""

    line: int
    login: str
    name: str | None = None
    group: str | None = None
    role: str | None = None
    approver: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """What happens to one account: ``create``, ``update``, ``disable`` or ``unchanged``.

    ``before``/``after`` hold the fields that change (role, group, active, source; ``display_name`` only as a
    flag in the audit log)."""

    kind: str
    login: str
    role: str
    group: str
    name: str
    line: int = 0
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    login: str
    message: str
    message_ja: str

    def text(self, lang: str) -> str:
        where = (f"{self.line}行目" if lang == "ja" else f"line {self.line}") if self.line else ""
        who = (f" ({self.login})" if where else self.login) if self.login else ""
        lead = f"{where}{who}: " if where or who else ""
        return lead + (self.message_ja if lang == "ja" else self.message)


@dataclass(slots=True)
class Plan:
    source: str
    changes: list[Change] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        out = {k: len(self.of(k)) for k in ("create", "update", "disable", "unchanged")}
        out["errors"] = len(self.errors)
        return out

    @property
    def digest(self) -> str:
        """A hash of the changes, so a confirmation applies exactly the preview that was shown."""
        rows = [(c.kind, c.login, c.role, c.group, c.name, sorted(c.after.items())) for c in self.changes
                if c.kind != "unchanged"]
        return hashlib.sha256(json.dumps(rows, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def _err(line: int, login: str, en: str, ja: str) -> LineError:
    return LineError(line, login, en, ja)


def plan(db: Database, wanted: list[Wanted], source: str, *, protect: tuple[str, ...] = (),
         officers: bool = True) -> Plan:
    """Compare ``wanted`` (from a list of ``source``) with the store; nothing is written.

    ``officers=False`` (an ``admin`` importing on the web page): creating, changing or disabling an officer's
    account, or granting the role, is an error: only an officer may."""
    if source not in LIST_SOURCES:
        raise ValueError(f"source must be one of {LIST_SOURCES}")
    result = Plan(source)
    if not wanted:  # a wrong filter or an empty file must not disable everyone
        result.errors.append(_err(0, "", "the list names no accounts: nothing to compare",
                                  "一覧にアカウントが1件もありません（比較できません）"))
        return result
    with db.session() as s:
        stored = {u.login: u for u in s.scalars(select(User))}
        s.expunge_all()
    seen: dict[str, int] = {}
    final: dict[str, dict[str, Any]] = {}  # login -> role, group, active after the import (for the approver rule)
    rows: list[tuple[Wanted, str]] = []
    named = {normalise_login(w.login) for w in wanted if w.login}  # with errors or not: never "left the list"
    for w in wanted:
        login = normalise_login(w.login) if w.login else ""
        role = (w.role or "").strip() or None
        try:
            check_account(login, role or "sender")
            for value, en, ja in ((w.name, "name", "氏名"), (w.group, "department", "部署"),
                                  (w.approver, "approver", "承認者")):
                check_text(value, en, ja)
        except AccountError as exc:
            result.errors.append(_err(w.line, login, str(exc), exc.message_ja))
            continue
        if login in seen:
            result.errors.append(_err(w.line, login, f"also on line {seen[login]}",
                                      f"{seen[login]}行目と重複しています"))
            continue
        seen[login] = w.line
        user = stored.get(login)
        if user is not None and user.source not in (source, *_TAKES_OVER[source]):
            result.errors.append(_err(w.line, login, f"this account is managed by the {user.source} source",
                                      f"このアカウントは {user.source} で管理されています"))
            continue
        final[login] = {
            "role": role or (user.role if user is not None else "sender"),
            "group": (w.group if w.group is not None else (user.group if user is not None else "")).strip()[:100],
            "active": True,
        }
        rows.append((w, login))
    for login, user in stored.items():
        if login not in final:
            final[login] = {"role": user.role, "group": user.group,
                            "active": user.active and not (user.source == source and login not in named)}
    for w, login in rows:
        approver = normalise_login(w.approver) if w.approver.strip() else ""
        if approver:
            problem = _approver_problem(login, approver, final)
            if problem is not None:
                result.errors.append(_err(w.line, login, *problem))
                continue
        user = stored.get(login)
        want = final[login]
        name = (w.name if w.name is not None else (user.display_name if user is not None else "")).strip()[:200]
        if not officers and "officer" in (want["role"], user.role if user is not None else "") and (
                user is None or user.role != want["role"] or user.group != want["group"] or not user.active
                or user.display_name != name or user.source != source):
            result.errors.append(_err(w.line, login, "only a privacy officer may change an officer's account or "
                                      "grant the officer role", "個人情報保護管理者のアカウントと役割は、"
                                      "個人情報保護管理者だけが変更できます"))
            continue
        if user is None:
            result.changes.append(Change("create", login, want["role"], want["group"], name, w.line,
                                         after={"role": want["role"], "group": want["group"], "source": source}))
            continue
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for key, old, new in (("role", user.role, want["role"]), ("group", user.group, want["group"]),
                              ("active", user.active, True), ("source", user.source, source),
                              ("display_name", user.display_name, name)):
            if old != new:
                before[key], after[key] = old, new
        if login in protect and ("role" in after or "active" in after):
            result.errors.append(_err(w.line, login, "you cannot change your own role or state by an import",
                                      "自分自身の役割や有効・無効はインポートで変更できません"))
            continue
        kind = "update" if after else "unchanged"
        result.changes.append(Change(kind, login, want["role"], want["group"], name, w.line, before, after))
    for login, user in sorted(stored.items()):
        if user.source == source and user.active and login not in named:
            if login in protect:
                result.errors.append(_err(0, login, "the list does not name you: you would disable yourself",
                                          "一覧にあなた自身が含まれていません（自分を無効にすることになります）"))
                continue
            if not officers and user.role == "officer":
                result.errors.append(_err(0, login, "the list does not name this officer: only a privacy officer "
                                          "may disable one", "一覧にないこの個人情報保護管理者を無効にできるのは、"
                                          "個人情報保護管理者だけです"))
                continue
            result.changes.append(Change("disable", login, user.role, user.group, user.display_name,
                                         before={"active": True}, after={"active": False}))
    result.errors.sort(key=lambda e: (e.line, e.login))
    return result


def _approver_problem(login: str, approver: str, final: dict[str, dict[str, Any]]) -> tuple[str, str] | None:
    """Why ``approver`` cannot approve ``login``'s mail after the import (``None``: they can); may set the group."""
    if approver == login:
        return "a user cannot be their own approver", "本人を承認者にはできません"
    them = final.get(approver)
    if them is None:
        return (f"approver {approver} has no account and is not in the list",
                f"承認者 {approver} のアカウントがなく、一覧にもありません")
    if not them["active"]:
        return f"approver {approver} is disabled", f"承認者 {approver} は無効になっています"
    if them["role"] == "officer":
        return None
    if them["role"] != "approver":
        return (f"{approver} is not an approver (role {them['role']})",
                f"{approver} は承認者ではありません（役割 {them['role']}）")
    me = final[login]
    if not me["group"]:
        me["group"] = them["group"]  # the user joins the approver's group
        return None
    if me["group"] != them["group"]:
        return (f"approver {approver} approves group {them['group']!r}, not {me['group']!r}: mamori's approvers "
                "approve their own group", f"承認者 {approver} が承認するのはグループ「{them['group']}」で、"
                f"「{me['group']}」ではありません（承認者は自分のグループを承認します）")
    return None


def apply(db: Database, result: Plan, actor: str) -> dict[str, int]:
    """Carry ``result`` out in one transaction (``AccountError`` when it has errors); returns the counts."""
    if not result.ok:
        raise AccountError(f"{len(result.errors)} errors: nothing was changed",
                           f"{len(result.errors)} 件のエラーがあるため、何も変更していません")
    now = utcnow()
    with db.session() as s:
        for c in result.changes:
            if c.kind == "create":
                if s.get(User, c.login) is not None:
                    raise AccountError(f"user {c.login} was created meanwhile: run the import again",
                                       f"ユーザー {c.login} がその間に作成されました。もう一度実行してください")
                s.add(User(login=c.login, display_name=c.name, role=c.role, group=c.group, password_hash="",
                           active=True, created_at=now, password_changed_at=None, source=result.source))
                record(s, actor, "user_create", f"user:{c.login}", "", role=c.role, group=c.group,
                       source=result.source)
            elif c.kind in ("update", "disable"):
                user = s.get(User, c.login)
                if user is None:
                    raise AccountError(f"user {c.login} disappeared meanwhile: run the import again",
                                       f"ユーザー {c.login} がその間に削除されました。もう一度実行してください")
                for key, value in c.after.items():
                    setattr(user, key, value)
                if c.after.get("active") is False:
                    s.execute(delete(WebSession).where(WebSession.login == c.login))
                before = {k: v for k, v in c.before.items() if k != "display_name"}
                after = {k: v for k, v in c.after.items() if k != "display_name"}
                if "display_name" in c.after:
                    before["display_name"] = after["display_name"] = "changed"
                action = "user_disable" if c.kind == "disable" else "user_update"
                record(s, actor, action, f"user:{c.login}", "", before=before, after=after, source=result.source)
        counts = result.counts()
        record(s, actor, f"users_{'import' if result.source == 'csv' else 'sync'}", "users", "", **counts)
    return counts



_KIND = {
    "create": ("作成", "created"),
    "update": ("更新", "updated"),
    "disable": ("無効化", "disabled"),
    "unchanged": ("変更なし", "unchanged"),
}


def detail(change: Change, lang: str) -> str:
    """What changes for one account: role and group of a new one, else each field before → after (a display name
    only as "changed")."""
    if change.kind == "create":
        return f"{change.role}, {change.group or '-'}"
    parts = []
    for key, new in change.after.items():
        if key == "display_name":
            parts.append("氏名を変更" if lang == "ja" else "name changed")
        else:
            parts.append(f"{key}: {change.before.get(key)} → {new}")
    return "; ".join(parts)


def describe(change: Change, lang: str) -> str:
    """One line for a change: what, whose, the detail, and the line it came from."""
    ja = lang == "ja"
    kind = _KIND[change.kind][0 if ja else 1]
    where = (f"  ({change.line}行目)" if ja else f"  (line {change.line})") if change.line else ""
    text = detail(change, lang)
    return f"{kind:<9} {change.login}" + (f"  {text}" if text else "") + where


def summary(result: Plan, lang: str) -> str:
    n = result.counts()
    if lang == "ja":
        return (f"作成 {n['create']} 件、更新 {n['update']} 件、無効化 {n['disable']} 件、"
                f"変更なし {n['unchanged']} 件、エラー {n['errors']} 件")
    return (f"{n['create']} created, {n['update']} updated, {n['disable']} disabled, {n['unchanged']} unchanged, "
            f"{n['errors']} errors")
