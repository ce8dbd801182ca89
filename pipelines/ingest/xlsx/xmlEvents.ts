import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type XmlEvent =
  | { type: 'open'; name: string; attributes: Record<string, string> }
  | { type: 'text'; text: string }
  | { type: 'close'; name: string };

/**
 * XML events of a document arriving in text chunks, batched per chunk (one await per chunk, not per event).
 * Tag names keep their prefix (`x:c` in some writers): `localName` strips it.
 */
export async function* xmlEvents(chunks: AsyncIterable<string>): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  let events: XmlEvent[] = [];
  let error: Error | null = null;
  parser.on('error', (e) => {
    error = e;
  });
  parser.on('opentag', (tag: SaxesTagPlain) =>
    events.push({
      type: 'open',
      name: localName(tag.name),
      attributes: tag.attributes as Record<string, string>,
    }),
  );
  parser.on('text', (text) => events.push({ type: 'text', text }));
  parser.on('cdata', (text) => events.push({ type: 'text', text }));
  parser.on('closetag', (tag) => events.push({ type: 'close', name: localName(tag.name) }));
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (error) throw error;
    yield events;
    events = [];
  }
  parser.close();
  if (error) throw error;
  if (events.length > 0) yield events;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}
