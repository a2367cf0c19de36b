using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Core.Search;

public sealed record SearchHit(int PostId, PostKind Kind, string Slug, DateTime PublishedAt, string TitleHtml, string SnippetHtml);

/// <summary>
/// A page of search hits. <see cref="PagedResult{T}.Total"/> is the number of matches listed: all of them, or, when
/// <see cref="TotalIsCapped"/>, the newest <see cref="SearchService.CountedUpTo"/> of the more that match.
/// </summary>
public sealed record SearchResults(PagedResult<SearchHit> Hits, bool TotalIsCapped);

/// <summary>
/// Full-text search over public posts and pages: SQLite FTS5 or PostgreSQL text search, with highlighted snippets.
/// The index itself is kept by the database (triggers / a generated column, created in the migrations), so every
/// writer keeps it current. A search costs about the same on 200 posts and on 100,000: matches are counted only up to
/// <see cref="CountedUpTo"/>, and a word in more posts than <see cref="RankedUpTo"/> lists the newest first from an
/// order the database keeps, reading one page of posts instead of every match.
/// </summary>
public sealed partial class SearchService(ParleyDbContext db, TimeProvider clock)
{
    // Control characters never appear in stored text, so they can mark matches safely until encoding.
    private const string MarkStart = "\u0002", MarkEnd = "\u0003";

    /// <summary>Up to this many matches are ranked by relevance; beyond it, newest first. Settable for tests.</summary>
    public int RankedUpTo { get; set; } = 1000;

    /// <summary>
    /// Matches are counted up to this many. A search matching more says so ("more than") and lists the newest this many,
    /// as web search engines do: a common word costs what a rare one does. Settable for tests.
    /// </summary>
    public int CountedUpTo { get; set; } = 1000;

    public async Task<SearchResults> SearchAsync(SearchQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        if (query.IsEmpty) return new SearchResults(new PagedResult<SearchHit>([], page, pageSize, 0), false);
        var now = clock.GetUtcNow().UtcDateTime;
        var postgres = db.Database.IsNpgsql();
        var match = postgres ? query.ToTsQuery() : await SqliteMatchAsync(query, ct);
        // One past the cap tells "exactly CountedUpTo" from "more".
        var counted = postgres
            ? await CountPostgresAsync(match, now, CountedUpTo + 1, ct)
            : await CountSqliteAsync(match, now, CountedUpTo + 1, ct);
        var capped = counted > CountedUpTo;
        var total = Math.Min(counted, CountedUpTo);
        var ranked = !capped && total <= RankedUpTo;
        var skip = (long)(page - 1) * pageSize;
        var take = (int)Math.Min(pageSize, total - skip);
        var rows = take <= 0 ? []
            : postgres ? await PagePostgresAsync(match, now, ranked, skip, take, ct)
            : await PageSqliteAsync(match, now, ranked, skip, take, ct);
        var hits = rows.Select(r => new SearchHit(r.PostId, r.Kind, r.Slug, DateTime.SpecifyKind(r.PublishedAt, DateTimeKind.Utc),
            Highlight(r.Title), Highlight(r.Snippet))).ToList();
        return new SearchResults(new PagedResult<SearchHit>(hits, page, pageSize, total), capped);
    }

    /// <summary>Encodes text for HTML and turns the match markers into &lt;mark&gt; elements.</summary>
    public static string Highlight(string marked)
    {
        var sb = new StringBuilder(marked.Length + 32);
        var open = false;
        var from = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            var c = i < marked.Length ? marked[i] : '\0';
            if (i < marked.Length && c != MarkStart[0] && c != MarkEnd[0]) continue;
            sb.Append(WebUtility.HtmlEncode(marked[from..i]));
            from = i + 1;
            if (c == MarkStart[0] && !open) { sb.Append("<mark>"); open = true; }
            else if (c == MarkEnd[0] && open) { sb.Append("</mark>"); open = false; }
        }
        if (open) sb.Append("</mark>");
        return sb.ToString();
    }

    private sealed record RawHit(int PostId, PostKind Kind, string Slug, DateTime PublishedAt, string Title, string Snippet);
}
