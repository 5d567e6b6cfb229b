import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string; html: string };

const globalForMail = globalThis as unknown as { marginaliaSmtp?: { url: string; transport: Transporter } };

/** Who mail comes from: MAIL_FROM, else a no-reply address at the app's host. */
export function mailFrom(): string {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  const host = new URL(process.env.NEXTAUTH_URL ?? 'http://localhost').hostname;
  return `Marginalia <no-reply@${host.includes('.') ? host : 'marginalia.local'}>`;
}

function smtpTransport(url: string): Transporter {
  if (globalForMail.marginaliaSmtp?.url !== url) {
    globalForMail.marginaliaSmtp = { url, transport: nodemailer.createTransport(url) };
  }
  return globalForMail.marginaliaSmtp.transport;
}

/**
 * Hands one mail over: to the SMTP server of SMTP_URL (e.g. smtp://user:pass@host:587, or smtps://
 * for implicit TLS), or, without SMTP_URL, to the built-in outbox: the mail is already stored
 * (MailMessage, listed at /dev/outbox in development) and is printed to the console, so the
 * two-command embedded start shows every mail. Throws when the SMTP server refuses it.
 */
export async function deliver(mail: OutgoingMail): Promise<'smtp' | 'outbox'> {
  const url = process.env.SMTP_URL;
  if (!url) {
    console.info(`[outbox] To: ${mail.to}\n[outbox] Subject: ${mail.subject}\n${mail.text}\n[outbox] ---`);
    return 'outbox';
  }
  await smtpTransport(url).sendMail({ from: mailFrom(), ...mail });
  return 'smtp';
}
