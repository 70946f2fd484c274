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
import datetime
import os
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.table import Table

root = os.path.join(os.path.dirname(__file__), '..')
wanted = ['1841', '1845', '1875', '1839', '1840']
rows = {}
with open(os.path.join(root, 'assets', 'kommuner_2024.csv'), encoding='utf-8') as f:
    for r in csv.DictReader(f):
        if r['kommunenummer'] in wanted:
            rows[r['kommunenummer']] = r

def kommuner_book():
    """A new workbook whose one sheet is Kommuner with the five municipalities."""
    book = Workbook()
    sheet = book.active
    sheet.title = 'Kommuner'
    sheet.append(['Kommunenummer', 'Kommunenavn', 'Folketall'])
    for n in wanted:
        sheet.append([n, rows[n]['kommunenavn'], int(rows[n]['folketall_2026'])])
    return book, sheet


def population_chart(sheet):
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=len(wanted) + 1), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=2, max_row=len(wanted) + 1))
    return chart


def save(book, name):
    book.properties.created = book.properties.modified = datetime.datetime(2026, 1, 1)
    book.save(os.path.join(root, 'test', 'fixtures', 'inputs', name))
    print(f'wrote test/fixtures/inputs/{name}')


wb, ws = kommuner_book()
chart = population_chart(ws)
chart.title = 'Folketall'
ws.add_chart(chart, 'E2')
save(wb, 'openpyxl-med-diagram.xlsx')

chartsheet, ks = kommuner_book()
chartsheet.create_chartsheet('Sammenligning').add_chart(population_chart(ks))
save(chartsheet, 'openpyxl-diagramark.xlsx')

tabular, ts = kommuner_book()
ts.add_table(Table(displayName='Kommuner', ref=f'A1:C{len(wanted) + 1}'))
save(tabular, 'openpyxl-tabell.xlsx')
