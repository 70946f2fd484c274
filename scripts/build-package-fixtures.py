#!/usr/bin/env python3
"""Builds the workbooks in test/fixtures/package/: a planner's file as three writers save it.

Each holds the sheets a planner has (Kommuner for eight Salten municipalities, SSB 07459
population 1 Jan 2026 from assets/kommuner_2024.csv) and parts of her own that Kontorplan must
keep byte for byte: charts, a picture, comments, data validation, defined names (global and
local to a sheet), merged cells, and (LibreOffice) a pivot table with its cache.

  libreoffice.xlsx   a workbook written by openpyxl, opened by LibreOffice, given a pivot table, saved as .xlsx
  openpyxl.xlsx      libreoffice.xlsx loaded and saved by openpyxl: every part as openpyxl writes it
  exceljs.xlsx       written by exceljs (picture, note, validation, names): scripts/build-package-fixtures-exceljs.js

Needs python3-openpyxl and python3-pil (apt-get install -y python3-openpyxl) and soffice;
the tests only read the files committed. Run: /usr/bin/python3 scripts/build-package-fixtures.py
"""
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from PIL import Image as PilImage, ImageDraw

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'package')
NUMBERS = ['1804', '1837', '1838', '1839', '1840', '1841', '1845', '1848']


def municipalities():
    with open(os.path.join(ROOT, 'assets', 'kommuner_2024.csv'), encoding='utf-8') as f:
        rows = {r['kommunenummer']: r for r in csv.DictReader(f)}
    return [(n, rows[n]['kommunenavn'], int(rows[n]['folketall_2026'])) for n in NUMBERS]


def png():
    img = PilImage.new('RGB', (120, 60), (0, 114, 178))
    ImageDraw.Draw(img).text((10, 20), 'NAV Salten', fill=(255, 255, 255))
    buf = io.BytesIO()
    img.save(buf, format='PNG')
    buf.seek(0)
    return buf


def add_drawings(wb):
    """Two charts and a picture."""
    ws = wb['Kommuner']
    notes = wb['Notater']
    bar = BarChart()
    bar.title = 'Budsjett per post'
    bar.add_data(Reference(notes, min_col=2, min_row=2, max_row=5), titles_from_data=True)
    bar.set_categories(Reference(notes, min_col=1, min_row=3, max_row=5))
    notes.add_chart(bar, 'F2')
    line = LineChart()
    line.title = 'Folketall'
    line.add_data(Reference(ws, min_col=3, min_row=1, max_row=len(NUMBERS) + 1), titles_from_data=True)
    line.set_categories(Reference(ws, min_col=2, min_row=2, max_row=len(NUMBERS) + 1))
    ws.add_chart(line, 'E2')
    notes.add_image(Image(png()), 'F20')


def openpyxl_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = 'Kommuner'
    ws.append(['Kommunenummer', 'Navn', 'Folketall'])
    for n, name, pop in municipalities():
        ws.append([n, name, pop])
    ws['C1'].comment = Comment('SSB tabell 07459, 1. januar 2026', 'Planlegger')
    notes = wb.create_sheet('Notater')
    notes['A1'] = 'Budsjett 2027 for NAV Salten'
    notes.merge_cells('A1:C1')
    notes.append(['Post', 'Beløp', 'Prioritet'])
    for row in [['Husleie', 1200000, 'Høy'], ['Reiser', 300000, 'Middels'], ['Opplæring', 150000, 'Lav']]:
        notes.append(row)
    notes['D3'] = '=SUM(B3:B5)'
    notes['B2'].comment = Comment('Tall fra budsjettet vedtatt i kommunestyret', 'Planlegger')
    dv = DataValidation(type='list', formula1='"Høy,Middels,Lav"', allow_blank=True)
    notes.add_data_validation(dv)
    dv.add('C3:C5')
    add_drawings(wb)
    wb.defined_names.append(DefinedName('Husleie', attr_text="Notater!$B$3"))
    wb.defined_names.append(DefinedName('Folketall_Salten', attr_text="Kommuner!$C$2:$C$9"))
    local = DefinedName('Poster', attr_text="Notater!$A$3:$A$5", localSheetId=1)
    wb.defined_names.append(local)
    wb.active = 1
    wb.save(path)


PIVOT = """<table:data-pilot-tables>
<table:data-pilot-table table:name="Folketall etter kommune" table:target-range-address="Pivot.A1:Pivot.B12" table:buttons="Pivot.A1">
<table:source-cell-range table:cell-range-address="Kommuner.A1:Kommuner.C9"/>
<table:data-pilot-field table:source-field-name="Navn" table:orientation="row"/>
<table:data-pilot-field table:source-field-name="Folketall" table:orientation="data" table:function="sum"/>
</table:data-pilot-table>
</table:data-pilot-tables>"""


def soffice(src, fmt, outdir, profile):
    subprocess.run(
        ['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--convert-to', fmt, '--outdir', outdir, src],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def libreoffice_workbook(source, path):
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, 'profile')
        soffice(source, 'fods', tmp, profile)
        fods = os.path.join(tmp, os.path.splitext(os.path.basename(source))[0] + '.fods')
        with open(fods, encoding='utf-8') as f:
            doc = f.read()
        # A sheet for the pivot table, then the pivot table itself (LibreOffice's data pilot).
        empty = '<table:table table:name="Pivot"><table:table-column/><table:table-row><table:table-cell/></table:table-row></table:table>'
        last = doc.rindex('</table:table>') + len('</table:table>')
        doc = doc[:last] + empty + doc[last:]
        # After the tables, named expressions and database ranges, as the OpenDocument schema orders them.
        at = last + len(empty)
        for end in ('</table:named-expressions>', '</table:database-ranges>'):
            if end in doc[at:]:
                at = doc.rindex(end) + len(end)
        doc = doc[:at] + PIVOT + doc[at:]
        with open(os.path.join(tmp, 'planlegger.fods'), 'w', encoding='utf-8') as f:
            f.write(doc)
        soffice(os.path.join(tmp, 'planlegger.fods'), 'xlsx:Calc MS Excel 2007 XML', tmp, profile)
        shutil.copy(os.path.join(tmp, 'planlegger.xlsx'), path)


def openpyxl_with_pivot(source, path):
    """The LibreOffice file loaded and saved by openpyxl (which keeps charts, pictures and pivot tables)."""
    load_workbook(source).save(path)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, 'openpyxl-uten-pivot.xlsx')
        openpyxl_workbook(base)
        libreoffice_workbook(base, os.path.join(OUT, 'libreoffice.xlsx'))
    openpyxl_with_pivot(os.path.join(OUT, 'libreoffice.xlsx'), os.path.join(OUT, 'openpyxl.xlsx'))
    subprocess.run(['node', os.path.join(ROOT, 'scripts', 'build-package-fixtures-exceljs.js')], check=True)
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)), file=sys.stderr)


if __name__ == '__main__':
    main()
