#!/usr/bin/python3
"""A real SMTP server for the email channel's tests: Debian's aiosmtpd on loopback, with
STARTTLS required and AUTH PLAIN/LOGIN required after it, under a self-signed certificate made
at start for 127.0.0.1 (its PEM is written to DIR/cert.pem for the client to trust).

    fake_smtp.py DIR USER PASSWORD

Prints "PORT <n>" once it listens. Every message taken is written to DIR/mail-<n>.eml (the raw
message as received) with DIR/mail-<n>.json beside it (sender, recipients, the login used),
each renamed into place whole, so a reader never sees half of one.

A test steers it through DIR/mode, read at each command that can fail:
    ok               take everything (also when the file is absent)
    tempfail         451 to DATA: not taken, try again later
    reject-rcpt      550 to RCPT: no such mailbox, for good
    accept-then-hang take the message, write it, and never answer (the client times out)
    hang             never answer DATA, and take nothing
"""

import asyncio
import datetime
import ipaddress
import json
import os
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def make_certificate(directory):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path = os.path.join(directory, "cert.pem")
    key_path = os.path.join(directory, "key.pem")
    with open(key_path, "wb") as f:
        f.write(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    with open(cert_path + ".tmp", "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    os.rename(cert_path + ".tmp", cert_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    return context


class Handler:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    def mode(self):
        try:
            with open(os.path.join(self.directory, "mode")) as f:
                return f.read().strip() or "ok"
        except FileNotFoundError:
            return "ok"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode() == "reject-rcpt":
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        mode = self.mode()
        if mode == "tempfail":
            return "451 4.3.0 Temporary failure, try again later"
        if mode == "hang":
            await asyncio.sleep(3600)
        self.count += 1
        base = os.path.join(self.directory, "mail-%d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        with open(base + ".json.tmp", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "login": login}, f)
        os.rename(base + ".json.tmp", base + ".json")
        os.rename(base + ".eml.tmp", base + ".eml")
        if mode == "accept-then-hang":
            await asyncio.sleep(3600)
        return "250 2.0.0 Ok: queued as QX%06d" % self.count


def main():
    # aiosmtpd 1.4 warns of its own use of Session.login_data on every AUTH.
    warnings.simplefilter("ignore", DeprecationWarning)
    directory, user, password = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
    context = make_certificate(directory)
    handler = Handler(directory)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            user,
            password,
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    def factory():
        return SMTP(
            handler,
            hostname="fake-smtp.test",
            tls_context=context,
            require_starttls=True,
            authenticator=authenticate,
            auth_required=True,
        )

    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(factory, "127.0.0.1", 0))
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    loop.run_forever()


if __name__ == "__main__":
    main()
