/**
 * Where the add-in is served from, and what that means for the files the build writes:
 * the manifest's URLs, where the task pane loads Office.js from, and the Content Security
 * Policy that allows exactly that. Used by webpack.config.js and by the tests.
 *
 * - `ADDIN_URL=https://host.example npm run build`: every URL in dist/manifest.xml points at
 *   that origin (optionally with a path, e.g. https://intranett.example/kontorplan).
 * - Without ADDIN_URL: the sideloading manifest, https://localhost:3000 (npm run dev-server).
 * - Office.js: from Microsoft's CDN in every build (AppSource requires it; the npm package is
 *   not kept current); from the local copy in @microsoft/office-js only for the offline dev
 *   server (`npm run dev-server`), where the CDN may be out of reach.
 */
const DEV_URL = 'https://localhost:3000';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The base URL the add-in is served from, from ADDIN_URL (no trailing slash), or the sideloading one. */
function addinUrl(value = process.env.ADDIN_URL) {
  if (value === undefined || value.trim() === '') return DEV_URL;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ADDIN_URL «${value}» er ikke en adresse (is not a URL); skriv for eksempel https://kontorplan.kommune.no`);
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_URL «${value}» må bruke https (must use https): Office laster bare tillegg over https.`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`ADDIN_URL «${value}» kan ikke ha spørring, fragment eller brukernavn (no query, fragment or credentials).`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The manifest with every sideloading URL replaced by `base`; refuses a manifest that names another origin. */
function manifestFor(xml, base) {
  const foreign = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith(`${DEV_URL}/`));
  if (foreign.length > 0) throw new Error(`manifest.xml names URLs outside ${DEV_URL}: ${foreign.join(', ')}`);
  return xml.split(DEV_URL).join(base);
}

/** The task pane's Content Security Policy: its own origin, and Microsoft's CDN when Office.js comes from there. */
function contentSecurityPolicy(officeJs) {
  const script = officeJs === 'cdn' ? `'self' ${new URL(OFFICE_JS_CDN).origin}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The src of the task pane's Office.js script tag. */
function officeJsSrc(officeJs) {
  return officeJs === 'cdn' ? OFFICE_JS_CDN : 'office/office.js';
}

module.exports = { DEV_URL, OFFICE_JS_CDN, addinUrl, manifestFor, contentSecurityPolicy, officeJsSrc };
