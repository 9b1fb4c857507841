/**
 * One contact per person across channels: found by phone (E.164) or e-mail,
 * created when new, enriched (never overwritten) with what a later channel
 * tells us. A WhatsApp sender, a landing-page form and a phone call with the
 * same number land on the same contact.
 */
import type { PrismaClient } from '../db/database.ts';
import type { Channel, Contact } from '../db/generated/client.ts';
import { ValidationError } from '../credit/errors.ts';
import { toE164 } from './phone.ts';

export interface ContactDetails {
  name?: string;
  phone?: string;
  email?: string;
  /** The channel the person wrote on and their id there (WhatsApp JID, web chat user id...). */
  channel?: Channel;
  externalId?: string;
}

export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

function splitName(name: string): { firstName: string; lastName: string | null } {
  const parts = name.trim().replace(/\s+/g, ' ').split(' ');
  return { firstName: parts[0]!, lastName: parts.length > 1 ? parts.slice(1).join(' ') : null };
}

/**
 * Finds the contact by phone, else by e-mail, else creates it. A phone or
 * e-mail that does not parse is a ValidationError; at least one is required.
 */
export async function upsertContact(prisma: PrismaClient, details: ContactDetails): Promise<Contact> {
  const phoneE164 = details.phone ? toE164(details.phone) : null;
  if (details.phone && !phoneE164) throw new ValidationError('phone', `is not a valid phone number: ${JSON.stringify(details.phone)}`);
  const email = details.email ? normalizeEmail(details.email) : null;
  if (details.email && !email) throw new ValidationError('email', `is not a valid e-mail address: ${JSON.stringify(details.email)}`);
  if (!phoneE164 && !email) throw new ValidationError('phone', 'a phone number or an e-mail is required', 'required');

  const name = details.name?.trim() ? details.name.trim() : undefined;
  const existing =
    (phoneE164 ? await prisma.contact.findUnique({ where: { phoneE164 } }) : null) ??
    (email ? await prisma.contact.findUnique({ where: { email } }) : null);

  let contact: Contact;
  if (!existing) {
    const split = name ? splitName(name) : undefined;
    contact = await prisma.contact.create({
      data: { phoneE164, email, displayName: name ?? null, firstName: split?.firstName ?? null, lastName: split?.lastName ?? null },
    });
  } else {
    // Fill gaps only; an e-mail already owned by someone else stays theirs.
    const emailFree = email && !existing.email ? (await prisma.contact.findUnique({ where: { email } })) === null : false;
    const phoneFree = phoneE164 && !existing.phoneE164 ? (await prisma.contact.findUnique({ where: { phoneE164 } })) === null : false;
    const split = name && !existing.firstName ? splitName(name) : undefined;
    const data = {
      ...(emailFree ? { email } : {}),
      ...(phoneFree ? { phoneE164 } : {}),
      ...(name && !existing.displayName ? { displayName: name } : {}),
      ...(split ? { firstName: split.firstName, lastName: split.lastName } : {}),
    };
    contact = Object.keys(data).length ? await prisma.contact.update({ where: { id: existing.id }, data }) : existing;
  }

  if (details.channel && details.externalId) {
    await prisma.channelIdentity.upsert({
      where: { channel_externalId: { channel: details.channel, externalId: details.externalId } },
      create: { channel: details.channel, externalId: details.externalId, contactId: contact.id, displayName: name ?? null },
      update: { contactId: contact.id },
    });
  }
  return contact;
}
