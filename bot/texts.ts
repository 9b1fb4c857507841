// Everything Ana says, in one place: Mexican Spanish, tú, short and warm,
// readable on WhatsApp. Figures are passed in already formatted.
import type { IntentName } from './nlu/index.ts';

const hi = (name: string | null | undefined) => (name ? `, ${name}` : '');

export const texts = {
  introduction: (name: string | null) =>
    `¡Hola${hi(name)}! 👋 Soy Ana, la asistente virtual de Club Cash In. Te ayudo a simular un crédito con la garantía de tu auto (y lo sigues manejando 🚗), a conocer cómo invertir con nosotros, a revisar tu crédito o a hablar con un asesor.`,
  askName: '¿Cómo te llamas?',
  greetingAgain: (name: string | null) => `¡Hola de nuevo${hi(name)}! 😊 ¿En qué te ayudo?`,
  niceToMeetYou: (name: string) => `¡Mucho gusto, ${name}! 😊`,
  nameSkipped: 'Sin problema 🙂',
  howCanIHelp: '¿En qué te ayudo?',
  goodbye: (name: string | null) => `¡Gracias por escribir${hi(name)}! Aquí estoy cuando me necesites. Que tengas un excelente día 👋`,
  thanks: '¡Con todo gusto! 😊 ¿Hay algo más en lo que te pueda ayudar?',
  affirmWithoutContext: '¡Va! ¿Con qué te ayudo? Puedes elegir una opción:',
  denyWithoutContext: 'Sale, sin problema. Si necesitas algo más, aquí estoy 🙂',
  declinedOffer: 'Va, sin problema. ¿Te ayudo con algo más?',
  outOfScope: 'Uy, de eso no te puedo ayudar 😅 Yo te apoyo con créditos con garantía de tu auto, inversiones y tu cuenta en Club Cash In.',
  fallback: 'Perdón, no te entendí bien 😅 ¿Me lo dices de otra forma? También puedes elegir una opción:',
  offerAdvisorAfterMisunderstanding:
    'Creo que no te estoy entendiendo bien y no quiero hacerte perder tiempo 🙏 ¿Quieres que te comunique con un asesor?',
  clarify: (first: string, second: string) => `Quiero asegurarme de entenderte: ¿quieres ${first} o ${second}?`,
  cancelled: 'Listo, lo dejamos aquí 👍 ¿Te ayudo con otra cosa?',
  restarted: 'Va, empezamos de nuevo 🔄 ¿Qué te gustaría hacer?',
  nothingToCancel: 'No había nada en curso 🙂 ¿Qué te gustaría hacer?',
  notUnderstoodInFlow: 'Perdón, no te entendí 😅 Si prefieres dejarlo, escribe "cancelar".',
  resume: 'Retomando lo que estábamos viendo:',
  handoff: (name: string | null, hours: string) =>
    `Listo${hi(name)}, ya le pasé tu conversación a un asesor de Club Cash In 🙌 Te va a responder aquí mismo. Atendemos ${hours}; si escribes fuera de horario, te contestamos en cuanto abramos.`,
  complaint: (name: string | null, hours: string) =>
    `Lamento mucho lo que pasó${hi(name)} 😔 Tu caso es importante para nosotros: ya lo pasé con prioridad a un asesor, que te va a responder aquí mismo. Atendemos ${hours}.`,
  comingSoon: (topic: string) =>
    `Estoy preparando la opción de ${topic} para ayudarte por aquí muy pronto 🛠️ Mientras tanto, un asesor te puede ayudar. ¿Quieres que te comunique con uno?`,
  comingSoonInFlow: (topic: string) =>
    `La opción de ${topic} la estoy preparando 🛠️ Si prefieres, escribe "asesor" y te comunico con una persona.`,
  somethingFailed: 'Uy, algo falló de mi lado 😓 ¿Me lo repites en un momento? Si sigue pasando, escribe "asesor" y te comunico con una persona.',

  form: {
    noted: (what: string) => `Anotado: ${what} 👍`,
  },

  simulation: {
    corrected: (what: string) => `Va, lo cambio: ${what} 👍`,
    askAmount: '¿Cuánto dinero necesitas? Por ejemplo: 80 mil.',
    askTerm: (terms: number[]) => `¿A qué plazo lo quieres pagar? Tenemos ${listTerms(terms)} meses.`,
    askScheme:
      '¿Cómo prefieres pagar? Pagos fijos (siempre lo mismo), decrecientes (bajan cada mes) o solo intereses (y el capital al final). Si te da igual, te lo simulo con pagos fijos.',
    amountOutOfRange: (min: string, max: string) => `Podemos prestarte desde ${min} hasta ${max}. ¿Cuánto necesitas?`,
    termNotAllowed: (months: number, terms: number[]) => `No manejamos plazo de ${months} meses 🙏 Puede ser de ${listTerms(terms)} meses. ¿Cuál prefieres?`,
    result: (lines: string[]) => lines.join('\n'),
    header: (amount: string, months: number, scheme: string) => `Listo, así quedaría tu crédito de ${amount} a ${months} meses con ${scheme}:`,
    monthlyFixed: (payment: string) => `• Pago mensual: ${payment}`,
    monthlyDecreasing: (first: string, last: string) => `• Primer pago: ${first}; el último, ${last}`,
    monthlyInterestOnly: (payment: string, last: string) => `• Pago mensual: ${payment}; el último, ${last} (incluye el capital)`,
    totalToPay: (total: string) => `• Total a pagar: ${total}`,
    cat: (cat: string) => `• ${cat}`,
    disclaimer: 'Es una simulación: la tasa final depende de la valuación de tu auto y de tu perfil.',
    offerNext: '¿Quieres comparar los tres esquemas de pago o solicitar tu crédito?',
    comparisonHeader: (amount: string, months: number) => `Comparativa para ${amount} a ${months} meses:`,
    comparisonLine: (scheme: string, first: string, total: string, cat: string) => `• ${scheme}: primer pago ${first}, total ${total}, ${cat}`,
    offerApply: '¿Te gustaría solicitarlo?',
    noSimulationToCompare: 'Primero hagamos una simulación y luego te comparo los esquemas 🙂',
  },
} as const;

