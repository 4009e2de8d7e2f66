#!/usr/bin/env python3
"""Builds a large mbox for the benchmark, deterministically.

    python3 bench/gen_mbox.py OUT.mbox SIZE_MB [SEED]

The messages come from the repository's own fixtures (the demo mailboxes,
the labelled replies of `dev` and `holdout`, and the mail fixtures). Each written message gets its
own headers (Message-ID, date, order numbers in the subject and body) and a
body encoding taken in turn from: 8-bit plain text, quoted-printable,
base64, and multipart/alternative with a quoted-printable plain part and a
base64 HTML part. One reply in three answers the message written just
before it through In-Reply-To, so thread lookups are exercised too. The
same SIZE_MB and SEED always give the same bytes.
"""

import base64
import binascii
import email
import email.policy
import html
import mailbox
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_SETS = ("dev", "holdout")
NUMBER = re.compile(r"\b(?!(?:19|20)\d\d\b)\d{4,6}\b")


def source_messages():
    """(sender, recipient, subject, text) of every readable fixture message."""
    # The labelled sets the benchmark was first measured on: sets added
    # later would change the workload and break comparisons across runs.
    paths = [p for s in BENCH_SETS for p in sorted((ROOT / "fixtures" / "labelled" / s).rglob("*.eml"))]
    paths += sorted((ROOT / "fixtures" / "mail").rglob("*.eml"))
    paths += sorted((ROOT / "fixtures" / "replies").rglob("*.eml"))
    messages = []
    for path in paths:
        messages.append(email.message_from_bytes(path.read_bytes(), policy=email.policy.default))
    for path in sorted((ROOT / "fixtures" / "demo").glob("*.mbox")):
        for msg in mailbox.mbox(str(path)):
            messages.append(email.message_from_bytes(msg.as_bytes(), policy=email.policy.default))
    out = []
    for msg in messages:
        try:
            body = msg.get_body(preferencelist=("plain",))
            text = body.get_content() if body is not None else None
            sender, to, subject = str(msg["From"] or ""), str(msg["To"] or ""), str(msg["Subject"] or "")
        except Exception:  # a deliberately broken fixture
            continue
        if text and text.strip() and sender:
            out.append((sender, to, subject, text.replace("\r\n", "\n")))
    return out


def crlf_free(text):
    return text.replace("\r", "")


def as_html(text):
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>\n" for p in paragraphs)
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{body}</body></html>\n"


def b64(data):
    encoded = base64.b64encode(data).decode("ascii")
    return "\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76)) + "\n"


def qp(data):
    return binascii.b2a_qp(data).decode("ascii").replace("\r\n", "\n")


def encode_body(text, style, boundary):
    """Content headers and body of one message in the given style."""
    data = text.encode("utf-8")
    if style == 0:
        return "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n", text
    if style == 1:
        return (
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
            qp(data),
        )
    if style == 2:
        return "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n", b64(data)
    html_part = as_html(text).encode("utf-8")
    body = (
        f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n"
        f"Content-Transfer-Encoding: quoted-printable\n\n{qp(data)}\n"
        f"--{boundary}\nContent-Type: text/html; charset=utf-8\n"
        f"Content-Transfer-Encoding: base64\n\n{b64(html_part)}"
        f"--{boundary}--\n"
    )
    return f'Content-Type: multipart/alternative; boundary="{boundary}"\n', body


def escape_from(body):
    return re.sub(r"(?m)^(>*From )", r">\1", body)


def main():
    out_path, size_mb = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rng = random.Random(seed)
    sources = source_messages()
    if not sources:
        sys.exit("no fixture messages found")
    target = size_mb * 1024 * 1024
    # A pool of varied, encoded bodies; every written message still gets its
    # own headers. Cheaper than encoding a million bodies one by one.
    pool = []
    for i in range(4 * len(sources) * 3):
        sender, to, subject, text = sources[i % len(sources)]
        text = NUMBER.sub(lambda _: str(rng.randrange(10000, 99999)), text)
        headers, body = encode_body(text, i % 4, f"=_bingo_{i:06d}")
        pool.append((sender, to, subject, headers, escape_from(body)))
    written = 0
    previous_id = None
    n = 0
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        while written < target:
            sender, to, subject, content_headers, body = pool[rng.randrange(len(pool))]
            day, minute = 1 + n % 28, n % 1440
            message_id = f"<bench-{n:08d}@bench.example>"
            lines = [
                f"From bench@bench.example Mon Nov {day:2d} {minute // 60:02d}:{minute % 60:02d}:00 2026",
                f"From: {crlf_free(sender)}",
                f"To: {crlf_free(to)}",
                f"Subject: {crlf_free(subject)} #{rng.randrange(100000, 999999)}",
                f"Date: Mon, {day} Nov 2026 {minute // 60:02d}:{minute % 60:02d}:00 +0200",
                f"Message-ID: {message_id}",
            ]
            if previous_id and n % 3 == 0:
                lines.append(f"In-Reply-To: {previous_id}")
            lines.append("MIME-Version: 1.0")
            chunk = "\n".join(lines) + "\n" + content_headers + "\n" + body
            if not chunk.endswith("\n"):
                chunk += "\n"
            chunk += "\n"
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            previous_id = message_id
            n += 1
    print(f"{out_path}: {n} messages, {written / 1024 / 1024:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
