import type { CellValue } from '../domain/sheets';
import type { ServicePoint } from '../domain/types';
import { cellText, foldName } from './cells';
import { message } from './messages';
import type { Language } from './problems';

/**
 * A service point from the words planners use: "hovedkontor" or "lokalkontor" (full office),
 * "avdelingskontor" (a branch, open 5 days unless a number says otherwise),
 * "åpningsdager 2" / "2 dager" (a branch open 2 days), "møterom" (meeting room),
 * "ingen" or blank (none). English: main office, branch, N days, meeting room, none.
 * Returns undefined for anything else.
 */
export function parseServicePoint(v: CellValue | undefined): ServicePoint | undefined {
  const text = cellText(v);
  const folded = foldName(text);
  if (folded === '' || ['ingen', 'none', 'nei', 'no'].includes(folded)) return { kind: 'none' };
  if (/^(moterom|meetingroom|meeting)/.test(folded)) return { kind: 'meeting' };
  if (/^(hovedkontor|fulltkontor|kontor|full|mainoffice|office|navkontor|lokalkontor|fulltlokalkontor|localoffice)$/.test(folded))
    return { kind: 'full' };
  const digits = /(\d+(?:[.,]\d+)?)/.exec(text);
  const days = digits ? Number(digits[1]!.replace(',', '.')) : undefined;
  if (/(avdeling|filial|branch|apningsdag|apent|dag|days|day|open)/.test(folded)) {
    if (days === undefined) return /avdeling|filial|branch/.test(folded) ? { kind: 'branch', days: 5 } : undefined;
    if (days <= 0 || days > 5) return undefined;
    return { kind: 'branch', days };
  }
  return undefined;
}

/** The service point as the sheets write it: "hovedkontor" (the host's; a partner's full office is "lokalkontor"), "åpningsdager 2", … */
export function servicePointLabel(sp: ServicePoint, partner = false, lang: Language = 'nb'): string {
  switch (sp.kind) {
    case 'full':
      return message(partner ? 'localOffice' : 'hostSite', {}, lang);
    case 'branch':
      return sp.days === 5
        ? message('branchOffice', {}, lang)
        : message('openingDays', { days: lang === 'en' ? String(sp.days) : String(sp.days).replace('.', ',') }, lang);
    case 'meeting':
      return message('meetingRoom', {}, lang);
    case 'none':
      return message('noSite', {}, lang);
  }
}
