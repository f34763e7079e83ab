"""The gateway's settings from mamori.toml: [gateway], [store], [guard] paths and [web] base_url; errors name the key.

```toml
[gateway]
listen = "127.0.0.1:10025"          # where the MTA's content_filter connects
next_hop = "127.0.0.1:10026"        # where accepted mail is re-injected (Postfix's second smtpd, a smarthost)
hostname = "mamori.localdomain"     # EHLO/banner name (default: the machine's FQDN)
instance = ""                       # this gateway's name among those sharing one database (default: host:port)
lease_seconds = 600                 # a claimed message is this gateway's for this long, then any gateway's
max_message_size = 10240000         # SIZE announced and enforced (bytes); match Postfix message_size_limit
tls_cert = ""                       # PEM files: STARTTLS on the listener when both are set
tls_key = ""
allowed_clients = ["127.0.0.0/8", "::1"]   # who may connect (IP networks); others get 554 5.7.1 (default: loopback)
require_tls = false                 # refuse MAIL before STARTTLS (530 5.7.0); needs tls_cert/tls_key
auth = "off"                        # SMTP AUTH (PLAIN, LOGIN; only after STARTTLS): off | optional | required
auth_max_failures = 5               # failed AUTHs a client address may make in a minute, then 454 for a minute
auth_max_account_failures = 20      # failed AUTHs for one account from any address in a minute, then 454; 0 = no limit
smtps_listen = ""                   # a second listener with implicit TLS (SMTPS, port 465); needs tls_cert/tls_key
max_hops = 30                       # a message with more Received: lines is refused (554 5.4.6, a routing loop)
next_hop_starttls = false           # use STARTTLS towards the next hop
next_hop_tls_verify = true          # verify the next hop's certificate (next_hop_ca: a PEM bundle)
next_hop_ca = ""
confirm_mode = "confirm"            # confirm: wait for the sender; delay: send after delay_minutes unless cancelled
delay_minutes = 5
confirm_expiry_hours = 72           # a waiting message (confirm mode) expires after this
hold_expiry_hours = 72              # a held message expires after this
expire_action = "cancel"            # cancel | release
release_mode = "self"               # default for held mail: self (the sender may release) | approval
bcc_open_lists = "ask"              # never | auto (To/Cc become Bcc, that reason dropped) | ask (the sender chooses)
malformed = "hold"                  # a message that cannot be read (no From...): hold | pass
notify_sender = true                # mail the sender a notice with the confirmation link
notify_on_expiry = true             # mail the envelope sender when a waiting/held message expires (cancel or release)
notify_approvers = true             # mail the approvers when a message needs approval (with their own decision link)
notice_from = "mamori@localhost"    # From of notices and bounces (envelope sender is always <>)
retry_seconds = [60, 300, 900, 1800, 3600]   # backoff on 4xx / connection errors (the last one repeats)
bounce_after_hours = 120            # give up (bounce to the sender) after this long
delivery_concurrency = 4            # parallel SMTP sessions to the next hop
judge_workers = 2                   # guard processes (CPU-bound); 0 = a thread of the gateway process
history_refresh_seconds = 2         # delivered mail becomes sending history ("first time") within this long
judge_timeout_seconds = 120         # a message the guard has not judged by then is held unread (guard_error)
retention_content_days = 30         # finished mail's bytes (body, attachments) are deleted after this; 0 = never
retention_message_days = 0          # finished mail's rows (metadata) too; 0 = never (else >= the content days)
[gateway.release_modes]             # per reason code: self | approval
bulk_pii = "approval"
# sender_mismatch = "approval"      # the default (DEFAULT_RELEASE_MODES); "self" lowers it
[organization]
timezone = "Asia/Tokyo"             # the zone of the notices' times (shown with its name: 2026-12-07 10:00 JST)
[web]
base_url = "https://mamori.example" # the notices' links point here
secret_key = "..."                  # signs the decision links (default: DATA_DIR/secret_key, shared with the web app)
approval_webhook = ""               # optional http(s) URL: a JSON POST when a message needs approval
```
"""

from __future__ import annotations

import ipaddress
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from mamori.gateway.instance import valid_name
from mamori.guard.policy import CODES
from mamori.store.command import resolve_store_url
from mamori.timefmt import TimezoneError, zone, zone_of

