using System.Data.Common;

namespace Parley.Web.Cli.Bench;

/// <summary>
/// Plain parameterised INSERTs, prepared once and run per row inside large transactions: the fastest way
/// to fill SQLite, and fast enough on PostgreSQL. Ids are given, not generated, so replies can name their
/// parent without reading anything back. The search index follows by itself (SQLite triggers, PostgreSQL's
/// generated column); the posts' comment counts are written with each post.
/// </summary>
internal sealed class BenchRows(DbConnection connection) : IAsyncDisposable
{
    private DbTransaction? _transaction;
    private readonly List<DbCommand> _commands = [];
    private DbCommand? _post, _revision, _category, _tag, _comment;

    public async Task BeginAsync(CancellationToken ct)
    {
        _transaction = await connection.BeginTransactionAsync(ct);
        foreach (var command in _commands) command.Transaction = _transaction;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_transaction is null) return;
        await _transaction.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public sealed record PostRow(int Id, int Kind, string Title, string Slug, string? Excerpt, BenchBodies.PostBody Body, int Status,
        DateTime? PublishedAt, DateTime CreatedAt, string AuthorId, bool CommentsOpen, int CommentCount);

    public sealed record CommentRow(int Id, int PostId, int? ParentId, int Depth, string AuthorName, string? AuthorEmail, string? AuthorUrl,
        string? AuthorUserId, string AvatarKey, string? AuthorIp, BenchBodies.CommentBody Body, int Status, int Kind, DateTime CreatedAt);

    public Task PostAsync(PostRow p, CancellationToken ct)
    {
        _post ??= Prepare("""
            INSERT INTO "Posts" ("Id", "Kind", "Title", "Slug", "Excerpt", "BodySource", "BodyHtml", "BodyText", "Status", "PublishedAt",
              "CreatedAt", "UpdatedAt", "AuthorId", "CommentsOpen", "CommentCount", "Version")
            VALUES (@Id, @Kind, @Title, @Slug, @Excerpt, @BodySource, @BodyHtml, @BodyText, @Status, @PublishedAt, @CreatedAt, @CreatedAt,
              @AuthorId, @CommentsOpen, @CommentCount, 1)
            """, "Id", "Kind", "Title", "Slug", "Excerpt", "BodySource", "BodyHtml", "BodyText", "Status", "PublishedAt", "CreatedAt", "AuthorId", "CommentsOpen", "CommentCount");
        return RunAsync(_post, ct, p.Id, p.Kind, p.Title, p.Slug, p.Excerpt, p.Body.Source, p.Body.Html, p.Body.Text, p.Status, p.PublishedAt,
            p.CreatedAt, p.AuthorId, p.CommentsOpen, p.CommentCount);
    }

    /// <summary>The first revision, as every post saved through PostService has.</summary>
    public Task RevisionAsync(PostRow p, CancellationToken ct)
    {
        _revision ??= Prepare("""
            INSERT INTO "PostRevisions" ("PostId", "Title", "BodySource", "BodyHtml", "CreatedAt", "AuthorId")
            VALUES (@PostId, @Title, @BodySource, @BodyHtml, @CreatedAt, @AuthorId)
            """, "PostId", "Title", "BodySource", "BodyHtml", "CreatedAt", "AuthorId");
        return RunAsync(_revision, ct, p.Id, p.Title, p.Body.Source, p.Body.Html, p.CreatedAt, p.AuthorId);
    }

    public Task CategoryAsync(int postId, int categoryId, CancellationToken ct)
    {
        _category ??= Prepare("""INSERT INTO "PostCategories" ("CategoriesId", "PostsId") VALUES (@CategoryId, @PostId)""", "CategoryId", "PostId");
        return RunAsync(_category, ct, categoryId, postId);
    }

    public Task TagAsync(int postId, int tagId, CancellationToken ct)
    {
        _tag ??= Prepare("""INSERT INTO "PostTags" ("PostsId", "TagsId") VALUES (@PostId, @TagId)""", "PostId", "TagId");
        return RunAsync(_tag, ct, postId, tagId);
    }

    public Task CommentAsync(CommentRow c, CancellationToken ct)
    {
        _comment ??= Prepare("""
            INSERT INTO "Comments" ("Id", "PostId", "ParentId", "Depth", "AuthorName", "AuthorEmail", "AuthorUrl", "AuthorUserId", "AvatarKey",
              "AuthorIp", "BodySource", "BodyHtml", "BodyHash", "Status", "Kind", "CreatedAt", "IsPinned", "NotifiedAt", "LikeCount")
            VALUES (@Id, @PostId, @ParentId, @Depth, @AuthorName, @AuthorEmail, @AuthorUrl, @AuthorUserId, @AvatarKey, @AuthorIp,
              @BodySource, @BodyHtml, @BodyHash, @Status, @Kind, @CreatedAt, @IsPinned, @NotifiedAt, 0)
            """, "Id", "PostId", "ParentId", "Depth", "AuthorName", "AuthorEmail", "AuthorUrl", "AuthorUserId", "AvatarKey", "AuthorIp",
            "BodySource", "BodyHtml", "BodyHash", "Status", "Kind", "CreatedAt", "IsPinned", "NotifiedAt");
        // Approved comments count as already announced, as imported ones do: nobody is mailed about seeded text.
        return RunAsync(_comment, ct, c.Id, c.PostId, c.ParentId, c.Depth, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.AuthorUserId, c.AvatarKey,
            c.AuthorIp, c.Body.Source, c.Body.Html, c.Body.Hash, c.Status, c.Kind, c.CreatedAt, false, c.Status == 1 ? c.CreatedAt : null);
    }

    private DbCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        _commands.Add(command);
        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands) await command.DisposeAsync();
        if (_transaction is not null) await _transaction.DisposeAsync();
    }
}
