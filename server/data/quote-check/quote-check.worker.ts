// Entry of the Quote check's worker thread (started by quote-check-workers.ts): the comparison
// runs here, off the event loop that answers every other request.
import { parentPort } from 'node:worker_threads';
import { QuoteIndexCache } from '../../../lib/domain/quote-check/index-cache';
import { handleQuoteCheckRequest, type QuoteCheckRequest } from '../../../lib/domain/quote-check/worker-protocol';

const cache = new QuoteIndexCache();
parentPort!.on('message', (request: QuoteCheckRequest) => {
  parentPort!.postMessage(handleQuoteCheckRequest(cache, request));
});