export const schemeNames: Record<'fixed' | 'decreasing' | 'interest_only', string> = {
  fixed: 'pagos fijos',
  decreasing: 'pagos decrecientes',
  interest_only: 'pago de solo intereses',
};

/** How Ana names an intent in a clarifying question or a "coming soon" answer. */
export const intentTopics: Record<IntentName, string> = {
  greeting: 'saludar',
  goodbye: 'despedirte',
  thanks: 'dar las gracias',
  affirm: 'decir que sí',
  deny: 'decir que no',
  simulate_credit: 'simular un crédito',
  apply_credit: 'solicitar un crédito',
  simulate_investment: 'simular una inversión',
  invest: 'invertir',
  loan_status: 'consultar tu crédito',
  make_payment: 'hacer un pago',
  book_appointment: 'agendar una cita',
  manage_appointment: 'cambiar o cancelar una cita',
  contract: 'ver tu contrato',
  marketplace: 'ver autos en venta',
  human_agent: 'hablar con un asesor',
  complaint: 'levantar una queja',
  faq: 'resolver una duda',
  out_of_scope: 'otra cosa',
};

/** Title of the button for each intent in a clarifying question. */
export const intentButtons: Record<IntentName, string> = {
  ...Object.fromEntries(Object.entries(intentTopics).map(([intent, topic]) => [intent, capitalize(topic)])),
} as Record<IntentName, string>;

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listTerms(terms: number[]): string {
  return terms.length > 1 ? `${terms.slice(0, -1).join(', ')} o ${terms.at(-1)}` : String(terms[0]);
}
