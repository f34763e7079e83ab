"""The shell commands of README.md and every docs/*.md run as written, non-interactively.

Every line of every ```` ```sh ```` (or ``bash``/``shell``) block of those files (a ``\\``-continued line, or lines
inside an open quote, count as one command) must match exactly one rule of :data:`RULES`; a command that matches
none fails the test, so a new command in the docs is either exercised here or skipped with its reason written down.

Markers in the docs (an HTML comment on the line before a block's opening fence; invisible when rendered):

* ``<!-- ci: skip: REASON -->``: the block is not run in CI, for the REASON written there (a real Microsoft 365
  tenant, root on a server...). Few blocks may carry it (:data:`MAX_SKIPPED_BLOCKS`).
* ``<!-- ci: file: NAME -->`` on a data block (CSV, JSON): its text is written to NAME in the sandbox before the
  doc's commands run, so ``mamori users import people.csv`` reads the very file the doc shows.

README.md and docs/web.md run in a sandbox that looks like a checkout after ``make run``; every other doc in one
that looks like a server's folder: that checkout plus a ``mamori.toml`` (``[store]`` in ``var/``, ``[gateway]
next_hop`` a real SMTP sink started by the test, which receives what the commands mail). The rules:

* ``run``: the command runs with ``bash -o pipefail`` in a sandbox folder that looks like a checkout after
  ``make run`` (``examples/`` of this checkout; ``.venv/bin/mamori``, ``.venv/bin/python`` and ``mamori`` on
  ``PATH`` run the interpreter and code under test; ``HOME`` is a folder of the sandbox whose ``Documents`` holds
  copies of the examples). Standard input is closed and the command has 120 s: one that stops to ask something
  fails. Its exit code must be one the README documents for it (``1`` = personal information found).
* ``served``: the block's commands talk to a running ``mamori serve``. The test starts ``mamori serve --data-dir
  var`` (what ``make run`` runs) in the sandbox on free ports, runs the commands with the README's ports replaced
  by those, stdin closed and a timeout, and checks what each command's comment promises (held, waiting,
  delivered to ``var/delivered/``).
* ``skip``: not run here, for the reason given; each names where the same thing is exercised.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = ("README.md", *sorted(f"docs/{p.name}" for p in (ROOT / "docs").glob("*.md")))
CHECKOUT_FILES = ("README.md", "docs/web.md")  # the others run in a server's folder (``_server``)
TIMEOUT = 120
MAX_SKIPPED_BLOCKS = 12
_MARKER = re.compile(r"^<!-- ci: (skip|file): (\S.*?) -->$")


@dataclass(frozen=True)
class Rule:
    pattern: str  # a regular expression matched at the start of the command
    kind: str  # run | served | skip
    exits: tuple[int, ...] = (0,)
    reason: str = ""


END = r"(\s+#.*)?$"  # the end of a command: a comment may follow

RULES = (
    Rule(r"make run\b", "skip", reason="installs .venv and runs `mamori serve --data-dir var` until Ctrl-C: the "
         "served rule below starts exactly that command, and tests/test_serve.py drives it end to end"),
    Rule(r"make test\b", "skip", reason="it is CI itself (.ci/run), including this test"),
    Rule(r"\.venv/bin/maturin build", "skip", reason="a release build of the Rust core (minutes): `make "
         "wheel-smoke`, part of `make test`, builds the wheel the same way"),
    Rule(r"python3 -m venv /tmp/m", "skip", reason="installs that wheel into a fresh venv: `make wheel-smoke` does it"),
    Rule(r"make (accuracy|throughput|presidio|bench)\b", "skip", reason="benchmarks: need the evaluation sets that "
         "live outside this repository and Presidio/spaCy/GiNZA in .venv-bench; minutes to hours"),
    Rule(r"swaks ", "served"),
    Rule(r"\.venv/bin/mamori detect examples/ja_onboarding_form\.txt$", "run", (1,)),
    Rule(r"echo '山田様の携帯は090-1234-5678です' \| \.venv/bin/mamori detect -$", "run", (1,)),
    Rule(r"\.venv/bin/mamori scan ~/Documents --format csv > inventory\.csv", "run", (1,)),
    Rule(r"\.venv/bin/mamori redact examples/ja_customers\.csv -o /tmp/masked\.csv", "run"),
    Rule(r"mamori users (add|list|password)\b", "run"),
    # docs/accounts.md (people.csv: the doc's CSV block; the invitations are mailed to the test's sink)
    Rule(r"mamori users import people\.csv( --dry-run| --invite)?" + END, "run"),
    Rule(r"mamori users invite (tanaka@example\.co\.jp suzuki@example\.co\.jp|--new)"
         r"( --print-links| --hours 168)?" + END, "run"),
    Rule(r"mamori users (disable|enable) tanaka@example\.co\.jp" + END, "run"),
    # docs/guard.md, docs/redaction.md, docs/training.md: the reader's own files, made by ``_readers_files``
    Rule(r"mamori check (messages/\*\.eml|0005\.eml) --policy mamori\.toml --contacts contacts\.csv "
         r"--history history\.jsonl (--json|--explain --lang ja)" + END, "run"),
    Rule(r"mamori redact (顧客一覧\.xlsx -o 顧客一覧-masked\.xlsx|"
         r"mail\.eml -o mail-masked\.eml --types PERSON,PHONE,EMAIL --style type|"
         r"共有/顧客対応 -o 共有-masked/|a\.docx b\.xlsx 議事録/ -o masked/)" + END, "run"),
    Rule(r"mamori training validate (mamori/training/courses/pi-ch2|my-course/quiz\.yaml)" + END, "run"),
    # docs/api.md
    Rule(r"mamori tokens (create|list|revoke)( slack-bot)?" + END, "run"),
    # docs/incidents.md (case.json: the doc's JSON block)
    Rule(r"mamori incidents assess case\.json( --json)?" + END, "run"),
    # docs/letters.md (sendlist.csv, contacts.csv: the doc's blocks); 1 = a row was held
    Rule(r"mamori fax check sendlist\.csv --contacts contacts\.csv( --json)?" + END, "run", (1,)),
)


@dataclass(frozen=True)
class Command:
    file: str
    block: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.file}#{self.block}:{self.text[:60]}"


@dataclass(frozen=True)
class Block:
    """A fenced block: its language, its lines (the fence's indentation removed) and the marker before it."""

    file: str
    number: int  # 1-based, counting every fenced block of the file
    lang: str
    lines: tuple[str, ...]
    marker: tuple[str, str] | None  # ("skip", reason) or ("file", name)

    @property
    def shell(self) -> bool:
        return self.lang in ("sh", "bash", "shell")


def blocks(file: str) -> list[Block]:
    out: list[Block] = []
    lines = (ROOT / file).read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip().startswith("```"):
            i += 1
            continue
        indent, lang = len(line) - len(line.lstrip()), line.strip()[3:].strip()
        before = next((p.strip() for p in reversed(lines[:i]) if p.strip()), "")
        m = _MARKER.match(before)
        body = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i][indent:] if lines[i][:indent].strip() == "" else lines[i])
            i += 1
        i += 1
        out.append(Block(file, len(out) + 1, lang, tuple(body), (m.group(1), m.group(2)) if m else None))
    return out


