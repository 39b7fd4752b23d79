/**
 * The read-only Cypher escapes found by the red team (issue 12 §1), as data: payloads that
 * reach the file system, another database or native code, and the ways of hiding a second
 * statement from a guard that does not tokenize like Kùzu. Shared by the guard's unit test,
 * the engine-layer integration test and the hostile suite, so all three test the same attacks.
 *
 * Also builds what the payloads need in a temp folder: a second Kùzu database holding a secret,
 * and (when a C compiler exists) a shared object whose constructor writes a marker file — the
 * proof that native code ran.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import kuzu from 'kuzu';

export type AttackEnv = Readonly<{
  /** A readable file outside the dataset (a stand-in for /etc/passwd and other profiles' text). */
  passwd: string;
  copyTarget: string;
  exportDir: string;
  /** Another profile's graph: a Kùzu file with one `Secret` node. */
  otherDb: string;
  otherSecret: string;
  /** An "uploaded" shared object named .txt; loading it runs its constructor. */
  extension: string;
  /** Written by that constructor: exists only if native code ran. */
  extensionMarker: string;
  /** False when no C compiler was found: the extension file is then junk and proves nothing ran. */
  nativeProof: boolean;
  settingDir: string;
}>;

export type Attack = Readonly<{ name: string; cypher: string }>;

/** Statements that escape read-only search: file read, file write, other data, native code, settings, writes. */
export function payloads(env: AttackEnv): readonly Attack[] {
  return [
    { name: 'LOAD FROM a file', cypher: `LOAD FROM '${env.passwd}' (header=false, delim=':', file_format='csv') RETURN *` },
    { name: 'LOAD FROM, format sniffed', cypher: `LOAD FROM '${env.passwd}' (header=false, delim=':') RETURN *` },
    { name: 'load from, lower case', cypher: `load from '${env.passwd}' (header=false, delim=':', file_format='csv') return *` },
    { name: 'LOAD FROM inside a MATCH query', cypher: `MATCH (n:Node) LOAD FROM '${env.passwd}' (header=false, delim=':', file_format='csv') RETURN *` },
    { name: 'ATTACH another database', cypher: `ATTACH '${env.otherDb}' AS x (dbtype kuzu); MATCH (n:Secret) RETURN n.id` },
    { name: 'ATTACH alone', cypher: `ATTACH '${env.otherDb}' AS x (dbtype kuzu)` },
    { name: 'COPY TO a file', cypher: `COPY (MATCH (n:Node) RETURN n.id) TO '${env.copyTarget}'` },
    { name: 'LOAD EXTENSION', cypher: `LOAD EXTENSION '${env.extension}'` },
    { name: 'LOAD without EXTENSION', cypher: `LOAD '${env.extension}'` },
    { name: 'EXPORT DATABASE', cypher: `EXPORT DATABASE '${env.exportDir}'` },
    { name: 'CALL a setting', cypher: `CALL home_directory='${env.settingDir}'` },
    { name: 'CALL a table function that reveals settings', cypher: "CALL current_setting('home_directory') RETURN *" },
    { name: 'CREATE', cypher: "CREATE (:Node {id: 'pwned', type: 'Entity', name: 'pwned'})" },
  ];
}

/** Ways to hide `p` as a second statement. The first three are the red team's, verbatim. */
export const HIDING_FORMS: readonly Readonly<{ name: string; wrap: (p: string) => string }>[] = [
  { name: "'/*' string then // comment", wrap: (p) => `RETURN '/*' AS a; ${p}; // */ '` },
  { name: '"\'" strings around it', wrap: (p) => `RETURN "'" AS a; ${p}; RETURN "'" AS b` },
  { name: 'quote inside backtick names', wrap: (p) => `RETURN 1 AS \`x'\`; ${p}; RETURN 2 AS \`'\`` },
  { name: 'plain second statement', wrap: (p) => `RETURN 1 AS a; ${p}` },
  { name: 'alone', wrap: (p) => p },
  { name: 'alone with ;', wrap: (p) => `${p};` },
  { name: "escaped quote \\'", wrap: (p) => `RETURN 'a\\'' AS a; ${p}; RETURN '\\'' AS b` },
  { name: 'doubled backtick', wrap: (p) => `RETURN 1 AS \`a\`\`b\`; ${p}` },
  { name: 'U+2028 separator', wrap: (p) => `RETURN 1 AS a;\u2028${p}` },
  { name: '// comment ended by CR LF', wrap: (p) => `RETURN 1 AS a // note\r\n; ${p}` },
  { name: 'Kùzu comment quirk: **/ does not close', wrap: (p) => `RETURN 1 AS a /* **/ */; ${p}` },
];

/** Every payload in every hiding form. */
export function attacks(env: AttackEnv): readonly Attack[] {
  return payloads(env).flatMap((p) => HIDING_FORMS.map((f) => ({ name: `${p.name} / ${f.name}`, cypher: f.wrap(p.cypher) })));
}

function compileMarkerLibrary(dir: string, marker: string): string | undefined {
  const src = path.join(dir, 'evil.c');
  const out = path.join(dir, 'upload.txt');
  fs.writeFileSync(src, `#include <stdio.h>\n__attribute__((constructor)) static void ran(void) { FILE *f = fopen(${JSON.stringify(marker)}, "w"); if (f) { fputs("native code ran", f); fclose(f); } }\n`);
  for (const cc of ['cc', 'gcc', 'clang']) {
    try {
      execFileSync(cc, ['-shared', '-fPIC', '-o', out, src], { stdio: 'ignore' });
      return out;
    } catch {
      // try the next compiler
    }
  }
  return undefined;
}

/** Builds the attack targets in `dir` (which must exist and be empty). */
export async function makeAttackEnv(dir: string): Promise<AttackEnv> {
  const passwd = path.join(dir, 'passwd');
  fs.writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\nkenning:x:1000:1000:secret-home:/home/kenning:/bin/sh\n');
  const otherDb = path.join(dir, 'other-owner.kuzu');
  const otherSecret = 'other-profile-secret-7f3a';
  const db = new kuzu.Database(otherDb);
  const conn = new kuzu.Connection(db);
  for (const q of ['CREATE NODE TABLE Secret(id STRING, PRIMARY KEY(id))', `CREATE (:Secret {id: '${otherSecret}'})`]) {
    const r = await conn.query(q);
    for (const x of Array.isArray(r) ? r : [r]) x.close();
  }
  await conn.close();
  await db.close();
  const extensionMarker = path.join(dir, 'native-code-ran');
  const compiled = compileMarkerLibrary(dir, extensionMarker);
  const extension = compiled ?? path.join(dir, 'upload.txt');
  if (!compiled) fs.writeFileSync(extension, 'not a shared object');
  const settingDir = path.join(dir, 'setting');
  fs.mkdirSync(settingDir);
  return {
    passwd,
    copyTarget: path.join(dir, 'stolen.csv'),
    exportDir: path.join(dir, 'export'),
    otherDb,
    otherSecret,
    extension,
    extensionMarker,
    nativeProof: compiled !== undefined,
    settingDir,
  };
}

/** Side effects any of the attacks would leave, as a list of what happened (empty when none). */
export function sideEffects(env: AttackEnv): string[] {
  const found: string[] = [];
  if (fs.existsSync(env.copyTarget)) found.push(`COPY TO wrote ${env.copyTarget}`);
  if (fs.existsSync(env.exportDir)) found.push(`EXPORT created ${env.exportDir}`);
  if (fs.existsSync(env.extensionMarker)) found.push('native code from the uploaded extension ran');
  return found;
}
