#!/usr/bin/env python3
"""Sort and deduplicate the string lists of the language packs in place.

    scripts/sort-packs.py rules/*.toml

The pack test (`lists_are_sorted_lowercase_and_deduplicated`) wants every
list sorted by code point and free of duplicates; this rewrites each list
that is not, wrapped at 100 columns, and leaves comments and everything
else as it is. Lists of patterns are sorted like any other.
"""
import re
import sys

KEY = re.compile(r'^([A-Za-z0-9_-]+) = \[', re.M)


def scan_list(text, start):
    """Items and end offset of the list whose '[' is at text[start]."""
    items, i = [], start + 1
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            items.append(text[i:j + 1])
            i = j + 1
        elif c == ']':
            return items, i + 1
        elif c == '#':
            return None, None  # a list with comments inside: leave it
        else:
            i += 1
    return None, None


def value(item):
    return item[1:-1].encode().decode('unicode_escape').encode('latin-1').decode('utf-8')


def render(key, items):
    one = f'{key} = [{", ".join(items)}]'
    if len(one) <= 100:
        return one
    lines, cur = [], ' '
    for item in items:
        piece = f' {item},'
        if len(cur) + len(piece) > 100:
            lines.append(cur)
            cur = ' '
        cur += piece
    lines.append(cur)
    return f'{key} = [\n' + '\n'.join(lines) + '\n]'


def fix(text):
    out, pos = [], 0
    for m in KEY.finditer(text):
        if m.start() < pos:
            continue
        items, end = scan_list(text, m.end() - 1)
        if items is None:
            continue
        unique = sorted(set(items), key=value)
        if unique == items:
            continue
        out.append(text[pos:m.start()])
        out.append(render(m.group(1), unique))
        pos = end
    out.append(text[pos:])
    return ''.join(out)


for path in sys.argv[1:]:
    with open(path, encoding='utf-8') as f:
        text = f.read()
    fixed = fix(text)
    if fixed != text:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(fixed)
        print(f'sorted {path}')
