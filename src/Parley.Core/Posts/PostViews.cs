using Parley.Core.Media;

namespace Parley.Core.Posts;

/// <summary>A post as listings show it: no body, a short summary instead.</summary>
public sealed record PostSummary(
    int Id, PostKind Kind, string Title, string Slug, string Summary, DateTime PublishedAt, DateTime UpdatedAt,
    AuthorRef Author, IReadOnlyList<TermRef> Categories, MediaItem? FeaturedImage, int CommentCount);

public sealed record AuthorRef(string DisplayName, string Slug);

/// <summary>
/// A public post or page with everything its page and its feed entry show. A read model, so the
/// author's account row (with its password hash) is never loaded to print a name. Of the plain text only
/// the start (for the summary) and the word count (for the reading time) are read: the whole text is as long
/// as the body, and a second long string per request would double what the garbage collector has to sweep.
/// </summary>
public sealed record PublicPost(
    int Id, PostKind Kind, string Title, string Slug, string? Excerpt, string BodyHtml, string TextStart, int WordCount,
    DateTime PublishedAt, DateTime UpdatedAt, string AuthorId, AuthorRef Author, IReadOnlyList<TermRef> Categories, IReadOnlyList<TermRef> Tags,
    MediaItem? FeaturedImage, bool CommentsOpen, int? CommentsCloseAfterDays, string? ReaderQuestion, int CommentCount)
{
    public string Summary => Excerpt ?? PostQueries.Shorten(TextStart);

    /// <summary>Minutes to read the post at 230 words a minute; at least one.</summary>
    public int ReadingMinutes => Math.Max(1, (int)Math.Round(WordCount / 230.0));
}

public sealed record TermRef(int Id, string Name, string Slug);

public sealed record TermCount(string Name, string Slug, int Count, int Depth = 0);

public sealed record MonthCount(int Year, int Month, int Count);

/// <summary>One page of a longer list; <see cref="Page"/> counts from 1.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int TotalPages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}

/// <summary>Which published posts a listing shows. Empty filter: all of them.</summary>
public sealed record PostFilter
{
    public IReadOnlyList<int>? CategoryIds { get; init; }
    public int? TagId { get; init; }
    public string? AuthorId { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }

    /// <summary>A text naming this filter, for caching what it counts.</summary>
    public string Key => $"c={string.Join(',', CategoryIds ?? [])};t={TagId};a={AuthorId};f={FromUtc?.Ticks};u={ToUtc?.Ticks}";
}
