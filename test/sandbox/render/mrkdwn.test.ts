import { describe, expect, it } from "vitest";
import { html } from "../../../src/sandbox/render/html";
import { mrkdwn, plainText } from "../../../src/sandbox/render/mrkdwn";

const directory = {
  userName: (id: string) => ({ U0PRIYASH: "Priya Shah" })[id],
  channelName: (id: string) => ({ C0COMMTEAM: "commissioning-team" })[id],
};
const render = (text: string) => mrkdwn(text, directory).value;

describe("mrkdwn to HTML", () => {
  it("formats bold, italic, strike and code, but not inside words or code", () => {
    expect(render("*Question:* _first and overarching_ ~old~ `/objectives 1`")).toBe(
      '<span class="md-lines"><strong>Question:</strong> <em>first and overarching</em> <del>old</del> <code>/objectives 1</code></span>',
    );
    expect(render("snake_case_name and 2*3*4")).not.toMatch(/<em>|<strong>/);
    expect(render("`*not bold*`")).toContain("<code>*not bold*</code>");
    expect(render("*<https://www.gov.uk/x|bold link>*")).toContain(
      '<strong><a href="https://www.gov.uk/x" target="_blank" rel="noopener noreferrer">bold link</a></strong>',
    );
  });

  it("makes links of web addresses only, and names people and channels", () => {
    expect(render("Source: <https://www.gov.uk/a?b=1&amp;c=2|DH letter>, 2012")).toContain(
      '<a href="https://www.gov.uk/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">DH letter</a>',
    );
    expect(render("<https://www.england.nhs.uk/>")).toContain(">https://www.england.nhs.uk/</a>");
    expect(render("<javascript:alert(1)|click me>")).toBe('<span class="md-lines">click me</span>');
    expect(render("Shared by <@U0PRIYASH> in <#C0COMMTEAM>, cc <@U0NOBODY|tom> <!here>")).toBe(
      '<span class="md-lines">Shared by <span class="mention">@Priya Shah</span> in <span class="mention">#commissioning-team</span>, cc <span class="mention">@tom</span> <span class="mention">@here</span></span>',
    );
  });

  it("shows Slack's escaped characters as written and never lets markup through", () => {
    expect(render("&lt;script&gt;alert(1)&lt;/script&gt; Q&amp;A")).toBe(
      '<span class="md-lines">&lt;script&gt;alert(1)&lt;/script&gt; Q&amp;A</span>',
    );
    expect(render('<img src=x onerror="alert(1)">')).not.toContain("<img");
    expect(render('<https://x.example/"onmouseover="alert(1)|x>')).toContain(
      'href="https://x.example/&quot;onmouseover=&quot;alert(1)"',
    );
    expect(render("\u0001" + "0\u0002 `code`")).not.toContain("<code>code</code>0");
  });

  it("renders quotes, bulleted and numbered lines, line breaks and preformatted text", () => {
    expect(render("> “The first – and overarching – objective”\n&gt; second line\n— Andrew Lansley")).toBe(
      '<blockquote class="md-quote">“The first – and overarching – objective”<br>second line</blockquote><span class="md-lines">— Andrew Lansley</span>',
    );
    expect(render("• one\n• two")).toBe('<ul class="md-list"><li>one</li><li>two</li></ul>');
    expect(render("3. third\n4. fourth")).toBe('<ol class="md-list" start="3"><li>third</li><li>fourth</li></ol>');
    expect(render("line one\nline two")).toBe('<span class="md-lines">line one<br>line two</span>');
    expect(render("```\nconst a = 1 < 2;\n*x*\n```")).toBe('<pre class="md-pre">const a = 1 &lt; 2;\n*x*\n</pre>');
  });

  it("turns known emoji shortcodes into emoji and leaves others alone", () => {
    expect(render("Cake :tada: at 10:30:00 :no_such_emoji:")).toBe(
      '<span class="md-lines">Cake 🎉 at 10:30:00 :no_such_emoji:</span>',
    );
    expect(plainText("Done :white_check_mark:\n<b>", true).value).toBe("Done ✅<br>&lt;b&gt;");
    expect(plainText(":tada:", false).value).toBe(":tada:");
  });

  it("escapes every interpolated value in html`` unless it is already safe", () => {
    const name = '<a href="x">Priya</a>';
    expect(html`<b title="${name}">${name}</b>${html`<i>ok</i>`}`.value).toBe(
      '<b title="&lt;a href=&quot;x&quot;&gt;Priya&lt;/a&gt;">&lt;a href=&quot;x&quot;&gt;Priya&lt;/a&gt;</b><i>ok</i>',
    );
  });
});
