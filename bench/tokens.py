"""Signs access tokens for bench users with the bench server's key, so that load tests can act as
thousands of distinct users without logging each one in.
usage: python3 tokens.py KEY ROLE < ids > tokens   (one user id a line in, one token a line out)"""
import base64
import hashlib
import hmac
import json
import sys
import time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(key: bytes, user_id: str, role: str) -> str:
    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256"}).encode())
    payload = b64(json.dumps({"sub": user_id, "token_type": "access", "role": role,
                              "iat": now, "exp": now + 3600}).encode())
    signature = hmac.new(key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


if __name__ == "__main__":
    key, role = sys.argv[1].encode(), sys.argv[2]
    for line in sys.stdin:
        if line.strip():
            print(token(key, line.strip(), role))
