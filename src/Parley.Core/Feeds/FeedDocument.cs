namespace Parley.Core.Feeds;

/// <summary>A feed, independent of format. All URLs are absolute.</summary>
public sealed record FeedDocument(
    string Title, string Description, string HomeUrl, string FeedUrl, string Language, DateTime UpdatedAt,
    IReadOnlyList<FeedEntry> Entries);

public sealed record FeedEntry(
    string Id, string Title, string Url, DateTime PublishedAt, DateTime UpdatedAt, string AuthorName,
    string Summary, string ContentHtml, IReadOnlyList<string> Categories, string? ImageUrl);
