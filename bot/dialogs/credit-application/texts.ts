// What Ana says in the credit application (Tranki's digital flow).
import { formatMoney } from '../../format.ts';
const hi = (name: string | undefined) => (name ? `, ${name}` : '');

export const applicationTexts = {
  start: '¡Va! Te hago unas preguntas rápidas para precalificarte en minutos 🚗💨 Si quieres dejarlo, escribe "cancelar".',
  askName: '¿Cuál es tu nombre completo?',
  /** "$80,000 a 24 meses", "$80,000", "un plazo de 24 meses". */
  wanted: ({ requestedAmount: amount, requestedTermMonths: months }: { requestedAmount?: number; requestedTermMonths?: number }) =>
    amount === undefined ? `un plazo de ${months} meses` : months === undefined ? formatMoney(amount) : `${formatMoney(amount)} a ${months} meses`,
  askPhone: (name: string | undefined) => `Gracias${hi(name)} 🙌 ¿A qué número de celular te podemos llamar? (10 dígitos)`,
  askEmail: '¿Y tu correo electrónico? Si no tienes, escribe "no tengo".',
  askBrand: '¿Qué auto tienes? Dime la marca, el modelo y el año. Por ejemplo: Nissan Versa 2019.',
  askModel: (brand: string) => `¿Qué modelo de ${brand} es? Por ejemplo: Versa, Aveo, Jetta.`,
  askYear: (vehicle: string) => `¿De qué año es tu ${vehicle}?`,
  askIncome: '¿Cuánto ganas al mes, más o menos? (puedes sumar todos tus ingresos)',
  askDebts: '¿Cuánto pagas al mes de otras deudas (tarjetas, préstamos)? Si no tienes, escribe "ninguna".',
  notInGuide: (vehicle: string) => `No encontré el ${vehicle} en nuestra guía de precios 🤔`,
  pickModel: '¿Es alguno de estos modelos?',
  pickYear: 'Lo tengo en estos años, ¿cuál es el tuyo?',
  unknownBrand: '¿Me dices otra vez la marca y el modelo? Si es un auto poco común, un asesor lo puede valuar: escribe "asesor".',
  checking: 'Dame un segundo, estoy revisando tu precalificación… ⏳',
  prequalified: (name: string | undefined, vehicle: string, amount: string, months: number) =>
    `¡Buenas noticias${hi(name)}! 🎉 Con tu ${vehicle} estás precalificado hasta por ${amount} a ${months} meses, y sigues manejando tu auto.`,
  review: (name: string | undefined, vehicle: string, amount: string, months: number) =>
    `Gracias${hi(name)} 🙌 Con tu ${vehicle} podríamos prestarte hasta ${amount} a ${months} meses, pero antes un asesor tiene que revisar tu caso:`,
  declined: (name: string | undefined) => `Gracias por tu confianza${hi(name)} 🙏 Por ahora no podemos ofrecerte el crédito:`,
  declinedNext: 'Si tu situación cambia, aquí estoy. Si quieres, un asesor puede revisar otras opciones contigo.',
  reasons: (reasons: string[]) => reasons.map((reason) => `• ${reason}`).join('\n'),
  advisorCalls: (advisor: string, when: string) =>
    `Tu asesor ${advisor} te va a llamar ${when} para revisar tus documentos (INE, comprobante de domicilio, factura y tarjeta de circulación) y agendar la revisión de tu auto 📞`,
  advisorWillCall: 'Un asesor te va a llamar en cuanto abramos para seguir con tu solicitud 📞',
  anythingElse: '¿Te ayudo con algo más mientras tanto?',
} as const;
