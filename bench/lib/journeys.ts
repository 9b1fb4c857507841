// Scripted customer journeys in informal Mexican Spanish, the way people write
// on WhatsApp: greetings, a credit simulation with its slots filled one by one
// and then corrected, questions in the middle, thanks and goodbye. Each
// conversation of the load client walks these in turn, so every run mixes
// NLU, dialogs, the simulation service and knowledge answers.

export interface JourneyTurn {
  text: string;
}

export interface Journey {
  name: string;
  turns: JourneyTurn[];
}

const say = (...texts: string[]): JourneyTurn[] => texts.map((text) => ({ text }));

export const JOURNEYS: readonly Journey[] = [
  {
    name: 'simulation with slot filling and a correction',
    turns: say('hola buenas tardes', 'quiero un prestamo', '80 mil', 'a 24 meses', 'mejor a 36 meses', 'muchas gracias', 'bye'),
  },
  {
    name: 'questions first, then a simulation in one message',
    turns: say('buen dia', 'que requisitos piden para el credito?', 'me puedo quedar con mi carro?', 'necesito 150 mil pesos a 2 años', 'ok gracias', 'hasta luego'),
  },
  {
    name: 'simulation with a digression and a different scheme',
    turns: say('holaa q tal', 'quiero simular un credito', 'medio millon', 'cuanto cobran de gps?', 'a 48 meses', 'y con pagos decrecientes?', 'grax, adios'),
  },
  {
    name: 'faq only',
    turns: say('buenas noches', 'cuanto tardan en depositar?', 'que pasa si me atraso en un pago?', 'tienen sucursales en guadalajara?', 'gracias por la info', 'nos vemos'),
  },
  {
    name: 'typos and a restart',
    turns: say('ola', 'kiero un presamo para mi coche', '$120,000', '18 meses', 'cancelar', 'quiero 60 mil a 12 meses', 'sale gracias'),
  },
];

const ALL_TURNS = JOURNEYS.flatMap((journey) => journey.turns);
const JOURNEY_STARTS = JOURNEYS.map((_, i) => JOURNEYS.slice(0, i).reduce((n, journey) => n + journey.turns.length, 0));

/**
 * The `step`-th message of conversation number `conversation`: it starts at
 * the beginning of journey `conversation mod journeys` and walks the journeys
 * one after another, so neighbouring conversations are at different stages.
 */
export function turnAt(conversation: number, step: number): JourneyTurn {
  const start = JOURNEY_STARTS[conversation % JOURNEYS.length]!;
  return ALL_TURNS[(start + step) % ALL_TURNS.length]!;
}

/** Every message of every journey, in order (for NLU and floors). */
export function allJourneyTexts(): string[] {
  return JOURNEYS.flatMap((journey) => journey.turns.map((turn) => turn.text));
}
