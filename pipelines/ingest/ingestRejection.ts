import { type MessageId, message } from '../messages/catalogue.ts';

/** A file that cannot be read at all: it is rejected whole with this catalogue message, nothing loaded. */
export class IngestRejection extends Error {
  constructor(id: MessageId, params: Record<string, string | number> = {}) {
    super(message(id, params));
  }
}
