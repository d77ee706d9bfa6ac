/**
 * Stands in for `@reown/appkit/core` in the build (vite.config.ts alias). WalletConnect's provider
 * imports AppKit only to draw its own QR modal, which Vigil turns off (`showQrModal: false`):
 * Vigil shows the pairing code itself, so AppKit's megabytes are never built or served.
 */
export function createAppKit(): never {
  throw new Error('WalletConnect’s QR modal is not part of Vigil: Vigil shows the pairing code itself.');
}
