import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

/**
 * Class data sharing (CDS) for DynamoDB Local: Java loads and verifies some 5,000 classes at every start, and a test
 * run starts it a hundred times (a world per test file). A dynamic archive of those classes, written once by the
 * first instance as it exits and mapped by every later one, halves the CPU of a start (1.5 s → 0.9 s to ready).
 *
 * The archive cannot be made of the jar as shipped: its manifest's Class-Path names `.` (a non-empty directory) and
 * the native libraries, which CDS refuses. So the launch jar is a copy with a manifest naming only its library jars,
 * beside a link to the shipped library folder. Everything lives in the machine's temporary folder, keyed by the jar
 * and the Java version; if any step fails, DynamoDB Local starts as shipped.
 */
export interface JavaLaunch {
  /** The jar to start (`-jar`). */
  jar: string;
  /** Options before `-jar`. */
  options: string[];
  /** Call once the process has exited of its own accord after a stop: the archive it wrote becomes everyone's. */
  exited?: () => void;
}

let launchDir: string | null | undefined;
/** Only one instance per process writes an archive. */
let dumping = false;

export function cdsLaunch(shipped: { dir: string; jar: string }): JavaLaunch {
  const plain: JavaLaunch = { jar: shipped.jar, options: [] };
  if (process.env.COCREATE_JAVA_CDS === 'off') return plain;
  launchDir ??= folderFor(shipped);
  if (!launchDir || !furnished(launchDir, shipped)) return plain;
  const jar = join(launchDir, 'DynamoDBLocal.jar');
  const archive = join(launchDir, 'dynamodb-local.jsa');
  // With `auto`, an archive the JVM cannot map (another Java, a changed jar) is passed over, not an error.
  if (existsSync(archive)) return { jar, options: [`-XX:SharedArchiveFile=${archive}`, '-Xshare:auto'] };
  if (dumping) return { jar, options: [] };
  dumping = true;
  const partial = `${archive}.${process.pid}.${Date.now()}`;
  return {
    jar,
    options: [`-XX:ArchiveClassesAtExit=${partial}`],
    exited: () => {
      try {
        if (statSync(partial).size > 0) renameSync(partial, archive);
      } catch {
        rmSync(partial, { force: true });
      }
    },
  };
}

/** The folder for the launch jar and the archive of this jar and this Java; null when Java cannot say its version. */
function folderFor(shipped: { jar: string }): string | null {
  try {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    const version = `${java.stderr ?? ''}${java.stdout ?? ''}`.split('\n')[0] ?? '';
    const jarStat = statSync(shipped.jar);
    const key = createHash('sha256').update(`${shipped.jar}|${jarStat.size}|${jarStat.mtimeMs}|${version}`).digest('hex').slice(0, 16);
    return join(tmpdir(), 'cocreate-dynamodb-cds', key);
  } catch {
    return null;
  }
}

/**
 * The folder exists with its link to the shipped library jars (made again if the temporary folder was cleaned since:
 * a running Java loads classes from those jars as it needs them). False when it cannot be made.
 */
function furnished(dir: string, shipped: { dir: string }): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const lib = join(dir, 'DynamoDBLocal_lib');
    if (!existsSync(lib)) symlinkSync(join(shipped.dir, 'DynamoDBLocal_lib'), lib, 'dir');
    return true;
  } catch {
    return existsSync(join(dir, 'DynamoDBLocal_lib'));
  }
}

/** Writes the launch jar (the shipped one with a Class-Path of its library jars only) unless it is there. */
export async function ensureLaunchJar(shipped: { jar: string }, launch: JavaLaunch): Promise<void> {
  if (launch.jar === shipped.jar || existsSync(launch.jar)) return;
  const zip = await JSZip.loadAsync(readFileSync(shipped.jar));
  const manifest = await zip.file('META-INF/MANIFEST.MF')?.async('string');
  if (!manifest) throw new Error('DynamoDB Local’s jar has no manifest');
  const unfolded = manifest.replace(/\r?\n /g, '');
  const lines = unfolded
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((l) =>
      l.startsWith('Class-Path:')
        ? `Class-Path: ${l
            .slice(11)
            .trim()
            .split(/\s+/)
            .filter((p) => p.endsWith('.jar'))
            .join(' ')}`
        : l,
    );
  zip.file('META-INF/MANIFEST.MF', `${lines.map(fold).join('\r\n')}\r\n\r\n`);
  const partial = `${launch.jar}.${process.pid}`;
  writeFileSync(partial, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  renameSync(partial, launch.jar);
}

/** A manifest line folded at 72 bytes, as the jar format wants (ASCII here). */
const fold = (line: string): string => {
  const parts = [line.slice(0, 70)];
  for (let i = 70; i < line.length; i += 69) parts.push(` ${line.slice(i, i + 69)}`);
  return parts.join('\r\n');
};
