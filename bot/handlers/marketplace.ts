// The marketplace: cars for sale that Club Cash In finances. Ana reads brand,
// year and price from the message, shows a few cards (text for every channel,
// hero cards with the photo where the channel can show them) with a financing
// example, and "Me interesa" (value "marketplace:<vehicle id>") opens the
// vehicle opportunity with an advisor.
import { action } from '../actions.ts';
import type { VehicleCard } from '../../services/marketplace/catalog.ts';
import { beginFlow } from '../dialogs/flow.ts';
import { LEAD_CONTACT, type LeadContactOptions } from '../dialogs/lead-contact/index.ts';
import { formatAmount, formatMoney } from '../format.ts';
import { businessNow } from '../turn-info.ts';
import type { ReplyAttachment, SuggestedAction } from '../turn.ts';
import { ComingSoonHandler } from './coming-soon.ts';
import { knownDetails } from './lead-details.ts';
import type { Turn } from './types.ts';

const SHOWN = 3;
export const INTEREST_PREFIX = 'marketplace:';

const t = {
  found: (total: number, filters: string) => `Encontré ${total} ${total === 1 ? 'auto' : 'autos'}${filters} 🚗 Te muestro ${Math.min(total, SHOWN) === 1 ? 'este' : `los ${Math.min(total, SHOWN)} de mejor precio`}:`,
  none: (filters: string) => `Por ahora no tengo autos${filters} 😔 Te muestro lo que sí tenemos:`,
  empty: 'Por ahora no tengo autos en venta 😔 Un asesor te puede avisar cuando llegue uno para ti.',
  card: (card: VehicleCard) =>
    `• ${card.title}: ${formatMoney(card.price)}, ${card.km.toLocaleString('en-US')} km${card.location ? `, ${card.location}` : ''}` +
    (card.financing ? `\n   Ejemplo: enganche de ${formatMoney(card.financing.downPayment)} y ${card.financing.termMonths} pagos de ${formatMoney(card.financing.monthlyPayment)}` : ''),
  next: 'Si alguno te gusta, toca "Me interesa" y un asesor te contacta. También puedes pedirme otra marca, año o precio (por ejemplo: "Jetta 2020 de menos de 300 mil").',
};

export class MarketplaceHandler extends ComingSoonHandler {
  constructor() {
    super('marketplace');
  }

  override async handle(turn: Turn): Promise<void> {
    const office = turn.services.backOffice;
    if (!office) return super.handle(turn);
    turn.memory.pendingQuestion = undefined;
    const now = businessNow(turn.services, turn.conversation);
    if (turn.nlu.text.startsWith(INTEREST_PREFIX)) return this.interested(turn, turn.nlu.text.slice(INTEREST_PREFIX.length), now);

    const brand = turn.nlu.entities.find((e) => e.type === 'vehicle_brand')?.value;
    const year = turn.nlu.entities.find((e) => e.type === 'vehicle_year')?.value;
    const price = turn.nlu.entities.find((e) => e.type === 'amount')?.value;
    const query = {
      ...(typeof brand === 'string' ? { brand } : {}),
      ...(typeof year === 'number' ? { yearMin: year } : {}),
      ...(typeof price === 'number' ? { priceMax: price } : {}),
      pageSize: SHOWN,
    };
    const filters = describeFilters(query);
    let page = await office.searchCatalog(query, now);
    let intro = t.found(page.total, filters);
    if (page.total === 0 && filters) {
      page = await office.searchCatalog({ pageSize: SHOWN }, now);
      intro = t.none(filters);
    }
    if (page.items.length === 0) return turn.say(t.empty, [action.advisor]);
    const cards = page.items;
    const interest: SuggestedAction[] = cards.map((card) => ({ title: `Me interesa: ${card.title}`, value: `${INTEREST_PREFIX}${card.id}` }));
    await turn.show([intro, ...cards.map(t.card)].join('\n'), cards.map(heroCard));
    await turn.say(t.next, [...interest, action.simulateCredit]);
  }

  private async interested(turn: Turn, vehicleId: string, now: Date): Promise<void> {
    const card = await turn.services.backOffice!.vehicle(vehicleId, now);
    if (!card) return turn.say('Uy, ese auto ya no está disponible 😔 ¿Quieres ver otros?', [{ title: 'Ver autos', value: 'marketplace' }]);
    await beginFlow(turn, LEAD_CONTACT, { purpose: { kind: 'vehicle', vehicleId: card.id, title: card.title }, known: await knownDetails(turn) } satisfies LeadContactOptions);
  }
}

function describeFilters(query: { brand?: string; yearMin?: number; priceMax?: number }): string {
  const parts = [
    query.brand ? ` ${query.brand.charAt(0).toUpperCase()}${query.brand.slice(1)}` : '',
    query.yearMin ? ` del ${query.yearMin} en adelante` : '',
    query.priceMax ? ` de hasta ${formatAmount(query.priceMax)}` : '',
  ];
  return parts.join('');
}

function heroCard(card: VehicleCard): ReplyAttachment {
  return {
    contentType: 'application/vnd.microsoft.card.hero',
    content: {
      title: card.title,
      subtitle: `${formatMoney(card.price)} · ${card.km.toLocaleString('en-US')} km${card.location ? ` · ${card.location}` : ''}`,
      text: card.financing ? `Enganche ${formatMoney(card.financing.downPayment)} y ${card.financing.termMonths} pagos de ${formatMoney(card.financing.monthlyPayment)}` : (card.description ?? ''),
      images: card.photo ? [{ url: card.photo, alt: card.title }] : [],
      buttons: [{ type: 'postBack', title: 'Me interesa', value: `${INTEREST_PREFIX}${card.id}` }],
    },
  };
}
