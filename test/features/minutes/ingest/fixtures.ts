import { ownText } from "../../../support/fixtures";

/** Our plain-text minutes (test/fixtures/minutes/), exactly as a publisher would serve them. */
export const MINUTES_TEXT = {
  /** Complete minutes of a national board: two-column attendance, un-numbered headings, "Action:" / "Due:" lines. */
  healthDataBoard: "open-health-data-board-2011-10-12.txt",
  /** A private board meeting: bullet attendance, ITEM headings, a stale template sub-heading. */
  privateBoard: "nhscba-private-board-2012-09-20.txt",
  /** A CCG governing body in public: present / in attendance / apologies, "GB 13/01" minute references. No title line and no date. */
  ccgGoverningBody: "wharfedale-ccg-governing-body-2013-01-10.txt",
  /** A present-day board: numbered paragraphs (1.1, 1.2), apologies given in a sentence. */
  icbBoard: "dalesway-icb-board-2024-09-26.txt",
} as const;

/** One of our plain-text minutes documents, e.g. minutesText(MINUTES_TEXT.ccgGoverningBody). */
export function minutesText(name: string): string {
  return ownText(name);
}

/** Our GOV.UK organisation feed (test/fixtures/minutes/) with its links pointing at the local server. */
export function govukOrganisationFeed(baseUrl: string): string {
  return ownText("govuk-organisation-feed.atom.xml").replaceAll("https://www.gov.uk", baseUrl);
}

export interface FeedItem {
  title: string;
  link: string;
  date: string;
  summary?: string;
}

/** An RSS 2.0 feed in the shape WordPress gives (RFC 822 dates, HTML descriptions in CDATA). */
export function rssFeed(title: string, items: FeedItem[]): string {
  const entries = items
    .map(
      (item) =>
        `<item><title>${item.title}</title><link>${item.link}</link><pubDate>${item.date}</pubDate><description><![CDATA[<p>${item.summary ?? ""}</p>]]></description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://www.england.nhs.uk</link><description></description>${entries}</channel></rss>`;
}

/** An Atom feed in the shape of a GOV.UK finder feed (entry updated times with UK offsets). */
export function atomFeed(title: string, entries: FeedItem[]): string {
  const body = entries
    .map(
      (entry) =>
        `<entry><id>tag:www.gov.uk,2005:${new URL(entry.link).pathname}</id><updated>${entry.date}</updated><link rel="alternate" type="text/html" href="${entry.link}"/><title>${entry.title}</title><summary type="html">${entry.summary ?? ""}</summary></entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom"><id>tag:www.gov.uk,2005:/search/all</id><title>${title}</title><updated>2012-10-12T10:00:00+01:00</updated><author><name>HM Government</name></author>${body}</feed>`;
}
