#!/usr/bin/env python3
"""Derives resources/math/unicode-math-symbols.tsv from the unicode-math package.

Paperboy shows TeX math in titles and abstracts as text. The symbol names come from LaTeX's
own Unicode math table, unicode-math-table.tex, plus the aliases unicode-math.sty defines
(\\le, \\to, \\neq, ...), plus the plain LaTeX names of Greek letters, which unicode-math
spells with a style prefix (\\mupalpha). Run by hand when the table changes; the output is
committed, so building Paperboy never needs TeX.

    apt-get download texlive-latex-recommended
    dpkg-deb -x texlive-latex-recommended_*.deb /tmp/tl
    resources/math/generate-symbols.py /tmp/tl/usr/share/texlive/texmf-dist/tex/latex/unicode-math \\
        "texlive-latex-recommended 2022.20230122-3" > resources/math/unicode-math-symbols.tsv

(An installed TeX Live has the same folder under /usr/share/texlive/texmf-dist.)
"""
import hashlib
import os
import re
import sys

folder, package = sys.argv[1], sys.argv[2]
table_path = os.path.join(folder, 'unicode-math-table.tex')
sty_path = os.path.join(folder, 'unicode-math-xetex.sty')
table_bytes = open(table_path, 'rb').read()
version = re.search(r'\{(\d{4}/\d\d/\d\d)\}\s*\{([0-9.a-z]+)\}',
                    open(os.path.join(folder, 'unicode-math.sty'), encoding='utf-8').read())

symbols = {}  # name -> (code point, class)
order = []
entry = re.compile(r'\\UnicodeMathSymbol\{"([0-9A-F]+)\}\{\\(\w+)\s*\}\{\\(\w+)\}')
for line in table_bytes.decode('utf-8').splitlines():
    m = entry.match(line)
    if not m:
        continue
    code, name, cls = int(m.group(1), 16), m.group(2), m.group(3)
    if name not in symbols:
        symbols[name] = (code, cls)
        order.append(name)

aliases = {}  # alias -> target name, in the order they are found
def alias(name, target, why):
    if name in symbols or name in aliases:
        return
    if target not in symbols:
        sys.exit(f'{why}: \\{name} -> \\{target}, which the table lacks')
    aliases[name] = target

# unicode-math.sty: \protected\def\le{\leq}, \cs_set_protected:Npn \cdots {\mathinner{\unicodecdots}}
sty = open(sty_path, encoding='utf-8').read()
for m in re.finditer(r'\\protected\\def\\(\w+)\s*\{\\(\w+)\}', sty):
    if m.group(2) in symbols:
        alias(m.group(1), m.group(2), 'unicode-math.sty')
for m in re.finditer(r'\\cs_set_protected:Npn\s*\\(\w+)\s*\{\\mathinner\{\\(\w+)\}\}', sty):
    alias(m.group(1), m.group(2), 'unicode-math.sty')

# Greek letters: unicode-math names the upright ones \mupalpha ... \mupOmega; LaTeX documents
# write \alpha ... \Omega (and \varepsilon, \vartheta, ...).
for name in order:
    code, cls = symbols[name]
    if name.startswith('mup') and (0x0391 <= code <= 0x03F5):
        alias(name[3:], name, 'Greek')
for name in ('Digamma', 'digamma'):
    alias(name, 'up' + name, 'Greek')

# LaTeX kernel and amsmath names that unicode-math leaves to them.
for name, target in (('ldots', 'unicodeellipsis'), ('dots', 'unicodeellipsis'),
                     ('dotsc', 'unicodeellipsis'), ('dotsb', 'unicodecdots'),
                     ('dotsm', 'unicodecdots'), ('dotso', 'unicodeellipsis'),
                     ('mathellipsis', 'unicodeellipsis'), ('colon', 'mathcolon'),
                     ('lvert', 'vert'), ('rvert', 'vert'), ('lVert', 'Vert'), ('rVert', 'Vert'),
                     ('implies', 'Longrightarrow'), ('impliedby', 'Longleftarrow'),
                     ('iff', 'Longleftrightarrow'), ('lbrack', 'lbrack'), ('rbrack', 'rbrack'),
                     ('textbackslash', 'backslash'), ('vdash', 'vdash')):
    alias(name, target, 'LaTeX')

out = sys.stdout
out.write('# Derived from unicode-math-table.tex and unicode-math.sty (unicode-math %s %s,\n'
          % (version.group(2), version.group(1)))
out.write('# as shipped in the Debian package %s) by generate-symbols.py.\n' % package)
out.write('# unicode-math-table.tex sha256 %s\n' % hashlib.sha256(table_bytes).hexdigest())
out.write('# unicode-math: Copyright 2006-2018 Will Robertson, 2010-2017 Philipp Stephani,\n')
out.write('# 2011-2017 Joseph Wright, 2012-2015 Khaled Hosny; LaTeX Project Public License 1.3c\n')
out.write('# or later (http://www.latex-project.org/lppl/). See README.md beside this file.\n')
out.write('# Columns: TeX name without backslash, code point (hex), unicode-math class;\n')
out.write('# rows after the table\'s own are aliases (class "=" and the name they stand for).\n')
for name in order:
    code, cls = symbols[name]
    out.write('%s\t%X\t%s\n' % (name, code, cls))
for name, target in aliases.items():
    out.write('%s\t=\t%s\n' % (name, target))