# reason codes the gateway adds itself
GATEWAY_CODES = ("malformed_message", "guard_error", "malformed_address")
# who may submit when [gateway] allowed_clients is not set: the loopback only (the MTA on the same host)
DEFAULT_ALLOWED_CLIENTS = ("127.0.0.0/8", "::1")
# Received: lines a message may carry on arrival (more: a routing loop). Exim's received_headers_max is 30 and
# sendmail's MaxHopCount 25; Postfix's hopcount_limit is 50. 30 leaves room for the cloud's own hops (Exchange
# Online adds 5-10) and stops a loop well before a Postfix behind or in front of the gateway would bounce it.
DEFAULT_MAX_HOPS = 30
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# release modes that hold whatever ``release_mode`` says, unless [gateway.release_modes] names the code: a From that
# is not the submitter is never released by that submitter alone (four eyes)
DEFAULT_RELEASE_MODES = {"sender_mismatch": "approval"}


class SettingsError(ValueError):
    """A [gateway]/[store]/[guard] value that cannot be used; the message names the key."""


@dataclass(frozen=True)
class GatewaySettings:
    config_path: Path | None = None  # mamori.toml (also the guard's policy); None in tests building by hand
    listen_host: str = "127.0.0.1"
    listen_port: int = 10025
    next_hop_host: str = "127.0.0.1"
    next_hop_port: int = 10026
    hostname: str = ""
    instance: str = ""  # "" = <host name>:<listen port> (instance.default_name)
    lease_seconds: float = 600.0
    max_message_size: int = 10_240_000
    tls_cert: Path | None = None
    tls_key: Path | None = None
    allowed_clients: tuple[Network, ...] = tuple(ipaddress.ip_network(n) for n in DEFAULT_ALLOWED_CLIENTS)
    require_tls: bool = False
    auth: str = "off"  # off | optional (allowed_clients need none) | required (every client must AUTH)
    auth_max_failures: int = 5  # per client address (an IPv6 one by its /64), counted in the store
    auth_max_account_failures: int = 20  # per account name from any address; 0 = no limit
    smtps_host: str = ""  # "" = no implicit-TLS listener
    smtps_port: int = 0
    max_hops: int = DEFAULT_MAX_HOPS
    next_hop_starttls: bool = False
    next_hop_tls_verify: bool = True
    next_hop_ca: Path | None = None
    confirm_mode: str = "confirm"
    delay_minutes: float = 5.0
    confirm_expiry_hours: float = 72.0
    hold_expiry_hours: float = 72.0
    expire_action: str = "cancel"
    release_mode: str = "self"
    release_modes: dict[str, str] = field(default_factory=dict)
    bcc_open_lists: str = "ask"
    malformed: str = "hold"
    notify_sender: bool = True
    notify_on_expiry: bool = True
    notice_from: str = "mamori@localhost"
    retry_seconds: tuple[float, ...] = (60, 300, 900, 1800, 3600)
    bounce_after_hours: float = 120.0
    delivery_concurrency: int = 4
    judge_workers: int = 2
    history_refresh_seconds: float = 2.0
    judge_timeout_seconds: float = 120.0  # judging longer than this: held as guard_error (the worker is replaced)
    retention_content_days: int = 30  # 0 = keep the bytes of finished mail forever
    retention_message_days: int = 0  # 0 = keep the rows of finished mail forever
    # [store]
    store_url: str = ""
    data_dir: Path = Path("var")
    # [guard]
    contacts: Path | None = None
    history: Path | None = None
    notify_approvers: bool = True
    # [web]
    base_url: str = "http://127.0.0.1:8025"
    secret_key: str = ""  # the web app's: signs decision links ("" = plain links to the message page)
    approval_webhook: str = ""
    # [organization] timezone: the zone of every time a notice shows
    timezone: tzinfo = field(default_factory=zone)

    def client_allowed(self, address: str) -> bool:
        """Whether a connection from ``address`` (the peer's IP) may submit mail (``allowed_clients``)."""
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped  # a dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d
        return any(ip in net for net in self.allowed_clients)

    def release_mode_for(self, code: str) -> str:
        return self.release_modes.get(code) or DEFAULT_RELEASE_MODES.get(code) or self.release_mode

    def confirm_link(self, message_id: str) -> str:
        return f"{self.base_url.rstrip('/')}/messages/{message_id}"

    def decision_link(self, message_id: str, login: str, purpose: str, expires_at: datetime | None,
                      now: datetime) -> str:
        """``login``'s signed, expiring, single-use link to decide on the message (``mamori.gateway.links``); the
        plain page link when no secret key is configured."""
        if not self.secret_key:
            return self.confirm_link(message_id)
        from mamori.gateway import links

        token = links.sign(self.secret_key, message_id=message_id, login=login, purpose=purpose,
                           expires_at=links.expiry_for(expires_at, now))
        return links.url(self.base_url, token)


