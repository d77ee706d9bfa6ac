// One static page, prerendered to build/index.html; the service worker serves it for every
// navigation (navigateFallback '/').
export const prerender = true;
export const trailingSlash = 'never';
