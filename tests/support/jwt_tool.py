#!/usr/bin/python3
"""Tokens as another service sees them, for the tests: verify one with PyJWT through the
server's JWKS, or forge the tokens an attacker would try.

  jwt_tool.py verify BASE_URL TOKEN       prints the verified claims as JSON (exit 1: refused)
  jwt_tool.py forge KIND KEY_PEM KID      prints a forged token
"""
import base64
import hashlib
import hmac
import json
import sys
import time

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def segment(obj):
    return b64(json.dumps(obj, separators=(",", ":")).encode())


def verify(base_url, token):
    keys = jwt.PyJWKClient(base_url.rstrip("/") + "/.well-known/jwks.json")
    key = keys.get_signing_key_from_jwt(token)
    claims = jwt.decode(token, key.key, algorithms=["EdDSA"], audience="quantenergx-api",
                        issuer="quantenergx")
    print(json.dumps(claims))


def forge(kind, key_pem, kid):
    with open(key_pem, "rb") as f:
        private = serialization.load_pem_private_key(f.read(), password=None)
    now = int(time.time())
    claims = {"iss": "quantenergx", "aud": "quantenergx-api", "sub": "alice", "role": "admin",
              "gen": 0, "iat": now, "exp": now + 600, "jti": "forged"}
    header = {"alg": "EdDSA", "typ": "JWT", "kid": kid}
    if kind == "expired":
        claims.update(iat=now - 1200, exp=now - 300)
    elif kind == "audience":
        claims["aud"] = "another-service"
    elif kind == "future":  # issued after its key was retired
        claims.update(iat=now + 300, exp=now + 900)
    elif kind == "unknown_kid":
        private = Ed25519PrivateKey.generate()
        header["kid"] = "not-a-key-of-ours"
    elif kind == "jwk_header":  # the attacker's own key, carried in the token
        private = Ed25519PrivateKey.generate()
        raw = private.public_key().public_bytes(serialization.Encoding.Raw,
                                                serialization.PublicFormat.Raw)
        header["jwk"] = {"kty": "OKP", "crv": "Ed25519", "x": b64(raw)}
    signing_input = segment(header) + "." + segment(claims)
    if kind == "none":
        print(segment({"alg": "none", "typ": "JWT"}) + "." + segment(claims) + ".")
        return
    if kind == "hs256":  # the public key as an HMAC secret
        public_pem = private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        signing_input = segment({"alg": "HS256", "typ": "JWT", "kid": kid}) + "." + segment(claims)
        mac = hmac.new(public_pem, signing_input.encode(), hashlib.sha256).digest()
        print(signing_input + "." + b64(mac))
        return
    signature = private.sign(signing_input.encode())
    if kind == "bad_signature":
        signature = bytes([signature[0] ^ 1]) + signature[1:]
    print(signing_input + "." + b64(signature))


if __name__ == "__main__":
    try:
        if sys.argv[1] == "verify":
            verify(sys.argv[2], sys.argv[3])
        else:
            forge(sys.argv[2], sys.argv[3], sys.argv[4])
    except Exception as error:  # the test reads why
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
