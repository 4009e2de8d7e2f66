#!/usr/bin/env python3
"""Per-source report of `bingo template` on the shared corpus of real templates.

    cargo build --release && scripts/template-corpus-report.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpus/templates (absent in a user's clone: the
script says so and exits 0). For each source folder (its MANIFEST files left out)
it prints the templates read, files skipped, errors, the score distribution,
findings per rule, the password placeholders found and the most common canned
phrases.
"""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BINGO = os.path.join(HERE, "..", "target", "release", "bingo")
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "corpus", "templates")
if not os.path.isdir(root):
    print(f"no corpus at {root}: nothing to report")
    sys.exit(0)

for source in sorted(os.listdir(root)):
    folder = os.path.join(root, source)
    if not os.path.isdir(folder):
        continue
    paths = [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if not f.startswith("MANIFEST")]
    run = subprocess.run([BINGO, "template", "--isolated", "--format", "json", *paths],
                         capture_output=True, text=True)
    report = json.loads(run.stdout)
    summary = report["summary"]
    rules, passwords, canned = collections.Counter(), collections.Counter(), collections.Counter()
    for message in report["messages"]:
        for finding in message["findings"]:
            rules[finding["rule"]] += 1
            if finding["rule"] == "plaintext-password":
                passwords[finding["excerpt"]] += 1
            if finding["rule"] == "canned-phrase":
                canned[finding["excerpt"].lower()] += 1
    print(f"{source}: {summary['messages']} templates, {summary.get('skipped', 0)} files skipped, "
          f"{len(report.get('errors', []))} errors, mean score {summary['mean_score']}, "
          f"scores 0..7 {summary['distribution']}")
    print(f"  findings: {dict(rules.most_common())}")
    print(f"  passwords: {dict(passwords.most_common(5))}")
    print(f"  canned: {dict(canned.most_common(5))}")
    for error in report.get("errors", [])[:5]:
        print(f"  error: {error}")
