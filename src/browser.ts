// Browser entry: the engine plus the embedded dataset as text (webpack inlines the CSV).
import csv from '../assets/kommuner_2024.csv';

export * from './engine';
export const KOMMUNER_CSV: string = csv;
