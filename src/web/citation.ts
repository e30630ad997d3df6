// A scenario's source, as a reader should see it: the work cited (author, title, year, page, as the
// scenario file gives them) as the link's text, the site it can be read at beside it, and never a raw
// address. A citation that is only an address is named from the address (its page's name and site);
// an address cut short ("…") cannot be followed and is not linked. Pure functions: the web unit
// tests call them.

export interface SourceInput {
  key: string;
  text: string;
  url?: string;
}

export interface Citation {
  key: string;
  /** The work, in words. */
  label: string;
  /** Where it can be read; null when the scenario gives no address that can be followed. */
  href: string | null;
  /** The site's name (its host), when there is an address. */
  site: string | null;
  /** The address was cut short in the scenario file. */
  incomplete: boolean;
  /** The address is a copy of an encyclopaedia article on another site, not the work itself. */
  mirror: boolean;
}

const ADDRESS = /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)*\.([a-z]{2,}|xn--[a-z0-9-]+)\.?(:\d+)?(\/\S*)?$/i;

const IP = /^(https?:\/\/)?\d{1,3}(\.\d{1,3}){3}(:\d+)?\/\S*$/;

/** Sites that copy encyclopaedia articles (Wikipedia's, mostly): a citation of one is a citation of a copy. */
const mirrors = ["wikiclassic.com", "piglix.com", "memim.com", "liquisearch.com", "wikimili.com", "iiab.me", "wikisum.wiki", "zxc.wiki", "wikipedia-on-ipfs.org", "riteme.site", "niidae.com", "bioreference.net", "abcdef.wiki", "wiki.li", "fanyv88.com", "knowledgr.com", "knowledger.de", "enacademic.com", "wikiwand.com"];

function isMirror(host: string): boolean {
  return mirrors.some((m) => host === m || host.endsWith(`.${m}`));
}

function hostOf(address: string): string {
  return address.replace(/^https?:\/\//i, "").split(/[/:?#]/)[0].replace(/\.$/, "").replace(/^www\./, "");
}

function hrefOf(address: string): string | null {
  if (address.includes("…")) return null;
  const url = /^https?:\/\//i.test(address) ? address : `https://${address}`;
  try {
    const parsed = new URL(url);
    parsed.hostname = parsed.hostname.replace(/\.$/, "");
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A page's name from its address: the last part of its path that reads as words. */
function nameFromAddress(address: string): string {
  const path = address.replace(/^https?:\/\//i, "").split("/").slice(1).join("/").split(/[?#]/)[0];
  const parts = path.split("/").map((p) => p.replace(/…/g, "").replace(/\.(html?|php|aspx?)$/i, "")).filter((p) => /[a-zа-я]{3,}/i.test(p));
  const last = parts[parts.length - 1];
  if (!last) return "";
  let text = last;
  try {
    text = decodeURIComponent(last);
  } catch {
    // not percent-encoded
  }
  return text.replace(/[_+]/g, " ").replace(/-/g, " ").replace(/\s+/g, " ").trim();
}

/** One address of a scenario's source, as a citation. */
function fromAddress(key: string, address: string, rest: string): Citation {
  const host = hostOf(address);
  const href = hrefOf(address);
  const mirror = isMirror(host);
  const named = nameFromAddress(address);
  const label = rest || (named ? `${named}${mirror ? " (encyclopaedia article)" : ""}` : key.replace(/-/g, " "));
  return { key, label, href, site: host || null, incomplete: address.includes("…"), mirror };
}

/**
 * A source as citations: one per address it names (a scenario may give two places for one fact,
 * separated by ";"), each with the work's words as its label. A citation in words with no address
 * is one citation, not linked.
 */
export function citationsOf(source: SourceInput): Citation[] {
  const parts = source.text.split(/;\s+/).map((p) => p.trim()).filter(Boolean);
  const out: Citation[] = [];
  for (const part of parts) {
    const tokens = part.split(/\s+/);
    // An address has a path ("wikiclassic.com" alone, as in "a copy at wikiclassic.com", is a site named in words).
    const address = tokens.find((t) => (ADDRESS.test(t.replace(/[.,)]+$/, "")) && t.replace(/^https?:\/\//i, "").includes("/")) || IP.test(t));
    if (!address) {
      out.push({ key: source.key, label: part, href: null, site: null, incomplete: false, mirror: false });
      continue;
    }
    const clean = address.replace(/[,)]+$/, "").replace(/\.$/, "");
    // The work's words, before or after the address ("address — words" or "words — address").
    const rest = part
      .replace(address, "")
      .replace(/^\s*[—–]\s*/, "")
      .replace(/\s*[—–-]\s*$/, "")
      .replace(/[\s,;:(]+$/, "")
      .trim();
    out.push(fromAddress(source.key, clean, rest));
  }
  if (!out.length) out.push({ key: source.key, label: source.key, href: source.url ?? null, site: null, incomplete: false, mirror: false });
  return out;
}
