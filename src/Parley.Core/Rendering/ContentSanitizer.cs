using Ganss.Xss;

namespace Parley.Core.Rendering;

/// <summary>The one place where untrusted HTML is cleaned: an allow-list of tags, attributes and URL schemes.</summary>
public sealed class ContentSanitizer
{
    private readonly HtmlSanitizer _sanitizer;

    private ContentSanitizer(HtmlSanitizer sanitizer) => _sanitizer = sanitizer;

    /// <summary>What a post body may contain after Markdown rendering.</summary>
    public static ContentSanitizer ForPosts()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[]
        {
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp",
            "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small", "abbr", "cite", "q",
            "dfn", "time", "span", "div", "a", "img", "figure", "figcaption", "ul", "ol", "li", "dl", "dt", "dd",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "details", "summary",
            "section", "input",
        })
            s.AllowedTags.Add(tag);

        s.AllowedAttributes.Clear();
        foreach (var attr in new[]
        {
            "href", "src", "alt", "title", "id", "class", "width", "height", "colspan", "rowspan", "start",
            "reversed", "lang", "dir", "datetime", "cite", "align", "scope", "open", "type", "checked", "disabled", "style",
        })
            s.AllowedAttributes.Add(attr);

        s.AllowedCssProperties.Clear();
        s.AllowedCssProperties.Add("text-align");
        s.AllowedAtRules.Clear();
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
            s.AllowedSchemes.Add(scheme);
        s.UriAttributes.Add("cite");
        // Task-list checkboxes are the only inputs Markdown produces; anything else is dropped.
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input &&
                input.GetAttribute("type") != "checkbox")
                input.Remove();
        };
        return new ContentSanitizer(s);
    }

    /// <summary>What a reader's comment may contain: text formatting, links, quotes, lists and code.</summary>
    public static ContentSanitizer ForComments()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "blockquote", "pre", "code", "em", "strong", "del", "ins", "mark", "sub", "sup", "a", "ul", "ol", "li" })
            s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        foreach (var attr in new[] { "href", "start" }) s.AllowedAttributes.Add(attr);
        s.AllowedCssProperties.Clear();
        s.AllowedAtRules.Clear();
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) s.AllowedSchemes.Add(scheme);
        // A disallowed element's text stays visible; only the element goes.
        s.KeepChildNodes = true;
        return new ContentSanitizer(s);
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}
