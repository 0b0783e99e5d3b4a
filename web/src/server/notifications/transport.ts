/** The SMTP transport of SMTP_URL (nodemailer; smtp:// or smtps:// with the login in the URL). */
import { createTransport } from "nodemailer";
import type { MailTransport } from "./sender";

export const smtpTransport = (url: string): MailTransport => createTransport(url) as unknown as MailTransport;
