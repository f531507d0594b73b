export { buildSite, type Site, type SiteAsset, type SiteOptions } from './site.ts';
