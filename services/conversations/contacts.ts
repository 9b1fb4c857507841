// Who is writing: a channel identity (user id per channel) linked to one
// Contact. A phone or e-mail finds the same Contact from any channel, so Ana
// recognises a person who first wrote on the web and now writes on WhatsApp.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { PrismaClient } from '../db/database.ts';
import type { Channel } from '../db/generated/enums.ts';
import type { ChannelUserInfo } from './types.ts';

export interface ResolvedIdentity {
  identityId: string;
  contactId: string;
}

export function normalizePhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  return parsePhoneNumberFromString(phone, 'MX')?.number;
}

export function normalizeEmail(email: string | undefined): string | undefined {
  const trimmed = email?.trim().toLowerCase();
  return trimmed && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : undefined;
}

/** Upserts the channel identity and links it to the Contact its phone/e-mail (or earlier visits) point to. */
export async function resolveIdentity(prisma: PrismaClient, channel: Channel, user: ChannelUserInfo): Promise<ResolvedIdentity> {
  const phoneE164 = normalizePhone(user.phone);
  const email = normalizeEmail(user.email);
  const identity = await prisma.channelIdentity.upsert({
    where: { channel_externalId: { channel, externalId: user.id } },
    create: { channel, externalId: user.id, displayName: user.name },
    update: user.name ? { displayName: user.name } : {},
  });

  const byPhone = phoneE164 ? await prisma.contact.findUnique({ where: { phoneE164 } }) : null;
  const byEmail = !byPhone && email ? await prisma.contact.findUnique({ where: { email } }) : null;
  const known = byPhone ?? byEmail ?? (identity.contactId ? await prisma.contact.findUnique({ where: { id: identity.contactId } }) : null);

  const contact = known
    ? await prisma.contact.update({
        where: { id: known.id },
        data: {
          phoneE164: known.phoneE164 ?? (phoneE164 && !(await phoneTaken(prisma, phoneE164)) ? phoneE164 : undefined),
          email: known.email ?? (email && !(await emailTaken(prisma, email)) ? email : undefined),
          firstName: known.firstName ?? firstNameOf(user.name),
          displayName: known.displayName ?? user.name,
        },
      })
    : await prisma.contact.create({ data: { phoneE164, email, firstName: firstNameOf(user.name), displayName: user.name } });

  if (identity.contactId !== contact.id) {
    await prisma.channelIdentity.update({ where: { id: identity.id }, data: { contactId: contact.id } });
  }
  return { identityId: identity.id, contactId: contact.id };
}

async function phoneTaken(prisma: PrismaClient, phoneE164: string): Promise<boolean> {
  return (await prisma.contact.count({ where: { phoneE164 } })) > 0;
}

async function emailTaken(prisma: PrismaClient, email: string): Promise<boolean> {
  return (await prisma.contact.count({ where: { email } })) > 0;
}

function firstNameOf(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : undefined;
}

export async function setContactFirstName(prisma: PrismaClient, contactId: string, firstName: string): Promise<void> {
  await prisma.contact.update({ where: { id: contactId }, data: { firstName } });
}
