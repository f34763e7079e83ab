"""The web app: confirmation pages for held mail, the approver queue, audit log, dashboard and accounts.

>>> from mamori.web.app import create_app
>>> app = create_app(load_web_settings("mamori.toml"), db)
"""
