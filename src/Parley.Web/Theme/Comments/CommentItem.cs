using Parley.Core.Comments;

namespace Parley.Web.Theme.Comments;

/// <summary>One comment in the thread, with the page it sits on (for the reply form and links).</summary>
public sealed record CommentItem(CommentView Comment, PostModel Page);
