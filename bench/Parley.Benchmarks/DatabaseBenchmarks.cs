using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Benchmarks;

/// <summary>
/// The post page's database work on SQLite (a real file, WAL): the post by its address, and its
/// thread of 500 comments (75 of them replies) built into a tree.
/// </summary>
[MemoryDiagnoser]
public class DatabaseBenchmarks
{
    private string _folder = "";
    private ServiceProvider _services = null!;
    private Post _post = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("parley-bench-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<ParleyDbContext>(o => o.Use(DatabaseProvider.Sqlite, ParleyDatabase.SqliteFile(_folder)));
        services.AddParleyCore();
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        await ParleyDatabase.MigrateAsync(db);
        var author = new ParleyUser { UserName = "bench@example.org", Email = "bench@example.org", DisplayName = "Bench", Slug = "bench" };
        db.Users.Add(author);
        await db.SaveChangesAsync();
        _post = await scope.ServiceProvider.GetRequiredService<PostService>().CreateAsync(new PostInput
        {
            Title = "A post with five hundred comments", Body = DemoText.Post("01-late-library.md"), Status = PostStatus.Published,
            PublishAt = DateTime.UtcNow.AddDays(-1),
        }, author.Id);
        var renderer = scope.ServiceProvider.GetRequiredService<Parley.Core.Rendering.CommentMarkdownRenderer>();
        var html = renderer.Render("A *typical* comment with a [link](https://example.org) and two sentences of text.");
        var made = new List<Comment>();
        for (var i = 0; i < 500; i++)
        {
            var parent = i % 7 == 6 && made.Count > 0 ? made[i / 2] : null;
            var comment = new Comment
            {
                PostId = _post.Id, ParentId = parent?.Id, Depth = parent is null ? 0 : 1, AuthorName = $"Reader {i}", AuthorEmail = $"r{i}@example.org",
                AvatarKey = $"k{i}", BodySource = "A typical comment", BodyHtml = html, Status = CommentStatus.Approved, CreatedAt = DateTime.UtcNow.AddMinutes(-500 + i),
            };
            db.Comments.Add(comment);
            if (parent is null) await db.SaveChangesAsync();
            made.Add(comment);
        }
        await db.SaveChangesAsync();
    }

    [Benchmark]
    public async Task<int> Thread500()
    {
        await using var scope = _services.CreateAsyncScope();
        var thread = await scope.ServiceProvider.GetRequiredService<CommentQueries>().ThreadAsync(_post.Id, _post.AuthorId, [], CommentOrder.Oldest);
        return thread.Count;
    }

    [Benchmark]
    public async Task<int> PostByAddress()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var now = DateTime.UtcNow;
        var post = await db.Posts.AsNoTracking().Where(PostQueries.IsPublicAt(now)).Where(p => p.Kind == PostKind.Post && p.Slug == _post.Slug)
            .Include(p => p.Author).Include(p => p.Categories).Include(p => p.Tags).AsSplitQuery().FirstAsync();
        return post.Id;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
