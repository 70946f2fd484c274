#!/usr/bin/env python3
"""Validates every XML part of .xlsx files against the ECMA-376 transitional schemas (ISO/IEC 29500-4).

  /usr/bin/python3 scripts/validate-ooxml.py SCHEMAS FILE.xlsx ...

SCHEMAS holds ISO-IEC29500-4_2016/*.xsd (the transitional schemas of ECMA-376 Part 4) and
ecma/fouth-edition/opc-*.xsd (Part 2, packaging); they are not shipped with Kontorplan. Before a
part is validated, what markup compatibility lets a consumer ignore is removed: attributes and
elements in the namespaces a part lists in mc:Ignorable, mc:AlternateContent (its Fallback kept),
and xml:space, which Excel, LibreOffice and openpyxl all write on <t> though the schema omits it.
Parts with no schema here (VML, core and custom properties) are counted, not validated.
Needs python3-lxml; exit code 1 when a part is invalid.
"""
import sys, zipfile, os
from lxml import etree
S = os.path.join(sys.argv[1], '')
T = S + 'ISO-IEC29500-4_2016/'
MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
ROOTS = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': T + 'sml.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': T + 'dml-chart.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': T + 'dml-spreadsheetDrawing.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/main': T + 'dml-main.xsd',
  'http://schemas.openxmlformats.org/package/2006/relationships': S + 'ecma/fouth-edition/opc-relationships.xsd',
  'http://schemas.openxmlformats.org/package/2006/content-types': S + 'ecma/fouth-edition/opc-contentTypes.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': T + 'shared-documentPropertiesExtended.xsd',
}
cache = {}
def schema(path):
    if path not in cache: cache[path] = etree.XMLSchema(etree.parse(path))
    return cache[path]
KNOWN = set(ROOTS) | {MC, 'http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://www.w3.org/XML/1998/namespace',
  'http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/', 'http://purl.org/dc/dcmitype/', 'http://www.w3.org/2001/XMLSchema-instance',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes', 'http://schemas.openxmlformats.org/drawingml/2006/picture'}
def strip(root):
    ign = set()
    for el in root.iter():
        v = el.get('{%s}Ignorable' % MC)
        if v:
            for p in v.split(): ns = el.nsmap.get(p); ign.add(ns)
    for el in list(root.iter()):
        if not isinstance(el.tag, str): continue
        for a in list(el.attrib):
            if a.startswith('{'):
                ns = a[1:a.index('}')]
                if ns in ign or ns == MC or a == '{http://www.w3.org/XML/1998/namespace}space': del el.attrib[a]
        if el.tag.startswith('{'):
            ns = el.tag[1:el.tag.index('}')]
            if ns in ign and el.getparent() is not None: el.getparent().remove(el)
    # AlternateContent: keep the Fallback's children
    for ac in list(root.iter('{%s}AlternateContent' % MC)):
        parent = ac.getparent(); fb = ac.find('{%s}Fallback' % MC); i = parent.index(ac)
        parent.remove(ac)
        if fb is not None:
            for k, ch in enumerate(list(fb)): parent.insert(i + k, ch)
bad = 0; total = 0; skipped = 0
for f in sys.argv[2:]:
    z = zipfile.ZipFile(f)
    for n in z.namelist():
        if not (n.endswith('.xml') or n.endswith('.rels')): continue
        root = etree.fromstring(z.read(n))
        ns = root.tag[1:root.tag.index('}')] if root.tag.startswith('{') else ''
        if ns not in ROOTS: skipped += 1; continue
        strip(root)
        sc = schema(ROOTS[ns]); total += 1
        if not sc.validate(root):
            bad += 1
            print(f'{os.path.basename(f)}:{n}: {sc.error_log.last_error}')
print(f'{total} parts validated, {bad} invalid, {skipped} without a schema here')
sys.exit(1 if bad else 0)
