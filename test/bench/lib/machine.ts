/** The machine a run happened on, for the report header. */
import fs from 'node:fs';
import os from 'node:os';

export type MachineInfo = Readonly<{ cpu: string; cores: number; ramGiB: number; os: string; node: string; date: string }>;

function osName(): string {
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) return `${m[1]} (${os.platform()} ${os.release()} ${os.arch()})`;
  } catch {
    // not Linux
  }
  return `${os.type()} ${os.release()} ${os.arch()}`;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    date: new Date().toISOString(),
  };
}
