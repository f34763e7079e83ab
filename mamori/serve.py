"""``mamori serve``: the web app and the SMTP gateway together in one process, on one asyncio loop.

With no ``--config`` it runs on the embedded demo (``mamori.demo``): the demo's mamori.toml, contacts and history
are copied into the data folder (default ``./var``) the first time, the store is SQLite in that folder, and the
gateway's next hop is a local sink that keeps every delivered message in ``var/delivered/`` (a Maildir). The
first start creates an administrator and prints the password once.
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from mamori.gateway.settings import GatewaySettings, load_gateway_settings
from mamori.store import Database
from mamori.web.settings import WebSettings, load_web_settings

DEMO_FILES = ("mamori.toml", "contacts.csv", "history.jsonl")
ADMIN_LOGIN = "admin@localhost"


def _hostport(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not port.isdigit():
        raise ValueError(f"expected HOST:PORT, not {value!r}")
    return host or "127.0.0.1", int(port)


def prepare_demo(data_dir: Path) -> Path:
    """Copy the demo configuration into ``data_dir`` unless a mamori.toml is already there; its path."""
    data_dir.mkdir(parents=True, exist_ok=True)
    config = data_dir / "mamori.toml"
    if not config.exists():
        for name in DEMO_FILES:
            with resources.as_file(resources.files("mamori.demo") / name) as src:
                shutil.copyfile(src, data_dir / name)
    return config


@dataclass
class Plan:
    """What ``serve`` will run: both settings, the database, and where the sink listens (None: no sink)."""

    gateway: GatewaySettings
    web: WebSettings
    db_url: str
    sink: tuple[str, int] | None
    maildir: Path


def plan(
    config: Path,
    *,
    sink: bool,
    web_listen: str | None = None,
    smtp_listen: str | None = None,
    next_hop: str | None = None,
) -> Plan:
    """Read both settings from one mamori.toml and apply the command-line overrides (ports for tests, say)."""
    gw = load_gateway_settings(config)
    web = load_web_settings(config)
    if smtp_listen:
        host, port = _hostport(smtp_listen)
        gw = replace(gw, listen_host=host, listen_port=port)
    if next_hop:
        host, port = _hostport(next_hop)
        gw = replace(gw, next_hop_host=host, next_hop_port=port)
    if web_listen:
        host, port = _hostport(web_listen)
        web = replace(web, host=host, port=port, base_url=f"http://{host}:{port}")
    gw = replace(gw, base_url=web.base_url, secret_key=web.secret_key)  # the notices link to this very web app
    maildir = gw.data_dir / "delivered"
    return Plan(gw, web, gw.store_url, (gw.next_hop_host, gw.next_hop_port) if sink else None, maildir)


async def run(p: Plan, db: Database, announce: Any) -> None:
    """Start the sink (if any), the gateway and the web app; run until SIGINT/SIGTERM; stop in reverse order."""
    import uvicorn

    from mamori.gateway.judging import reloader_for
    from mamori.gateway.service import Gateway, load_guard
    from mamori.gateway.sink import Sink
    from mamori.web.app import create_app, server_config

    guard = await asyncio.get_running_loop().run_in_executor(None, load_guard, p.gateway)
    sink = Sink(p.sink[0], p.sink[1], p.maildir) if p.sink else None
    if sink is not None:
        await sink.start()
    gateway = Gateway(p.gateway, db, guard=guard)
    # one guard for both, reloaded when mamori.toml or the contacts file is replaced (the administration pages)
    reloader = reloader_for(p.gateway, guard)
    gateway.judge.reloader = reloader
    await gateway.start()
    app = create_app(p.web, db, guard=guard)
    app.state.guard_reloader = reloader
    loop = asyncio.get_running_loop()
    app.state.on_release = lambda: loop.call_soon_threadsafe(gateway.wake)
    server = uvicorn.Server(server_config(app, p.web.host, p.web.port))  # no proxy-header rewriting
    try:
        web = asyncio.create_task(server.serve())  # handles SIGINT/SIGTERM itself and returns
        while not server.started and not web.done():
            await asyncio.sleep(0.05)
        if server.started:
            announce(gateway.port)
        await web
    finally:
        await gateway.stop()
        if sink is not None:
            await sink.stop()


def _serve_command() -> Any:
    import click

    @click.command("serve")
    @click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="mamori.toml ([organization], [guard], [store], [gateway], [web]). Default: the embedded demo.")
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("var"),
                  show_default=True, help="Where the demo config, SQLite database and delivered mail go (no --config).")
    @click.option("--sink/--no-sink", default=None,
                  help="Run a local sink as the next hop (default: on with the demo, off with --config).")
    @click.option("--web", "web_listen", metavar="HOST:PORT", help="Override [web] listen.")
    @click.option("--smtp", "smtp_listen", metavar="HOST:PORT", help="Override [gateway] listen.")
    @click.option("--next-hop", metavar="HOST:PORT", help="Override [gateway] next_hop (and where the sink listens).")
    @click.option("--log-format", type=click.Choice(["text", "json"]), default=None,
                  help="text (default) or json: one object per line, for a SIEM (also $MAMORI_LOG_FORMAT).")
    def serve_command(config: Path | None, data_dir: Path, sink: bool | None, web_listen: str | None,
                      smtp_listen: str | None, next_hop: str | None, log_format: str | None = None) -> None:
        """Run the web app and the SMTP gateway together; with no --config, on the embedded demo.

        Prints the URLs and, on the first start, the administrator's login and password. Ctrl-C stops it.
        """
        import logging
        import sys

        from mamori import log_format as logs
        from mamori.gateway.settings import SettingsError
        from mamori.store import StoreError
        from mamori.web.accounts import ensure_admin
        from mamori.web.settings import WebSettingsError

        try:
            logs.configure(logging.WARNING, logs.chosen(log_format))
        except ValueError as exc:
            click.echo(f"mamori serve: {exc}", err=True)
            sys.exit(2)
        demo = config is None
        path = prepare_demo(data_dir) if config is None else config
        try:
            p = plan(path, sink=demo if sink is None else sink, web_listen=web_listen, smtp_listen=smtp_listen,
                     next_hop=next_hop)
            db = Database(p.db_url)
            db.migrate()
            password = ensure_admin(db, ADMIN_LOGIN)
        except (SettingsError, WebSettingsError, StoreError, ValueError, OSError) as exc:
            click.echo(f"mamori serve: {exc}", err=True)
            sys.exit(2)

        def announce(smtp_port: int) -> None:
            g = p.gateway
            click.echo(f"mamori serve: config {path.resolve()}")
            click.echo(f"  web app      {p.web.base_url}/   (API docs {p.web.base_url}/docs)")
            click.echo(f"  SMTP gateway {g.listen_host}:{smtp_port}  ->  next hop {g.next_hop_host}:{g.next_hop_port}")
            if p.sink:
                click.echo(f"  local sink   delivered mail is kept in {p.maildir.resolve()}/new/")
            if password:
                click.echo(f"  first login  {ADMIN_LOGIN}  password: {password}   (shown once; change it in Users)")
            else:
                click.echo(f"  login        {ADMIN_LOGIN} (password set on the first start)")
            if demo:
                click.echo(f"  try it       swaks --server {g.listen_host}:{smtp_port} "
                           "--from h.nakamura@mamori-shoji.example --to yumi.sato@kitaguni-foods.example "
                           "--data @examples/serve/mail/3-same-surname.eml")
            click.echo("Ctrl-C stops both.", err=True)

        try:
            asyncio.run(run(p, db, announce))
        except OSError as exc:  # a port in use
            click.echo(f"mamori serve: {exc}", err=True)
            sys.exit(2)
        finally:
            db.dispose()

    return serve_command


serve_command = _serve_command()
