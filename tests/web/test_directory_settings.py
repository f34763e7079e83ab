"""[directory] settings: the password from a file or the environment (never the toml), errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from mamori.web.directory_settings import DirectorySettingsError, directory_settings_from

BASE = {"url": "ldap://dc1.example.co.jp", "base_dn": "ou=people,dc=example,dc=co,dc=jp"}


def test_password_file_env_and_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pw").write_text("s3cret\n", encoding="utf-8")
    s = directory_settings_from({"directory": {**BASE, "password_file": "pw",
                                               "roles": {"CN=Officers, OU=G,DC=x": "officer"}}}, tmp_path)
    assert s is not None and s.password == "s3cret" and s.roles == (("cn=officers,ou=g,dc=x", "officer"),)
    assert "s3cret" not in repr(s)
    monkeypatch.setenv("MAMORI_TEST_LDAP_PW", "from-env")
    s = directory_settings_from({"directory": {**BASE, "password_env": "MAMORI_TEST_LDAP_PW"}}, tmp_path)
    assert s is not None and s.password == "from-env" and s.group_base_dn == BASE["base_dn"]
    assert directory_settings_from({}, tmp_path) is None


@pytest.mark.parametrize(("extra", "names"), [
    ({"password": "x"}, "directory.password"),
    ({"url": "http://dc1"}, "directory.url"),
    ({"base_dn": ""}, "directory.base_dn"),
    ({"roles": {"cn=g": "boss"}}, "directory.roles"),
    ({"approvers": {"cn=g": "not-a-login"}}, "directory.approvers"),
    ({"attributes": {"phone": "tel"}}, "directory.attributes.phone"),
    ({"password_env": "MAMORI_TEST_UNSET_VARIABLE"}, "directory.password_env"),
    ({"password_file": "missing"}, "directory.password_file"),
    ({"start_tls": "yes"}, "directory.start_tls"),
])
def test_errors_name_the_key(tmp_path: Path, extra: dict, names: str) -> None:
    with pytest.raises(DirectorySettingsError, match=names.replace(".", r"\.")):
        directory_settings_from({"directory": {**BASE, **extra}}, tmp_path)
