"""Gateway throughput, added latency and memory: `mamori gateway` as a process, a sink as the next hop.

    .venv/bin/python benchmarks/gateway_throughput.py [--small 2000] [--large 200] [--held 10000] [--clients 8]

* small: 10 KB Japanese text messages to an internal recipient (the allow path: judged, stored with fsync,
  delivered to the sink);
* large: 200 KB messages with an .xlsx attachment (the guard reads the workbook), also allowed;
* held: messages with an open external recipient list (held), then the gateway's RSS (VmRSS and VmHWM).

Throughput = messages / (first send → last arrival at the sink). Latency: the SMTP transaction (MAIL → the 250
after DATA, what the MTA waits for) and end to end (send start → stored by the sink, a process of its own: what
the gateway adds to a message's trip). The store is SQLite (WAL, synchronous=FULL) on the local disk. CPU ms per
message (the gateway process and its guard workers, from /proc) is the figure that does not depend on how busy the
machine is; the sink's and this script's own CPU per message are reported too (they share the same cores).
``--profile PATH`` samples the gateway and its workers with py-spy (``pip install py-spy``; not a dependency) during
the 10 KB load, as folded stacks (``PYSPY_GIL=1``: only samples holding the GIL, i.e. Python CPU).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import smtplib
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks._common import machine  # noqa: E402

SENDER = "s.nakamura@ours.example"
LINE = "いつもお世話になっております。来週の打ち合わせの件でご連絡いたします。資料は共有フォルダにあります。\r\n"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def small_message(seq: int, to: list[str]) -> bytes:
    body = LINE * (10_000 // len(LINE.encode()))
    head = (
        f"From: 中村 三郎 <{SENDER}>\r\nTo: {', '.join(to)}\r\nSubject: bench {seq}\r\nX-Bench-Seq: {seq}\r\n"
        f"Message-ID: <bench-{seq}@ours.example>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return (head + body).encode()


def xlsx_bytes(target: int) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["品番", "品名", "数量", "単価", "備考"])
    i = 0
    while True:
        for _ in range(200):
            i += 1
            ws.append([f"A-{i:06d}", f"部品{i % 977}型", i % 50, (i * 37) % 10000, f"ロット{i % 13}"])
        buf = io.BytesIO()
        wb.save(buf)
        if len(buf.getvalue()) >= target:
            return buf.getvalue()


def large_message(seq: int, to: list[str], xlsx: bytes) -> bytes:
    from email.message import EmailMessage
    from email.policy import SMTP

    m = EmailMessage(policy=SMTP)
    m["From"] = f"中村 三郎 <{SENDER}>"
    m["To"] = ", ".join(to)
    m["Subject"] = f"bench {seq}"
    m["X-Bench-Seq"] = str(seq)
    m.set_content(LINE * 20, cte="8bit")
    m.add_attachment(xlsx, maintype="application",
                     subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="parts.xlsx")
    return m.as_bytes()


def write_config(folder: Path, port: int, hop: int) -> Path:
    text = f"""[organization]
internal_domains = ["ours.example"]
[store]
data_dir = "var"
[gateway]
listen = "127.0.0.1:{port}"
next_hop = "127.0.0.1:{hop}"
max_message_size = 20000000
notify_sender = false
retry_seconds = [1]
"""
    path = folder / "mamori.toml"
    path.write_text(text, encoding="utf-8")
    return path


def rss(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS", "VmHWM")):
            k, v = line.split(":")
            out[k] = int(v.split()[0]) // 1024
    return out


def children_rss_mb(pid: int) -> int:
    """VmRSS of the gateway's guard worker processes (its children), summed."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                total += rss(int(stat.parent.name)).get("VmRSS", 0)
        except (OSError, ValueError, IndexError):
            continue
    return total


def cpu_seconds(pid: int) -> dict[str, float]:
    """CPU time (user + system) used so far by the gateway process and by its guard workers."""
    tick = os.sysconf("SC_CLK_TCK")

    def of(stat: Path) -> tuple[int, float]:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return int(fields[1]), (int(fields[11]) + int(fields[12])) / tick

    main = of(Path(f"/proc/{pid}/stat"))[1]
    workers = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid, t = of(stat)
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            workers += t
    return {"gateway": main, "guard_workers": workers}


