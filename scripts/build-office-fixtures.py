#!/usr/bin/python3
"""
Writes files Kontorplan must refuse with a planner's message, each saved by LibreOffice
from test/fixtures/inputs/kommuner-navn.xlsx (run scripts/build-input-fixtures.js first):
  kommuner.xls            the old Excel format (MS Excel 97)
  kommuner.ods            OpenDocument
(This LibreOffice does not encrypt .xlsx on export, so a password-protected workbook is not
among them; test/cli/openWorkbook.test.ts checks that case on the container's stream names.)
The files are committed; the tests need neither Python nor LibreOffice.
Run: /usr/bin/python3 scripts/build-office-fixtures.py (needs soffice and python3-uno).
"""
import os
import subprocess
import time
import uno
from com.sun.star.beans import PropertyValue

root = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
inputs = os.path.join(root, 'test', 'fixtures', 'inputs')


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore',
                           '--accept=socket,host=127.0.0.1,port=2083;urp;'],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        'com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
    for _ in range(60):
        try:
            ctx = resolver.resolve('uno:socket,host=127.0.0.1,port=2083;urp;StarOffice.ComponentContext')
            break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    url = uno.systemPathToFileUrl(os.path.join(inputs, 'kommuner-navn.xlsx'))
    doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True),))
    for name, props in [
        ('kommuner.xls', (prop('FilterName', 'MS Excel 97'),)),
        ('kommuner.ods', (prop('FilterName', 'calc8'),)),
    ]:
        doc.storeToURL(uno.systemPathToFileUrl(os.path.join(inputs, name)), props)
        print('wrote', name)
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(timeout=30)
    except subprocess.TimeoutExpired:
        office.terminate()