def _hostport(value: Any, key: str) -> tuple[str, int]:
    if not isinstance(value, str) or ":" not in value:
        raise SettingsError(f"{key} must be \"host:port\", not {value!r}")
    host, _, port = value.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise SettingsError(f"{key}: port must be 1-65535, not {port!r}")
    return host, int(port)


def _choice(table: dict[str, Any], key: str, where: str, choices: tuple[str, ...], default: str) -> str:
    value = table.get(key, default)
    if value not in choices:
        raise SettingsError(f"{where}.{key} must be one of {', '.join(choices)}, not {value!r}")
    return value


def _number(table: dict[str, Any], key: str, where: str, default: float, *, minimum: float = 0) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise SettingsError(f"{where}.{key} must be a number >= {minimum:g}, not {value!r}")
    return float(value)


def _int(table: dict[str, Any], key: str, where: str, default: int, *, minimum: int = 1) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise SettingsError(f"{where}.{key} must be an integer >= {minimum}, not {value!r}")
    return value


def _bool(table: dict[str, Any], key: str, where: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise SettingsError(f"{where}.{key} must be true or false, not {value!r}")
    return value


def _str(table: dict[str, Any], key: str, where: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise SettingsError(f"{where}.{key} must be a string, not {value!r}")
    return value


def _path(table: dict[str, Any], key: str, where: str, base: Path) -> Path | None:
    value = _str(table, key, where, "")
    return (base / value) if value else None


def _networks(table: dict[str, Any], key: str, where: str, default: tuple[str, ...]) -> tuple[Network, ...]:
    value = table.get(key, list(default))
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{where}.{key} must be a list of IP addresses or networks, not {value!r}")
    out = []
    for v in value:
        try:
            out.append(ipaddress.ip_network(v.strip()))
        except ValueError as exc:
            raise SettingsError(f"{where}.{key}: {v!r} is not an IP address or network ({exc})") from exc
    if not out:
        raise SettingsError(f"{where}.{key} is empty: no client could submit mail")
    return tuple(out)


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise SettingsError(f"[{key}] must be a table")
    return value


def parse_gateway_settings(data: dict[str, Any], base: Path, config_path: Path | None = None) -> GatewaySettings:
    """Settings from parsed TOML; relative paths are taken from ``base`` (the toml file's folder)."""
    gw = _table(data, "gateway")
    store = _table(data, "store")
    guard = _table(data, "guard")
    web = _table(data, "web")
    w = "gateway"
    listen = _hostport(gw.get("listen", "127.0.0.1:10025"), "gateway.listen")
    next_hop = _hostport(gw.get("next_hop", "127.0.0.1:10026"), "gateway.next_hop")
    modes = gw.get("release_modes", {})
    if not isinstance(modes, dict):
        raise SettingsError("[gateway.release_modes] must be a table of reason code = \"self\" | \"approval\"")
    known = set(CODES) | set(GATEWAY_CODES)
    for code, mode in modes.items():
        if code not in known:
            raise SettingsError(f"gateway.release_modes.{code}: unknown reason code")
        if mode not in ("self", "approval"):
            raise SettingsError(f"gateway.release_modes.{code} must be \"self\" or \"approval\", not {mode!r}")
    retry = gw.get("retry_seconds", [60, 300, 900, 1800, 3600])
    if (
        not isinstance(retry, list)
        or not retry
        or not all(isinstance(v, int | float) and not isinstance(v, bool) and v > 0 for v in retry)
    ):
        raise SettingsError(f"gateway.retry_seconds must be a non-empty list of positive numbers, not {retry!r}")
    tls_cert = _path(gw, "tls_cert", w, base)
    tls_key = _path(gw, "tls_key", w, base)
    if (tls_cert is None) != (tls_key is None):
        raise SettingsError("gateway.tls_cert and gateway.tls_key must be given together")
    require_tls = _bool(gw, "require_tls", w, False)
    if require_tls and tls_cert is None:
        raise SettingsError("gateway.require_tls needs gateway.tls_cert and gateway.tls_key (the STARTTLS certificate)")
    auth = _choice(gw, "auth", w, ("off", "optional", "required"), "off")
    if auth != "off" and tls_cert is None:
        raise SettingsError("gateway.auth needs gateway.tls_cert and gateway.tls_key: AUTH is offered only after "
                            "STARTTLS, never in clear text")
    smtps_listen = _str(gw, "smtps_listen", w, "").strip()
    smtps = _hostport(smtps_listen, "gateway.smtps_listen") if smtps_listen else ("", 0)
    if smtps_listen and tls_cert is None:
        raise SettingsError("gateway.smtps_listen needs gateway.tls_cert and gateway.tls_key (implicit TLS)")
    if smtps_listen and smtps == listen:
        raise SettingsError("gateway.smtps_listen must differ from gateway.listen")
    data_dir = base / _str(store, "data_dir", "store", "var")
    _str(store, "url", "store", "")
    url = resolve_store_url(store, base)
    notice_from = _str(gw, "notice_from", w, "mamori@localhost")
    content_days = _int(gw, "retention_content_days", w, 30, minimum=0)
    message_days = _int(gw, "retention_message_days", w, 0, minimum=0)
    if message_days and content_days and message_days < content_days:
        raise SettingsError(
            f"gateway.retention_message_days must be 0 or at least retention_content_days ({content_days}), "
            f"not {message_days}: a message row takes its content with it"
        )
    instance = _str(gw, "instance", w, "").strip()
    if instance and not valid_name(instance):
        raise SettingsError(
            f"gateway.instance must be 1-128 letters, digits or . _ : @ - (starting with a letter or digit), "
            f"not {instance!r}"
        )
    webhook = _str(web, "approval_webhook", "web", "").strip()
    if webhook and not webhook.startswith(("http://", "https://")):
        raise SettingsError(f"web.approval_webhook must be an http:// or https:// URL, not {webhook!r}")
    if "@" not in notice_from:
        raise SettingsError(f"gateway.notice_from must be an address, not {notice_from!r}")
    return GatewaySettings(
        config_path=config_path,
        listen_host=listen[0],
        listen_port=listen[1],
        next_hop_host=next_hop[0],
        next_hop_port=next_hop[1],
        hostname=_str(gw, "hostname", w, ""),
        instance=instance,
        lease_seconds=_number(gw, "lease_seconds", w, 600, minimum=5),
        max_message_size=_int(gw, "max_message_size", w, 10_240_000, minimum=1024),
        tls_cert=tls_cert,
        tls_key=tls_key,
        allowed_clients=_networks(gw, "allowed_clients", w, DEFAULT_ALLOWED_CLIENTS),
        require_tls=require_tls,
        auth=auth,
        auth_max_failures=_int(gw, "auth_max_failures", w, 5),
        auth_max_account_failures=_int(gw, "auth_max_account_failures", w, 20, minimum=0),
        smtps_host=smtps[0],
        smtps_port=smtps[1],
        max_hops=_int(gw, "max_hops", w, DEFAULT_MAX_HOPS),
        next_hop_starttls=_bool(gw, "next_hop_starttls", w, False),
        next_hop_tls_verify=_bool(gw, "next_hop_tls_verify", w, True),
        next_hop_ca=_path(gw, "next_hop_ca", w, base),
        confirm_mode=_choice(gw, "confirm_mode", w, ("confirm", "delay"), "confirm"),
        delay_minutes=_number(gw, "delay_minutes", w, 5),
        confirm_expiry_hours=_number(gw, "confirm_expiry_hours", w, 72, minimum=0.0001),
        hold_expiry_hours=_number(gw, "hold_expiry_hours", w, 72, minimum=0.0001),
        expire_action=_choice(gw, "expire_action", w, ("cancel", "release"), "cancel"),
        release_mode=_choice(gw, "release_mode", w, ("self", "approval"), "self"),
        release_modes=dict(modes),
        bcc_open_lists=_choice(gw, "bcc_open_lists", w, ("never", "auto", "ask"), "ask"),
        malformed=_choice(gw, "malformed", w, ("hold", "pass"), "hold"),
        notify_sender=_bool(gw, "notify_sender", w, True),
        notify_on_expiry=_bool(gw, "notify_on_expiry", w, True),
        notice_from=notice_from,
        retry_seconds=tuple(float(v) for v in retry),
        bounce_after_hours=_number(gw, "bounce_after_hours", w, 120, minimum=0.0001),
        delivery_concurrency=_int(gw, "delivery_concurrency", w, 4),
        judge_workers=_int(gw, "judge_workers", w, 2, minimum=0),
        history_refresh_seconds=_number(gw, "history_refresh_seconds", w, 2.0),
        judge_timeout_seconds=_number(gw, "judge_timeout_seconds", w, 120, minimum=1),
        retention_content_days=content_days,
        retention_message_days=message_days,
        store_url=url,
        data_dir=data_dir,
        contacts=_path(guard, "contacts", "guard", base),
        history=_path(guard, "history", "guard", base),
        notify_approvers=_bool(gw, "notify_approvers", w, True),
        base_url=_str(web, "base_url", "web", "http://127.0.0.1:8025"),
        secret_key=_secret(web, data_dir),
        approval_webhook=webhook,
        timezone=_timezone(data),
    )


def _timezone(data: dict[str, Any]) -> tzinfo:
    try:
        return zone_of(data)
    except TimezoneError as exc:
        raise SettingsError(str(exc)) from exc


def _secret(web: dict[str, Any], data_dir: Path) -> str:
    """The web app's secret key: ``[web] secret_key``, else the one kept in DATA_DIR/secret_key (made once)."""
    from mamori.web.settings import secret_key_file

    value = _str(web, "secret_key", "web", "").strip()
    if value and len(value) < 16:
        raise SettingsError("web.secret_key must be at least 16 characters")
    try:
        return value or secret_key_file(data_dir.resolve())
    except OSError as exc:
        raise SettingsError(f"cannot read or create the secret key in {data_dir}: {exc}") from exc


def load_gateway_settings(path: str | Path) -> GatewaySettings:
    """Read mamori.toml; a syntax error names the line, a bad value names its key."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read {path}: {exc}") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path} is not valid TOML: {exc}") from exc
    return parse_gateway_settings(data, path.resolve().parent, path.resolve())


# [gateway] settings a running gateway takes from a replaced mamori.toml (``Gateway.reload_settings``): how mail is
# judged into states, expiries, notices, retries and retention. The others (listener, TLS, next hop, store, instance,
# worker counts, lease) are read once at start: a change waits for the next restart.
LIVE_KEYS = (
    "confirm_mode", "delay_minutes", "confirm_expiry_hours", "hold_expiry_hours", "expire_action", "release_mode",
    "release_modes", "bcc_open_lists", "malformed", "notify_sender", "notify_on_expiry", "notify_approvers",
    "notice_from", "retry_seconds", "bounce_after_hours", "retention_content_days", "retention_message_days",
    "approval_webhook", "timezone",
)  # fmt: skip
_NOT_COMPARED = ("config_path", "secret_key", "base_url", "history_refresh_seconds")


def live_changes(old: GatewaySettings, new: GatewaySettings) -> tuple[dict[str, Any], list[str]]:
    """What differs between two readings of the same mamori.toml: the live keys' new values, and the names of the
    keys that only a restart applies."""
    from dataclasses import fields

    live = {k: getattr(new, k) for k in LIVE_KEYS if getattr(old, k) != getattr(new, k)}
    restart = [f.name for f in fields(GatewaySettings)
               if f.name not in LIVE_KEYS and f.name not in _NOT_COMPARED
               and getattr(old, f.name) != getattr(new, f.name)]  # fmt: skip
    return live, restart
