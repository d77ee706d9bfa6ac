import type { SourceAttempt } from './loadModel';
import type { ManifestModel, ModelSource } from './manifest';
import type { ProbeNote, UnavailableReason } from './probe';
import type { LoadProgress } from './progress';

/** Why a load failed: the attempts per source when files were missing, the engine's words otherwise. */
export type LoadFailure = {
  readonly message: string;
  readonly attempts: readonly SourceAttempt[];
};

/** Fields every status with a chosen build has. */
type Chosen = {
  /** The build the probe chose. */
  readonly model: ManifestModel;
  readonly notes: readonly ProbeNote[];
};

/** One role's state, keyed on `status`. */
export type RoleStatus =
  /** The probe has not answered yet. */
  | { readonly status: 'probing' }
  | { readonly status: 'unavailable'; readonly reason: UnavailableReason }
  /** Not loaded; `cached` once the browser's cache was checked. */
  | (Chosen & { readonly status: 'idle'; readonly cached?: boolean })
  | (Chosen & {
      readonly status: 'downloading';
      readonly progress?: LoadProgress;
      readonly source?: ModelSource['kind'];
    })
  | (Chosen & { readonly status: 'ready'; readonly source: ModelSource['kind'] })
  | (Chosen & { readonly status: 'error'; readonly failure: LoadFailure });

/** The build a status names, when it names one. */
export function modelOf(status: RoleStatus): ManifestModel | undefined {
  return 'model' in status ? status.model : undefined;
}
