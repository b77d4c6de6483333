import { pacedLoad, type PacedResult } from './paced-load';
import { readStalls, type StallReading } from './stall-monitor';

/** A benchmark server answering OFREP bulk evaluation, and the port of its stall monitor. */
export interface OfrepServerInfo {
  port: number;
  key: string;
  body: string;
  stallsPort: number;
}

/**
 * OFREP bulk requests at a steady rate after a 1 s warm-up, and the server's own event-loop delay
 * and GC pauses over the measured seconds.
 */
export async function steadyOfrepRun(
  server: OfrepServerInfo,
  load: { connections: number; rate: number; seconds: number },
): Promise<{ run: PacedResult; stalls: StallReading }> {
  const run = await pacedLoad({
    url: `http://127.0.0.1:${server.port}/ofrep/v1/evaluate/flags`,
    headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
    body: server.body,
    ...load,
    warmupSeconds: 1,
    beforeMeasure: () => readStalls(server.stallsPort).then(() => {}),
  });
  return { run, stalls: await readStalls(server.stallsPort) };
}
