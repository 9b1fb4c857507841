// A customer's loan through the conversation API (and WhatsApp): nothing is
// disclosed before identity verification, guessing locks the lookup, a
// customer with two loans chooses, and payments are explained and reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../../bot/format.ts';
import { listContactLoans } from '../../../services/credit/loans.ts';
import { NOW, startBusinessHarness, type BusinessHarness } from './business-harness.ts';

let api: BusinessHarness;
beforeAll(async () => {
  api = await startBusinessHarness();
});
afterAll(async () => {
  await api?.stop();
});

const DISCLOSES = /Saldo|Próximo pago|CLABE|Referencia|\$\d/;

async function loanOf(contractNumber: string) {
  const prisma = api.ana.context.db.prisma;
  const row = await prisma.loan.findFirstOrThrow({ where: { contractNumber } });
  const loans = await listContactLoans(prisma, row.contactId, { now: NOW, timeZone: 'America/Mexico_City' });
  return { row, summary: loans.find((loan) => loan.contractNumber === contractNumber)! };
}

describe('loan_status', () => {
  it('verifies by contract and date of birth, then tells status, balance and next payment', async () => {
    const id = await api.start();
    const ask = await api.say(id, 'como va mi credito');
    expect(ask).toMatch(/número de contrato/);
    expect(ask).not.toMatch(DISCLOSES);
    expect(await api.say(id, 'CCI-2025-000101')).toMatch(/fecha de nacimiento/);
    const status = await api.say(id, '14/03/1985');
    const { summary } = await loanOf('CCI-2025-000101');
    expect(status).toContain('Tu crédito CCI-2025-000101');
    expect(status).toMatch(/Estado: (al corriente|con pagos atrasados)/);
    expect(status).toContain(`Saldo para liquidar hoy: ${formatMoney(summary.outstandingBalance)}`);
    expect(status).toContain(`Próximo pago: ${formatMoney(summary.nextPayment!.amount)}`);
  });

  it('cannot be bypassed: wrong date, another customer\'s contract, and the third failure locks', async () => {
    const id = await api.start();
    await api.say(id, 'quiero saber mi saldo');
    await api.say(id, 'CCI-2025-000101');
    const wrongDate = await api.say(id, '01/01/1990');
    expect(wrongDate).toMatch(/no coinciden/);
    expect(wrongDate).toMatch(/quedan 2 intentos/);
    expect(wrongDate).not.toMatch(DISCLOSES);
    // Guadalupe's contract with Alejandro's date of birth.
    await api.say(id, 'CCI-2025-000102');
    const someoneElse = await api.say(id, '14/03/1985');
    expect(someoneElse).toMatch(/queda 1 intento/);
    expect(someoneElse).not.toMatch(DISCLOSES);
    await api.say(id, 'CCI-2025-000999');
    const locked = await api.say(id, '14/03/1985');
    expect(locked).toMatch(/bloqueé la consulta/);
    expect(locked).not.toMatch(DISCLOSES);
    // Even the right data is refused while locked.
    await api.say(id, 'mi credito');
    await api.say(id, 'CCI-2025-000101');
    const stillLocked = await api.say(id, '14/03/1985');
    expect(stillLocked).toMatch(/bloqueé/);
    expect(stillLocked).not.toMatch(DISCLOSES);
    const handoff = await api.send(id, { text: 'sí' });
    expect(handoff.conversation.status).toBe('handoff');
    const attempts = await api.ana.context.db.prisma.identityVerificationAttempt.count({ where: { conversationId: id, success: true } });
    expect(attempts).toBe(0);
  });

  it('on WhatsApp the sender number verifies, and a customer with two loans chooses one', async () => {
    const first = await api.whatsapp('5218150000103', 'hola, como va mi credito?');
    expect(first.text).toMatch(/confirmé tu identidad/);
    expect(first.text).toMatch(/Tienes 2 créditos/);
    expect(first.text).not.toMatch(/Saldo/);
    const options = first.replies.at(-1)!.suggestedActions!.map((a) => a.value);
    expect(options).toEqual(expect.arrayContaining(['CCI-2025-000103', 'CCI-2025-000111']));
    const chosen = await api.whatsapp('5218150000103', 'CCI-2025-000111');
    const { summary } = await loanOf('CCI-2025-000111');
    expect(chosen.text).toContain('Tu crédito CCI-2025-000111');
    expect(chosen.text).toContain(formatMoney(summary.outstandingBalance));
  });

  it('a WhatsApp number that is not a borrower\'s must prove identity', async () => {
    const reply = await api.whatsapp('5215599998888', 'cuanto debo de mi credito');
    expect(reply.text).toMatch(/número de contrato/);
    expect(reply.text).not.toMatch(DISCLOSES);
  });
});

describe('make_payment', () => {
  it('gives reference, CLABE and amount due, then records a reported payment', async () => {
    const id = await api.start();
    await api.say(id, 'como pago mi mensualidad');
    await api.say(id, 'cci 2025 000101');
    const how = await api.say(id, '14 de marzo de 1985');
    const { row, summary } = await loanOf('CCI-2025-000101');
    expect(how).toContain(`CLABE: ${row.clabe}`);
    expect(how).toContain(`Referencia: ${row.paymentReference}`);
    expect(how).toContain(`Monto a pagar: ${formatMoney(summary.nextPayment!.amount.plus(summary.overdue.amount))}`);
    expect(how).toMatch(/ya pagué/);
    expect(await api.say(id, 'ya pagué')).toMatch(/¿De cuánto fue\?/);
    expect(await api.say(id, '3,500')).toMatch(/Qué día/);
    const reported = await api.say(id, 'ayer');
    expect(reported).toMatch(/registré tu pago de \$3,500.00 MXN del 10 de junio de 2025/);
    const payment = await api.ana.context.db.prisma.payment.findFirstOrThrow({ where: { loanId: row.id, status: 'pending' } });
    expect(payment.amount.toString()).toBe('3500');
    expect(payment.paidAt.toISOString().slice(0, 10)).toBe('2025-06-10');
  });
});
