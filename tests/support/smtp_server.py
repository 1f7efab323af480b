#!/usr/bin/python3
"""A real SMTP server for CredVault's tests: Debian's aiosmtpd with STARTTLS (required),
AUTH LOGIN/PLAIN against one user, and the Mailbox handler delivering into a Maildir.

    /usr/bin/python3 smtp_server.py --maildir DIR --cert CHAIN.pem --key KEY.pem \
        --user USER --password PASS [--no-auth] [--delay SECONDS]

--delay makes it a slow mail server: it delivers each message at once, then waits that
long before it answers the client (the "250" after the data).

Prints "listening on PORT" once ready and serves until SIGTERM.
"""
import argparse
import asyncio
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--maildir", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--user", default="credvault")
    p.add_argument("--password", default="")
    p.add_argument("--no-auth", action="store_true")
    p.add_argument("--delay", type=float, default=0.0)
    a = p.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(a.cert, a.key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == a.user.encode()
              and auth_data.password == a.password.encode())
        return AuthResult(success=ok, handled=False)

    # A free port, chosen here: the Controller checks readiness by connecting to it.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]

    class SlowMailbox(Mailbox):
        async def handle_DATA(self, server, session, envelope):
            answer = await super().handle_DATA(server, session, envelope)
            await asyncio.sleep(a.delay)
            return answer

    controller = Controller(
        SlowMailbox(a.maildir) if a.delay > 0 else Mailbox(a.maildir), hostname="127.0.0.1", port=port,
        tls_context=context, require_starttls=True,
        authenticator=None if a.no_auth else authenticate,
        auth_required=not a.no_auth, auth_require_tls=True)
    controller.start()
    print(f"listening on {port}", flush=True)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    done.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
