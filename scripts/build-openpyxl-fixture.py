#!/usr/bin/python3
"""
Writes test/fixtures/inputs/openpyxl-med-diagram.xlsx: a Kommuner sheet (five Nordland
municipalities, population 1 January 2026 from assets/kommuner_2024.csv) with a bar chart,
as a planner's Python script (openpyxl, or pandas through it) writes it; and
openpyxl-diagramark.xlsx: the same sheet with the chart on a tab of its own (a chart sheet)
named Sammenligning, the name of a sheet Kontorplan writes; and openpyxl-tabell.xlsx: the sheet
as an Excel table, whose relationship openpyxl writes from the package root
(Target="/xl/tables/table1.xml"). The file is
committed; the tests read it and do not need Python. Run: /usr/bin/python3 scripts/build-openpyxl-fixture.py
"""
import csv
import os
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

root = os.path.join(os.path.dirname(__file__), '..')
wanted = ['1841', '1845', '1875', '1839', '1840']
rows = {}
with open(os.path.join(root, 'assets', 'kommuner_2024.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if r['kommunenummer'] in wanted:
            rows[r['kommunenummer']] = r

wb = Workbook()
ws = wb.active
ws.title = 'Kommuner'
ws.append(['Kommunenummer', 'Kommunenavn', 'Folketall'])
for n in wanted:
    ws.append([n, rows[n]['kommunenavn'], int(rows[n]['folketall_2026'])])
chart = BarChart()
chart.title = 'Folketall'
chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=len(wanted) + 1), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=2, min_row=2, max_row=len(wanted) + 1))
ws.add_chart(chart, 'E2')
wb.properties.created = wb.properties.modified = __import__('datetime').datetime(2026, 1, 1)
wb.save(os.path.join(root, 'test', 'fixtures', 'inputs', 'openpyxl-med-diagram.xlsx'))
print('wrote test/fixtures/inputs/openpyxl-med-diagram.xlsx')

chartsheet = Workbook()
ks = chartsheet.active
ks.title = 'Kommuner'
for row in ws.iter_rows(values_only=True):
    ks.append(row)
tab = chartsheet.create_chartsheet('Sammenligning')
bars = BarChart()
bars.add_data(Reference(ks, min_col=3, min_row=1, max_row=len(wanted) + 1), titles_from_data=True)
bars.set_categories(Reference(ks, min_col=2, min_row=2, max_row=len(wanted) + 1))
tab.add_chart(bars)
chartsheet.properties.created = chartsheet.properties.modified = __import__('datetime').datetime(2026, 1, 1)
chartsheet.save(os.path.join(root, 'test', 'fixtures', 'inputs', 'openpyxl-diagramark.xlsx'))
print('wrote test/fixtures/inputs/openpyxl-diagramark.xlsx')

from openpyxl.worksheet.table import Table
tabular = Workbook()
ts = tabular.active
ts.title = 'Kommuner'
for row in ws.iter_rows(values_only=True):
    ts.append(row)
ts.add_table(Table(displayName='Kommuner', ref=f'A1:C{len(wanted) + 1}'))
tabular.properties.created = tabular.properties.modified = __import__('datetime').datetime(2026, 1, 1)
tabular.save(os.path.join(root, 'test', 'fixtures', 'inputs', 'openpyxl-tabell.xlsx'))
print('wrote test/fixtures/inputs/openpyxl-tabell.xlsx')
