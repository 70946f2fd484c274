// Browser entry: the engine plus the embedded data as text (webpack inlines the CSV files).
import kommuner from '../assets/kommuner_2024.csv';
import naboer from '../assets/naboer_2024.csv';
import ferjer from '../assets/ferjer_og_bruer_2024.csv';

export * from './engine';
export const KOMMUNER_CSV: string = kommuner;
export const NABOER_CSV: string = naboer;
export const FERJER_CSV: string = ferjer;
