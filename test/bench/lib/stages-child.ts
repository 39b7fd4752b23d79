/**
 * Runs the ingestion stages alone on one part of the benchmark corpus, in this one process,
 * and writes the stage totals as JSON (a separate process so main's peak memory stays its own):
 *   tsx test/bench/lib/stages-child.ts <corpusBytes> <parts> <part> <out.json>
 */
import fs from 'node:fs';

import { tempDir } from '../../helpers/temp';
import { buildCorpus, splitCorpus } from './corpus';
import { runStagesAlone } from './stages';

const [bytes, parts, part, out] = process.argv.slice(2);
const files = splitCorpus(buildCorpus(Number(bytes)), Number(parts))[Number(part)]!;
const t = tempDir('kenning-bench-stages-');
try {
  const r = await runStagesAlone(files, t.dir);
  fs.writeFileSync(out!, JSON.stringify(r));
} finally {
  t.cleanup();
}
process.exit(0);
