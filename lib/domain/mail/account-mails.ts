import { renderMail, type RenderedMail } from './render-mail';

export const PASSWORD_RESET_TTL_MINUTES = 60;
export const EMAIL_VERIFICATION_TTL_HOURS = 48;

/** What a password-reset request answers, whether or not the address has an account. */
export const PASSWORD_RESET_ANSWER =
  'If an account uses this address, we have sent it a link to choose a new password. Check your email.';

/** What sign-up answers, whether the address is new or already has an account. */
export const SIGN_UP_ANSWER = 'Check your email: we have sent a message to this address to finish signing up.';

export function passwordResetMail(input: { name: string; url: string }): RenderedMail {
  return renderMail({
    subject: 'Reset your Marginalia password',
    blocks: [
      { type: 'paragraph', text: `Hello ${input.name},` },
      {
        type: 'paragraph',
        text: `Someone asked to reset the password of your Marginalia account. The link works once, for ${PASSWORD_RESET_TTL_MINUTES} minutes.`,
      },
      { type: 'action', label: 'Choose a new password', url: input.url },
      { type: 'paragraph', text: 'If it was not you, ignore this mail: your password stays as it is.' },
    ],
  });
}

export function emailVerificationMail(input: { name: string; url: string }): RenderedMail {
  return renderMail({
    subject: 'Confirm your email address for Marginalia',
    blocks: [
      { type: 'paragraph', text: `Hello ${input.name},` },
      {
        type: 'paragraph',
        text: `Confirm that this address is yours, so that invitations sent to it can be accepted. The link works for ${EMAIL_VERIFICATION_TTL_HOURS} hours.`,
      },
      { type: 'action', label: 'Confirm my email address', url: input.url },
      { type: 'paragraph', text: 'If you did not create a Marginalia account, ignore this mail.' },
    ],
  });
}

/** Sign-up answers the same for a known address; its owner learns of the attempt instead. */
export function signUpExistingMail(input: { name: string; signInUrl: string; resetUrl: string }): RenderedMail {
  return renderMail({
    subject: 'Someone tried to create a Marginalia account with your address',
    blocks: [
      { type: 'paragraph', text: `Hello ${input.name},` },
      {
        type: 'paragraph',
        text: 'Someone tried to create a new account with this address, which already has one. No account was created.',
      },
      { type: 'action', label: 'Sign in', url: input.signInUrl },
      { type: 'action', label: 'Forgot your password? Reset it', url: input.resetUrl },
    ],
  });
}
