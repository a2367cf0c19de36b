using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Core.Search;

public sealed record SearchHit(int PostId, PostKind Kind, string Slug, DateTime PublishedAt, string TitleHtml, string SnippetHtml);

/// <summary>
/// Full-text search over public posts and pages: SQLite FTS5 or PostgreSQL text search, ranked,
/// with highlighted snippets. The index itself is kept by the database (triggers / a generated
/// column, created in the migrations), so every writer keeps it current.
/// </summary>
public sealed class SearchService(ParleyDbContext db, TimeProvider clock)
{
    // Control characters never appear in stored text, so they can mark matches safely until encoding.
    private const string MarkStart = "\u0002", MarkEnd = "\u0003";

    /// <summary>Up to this many matches are ranked by relevance (SQLite); beyond it, newest first. Settable for tests.</summary>
    public int RankedUpTo { get; set; } = 1000;

    public async Task<PagedResult<SearchHit>> SearchAsync(SearchQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        if (query.IsEmpty) return new PagedResult<SearchHit>([], page, pageSize, 0);
        var now = clock.GetUtcNow().UtcDateTime;
        var skip = (page - 1) * pageSize;
        List<RawHit> rows;
        int total;
        if (db.Database.IsNpgsql())
        {
            var q = query.ToTsQuery();
            total = await db.Database.SqlQuery<int>($"""
                SELECT count(*)::int AS "Value" FROM "Posts" p
                WHERE p."SearchVector" @@ to_tsquery('simple', {q})
                  AND p."Status" IN (1, 2) AND p."PublishedAt" <= {now}
                """).SingleAsync(ct);
            rows = await db.Database.SqlQuery<RawHit>($"""
                SELECT p."Id" AS "PostId", p."Kind" AS "Kind", p."Slug" AS "Slug", p."PublishedAt" AS "PublishedAt",
                       ts_headline('simple', p."Title", to_tsquery('simple', {q}), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS "Title",
                       ts_headline('simple', p."BodyText", to_tsquery('simple', {q}), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') AS "Snippet"
                FROM "Posts" p
                WHERE p."SearchVector" @@ to_tsquery('simple', {q})
                  AND p."Status" IN (1, 2) AND p."PublishedAt" <= {now}
                ORDER BY ts_rank_cd(p."SearchVector", to_tsquery('simple', {q})) DESC, p."PublishedAt" DESC
                LIMIT {pageSize} OFFSET {skip}
                """).ToListAsync(ct);
        }
        else
        {
            var q = query.ToFts5();
            // Both sets are built once (MATERIALIZED) and compared: which posts are public comes from the index on
            // (Kind, Status, PublishedAt), never from the rows, whose status sits after their long texts; and an
            // IN on the full-text table itself would make SQLite run the match once per public post.
            total = await db.Database.SqlQuery<int>($"""
                WITH m AS MATERIALIZED (SELECT rowid AS id FROM PostSearch WHERE PostSearch MATCH {q}),
                     pub AS MATERIALIZED (SELECT Id FROM Posts WHERE Kind IN (0, 1) AND Status IN (1, 2) AND PublishedAt <= {now})
                SELECT count(*) AS "Value" FROM m WHERE id IN pub
                """).SingleAsync(ct);
            if (total <= RankedUpTo)
            {
                rows = await db.Database.SqlQuery<RawHit>($"""
                    SELECT p.Id AS PostId, p.Kind AS Kind, p.Slug AS Slug, p.PublishedAt AS PublishedAt,
                           highlight(PostSearch, 0, char(2), char(3)) AS Title,
                           snippet(PostSearch, 1, char(2), char(3), ' … ', 40) AS Snippet
                    FROM PostSearch s JOIN Posts p ON p.Id = s.rowid
                    WHERE PostSearch MATCH {q} AND p.Status IN (1, 2) AND p.PublishedAt <= {now}
                    ORDER BY bm25(PostSearch, 4.0, 1.0), p.PublishedAt DESC
                    LIMIT {pageSize} OFFSET {skip}
                    """).ToListAsync(ct);
            }
            else
            {
                // A word in thousands of posts: ranking every match would take seconds on a large site, and rank
                // says little when so many posts match. The newest matching posts come first instead.
                // "+Id": walk the (Kind, Status, PublishedAt) index and look each id up in the matches, not the reverse.
                var ids = await db.Database.SqlQuery<int>($"""
                    WITH m AS MATERIALIZED (SELECT rowid AS id FROM PostSearch WHERE PostSearch MATCH {q})
                    SELECT Id AS "Value" FROM Posts
                    WHERE Kind IN (0, 1) AND Status IN (1, 2) AND PublishedAt <= {now} AND +Id IN m
                    ORDER BY PublishedAt DESC, Id DESC
                    LIMIT {pageSize} OFFSET {skip}
                    """).ToListAsync(ct);
                var json = "[" + string.Join(',', ids) + "]";
                var found = await db.Database.SqlQuery<RawHit>($"""
                    SELECT p.Id AS PostId, p.Kind AS Kind, p.Slug AS Slug, p.PublishedAt AS PublishedAt,
                           highlight(PostSearch, 0, char(2), char(3)) AS Title,
                           snippet(PostSearch, 1, char(2), char(3), ' … ', 40) AS Snippet
                    FROM PostSearch s JOIN Posts p ON p.Id = s.rowid
                    WHERE PostSearch MATCH {q} AND s.rowid IN (SELECT value FROM json_each({json}))
                    """).ToListAsync(ct);
                rows = found.OrderBy(r => ids.IndexOf(r.PostId)).ToList();
            }
        }
        var hits = rows.Select(r => new SearchHit(r.PostId, r.Kind, r.Slug, DateTime.SpecifyKind(r.PublishedAt, DateTimeKind.Utc),
            Highlight(r.Title), Highlight(r.Snippet))).ToList();
        return new PagedResult<SearchHit>(hits, page, pageSize, total);
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
