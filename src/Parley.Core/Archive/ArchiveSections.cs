using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;
using Parley.Core.Accounts;
using Parley.Core.Comments;
using Parley.Core.Import;
using Parley.Core.Media;
using Parley.Core.Notifications;
using Parley.Core.Posts;
using Parley.Core.Settings;

namespace Parley.Core.Archive;

/// <summary>
/// One kind of row in the archive: a table of the model, under a stable name.
/// </summary>
/// <param name="Name">File name in <c>data/</c>; never changes once released.</param>
/// <param name="ClrType">The entity's class, or null for a join table known only by name.</param>
/// <param name="SharedName">The name of a join table without a class of its own (posts ↔ categories).</param>
/// <param name="OrderBy">Row order when it is not the key's; parents must come before their replies.</param>
/// <param name="Secrets">Columns encrypted with this site's Data Protection keys, with the name their plain value has in the archive.</param>
public sealed record ArchiveSection(string Name, Type? ClrType, string? SharedName = null, string[]? OrderBy = null,
    IReadOnlyDictionary<string, string>? Secrets = null)
{
    public IEntityType EntityType(IModel model) =>
        (ClrType is null ? model.FindEntityType(SharedName!) : model.FindEntityType(ClrType))
        ?? throw new InvalidOperationException($"The model has no entity for archive section '{Name}'.");
}

/// <summary>
/// What the archive holds and what it leaves out, decided once for every entity of the model. A test
/// fails when the model gains an entity that is in neither list.
/// </summary>
public static class ArchiveSections
{
    /// <summary>In the order they are written back: whatever a row points to comes before it.</summary>
    public static readonly IReadOnlyList<ArchiveSection> Included =
    [
        new("roles", typeof(IdentityRole)),
        new("role-claims", typeof(IdentityRoleClaim<string>)),
        new("users", typeof(ParleyUser)),
        new("user-roles", typeof(IdentityUserRole<string>)),
        new("user-claims", typeof(IdentityUserClaim<string>)),
        new("user-logins", typeof(IdentityUserLogin<string>)),
        new("user-tokens", typeof(IdentityUserToken<string>)),
        new("passkeys", typeof(IdentityUserPasskey<string>)),
        new("api-tokens", typeof(ApiToken)),
        new("invitations", typeof(Invitation)),
        new("security-events", typeof(SecurityEvent)),
        new("settings", typeof(SiteSettings)),
        new("sign-in-providers", typeof(SignInProvider), Secrets: new Dictionary<string, string> { ["ClientSecretProtected"] = "ClientSecret" }),
        new("media-items", typeof(MediaItem)),
        // A category's parent has a smaller id only if it was made first; ordering by depth is not possible
        // in SQL without a depth column, so the writer sorts categories itself (there are few).
        new("categories", typeof(Category)),
        new("tags", typeof(Tag)),
        new("posts", typeof(Post)),
        new("post-categories", null, "PostCategories"),
        new("post-tags", null, "PostTags"),
        new("post-revisions", typeof(PostRevision)),
        new("post-autosaves", typeof(PostAutosave)),
        new("path-redirects", typeof(PathRedirect)),
        // A reply is always one level deeper than its parent, so depth order writes parents first.
        new("comments", typeof(Comment), OrderBy: ["Depth", "Id"]),
        new("comment-reactions", typeof(CommentReaction)),
        new("moderation-log", typeof(ModerationLogEntry)),
        new("subscriptions", typeof(CommentSubscription)),
        new("imported-items", typeof(ImportedItem)),
    ];

    /// <summary>Left out on purpose, each with the reason (also in docs/architecture.md).</summary>
    public static readonly IReadOnlyDictionary<Type, string> Excluded = new Dictionary<Type, string>
    {
        [typeof(AuthSession)] = "Signed-in browsers: their tickets are sealed with the old site's keys, and moving a site signs everyone out.",
        [typeof(EmailSignInCode)] = "Sign-in codes live fifteen minutes; a reader asks for a new one.",
        [typeof(OutboxMessage)] = "Mail waiting to be sent belongs to the old machine; some of it holds one-time secrets.",
        [typeof(FediverseApp)] = "Parley's registration on each fediverse server; made again on the next sign-in from that server.",
        [typeof(IdentityPasskeyData)] = "Part of a passkey row (stored as JSON inside it), written with the passkey.",
    };

    public static ArchiveSection? Find(string name) => Included.FirstOrDefault(s => s.Name == name);
}
