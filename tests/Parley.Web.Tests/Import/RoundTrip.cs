using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;

namespace Parley.Web.Tests.Import;

/// <summary>
/// What must survive a WordPress round trip (export, then import into a fresh site): for every post and page its
/// title, slug, status, date, categories and tags, the text of its rendered body and the pictures and links in
/// it; for every comment its author, text, state and place in the thread.
/// </summary>
internal static partial class RoundTrip
{
    private static readonly HtmlParser Parser = new();

    public sealed record Content(string Key, string Title, string Status, DateTime? Published, string Categories, string Tags, string Text, string Urls, IReadOnlyList<Reply> Comments);

    /// <summary>A comment, with its parent named by position in the post's thread (ids differ between sites).</summary>
    public sealed record Reply(int Index, int? Parent, string Author, string Status, string Kind, DateTime CreatedAt, string Text);

    /// <summary>The content of the SQLite site in <paramref name="dataPath"/>, by kind and slug.</summary>
    public static async Task<Dictionary<string, Content>> ReadAsync(string dataPath)
    {
        var builder = new DbContextOptionsBuilder<ParleyDbContext>();
        builder.Use(DatabaseProvider.Sqlite, ParleyDatabase.SqliteFile(dataPath));
        var options = builder.Options;
        await using var db = new ParleyDbContext(options);
        var posts = await db.Posts.AsNoTracking().Where(p => p.Status != Parley.Core.Posts.PostStatus.Trashed)
            .Include(p => p.Categories).Include(p => p.Tags).AsSplitQuery().ToListAsync();
        var comments = (await db.Comments.AsNoTracking().ToListAsync()).ToLookup(c => c.PostId);
        var result = new Dictionary<string, Content>(StringComparer.Ordinal);
        foreach (var p in posts)
        {
            var thread = comments[p.Id].OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
            var index = thread.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
            var replies = thread.Select((c, i) => new Reply(i, c.ParentId is { } parent && index.TryGetValue(parent, out var at) ? at : null,
                c.AuthorName, c.Status.ToString(), c.Kind.ToString(), Second(c.CreatedAt), Text(c.BodyHtml))).ToList();
            var (text, urls) = Body(p.BodyHtml);
            result[$"{p.Kind}:{p.Slug}"] = new Content($"{p.Kind}:{p.Slug}", p.Title, p.Status.ToString(), p.PublishedAt is { } d ? Second(d) : null,
                string.Join(", ", p.Categories.Select(c => c.Name).Order(StringComparer.Ordinal)), string.Join(", ", p.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)),
                text, urls, replies);
        }
        return result;
    }

    /// <summary>Every difference, one line each (empty when the two sites hold the same content).</summary>
    public static List<string> Differences(Dictionary<string, Content> before, Dictionary<string, Content> after)
    {
        var lines = new List<string>();
        foreach (var key in before.Keys.Except(after.Keys)) lines.Add($"{key}: missing after the round trip");
        foreach (var key in after.Keys.Except(before.Keys)) lines.Add($"{key}: new after the round trip");
        foreach (var (key, a) in before)
        {
            if (!after.TryGetValue(key, out var b)) continue;
            Compare(lines, key, "title", a.Title, b.Title);
            Compare(lines, key, "status", a.Status, b.Status);
            Compare(lines, key, "published", a.Published?.ToString("O"), b.Published?.ToString("O"));
            Compare(lines, key, "categories", a.Categories, b.Categories);
            Compare(lines, key, "tags", a.Tags, b.Tags);
            Compare(lines, key, "text", a.Text, b.Text);
            Compare(lines, key, "pictures and links", a.Urls, b.Urls);
            Compare(lines, key, "comments", a.Comments.Count.ToString(), b.Comments.Count.ToString());
            foreach (var (x, y) in a.Comments.Zip(b.Comments))
                if (x != y) lines.Add($"{key}: comment {x.Index}: {x} became {y}");
        }
        return lines;
    }

    private static void Compare(List<string> lines, string key, string what, string? a, string? b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal)) return;
        // Long texts are shown from a little before where they part.
        var from = 0;
        while (a is not null && b is not null && from < a.Length && from < b.Length && a[from] == b[from]) from++;
        from = Math.Max(0, from - 60);
        lines.Add($"{key}: {what} \"{Cut(a, from)}\" became \"{Cut(b, from)}\"");
    }

    private static string? Cut(string? s, int from) =>
        s is null ? null : (from > 0 ? "…" : "") + (s.Length - from > 200 ? s.Substring(Math.Min(from, s.Length), 200) + "…" : s[Math.Min(from, s.Length)..]);

    private static DateTime Second(DateTime d) => new(d.Ticks - d.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static (string Text, string Urls) Body(string html)
    {
        var document = Parser.ParseDocument("<!doctype html><body>" + html + "</body>");
        var urls = document.QuerySelectorAll("img[src]").Select(e => "img " + e.GetAttribute("src"))
            .Concat(document.QuerySelectorAll("a[href]").Select(e => "a " + e.GetAttribute("href")))
            .Distinct().Order(StringComparer.Ordinal);
        return (Whitespace().Replace(document.Body!.TextContent, " ").Trim(), string.Join(" | ", urls));
    }

    private static string Text(string html) => Whitespace().Replace(Parser.ParseDocument("<!doctype html><body>" + html + "</body>").Body!.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
