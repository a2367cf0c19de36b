using AngleSharp.Html.Parser;
using Xunit;

namespace Parley.Testing;

/// <summary>
/// Checks that HTML could run no script in a browser: no script-capable elements, no event
/// handlers, no script URLs, no CSS beyond text alignment.
/// </summary>
public static class HtmlAssert
{
    private static readonly HtmlParser Parser = new();

    private static readonly string[] ForbiddenElements =
        ["script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "button", "textarea", "select",
         "svg", "math", "frame", "frameset", "applet", "template", "noscript", "xmp", "plaintext", "video", "audio", "source"];

    /// <summary>Fails with the offending markup when the HTML could run script in a browser.</summary>
    public static void Inert(string html, string input)
    {
        var body = Parser.ParseDocument("<body>" + html + "</body>").Body!;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.False(ForbiddenElements.Contains(element.LocalName), $"<{element.LocalName}> survived from: {input}");
            if (element.LocalName == "input")
                Assert.Equal("checkbox", element.GetAttribute("type"));
            foreach (var attr in element.Attributes)
            {
                Assert.False(attr.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attr.Name} survived from: {input}");
                Assert.False(attr.Name.Contains(':') || attr.Name is "formaction" or "action" or "srcdoc" or "srcset",
                    $"{attr.Name} survived from: {input}");
                if (attr.Name is "href" or "src" or "cite" or "data-embed-src")
                    AssertSafeUrl(attr.Value, input);
                if (attr.Name == "style")
                    Assert.Matches("^(text-align: *(left|right|center|justify);? *)?$", attr.Value);
            }
        }
    }

    private static void AssertSafeUrl(string url, string input)
    {
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        foreach (var scheme in new[] { "javascript:", "vbscript:", "data:", "livescript:", "mocha:" })
            Assert.False(compact.StartsWith(scheme, StringComparison.Ordinal), $"{url} survived from: {input}");
        if (compact.Contains(':') && !compact.StartsWith('/') && !compact.StartsWith('#'))
        {
            var scheme = compact[..compact.IndexOf(':')];
            if (!scheme.Contains('/') && !scheme.Contains('?') && !scheme.Contains('#'))
                Assert.Contains(scheme, new[] { "http", "https", "mailto" });
        }
    }

}
