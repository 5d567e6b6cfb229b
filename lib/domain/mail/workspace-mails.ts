import { excerpt, renderMail, type RenderedMail } from './render-mail';

export function invitationMail(input: {
  inviterName: string;
  workspaceName: string;
  role: string;
  url: string;
  expiresAt: Date;
}): RenderedMail {
  return renderMail({
    subject: `${input.inviterName} invited you to ${input.workspaceName} on Marginalia`,
    blocks: [
      {
        type: 'paragraph',
        text: `${input.inviterName} invited you to join the workspace "${input.workspaceName}" as ${input.role}.`,
      },
      { type: 'action', label: 'Accept the invitation', url: input.url },
      {
        type: 'paragraph',
        text: `The link works once, until ${input.expiresAt.toUTCString()}, for an account with this email address (confirmed).`,
      },
    ],
  });
}

export function mentionMail(input: {
  authorName: string;
  articleTitle: string;
  quote: string;
  comment: string;
  url: string;
}): RenderedMail {
  return renderMail({
    subject: `${input.authorName} mentioned you on "${input.articleTitle}"`,
    blocks: [
      { type: 'paragraph', text: `${input.authorName} mentioned you in a comment on "${input.articleTitle}":` },
      { type: 'quote', text: excerpt(input.comment) },
      { type: 'paragraph', text: 'On the passage:' },
      { type: 'quote', text: excerpt(input.quote, 300) },
      { type: 'action', label: 'Open the passage', url: input.url },
    ],
  });
}

export function assignmentMail(input: {
  assignerName: string;
  articleTitle: string;
  quote: string;
  tag: string;
  url: string;
}): RenderedMail {
  return renderMail({
    subject: `${input.assignerName} assigned you a ${input.tag} on "${input.articleTitle}"`,
    blocks: [
      { type: 'paragraph', text: `${input.assignerName} assigned you this ${input.tag} on "${input.articleTitle}":` },
      { type: 'quote', text: excerpt(input.quote, 300) },
      { type: 'action', label: 'Open the passage', url: input.url },
    ],
  });
}
