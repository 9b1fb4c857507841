// What Ana says about a customer's loan: identity first, then the figures.
import type { LoanStatus } from '../../../services/db/generated/enums.ts';

export const statusNames: Record<LoanStatus, string> = {
  pending: 'en trámite ⏳',
  current: 'al corriente ✅',
  overdue: 'con pagos atrasados ⚠️',
  paid_off: 'liquidado 🎉',
  defaulted: 'en cobranza ⚠️',
  cancelled: 'cancelado',
};

export const loanTexts = {
  askContract:
    'Para cuidar tu información, primero confirmo que eres tú 🔒 ¿Me compartes tu número de contrato? Empieza con CCI, por ejemplo: CCI-2025-000123.',
  askBirthDate: 'Gracias. Ahora tu fecha de nacimiento (día/mes/año), por ejemplo: 14/03/1985.',
  invalidBirthDate: 'No pude leer la fecha 😅 Escríbela así: 14/03/1985.',
  failed: (left: number) =>
    `Los datos no coinciden con nuestros registros 🙁 Te ${left === 1 ? 'queda 1 intento' : `quedan ${left} intentos`}. ¿Me compartes de nuevo tu número de contrato?`,
  locked: (until: string) =>
    `Por tu seguridad bloqueé la consulta de créditos hasta las ${until} 🔒 Si necesitas ayuda ahora, un asesor te puede atender. ¿Quieres que te comunique con uno?`,
  verifiedByWhatsApp: 'Ya confirmé tu identidad con tu número de WhatsApp ✅',
  noLoans: 'No encontré créditos a tu nombre 🤔 Si crees que es un error, un asesor te ayuda con gusto.',
  chooseLoan: (count: number) => `Tienes ${count} créditos con nosotros. ¿Cuál quieres revisar?`,
  statusHeader: (contract: string, vehicle: string) => `Tu crédito ${contract}${vehicle ? ` (${vehicle})` : ''}:`,
  status: (name: string) => `• Estado: ${name}`,
  balance: (amount: string) => `• Saldo para liquidar hoy: ${amount}`,
  nextPayment: (amount: string, date: string) => `• Próximo pago: ${amount} el ${date}`,
  overdue: (amount: string, days: number) => `• Vencido: ${amount} (${days} ${days === 1 ? 'día' : 'días'} de atraso)`,
  progress: (paid: number, total: number) => `• Pagos hechos: ${paid} de ${total}`,
  paymentHeader: (contract: string) => `Para pagar tu crédito ${contract}:`,
  amountDue: (amount: string) => `• Monto a pagar: ${amount}`,
  dueDetail: (next: string, date: string, overdue: string) => `  (${next} del ${date} + ${overdue} vencido)`,
  dueDate: (date: string) => `• Fecha límite: ${date}`,
  bank: (bank: string, beneficiary: string) => `• Banco: ${bank}, a nombre de ${beneficiary}`,
  clabe: (clabe: string) => `• CLABE: ${clabe}`,
  reference: (reference: string) => `• Referencia: ${reference}`,
  howToReport: 'Cuando hayas pagado, escríbeme "ya pagué" y lo registro 🙌',
  askPaidAmount: '¡Gracias por tu pago! 🙌 ¿De cuánto fue?',
  askPaidOn: '¿Qué día lo hiciste? Por ejemplo: hoy, ayer o 10/06/2025.',
  invalidPaidOn: 'Esa fecha no me cuadra 😅 ¿Qué día pagaste? Por ejemplo: hoy, ayer o 10/06/2025.',
  paymentReported: (amount: string, date: string, contract: string) =>
    `Listo, registré tu pago de ${amount} del ${date} para el crédito ${contract} ✅ Tesorería lo aplica en cuanto lo confirme con el banco (normalmente en un día hábil). Si tienes el comprobante, mándamelo por aquí.`,
  anythingElse: '¿Te ayudo con algo más?',
} as const;
