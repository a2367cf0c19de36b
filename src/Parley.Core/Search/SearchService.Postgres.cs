using Microsoft.EntityFrameworkCore;

namespace Parley.Core.Search;

/// <summary>
/// PostgreSQL: the generated, GIN-indexed column SearchVector. Testing a post against the query reads its vector from
/// TOAST storage (microseconds each), so no query tests every match of a common word: counting stops at the cap, and
/// newest first walks IX_Posts_SearchNewest (public-able posts by PublishedAt) and stops after the page. The planner
/// picks the GIN index instead when the words are rare.
/// </summary>
public sealed partial class SearchService
{
    private Task<int> CountPostgresAsync(string q, DateTime now, int upTo, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM (
                SELECT 1 FROM "Posts" p
                WHERE p."SearchVector" @@ to_tsquery('simple', {q}) AND p."Status" IN (1, 2) AND p."PublishedAt" <= {now}
                LIMIT {upTo}) AS m
            """).SingleAsync(ct);

    private Task<List<RawHit>> PagePostgresAsync(string q, DateTime now, bool ranked, long skip, int take, CancellationToken ct)
    {
        // The page's posts are chosen first and only they get headlines: ts_headline parses a post's whole text, and
        // rows skipped by OFFSET would otherwise get one too.
        return ranked
            ? db.Database.SqlQuery<RawHit>($"""
                SELECT p."Id" AS "PostId", p."Kind" AS "Kind", p."Slug" AS "Slug", p."PublishedAt" AS "PublishedAt",
                       ts_headline('simple', p."Title", to_tsquery('simple', {q}), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS "Title",
                       ts_headline('simple', p."BodyText", to_tsquery('simple', {q}), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') AS "Snippet"
                FROM (SELECT p."Id", ts_rank_cd(p."SearchVector", to_tsquery('simple', {q})) AS "Rank" FROM "Posts" p
                      WHERE p."SearchVector" @@ to_tsquery('simple', {q}) AND p."Status" IN (1, 2) AND p."PublishedAt" <= {now}
                      ORDER BY "Rank" DESC, p."PublishedAt" DESC, p."Id" DESC LIMIT {take} OFFSET {skip}) AS m
                JOIN "Posts" p ON p."Id" = m."Id"
                ORDER BY m."Rank" DESC, p."PublishedAt" DESC, p."Id" DESC
                """).ToListAsync(ct)
            : db.Database.SqlQuery<RawHit>($"""
                SELECT p."Id" AS "PostId", p."Kind" AS "Kind", p."Slug" AS "Slug", p."PublishedAt" AS "PublishedAt",
                       ts_headline('simple', p."Title", to_tsquery('simple', {q}), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS "Title",
                       ts_headline('simple', p."BodyText", to_tsquery('simple', {q}), 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') AS "Snippet"
                FROM (SELECT p."Id" FROM "Posts" p
                      WHERE p."SearchVector" @@ to_tsquery('simple', {q}) AND p."Status" IN (1, 2) AND p."PublishedAt" <= {now}
                      ORDER BY p."PublishedAt" DESC, p."Id" DESC LIMIT {take} OFFSET {skip}) AS m
                JOIN "Posts" p ON p."Id" = m."Id"
                ORDER BY p."PublishedAt" DESC, p."Id" DESC
                """).ToListAsync(ct);
    }
}
