import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';

/**
 * For pages: a "not found" from the data layer becomes Next.js's 404 page, and so does invalid
 * input from the address (a page cannot answer 422, and the address names nothing).
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'INVALID_INPUT')) notFound();
    throw error;
  }
}
