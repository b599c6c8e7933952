"""A real OpenID Connect provider for the test session: panva's oidc-provider under node.

`oidc_provider` starts tests/oidc/provider.mjs once per run on a free loopback port and stops
it afterwards. Tests give the provider's people with `set_account` and register the portal as a
client with `register_client` (dynamic client registration).
"""

import json
import os
import selectors
import shutil
import subprocess
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
PROVIDER_SCRIPT = Path(__file__).resolve().parent / "provider.mjs"
START_TIMEOUT_SECONDS = 60


class ProviderHandle:
    def __init__(self, issuer: str, accounts_file: Path):
        self.issuer = issuer
        self.accounts_file = accounts_file

    def _accounts(self) -> dict:
        return json.loads(self.accounts_file.read_text())

    def set_account(self, sub: str, password: str, **claims):
        """Create or change a person at the provider; read again at their next login."""
        accounts = self._accounts()
        accounts[sub] = {"password": password, "claims": claims}
        self.accounts_file.write_text(json.dumps(accounts))

    def register_client(self, base_url: str) -> tuple[str, str]:
        """Register the portal at `base_url`; returns (client id, client secret)."""
        response = requests.post(
            f"{self.issuer}/reg",
            json={
                "redirect_uris": [f"{base_url}/sso/callback/"],
                "post_logout_redirect_uris": [f"{base_url}/sso/uitgelogd/"],
                "token_endpoint_auth_method": "client_secret_post",
                "client_name": "Doe-agenda portal (tests)",
            },
            timeout=10,
        )
        response.raise_for_status()
        body = response.json()
        return body["client_id"], body["client_secret"]


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (Node.js 18+ runs the test identity provider)")
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout
    if int(version.lstrip("v").split(".")[0] or 0) < 20:
        pytest.skip(f"the test identity provider needs Node.js 20 or later, not {version}")
    if not (ROOT / "node_modules" / "oidc-provider").is_dir():
        pytest.skip("node_modules/oidc-provider is missing: run `npm ci` (make setup)")
    accounts_file = tmp_path_factory.mktemp("oidc") / "accounts.json"
    accounts_file.write_text("{}")
    process = subprocess.Popen(
        [node, str(PROVIDER_SCRIPT)],
        cwd=ROOT,
        env={**os.environ, "OIDC_TEST_ACCOUNTS": str(accounts_file)},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=START_TIMEOUT_SECONDS):
            raise RuntimeError("the test identity provider did not start in time")
        line = process.stdout.readline()
        if not line:
            raise RuntimeError(f"the test identity provider stopped ({process.wait()})")
        yield ProviderHandle(json.loads(line)["issuer"], accounts_file)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