def _open_quote(text: str) -> bool:
    """Whether ``text`` ends inside a quoted string (the command goes on on the next line)."""
    try:
        shlex.split(text, comments=True)
    except ValueError:
        return True
    return False


def commands(file: str) -> list[Command]:
    """The commands of the shell blocks of ``file`` not marked ``skip``: continuation lines and lines inside an open
    quote joined, comments and blanks dropped."""
    out: list[Command] = []
    for block in blocks(file):
        if not block.shell or (block.marker and block.marker[0] == "skip"):
            continue
        pending = ""
        for line in block.lines:
            stripped = line.strip()
            if not pending and (not stripped or stripped.startswith("#")):
                continue
            if stripped.endswith("\\"):
                pending += stripped[:-1] + " "
                continue
            if _open_quote(pending + line):
                pending += line + "\n"
                continue
            text = pending + stripped if not pending else pending + line
            out.append(Command(file, block.number, re.sub(r"[ \t]+", " ", text.strip())))
            pending = ""
        assert not pending, f"{file}#{block.number}: a command is not finished at the end of its block"
    return out


ALL = [c for f in FILES for c in commands(f)]


def rule_of(command: Command) -> Rule:
    matches = [r for r in RULES if re.match(r.pattern, command.text)]
    assert len(matches) == 1, f"{command.id}: {len(matches)} rules match; add one to RULES in {__file__}"
    return matches[0]


