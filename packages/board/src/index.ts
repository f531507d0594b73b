export { buildSite, buildSiteSync, type SiteOptions } from './site.ts';
export { type Site, type SiteAsset, readSite, writeSite } from './site-files.ts';
export { type PageRenderer, type PageRendererOptions, pageRenderer, pagesOf } from './render.ts';
export { type BoardAnswer, type BoardRequest, serveBoard } from './serve.ts';