def pct(values: list[float], p: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(p / 100 * len(v)))] if v else float("nan")


class SinkProcess:
    """The next hop in a process of its own (as Postfix would be), storing to a Maildir; arrivals read from disk."""

    def __init__(self, maildir: Path) -> None:
        self.port = free_port()
        self.maildir = maildir
        code = (
            "import asyncio, sys\n"
            "from mamori.gateway.sink import Sink\n"
            "async def main():\n"
            f"    s = Sink('127.0.0.1', {self.port}, {str(maildir)!r})\n"
            "    await s.start()\n"
            "    await asyncio.Event().wait()\n"
            "asyncio.run(main())\n"
        )
        self.proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)
        for _ in range(300):
            try:
                with smtplib.SMTP("127.0.0.1", self.port, timeout=5) as c:
                    c.noop()
                break
            except OSError:
                time.sleep(0.1)
        self.seen: set[str] = set()

    def new_arrivals(self) -> list[tuple[bytes, float]]:
        out = []
        for p in (self.maildir / "new").iterdir():
            if p.name in self.seen:
                continue
            self.seen.add(p.name)
            with open(p, "rb") as f:
                head = f.read(2000)
            out.append((head, p.stat().st_mtime))
        return out

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def other_cpu_seconds(sink: SinkProcess) -> dict[str, float]:
    """CPU time of the sink (the next hop's process) and of this benchmark process (its SMTP client threads)."""
    tick = os.sysconf("SC_CLK_TCK")
    fields = Path(f"/proc/{sink.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = os.times()
    return {"sink": (int(fields[11]) + int(fields[12])) / tick, "bench_clients": own.user + own.system}


def run_load(port: int, sink: SinkProcess, messages: list[tuple[int, bytes, list[str]]], clients: int,
             expect_delivery: bool = True, pid: int = 0) -> dict[str, float]:
    cpu0 = {**cpu_seconds(pid), **other_cpu_seconds(sink)} if pid else None
    start_times: dict[int, float] = {}
    ack_lat: list[float] = []
    lock = threading.Lock()
    errors: list[str] = []

    def client(items: list[tuple[int, bytes, list[str]]]) -> None:
        with smtplib.SMTP("127.0.0.1", port, timeout=300) as c:
            for seq, data, rcpts in items:
                t0 = time.time()
                try:
                    c.sendmail(SENDER, rcpts, data)
                except smtplib.SMTPException as exc:
                    errors.append(str(exc)[:200])
                    continue
                t1 = time.time()
                with lock:
                    start_times[seq] = t0
                    ack_lat.append(t1 - t0)

    arrived: list[tuple[bytes, float]] = []
    t_start = time.time()
    chunks = [messages[k::clients] for k in range(clients)]
    threads = [threading.Thread(target=client, args=(ch,)) for ch in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t_acked = time.time()
    want = len(start_times)
    if expect_delivery:
        end = time.time() + 600
        while len(arrived) < want and time.time() < end:
            arrived += sink.new_arrivals()
            time.sleep(0.2)
    e2e = []
    last = t_acked
    for head, at in arrived:
        for line in head.split(b"\n"):
            if line.startswith(b"X-Bench-Seq: "):
                seq = int(line[13:].strip())
                if seq in start_times:
                    e2e.append(at - start_times[seq])
                    last = max(last, at)
    total = (last if expect_delivery else t_acked) - t_start
    cpu: dict[str, float] = {}
    if cpu0 is not None and want:
        cpu1 = {**cpu_seconds(pid), **other_cpu_seconds(sink)}
        cpu = {f"cpu_ms_per_msg_{k}": round((cpu1[k] - cpu0[k]) / want * 1000, 2) for k in cpu1}
    return {
        **cpu,
        "messages": len(messages),
        "acknowledged": want,
        "delivered": len(arrived),
        "errors": len(errors),
        "seconds": round(total, 2),
        "msg_per_s": round(want / total, 1),
        "ack_p50_ms": round(pct(ack_lat, 50) * 1000, 1),
        "ack_p99_ms": round(pct(ack_lat, 99) * 1000, 1),
        "e2e_p50_ms": round(pct(e2e, 50) * 1000, 1) if e2e else None,
        "e2e_p99_ms": round(pct(e2e, 99) * 1000, 1) if e2e else None,
    }


def profiler(pid: int, path: str) -> subprocess.Popen:
    """py-spy sampling the gateway (and its guard worker subprocesses) until interrupted."""
    spy = Path(sys.executable).parent / "py-spy"
    gil = ["--gil"] if os.environ.get("PYSPY_GIL") else []  # only threads holding the GIL: Python CPU, not waits
    cmd = [str(spy), "record", "--pid", str(pid), "--subprocesses", "--format", "raw", "--rate", "200", *gil,
           "--output", path, "--nonblocking"]
    out = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=2000)
    ap.add_argument("--large", type=int, default=200)
    ap.add_argument("--held", type=int, default=10000)
    ap.add_argument("--clients", type=int, default=8, help="concurrent SMTP sessions (Postfix's maxproc)")
    ap.add_argument("--out", default=str(REPO / "bench-out" / "gateway_throughput.json"))
    ap.add_argument("--profile", metavar="PATH", default="",
                    help="sample the gateway and its guard workers with py-spy during the 10 KB load (py-spy must be"
                         " installed; not a project dependency) and write a folded-stack file to PATH")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mamori-gw-bench-"))
    sink = SinkProcess(tmp / "maildir")
    port = free_port()
    config = write_config(tmp, port, sink.port)
    proc = subprocess.Popen([sys.executable, "-m", "mamori.cli", "gateway", "--config", str(config)], cwd=REPO,
                            stderr=open(tmp / "gateway.log", "wb"))  # noqa: SIM115
    for _ in range(600):
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=5) as c:
                c.noop()
            break
        except OSError:
            time.sleep(0.1)
    results: dict[str, object] = {"machine": machine(), "clients": args.clients, "rss_start_mb": rss(proc.pid)}
    try:
        internal = ["a.suzuki@ours.example"]
        run_load(port, sink, [(i, small_message(i, internal), internal) for i in range(-50, 0)], args.clients)  # warm
        if args.small:
            msgs = [(i, small_message(i, internal), internal) for i in range(args.small)]
            spy = profiler(proc.pid, args.profile) if args.profile else None
            results["small_10kb"] = run_load(port, sink, msgs, args.clients, pid=proc.pid)
            if spy is not None:
                spy.send_signal(2)  # SIGINT: py-spy writes what it sampled
                spy.wait(60)
            results["small_10kb"]["size_bytes"] = len(msgs[0][1])
            print("10 KB:", json.dumps(results["small_10kb"]), flush=True)
        if args.large:
            xlsx = xlsx_bytes(150_000)
            msgs = [(100_000 + i, large_message(100_000 + i, internal, xlsx), internal) for i in range(args.large)]
            results["large_200kb_xlsx"] = run_load(port, sink, msgs, args.clients, pid=proc.pid)
            results["large_200kb_xlsx"]["size_bytes"] = len(msgs[0][1])
            print("200 KB xlsx:", json.dumps(results["large_200kb_xlsx"]), flush=True)
        results["rss_after_load_mb"] = rss(proc.pid)
        results["rss_after_load_mb"]["guard_workers_VmRSS"] = children_rss_mb(proc.pid)
        if args.held:
            open_list = [f"user{k}@cust{k % 3}.example" for k in range(6)]
            msgs = [(200_000 + i, small_message(200_000 + i, open_list), open_list) for i in range(args.held)]
            results["held"] = run_load(port, sink, msgs, args.clients, expect_delivery=False, pid=proc.pid)
            time.sleep(2)
            results["rss_with_held_mb"] = rss(proc.pid)
            results["rss_with_held_mb"]["guard_workers_VmRSS"] = children_rss_mb(proc.pid)
            db = tmp / "var" / "mamori.db"
            results["db_mb"] = round(sum(p.stat().st_size for p in db.parent.glob("mamori.db*")) / 2**20, 1)
            print("held:", json.dumps(results["held"]), "RSS", results["rss_with_held_mb"], flush=True)
    finally:
        proc.terminate()
        proc.wait(120)
        sink.stop()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
