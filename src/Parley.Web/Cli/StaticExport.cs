using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Parley.Web.Hosting;

namespace Parley.Web.Cli;

/// <summary>
/// <c>Parley export static DIR</c>: the public site as files any web server can serve — pages, archives
/// (their later pages as <c>…/page/N/</c>), feeds (<c>feed.xml</c>, <c>feed/atom.xml</c>, …), sitemap,
/// styles, scripts and media. Parley serves itself on loopback and the exporter reads it like a visitor,
/// so the files are exactly what readers get. Discussions become the embed script pointing at the live
/// site (list the static site's address under Discussion settings), so comments still go to Parley.
/// </summary>
public static partial class StaticExport
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] LiveOnly = ["/admin", "/account", "/api", "/search", "/embed", "/signin-", "/avatars", "/comments/subscription"];

    public static async Task<int> RunAsync(string directory, string[] configArgs)
    {
        var builder = WebApplication.CreateBuilder(configArgs);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddParley();
        await using var app = builder.Build();
        var live = app.Services.GetRequiredService<IOptions<ParleyOptions>>().Value.PublicUrl?.TrimEnd('/');
        if (string.IsNullOrEmpty(live))
        {
            Console.Error.WriteLine("Set Parley:PublicUrl to the live Parley's address (e.g. --Parley:PublicUrl=https://blog.example.org): the static pages send comments there.");
            return 2;
        }
        await app.PrepareAsync(seedDemoContent: false);
        app.UseParley();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var (pages, files) = await new Crawl(http, Path.GetFullPath(directory), live).RunAsync();
            Console.WriteLine($"Wrote {pages} pages and {files} other files to {directory}. Comments on them go to {live}.");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private sealed class Crawl(HttpClient http, string root, string live)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly Queue<string> _queue = new();
        private int _pages, _files;

        public async Task<(int Pages, int Files)> RunAsync()
        {
            Directory.CreateDirectory(root);
            foreach (var start in new[] { "/", "/feed", "/feed/atom", "/feed/json", "/comments/feed", "/sitemap.xml", "/robots.txt" }) Enqueue(start);
            await EnqueueSitemapAsync("/sitemap.xml");
            while (_queue.TryDequeue(out var url) && _seen.Count < 200_000) await FetchAsync(url);
            return (_pages, _files);
        }

        /// <summary>Every address the sitemap lists; a sitemap index's parts are followed, and exported as files.</summary>
        private async Task EnqueueSitemapAsync(string path)
        {
            var sitemap = XDocument.Parse(await http.GetStringAsync(path));
            var isIndex = sitemap.Root?.Name.LocalName == "sitemapindex";
            foreach (var loc in sitemap.Descendants().Where(e => e.Name.LocalName == "loc"))
                if (Uri.TryCreate(loc.Value, UriKind.Absolute, out var u) && Enqueue(u.PathAndQuery) && isIndex)
                    await EnqueueSitemapAsync(u.PathAndQuery);
        }

        private bool Enqueue(string url)
        {
            if (!_seen.Add(url)) return false;
            _queue.Enqueue(url);
            return true;
        }

        private async Task FetchAsync(string url)
        {
            using var response = await http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK) return;
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (type == "text/html")
            {
                var html = Rewrite(await response.Content.ReadAsStringAsync(), url);
                await WriteAsync(TargetOf(url, type), System.Text.Encoding.UTF8.GetBytes(html));
                _pages++;
            }
            else
            {
                await WriteAsync(TargetOf(url, type), await response.Content.ReadAsByteArrayAsync());
                _files++;
            }
        }

        /// <summary>Where a URL's answer lives on disk, relative to the export folder.</summary>
        private static string TargetOf(string url, string type)
        {
            var (path, page) = Split(url);
            if (type == "text/html") return (page is null ? path : path.TrimEnd('/') + "/page/" + page).Trim('/') is var dir && dir.Length > 0 ? dir + "/index.html" : "index.html";
            if (Path.HasExtension(path)) return path.TrimStart('/');
            return path.Trim('/') + (type.Contains("json", StringComparison.Ordinal) ? ".json" : ".xml");
        }

        /// <summary>The address a static page links to for a URL: a folder for pages, the file for the rest.</summary>
        private static string StaticHref(string url, bool isFeedLike)
        {
            var (path, page) = Split(url);
            if (page is not null) return path.TrimEnd('/') + "/page/" + page + "/";
            return isFeedLike ? path.TrimEnd('/') + (path.EndsWith("/json", StringComparison.Ordinal) ? ".json" : ".xml") : path;
        }

        private static (string Path, string? Page) Split(string url)
        {
            var q = url.IndexOf('?');
            if (q < 0) return (url, null);
            var match = PageQuery().Match(url[q..]);
            return (url[..q], match.Success ? match.Groups[1].Value : null);
        }

        private static bool IsFeed(string path) => FeedPath().IsMatch(path);

        private string Rewrite(string html, string pageUrl)
        {
            var doc = Parser.ParseDocument(html);
            // The discussion: the embed script, talking to the live Parley.
            if (doc.QuerySelector("section#comments") is { } comments)
                comments.OuterHtml = $"<section id=\"comments\" class=\"discussion\"><div data-parley-thread=\"{WebUtility.HtmlEncode(Split(pageUrl).Path)}\"></div>" +
                                     $"<script src=\"{WebUtility.HtmlEncode(live)}/embed/thread.js\" async></script></section>";
            foreach (var (element, attribute) in doc.QuerySelectorAll("a[href], link[href], img[src], script[src], form[action], source[srcset], img[srcset]")
                         .SelectMany(e => new[] { "href", "src", "action", "srcset" }.Where(e.HasAttribute).Select(a => (e, a))).ToList())
            {
                var value = element.GetAttribute(attribute)!;
                if (attribute == "srcset")
                {
                    foreach (var candidate in value.Split(',').Select(c => c.Trim().Split(' ')[0])) if (candidate.StartsWith('/')) Enqueue(candidate);
                    continue;
                }
                if (!value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal)) continue;
                var (path, page) = Split(value.Split('#')[0]);
                var fragment = value.Contains('#') ? value[value.IndexOf('#')..] : "";
                // "?v=…" on styles and scripts is a cache key: a static server ignores it and serves the file.
                if (VersionQuery().IsMatch(value))
                {
                    Enqueue(path);
                    continue;
                }
                var hasOtherQuery = value.Contains('?') && page is null;
                if (element.LocalName == "form" || hasOtherQuery || LiveOnly.Any(p => path.StartsWith(p, StringComparison.Ordinal)))
                {
                    element.SetAttribute(attribute, live + value);
                    continue;
                }
                Enqueue(page is null ? path : path + "?page=" + page);
                element.SetAttribute(attribute, StaticHref(page is null ? path : path + "?page=" + page, IsFeed(path)) + fragment);
            }
            return "<!DOCTYPE html>\n" + doc.DocumentElement.OuterHtml;
        }

        private async Task WriteAsync(string relative, byte[] bytes)
        {
            var full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(root, StringComparison.Ordinal)) return;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes);
        }
    }

    [GeneratedRegex(@"[?&]page=(\d+)")]
    private static partial Regex PageQuery();

    [GeneratedRegex(@"^[^?#]+\?v=[\w-]+$")]
    private static partial Regex VersionQuery();

    [GeneratedRegex(@"/feed(/(atom|json|rss))?$")]
    private static partial Regex FeedPath();
}
