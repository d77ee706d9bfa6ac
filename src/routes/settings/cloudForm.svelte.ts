import { tick } from 'svelte';
import { DEFAULT_CHOICES, type ProfileChoices } from '$lib/cloud/profiles';
import type { PrivacyProfile } from '$lib/cloud/sanitized';
import type { CloudField, CloudProblem } from '$lib/context/cloudPrefs';
import type { CloudPrefs } from '$lib/context/records';
import { type CloudDraft, draftOf, problemsOf, withDemo } from './cloudDraft';

/** The order fields are checked and focused in: the order they appear in. */
const FIELD_ORDER: readonly CloudField[] = [
  'enabled',
  'baseUrl',
  'model',
  'apiKey',
  'timeoutMs',
  'profile',
  'override',
];

/**
 * The cloud settings form's state, shared by the panel's components: what is typed, and which
 * field is wrong. Checks as the store will (`checkCloudInput`), once the user has tried to save or
 * test; the store's own refusal of a field is shown until that field changes.
 */
export class CloudFormState {
  enabled = $state(false);
  baseUrl = $state('');
  model = $state('');
  apiKey = $state('');
  clearKey = $state(false);
  timeout = $state('');
  profile = $state<PrivacyProfile>('strict');
  override = $state<ProfileChoices>({ ...DEFAULT_CHOICES });
  /** Edited since it was loaded: a save in another tab does not overwrite what the user typed. */
  dirty = $state(false);
  /** Set once the user tried to save or test: from then on fields are checked as they type. */
  tried = $state(false);
  /** The store's refusal (English), at the field it names, with the text it refused. */
  refused = $state<{ readonly field: CloudField; readonly message: string; readonly draft: string }>();
  /** The saved record the form compares with (its key is kept for the same server). */
  saved = $state.raw<CloudPrefs | undefined>();

  /** The prefix of the fields' ids (`${prefix}-baseUrl`…). */
  readonly prefix: string;

  constructor(prefix: string) {
    this.prefix = prefix;
    this.load(undefined);
  }

  get draft(): CloudDraft {
    return {
      enabled: this.enabled,
      baseUrl: this.baseUrl,
      model: this.model,
      apiKey: this.apiKey,
      clearKey: this.clearKey,
      timeout: this.timeout,
      profile: this.profile,
      override: { ...this.override },
    };
  }

  /** Every field's first problem, as the store would find it now. */
  readonly problems: Partial<Record<CloudField, CloudProblem>> = $derived(problemsOf(this.draft, this.saved));

  /** The problem to show at a field, once the user has tried. */
  problemAt(field: CloudField): CloudProblem | undefined {
    return this.tried ? this.problems[field] : undefined;
  }

  /** The store's refusal at a field, while the draft is still the one it refused. */
  refusalAt(field: CloudField): string | undefined {
    return this.refused?.field === field && this.refused.draft === JSON.stringify(this.draft)
      ? this.refused.message
      : undefined;
  }

  /** The id of a field's element (the first radio or select for the profile and the override). */
  idOf(field: CloudField): string {
    return `${this.prefix}-${field}`;
  }

  /** Fills the form from a saved record (or the first-setup defaults); the key field stays empty. */
  load(prefs: CloudPrefs | undefined): void {
    this.#apply(draftOf(prefs));
    this.saved = prefs;
    this.dirty = false;
    this.tried = false;
    this.refused = undefined;
  }

  /** Fills in the loopback demo (URL, model, no key); nothing is saved. */
  useDemo(): void {
    this.#apply({ ...withDemo(this.draft), enabled: this.enabled });
    this.dirty = true;
  }

  #apply(draft: CloudDraft): void {
    this.enabled = draft.enabled;
    this.baseUrl = draft.baseUrl;
    this.model = draft.model;
    this.apiKey = draft.apiKey;
    this.clearKey = draft.clearKey;
    this.timeout = draft.timeout;
    this.profile = draft.profile;
    this.override = { ...draft.override };
  }

  /**
   * Starts checking as the user types; when a field is wrong, moves the focus to the first one
   * and returns false.
   */
  async validate(): Promise<boolean> {
    this.tried = true;
    const first = FIELD_ORDER.find((field) => this.problems[field]);
    if (!first) return true;
    await this.focus(first);
    return false;
  }

  /** Records the store's refusal at a field and moves the focus there. */
  async refuse(field: CloudField, message: string): Promise<void> {
    this.refused = { field, message, draft: JSON.stringify(this.draft) };
    await this.focus(field);
  }

  async focus(field: CloudField): Promise<void> {
    await tick();
    const element =
      field === 'profile'
        ? document.querySelector<HTMLElement>(`input[name="${this.prefix}-profile"]:checked`)
        : document.getElementById(this.idOf(field));
    element?.focus();
  }
}
