"""The ID token checks on their own: signature, expiry, issuer, audience and nonce."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from sso.backends import LoginRefused, OIDCBackend

ISSUER = "https://login.gemeente.example/realms/medewerkers"
CLIENT_ID = "doe-agenda"


@pytest.fixture(scope="module")
def keys():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return private, public_pem


@pytest.fixture
def backend(settings, keys):
    settings.OIDC_ISSUER = ISSUER
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.OIDC_RP_IDP_SIGN_KEY = keys[1]
    return OIDCBackend()


def token(keys, **changes):
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "1234",
        "iat": now,
        "exp": now + 300,
        "nonce": "n-1",
    }
    claims.update(changes)
    claims = {key: value for key, value in claims.items() if value is not None}
    return jwt.encode(claims, keys[0], algorithm="RS256")


def refusal(backend, encoded, nonce="n-1") -> str:
    with pytest.raises(LoginRefused) as caught:
        backend.verify_token(encoded, nonce=nonce)
    assert caught.value.reason == "token"
    return caught.value.detail


def test_a_good_token_gives_its_claims(backend, keys):
    assert backend.verify_token(token(keys), nonce="n-1")["sub"] == "1234"


def test_an_expired_token_is_refused(backend, keys):
    an_hour_ago = int(time.time()) - 3600
    assert refusal(backend, token(keys, iat=an_hour_ago - 300, exp=an_hour_ago)) == (
        "ID token expired"
    )


def test_a_token_of_another_issuer_is_refused(backend, keys):
    detail = refusal(backend, token(keys, iss="https://login.elders.example"))
    assert detail == "ID token from another issuer"


def test_a_token_for_another_application_is_refused(backend, keys):
    detail = refusal(backend, token(keys, aud="een-andere-applicatie"))
    assert detail == "ID token for another audience"


def test_a_token_for_several_audiences_must_name_the_portal_as_authorised_party(backend, keys):
    both = [CLIENT_ID, "een-andere-applicatie"]
    assert refusal(backend, token(keys, aud=both, azp="een-andere-applicatie"))
    assert backend.verify_token(token(keys, aud=both, azp=CLIENT_ID), nonce="n-1")


def test_a_tampered_token_is_refused(backend, keys):
    header, payload, signature = token(keys).split(".")
    forged = jwt.encode({"sub": "admin"}, "x" * 32, algorithm="HS256").split(".")[1]
    assert "invalid" in refusal(backend, f"{header}.{forged}.{signature}").lower()


def test_a_token_signed_by_another_key_is_refused(backend):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    assert refusal(backend, token((other, None)))


def test_an_unsigned_token_is_refused(backend):
    unsigned = jwt.encode({"iss": ISSUER, "aud": CLIENT_ID, "sub": "1"}, None, algorithm="none")
    assert "algorithm" in refusal(backend, unsigned)


def test_a_token_with_another_nonce_is_refused(backend, keys):
    assert "Nonce" in refusal(backend, token(keys), nonce="een-andere")


def test_a_token_without_a_subject_is_refused(backend, keys):
    assert refusal(backend, token(keys, sub=None))


def test_no_token_at_all_is_refused(backend):
    assert refusal(backend, None) == "no ID token in the token response"
