import { redirect } from 'next/navigation';
import { requirePageUser } from '@/server/auth/session';
import { listUserWorkspaces } from '@/server/data/workspaces/get-member-workspace';

export default async function HomePage() {
  const user = await requirePageUser('/');
  const [first] = await listUserWorkspaces(user.id);
  redirect(first ? `/w/${first.slug}` : '/signin');
}
