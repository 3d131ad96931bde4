import { sharedFile, splitHeader } from "../../../support/fixtures";

/** A shared minutes file without its "KEY: value" header: the document text as published. */
export function sharedMinutesText(name: string): string {
  return splitHeader(sharedFile(`fixtures/minutes/${name}`)).body;
}

/** GOV.UK's organisation feed (shared fixture) with its links pointing at the local server. */
export function govukOrganisationFeed(baseUrl: string): string {
  return sharedFile("fixtures/minutes/govuk-atom-example-organisation-feed.xml").replaceAll("https://www.gov.uk", baseUrl);
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
    .map((item) => `<item><title>${item.title}</title><link>${item.link}</link><pubDate>${item.date}</pubDate><description><![CDATA[<p>${item.summary ?? ""}</p>]]></description></item>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://www.england.nhs.uk</link><description></description>${entries}</channel></rss>`;
}

/** An Atom feed in the shape of a GOV.UK finder feed (entry updated times with UK offsets). */
export function atomFeed(title: string, entries: FeedItem[]): string {
  const body = entries
    .map((entry) => `<entry><id>tag:www.gov.uk,2005:${new URL(entry.link).pathname}</id><updated>${entry.date}</updated><link rel="alternate" type="text/html" href="${entry.link}"/><title>${entry.title}</title><summary type="html">${entry.summary ?? ""}</summary></entry>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom"><id>tag:www.gov.uk,2005:/search/all</id><title>${title}</title><updated>2012-10-12T10:00:00+01:00</updated><author><name>HM Government</name></author>${body}</feed>`;
}
