import { ComingSoonHandler } from './coming-soon.ts';

/** Placeholder until its service lands: says the option is being prepared and offers an advisor. */
export class ManageAppointmentHandler extends ComingSoonHandler {
  constructor() {
    super('manage_appointment');
  }
}
