// The API described as OpenAPI 3.1 (lib/openapi): public, like docs/api.md.
import { NextResponse } from 'next/server';
import { openApiDocument } from '@/lib/openapi/openapi-document';
import { jsonRoute } from '@/server/http/json-route';
import { requestOrigin } from '@/server/http/request-origin';

export const GET = jsonRoute(async (request) => NextResponse.json(openApiDocument(requestOrigin(request))));
