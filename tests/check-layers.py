#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a layer includes a header of a layer above it, when the
GTK-free core includes GTK or libadwaita, or when a source file grows past
MAX_LINES (split it by concern, with a -private.h). The layers and what each may
use are listed in ARCHITECTURE.md; the build enforces the same through
include paths, this check names the offending line."""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')

# Layer → the layers it may include (besides itself).
ALLOWED = {
    'pdf': set(),
    'model': set(),
    'format': {'model'},
    'analysis': {'model'},
    'edit': {'format', 'model'},
    'draw': {'analysis', 'pdf', 'model'},
    'output': {'draw', 'format', 'analysis', 'pdf', 'model'},
    'cli': {'output', 'draw', 'edit', 'format', 'analysis', 'pdf', 'model'},
    'widgets': {'output', 'draw', 'edit', 'format', 'analysis', 'pdf', 'model'},
    'main': {'app', 'cli', 'widgets', 'output', 'draw', 'edit', 'format', 'analysis', 'pdf', 'model'},
    'app': {'widgets', 'output', 'draw', 'edit', 'format', 'analysis', 'pdf', 'model'},
}
CORE = {'pdf', 'model', 'format', 'analysis', 'edit', 'draw', 'output', 'cli'}
GTK_HEADER = re.compile(r'#\s*include\s*<(gtk/|gdk/|adwaita\.h|gsk/)')
LOCAL_HEADER = re.compile(r'#\s*include\s*"([^"]+)"')
# Generated headers, by the layer that generates them.
MAX_LINES = 1500
GENERATED = {'config.h': None, 'tp-resources.h': 'app'}


def layer_of(path):
    rel = os.path.relpath(path, ROOT).split(os.sep)
    if rel[:2] == ['app', 'core'] and len(rel) > 3:
        return rel[2]
    if rel[:2] == ['app', 'cli']:
        return 'cli'
    if rel[0] == 'widgets':
        return 'widgets'
    if rel == ['app', 'main.c']:
        return 'main'
    if rel[0] == 'app' and len(rel) == 2:
        return 'app'
    return None


def sources():
    for top in ('app', 'widgets'):
        for folder, _, names in os.walk(os.path.join(ROOT, top)):
            for name in sorted(names):
                if name.endswith(('.c', '.h')):
                    yield os.path.join(folder, name)


owner = dict(GENERATED)
files = list(sources())
for path in files:
    layer = layer_of(path)
    if layer is not None and path.endswith('.h'):
        name = os.path.basename(path)
        if name in owner and owner[name] != layer:
            print(f'{name} is in two layers: {owner[name]} and {layer}')
            sys.exit(1)
        owner[name] = layer

problems = []
checked = 0
for path in files:
    layer = layer_of(path)
    if layer is None:
        problems.append(f'{os.path.relpath(path, ROOT)}: in no layer')
        continue
    with open(path, encoding='utf-8') as handle:
        lines = handle.readlines()
    if len(lines) > MAX_LINES:
        problems.append(f'{os.path.relpath(path, ROOT)}: {len(lines)} lines, more than {MAX_LINES}')
    for number, line in enumerate(lines, 1):
        where = f'{os.path.relpath(path, ROOT)}:{number}'
        if layer in CORE and GTK_HEADER.search(line):
            problems.append(f'{where}: the GTK-free layer {layer} includes GTK: {line.strip()}')
        match = LOCAL_HEADER.search(line)
        if not match:
            continue
        checked += 1
        name = os.path.basename(match.group(1))
        if name not in owner:
            problems.append(f'{where}: includes "{name}", which belongs to no layer')
            continue
        target = owner[name]
        if target is None or target == layer or target in ALLOWED[layer]:
            continue
        problems.append(f'{where}: layer {layer} includes "{name}" of layer {target}')

for problem in problems:
    print(problem)
print(f'{checked} includes in {len(files)} files checked, {len(problems)} problems')
sys.exit(1 if problems or checked == 0 else 0)
