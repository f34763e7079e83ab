"""The SMTP gateway: a content filter between the MTA and the next hop that holds, delays or passes mail.

Mail is judged by the guard, written to the durable queue (``mamori.store.mail``) before the gateway answers 250,
and delivered to the next hop with retries. People act on queued mail through ``hold_queue``.
"""
