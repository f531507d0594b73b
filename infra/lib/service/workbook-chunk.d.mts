import type { BuildResult } from 'esbuild';

export declare const loadsWorkbooks: (code: string) => boolean;
export declare function buildWorkbookChunk(dir: string, entry: string, write?: boolean): Promise<BuildResult>;
