/**
 * OCDS publication settings (docs/ocds.md).
 *
 * OCDS_OCID_PREFIX is the prefix the Open Contracting Partnership assigned to
 * this publisher (`ocds-` + six characters). Until a district has registered
 * one, the default `ocds-xxxxxx` marks the data as not yet registered: a
 * consumer must not mix it with data of another publisher.
 */
export const DEFAULT_OCID_PREFIX = "ocds-xxxxxx";
const PREFIX = /^ocds-[a-z0-9]{6}$/;

let warned = false;

export function ocidPrefix(): string {
  const configured = process.env.OCDS_OCID_PREFIX?.trim();
  if (!configured) return DEFAULT_OCID_PREFIX;
  if (PREFIX.test(configured)) return configured;
  if (!warned) {
    warned = true;
    console.warn(
      `OCDS_OCID_PREFIX "${configured}" is not ocds- followed by six lower-case letters or digits; using ${DEFAULT_OCID_PREFIX}`,
    );
  }
  return DEFAULT_OCID_PREFIX;
}

/** The request code part of an ocid (ZJ20261203-1A2B3C; imported history has longer codes). */
const CODE = /^ZJ[0-9A-Z-]{6,40}$/;

export const ocidOf = (code: string) => `${ocidPrefix()}-${code}`;

/** The request code an ocid names, or null when it is not one of ours. */
export function codeOfOcid(ocid: string): string | null {
  const prefix = `${ocidPrefix()}-`;
  if (!ocid.startsWith(prefix)) return null;
  const code = ocid.slice(prefix.length);
  return CODE.test(code) ? code : null;
}

export const OCDS_VERSION = "1.1";
export const OCDS_LICENSE = "https://creativecommons.org/licenses/by/4.0/";
/** The bids extension (Open Contracting Partnership) and our own random-draw extension, served from public/. */
export const BIDS_EXTENSION = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
export const drawExtensionUrl = (origin: string) => `${origin}/ocds/extensions/random_draw/extension.json`;
export const extensionsOf = (origin: string) => [BIDS_EXTENSION, drawExtensionUrl(origin)];

/** Page sizes of /ocds/releases.json. */
export const RELEASES_PAGE_SIZE = 100;
export const RELEASES_MAX_PAGE_SIZE = 500;
