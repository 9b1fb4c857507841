// Cars for sale in Club Cash In's marketplace. Prices sit near the guide value
// (a few points above for well-kept, low-mileage units, below for tired ones);
// mileage is about 12–18 thousand km a year. Photos are local placeholders.
import { Decimal } from 'decimal.js';
import { guideValue } from './price-guide.ts';

export type CatalogStatus = 'available' | 'reserved' | 'sold';

interface CatalogListing {
  brand: string;
  model: string;
  version: string;
  year: number;
  km: number;
  transmission: 'manual' | 'automática';
  fuel: 'gasolina' | 'diésel' | 'híbrido';
  color: string;
  location: string;
  /** Price over (or under) the guide value, as a fraction: "0.04" is 4 % above. */
  overGuide: string;
  highlight: string;
  status?: CatalogStatus;
}

const LISTINGS: CatalogListing[] = [
  { brand: 'nissan', model: 'versa', version: 'Advance', year: 2021, km: 48_200, transmission: 'automática', fuel: 'gasolina', color: 'gris oxford', location: 'CDMX', overGuide: '0.03', highlight: 'Único dueño, servicios de agencia al día.' },
  { brand: 'nissan', model: 'versa', version: 'Sense', year: 2019, km: 79_500, transmission: 'manual', fuel: 'gasolina', color: 'blanco', location: 'Puebla', overGuide: '-0.02', highlight: 'Ideal para plataforma o uso diario, muy rendidor.' },
  { brand: 'nissan', model: 'march', version: 'Sense', year: 2020, km: 61_000, transmission: 'manual', fuel: 'gasolina', color: 'rojo', location: 'Guadalajara', overGuide: '0.00', highlight: 'Económico y fácil de estacionar.' },
  { brand: 'nissan', model: 'np300', version: 'Estacas', year: 2018, km: 112_000, transmission: 'manual', fuel: 'gasolina', color: 'blanco', location: 'Monterrey', overGuide: '-0.03', highlight: 'Lista para trabajar, con redilas nuevas.' },
  { brand: 'nissan', model: 'np300', version: 'Frontier LE', year: 2022, km: 41_300, transmission: 'manual', fuel: 'diésel', color: 'plata', location: 'Querétaro', overGuide: '0.04', highlight: 'Doble cabina, llantas nuevas.' },
  { brand: 'nissan', model: 'sentra', version: 'Advance', year: 2020, km: 66_700, transmission: 'automática', fuel: 'gasolina', color: 'azul', location: 'CDMX', overGuide: '0.02', highlight: 'Cámara de reversa y CarPlay.' },
  { brand: 'nissan', model: 'kicks', version: 'Exclusive', year: 2021, km: 52_900, transmission: 'automática', fuel: 'gasolina', color: 'naranja con techo negro', location: 'Guadalajara', overGuide: '0.05', highlight: 'Versión tope de gama, piel y cámara 360°.' },
  { brand: 'chevrolet', model: 'aveo', version: 'LS', year: 2018, km: 88_400, transmission: 'manual', fuel: 'gasolina', color: 'gris', location: 'Puebla', overGuide: '-0.04', highlight: 'Precio de oportunidad, detalles estéticos menores.' },
  { brand: 'chevrolet', model: 'aveo', version: 'LT', year: 2023, km: 21_500, transmission: 'automática', fuel: 'gasolina', color: 'blanco', location: 'Monterrey', overGuide: '0.03', highlight: 'Aún con garantía de agencia.' },
  { brand: 'chevrolet', model: 'onix', version: 'Premier', year: 2022, km: 37_800, transmission: 'automática', fuel: 'gasolina', color: 'negro', location: 'CDMX', overGuide: '0.02', highlight: 'Turbo, WiFi a bordo y sensores de estacionamiento.', status: 'reserved' },
  { brand: 'chevrolet', model: 'beat', version: 'LT', year: 2019, km: 70_200, transmission: 'manual', fuel: 'gasolina', color: 'azul marino', location: 'Toluca', overGuide: '-0.01', highlight: 'Hatchback ahorrador, tenencias pagadas.' },
  { brand: 'volkswagen', model: 'jetta', version: 'Comfortline', year: 2019, km: 83_100, transmission: 'automática', fuel: 'gasolina', color: 'plata', location: 'Querétaro', overGuide: '0.00', highlight: 'Motor 1.4 turbo, muy cómodo en carretera.' },
  { brand: 'volkswagen', model: 'jetta', version: 'Highline', year: 2022, km: 34_600, transmission: 'automática', fuel: 'gasolina', color: 'blanco', location: 'CDMX', overGuide: '0.04', highlight: 'Quemacocos y tablero digital.' },
  { brand: 'volkswagen', model: 'vento', version: 'Starline', year: 2017, km: 104_300, transmission: 'manual', fuel: 'gasolina', color: 'rojo', location: 'León', overGuide: '-0.05', highlight: 'Mecánica noble, facturas en orden.' },
  { brand: 'volkswagen', model: 'virtus', version: 'Comfortline', year: 2024, km: 9_800, transmission: 'automática', fuel: 'gasolina', color: 'gris', location: 'Puebla', overGuide: '0.02', highlight: 'Prácticamente nuevo, cajuela enorme.' },
  { brand: 'toyota', model: 'corolla', version: 'Base', year: 2018, km: 91_000, transmission: 'automática', fuel: 'gasolina', color: 'blanco', location: 'Guadalajara', overGuide: '0.01', highlight: 'Toyota confiable, mantenimiento documentado.' },
  { brand: 'toyota', model: 'corolla', version: 'Hybrid', year: 2022, km: 28_400, transmission: 'automática', fuel: 'híbrido', color: 'gris metálico', location: 'CDMX', overGuide: '0.05', highlight: 'Hasta 25 km por litro en ciudad.' },
  { brand: 'toyota', model: 'hilux', version: 'Doble Cabina SR', year: 2020, km: 76_800, transmission: 'manual', fuel: 'diésel', color: 'plata', location: 'Monterrey', overGuide: '0.02', highlight: 'Aguanta todo: rancho, obra y carretera.', status: 'sold' },
  { brand: 'toyota', model: 'yaris', version: 'S', year: 2021, km: 45_200, transmission: 'automática', fuel: 'gasolina', color: 'rojo', location: 'Mérida', overGuide: '0.01', highlight: 'Sedán compacto con bajo consumo.' },
  { brand: 'kia', model: 'rio', version: 'LX', year: 2020, km: 58_300, transmission: 'manual', fuel: 'gasolina', color: 'blanco', location: 'Querétaro', overGuide: '-0.01', highlight: 'Pantalla táctil y Bluetooth.' },
  { brand: 'kia', model: 'rio', version: 'EX', year: 2023, km: 18_900, transmission: 'automática', fuel: 'gasolina', color: 'azul', location: 'Monterrey', overGuide: '0.03', highlight: 'Hecho en Nuevo León, garantía vigente.' },
  { brand: 'kia', model: 'forte', version: 'GT Line', year: 2021, km: 42_700, transmission: 'automática', fuel: 'gasolina', color: 'negro', location: 'CDMX', overGuide: '0.04', highlight: 'Deportivo, con asientos ventilados.', status: 'reserved' },
  { brand: 'kia', model: 'seltos', version: 'EX', year: 2022, km: 33_100, transmission: 'automática', fuel: 'gasolina', color: 'gris', location: 'Guadalajara', overGuide: '0.02', highlight: 'SUV espaciosa para la familia.' },
  { brand: 'mazda', model: 'mazda 2', version: 'i Sport', year: 2019, km: 67_900, transmission: 'manual', fuel: 'gasolina', color: 'rojo cristal', location: 'Puebla', overGuide: '0.00', highlight: 'Manejo ágil, interiores impecables.' },
  { brand: 'mazda', model: 'mazda 3', version: 'i Grand Touring', year: 2020, km: 55_600, transmission: 'automática', fuel: 'gasolina', color: 'gris máquina', location: 'CDMX', overGuide: '0.03', highlight: 'Sonido Bose y head-up display.' },
  { brand: 'mazda', model: 'cx-5', version: 'i Sport', year: 2018, km: 95_200, transmission: 'automática', fuel: 'gasolina', color: 'blanco perla', location: 'Querétaro', overGuide: '-0.02', highlight: 'SUV amplia con cajuela eléctrica.' },
  { brand: 'honda', model: 'cr-v', version: 'Touring', year: 2019, km: 81_400, transmission: 'automática', fuel: 'gasolina', color: 'negro', location: 'Guadalajara', overGuide: '0.01', highlight: 'Turbo, techo solar y asientos de piel.' },
  { brand: 'honda', model: 'city', version: 'EX', year: 2016, km: 118_700, transmission: 'automática', fuel: 'gasolina', color: 'plata', location: 'León', overGuide: '-0.04', highlight: 'Sedán espacioso y muy económico de mantener.' },
  { brand: 'hyundai', model: 'grand i10', version: 'GL MID', year: 2022, km: 30_500, transmission: 'manual', fuel: 'gasolina', color: 'blanco', location: 'Monterrey', overGuide: '0.00', highlight: 'Perfecto como primer auto.' },
  { brand: 'mg', model: 'mg5', version: 'Excite', year: 2023, km: 22_800, transmission: 'automática', fuel: 'gasolina', color: 'azul', location: 'CDMX', overGuide: '0.02', highlight: 'Mucho equipo por su precio.' },
];

