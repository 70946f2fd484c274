import JSZip from 'jszip';
import { TableConflictError } from '../port';

/**
 * Writing Kontorplan's sheets into the planner's .xlsx without rewriting it.
 *
 * exceljs renders Kontorplan's sheets (and nothing else) into a scratch package; `mergeOwnSheets`
 * moves those sheets, with their tables, drawings and charts, into the planner's package under
 * part names that are free there, and removes the parts of Kontorplan's previous sheets. Every
 * other part of her file keeps its bytes: her sheets, charts, drawings, pictures, pivot tables and
 * caches, comments, data validation, shared strings and theme. Only these change:
 * - `xl/workbook.xml`: the sheet list, the active and first tab (kept on the same sheet, or moved to
 *   a visible one), defined names (those into a removed sheet are dropped, local names follow their
 *   sheet to its new position);
 * - `xl/_rels/workbook.xml.rels` and `[Content_Types].xml`: entries of removed and added parts;
 * - `xl/styles.xml`: the formats Kontorplan's cells need are appended (existing entries keep their
 *   indices, an identical entry is reused, so a re-run does not grow it);
 * - `xl/calcChain.xml` is dropped when sheets are removed (a cache Excel rebuilds; it may list
 *   cells of the removed sheets, which Excel reports as damage).
 * Kontorplan's strings are written inline in its own cells, so the shared strings stay as they were.
 */

