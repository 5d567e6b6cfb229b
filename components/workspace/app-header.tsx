import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { Logo } from '@/components/ui/logo';
import { HeaderMenu } from './header-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

type Props = {
  user: { name: string; email: string };
  workspace: { slug: string; name: string; role: string };
  workspaces: { slug: string; name: string }[];
  unreadMentions: number;
};

export function AppHeader({ user, workspace, workspaces, unreadMentions }: Props) {
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4">
        <div className="flex min-w-0 items-center gap-2 sm:gap-4">
          <Link href={`/w/${workspace.slug}`} aria-label="Marginalia, workspace home">
            <Logo />
          </Link>
          <span aria-hidden className="hidden text-stone-300 sm:inline">
            /
          </span>
          <WorkspaceSwitcher current={workspace.slug} workspaces={workspaces} />
          <span className="hidden rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-600 sm:inline">
            {workspace.role}
          </span>
        </div>
        <HeaderMenu>
          <Link
            href="/workspaces/new"
            className="rounded-md px-2 py-1 text-sm text-stone-500 hover:bg-stone-100 hover:text-stone-900"
          >
            + New workspace
          </Link>
          <span className="hidden text-sm text-stone-600 sm:inline" title={user.email}>
            {user.name}
          </span>
          <Link
            href="/inbox"
            className="rounded-md px-2 py-1 text-sm text-stone-600 hover:bg-stone-100 hover:text-stone-900"
            aria-label={unreadMentions ? `Inbox, ${unreadMentions} unread` : 'Inbox'}
          >
            Inbox
            {unreadMentions ? (
              <span
                data-testid="unread-badge"
                className="ml-1 rounded-full bg-accent-700 px-1.5 py-0.5 text-xs font-semibold text-white"
              >
                {unreadMentions}
              </span>
            ) : null}
          </Link>
          <Link
            href="/settings/tokens"
            className="rounded-md px-2 py-1 text-sm text-stone-600 hover:bg-stone-100 hover:text-stone-900"
          >
            API tokens
          </Link>
          <SignOutButton />
        </HeaderMenu>
      </div>
    </header>
  );
}
