"""``mamori incidents``: the shell around the assessment — reads CASE.json files, prints the decision.

Exit status: 0 when every case was assessed (reportable or not); 2 when a case could not be read or a field is
wrong (named on standard error; the other cases are still assessed and printed).
"""

from __future__ import annotations

import json
import sys

import click

from mamori.incidents.assess import assess
from mamori.incidents.case import CaseError, parse_case
from mamori.incidents.explain import error_json, explain, to_json
from mamori.incidents.ruleset import builtin_rulesets, in_force


@click.group()
def incidents() -> None:
    """Incidents: is a report to the PPC required, to whom, by when.

    漏えい等の事案: 個人情報保護委員会への報告の要否・報告先・期限
    """


def _read(path: str) -> object:
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


@incidents.command("assess")
@click.argument("cases", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per case, one per line (DESIGN.md).")
def assess_command(cases: tuple[str, ...], as_json: bool) -> None:
    """Decide for each CASE.json whether the law (APPI Art. 26) requires a report, to whom, and by when.

    各 CASE.json について、個人情報保護法26条の報告の要否・報告先・期限・本人通知の要否を判定します。
    Exit 0: every case assessed; 2: a case could not be read or has a wrong field.
    """
    failed = False
    for path in cases:
        try:
            try:
                obj = _read(path)
            except OSError as e:
                raise CaseError("(file)", f"cannot read: {e.strerror or e}", f"読めません: {e.strerror or e}") from None
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise CaseError("(file)", f"not JSON: {e}", f"JSON として読めません: {e}") from None
            case = parse_case(obj)
            decision = assess(case)
        except CaseError as e:
            failed = True
            click.echo(f"mamori incidents assess: {path}: {e.field}: {e.message_ja} / {e.message_en}", err=True)
            if as_json:
                sys.stdout.write(json.dumps(error_json(path, e), ensure_ascii=False) + "\n")
            continue
        if as_json:
            sys.stdout.write(json.dumps(to_json(path, decision), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(explain(path, decision, in_force(builtin_rulesets(), case.discovered_on)) + "\n")
        sys.stdout.flush()
    sys.exit(2 if failed else 0)
