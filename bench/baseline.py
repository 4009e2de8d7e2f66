#!/usr/bin/env python3
"""What `bingo check --format ndjson` does, written the straightforward way
with Python's standard library only (mailbox, email, re, tomllib, json).

    python3 bench/baseline.py MAILBOX.mbox > out.ndjson

It is the benchmark's yardstick, not a second implementation to maintain:
it does the same kinds of work honestly (read the mbox, decode every
message, turn HTML into text, strip the quote and the signature, find the
greeting and closing, detect the language, then check the six squares with
the word lists of `rules/*.toml`) and prints one JSON line per reply.
"""

import email
import email.policy
import html
import json
import mailbox
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fi", "en", "sv")


def phrase_regex(phrases):
    """Canned-phrase syntax: `*` ends a word with any inflection, `…` a short gap."""
    parts = []
    for phrase in phrases:
        pattern = re.escape(phrase).replace(r"\*", r"\w*").replace("…", r"(?:\W+\w+){0,4}?\W+")
        parts.append(pattern.replace(r"\ ", r"\s+"))
    if not parts:
        return None
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.IGNORECASE)


def words_regex(words):
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


class Pack:
    def __init__(self, lang):
        data = tomllib.loads((ROOT / "rules" / f"{lang}.toml").read_text(encoding="utf-8"))
        self.stopwords = set(data["detect"]["stopwords"])
        split = data["split"]
        self.greeting = re.compile(
            r"^\s*(?:" + "|".join(re.escape(g) for g in split["greetings"]) + r")\b[ \t]*(.*)$",
            re.IGNORECASE,
        )
        self.closing = re.compile(
            r"^\s*(?:" + "|".join(re.escape(c) for c in split["closings"]) + r")\b", re.IGNORECASE
        )
        self.generic_names = set(data["greeting"]["generic-names"])
        self.canned = phrase_regex(data["canned"]["phrases"])
        vague = data["vague"]
        endings = vague["case-endings"] + vague["possessives"] + vague["clitics"]
        self.vague = re.compile(
            r"\b(?:" + "|".join(re.escape(s) for s in vague["generic-stems"]) + r")"
            + (r"(?:" + "|".join(re.escape(e) for e in endings) + r")*" if endings else "")
            + r"\b",
            re.IGNORECASE,
        )
        formal = data["tone"]["formal-address"]
        self.formal = re.compile("|".join(f"(?:{p})" for p in formal)) if formal else None
        pw = data["password"]
        cues = "|".join(re.escape(c).replace(r"\*", r"\w*") for c in pw["cues"])
        copulas = "|".join(re.escape(c) for c in sorted(pw["copulas"], key=len, reverse=True))
        self.password = re.compile(rf"\b(?:{cues})\b\s*(?:{copulas})\s*(\S+)", re.IGNORECASE)
        self.not_passwords = set(pw["not-passwords"])
        q = data["questions"]
        self.question_words = words_regex(
            q["when"] + q["how-much"] + q["where"] + q["yes-no"] + q["other"] + q["indirect"]
        )
        self.ignore = set(q["ignore"])


PACKS = {lang: Pack(lang) for lang in LANGS}
WROTE = re.compile(
    r"^.*\b(?:wrote|kirjoitti|lähetti|skrev)\s*:\s*$|^-{2,}\s*(?:original message|alkuperäinen viesti"
    r"|ursprungligt meddelande)\s*-{2,}\s*$|^(?:From|Lähettäjä|Från):\s",
    re.IGNORECASE,
)
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)
BLOCK = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h\d)\b[^>]*>", re.IGNORECASE)
WORD = re.compile(r"\w+")
SENTENCE = re.compile(r"[^.!?\n]*\?")
REPLY_SUBJECT = re.compile(r"^\s*(?:re|vs|sv|aw|vast|ref|r|antw|odp)\s*:", re.IGNORECASE)


def html_to_text(markup):
    markup = BLOCK.sub("\n", markup)
    return html.unescape(TAG.sub("", markup))


def body_text(msg):
    try:
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        text = part.get_content()
        if part.get_content_subtype() == "html":
            text = html_to_text(text)
        return text.replace("\r\n", "\n")
    except Exception:  # broken MIME: whatever we can get
        payload = msg.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def split_reply(text):
    """(own text, customer's quoted text)."""
    lines = text.split("\n")
    own, quoted = [], []
    for i, line in enumerate(lines):
        if line.startswith(">") or WROTE.match(line):
            quoted = [re.sub(r"^>+ ?", "", q) for q in lines[i + 1 :] if q.strip() or q.startswith(">")]
            break
        if line.rstrip() == "--":
            break
        own.append(line)
    while own and not own[-1].strip():
        own.pop()
    return "\n".join(own), "\n".join(quoted)


def detect(text):
    words = [w.lower() for w in WORD.findall(text)]
    best, hits = None, 1
    for lang, pack in PACKS.items():
        n = sum(1 for w in words if w in pack.stopwords)
        if n > hits:
            best, hits = lang, n
    return best


def check(msg, text):
    own, customer = split_reply(text)
    lang = detect(own) or detect(customer)
    if lang is None:
        return None, []
    pack = PACKS[lang]
    findings = []
    lines = [line for line in own.split("\n") if line.strip()]
    greeting = pack.greeting.match(lines[0]) if lines else None
    if not greeting:
        findings.append("no-greeting")
    else:
        name = greeting.group(1).strip(" ,!.")
        if not name or name.lower() in pack.generic_names or not name[:1].isupper():
            findings.append("nameless-greeting")
    if pack.canned and pack.canned.search(own):
        findings.append("canned-phrase")
    if pack.vague.search(own):
        findings.append("vague-wording")
    if pack.formal and customer and bool(pack.formal.search(own)) != bool(pack.formal.search(customer)):
        findings.append("tone-mismatch")
    for match in pack.password.finditer(own):
        if match.group(1).lower().strip(".,") not in pack.not_passwords:
            findings.append("plaintext-password")
            break
    own_words = {w.lower() for w in WORD.findall(own)}
    for question in SENTENCE.findall(customer):
        if pack.question_words and not pack.question_words.search(question):
            continue
        content = {w.lower() for w in WORD.findall(question) if len(w) > 3} - pack.ignore
        if content and not content & own_words:
            findings.append("unanswered-question")
            break
    return lang, findings


def is_reply(msg, text):
    return bool(
        msg["In-Reply-To"]
        or msg["References"]
        or REPLY_SUBJECT.match(str(msg["Subject"] or ""))
        or "\n>" in text
    )


def main():
    box = mailbox.mbox(
        sys.argv[1], factory=lambda f: email.message_from_binary_file(f, policy=email.policy.default)
    )
    out = sys.stdout
    for index, msg in enumerate(box):
        try:
            text = body_text(msg)
            if not is_reply(msg, text):
                continue
            lang, findings = check(msg, text)
            subject = str(msg["Subject"] or "")
        except Exception as err:  # one bad message never stops the run
            print(f"{sys.argv[1]}: message {index}: {err}", file=sys.stderr)
            continue
        out.write(
            json.dumps(
                {"index": index, "subject": subject, "language": lang, "findings": findings,
                 "score": len(set(findings))},
                ensure_ascii=False,
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
