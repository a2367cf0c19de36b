using Parley.Core.Accounts;

namespace Parley.Core.Posts;

/// <summary>
/// Who may do what with a post, with WordPress's meanings: Contributors write and submit for review
/// (never publish, never touch a published post); Authors publish and manage their own posts;
/// Editors and Administrators manage every post and page.
/// </summary>
public sealed record PostPermissions(string UserId, IReadOnlyCollection<string> Roles)
{
    public bool IsEditor => Roles.Contains(Accounts.Roles.Administrator) || Roles.Contains(Accounts.Roles.Editor);
    public bool IsAuthor => IsEditor || Roles.Contains(Accounts.Roles.Author);
    public bool IsStaff => IsAuthor || Roles.Contains(Accounts.Roles.Contributor);

    public bool CanCreate(PostKind kind) => kind == PostKind.Page ? IsEditor : IsStaff;

    public bool CanSee(Post post) => IsEditor || post.AuthorId == UserId;

    public bool CanEdit(Post post) =>
        IsEditor || (post.Kind == PostKind.Post && post.AuthorId == UserId && (IsAuthor || post.Status is PostStatus.Draft or PostStatus.Pending));

    public bool CanPublish(Post? post) => post is null ? IsAuthor : IsEditor || (IsAuthor && post.AuthorId == UserId);

    public bool CanDelete(Post post) => CanEdit(post);

    /// <summary>The status a save may ask for: a Contributor's "publish" becomes "submit for review".</summary>
    public PostStatus Allowed(PostStatus wanted, Post? post) =>
        wanted is PostStatus.Published or PostStatus.Scheduled && !CanPublish(post) ? PostStatus.Pending : wanted;
}
