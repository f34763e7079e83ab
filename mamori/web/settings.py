"""The web app's settings: the ``[web]`` section of mamori.toml (and ``[store] data_dir`` for the secret key).

Every key has a default, so ``[web]`` may be absent. Errors name the key (``web.listen: ...``).

    [web]
    listen = "127.0.0.1:8025"
    base_url = "http://127.0.0.1:8025"
    secret_key = "..."              # default: generated once into DATA_DIR/secret_key (mode 0600)
    session_hours = 12
    sso_header = "X-Remote-User"    # optional; "" (default) turns SSO off
    trusted_proxies = ["127.0.0.1"] # the reverse proxies: the only peers whose SSO header and X-Forwarded-For count
    lang = "ja"                     # "ja" or "en"
    login_max_failures = 5          # per login within login_window_minutes, then 429
    ip_max_failures = 20            # per client address within the window
    login_window_minutes = 15
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import tomllib
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any

from mamori.timefmt import TimezoneError, zone, zone_of

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class WebSettingsError(ValueError):
    """A [web] setting that cannot be used; the message names the key."""


@dataclass(frozen=True)
class WebSettings:
    secret_key: str
    host: str = "127.0.0.1"
    port: int = 8025
    base_url: str = "http://127.0.0.1:8025"
    session_hours: int = 12
    sso_header: str = ""
    trusted_proxies: tuple[Network, ...] = ()
    lang: str = "ja"
    login_max_failures: int = 5
    ip_max_failures: int = 20
    login_window_minutes: int = 15
    data_dir: Path = field(default_factory=lambda: Path("var"))
    config_path: Path | None = None  # the mamori.toml the guard sections are read from (None: no guard)
    timezone: tzinfo = field(default_factory=zone)  # [organization] timezone: the zone of every time shown

    @property
    def secure_cookies(self) -> bool:
        return self.base_url.startswith("https://")

    def proxy_trusted(self, address: str | None) -> bool:
        if not address or not self.trusted_proxies:
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in self.trusted_proxies)

    def forwarded_client(self, peer: str, forwarded_for: list[str]) -> str:
        """The client's address: ``peer`` (the TCP peer), or what a trusted proxy says in ``X-Forwarded-For``.

        Only a peer in ``trusted_proxies`` is believed; its list is read from the right (the hop that proxy saw)
        past every further trusted proxy, and the first address outside them is the client. An entry that is not
        an IP address stops the walk at the last trusted hop (nothing it says about earlier hops is believed).
        """
        if not forwarded_for or not self.proxy_trusted(peer):
            return peer
        hops = [h.strip() for value in forwarded_for for h in value.split(",")]
        client = peer
        for hop in reversed(hops):
            try:
                client = str(ipaddress.ip_address(hop))
            except ValueError:
                return client  # the last trusted hop: what came before it cannot be checked
            if not self.proxy_trusted(client):
                return client
        return client


def secret_key_file(data_dir: Path) -> str:
    """The key kept in ``data_dir/secret_key``, generated (mode 0600) the first time."""
    path = Path(data_dir) / "secret_key"
    if path.exists():
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key + "\n")
    os.chmod(path, 0o600)
    return key


def _int(web: dict[str, Any], key: str, default: int, low: int = 1) -> int:
    value = web.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise WebSettingsError(f"web.{key} must be an integer >= {low}, not {value!r}")
    return value


def _str(web: dict[str, Any], key: str, default: str) -> str:
    value = web.get(key, default)
    if not isinstance(value, str):
        raise WebSettingsError(f"web.{key} must be a string, not {value!r}")
    return value.strip()


def parse_listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise WebSettingsError(f"web.listen must be HOST:PORT, not {value!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


def web_settings_from(data: dict[str, Any], base: Path, config_path: Path | None = None) -> WebSettings:
    """Settings from parsed TOML; relative paths are relative to ``base`` (the folder of the toml file)."""
    web = data.get("web", {})
    store = data.get("store", {})
    if not isinstance(web, dict):
        raise WebSettingsError("[web] must be a table")
    if not isinstance(store, dict):
        raise WebSettingsError("[store] must be a table")
    data_dir_value = store.get("data_dir", "var")
    if not isinstance(data_dir_value, str):
        raise WebSettingsError(f"store.data_dir must be a string, not {data_dir_value!r}")
    data_dir = (base / data_dir_value).resolve()
    host, port = parse_listen(_str(web, "listen", "127.0.0.1:8025"))
    base_url = _str(web, "base_url", f"http://{host}:{port}").rstrip("/")
    if not base_url.startswith(("http://", "https://")):
        raise WebSettingsError(f"web.base_url must start with http:// or https://, not {base_url!r}")
    lang = _str(web, "lang", "ja")
    if lang not in ("ja", "en"):
        raise WebSettingsError(f"web.lang must be \"ja\" or \"en\", not {lang!r}")
    proxies = web.get("trusted_proxies", [])
    if not isinstance(proxies, list) or not all(isinstance(p, str) for p in proxies):
        raise WebSettingsError("web.trusted_proxies must be a list of addresses or networks")
    try:
        nets = tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies)
    except ValueError as exc:
        raise WebSettingsError(f"web.trusted_proxies: {exc}") from exc
    sso_header = _str(web, "sso_header", "")
    if sso_header and not nets:
        raise WebSettingsError("web.sso_header needs web.trusted_proxies (the reverse proxy's addresses)")
    secret = _str(web, "secret_key", "")
    if secret and len(secret) < 16:
        raise WebSettingsError("web.secret_key must be at least 16 characters")
    return WebSettings(
        secret_key=secret or secret_key_file(data_dir),
        host=host,
        port=port,
        base_url=base_url,
        session_hours=_int(web, "session_hours", 12),
        sso_header=sso_header,
        trusted_proxies=nets,
        lang=lang,
        login_max_failures=_int(web, "login_max_failures", 5),
        ip_max_failures=_int(web, "ip_max_failures", 20),
        login_window_minutes=_int(web, "login_window_minutes", 15),
        data_dir=data_dir,
        config_path=config_path,
        timezone=_timezone(data),
    )


def _timezone(data: dict[str, Any]) -> tzinfo:
    try:
        return zone_of(data)
    except TimezoneError as exc:
        raise WebSettingsError(str(exc)) from exc


def load_web_settings(path: str | Path | None) -> WebSettings:
    """Settings from a mamori.toml (``None``: every default, data_dir ``./var``)."""
    if path is None:
        return web_settings_from({}, Path.cwd())
    path = Path(path)
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise WebSettingsError(f"cannot read {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise WebSettingsError(f"{path} is not valid TOML: {exc}") from exc
    return web_settings_from(data, path.resolve().parent, path.resolve())
