using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Media;
using Parley.Core.Posts;
using Parley.Core.Rendering;
using Parley.Core.Settings;

namespace Parley.Web.Cli.Bench;

/// <summary>
/// Fills the site's database with a large generated blog for benchmarks: staff authors, nested categories,
/// tags, posts over eight years and comments spread as on real blogs (most posts few, some hundreds),
/// threaded, mostly approved, some held or spam, plus <c>realistic-post</c> with 50 approved comments of
/// which 15 are replies. Small things go through the services; posts and comments are written in bulk.
/// </summary>
internal sealed class BenchSeeder(ParleyDbContext db, PostMarkdownRenderer postRenderer, ResponsiveImages images, CommentMarkdownRenderer commentRenderer,
    SettingsService settings, CategoryService categories, TagService tags, StaffAccounts staff, UserManager<ParleyUser> users, TimeProvider clock)
{
    public const string RealisticSlug = "realistic-post";
    private const int PostsPerTransaction = 1000;
    private static readonly DateTime First = new(2018, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public sealed record Result(int Posts, long Comments, long Approved, TimeSpan Elapsed);

    public async Task<Result> SeedAsync(int postCount, long commentCount, string adminId, int seed, Action<string> say, CancellationToken ct = default)
    {
        var clockStart = Stopwatch.StartNew();
        var rng = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var site = await settings.GetAsync(ct);
        var deepest = Math.Max(1, site.CommentThreadDepth) - 1;

        var authors = new List<string> { adminId };
        for (var i = 1; i <= 4; i++)
        {
            var email = $"bench-author{i}@bench.example";
            authors.Add((await users.FindByEmailAsync(email) ?? await staff.CreateImportedAsync(BenchText.Person(rng, 500).Name, email, $"bench-author{i}", adminId, ct)).Id);
        }
        var categoryIds = await CategoriesAsync(ct);
        var tagIds = new List<int>();
        foreach (var name in Enumerable.Range(0, 40).Select(_ => BenchText.Word(rng) + " " + BenchText.Word(rng)).Distinct())
            tagIds.Add((await tags.EnsureAsync(name, ct)).Tag.Id);

        say("Rendering post and comment bodies once...");
        var bodies = await BenchBodies.RenderAsync(rng, postRenderer, images, commentRenderer, ct);
        var people = Enumerable.Range(0, 5000).Select(_ => BenchText.Person(rng, 5000)).Distinct()
            .Select(p => (p.Name, p.Email, Avatar: CommentService.AvatarKey(site, p.Email))).ToArray();
        var takenSlugs = (await db.Posts.Where(p => p.Kind == PostKind.Post).Select(p => p.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var nextPost = (await db.Posts.MaxAsync(p => (int?)p.Id, ct) ?? 0) + 1;
        var nextComment = (await db.Comments.MaxAsync(c => (int?)c.Id, ct) ?? 0) + 1;

        var realisticComments = commentCount >= 50 && !takenSlugs.Contains(RealisticSlug) ? 50 : 0;
        var others = realisticComments > 0 ? postCount - 1 : postCount;
        var counts = BenchText.Spread(commentCount - realisticComments, Math.Max(0, others), rng);
        long written = 0, approvedTotal = 0;
        var span = now.AddDays(-1) - First;

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = db.Database.IsSqlite();
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct); // 256 MB of page cache while the indexes grow
        await using (var rows = new BenchRows(connection))
        {
            var carried = 0;
            for (var i = 0; i < others; i++)
            {
                if (i % PostsPerTransaction == 0) await rows.BeginAsync(ct);
                var published = First + span * ((i + rng.NextDouble()) / Math.Max(1, others + 1));
                var draft = rng.Next(100) == 0;
                // Drafts have no comments; theirs go to the next published post, so the total stays exact.
                var count = draft ? 0 : counts[i] + carried;
                carried = draft ? carried + counts[i] : 0;
                var title = BenchText.Title(rng);
                var slug = Slugs.FromText(title);
                for (var n = 2; !takenSlugs.Add(slug); n++) slug = $"{Slugs.FromText(title)}-{n}";
                var body = bodies.Posts[rng.Next(bodies.Posts.Count)];
                var thread = Thread(rng, nextPost, ref nextComment, count, published, now, deepest, people, authors, bodies);
                var approved = thread.Count(c => c.Status == (int)CommentStatus.Approved);
                var post = new BenchRows.PostRow(nextPost++, (int)PostKind.Post, title, slug, body.Excerpt, body, (int)(draft ? PostStatus.Draft : PostStatus.Published),
                    draft ? null : published, published, authors[rng.Next(authors.Count)], rng.Next(25) != 0, approved);
                await WritePostAsync(rows, post, thread, categoryIds, tagIds, rng, ct);
                written += thread.Count;
                approvedTotal += approved;
                if ((i + 1) % PostsPerTransaction == 0 || i == others - 1)
                {
                    await rows.CommitAsync(ct);
                    say($"  {i + 1:N0} of {postCount:N0} posts, {written:N0} comments ({clockStart.Elapsed.TotalSeconds:F0} s)");
                }
            }
            if (realisticComments > 0)
            {
                await rows.BeginAsync(ct);
                var at = now.AddHours(-12);
                var thread = RealisticThread(rng, nextPost, ref nextComment, at, people, bodies);
                var post = new BenchRows.PostRow(nextPost++, (int)PostKind.Post, "Two years of river clean-up, told at length", RealisticSlug, null, bodies.Realistic,
                    (int)PostStatus.Published, at, at, adminId, true, thread.Count);
                await WritePostAsync(rows, post, thread, categoryIds, tagIds, rng, ct);
                await rows.CommitAsync(ct);
                written += thread.Count;
                approvedTotal += thread.Count;
            }
        }
        await FinishAsync(sqlite, now, ct);
        return new Result(postCount, written, approvedTotal, clockStart.Elapsed);
    }

    private static async Task WritePostAsync(BenchRows rows, BenchRows.PostRow post, List<BenchRows.CommentRow> thread, List<int> categoryIds, List<int> tagIds, Random rng, CancellationToken ct)
    {
        await rows.PostAsync(post, ct);
        await rows.RevisionAsync(post, ct);
        foreach (var category in categoryIds.OrderBy(_ => rng.Next()).Take(rng.Next(1, 3))) await rows.CategoryAsync(post.Id, category, ct);
        foreach (var tag in tagIds.OrderBy(_ => rng.Next()).Take(rng.Next(0, 5))) await rows.TagAsync(post.Id, tag, ct);
        foreach (var comment in thread) await rows.CommentAsync(comment, ct);
    }

    private static List<BenchRows.CommentRow> Thread(Random rng, int postId, ref int nextId, int count, DateTime published, DateTime now, int deepest,
        (string Name, string Email, string Avatar)[] people, List<string> staffIds, BenchBodies bodies)
    {
        var thread = new List<BenchRows.CommentRow>(count);
        for (var k = 0; k < count; k++)
        {
            var roll = rng.Next(1000);
            var body = bodies.Comments[rng.Next(bodies.Comments.Count)];
            var (name, email, avatar) = people[rng.Next(people.Length)];
            if (roll < 8)
            {
                thread.Add(new BenchRows.CommentRow(nextId++, postId, null, 0, $"The {BenchText.Word(rng)} blog", null, $"https://{BenchText.Word(rng)}.example/",
                    null, avatar, null, body, (int)CommentStatus.Approved, (int)CommentKind.Pingback, Later(rng, published, now)));
                continue;
            }
            var status = roll < 900 ? CommentStatus.Approved : roll < 950 ? CommentStatus.Pending : roll < 990 ? CommentStatus.Spam : CommentStatus.Trash;
            BenchRows.CommentRow? parent = null;
            if (status != CommentStatus.Spam && thread.Count > 0 && rng.Next(3) == 0)
            {
                var candidate = thread[rng.Next(thread.Count)];
                if (candidate.Status == (int)CommentStatus.Approved && candidate.Kind == (int)CommentKind.Comment) parent = candidate;
            }
            var (parentId, depth) = parent is null ? ((int?)null, 0) : parent.Depth >= deepest ? (parent.ParentId ?? parent.Id, deepest) : (parent.Id, parent.Depth + 1);
            var staff = rng.Next(40) == 0 ? staffIds[rng.Next(staffIds.Count)] : null;
            thread.Add(new BenchRows.CommentRow(nextId++, postId, parentId, depth, name, email, rng.Next(5) == 0 ? $"https://{BenchText.Word(rng)}.example" : null,
                staff, avatar, $"192.0.2.{rng.Next(1, 255)}", body, (int)status, (int)CommentKind.Comment, Later(rng, parent?.CreatedAt ?? published, now)));
        }
        return thread;
    }

    /// <summary>50 approved comments, 15 of them replies to earlier ones, like the WordPress benchmark site's post.</summary>
    private static List<BenchRows.CommentRow> RealisticThread(Random rng, int postId, ref int nextId, DateTime published,
        (string Name, string Email, string Avatar)[] people, BenchBodies bodies)
    {
        var thread = new List<BenchRows.CommentRow>(50);
        for (var k = 0; k < 50; k++)
        {
            var (name, email, avatar) = people[rng.Next(people.Length)];
            var parent = k > 0 && k % 10 is 3 or 6 or 9 ? thread[rng.Next(thread.Count)] : null; // 15 of 50
            var at = (parent?.CreatedAt ?? published).AddMinutes(5 + k);
            thread.Add(new BenchRows.CommentRow(nextId++, postId, parent?.Id, parent is null ? 0 : Math.Min(parent.Depth + 1, 4), name, email, null, null, avatar,
                "192.0.2.7", bodies.Comments[k % bodies.Comments.Count], (int)CommentStatus.Approved, (int)CommentKind.Comment, at));
        }
        return thread;
    }

    private static DateTime Later(Random rng, DateTime after, DateTime now)
    {
        var at = after + TimeSpan.FromMinutes(rng.Next(5, 60 * 24 * 20));
        return at < now ? at : after.AddSeconds(30);
    }

    private async Task<List<int>> CategoriesAsync(CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var (top, children) in new[]
        {
            ("Town", new[] { "Council", "Streets" }), ("Nature", new[] { "Rivers", "Birds" }),
            ("Making", new[] { "Workshop", "Software" }), ("Travel", new[] { "Ferries", "Walks" }),
        })
        {
            var parent = await EnsureCategoryAsync(top, null, ct);
            ids.Add(parent.Id);
            foreach (var child in children) ids.Add((await EnsureCategoryAsync(child, parent.Slug, ct)).Id);
        }
        return ids;
    }

    private async Task<Category> EnsureCategoryAsync(string name, string? parentSlug, CancellationToken ct)
    {
        var slug = Slugs.FromText(name);
        return await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct) ?? await categories.CreateWithSlugAsync(name, slug, parentSlug, null, ct);
    }

    /// <summary>Explicit ids leave PostgreSQL's sequences behind; statistics help the planner on the new volume; caches learn of the change.</summary>
    private async Task FinishAsync(bool sqlite, DateTime now, CancellationToken ct)
    {
        if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA optimize", ct);
        else
        {
            await db.Database.ExecuteSqlRawAsync("""
                SELECT setval(pg_get_serial_sequence('"Posts"', 'Id'), (SELECT max("Id") FROM "Posts"));
                SELECT setval(pg_get_serial_sequence('"Comments"', 'Id'), (SELECT max("Id") FROM "Comments"));
                ANALYZE "Posts"; ANALYZE "Comments";
                """, ct);
        }
        await settings.TouchContentAsync(now, ct);
    }
}
