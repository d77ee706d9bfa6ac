/** Service-worker and install state for the layout: update prompt, offline readiness, install. */
export class Pwa {
  /** A new service worker is waiting; the user may reload into it. */
  needRefresh = $state(false);
  /** The app shell is cached: Vigil works with no network. */
  offlineReady = $state(false);
  /** A service worker controls this page, or has been registered. */
  registered = $state(false);
  /** Why registration failed, when it did. */
  registerError = $state<string | null>(null);
  /** The deferred install prompt, once the browser offers one. */
  installPrompt = $state.raw<BeforeInstallPromptEvent | null>(null);

  #updateSW: ((reloadPage?: boolean) => Promise<void>) | undefined;

  /** Registers the service worker and listens for the install prompt; returns a teardown. */
  start(): () => void {
    const onInstallPrompt = (event: BeforeInstallPromptEvent) => {
      event.preventDefault();
      this.installPrompt = event;
    };
    const onInstalled = () => {
      this.installPrompt = null;
    };
    window.addEventListener('beforeinstallprompt', onInstallPrompt);
    window.addEventListener('appinstalled', onInstalled);
    void this.#register();
    return () => {
      window.removeEventListener('beforeinstallprompt', onInstallPrompt);
      window.removeEventListener('appinstalled', onInstalled);
    };
  }

  async #register(): Promise<void> {
    if (!('serviceWorker' in navigator)) return;
    try {
      const { registerSW } = await import('virtual:pwa-register');
      this.#updateSW = registerSW({
        immediate: true,
        onNeedRefresh: () => {
          this.needRefresh = true;
        },
        onOfflineReady: () => {
          this.offlineReady = true;
        },
        onRegisteredSW: () => {
          this.registered = true;
        },
        onRegisterError: (error: unknown) => {
          this.registerError = error instanceof Error ? error.message : String(error);
        },
      });
    } catch (error) {
      this.registerError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Activates the waiting service worker and reloads into it. */
  async update(): Promise<void> {
    this.needRefresh = false;
    await this.#updateSW?.(true);
  }

  /** Hides the update prompt until the next update. */
  dismissUpdate(): void {
    this.needRefresh = false;
  }

  /** Hides the offline-ready notice. */
  dismissOfflineReady(): void {
    this.offlineReady = false;
  }

  /** Shows the browser's install prompt; it can be shown once. */
  async install(): Promise<void> {
    const prompt = this.installPrompt;
    if (!prompt) return;
    this.installPrompt = null;
    await prompt.prompt();
  }
}
