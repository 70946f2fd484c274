// The embedded municipality data and road/ferry network, inlined by webpack (asset/source).
import kommuner from '../../assets/kommuner_2024.csv';
import sentre from '../../assets/kommunesentre_2024.csv';
import naboer from '../../assets/naboer_2024.csv';
import lenker from '../../assets/lenker_2024.csv';
import ferjer from '../../assets/ferjer_og_bruer_2024.csv';
import oyer from '../../assets/oyer_2024.csv';
import kryssinger from '../../assets/kryssinger_2024.csv';
import { parseEmbeddedMunicipalities } from '../data/embedded';
import { embeddedNetwork } from '../data/network';
import type { EmbeddedData } from './planner';

export function embeddedData(): EmbeddedData {
  const municipalities = parseEmbeddedMunicipalities(kommuner, sentre);
  return {
    municipalities,
    network: embeddedNetwork(municipalities, {
      neighbours: naboer,
      crossings: ferjer,
      links: lenker,
      islands: oyer,
      crossingPaths: kryssinger,
    }),
  };
}
