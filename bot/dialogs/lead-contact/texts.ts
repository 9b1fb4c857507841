// What Ana says when she takes someone's details for an advisor.
const hi = (name: string | undefined) => (name ? `, ${name}` : '');

export const leadTexts = {
  startInvest: '¡Qué gusto que quieras invertir con nosotros! 💰 Para que un asesor de inversiones te contacte necesito unos datos.',
  startVehicle: (vehicle: string) => `¡Buena elección! 🚗 Para apartar tu interés en el ${vehicle} necesito un par de datos.`,
  askName: '¿Cuál es tu nombre completo?',
  askPhone: (name: string | undefined) => `Gracias${hi(name)} 🙌 ¿A qué número de celular te podemos llamar? (10 dígitos)`,
  askEmail: '¿Y tu correo electrónico? Si no tienes, escribe "no tengo".',
  investorLead: (name: string | undefined, amount: string | undefined) =>
    `¡Listo${hi(name)}! 🙌 Ya registré tu interés en invertir${amount ? ` ${amount}` : ''}.`,
  vehicleLead: (name: string | undefined, vehicle: string, financing: string | undefined) =>
    `¡Listo${hi(name)}! 🙌 Ya registré tu interés en el ${vehicle}${financing ? ` (${financing})` : ''}.`,
  advisorCalls: (advisor: string, when: string, about: string) => `${advisor}, de nuestro equipo, te va a llamar ${when} para ${about} 📞`,
  advisorWillCall: (about: string) => `Un asesor te va a llamar en cuanto abramos para ${about} 📞`,
  aboutInvest: 'explicarte el contrato, cómo se respaldan las inversiones y cómo recibes tus rendimientos',
  aboutVehicle: 'contarte los detalles del auto, agendar que lo veas y armar tu financiamiento',
  vehicleGone: 'Uy, ese auto ya no está disponible 😔 ¿Quieres ver otros?',
  anythingElse: '¿Te ayudo con algo más?',
} as const;
