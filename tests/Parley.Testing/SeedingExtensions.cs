using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Comments;
using Parley.Core.Data;
using Parley.Core.Posts;

namespace Parley.Testing;

/// <summary>Shortcuts that put data in place through Parley's own services, for tests about something else.</summary>
public static class SeedingExtensions
{
    /// <summary>Posts a comment through the service and approves it as the administrator. Returns its id.</summary>
    public static async Task<int> SeedApprovedCommentAsync(this ParleyApp app, string postPath, string name, string email, string body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ParleyDbContext>();
        var slug = postPath.TrimEnd('/').Split('/')[^1];
        var postId = await db.Posts.Where(p => p.Slug == slug && p.Kind == PostKind.Post).Select(p => p.Id).SingleAsync();
        var comment = await sp.GetRequiredService<CommentService>().PostAsync(
            new CommentInput { PostId = postId, Name = name, Email = email, Body = body }, new CommenterContext("127.0.0.1", "seed"));
        var adminId = await db.Users.Where(u => u.Email == ParleyApp.AdminEmail).Select(u => u.Id).SingleAsync();
        await sp.GetRequiredService<CommentModeration>().ApplyAsync(new ModeratorScope(adminId, true), [comment.Id], ModerationAction.Approve);
        return comment.Id;
    }
}
