import 'server-only';
import { NextResponse } from 'next/server';
import { isAppError } from '@/lib/errors';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Maps AppError to its status with a JSON body; anything else is logged and answered 500 without details. */
export function jsonRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (isAppError(error)) {
        return NextResponse.json(
          { error: { code: error.code, message: error.userMessage, fields: error.fieldErrors } },
          { status: error.status },
        );
      }
      console.error('Unhandled error in route handler', error);
      return NextResponse.json(
        { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } },
        { status: 500 },
      );
    }
  };
}
