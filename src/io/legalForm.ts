import type { CellValue } from '../domain/sheets';
import type { LegalForm } from '../domain/types';
import { cellText, foldName } from './cells';

/** Every word a planner may write for a legal form, folded (see foldName). */
const LEGAL_FORMS: Readonly<Record<string, LegalForm>> = {
  vertskommune: 'vertskommune',
  vertskommunesamarbeid: 'vertskommune',
  host: 'vertskommune',
  hostagreement: 'vertskommune',
  sammenslatt: 'sammenslått',
  sammenslaing: 'sammenslått',
  kommunesammenslaing: 'sammenslått',
  merger: 'sammenslått',
  merged: 'sammenslått',
  statlig: 'statlig',
  kunstatlig: 'statlig',
  statligtjenesteomrade: 'statlig',
  tjenesteomrade: 'statlig',
  stateonly: 'statlig',
  state: 'statlig',
  uformelt: 'uformelt',
  uformell: 'uformelt',
  informal: 'uformelt',
  ukjent: 'ukjent',
  unknown: 'ukjent',
};

/** The legal form a cell names, or undefined for anything else (a blank too). */
export function parseLegalForm(v: CellValue | undefined): LegalForm | undefined {
  return LEGAL_FORMS[foldName(cellText(v))];
}
