// When the two best intents are close, Ana asks which one, offering both; the
// NLU is stubbed so the test follows the rule, not the current model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntentName, Nlu, NluResult } from '../../../bot/nlu/index.ts';
import { sharedNlu } from '../../../bot/nlu-instance.ts';
import { startApiHarness, type ApiHarness } from '../rest/harness.ts';

const AMBIGUOUS = 'lo del credito';
const ambiguousNlu: Nlu = {
  parse(text, options): NluResult {
    if (text !== AMBIGUOUS) return sharedNlu().parse(text, options);
    const ranking = [
      { name: 'simulate_credit' as IntentName, confidence: 0.42 },
      { name: 'apply_credit' as IntentName, confidence: 0.38 },
      { name: 'faq' as IntentName, confidence: 0.1 },
    ];
    return { text, intent: ranking[0]!, ranking, entities: [] };
  },
};

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness({ nlu: ambiguousNlu });
});
afterAll(async () => {
  await api?.stop();
});

describe('clarifying question', () => {
  it('offers both close intents and goes on with the one tapped', async () => {
    const id = await api.start();
    const body = await api.send(id, { text: AMBIGUOUS });
    expect(body.replies).toHaveLength(1);
    expect(body.replies[0]!.text).toBe('Quiero asegurarme de entenderte: ¿quieres simular un crédito o solicitar un crédito?');
    expect(body.replies[0]!.suggestedActions).toEqual([
      { title: 'Simular un crédito', value: 'simulate_credit' },
      { title: 'Solicitar un crédito', value: 'apply_credit' },
    ]);
    expect(await api.send(id, { value: 'simulate_credit' }).then((b) => b.replies[0]!.text)).toMatch(/¿Cuánto dinero necesitas\?/);
  });

  it('a "sí" to the clarifying question takes the first option', async () => {
    const id = await api.start();
    await api.send(id, { text: AMBIGUOUS });
    expect(await api.say(id, 'si')).toMatch(/¿Cuánto dinero necesitas\?/);
  });
});
