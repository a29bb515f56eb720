/// <reference types="astro/client" />

/** The git commit the site was built from (astro.config.mjs `vite.define`); absent outside a build. */
declare const __EVERY_CORE_COMMIT__: string | undefined;
