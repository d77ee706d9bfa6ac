import type { AppConfig } from '@mlc-ai/web-llm';
import { cacheBackend, type Engine, EngineDisposedError } from './engine';
import { errorMessage } from './errors';
import { type ManifestModel, type ModelSource, toModelRecord } from './manifest';
import type { LoadReport } from './progress';

/**
 * Loading one build on an engine from its sources in turn (a cached source first, then the
 * manifest's order: self-hosted, public). When a source fails, the files it must serve are
 * checked, so the error names what is missing where instead of web-llm's bare "Request failed";
 * the next source is tried only when files were missing (a GPU failure would repeat anywhere).
 */

/** A file a source did not serve. */
export type MissingFile =
  | { readonly url: string; readonly problem: 'status'; readonly status: number }
  | { readonly url: string; readonly problem: 'network'; readonly message: string }
  /** The server answered with a web page (a SPA fallback), not the file. */
  | { readonly url: string; readonly problem: 'html' };

/** One failed source. */
export type SourceAttempt = {
  readonly source: ModelSource;
  /** The engine's own words. */
  readonly message: string;
  readonly missing: readonly MissingFile[];
};

/** Every source failed; `attempts` says how, in order. */
export class ModelLoadError extends Error {
  readonly attempts: readonly SourceAttempt[];

  constructor(model: string, attempts: readonly SourceAttempt[]) {
    super(
      `${model} could not be loaded. ${attempts
        .map((a) =>
          a.missing.length
            ? `${a.source.kind}: missing ${a.missing.map((m) => `${m.url} (${describeMissing(m)})`).join(', ')}`
            : `${a.source.kind}: ${a.message}`,
        )
        .join('; ')}`,
    );
    this.name = 'ModelLoadError';
    this.attempts = attempts;
  }
}

/** `HTTP 404`, `network error: …`, `a web page, not the file`. */
export function describeMissing(file: MissingFile): string {
  if (file.problem === 'status') return `HTTP ${file.status}`;
  if (file.problem === 'html') return 'a web page, not the file';
  return `network error: ${file.message}`;
}

/** web-llm's app config for one build from one source. */
export function appConfigFor(model: ManifestModel, source: ModelSource): AppConfig {
  return { model_list: [toModelRecord(model, source)], cacheBackend };
}

/** The files every MLC build must serve: its config, its weight index, its library. */
export function requiredFiles(source: ModelSource): readonly string[] {
  return [`${source.model}mlc-chat-config.json`, `${source.model}tensor-cache.json`, source.modelLib];
}

/** Checks (HEAD) each required file of a source; returns the ones it does not serve. */
export async function missingFiles(source: ModelSource, fetcher: typeof fetch): Promise<MissingFile[]> {
  const checks = requiredFiles(source).map(async (url): Promise<MissingFile | undefined> => {
    try {
      const response = await fetcher(url, { method: 'HEAD', cache: 'no-store' });
      if (!response.ok) return { url, problem: 'status', status: response.status };
      if ((response.headers.get('content-type') ?? '').includes('text/html')) return { url, problem: 'html' };
      return undefined;
    } catch (error) {
      return { url, problem: 'network', message: errorMessage(error) };
    }
  });
  return (await Promise.all(checks)).filter((m): m is MissingFile => m !== undefined);
}

/** What {@link loadFromSources} needs. */
export type LoadFromSourcesParameters = {
  readonly engine: Engine;
  readonly model: ManifestModel;
  readonly sources: readonly ModelSource[];
  readonly onProgress: (report: LoadReport) => void;
  /** Called as each source is tried. */
  readonly onSource?: (source: ModelSource) => void;
  readonly fetcher: typeof fetch;
};

/** Loads the build from the first source that works; returns it, or throws a {@link ModelLoadError}. */
export async function loadFromSources(parameters: LoadFromSourcesParameters): Promise<ModelSource> {
  const { engine, model, sources, onProgress, onSource, fetcher } = parameters;
  if (sources.length === 0) throw new ModelLoadError(model.id, []);
  const cached = await Promise.all(
    sources.map((source) =>
      engine.hasInCache(appConfigFor(model, source), model.id).catch((error: unknown) => {
        if (error instanceof EngineDisposedError) throw error;
        return false;
      }),
    ),
  );
  const ordered = [...sources.filter((_, i) => cached[i]), ...sources.filter((_, i) => !cached[i])];
  const attempts: SourceAttempt[] = [];
  for (const source of ordered) {
    onSource?.(source);
    try {
      await engine.load(appConfigFor(model, source), model.id, onProgress);
      return source;
    } catch (error) {
      if (error instanceof EngineDisposedError) throw error;
      const missing = await missingFiles(source, fetcher);
      attempts.push({ source, message: errorMessage(error), missing });
      if (missing.length === 0) break;
    }
  }
  throw new ModelLoadError(model.id, attempts);
}
