// A creator, reviewer or assignee IRI: the person as JSON-LD, to whoever shares a workspace
// with them (404 to anyone else). Their name only: emails are not for other tools.
import { NextResponse } from 'next/server';
import { apiContext } from '@/lib/domain/web-annotation/vocabulary';
import { resourceUrls } from '@/lib/domain/web-annotation/iris';
import { requireRequestUser } from '@/server/auth/request-user';
import { getVisiblePerson } from '@/server/data/users/get-visible-person';
import { jsonRoute } from '@/server/http/json-route';
import { requestOrigin } from '@/server/http/request-origin';
import { requireServedMedia } from '@/server/http/web-annotation-response';

type Context = { params: Promise<{ userId: string }> };

export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const person = await getVisiblePerson({ userId: user.id, personId: (await params).userId });
  const urls = resourceUrls(requestOrigin(request));
  return NextResponse.json(
    { '@context': apiContext(urls.origin), id: urls.user(person.id), type: 'Person', name: person.name },
    { headers: { 'content-type': media, vary: 'Accept' } },
  );
});