const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_R}/worksheet`;
const REL_CALC_CHAIN = `${NS_R}/calcChain`;
const CT_CALC_CHAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml';

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
export const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');

/** The attributes of one start tag, by their qualified names, unescaped. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = tag.replace(/^<[^\s/>]+/, '');
  for (const m of body.matchAll(/([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** Sets (or adds) one attribute of the start tag `tag`. */
function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/^(<[^\s/>]+)/, `$1 ${name}="${escapeXml(value)}"`);
}

/** The namespace prefix (with its colon, or '') of the root element. */
function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

/** Elements `<name …/>` or `<name …>…</name>` (not nesting themselves) in `xml`. */
function elements(xml: string, name: string): { text: string; index: number }[] {
  const n = name.replace(/[.:]/g, '\\$&');
  const re = new RegExp(`<${n}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${n}\\s*>)`, 'g');
  return [...xml.matchAll(re)].map((m) => ({ text: m[0], index: m.index }));
}

/** The first element `name` in `xml` (see `elements`). */
function element(xml: string, name: string): { text: string; index: number } | undefined {
  return elements(xml, name)[0];
}

/** The content between the start and end tag of an element ('' when it is empty). */
function inner(el: string): string {
  if (/\/>$/.test(el) && !/<\/[^>]+>$/.test(el)) return '';
  return el.slice(el.indexOf('>') + 1, el.lastIndexOf('</'));
}

function startTag(el: string): string {
  return el.slice(0, el.indexOf('>') + 1);
}

/** An element with new content (and its start tag's attributes changed by `edit`). */
function withContent(el: string, content: string, edit: (tag: string) => string = (t) => t): string {
  const tag = edit(startTag(el).replace(/\s*\/>$/, '>'));
  const name = /^<([^\s/>]+)/.exec(tag)![1]!;
  return `${tag}${content}</${name}>`;
}

// ---------------------------------------------------------------------------------------------
// Parts and relationships

export type Rel = { id: string; type: string; target: string; external: boolean };

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function dirOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash);
}

/** The part a relationship of `source` points at (package paths have no leading slash). */
export function resolveTarget(source: string, target: string): string {
  const t = target.split('#')[0]!;
  const parts = t.startsWith('/') ? [] : dirOf(source).split('/').filter(Boolean);
  for (const seg of t.replace(/^\//, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.map((p) => decodeURIComponent(p)).join('/');
}

function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return {
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      target: a.get('Target') ?? '',
      external: a.get('TargetMode') === 'External',
    };
  });
}

function relsXml(rels: readonly Rel[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('') +
    `</Relationships>`
  );
}

async function text(zip: JSZip, part: string): Promise<string | undefined> {
  const f = zip.file(part);
  return f ? f.async('string') : undefined;
}

async function relsOf(zip: JSZip, part: string): Promise<Rel[]> {
  const xml = await text(zip, relsPathOf(part));
  return xml === undefined ? [] : parseRels(xml);
}

/** Every part reachable from `roots` through relationships (the roots included). */
async function closure(zip: JSZip, roots: readonly string[], skip: (part: string) => boolean = () => false): Promise<Set<string>> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const part = todo.pop()!;
    if (seen.has(part) || skip(part)) continue;
    seen.add(part);
    for (const r of await relsOf(zip, part)) if (!r.external) todo.push(resolveTarget(part, r.target));
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// The workbook part

export type SheetEntry = { name: string; sheetId: number; rid: string; state: string; tag: string };

export function workbookPartOf(rootRels: readonly Rel[]): string {
  const main = rootRels.find((r) => /\/officeDocument$/.test(r.type));
  return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
}

export function parseSheets(workbookXml: string): SheetEntry[] {
  const p = rootPrefix(workbookXml, 'workbook');
  return [...workbookXml.matchAll(new RegExp(`<${p}sheet\\b[^>]*>`, 'g'))].map((m) => {
    const a = attributes(m[0]);
    const rid = [...a.entries()].find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1] ?? '';
    return { name: a.get('name') ?? '', sheetId: Number(a.get('sheetId') ?? 0), rid, state: a.get('state') ?? 'visible', tag: m[0] };
  });
}

/** The prefix bound to the relationships namespace on the root element, adding `r` when there is none. */
function relationshipPrefix(xml: string): { xml: string; prefix: string } {
  const root = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(xml)!;
  for (const [k, v] of attributes(root[0])) if (v === NS_R && k.startsWith('xmlns:')) return { xml, prefix: k.slice(6) };
  return { xml: xml.replace(root[0], root[0].replace(/^(<[^\s/>]+)/, `$1 xmlns:r="${NS_R}"`)), prefix: 'r' };
}

/** Does a formula refer to the sheet `name`? (`'KP A'!A1`, `Sammenligning!A1`, case-insensitive, as Excel.) */
export function refersToSheet(formula: string, name: string): boolean {
  const lower = formula.toLowerCase();
  const quoted = `'${name.replace(/'/g, "''").toLowerCase()}'!`;
  if (lower.includes(quoted)) return true;
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return false;
  const n = name.toLowerCase().replace(/[.]/g, '\\.');
  return new RegExp(`(^|[^\\p{L}\\p{N}_.'\\]])${n}!`, 'u').test(lower);
}

type WorkbookEdit = {
  /** The sheets in their new order: kept entries (by their old index) then new ones. */
  kept: readonly SheetEntry[];
  added: readonly { name: string; state: string; rid: string }[];
  removedNames: readonly string[];
};

