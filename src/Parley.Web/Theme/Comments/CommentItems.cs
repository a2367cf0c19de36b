using Parley.Core.Comments;

namespace Parley.Web.Theme.Comments;

/// <summary>Comments to render with their replies (a thread, or one new comment), and the page they sit on.</summary>
public sealed record CommentItems(IReadOnlyList<CommentView> Comments, PostModel Page);