def test_every_command_has_exactly_one_rule() -> None:
    assert len(ALL) >= 28, [c.id for c in ALL]  # the extraction itself works
    for command in ALL:
        rule = rule_of(command)
        assert rule.kind in ("run", "served", "skip")
        assert rule.kind != "skip" or rule.reason
    swaks = [c.text for c in ALL if c.text.startswith("swaks ")]
    assert swaks and all("--from " in c and "--to " in c and "--data @" in c for c in swaks), swaks


def test_readme_counts_the_demo_customers() -> None:
    """The README's description of the demo matches the demo's data (three customers besides our company)."""
    import csv

    rows = list(csv.DictReader((ROOT / "mamori" / "demo" / "contacts.csv").open(encoding="utf-8")))
    customers = {r["organization"] for r in rows} - {"株式会社まもり商事"}
    words = {2: "two", 3: "three", 4: "four", 5: "five"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{words[len(customers)]} customers\nin `var/contacts.csv`" in readme


def _sandbox(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    box = tmp_path / "checkout"
    (box / ".venv" / "bin").mkdir(parents=True)
    (box / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    for name, module in (("mamori", "-m mamori.cli"), ("python", "")):
        exe = box / ".venv" / "bin" / name
        exe.write_text(f'#!/bin/sh\nexec "{sys.executable}" {module} "$@"\n', encoding="utf-8")
        exe.chmod(0o755)
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    for sample in ("ja_customers.csv", "ja_onboarding_form.txt", "ja_order_no_pii.txt"):
        shutil.copy(ROOT / "examples" / sample, home / "Documents" / sample)
    env = dict(os.environ)
    env.update(HOME=str(home), PATH=f"{box / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])))
    return box, env


def _bash(text: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["bash", "-o", "pipefail", "-c", text], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"still running after {TIMEOUT} s (waiting for input?): {text}") from exc


RUN = [c for c in ALL if rule_of(c).kind == "run"]


SERVER_TOML = """# a server's mamori.toml, as docs/deploy.md sets one up (the parts the commands read)
[organization]
name = "株式会社まもり商事"
internal_domains = ["example.co.jp"]

[store]
data_dir = "var"

[web]
base_url = "https://mamori.example.co.jp"

[gateway]
next_hop = "127.0.0.1:{hop}"
notice_from = "mamori@example.co.jp"
"""


def _server(box: Path, file: str, hop: int) -> None:
    """The checkout ``box`` made a server's folder: mamori.toml, and the data blocks ``file`` marks ``ci: file``."""
    (box / "mamori.toml").write_text(SERVER_TOML.format(hop=hop), encoding="utf-8")
    for block in blocks(file):
        if block.marker and block.marker[0] == "file":
            name = block.marker[1]
            assert "/" not in name and not block.shell, f"{file}#{block.number}: a file marker names a data block"
            (box / name).write_text("\n".join(block.lines) + "\n", encoding="utf-8")


def _readers_files(box: Path, file: str) -> None:
    """The files a doc's commands name that are the reader's own (their mail, their spreadsheets), made from this
    repository's examples and demo data: what the commands do with them is what is tested, not the files."""
    if file == "docs/guard.md":
        (box / "messages").mkdir()
        for mail in (ROOT / "examples" / "serve" / "mail").glob("*.eml"):
            shutil.copy(mail, box / "messages" / mail.name)
        shutil.copy(ROOT / "examples" / "serve" / "mail" / "3-same-surname.eml", box / "0005.eml")
        for name in ("mamori.toml", "contacts.csv", "history.jsonl"):  # the demo's policy, contacts and history
            shutil.copy(ROOT / "mamori" / "demo" / name, box / name)
    elif file == "docs/redaction.md":
        import docx
        import openpyxl

        rows = (ROOT / "examples" / "ja_customers.csv").read_text(encoding="utf-8").splitlines()
        for name in ("顧客一覧.xlsx", "b.xlsx"):
            book = openpyxl.Workbook()
            for row in rows:
                book.active.append(row.split(","))
            book.save(box / name)
        shutil.copy(ROOT / "examples" / "ja_misaddressed_mail.eml", box / "mail.eml")
        document = docx.Document()
        document.add_paragraph((ROOT / "examples" / "ja_onboarding_form.txt").read_text(encoding="utf-8"))
        document.save(box / "a.docx")
        for folder in ("共有/顧客対応", "議事録"):
            (box / folder).mkdir(parents=True)
            for sample in ("ja_customers.csv", "ja_invoice_mail.txt", "ja_order_no_pii.txt"):
                shutil.copy(ROOT / "examples" / sample, box / folder / sample)
    elif file == "docs/training.md":
        (box / "mamori").symlink_to(ROOT / "mamori", target_is_directory=True)  # a checkout has the courses
        (box / "my-course").mkdir()
        shutil.copy(ROOT / "mamori" / "training" / "courses" / "pi-ch2" / "quiz.yaml", box / "my-course" / "quiz.yaml")


# an untagged block that starts like a command must say what it is: ``sh`` (run, or marked ``ci: skip``) or
# ``text`` (a usage synopsis with [options], or output); docs/benchmarks.md is the benchmark log (its commands need
# the evaluation sets and corpora outside this repository)
_COMMAND = re.compile(r"^(mamori|sudo|systemctl|pip|python3?|\.venv/|/opt/|install|cp|useradd|nginx|curl|swaks|"
                      r"make|dask|journalctl|chown|chmod|openssl|postfix|postmap|cargo|maturin)\b")


def test_every_command_block_is_tagged() -> None:
    untagged = []
    for file in FILES:
        if file == "docs/benchmarks.md":
            continue
        for block in blocks(file):
            first = next((x.strip() for x in block.lines if x.strip() and not x.strip().startswith("#")), "")
            if not block.lang and _COMMAND.match(first):
                untagged.append(f"{file}#{block.number}: {first[:60]}")
    assert untagged == [], "tag these blocks sh (run here, or <!-- ci: skip: why -->) or text (a synopsis)"


def test_markers_are_few_and_say_why() -> None:
    skipped = [b for f in FILES for b in blocks(f) if b.marker and b.marker[0] == "skip"]
    assert all(b.shell for b in skipped), [f"{b.file}#{b.number}" for b in skipped if not b.shell]
    assert all(len(b.marker[1]) >= 40 for b in skipped if b.marker)  # a reason, not a word
    assert len(skipped) <= MAX_SKIPPED_BLOCKS, [f"{b.file}#{b.number}" for b in skipped]
    files = [b for f in FILES for b in blocks(f) if b.marker and b.marker[0] == "file"]
    assert {b.marker[1] for b in files if b.marker} >= {"people.csv", "case.json", "sendlist.csv", "contacts.csv"}


@pytest.mark.parametrize("files", [sorted({c.file for c in RUN})], ids=["run"])
def test_runnable_commands_run_as_written(files: list[str], tmp_path: Path) -> None:
    """Each file's ``run`` commands in order, in one sandbox (``mamori users list`` sees the users added above)."""
    from mamori.gateway.sink import Sink

    sink = Sink("127.0.0.1", _port(), tmp_path / "maildir")  # the server's next hop: what the commands mail
    sink.start_in_thread()
    outputs: dict[str, str] = {}
    try:
        for file in files:
            box, env = _sandbox(tmp_path / file.replace("/", "_"))
            if file not in CHECKOUT_FILES:
                _server(box, file, sink.port)
                _readers_files(box, file)
            for command in (c for c in RUN if c.file == file):
                result = _bash(command.text, box, env)
                assert result.returncode in rule_of(command).exits, (command.text, result.returncode, result.stderr)
                outputs[command.text] = result.stdout
        mailed = sorted(r for m in sink.received for r in m.rcpt_tos)
    finally:
        sink.stop_in_thread()
    box = tmp_path / "README.md" / "checkout"
    inventory = (box / "inventory.csv").read_text(encoding="utf-8")
    assert inventory.splitlines()[0].startswith("path,") and "ja_customers.csv" in inventory
    assert Path("/tmp/masked.csv").stat().st_mtime > time.time() - 600
    users = _bash("mamori users list", tmp_path / "docs_web.md" / "checkout", env).stdout
    assert "sato@example.co.jp\tapprover\tsales" in users and "kato@example.co.jp\tofficer" in users
    # docs/accounts.md: the doc's CSV imported, two invited by name, the other two by --new, all by mail
    users = _bash("mamori users list", tmp_path / "docs_accounts.md" / "checkout", env).stdout
    assert "tanaka@example.co.jp\tsender\t営業部" in users and "kato@example.co.jp\tadmin" in users
    assert mailed == sorted(f"{u}@example.co.jp" for u in ("tanaka", "suzuki", "sato", "kato")), mailed
    assert "4 created" in next(v for k, v in outputs.items() if "people.csv --dry-run" in k)
    # docs/incidents.md and docs/letters.md: the doc's own files read
    tokens = next(v for k, v in outputs.items() if k.startswith("mamori tokens list"))
    assert "slack-bot" in tokens and "mmr_" not in tokens  # listed, never shown again
    assert next(v for k, v in outputs.items() if k.startswith("mamori tokens create")).startswith("mmr_")
    redacted = tmp_path / "docs_redaction.md" / "checkout"
    assert {p.name for p in (redacted / "共有-masked").rglob("*.csv")} == {"ja_customers.csv"}
    assert (redacted / "顧客一覧-masked.xlsx").is_file() and (redacted / "masked" / "a.docx").is_file()
    assert '"action": "hold"' in next(v for k, v in outputs.items() if k.startswith("mamori check messages/"))
    assessed = next(v for k, v in outputs.items() if k.startswith("mamori incidents assess case.json --json"))
    assert '"reportable"' in assessed
    assert '"row": 1, "action": "hold"' in next(v for k, v in outputs.items() if "fax check" in k and "--json" in k)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_swaks_commands_against_a_served_demo(tmp_path: Path) -> None:
    if shutil.which("swaks") is None:
        pytest.skip("swaks not installed: Debian's swaks package (scripts/system-deps.sh)")
    from mamori.gateway import hold_queue
    from mamori.store import Database

    box, env = _sandbox(tmp_path)
    web, smtp, hop = _port(), _port(), _port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mamori.cli", "serve", "--data-dir", "var", "--web", f"127.0.0.1:{web}",
         "--smtp", f"127.0.0.1:{smtp}", "--next-hop", f"127.0.0.1:{hop}"],
        cwd=box, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        out = []
        for line in proc.stdout:
            out.append(line)
            if "try it" in line:
                break
        printed = "".join(out)
        assert "--from h.nakamura@mamori-shoji.example --to yumi.sato@kitaguni-foods.example" in printed, printed
        for command in (c for c in ALL if rule_of(c).kind == "served"):
            text = command.text.replace("127.0.0.1:10025", f"127.0.0.1:{smtp}")
            result = _bash(text, box, env)
            assert result.returncode == 0, (text, result.stdout[-2000:], result.stderr)
            assert "250" in result.stdout
        db = Database(f"sqlite:///{box / 'var' / 'mamori.db'}")
        try:
            end = time.monotonic() + 60
            while True:
                rows = {m.rcpt_to[0] + " " + m.subject: m.state for m in hold_queue.list_messages(db, limit=20)}
                delivered = list((box / "var" / "delivered" / "new").glob("*"))
                if len(rows) == 4 and any(b"1-internal@" in p.read_bytes() for p in delivered):
                    break
                assert time.monotonic() < end, (rows, delivered)
                time.sleep(0.3)
            listed = next(m for m in hold_queue.list_messages(db, limit=20) if m.attachments)
            assert "pii_in_attachment" in {r.get("code") for r in listed.reasons}
        finally:
            db.dispose()
        states = sorted((k.split(" ", 1)[0], v) for k, v in rows.items())
        assert states == [("k.sato@aoba-trading.example", "waiting"), ("k.sato@aoba-trading.example", "waiting"),
                          ("yamamoto@mamori-shoji.example", "delivered"),
                          ("yumi.sato@kitaguni-foods.example", "held")], states
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