function editWorkbook(xml: string, old: readonly SheetEntry[], edit: WorkbookEdit): string {
  const p = rootPrefix(xml, 'workbook');
  const rel = relationshipPrefix(xml);
  xml = rel.xml;
  let nextId = Math.max(0, ...old.map((s) => s.sheetId)) + 1;
  const added = edit.added.map((s) => ({
    name: s.name,
    state: s.state,
    tag:
      `<${p}sheet name="${escapeXml(s.name)}" sheetId="${nextId++}"` +
      (s.state !== 'visible' ? ` state="${s.state}"` : '') +
      ` ${rel.prefix}:id="${s.rid}"/>`,
  }));
  const order = [...edit.kept.map((s) => ({ name: s.name, state: s.state, tag: s.tag })), ...added];
  if (!element(xml, `${p}sheets`)) {
    // A workbook without sheets (exceljs writes none for an empty one): the list goes where the schema puts it.
    const after =
      /<(?:[\w.-]+:)?(functionGroups|externalReferences|definedNames|calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b/.exec(
        xml,
      );
    const at = after ? after.index : xml.lastIndexOf(`</${p}workbook`);
    xml = `${xml.slice(0, at)}<${p}sheets></${p}sheets>${xml.slice(at)}`;
  }
  const sheets = element(xml, `${p}sheets`)!;
  xml =
    xml.slice(0, sheets.index) + withContent(sheets.text, order.map((s) => s.tag).join('')) + xml.slice(sheets.index + sheets.text.length);
  const indexOf = new Map(order.map((s, i) => [s.name.toLowerCase(), i]));
  const oldName = (i: number) => old[i]?.name.toLowerCase();
  const gone = edit.removedNames.filter((n) => !indexOf.has(n.toLowerCase()));
  const visible = order.findIndex((s) => s.state === 'visible');
  // The active and first tab: the same sheet where it still is and is visible, else the first visible sheet.
  const tabOf = (v: string | undefined): number => {
    const idx = v === undefined ? 0 : Number(v);
    const name = oldName(idx);
    const now = name === undefined ? undefined : indexOf.get(name);
    return now !== undefined && order[now]!.state === 'visible' ? now : Math.max(0, visible);
  };
  xml = xml.replace(new RegExp(`<${p}workbookView\\b[^>]*>`, 'g'), (tag) => {
    const a = attributes(tag);
    let t = tag;
    const active = tabOf(a.get('activeTab'));
    if (a.has('activeTab') || active !== 0) t = setAttribute(t, 'activeTab', String(active));
    if (a.has('firstSheet')) t = setAttribute(t, 'firstSheet', String(tabOf(a.get('firstSheet'))));
    return t;
  });
  // Defined names: into a removed sheet, gone; scoped to a sheet, moved with it.
  const names = element(xml, `${p}definedNames`);
  if (names) {
    const kept = elements(names.text, `${p}definedName`)
      .map((d) => {
        const a = attributes(startTag(d.text));
        const formula = unescapeXml(inner(d.text));
        if (gone.some((n) => refersToSheet(formula, n))) return undefined;
        const local = a.get('localSheetId');
        if (local === undefined) return d.text;
        const name = oldName(Number(local));
        const now = name === undefined ? undefined : indexOf.get(name);
        if (now === undefined) return undefined;
        return startTag(d.text).includes('/>')
          ? d.text
          : withContent(d.text, inner(d.text), (t) => setAttribute(t, 'localSheetId', String(now)));
      })
      .filter((d): d is string => d !== undefined);
    xml =
      xml.slice(0, names.index) +
      (kept.length > 0 ? withContent(names.text, kept.join('')) : '') +
      xml.slice(names.index + names.text.length);
  }
  return xml;
}

// ---------------------------------------------------------------------------------------------
// Styles

const STYLE_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

type StyleBook = { xml: string; p: string; ns: string };

function styleItems(book: StyleBook, container: string, item: string): string[] {
  const c = element(book.xml, `${book.p}${container}`);
  return c ? elements(inner(c.text), `${book.p}${item}`).map((e) => e.text) : [];
}

/** Replaces (or inserts, in schema order) a container of the style sheet with `items`. */
function setStyleItems(book: StyleBook, container: string, items: readonly string[]): void {
  const name = `${book.p}${container}`;
  const body = items.join('');
  const c = element(book.xml, name);
  if (c) {
    const el = withContent(c.text, body, (t) => setAttribute(t, 'count', String(items.length)));
    book.xml = book.xml.slice(0, c.index) + el + book.xml.slice(c.index + c.text.length);
    return;
  }
  const el = `<${name} count="${items.length}">${body}</${name}>`;
  const later = STYLE_ORDER.slice(STYLE_ORDER.indexOf(container) + 1)
    .map((n) => element(book.xml, `${book.p}${n}`))
    .find((e) => e !== undefined);
  const at = later ? later.index : book.xml.lastIndexOf(`</${book.p}styleSheet`);
  book.xml = book.xml.slice(0, at) + el + book.xml.slice(at);
}

/** An element of the scratch style sheet (default namespace) as it must be written into `book`. */
function foreign(book: StyleBook, el: string): string {
  if (book.p === '') return el;
  // A prefixed style sheet: the element keeps its default namespace, declared on it.
  return el.replace(/^<([^\s/>]+)/, `<$1 xmlns="${book.ns}"`);
}

export type StyleMaps = { xf: number[]; dxf: number[] };

/**
 * Appends what the scratch package's cell formats and differential formats need to the
 * planner's style sheet; returns the new index of each scratch format. Existing entries keep
 * their place; an entry already there (the same XML) is reused.
 */
export function mergeStyles(target: string, scratch: string): { xml: string; maps: StyleMaps } {
  const p = rootPrefix(target, 'styleSheet');
  const ns = attributes(/<[^>]*styleSheet\b[^>]*>/.exec(target)![0]).get(p ? `xmlns:${p.slice(0, -1)}` : 'xmlns') ?? '';
  const book: StyleBook = { xml: target, p, ns };
  const src: StyleBook = { xml: scratch, p: '', ns };
  const append = (container: string, item: string, add: readonly string[]): number[] => {
    const have = styleItems(book, container, item);
    const map = add.map((a) => {
      const el = foreign(book, a);
      const at = have.indexOf(el);
      if (at >= 0) return at;
      have.push(el);
      return have.length - 1;
    });
    if (add.length > 0) setStyleItems(book, container, have);
    return map;
  };
  // Number formats by their code; new ones numbered after every id in use.
  const fmts = styleItems(book, 'numFmts', 'numFmt');
  const fmtId = new Map<number, number>();
  let nextFmt = Math.max(163, ...fmts.map((f) => Number(attributes(f).get('numFmtId') ?? 0))) + 1;
  const added: string[] = [];
  for (const f of styleItems(src, 'numFmts', 'numFmt')) {
    const a = attributes(f);
    const code = a.get('formatCode') ?? '';
    const same = fmts.find((g) => attributes(g).get('formatCode') === code);
    const id = same ? Number(attributes(same).get('numFmtId')) : nextFmt++;
    if (!same) added.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    fmtId.set(Number(a.get('numFmtId')), id);
  }
  if (added.length > 0) setStyleItems(book, 'numFmts', [...fmts, ...added]);
  const fonts = append('fonts', 'font', styleItems(src, 'fonts', 'font'));
  const fills = append('fills', 'fill', styleItems(src, 'fills', 'fill'));
  const borders = append('borders', 'border', styleItems(src, 'borders', 'border'));
  const xfs = styleItems(src, 'cellXfs', 'xf').map((xf) => {
    const a = attributes(startTag(xf));
    let tag = startTag(xf);
    const remap = (attr: string, map: (n: number) => number | undefined) => {
      const v = a.get(attr);
      if (v !== undefined) tag = setAttribute(tag, attr, String(map(Number(v)) ?? Number(v)));
    };
    remap('numFmtId', (n) => fmtId.get(n) ?? n);
    remap('fontId', (n) => fonts[n]);
    remap('fillId', (n) => fills[n]);
    remap('borderId', (n) => borders[n]);
    tag = setAttribute(tag, 'xfId', '0');
    return tag + xf.slice(startTag(xf).length);
  });
  const xf = append('cellXfs', 'xf', xfs);
  const dxf = append('dxfs', 'dxf', styleItems(src, 'dxfs', 'dxf'));
  return { xml: book.xml, maps: { xf, dxf } };
}

// ---------------------------------------------------------------------------------------------
// Kontorplan's sheet parts

/**
 * A scratch worksheet as it goes into the planner's package: inline strings, its formats
 * renumbered, not selected. exceljs writes attributes in double quotes, so plain patterns do
 * (one pass per kind of tag: a national workbook has hundreds of thousands of cells).
 */
export function adaptSheet(xml: string, shared: readonly string[], maps: StyleMaps): string {
  const xf = (_: string, pre: string, v: string) => `${pre}"${maps.xf[Number(v)] ?? v}"`;
  return xml
    .replace(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g, (_cell: string, attrs: string, _end: string, body: string | undefined) => {
      const a = attrs.replace(/(\ss=)"(\d+)"/, xf);
      if (body !== undefined && /\st="s"/.test(a)) {
        const idx = /<v>(\d+)<\/v>/.exec(body);
        const si = idx ? shared[Number(idx[1])] : undefined;
        if (si !== undefined) return `<c${a.replace(/\st="s"/, ' t="inlineStr"')}><is>${si}</is></c>`;
      }
      return body === undefined ? `<c${a}/>` : `<c${a}>${body}</c>`;
    })
    .replace(/(<row\b[^>]*?\ss=)"(\d+)"/g, xf)
    .replace(/(<col\b[^>]*?\sstyle=)"(\d+)"/g, xf)
    .replace(/(<cfRule\b[^>]*?\sdxfId=)"(\d+)"/g, (_, pre: string, v: string) => `${pre}"${maps.dxf[Number(v)] ?? v}"`)
    .replace(/(<sheetView\b[^>]*?)\stabSelected="[^"]*"/g, '$1');
}

/** A scratch table renumbered: its id unique in the workbook, its formats remapped. */
function adaptTable(xml: string, id: number, maps: StyleMaps): string {
  return xml
    .replace(/<table\b[^>]*>/, (tag) => setAttribute(tag, 'id', String(id)))
    .replace(/\b(\w*[dD]xfId)="(\d+)"/g, (_, k: string, v: string) => `${k}="${maps.dxf[Number(v)] ?? v}"`);
}

// ---------------------------------------------------------------------------------------------
// Content types

function overrideOf(types: string, part: string): string | undefined {
  for (const m of types.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if ((a.get('PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase()) return a.get('ContentType');
  }
  return undefined;
}

function defaultOf(types: string, part: string): string | undefined {
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  for (const m of types.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if ((a.get('Extension') ?? '').toLowerCase() === ext) return a.get('ContentType');
  }
  return undefined;
}

function withoutOverrides(types: string, parts: ReadonlySet<string>): string {
  const lower = new Set([...parts].map((p) => p.toLowerCase()));
  return types.replace(/<(?:[\w.-]+:)?Override\b[^>]*>/g, (tag) =>
    lower.has((attributes(tag).get('PartName') ?? '').replace(/^\//, '').toLowerCase()) ? '' : tag,
  );
}

function addOverride(types: string, part: string, contentType: string): string {
  const p = rootPrefix(types, 'Types');
  return types.replace(
    new RegExp(`</${p}Types\\s*>`),
    `<${p}Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/></${p}Types>`,
  );
}

// ---------------------------------------------------------------------------------------------
// The merge

/** A part name of the same kind as `part` that is not taken (`xl/worksheets/sheet7.xml`). */
function freeName(part: string, taken: (p: string) => boolean): string {
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(part)!;
  for (let n = 1; ; n++) {
    const candidate = `${m[1]}${n}${m[3]}`;
    if (!taken(candidate)) return candidate;
  }
}

export class PackageError extends Error {}

/**
 * The planner's package `original` with the sheets `remove` (Kontorplan's own, by name) taken out
 * and every sheet of `scratch` (a package exceljs wrote with Kontorplan's sheets only) added at the end.
 */
export async function mergeOwnSheets(
  original: Buffer | Uint8Array,
  scratch: Buffer | Uint8Array,
  remove: readonly string[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(original);
  const src = await JSZip.loadAsync(scratch);
  const rootRels = parseRels((await text(zip, '_rels/.rels')) ?? '');
  const wbPart = workbookPartOf(rootRels);
  const wbXml = await text(zip, wbPart);
  if (wbXml === undefined) throw new PackageError(`the package has no workbook part (${wbPart})`);
  const wbRelsPath = relsPathOf(wbPart);
  const wbRels = await relsOf(zip, wbPart);
  const sheets = parseSheets(wbXml);
  const removeLower = new Set(remove.map((n) => n.toLowerCase()));
  const removed = sheets.filter((s) => removeLower.has(s.name.toLowerCase()));
  const kept = sheets.filter((s) => !removeLower.has(s.name.toLowerCase()));
  const partOfRid = (rid: string) => {
    const r = wbRels.find((x) => x.id === rid);
    return r ? resolveTarget(wbPart, r.target) : undefined;
  };

  // 1. What goes: the removed sheets and what only they reach.
  const removedParts = removed.map((s) => partOfRid(s.rid)).filter((p): p is string => p !== undefined);
  const removedRids = new Set(removed.map((s) => s.rid));
  const candidates = await closure(zip, removedParts);
  let newWbRels = wbRels.filter((r) => !removedRids.has(r.id));
  const dropCalcChain = removed.length > 0 && newWbRels.some((r) => r.type === REL_CALC_CHAIN);
  if (dropCalcChain) {
    const cc = newWbRels.find((r) => r.type === REL_CALC_CHAIN)!;
    candidates.add(resolveTarget(wbPart, cc.target));
    newWbRels = newWbRels.filter((r) => r.type !== REL_CALC_CHAIN);
  }
  // Still reachable from the package root with the removed sheets unhooked: stays.
  const keptRoots = [
    ...rootRels
      .filter((r) => !r.external)
      .map((r) => resolveTarget('', r.target))
      .filter((p) => p !== wbPart),
    ...newWbRels.filter((r) => !r.external).map((r) => resolveTarget(wbPart, r.target)),
  ];
  const reachable = await closure(zip, keptRoots, (p) => candidates.has(p) && removedParts.includes(p));
  const deleted = new Set([...candidates].filter((p) => !reachable.has(p) && p !== wbPart));
  for (const p of deleted) {
    zip.remove(p);
    zip.remove(relsPathOf(p));
  }
  let types = (await text(zip, '[Content_Types].xml')) ?? '';
  types = withoutOverrides(types, deleted);
  if (dropCalcChain)
    types = types.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*${CT_CALC_CHAIN.replace(/[.+]/g, '\\$&')}[^>]*>`, 'g'), '');

  // 2. Kontorplan's formats into the planner's style sheet.
  const stylesRel = newWbRels.find((r) => /\/styles$/.test(r.type));
  const srcWbPart = workbookPartOf(parseRels((await text(src, '_rels/.rels')) ?? ''));
  const srcWbRels = await relsOf(src, srcWbPart);
  const srcStylesRel = srcWbRels.find((r) => /\/styles$/.test(r.type));
  const srcStyles = srcStylesRel ? await text(src, resolveTarget(srcWbPart, srcStylesRel.target)) : undefined;
  let maps: StyleMaps = { xf: [], dxf: [] };
  if (srcStyles !== undefined && stylesRel) {
    const stylesPart = resolveTarget(wbPart, stylesRel.target);
    const merged = mergeStyles((await text(zip, stylesPart)) ?? '', srcStyles);
    maps = merged.maps;
    zip.file(stylesPart, merged.xml);
  } else if (srcStyles !== undefined) {
    // A workbook without a style sheet (some generators write none): Kontorplan's becomes it, indices unchanged.
    const stylesPart = freeName(`${dirOf(wbPart)}/styles.xml`, (p) => zip.file(p) !== null);
    zip.file(stylesPart, srcStyles);
    types = addOverride(types, stylesPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
    newWbRels.push({ id: 'rIdKontorplanStyles', type: srcStylesRel!.type, target: relativeTarget(wbPart, stylesPart), external: false });
  }
  const srcSharedRel = srcWbRels.find((r) => /\/sharedStrings$/.test(r.type));
  const srcShared = srcSharedRel ? ((await text(src, resolveTarget(srcWbPart, srcSharedRel.target))) ?? '') : '';
  const shared = elements(srcShared, 'si').map((e) => inner(e.text));

  // 3. Kontorplan's sheets and their parts under free names.
  const srcTypes = (await text(src, '[Content_Types].xml')) ?? '';
  const taken = (p: string) => zip.file(p) !== null;
  let tableId = 0;
  const tableNames = new Set<string>();
  for (const f of Object.keys(zip.files).filter((f) => /\.xml$/.test(f))) {
    const ct = overrideOf(types, f);
    if (ct?.endsWith('.table+xml')) {
      const a = attributes(/<(?:[\w.-]+:)?table\b[^>]*>/.exec((await text(zip, f)) ?? '')?.[0] ?? '<table>');
      tableNames.add((a.get('displayName') ?? a.get('name') ?? '').toLowerCase());
      const id = Number(a.get('id') ?? 0);
      tableId = Math.max(tableId, id);
    }
  }
  const renamed = new Map<string, string>();
  const usedRids = new Set(newWbRels.map((r) => r.id));
  const nextRid = () => {
    let n = newWbRels.length + 1;
    while (usedRids.has(`rId${n}`)) n++;
    usedRids.add(`rId${n}`);
    return `rId${n}`;
  };
  const added: { name: string; state: string; rid: string }[] = [];
  const srcSheets = parseSheets((await text(src, srcWbPart)) ?? '');
  const keptNames = new Set(kept.map((s) => s.name.toLowerCase()));
  for (const s of srcSheets) {
    if (keptNames.has(s.name.toLowerCase())) throw new PackageError(`sheet ${s.name} is already in the workbook`);
    const r = srcWbRels.find((x) => x.id === s.rid);
    if (!r) throw new PackageError(`sheet ${s.name} has no part in the scratch package`);
    const root = resolveTarget(srcWbPart, r.target);
    const parts = await closure(src, [root]);
    for (const part of parts)
      if (!renamed.has(part))
        renamed.set(
          part,
          freeName(part, (p) => taken(p) || [...renamed.values()].includes(p)),
        );
    const rid = nextRid();
    newWbRels.push({ id: rid, type: REL_WORKSHEET, target: relativeTarget(wbPart, renamed.get(root)!), external: false });
    added.push({ name: s.name, state: s.state, rid });
  }
  for (const [from, to] of renamed) {
    let xml = (await text(src, from)) ?? '';
    const ct = overrideOf(srcTypes, from) ?? defaultOf(srcTypes, from) ?? 'application/xml';
    if (ct.endsWith('.worksheet+xml')) xml = adaptSheet(xml, shared, maps);
    else if (ct.endsWith('.table+xml')) {
      // Table names are unique in a workbook; one of the planner's with the name of Kontorplan's stops the write.
      const name = attributes(/<table\b[^>]*>/.exec(xml)?.[0] ?? '<table>').get('displayName') ?? '';
      if (tableNames.has(name.toLowerCase())) throw new TableConflictError(name);
      xml = adaptTable(xml, ++tableId, maps);
    }
    zip.file(to, xml);
    types = addOverride(types, to, ct);
    const rels = await relsOf(src, from);
    if (rels.length > 0) {
      zip.file(
        relsPathOf(to),
        relsXml(
          rels.map((x) =>
            x.external
              ? x
              : { ...x, target: relativeTarget(to, renamed.get(resolveTarget(from, x.target)) ?? resolveTarget(from, x.target)) },
          ),
        ),
      );
    }
  }

  // 4. The workbook, its relationships and the content types.
  zip.file(wbPart, editWorkbook(wbXml, sheets, { kept, added, removedNames: removed.map((s) => s.name) }));
  zip.file(wbRelsPath, relsXml(newWbRels));
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
