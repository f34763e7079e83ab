"""deploy/prometheus/mamori-alerts.yml: valid YAML of alerting rules that name only metrics mamori serves."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from mamori.store import Database
from mamori.web.app import create_app
from mamori.web.settings import WebSettings

RULES = Path(__file__).resolve().parents[2] / "deploy" / "prometheus" / "mamori-alerts.yml"


def test_every_rule_names_a_metric_mamori_serves(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'm.db'}")
    db.migrate()
    app = create_app(WebSettings(secret_key="test-secret-key-0123456789", data_dir=tmp_path), db, guard=None)
    with TestClient(app, client=("127.0.0.1", 40000)) as c:
        served = {s.name for f in text_string_to_metric_families(c.get("/metrics").text) for s in f.samples}
    db.dispose()
    rules = [r for g in yaml.safe_load(RULES.read_text(encoding="utf-8"))["groups"] for r in g["rules"]]
    assert len(rules) >= 5 and all({"alert", "expr", "annotations"} <= set(r) for r in rules)
    named = {m for r in rules for m in re.findall(r"\bmamori_[a-z_]+", str(r["expr"]))}
    assert named and named <= served, named - served
