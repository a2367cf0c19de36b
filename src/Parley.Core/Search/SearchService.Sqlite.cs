using Microsoft.EntityFrameworkCore;

namespace Parley.Core.Search;

/// <summary>
/// SQLite: the FTS5 table PostSearch holds only posts that are or will be public (Scheduled, Published), each under the
/// row id (whole seconds of PublishedAt since 1970) × 2^30 + Id, kept by the triggers of the SearchByPublication
/// migration. Row id order is therefore publication order: "public now" is a row id range (posts of the current second
/// are checked against PublishedAt itself), and newest first is FTS5 walking its index backwards and stopping after the
/// page. No query reads more posts than the page shows.
/// </summary>
public sealed partial class SearchService
{
    private const int IdBits = 30;
    private const long IdMask = (1L << IdBits) - 1;
    private const long KeySecondsLimit = 4_294_967_296; // the migration clamps seconds to ±2^32, so keys fit 63 bits

    /// <summary>The row ids from the start of <paramref name="utc"/>'s second on.</summary>
    private static long KeyOfSecond(DateTime utc) =>
        Math.Clamp(new DateTimeOffset(utc).ToUnixTimeSeconds(), -KeySecondsLimit, KeySecondsLimit - 1) << IdBits;

    /// <summary>
    /// FTS5 answers a prefix by first merging the whole list of every word it starts, even for one page of results:
    /// milliseconds for a word in most posts, on every query. The vocabulary (PostSearchWords) names the longer words
    /// that start with it while reading only their lists, once; the query then asks for those words, whose lists FTS5
    /// reads lazily and leaves after the page. Only plain a-z/0-9 words are looked up, since their indexed form is the
    /// word itself; others, and prefixes of too many words, stay prefixes.
    /// </summary>
    private async Task<string> SqliteMatchAsync(SearchQuery query, CancellationToken ct)
    {
        const int mostForms = 32;
        var last = query.Terms[^1];
        if (!last.All(char.IsAsciiLetterOrDigit)) return query.ToFts5();
        // Every longer word starting with it lies between the word + U+0001 and the word + U+10FFFF.
        var longer = await db.Database.SqlQuery<string>($"""
            SELECT term AS "Value" FROM PostSearchWords
            WHERE term >= {last + "\u0001"} AND term < {last + char.ConvertFromUtf32(0x10FFFF)} LIMIT {mostForms}
            """).ToListAsync(ct);
        return longer.Count == mostForms ? query.ToFts5() : query.ToFts5([last, .. longer]);
    }

    // Every query below keeps to "public now": row ids before the current second, or in it and PublishedAt passed.
    private Task<int> CountSqliteAsync(string match, DateTime now, int upTo, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""
            SELECT count(*) AS "Value" FROM (
                SELECT 1 FROM PostSearch WHERE PostSearch MATCH {match} AND rowid < {KeyOfSecond(now.AddSeconds(1))}
                  AND (rowid < {KeyOfSecond(now)} OR (SELECT PublishedAt FROM Posts WHERE Id = PostSearch.rowid & {IdMask}) <= {now})
                LIMIT {upTo})
            """).SingleAsync(ct);

    private Task<List<RawHit>> PageSqliteAsync(string match, DateTime now, bool ranked, long skip, int take, CancellationToken ct)
    {
        var (second, next) = (KeyOfSecond(now), KeyOfSecond(now.AddSeconds(1)));
        // Highlights and snippets come from the query that matches (FTS5 makes them there) and only for the rows it
        // returns; each post's address is then read by the Id in the row id's low bits.
        return ranked
            ? db.Database.SqlQuery<RawHit>($"""
                SELECT p.Id AS PostId, p.Kind AS Kind, p.Slug AS Slug, p.PublishedAt AS PublishedAt, m.Title AS Title, m.Snippet AS Snippet
                FROM (SELECT rowid AS Key, bm25(PostSearch, 4.0, 1.0) AS Rank,
                             highlight(PostSearch, 0, char(2), char(3)) AS Title,
                             snippet(PostSearch, 1, char(2), char(3), ' … ', 40) AS Snippet
                      FROM PostSearch WHERE PostSearch MATCH {match} AND rowid < {next}
                        AND (rowid < {second} OR (SELECT PublishedAt FROM Posts WHERE Id = PostSearch.rowid & {IdMask}) <= {now})
                      ORDER BY Rank, rowid DESC LIMIT {take} OFFSET {skip}) AS m
                JOIN Posts p ON p.Id = m.Key & {IdMask}
                ORDER BY m.Rank, m.Key DESC
                """).ToListAsync(ct)
            : db.Database.SqlQuery<RawHit>($"""
                SELECT p.Id AS PostId, p.Kind AS Kind, p.Slug AS Slug, p.PublishedAt AS PublishedAt, m.Title AS Title, m.Snippet AS Snippet
                FROM (SELECT rowid AS Key,
                             highlight(PostSearch, 0, char(2), char(3)) AS Title,
                             snippet(PostSearch, 1, char(2), char(3), ' … ', 40) AS Snippet
                      FROM PostSearch WHERE PostSearch MATCH {match} AND rowid < {next}
                        AND (rowid < {second} OR (SELECT PublishedAt FROM Posts WHERE Id = PostSearch.rowid & {IdMask}) <= {now})
                      ORDER BY rowid DESC LIMIT {take} OFFSET {skip}) AS m
                JOIN Posts p ON p.Id = m.Key & {IdMask}
                ORDER BY m.Key DESC
                """).ToListAsync(ct);
    }
}
