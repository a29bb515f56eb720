/*
 * Cross-origin isolation for hosts that cannot send headers (e.g. GitHub Pages).
 * As a page script: when the page is not isolated, register this file as a service worker and
 * reload once it controls the page. As the service worker: re-serve every same-origin response
 * with the COOP/COEP/CORP headers that isolation needs. Does nothing when the server already
 * sends them (npm start, the CLI, static hosts reading public/_headers).
 */
if (typeof window === "undefined") {
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener("fetch", (event) => {
    const request = event.request;
    if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
    event.respondWith(
      fetch(request).then((response) => {
        if (response.status === 0) return response; // opaque: leave untouched
        const headers = new Headers(response.headers);
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Embedder-Policy", "require-corp");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }),
    );
  });
} else if (!window.crossOriginIsolated && window.isSecureContext && "serviceWorker" in navigator) {
  const reloaded = sessionStorage.getItem("every-core:coi-reload") === "1";
  navigator.serviceWorker.register(document.currentScript.src).then((registration) => {
    if (navigator.serviceWorker.controller || reloaded) return; // already controlled, or tried once
    const reload = () => {
      sessionStorage.setItem("every-core:coi-reload", "1");
      window.location.reload();
    };
    if (registration.active) reload();
    else navigator.serviceWorker.addEventListener("controllerchange", reload, { once: true });
  }, (error) => console.warn("Every Core: cross-origin isolation service worker not registered:", error));
}
