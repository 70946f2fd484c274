import JSZip from 'jszip';
import { columnLetters as columnLetter } from '../../io/cells';
import { isFormula, type ChartSpec, type OutputCell, type SheetSpec } from '../../domain/sheets';

/**
 * Native Excel charts, which exceljs cannot write: after exceljs has written the package,
 * each chart is added as DrawingML parts (chart, drawing, their relationships and content
 * types) and anchored in its worksheet. The series refer to the table's cells, so the chart
 * follows the numbers if the planner edits them; a cache of the values is included for
 * readers that do not recalculate.
 */

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function rich(text: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

function cache(cells: readonly OutputCell[]): string {
  const values = cells.map((v) => (isFormula(v) ? (v.result ?? null) : v));
  const pts = values.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** Distinct colours (Okabe–Ito) for charts with one point per row, so each is told apart in the legend. */
const POINT_COLOURS = ['0072B2', 'E69F00', '009E73', 'CC79A7', '56B4E9', 'D55E00', '000000', 'F0E442'];

/** The chart part for one spec over its table in `sheet`. */
export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  const table = sheet.tables.find((t) => t.name === chart.table);
  if (!table) throw new Error(`chart over unknown table ${chart.table}`);
  const q = `'${sheet.name.replace(/'/g, "''")}'`;
  const first = table.startRow + 2; // 1-based first data row
  const last = table.startRow + 1 + Math.max(1, table.rows.length);
  const range = (c: number) => `${q}!$${columnLetter(c)}$${first}:$${columnLetter(c)}$${last}`;
  const xs = table.rows.map((r) => r[chart.x] ?? null);
  const ser = (
    k: number,
    name: string,
    nameRef: string,
    x: string,
    xCells: readonly OutputCell[],
    y: string,
    yCells: readonly OutputCell[],
    noLine: boolean,
  ) =>
    `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
    `<c:tx><c:strRef><c:f>${esc(nameRef)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    (noLine ? '<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>' : '') +
    (noLine
      ? `<c:marker><c:symbol val="circle"/><c:size val="8"/><c:spPr><a:solidFill><a:srgbClr val="${POINT_COLOURS[k % POINT_COLOURS.length]}"/></a:solidFill></c:spPr></c:marker>`
      : `<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>`) +
    `<c:xVal><c:numRef><c:f>${esc(x)}</c:f>${cache(xCells)}</c:numRef></c:xVal>` +
    `<c:yVal><c:numRef><c:f>${esc(y)}</c:f>${cache(yCells)}</c:numRef></c:yVal>` +
    `<c:smooth val="0"/></c:ser>`;
  const label = chart.pointPerRow;
  const cellRef = (c: number, i: number) => `${q}!$${columnLetter(c)}$${first + i}`;
  const series =
    label !== undefined
      ? table.rows
          .map((r, i) =>
            ser(
              i,
              String(r[label] ?? ''),
              cellRef(label, i),
              cellRef(chart.x, i),
              [r[chart.x] ?? null],
              cellRef(chart.y[0]!, i),
              [r[chart.y[0]!] ?? null],
              true,
            ),
          )
          .join('')
      : chart.y
          .map((c, k) =>
            ser(
              k,
              table.columns[c]?.header ?? '',
              `${q}!$${columnLetter(c)}$${table.startRow + 1}`,
              range(chart.x),
              xs,
              range(c),
              table.rows.map((r) => r[c] ?? null),
              false,
            ),
          )
          .join('');
  const axis = (id: number, cross: number, pos: 'b' | 'l', title: string, grid: boolean) =>
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>` +
    (grid ? '<c:majorGridlines/>' : '') +
    `<c:title>${rich(title)}</c:title><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${rich(chart.title)}</c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}<c:axId val="510001"/><c:axId val="510002"/></c:scatterChart>` +
    axis(510001, 510002, 'b', chart.xTitle, false) +
    axis(510002, 510001, 'l', chart.yTitle, true) +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(anchors: readonly { col: number; row: number; rel: string; id: number; name: string }[]): string {
  const body = anchors
    .map(
      (a) =>
        `<xdr:twoCellAnchor><xdr:from><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.col + 8}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + 20}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${a.id}" name="${esc(a.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
        `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${a.rel}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}">${body}</xdr:wsDr>`
  );
}

function rels(items: readonly { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    `</Relationships>`
  );
}

/** Where each sheet's part lives, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of wbRels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const parts = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && id && targets.has(id)) parts.set(unesc(name), `xl/${targets.get(id)}`);
  }
  return parts;
}

/**
 * Adds the charts of `specs` to an .xlsx package written by exceljs. `compression`: STORE for a
 * scratch package that is read again at once (compressing it would be wasted work).
 */
export async function addCharts(xlsx: Buffer, specs: readonly SheetSpec[], compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Buffer> {
  const withCharts = specs.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const parts = await sheetParts(zip);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  let chartNo = 0;
  let drawingNo = 0;
  const free = (prefix: string, n: number) => !zip.file(`${prefix}${n}.xml`);
  for (const spec of withCharts) {
    const part = parts.get(spec.name);
    if (!part) throw new Error(`sheet ${spec.name} not in the package`);
    do drawingNo++;
    while (!free('xl/drawings/drawing', drawingNo));
    const anchors: { col: number; row: number; rel: string; id: number; name: string }[] = [];
    const drawingRels: { id: string; type: string; target: string }[] = [];
    const width = Math.max(...spec.tables.map((t) => t.columns.length));
    (spec.charts ?? []).forEach((chart, k) => {
      do chartNo++;
      while (!free('xl/charts/chart', chartNo));
      zip.file(`xl/charts/chart${chartNo}.xml`, chartXml(spec, chart));
      types = types.replace('</Types>', `<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CT_CHART}"/></Types>`);
      drawingRels.push({ id: `rId${k + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` });
      anchors.push({ col: width + 1, row: (spec.tables[0]?.startRow ?? 0) + k * 22, rel: `rId${k + 1}`, id: k + 2, name: chart.title });
    });
    zip.file(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, rels(drawingRels));
    types = types.replace('</Types>', `<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CT_DRAWING}"/></Types>`);
    // The worksheet points at its drawing.
    const relsPath = part.replace(/worksheets\/([^/]+)$/, 'worksheets/_rels/$1.rels');
    const existing = zip.file(relsPath) ? await zip.file(relsPath)!.async('string') : rels([]);
    const relId = 'rIdKontorplanDrawing';
    zip.file(
      relsPath,
      existing.replace(
        '</Relationships>',
        `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawingNo}.xml"/></Relationships>`,
      ),
    );
    let xml = await zip.file(part)!.async('string');
    const drawing = `<drawing r:id="${relId}"/>`;
    const before = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml);
    xml = before ? xml.slice(0, before.index) + drawing + xml.slice(before.index) : xml.replace('</worksheet>', `${drawing}</worksheet>`);
    if (!/xmlns:r=/.test(xml.slice(0, xml.indexOf('>', xml.indexOf('<worksheet')))))
      xml = xml.replace('<worksheet ', `<worksheet xmlns:r="${NS_R}" `);
    zip.file(part, xml);
  }
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression });
}
