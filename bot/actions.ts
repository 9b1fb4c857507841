// Suggested actions Ana offers. An action's value is what comes back when the
// customer taps it (postBack `value`, or the text itself on channels that can
// only send text): intent names are understood as exactly that intent, the
// rest are plain Spanish that the NLU and the dialogs understand.
import type { SuggestedAction } from './turn.ts';

export const COMPARE_SCHEMES = 'compare_schemes';

export const action = {
  simulateCredit: { title: 'Simular un crédito', value: 'simulate_credit' },
  applyCredit: { title: 'Solicitar mi crédito', value: 'apply_credit' },
  invest: { title: 'Invertir', value: 'simulate_investment' },
  loanStatus: { title: 'Mi crédito', value: 'loan_status' },
  faq: { title: 'Preguntas frecuentes', value: 'faq' },
  advisor: { title: 'Hablar con un asesor', value: 'human_agent' },
  yes: { title: 'Sí', value: 'affirm' },
  no: { title: 'No, gracias', value: 'deny' },
  compareSchemes: { title: 'Comparar esquemas', value: COMPARE_SCHEMES },
  anotherSimulation: { title: 'Otra simulación', value: 'simulate_credit' },
} satisfies Record<string, SuggestedAction>;

export const mainMenu: SuggestedAction[] = [action.simulateCredit, action.invest, action.loanStatus, action.advisor];

export const schemeOptions: SuggestedAction[] = [
  { title: 'Pagos fijos', value: 'pagos fijos' },
  { title: 'Pagos decrecientes', value: 'pagos decrecientes' },
  { title: 'Solo intereses', value: 'solo intereses' },
  { title: 'Me da igual', value: 'me da igual' },
];

export const termOptions = (terms: number[]): SuggestedAction[] => terms.map((months) => ({ title: `${months} meses`, value: `${months} meses` }));