export interface CatalogSeed {
  key: string;
  brand: string;
  model: string;
  version: string;
  year: number;
  km: number;
  price: Decimal;
  transmission: string;
  fuel: string;
  color: string;
  location: string;
  photos: string[];
  description: string;
  status: CatalogStatus;
}

export function catalogVehicles(): CatalogSeed[] {
  return LISTINGS.map((listing) => {
    const key = slug(`${listing.brand} ${listing.model} ${listing.version} ${listing.year} ${listing.location}`);
    const price = guideValue(listing.brand, listing.model, listing.year)
      .times(new Decimal(1).plus(listing.overGuide))
      .dividedBy(1000)
      .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
      .times(1000);
    return {
      key,
      brand: listing.brand,
      model: listing.model,
      version: listing.version,
      year: listing.year,
      km: listing.km,
      price,
      transmission: listing.transmission,
      fuel: listing.fuel,
      color: listing.color,
      location: listing.location,
      photos: [`/img/catalog/${key}.svg`],
      description: `${titleCase(listing.brand)} ${titleCase(listing.model)} ${listing.version} ${listing.year}, ${listing.km.toLocaleString('es-MX')} km, ${listing.transmission}, color ${listing.color}. ${listing.highlight} Revisado por Club Cash In; puedes verlo en ${listing.location}.`,
      status: listing.status ?? 'available',
    };
  });
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** How people write the names that plain capitalisation gets wrong. */
const DISPLAY_NAMES: Record<string, string> = { mg: 'MG', mg5: 'MG5', np300: 'NP300', 'cx-5': 'CX-5', 'cr-v': 'CR-V', 'grand i10': 'Grand i10' };

function titleCase(text: string): string {
  return DISPLAY_NAMES[text] ?? text.replace(/(^|\s)([a-z])/g, (_, space: string, letter: string) => space + letter.toUpperCase());
}
