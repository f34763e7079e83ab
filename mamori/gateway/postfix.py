"""The Postfix lines that put the gateway in the after-queue content_filter "sandwich" (one source of truth).

docs/postfix.md shows ``main_cf()`` and ``master_cf()`` with the default ports; the real-Postfix test writes the
same lines (with its own ports) into a private Postfix instance, and a test checks that the document still
matches. Postfix → ``mamori`` transport (SMTP to the gateway) → gateway → re-injection smtpd on ``reinject`` with
``content_filter=`` empty (else mail loops) → normal delivery.
"""

from __future__ import annotations


def main_cf(gateway: str = "127.0.0.1:10025") -> str:
    host, _, port = gateway.rpartition(":")
    return f"""\
# mamori gateway: every message Postfix accepts goes through the gateway once
content_filter = mamori:[{host}]:{port}
# the gateway sees the original recipients (no virtual/canonical/always_bcc expansion before it)
receive_override_options = no_address_mappings
# UTF-8 addresses and headers pass through (the gateway announces SMTPUTF8)
smtputf8_enable = yes
"""


def master_cf(reinject: str = "127.0.0.1:10026", concurrency: int = 10) -> str:
    return f"""\
# mamori gateway: the transport to the gateway (held mail waits in the gateway, not in Postfix)
mamori    unix  -       -       n       -       {concurrency}      smtp
  -o syslog_name=postfix/mamori
  -o smtp_send_xforward_command=yes
  -o disable_mime_output_conversion=yes
  -o smtp_generic_maps=
  -o smtp_data_done_timeout=1200s
# re-injection: what the gateway delivers comes back here and is not filtered again
{reinject} inet  n       -       n       -       {concurrency}      smtpd
  -o syslog_name=postfix/reinject
  -o content_filter=
  -o receive_override_options=no_unknown_recipient_checks,no_header_body_checks,no_milters
  -o smtpd_helo_restrictions=
  -o smtpd_client_restrictions=
  -o smtpd_sender_restrictions=
  -o smtpd_relay_restrictions=
  -o smtpd_recipient_restrictions=permit_mynetworks,reject
  -o mynetworks=127.0.0.0/8
  -o smtpd_authorized_xforward_hosts=127.0.0.0/8
"""
